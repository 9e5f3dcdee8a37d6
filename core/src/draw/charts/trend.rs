//! The trend chart and the movement chart (docs/METRICS.md §11): the score per period with
//! its 90% band over the label bands, and how members moved between consecutive eligible
//! periods.

use super::{short_date, Chart, Periods, Plot};
use crate::advice::trend::in_words;
use crate::model::schema::{Movement, Report, Trend};
use crate::model::shown;

/// The score per period of the trend, rounded as everywhere (§10, "one number
/// everywhere"); an ineligible period is a gap.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendSeries {
    /// One label per period (`Jan 2024`, or `8 Jan` for four-week periods); none partial
    /// (a period the export covers under 80% is a gap, not a dotted point).
    pub periods: Periods,
    /// Per period: the rounded score, `None` when not eligible.
    pub scores: Vec<Option<f64>>,
    /// Per period: the rounded 90% interval, `None` without one.
    pub bands: Vec<Option<[f64; 2]>>,
}

/// The trend chart: its series, or a sentence when the report has no trend or fewer than
/// two periods with a score.
pub fn trend(report: &Report) -> Chart {
    let plot = match report.trend.as_ref() {
        None => Plot::Sentence(
            "No trend yet: it is measured with the score's range, which this report does not have."
                .to_string(),
        ),
        Some(t) if t.periods.iter().filter(|p| p.eligible).count() < 2 => Plot::Sentence(format!(
            "No trend yet. {}",
            t.reason.as_deref().unwrap_or_default()
        )),
        Some(t) => Plot::Trend(series(t)),
    };
    // When the chart is only a sentence, that sentence already gives the reason; the
    // caption's "Now" would say it a second time.
    let said = match (&plot, report.trend.as_ref()) {
        (Plot::Trend(_), Some(t)) => format!(" Now: {}.", in_words(t)),
        _ => String::new(),
    };
    Chart {
        id: "trend",
        title: "The score, period by period",
        caption: format!(
            "Each period's score with its 90% range, over the bands of audience (below 35), \
             emerging and community (60 and up). A period the export covers under 80%, or \
             with too little conversation, is a gap. Look for the line climbing through the \
             bands, and for ranges that do not overlap.{said}"
        ),
        plot,
    }
}

fn series(t: &Trend) -> TrendSeries {
    let monthly = t.period == "month";
    let round = |s: f64| shown::score(s);
    TrendSeries {
        periods: Periods {
            bucket: if monthly { "month" } else { "four weeks" },
            labels: t
                .periods
                .iter()
                .enumerate()
                .map(|(i, p)| month_label(&p.start, monthly, i == 0))
                .collect(),
            partial: vec![None; t.periods.len()],
        },
        scores: t
            .periods
            .iter()
            .map(|p| p.score.filter(|_| p.eligible).map(round))
            .collect(),
        bands: t
            .periods
            .iter()
            .map(|p| p.interval.map(|[a, b]| [round(a), round(b)]))
            .collect(),
    }
}

/// A period's label: `Jan 2024` for the first month and every January, `Feb` for the
/// others (the full form would not fit under the last tick); `8 Jan` for four-week
/// periods.
fn month_label(start: &str, monthly: bool, first: bool) -> String {
    let text = short_date(start, monthly);
    match text.split_once(' ') {
        Some((month, _)) if monthly && !first && month != "Jan" => month.to_string(),
        _ => text,
    }
}

/// One row of the movement chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovementRow {
    /// `Jan → Feb` (or `8 Jan → 5 Feb`).
    pub label: String,
    /// In the order drawn: left, down, held, up, new.
    pub counts: [u64; 5],
}

/// The names of [`MovementRow::counts`], in order.
pub const MOVES: [&str; 5] = ["left", "down", "held", "up", "new"];

/// The movement chart's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovementSeries {
    pub rows: Vec<MovementRow>,
}

/// The movement chart: a row per two consecutive eligible periods, or a sentence when
/// there is none.
pub fn movement(report: &Report) -> Chart {
    let monthly = report.trend.as_ref().is_none_or(|t| t.period == "month");
    let short = |d: &str| {
        let text = short_date(d, monthly);
        // "Jan 2024" → "Jan": the year would crowd the row's name.
        match text.split_once(' ') {
            Some((month, _)) if monthly => month.to_string(),
            _ => text,
        }
    };
    let label = |m: &Movement| format!("{} → {}", short(&m.from), short(&m.to));
    let rows: Vec<MovementRow> = report
        .movement
        .iter()
        .map(|m| MovementRow {
            label: label(m),
            counts: [m.left, m.down, m.held, m.up, m.new],
        })
        .collect();
    let plot = if rows.is_empty() {
        Plot::Sentence("No movement yet: it needs two periods that can be compared.".to_string())
    } else {
        Plot::Movement(MovementSeries { rows })
    };
    Chart {
        id: "movement",
        title: "Who moved, period to period",
        caption: "Members by what changed from one period to the next: gone quiet, a level \
                  down, the same level, a level up (audience, engaged, core, leader), or newly \
                  active. Look for more moving up than down, and for the new staying."
            .to_string(),
        plot,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_carry_their_year_only_where_it_changes() {
        assert_eq!(month_label("2024-11-01", true, true), "Nov 2024");
        assert_eq!(month_label("2024-12-01", true, false), "Dec");
        assert_eq!(month_label("2025-01-01", true, false), "Jan 2025");
        assert_eq!(month_label("2024-01-10", false, false), "10 Jan");
    }

    #[test]
    fn a_report_without_a_trend_says_so_instead_of_drawing() {
        // The page's first answer: analysed, not yet bootstrapped.
        let options = crate::model::options::Options::default();
        let report = crate::report::analyze::analyze(&crate::import::sample::inputs(), &options)
            .map(|a| a.report)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            trend(&report).plot.sentence(),
            Some("No trend yet: it is measured with the score's range, which this report does not have.")
        );
        assert!(movement(&report).plot.sentence().is_some());
    }

    #[test]
    fn a_trend_too_short_to_draw_gives_its_reason_once() {
        let options = crate::model::options::Options::default();
        let inputs = crate::import::sample::inputs();
        let mut report = crate::report::analyze::analyze_with_interval(&inputs, &options)
            .map(|a| a.report)
            .unwrap_or_else(|e| panic!("{e}"));
        let drawn = trend(&report);
        assert!(drawn.plot.sentence().is_none() == drawn.caption.contains("Now:"));
        // One eligible period, and the reason the trend then gives.
        let t = report.trend.as_mut().unwrap_or_else(|| panic!("no trend"));
        t.periods
            .iter_mut()
            .skip(1)
            .for_each(|p| p.eligible = false);
        t.slope = None;
        t.reason = Some("Only one month has enough conversation.".to_string());
        let chart = trend(&report);
        let sentence = chart.plot.sentence().unwrap_or_else(|| panic!("drawn"));
        assert!(sentence.contains("Only one month"), "{sentence}");
        assert!(
            !chart.caption.contains("Only one month"),
            "{}",
            chart.caption
        );
        assert!(!chart.caption.contains("Now:"), "{}", chart.caption);
    }
}
