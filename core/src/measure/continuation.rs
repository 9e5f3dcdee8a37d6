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
    let Some(days) = per_day(scope, away) else {
        return (Metric::unobservable("the export has no messages"), None);
    };
    let (mut count, mut exchanges) = (Days::default(), Days::default());
    for day in &days {
        if day.host {
            count.host += 1;
            exchanges.host += day.exchanges;
        } else {
            count.silent += 1;
            exchanges.silent += day.exchanges;
        }
    }
    from_days(count, exchanges)
}

/// One UTC day of a scope, as `continuation` sees it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Day {
    /// Someone in `away` wrote a message that day.
    pub host: bool,
    /// Reply and mention interactions between two people not in `away` made that day.
    pub exchanges: usize,
}

/// Every UTC day from the scope's first message to its last (quiet days included), in
/// order; `None` when the scope has no message.
pub fn per_day(scope: &Scope, away: &[bool]) -> Option<Vec<Day>> {
    let is_away = |p: u32| away.get(p as usize).copied().unwrap_or(false);
    let day_of = |at: usize| scope.message(at).map(|m| utc_day(m.time_ms));
    let (first, last) = scope.messages.iter().filter_map(|&at| day_of(at)).fold(
        None,
        |span: Option<(i64, i64)>, day| {
            Some(span.map_or((day, day), |(a, b)| (a.min(day), b.max(day))))
        },
    )?;
    // A slot per day rather than a set of days: one pass each over messages and
    // interactions, no hashing (this runs on a million replies).
    let mut days = vec![Day::default(); (last - first + 1) as usize];
    for &at in &scope.messages {
        let Some(m) = scope.message(at) else { continue };
        if let Some(day) = days.get_mut((utc_day(m.time_ms) - first) as usize) {
            day.host |= is_away(m.author);
        }
    }
    let exchanges = scope
        .interactions
        .iter()
        .filter(|i| !is_away(i.from) && !is_away(i.to));
    for i in exchanges {
        let slot = day_of(i.message).and_then(|d| usize::try_from(d - first).ok());
        if let Some(day) = slot.and_then(|d| days.get_mut(d)) {
            day.exchanges += 1;
        }
    }
    Some(days)
}

/// A count for each kind of day: days with a host message, and every other day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Days {
    pub host: usize,
    pub silent: usize,
}

/// continuation from the day counts and the member→member exchanges on each kind of day
/// (the formula of [`continuation`]; the score's bootstrap calls it on drawn days).
pub fn from_days(days: Days, exchanges: Days) -> (Metric, Option<Continuation>) {
    if days.host < MIN_DAYS || days.silent < MIN_DAYS {
        let count = |k: usize| format!("{k} {}", if k == 1 { "day" } else { "days" });
        let why = format!(
            "only {} with a host message and {} without; each side needs at least {MIN_DAYS}",
            count(days.host),
            count(days.silent)
        );
        return (Metric::unobservable(&why), None);
    }
    let silent_rate = exchanges.silent as f64 / days.silent as f64;
    let host_rate = exchanges.host as f64 / days.host as f64;
    let value = if host_rate > 0.0 {
        Some((silent_rate / host_rate).min(1.0))
    } else if silent_rate > 0.0 {
        Some(1.0)
    } else {
        None
    };
    let detail = Continuation {
        metric: (value, silent_rate, host_rate),
        host_days: days.host,
        silent_days: days.silent,
        silent_rate,
        host_rate,
    };
    let metric = match value {
        Some(v) => Metric::observed(v, silent_rate, host_rate),
        None => Metric::unobservable("members never replied to or mentioned each other on any day"),
    };
    (metric, Some(detail))
}
