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
    let Some(span) = per_day(scope, away) else {
        return (Metric::unobservable("the export has no messages"), None);
    };
    let (mut count, mut exchanges) = (Days::default(), Days::default());
    for (_, day) in &span.active {
        if day.host {
            count.host += 1;
            exchanges.host += day.exchanges;
        } else {
            exchanges.silent += day.exchanges;
        }
    }
    count.silent = span.days as usize - count.host;
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

/// The UTC days of a scope, from its first message to its last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DaySpan {
    /// Days from the first message's to the last's, inclusive (quiet days included).
    pub days: u64,
    /// The days with a message (UTC day number, what happened), in order; every other day
    /// of the span is quiet: no host, no exchange.
    pub active: Vec<(i64, Day)>,
}

/// The scope's days as `continuation` reads them; `None` when the scope has no message.
/// Only active days are stored, so a stray date in 1970 costs nothing.
pub fn per_day(scope: &Scope, away: &[bool]) -> Option<DaySpan> {
    let is_away = |p: u32| away.get(p as usize).copied().unwrap_or(false);
    // A message with an implausible time (model::outliers) is on no day.
    let day_of = |at: usize| {
        scope
            .message(at)
            .filter(|m| !m.time_outlier)
            .map(|m| utc_day(m.time_ms))
    };
    let mut days: Vec<i64> = scope.messages.iter().filter_map(|&at| day_of(at)).collect();
    // The standard sort (one copy with `Units::cut`'s): a day per message, for every scope
    // the interval resamples, where the page's shared sort is several times slower.
    days.sort_unstable();
    days.dedup();
    let (first, last) = (*days.first()?, *days.last()?);
    let mut active: Vec<(i64, Day)> = days.into_iter().map(|d| (d, Day::default())).collect();
    for &at in scope.messages.iter() {
        let host = scope.message(at).is_some_and(|m| is_away(m.author));
        if let Some(day) = find(&mut active, day_of(at)).filter(|_| host) {
            day.host = true;
        }
    }
    let exchanges = scope
        .interactions
        .iter()
        .filter(|i| !is_away(i.from) && !is_away(i.to));
    for i in exchanges {
        if let Some(day) = find(&mut active, day_of(i.at())) {
            day.exchanges += 1;
        }
    }
    Some(DaySpan {
        days: (last - first + 1) as u64,
        active,
    })
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

/// The active day `day` in `active` (sorted by day), searched by halving: no hashing on a
/// million replies.
fn find(active: &mut [(i64, Day)], day: Option<i64>) -> Option<&mut Day> {
    let at = day.and_then(|d| active.binary_search_by_key(&d, |x| x.0).ok())?;
    active.get_mut(at).map(|x| &mut x.1)
}
