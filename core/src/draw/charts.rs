//! The report's charts: activity over time (host vs members), the peer reply
//! share over time, the funnel, and the degree distribution, each with a caption saying
//! what to look for.
//!
//! Each chart is standalone SVG text, written by hand in a few lines per chart
//! (`svg.rs`). plotters was tried first (`default-features = false` with `svg_backend`,
//! `line_series` and `histogram`: it builds for wasm32 without font-kit, measuring text
//! through the DOM), but the release wasm came out 30.7 KB gzip larger than with these
//! hand-written charts (745,919 against 715,228 bytes, the rest of the build alike), on
//! an app already past its 600 KB budget.
//!
//! The page inserts the same SVG rather than drawing on a canvas: one code path, which
//! the native tests check element by element; sharp at any zoom and on paper (the print
//! stylesheet keeps the charts); text laid out by the browser. Series carry classes
//! (`series host`, `dot peer`, `bar core`…) so tests and styles can find them.
//!
//! No chart shows a name or an id: only dates, counts and shares.

mod activity;
mod degree;
mod funnel;
mod peer_share;
mod svg;

use crate::draw::view::NetworkView;
use crate::model::schema::Report;

pub use activity::activity;
pub use degree::degree;
pub use funnel::funnel;
pub use peer_share::peer_share;

/// Every chart's size in SVG units (it scales to its box on the page).
pub const WIDTH: u32 = 640;
pub const HEIGHT: u32 = 300;

/// Host messages (the Okabe–Ito vermilion the network uses for hosts).
pub const HOST: &str = "#d55e00";
/// Member messages.
pub const MEMBERS: &str = "#0072b2";
/// The peer reply share.
pub const PEER: &str = "#009e73";
/// Degree bars.
pub const DEGREE: &str = "#56b4e9";
/// Axes, reference lines and secondary text.
pub const MUTED: &str = "#6e7781";

/// One chart, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Stable id, e.g. `activity` (the page uses `chart-<id>`).
    pub id: &'static str,
    /// A short title.
    pub title: &'static str,
    /// One or two sentences: what to look for.
    pub caption: String,
    /// The chart as standalone SVG text, [`WIDTH`] × [`HEIGHT`].
    pub svg: String,
}

/// The four charts in page order. An empty report gives four charts that say there is
/// nothing to draw yet.
pub fn charts(report: &Report, network: &NetworkView) -> Vec<Chart> {
    vec![
        activity(&report.timeline),
        peer_share(&report.timeline),
        funnel(&report.funnel),
        degree(network),
    ]
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

    #[test]
    fn dates_read_short() {
        assert_eq!(short_date("2024-01-08", false), "8 Jan");
        assert_eq!(short_date("2024-12-01", true), "Dec 2024");
        assert_eq!(short_date("????-??-??", true), "????-??-??");
        assert_eq!(short_date("2024-13-01", true), "2024-13-01");
        assert_eq!(short_date("", false), "");
    }
}
