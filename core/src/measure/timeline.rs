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
    let mut last: Option<(i64, i64)> = None;
    let mut bucket_of = |time_ms: i64| {
        let day = utc_day(time_ms);
        match last {
            Some((d, start)) if d == day => start,
            _ => {
                let start = start_of(day);
                last = Some((day, start));
                start
            }
        }
    };
    // A message with an implausible time (model::outliers) has no place on the timeline.
    for &at in &scope.messages {
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
        let Some(m) = scope.message(i.message).filter(|m| !m.time_outlier) else {
            continue;
        };
        let b = buckets.entry(bucket_of(m.time_ms)).or_default();
        b.replies += 1;
        b.peer_replies += u64::from(!scope.host(i.from) && !scope.host(i.to));
    }
    let points = buckets
        .into_iter()
        .map(|(start, b)| TimelinePoint {
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

/// The Monday on or before `day` (day 0, 1970-01-01, was a Thursday).
fn week_start(day: i64) -> i64 {
    day - (day + 3).rem_euclid(7)
}

/// The first day of `day`'s month.
fn month_start(day: i64) -> i64 {
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
}
