//! Activity over time (docs/METRICS.md §7): host and member messages and the peer reply
//! share, by week, or by month when the export spans more than a year.

use std::collections::BTreeMap;

use crate::graph::scope::Scope;
use crate::model::metric::Metric;
use crate::model::schema::{Timeline, TimelinePoint};
use crate::model::time::{day_string, utc_day};

/// Spans longer than this (in days) are bucketed by month.
pub const WEEKLY_UP_TO_DAYS: i64 = 366;

/// Spans longer than this (in days, a century) show only the months that have messages:
/// a stray date (1970, 9999, a corrupt timestamp) must not fill the timeline with
/// thousands, or billions, of empty months.
pub const FILLED_UP_TO_DAYS: i64 = 36_525;

#[derive(Default)]
struct Bucket {
    host: u64,
    member: u64,
    replies: u64,
    peer_replies: u64,
}

/// One point per bucket from the first to the last message, empty buckets included
/// unless the span is longer than [`FILLED_UP_TO_DAYS`]. Weeks start on Monday (UTC). An
/// empty scope gives no points.
pub fn timeline(scope: &Scope) -> Timeline {
    let days: Vec<i64> = scope
        .messages
        .iter()
        .filter_map(|&at| scope.message(at))
        .filter(|m| !m.time_outlier)
        .map(|m| utc_day(m.time_ms))
        .collect();
    let (Some(&first), Some(&last)) = (days.iter().min(), days.iter().max()) else {
        return Timeline {
            bucket: "week",
            points: Vec::new(),
        };
    };
    let monthly = last - first > WEEKLY_UP_TO_DAYS;
    let start_of = |day: i64| {
        if monthly {
            month_start(day)
        } else {
            week_start(day)
        }
    };
    let mut buckets: BTreeMap<i64, Bucket> = BTreeMap::new();
    let mut cursor = start_of(first);
    while cursor <= last && last - first <= FILLED_UP_TO_DAYS {
        buckets.insert(cursor, Bucket::default());
        cursor = if monthly {
            month_start(cursor + 31)
        } else {
            cursor + 7
        };
    }
    // Messages come mostly in time order: remembering the last day's bucket start spares
    // a calendar conversion per message (a tenth of this function on a million).
    let mut cached: Option<(i64, i64)> = None;
    let mut bucket_of = |time_ms: i64| {
        let day = utc_day(time_ms);
        match cached {
            Some((d, start)) if d == day => start,
            _ => {
                let start = start_of(day);
                cached = Some((day, start));
                start
            }
        }
    };
    // A message with an implausible time (model::outliers) has no place on the timeline.
    for &at in scope.messages.iter() {
        let Some(m) = scope.message(at).filter(|m| !m.time_outlier) else {
            continue;
        };
        let b = buckets.entry(bucket_of(m.time_ms)).or_default();
        if scope.host(m.author) {
            b.host += 1
        } else {
            b.member += 1
        }
    }
    for i in scope.interactions.iter().filter(|i| i.kind.is_reply()) {
        let Some(m) = scope.message(i.at()).filter(|m| !m.time_outlier) else {
            continue;
        };
        let b = buckets.entry(bucket_of(m.time_ms)).or_default();
        b.replies += 1;
        b.peer_replies += u64::from(!scope.host(i.from) && !scope.host(i.to));
    }
    let points = buckets
        .into_iter()
        .map(|(start, b)| TimelinePoint {
            partial_days: partial_days(start, monthly, first, last),
            start: day_string(start),
            host_messages: b.host,
            member_messages: b.member,
            peer_reply_share: Metric::ratio(
                b.peer_replies as f64,
                b.replies as f64,
                "no replies in this period",
            ),
        })
        .collect();
    Timeline {
        bucket: if monthly { "month" } else { "week" },
        points,
    }
}

/// How many days of the bucket starting on `start` lie within `first ..= last`, when that
/// is fewer than the bucket's own (7, or the month's length); None for a whole bucket.
fn partial_days(start: i64, monthly: bool, first: i64, last: i64) -> Option<u32> {
    let end = if monthly {
        month_start(start + 31)
    } else {
        start + 7
    };
    let covered = (end.min(last + 1) - start.max(first)).max(0);
    (covered < end - start).then(|| u32::try_from(covered).unwrap_or(0))
}

/// The Monday on or before `day` (day 0, 1970-01-01, was a Thursday).
fn week_start(day: i64) -> i64 {
    day - (day + 3).rem_euclid(7)
}

/// The first day of `day`'s month.
pub fn month_start(day: i64) -> i64 {
    let text = day_string(day);
    let dom: i64 = text.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
    day - (dom - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_start_on_monday_and_on_the_first() {
        // 2024-01-03 is a Wednesday; its week starts Monday 2024-01-01.
        let wed = 19_725;
        assert_eq!(day_string(wed), "2024-01-03");
        assert_eq!(day_string(week_start(wed)), "2024-01-01");
        assert_eq!(day_string(month_start(wed + 30)), "2024-02-01");
    }

    #[test]
    fn the_first_and_last_buckets_say_how_many_days_they_cover() {
        let monday = 19_723; // 2024-01-01
        assert_eq!(partial_days(monday, false, monday, monday + 20), None);
        assert_eq!(
            partial_days(monday, false, monday + 2, monday + 20),
            Some(5)
        );
        assert_eq!(
            partial_days(monday + 14, false, monday, monday + 16),
            Some(3)
        );
        assert_eq!(partial_days(monday, false, monday + 3, monday + 3), Some(1));
        // January has 31 days; an export ending on the 10th covers 10 of them.
        assert_eq!(
            partial_days(monday, true, monday - 400, monday + 9),
            Some(10)
        );
        assert_eq!(partial_days(monday, true, monday - 400, monday + 40), None);
    }
}
