//! Level and type of engagement (docs/METRICS.md §3.3).

use rustc_hash::FxHashMap;

use crate::graph::scope::Scope;
use crate::model::metric::Metric;
use crate::model::schema::Median;

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
    for &at in &scope.messages {
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

/// Answers to member questions: the share first answered by a member, and the median
/// minutes to the first member and first host answer.
pub struct Answers {
    /// Member questions whose first reply by someone else came from a member / member
    /// questions that got a reply. Null when no member question got a reply.
    pub peer_answer_share: Metric,
    pub to_peer: Median,
    pub to_host: Median,
}

/// A question is a member's message containing `?`; an answer is a reply of any kind to
/// it, by someone else (self-replies are not interactions).
pub fn answers(scope: &Scope) -> Answers {
    // question → (first reply time, by member?), first member reply time, first host reply time
    let mut first: FxHashMap<usize, (i64, bool)> = FxHashMap::default();
    let mut first_peer: FxHashMap<usize, i64> = FxHashMap::default();
    let mut first_host: FxHashMap<usize, i64> = FxHashMap::default();
    for i in scope.interactions.iter().filter(|i| i.kind.is_reply()) {
        let (Some(q), Some(reply)) = (i.target, scope.message(i.message)) else {
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
        let which = if by_member {
            &mut first_peer
        } else {
            &mut first_host
        };
        let earliest = which.entry(q).or_insert(t);
        *earliest = (*earliest).min(t);
    }
    let by_peer = first.values().filter(|(_, member)| *member).count();
    let delays = |firsts: &FxHashMap<usize, i64>| -> Vec<f64> {
        firsts
            .iter()
            .filter_map(|(&q, &t)| {
                scope
                    .message(q)
                    .map(|m| t.saturating_sub(m.time_ms).max(0) as f64 / 60_000.0)
            })
            .collect()
    };
    Answers {
        peer_answer_share: Metric::ratio(
            by_peer as f64,
            first.len() as f64,
            "no question by a member got a reply",
        ),
        to_peer: median(
            delays(&first_peer),
            "no member answered a member's question",
        ),
        to_host: median(delays(&first_host), "no host answered a member's question"),
    }
}

/// The median of `values` in minutes, or null with `reason` when there are none.
pub fn median(mut values: Vec<f64>, reason: &str) -> Median {
    values.sort_by(f64::total_cmp);
    let count = values.len();
    let value = match count {
        0 => None,
        _ if count % 2 == 1 => values.get(count / 2).copied(),
        _ => match (values.get(count / 2 - 1), values.get(count / 2)) {
            (Some(a), Some(b)) => Some((a + b) / 2.0),
            _ => None,
        },
    };
    Median {
        value,
        unit: "minutes",
        count: count as u64,
        reason: value.is_none().then(|| reason.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(vec![3.0, 1.0, 2.0], "").value, Some(2.0));
        assert_eq!(median(vec![4.0, 1.0], "").value, Some(2.5));
        let none = median(vec![], "nobody answered");
        assert_eq!(
            (none.value, none.reason.as_deref()),
            (None, Some("nobody answered"))
        );
    }
}
