//! Level and type of engagement (docs/METRICS.md §3.3).

use rustc_hash::FxHashMap;

use crate::graph::scope::Scope;
use crate::model::metric::Metric;

/// Member messages / (member messages + reactions given by members). 0..=1; null when
/// members neither wrote nor reacted.
///
/// Choice: "members" here are all non-host, non-bot people, reactors who never wrote
/// included — reacting without writing is exactly the passive engagement this
/// measures. Where a reaction lists its reactors, the members among them count (a
/// reaction to one's own message does not); reactions beyond the listed reactors (older
/// exports list none) count as members', since hosts rarely react in bulk.
pub fn active_share(scope: &Scope) -> Metric {
    let mut messages = 0usize;
    let mut reactions = 0usize;
    for &at in scope.messages.iter() {
        let Some(m) = scope.message(at) else { continue };
        messages += usize::from(!scope.host(m.author));
        for r in &m.reactions {
            let known = r
                .reactors
                .iter()
                .filter(|&&p| scope.member(p) && p != m.author)
                .count();
            let unknown = (r.count as usize).saturating_sub(r.reactors.len());
            reactions += known + unknown;
        }
    }
    Metric::ratio(
        messages as f64,
        (messages + reactions) as f64,
        "members neither wrote nor reacted",
    )
}

/// Member questions whose first reply by someone else came from a member / member
/// questions that got a reply. Null when no member question got a reply.
///
/// A question is a member's message containing `?`; an answer is a reply of any kind to
/// it, by someone else (self-replies are not interactions).
pub fn peer_answer_share(scope: &Scope) -> Metric {
    // question → (first reply time, by member?)
    let mut first: FxHashMap<usize, (i64, bool)> = FxHashMap::default();
    for i in scope.interactions.iter().filter(|i| i.kind.is_reply()) {
        let (Some(q), Some(reply)) = (i.target_at(), scope.message(i.at())) else {
            continue;
        };
        let Some(question) = scope.message(q) else {
            continue;
        };
        if !question.is_question || scope.host(question.author) || !scope.data.counts(question) {
            continue;
        }
        let by_member = !scope.host(i.from);
        let t = reply.time_ms;
        let slot = first.entry(q).or_insert((t, by_member));
        if t < slot.0 {
            *slot = (t, by_member);
        }
    }
    let by_peer = first.values().filter(|(_, member)| *member).count();
    Metric::ratio(
        by_peer as f64,
        first.len() as f64,
        "no question by a member got a reply",
    )
}
