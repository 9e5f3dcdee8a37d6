//! The temporal "if you stopped posting, would activity cease?" test (docs/METRICS.md §4).

use crate::graph::scope::Scope;
use crate::model::metric::Metric;
use crate::model::time::utc_day;

/// Fewer days than this on either side and the comparison says nothing (the floor is
/// kept with the others, in [`crate::measure::floors`]).
pub const MIN_DAYS: usize = crate::measure::floors::CONTINUATION_DAYS;

/// Day counts and member-to-member exchanges behind `continuation`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Continuation {
    pub metric: (Option<f64>, f64, f64),
    pub host_days: usize,
    pub silent_days: usize,
    /// Member→member reply and mention interactions per silent day.
    pub silent_rate: f64,
    /// The same per host day.
    pub host_rate: f64,
}

/// Compares member→member exchanges on days without a message by `away` (the hosts)
/// with days with one, over every UTC day from the first to the last message (quiet
/// days included).
///
/// continuation = silent-day rate / host-day rate, capped at 1; 1 when host days have
/// no exchanges but silent days do. Null when either side has fewer than 5 days, or
/// when no day has any exchange. `num` and `den` are the two rates per day.
pub fn continuation(scope: &Scope, away: &[bool]) -> (Metric, Option<Continuation>) {
    let is_away = |p: u32| away.get(p as usize).copied().unwrap_or(false);
    // One pass over the messages, and the host days as a sorted list searched by halving:
    // a hash set of days per interaction cost a third of this function on 1 M replies.
    let mut span_days: Option<(i64, i64)> = None;
    let mut host_days: Vec<i64> = Vec::new();
    for m in scope.messages.iter().filter_map(|&at| scope.message(at)) {
        let day = utc_day(m.time_ms);
        span_days = Some(span_days.map_or((day, day), |(a, b)| (a.min(day), b.max(day))));
        if is_away(m.author) && host_days.last() != Some(&day) {
            host_days.push(day);
        }
    }
    let Some((first, last)) = span_days else {
        return (Metric::unobservable("the export has no messages"), None);
    };
    host_days.sort_unstable();
    host_days.dedup();
    let span = (last - first + 1) as usize;
    let silent_days = span - host_days.len();
    let (mut on_host, mut on_silent) = (0usize, 0usize);
    for i in scope
        .interactions
        .iter()
        .filter(|i| !is_away(i.from) && !is_away(i.to))
    {
        let Some(m) = scope.message(i.message) else {
            continue;
        };
        if host_days.binary_search(&utc_day(m.time_ms)).is_ok() {
            on_host += 1;
        } else {
            on_silent += 1;
        }
    }
    if host_days.len() < MIN_DAYS || silent_days < MIN_DAYS {
        let days = |k: usize| format!("{k} {}", if k == 1 { "day" } else { "days" });
        let why = format!(
            "only {} with a host message and {} without; each side needs at least {MIN_DAYS}",
            days(host_days.len()),
            days(silent_days)
        );
        return (Metric::unobservable(&why), None);
    }
    let silent_rate = on_silent as f64 / silent_days as f64;
    let host_rate = on_host as f64 / host_days.len() as f64;
    let value = if host_rate > 0.0 {
        Some((silent_rate / host_rate).min(1.0))
    } else if silent_rate > 0.0 {
        Some(1.0)
    } else {
        None
    };
    let detail = Continuation {
        metric: (value, silent_rate, host_rate),
        host_days: host_days.len(),
        silent_days,
        silent_rate,
        host_rate,
    };
    let metric = match value {
        Some(v) => Metric::observed(v, silent_rate, host_rate),
        None => Metric::unobservable("members never replied to or mentioned each other on any day"),
    };
    (metric, Some(detail))
}
