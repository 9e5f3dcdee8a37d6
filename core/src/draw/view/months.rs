//! The network's month slider (docs/METRICS.md §11): each period of the trend as a
//! [`Window`] of days, so stepping through the months weighs the ties on that period's
//! interactions alone while everyone keeps their place.

use super::times::{parse_day, Window};
use super::NetworkView;
use crate::draw::charts::short_date;
use crate::model::schema::Report;

/// One stop of the slider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthStop {
    /// `Jan 2024`, or `8 Jan` for four-week periods.
    pub label: String,
    /// First and last day (UTC day numbers, inclusive).
    pub from: i64,
    pub to: i64,
    /// The period's member ties (`trend.periods[].ties`), for the note beside the slider.
    pub ties: u64,
}

impl MonthStop {
    /// The window of this stop, keeping `window`'s space.
    pub fn window(&self, window: Window) -> Window {
        Window {
            from: Some(self.from),
            to: Some(self.to),
            ..window
        }
    }
}

/// Every period of `report`'s trend as a stop, in order; empty without a trend, with
/// fewer than two periods (nothing to step through), or when a date cannot be read.
pub fn stops(report: &Report) -> Vec<MonthStop> {
    let Some(trend) = report.trend.as_ref() else {
        return Vec::new();
    };
    let monthly = trend.period == "month";
    let found: Option<Vec<MonthStop>> = trend
        .periods
        .iter()
        .map(|p| {
            Some(MonthStop {
                label: short_date(&p.start, monthly),
                from: parse_day(&p.start)?,
                to: parse_day(&p.end)?,
                ties: p.ties,
            })
        })
        .collect();
    found.filter(|s| s.len() >= 2).unwrap_or_default()
}

/// The stop `window` shows (its days are exactly a stop's), if any.
pub fn current(stops: &[MonthStop], window: &Window) -> Option<usize> {
    stops
        .iter()
        .position(|s| window.from == Some(s.from) && window.to == Some(s.to))
}

/// How many ties between two members (hosts aside) carry at least one interaction of
/// `weights` (one per edge of `network`, as [`super::times::recount`] gives them): what
/// the slider's stop should show against its `ties`.
pub fn member_ties(network: &NetworkView, weights: &[u32]) -> usize {
    let member = |v: u32| {
        network
            .nodes
            .get(v as usize)
            .is_some_and(|n| n.role != super::Role::Host)
    };
    network
        .edges
        .iter()
        .zip(weights)
        .filter(|(e, &w)| w > 0 && member(e.a) && member(e.b))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::view::times::recount;
    use crate::import::Input;
    use crate::model::options::{HostChoice, Options};
    use crate::report::analyze::analyze_with_interval;

    #[test]
    fn each_month_of_the_trend_recounts_to_its_own_member_ties() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/trend_export.csv"
        );
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let options = Options {
            hosts: HostChoice::Named(vec!["u0".to_string()]),
            ..Options::default()
        };
        let analysis = analyze_with_interval(&[Input::new("trend_export.csv", bytes)], &options)
            .unwrap_or_else(|e| panic!("{e}"));
        let all = stops(&analysis.report);
        let labels: Vec<&str> = all.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024", "May 2024"]
        );
        for stop in &all {
            let window = stop.window(Window::default());
            assert_eq!(
                current(&all, &window),
                Some(all.iter().position(|s| s == stop).unwrap_or(9))
            );
            let weights = recount(&analysis.network, &window).unwrap_or_default();
            assert_eq!(
                member_ties(&analysis.network, &weights) as u64,
                stop.ties,
                "{}",
                stop.label
            );
        }
        assert_eq!(current(&all, &Window::default()), None);
    }
}
