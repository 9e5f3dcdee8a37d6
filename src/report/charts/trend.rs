//! The trend, drawn: the label bands (audience, emerging, community) as pale stripes
//! behind, each period's 90% range as a vertical bar, and the score as a line with dots;
//! an ineligible period is a gap.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::paint::{self, text, Paint, TEXT};
use super::time_axis::{frame, line};
use peerscope_core::advice::verdict::{COMMUNITY_SCORE, EMERGING_SCORE};
use peerscope_core::draw::charts::TrendSeries;

/// The bands (`c-audience`, `c-engaged`, `c-core` at low opacity, named at the left),
/// the ranges (`c-muted` bars) and the score (`c-accent` line and dots). SVG text, or
/// plotters' error.
pub fn draw(series: &TrendSeries) -> Result<String, String> {
    paint::svg(|root| {
        let score = |v: &f64| format!("{v:.0}");
        let mut chart = frame(root, &series.periods, 100.0, 8, &score)?;
        let last = i32::try_from(series.scores.len().saturating_sub(1))
            .unwrap_or(i32::MAX)
            .max(1);
        let bands = [
            (0.0, EMERGING_SCORE, Paint::Audience, "audience"),
            (EMERGING_SCORE, COMMUNITY_SCORE, Paint::Engaged, "emerging"),
            (COMMUNITY_SCORE, 100.0, Paint::Core, "community"),
        ];
        for (low, high, paint, name) in bands {
            let stripe = Rectangle::new([(0, low), (last, high)], paint.rgb().mix(0.12).filled());
            chart
                .draw_series(std::iter::once(stripe))
                .map_err(|e| e.to_string())?;
            let label = Text::new(
                name.to_string(),
                (0, high - 1.0),
                text(TEXT, Paint::Muted, HPos::Left, VPos::Top),
            );
            chart
                .draw_series(std::iter::once(label))
                .map_err(|e| e.to_string())?;
        }
        for (i, band) in series.bands.iter().enumerate() {
            let (Some([low, high]), Ok(x)) = (band, i32::try_from(i)) else {
                continue;
            };
            let range =
                PathElement::new([(x, *low), (x, *high)], Paint::Muted.rgb().stroke_width(6));
            chart
                .draw_series(std::iter::once(range))
                .map_err(|e| e.to_string())?;
        }
        let partial = vec![false; series.scores.len()];
        line(&mut chart, &series.scores, &partial, Paint::Accent, true)
    })
}

#[cfg(test)]
mod tests {
    use super::super::picture;
    use peerscope_core::draw::charts::{charts, Plot};
    use peerscope_core::import::Input;
    use peerscope_core::model::options::{HostChoice, Options};
    use peerscope_core::report::analyze::analyze_with_interval;

    /// The generated five-month export of the trend reference: January is left out (the
    /// export covers 24 of its days), February to May are eligible.
    fn five_months() -> peerscope_core::report::analyze::Analysis {
        let name = "trend_export.csv";
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let options = Options {
            hosts: HostChoice::Named(vec!["u0".to_string()]),
            ..Options::default()
        };
        analyze_with_interval(&[Input::new(name, bytes)], &options)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Writes the picture to `target/charts/` for a look, as the other charts' tests do.
    fn keep(id: &str, svg: &str) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/charts");
        if std::fs::create_dir_all(&dir).is_ok() {
            let _ = std::fs::write(dir.join(format!("{id}.svg")), svg);
        }
    }

    fn count(svg: &str, open: &str) -> usize {
        svg.matches(open).count()
    }

    #[test]
    fn the_trend_draws_a_dot_and_a_range_per_eligible_period_over_three_bands() {
        let analysis = five_months();
        let all = charts(&analysis.report, &analysis.network);
        let chart = all
            .iter()
            .find(|c| c.id == "trend")
            .unwrap_or_else(|| panic!("no trend"));
        let Plot::Trend(series) = &chart.plot else {
            panic!("{:?}", chart.plot)
        };
        let eligible = series.scores.iter().flatten().count();
        assert_eq!(eligible, 4, "{series:?}");
        assert_eq!(series.scores.first(), Some(&None), "January is a gap");
        let svg = picture(&chart.plot).unwrap_or_else(|e| panic!("{e}"));
        keep("trend", &svg);
        assert_eq!(count(&svg, "<circle class=\"c-accent\""), 4, "{svg}");
        // A range per eligible period, drawn as a thick muted line.
        assert!(count(&svg, "<polyline class=\"c-muted\"") >= 4, "{svg}");
        for band in ["c-audience", "c-engaged", "c-core"] {
            assert!(
                svg.contains(&format!("<rect class=\"{band}\"")),
                "{band}: {svg}"
            );
        }
        for word in [">audience<", ">emerging<", ">community<"] {
            assert!(
                svg.replace(char::is_whitespace, "").contains(word),
                "{word}"
            );
        }
        assert!(
            !svg.contains("fill=\"#") && !svg.contains("stroke=\"#"),
            "themed"
        );
        // The dots sit at the rounded scores the report shows.
        let shown: Vec<f64> = analysis
            .report
            .trend
            .iter()
            .flat_map(|t| &t.periods)
            .filter(|p| p.eligible)
            .filter_map(|p| p.score.map(f64::round))
            .collect();
        assert_eq!(
            series.scores.iter().flatten().copied().collect::<Vec<_>>(),
            shown
        );
    }

    #[test]
    fn the_movement_draws_a_row_per_pair_of_periods() {
        let analysis = five_months();
        let all = charts(&analysis.report, &analysis.network);
        let chart = all
            .iter()
            .find(|c| c.id == "movement")
            .unwrap_or_else(|| panic!("no movement"));
        let Plot::Movement(series) = &chart.plot else {
            panic!("{:?}", chart.plot)
        };
        let labels: Vec<&str> = series.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Feb → Mar", "Mar → Apr", "Apr → May"]);
        let svg = picture(&chart.plot).unwrap_or_else(|e| panic!("{e}"));
        keep("movement", &svg);
        for label in labels {
            assert!(svg.contains(label), "{label}: {svg}");
        }
        // Seven members, all active every month: their bars are held, up or down only,
        // plus the key's five squares.
        for row in &series.rows {
            assert_eq!(row.counts.iter().sum::<u64>(), 7, "{row:?}");
        }
        assert!(!svg.contains("fill=\"#"), "themed");
    }
}
