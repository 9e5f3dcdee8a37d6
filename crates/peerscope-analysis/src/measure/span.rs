//! Where an export starts and ends in time, as the newcomer and question measures of
//! docs/METRICS.md §11 count it.

use crate::graph::scope::Scope;
use crate::model::time::utc_day;

/// One hour in milliseconds.
pub const HOUR_MS: i64 = 3_600_000;
/// One day in milliseconds.
pub const DAY_MS: i64 = 24 * HOUR_MS;
/// The window in which a first message or a question counts as answered: 72 hours, ends
/// included. The same rule is "unanswered" everywhere (the checklist included).
pub const ANSWER_WINDOW_MS: i64 = 72 * HOUR_MS;

/// The first UTC day and the last message time of a scope's counting messages, dates
/// flagged as outliers left out (docs/METRICS.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// UTC day number of the first message.
    pub first_day: i64,
    /// UTC milliseconds of the last message.
    pub last_ms: i64,
}

impl Span {
    /// `None` when the scope has no message with a plausible date.
    pub fn of(scope: &Scope) -> Option<Span> {
        let mut bounds: Option<(i64, i64)> = None;
        for m in scope.messages.iter().filter_map(|&at| scope.message(at)) {
            if m.time_outlier {
                continue;
            }
            let t = m.time_ms;
            bounds = Some(bounds.map_or((t, t), |(a, b)| (a.min(t), b.max(t))));
        }
        bounds.map(|(first, last)| Span {
            first_day: utc_day(first),
            last_ms: last,
        })
    }

    /// Whether something at `t` has at least `window` milliseconds of export after it.
    pub fn leaves(&self, t: i64, window: i64) -> bool {
        self.last_ms.saturating_sub(t) >= window
    }
}
