//! The time axis the two charts over time share: a label per bucket, which buckets are
//! partial, and whether the export spans long enough to draw over time at all.

use crate::model::schema::Timeline;

/// A chart over time needs the export to span at least this many buckets' worth of days:
/// with less, one or two dots say nothing about a trend, so a sentence stands instead.
pub const MIN_PERIODS: u32 = 2;

/// The buckets of a timeline as a chart's x axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Periods {
    /// `week` or `month`.
    pub bucket: &'static str,
    /// One short label per bucket (`8 Jan` for weeks, `Jan 2024` for months).
    pub labels: Vec<String>,
    /// One entry per bucket: `Some(days)` when the export covers only that many of the
    /// bucket's days (the first or the last), drawn as partial rather than as a drop.
    pub partial: Vec<Option<u32>>,
}

impl Periods {
    /// The timeline's buckets, or the sentence to show instead: no buckets, or a span
    /// (the days the buckets cover) under [`MIN_PERIODS`] buckets.
    pub fn of(timeline: &Timeline) -> Result<Periods, String> {
        let points = &timeline.points;
        if points.is_empty() {
            return Err("No messages to draw yet.".to_string());
        }
        let monthly = timeline.bucket == "month";
        // A month is counted as 30 days here: only the threshold needs it.
        let whole = if monthly { 30 } else { 7 };
        let span: u64 = points
            .iter()
            .map(|p| u64::from(p.partial_days.unwrap_or(whole)))
            .sum();
        if span < u64::from(MIN_PERIODS * whole) {
            let days = if span == 1 { "day" } else { "days" };
            return Err(format!(
                "This export covers {span} {days}: too short to draw {bucket} by {bucket}. \
                 A chart over time needs at least two {bucket}s.",
                bucket = timeline.bucket
            ));
        }
        Ok(Periods {
            bucket: timeline.bucket,
            labels: points
                .iter()
                .map(|p| short_date(&p.start, monthly))
                .collect(),
            partial: points.iter().map(|p| p.partial_days).collect(),
        })
    }

    /// The sentence saying which buckets are partial, for the chart's key; empty when none.
    pub fn partial_note(&self) -> String {
        let last = self.partial.len().saturating_sub(1);
        let mut parts = Vec::new();
        for (i, days) in self.partial.iter().enumerate() {
            let Some(days) = days else { continue };
            let which = if i == last { "last" } else { "first" };
            let unit = if *days == 1 { "day" } else { "days" };
            parts.push(format!("the {which} {} has {days} {unit}", self.bucket));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("Dotted: {}.", parts.join(", "))
        }
    }
}

/// `2024-01-08` as `8 Jan` (weekly buckets) or `Jan 2024` (monthly); other text as it is.
pub fn short_date(start: &str, monthly: bool) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let part =
        |range: std::ops::Range<usize>| start.get(range).and_then(|s| s.parse::<usize>().ok());
    let (Some(year), Some(month), Some(day)) = (part(0..4), part(5..7), part(8..10)) else {
        return start.to_string();
    };
    let Some(name) = month.checked_sub(1).and_then(|m| MONTHS.get(m)) else {
        return start.to_string();
    };
    if monthly {
        format!("{name} {year}")
    } else {
        format!("{day} {name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::metric::Metric;
    use crate::model::schema::TimelinePoint;

    fn week(start: &str, partial_days: Option<u32>) -> TimelinePoint {
        TimelinePoint {
            start: start.to_string(),
            host_messages: 1,
            member_messages: 2,
            peer_reply_share: Metric::ratio(0.0, 0.0, "none"),
            partial_days,
        }
    }

    #[test]
    fn dates_read_short() {
        assert_eq!(short_date("2024-01-08", false), "8 Jan");
        assert_eq!(short_date("2024-12-01", true), "Dec 2024");
        assert_eq!(short_date("????-??-??", true), "????-??-??");
        assert_eq!(short_date("2024-13-01", true), "2024-13-01");
        assert_eq!(short_date("", false), "");
    }

    #[test]
    fn under_two_weeks_is_a_sentence() {
        let one_day = Timeline {
            bucket: "week",
            points: vec![week("2024-01-01", Some(1))],
        };
        let said = Periods::of(&one_day).err().unwrap_or_default();
        assert!(said.contains("covers 1 day:"), "{said}");
        let thirteen = Timeline {
            bucket: "week",
            points: vec![week("2024-01-01", Some(6)), week("2024-01-08", None)],
        };
        assert!(Periods::of(&thirteen).is_err());
        let empty = Timeline {
            bucket: "week",
            points: vec![],
        };
        assert_eq!(Periods::of(&empty), Err("No messages to draw yet.".into()));
    }

    #[test]
    fn partial_buckets_are_kept_and_named() {
        let timeline = Timeline {
            bucket: "week",
            points: vec![
                week("2024-01-01", Some(4)),
                week("2024-01-08", None),
                week("2024-01-15", Some(2)),
            ],
        };
        // 4 + 7 + 2 days: 13, under two weeks.
        assert!(Periods::of(&timeline).is_err());
        let timeline = Timeline {
            bucket: "week",
            points: vec![
                week("2024-01-01", Some(4)),
                week("2024-01-08", None),
                week("2024-01-15", None),
                week("2024-01-22", Some(2)),
            ],
        };
        let periods = Periods::of(&timeline).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(periods.labels, ["1 Jan", "8 Jan", "15 Jan", "22 Jan"]);
        assert_eq!(periods.partial, [Some(4), None, None, Some(2)]);
        assert_eq!(
            periods.partial_note(),
            "Dotted: the first week has 4 days, the last week has 2 days."
        );
    }
}
