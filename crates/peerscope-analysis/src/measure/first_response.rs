//! Member questions and their answers in time (docs/METRICS.md §11): how many went
//! unanswered for 72 hours, and how long the first reply took.
//!
//! A member question is a counting message by a member (not a host, bot or placeholder)
//! whose text has a question mark; an answer is a reply of any of the three kinds to it by
//! someone else (self-replies are no interactions). A reply stamped before its question
//! (clock skew) waited 0 minutes.
//!
//! Choice where the definition is silent: a question asked less than 72 hours before the
//! export's last message is left out of `unanswered_question_share` (and of
//! `counts.unanswered_member_questions`), as the newcomer shares leave out such
//! newcomers: the export cannot show whether it will be answered in time. Such questions
//! still count in `first_response` when they were answered.

use crate::graph::scope::Scope;
use crate::measure::floors;
use crate::measure::span::{Span, ANSWER_WINDOW_MS};
use crate::model::metric::Metric;
use crate::model::schema::{Delay, FirstResponse};
use crate::model::stable_sort::StableSort;
use crate::model::unstable_sort::UnstableSort;
use crate::model::PersonIdx;

/// What the questions of a scope give: the share left unanswered, the waiting times, and
/// the askers of the unanswered questions with how many each asked, most first (person
/// index on ties).
#[derive(Debug, Clone, PartialEq)]
pub struct Questions {
    pub unanswered_share: Metric,
    pub first_response: FirstResponse,
    pub askers: Vec<(PersonIdx, u64)>,
}

/// One member question: its author, time, and its first reply by anyone else, by a host
/// and by a member (UTC milliseconds).
#[derive(Debug, Clone, Copy)]
struct Asked {
    author: PersonIdx,
    t: i64,
    any: Option<i64>,
    host: Option<i64>,
    member: Option<i64>,
}

/// The questions of `scope`; no member question gives a null share with a reason and
/// empty delays.
pub fn measure(scope: &Scope) -> Questions {
    // A slot per message rather than a hash map: this runs on every reply of the export.
    let mut slot = vec![u32::MAX; scope.data.messages.len()];
    let mut asked: Vec<Asked> = Vec::new();
    for &at in scope.messages.iter() {
        let Some(m) = scope.message(at) else { continue };
        if m.is_question && scope.member(m.author) {
            if let Some(s) = slot.get_mut(at) {
                *s = asked.len() as u32;
            }
            asked.push(Asked {
                author: m.author,
                t: m.time_ms,
                any: None,
                host: None,
                member: None,
            });
        }
    }
    for i in scope.interactions.iter().filter(|i| i.kind.is_reply()) {
        let Some(k) = i.target_at().and_then(|t| slot.get(t)).copied() else {
            continue;
        };
        let (Some(q), Some(reply)) = (asked.get_mut(k as usize), scope.message(i.at())) else {
            continue;
        };
        let t = reply.time_ms;
        let earliest = |old: Option<i64>| Some(old.map_or(t, |o| o.min(t)));
        q.any = earliest(q.any);
        if scope.host(i.from) {
            q.host = earliest(q.host);
        } else {
            q.member = earliest(q.member);
        }
    }
    let span = Span::of(scope);
    Questions {
        unanswered_share: unanswered_share(&asked, span),
        first_response: FirstResponse {
            all: delay(asked.iter().filter_map(|q| q.any.map(|t| (t, q.t)))),
            hosts: delay(asked.iter().filter_map(|q| q.host.map(|t| (t, q.t)))),
            members: delay(asked.iter().filter_map(|q| q.member.map(|t| (t, q.t)))),
        },
        askers: askers(&asked, span),
    }
}

/// Whether question `q` counts in the share (72 hours of export after it) and, if so,
/// whether it went unanswered for those 72 hours.
fn judged(q: &Asked, span: Option<Span>) -> Option<bool> {
    span.filter(|s| s.leaves(q.t, ANSWER_WINDOW_MS))?;
    Some(
        q.any
            .is_none_or(|t| t.saturating_sub(q.t) > ANSWER_WINDOW_MS),
    )
}

fn unanswered_share(asked: &[Asked], span: Option<Span>) -> Metric {
    let (mut open, mut all) = (0u64, 0u64);
    for unanswered in asked.iter().filter_map(|q| judged(q, span)) {
        all += 1;
        open += u64::from(unanswered);
    }
    let mut share = Metric::ratio(
        open as f64,
        all as f64,
        "no member asked a question at least 72 hours before the export's last message",
    );
    floors::questions(&mut share);
    share
}

/// Askers of the questions left unanswered for 72 hours, most such questions first.
fn askers(asked: &[Asked], span: Option<Span>) -> Vec<(PersonIdx, u64)> {
    let mut open: Vec<PersonIdx> = asked
        .iter()
        .filter(|q| judged(q, span) == Some(true))
        .map(|q| q.author)
        .collect();
    open.unstable_sort();
    let mut counts: Vec<(PersonIdx, u64)> = Vec::new();
    for p in open {
        match counts.last_mut() {
            Some(last) if last.0 == p => last.1 += 1,
            _ => counts.push((p, 1)),
        }
    }
    counts.stable_sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}

/// Nearest-rank 50th and 90th percentiles of the waits, in minutes, of `(reply time,
/// question time)` pairs; a negative wait is 0.
fn delay(pairs: impl Iterator<Item = (i64, i64)>) -> Delay {
    let mut minutes: Vec<f64> = pairs
        .map(|(reply, question)| reply.saturating_sub(question).max(0) as f64 / 60_000.0)
        .collect();
    minutes.stable_sort_by(f64::total_cmp);
    Delay {
        p50: nearest_rank(&minutes, 50),
        p90: nearest_rank(&minutes, 90),
        count: minutes.len() as u64,
    }
}

/// The `percent`-th percentile of sorted `values` by nearest rank: the value at rank
/// ⌈percent × n ÷ 100⌉ (1-based, at least 1); `None` when empty.
pub fn nearest_rank(values: &[f64], percent: usize) -> Option<f64> {
    let n = values.len();
    let rank = (percent * n).div_ceil(100).max(1);
    values.get(rank - 1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(nearest_rank(&v, 50), Some(5.0));
        assert_eq!(nearest_rank(&v, 90), Some(9.0));
        assert_eq!(nearest_rank(&v[..1], 90), Some(1.0));
        assert_eq!(nearest_rank(&v[..3], 50), Some(2.0));
        assert_eq!(
            nearest_rank(&v[..4], 50),
            Some(2.0),
            "the lower middle, no mean"
        );
        assert_eq!(nearest_rank(&[], 50), None);
    }

    #[test]
    fn negative_waits_are_zero() {
        let d = delay([(0, 60_000), (120_000, 0)].into_iter());
        assert_eq!((d.p50, d.p90, d.count), (Some(0.0), Some(2.0), 2));
    }
}
