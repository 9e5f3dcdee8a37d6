//! The trend's periods (docs/METRICS.md §11): UTC calendar months, or four-week periods
//! counted from the first message's day when the export spans under three months, and
//! which of them the export covers well enough to compare.

use crate::graph::scope::Scope;
use crate::measure::timeline::month_start;
use crate::model::time::utc_day;

/// Below this many days from the first message's day to the last's (inclusive) an
/// export "spans under three months" and is cut into four-week periods. Three months
/// are read as 91 days (three months of 30.4 days, rounded): the months themselves vary
/// from 89 to 92 days, and a fixed count keeps the rule the same whatever the start.
pub const MONTHLY_FROM_DAYS: i64 = 91;
/// The length of a short export's periods, in days.
pub const WEEKS_PERIOD_DAYS: i64 = 28;
/// A period counts only when the export covers at least this share of its days.
pub const MIN_COVERAGE: f64 = 0.8;
/// ... and when it holds at least this many reply and mention interactions.
pub const MIN_INTERACTIONS: usize = 30;
/// Past this many periods (a stray date stretching the export over centuries) no period
/// is cut: the trend says the dates cannot be read.
pub const MAX_PERIODS: usize = 1_200;

/// One period: UTC day numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// Its number from the first period, 0-based: the x of the trend's slope.
    pub index: usize,
    /// First day.
    pub start: i64,
    /// The day after its last.
    pub end: i64,
    /// Days of it between the export's first message's day and its last's, inclusive.
    pub covered: i64,
}

impl Period {
    /// Days in the period (28 to 31).
    pub fn days(&self) -> i64 {
        self.end - self.start
    }

    /// The export covers at least [`MIN_COVERAGE`] of its days.
    pub fn covered_enough(&self) -> bool {
        self.covered as f64 >= MIN_COVERAGE * self.days() as f64
    }

    /// Whether a UTC day falls inside it.
    pub fn holds(&self, day: i64) -> bool {
        (self.start..self.end).contains(&day)
    }
}

/// The first and last UTC day of `scope`'s counting messages, leaving out those with an
/// implausible time (they are on no day); `None` with no such message.
pub fn span(scope: &Scope) -> Option<(i64, i64)> {
    scope
        .messages
        .iter()
        .filter_map(|&at| scope.message(at))
        .filter(|m| !m.time_outlier)
        .map(|m| utc_day(m.time_ms))
        .fold(None, |span, d| {
            Some(span.map_or((d, d), |(a, b): (i64, i64)| (a.min(d), b.max(d))))
        })
}

/// The periods from day `first` to day `last` (inclusive), in order, and whether they
/// are calendar months (`true`) or four-week periods. `last < first`, or more than
/// [`MAX_PERIODS`] periods, gives none.
pub fn periods(first: i64, last: i64) -> (Vec<Period>, bool) {
    if last < first {
        return (Vec::new(), true);
    }
    let monthly = last - first + 1 >= MONTHLY_FROM_DAYS;
    let mut out = Vec::new();
    let mut start = if monthly { month_start(first) } else { first };
    while start <= last && out.len() < MAX_PERIODS {
        let end = if monthly {
            month_start(start + 31)
        } else {
            start + WEEKS_PERIOD_DAYS
        };
        out.push(Period {
            index: out.len(),
            start,
            end,
            covered: (end.min(last + 1) - start.max(first)).max(0),
        });
        start = end;
    }
    if start <= last {
        out.clear();
    }
    (out, monthly)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::day_string;

    const JAN_1_2024: i64 = 19_723;

    #[test]
    fn a_long_export_is_cut_into_calendar_months() {
        // 2024-01-10 to 2024-04-20: four months, January 22 of 31 days, April 20 of 30.
        let (list, monthly) = periods(JAN_1_2024 + 9, JAN_1_2024 + 110);
        assert!(monthly);
        let starts: Vec<String> = list.iter().map(|p| day_string(p.start)).collect();
        assert_eq!(
            starts,
            ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"]
        );
        let days: Vec<i64> = list.iter().map(Period::days).collect();
        assert_eq!(days, [31, 29, 31, 30]);
        let covered: Vec<i64> = list.iter().map(|p| p.covered).collect();
        assert_eq!(covered, [22, 29, 31, 20]);
        // 22 of 31 is 71%: out; 20 of 30 is 67%: out.
        let enough: Vec<bool> = list.iter().map(Period::covered_enough).collect();
        assert_eq!(enough, [false, true, true, false]);
        assert_eq!(list.last().map(|p| p.index), Some(3));
    }

    #[test]
    fn a_short_export_is_cut_into_four_weeks_from_its_first_day() {
        // 90 days: under three months.
        let first = JAN_1_2024 + 9;
        let (list, monthly) = periods(first, first + 89);
        assert!(!monthly);
        assert_eq!(list.len(), 4);
        assert_eq!(list.first().map(|p| p.start), Some(first));
        assert!(list.iter().all(|p| p.days() == 28));
        // 84 days in three whole periods, then 6 of 28.
        let covered: Vec<i64> = list.iter().map(|p| p.covered).collect();
        assert_eq!(covered, [28, 28, 28, 6]);
        // 91 days: monthly.
        assert!(periods(first, first + 90).1);
    }

    #[test]
    fn at_exactly_80_percent_a_period_counts() {
        let p = Period {
            index: 0,
            start: 0,
            end: 30,
            covered: 24,
        };
        assert!(p.covered_enough());
        assert!(!Period { covered: 23, ..p }.covered_enough());
    }

    #[test]
    fn nothing_to_cut_gives_no_period() {
        assert!(periods(5, 4).0.is_empty());
        // A stray date a millennium back: no period rather than twelve thousand.
        assert!(periods(-365_000, 0).0.is_empty());
        assert_eq!(periods(3, 3).0.len(), 1);
    }
}
