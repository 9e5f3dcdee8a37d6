//! The report's `counts`: how much the export holds, in the words the page and the
//! checklist quote.

use crate::advice::playbook::Signals;
use crate::graph::scope::Scope;
use crate::model::schema::Counts;
use crate::model::time::utc_day;

/// The report's counts of `scope` with `hosts` hosts; `test_days` are the continuation
/// test's (silent, host) days, when it ran; `signals` the checklist's, which already
/// counted the export's size and read the metrics (the unanswered member questions are
/// `unanswered_question_share`'s numerator, docs/METRICS.md §11). An empty scope gives
/// zeros.
pub fn of(
    scope: &Scope,
    hosts: usize,
    test_days: Option<(usize, usize)>,
    signals: &Signals,
) -> Counts {
    let data = scope.data;
    // One pass over the messages for the days and the reactions.
    let mut days: Option<(i64, i64)> = None;
    let mut reactions = 0u64;
    for m in scope.messages.iter().filter_map(|&at| scope.message(at)) {
        let day = utc_day(m.time_ms);
        // A lone outlying date (docs/METRICS.md §1) counts as a message, not in the span.
        if !m.time_outlier {
            days = Some(days.map_or((day, day), |(a, b)| (a.min(day), b.max(day))));
        }
        reactions += m
            .reactions
            .iter()
            .map(|r| {
                let bots = r.reactors.iter().filter(|&&p| data.is_bot(p)).count() as u64;
                u64::from(r.count).saturating_sub(bots)
            })
            .sum::<u64>();
    }
    let span = days.map_or(0, |(a, b)| (b - a + 1) as u64);
    let replies = scope
        .interactions
        .iter()
        .filter(|i| i.kind.is_reply())
        .count() as u64;
    Counts {
        messages: scope.messages.len() as u64,
        participants: scope.graph.node_count() as u64,
        members: scope.member_count() as u64,
        hosts: hosts as u64,
        bots_excluded: data.people.iter().filter(|p| p.is_bot).count() as u64,
        placeholder_messages: scope
            .messages
            .iter()
            .filter_map(|&at| scope.message(at))
            .filter(|m| data.is_placeholder(m.author))
            .count() as u64,
        replies,
        mentions: scope.interactions.len() as u64 - replies,
        interactions: signals.size.interactions,
        spaces: signals.size.spaces,
        files: signals.size.files,
        unanswered_member_questions: signals
            .metrics
            .unanswered_question_share
            .num
            .map_or(0, |n| n as u64),
        reactions,
        days: span,
        silent_days: test_days.map(|d| d.0 as u64),
        host_days: test_days.map(|d| d.1 as u64),
    }
}
