//! Activity over time, drawn: host and member messages per bucket, two lines.

use super::paint::{self, Paint};
use super::time_axis::{frame, legend, line, part_buckets};
use peerscope_core::draw::charts::ActivitySeries;

/// The two lines (`c-host`, `c-accent`) over the buckets, dashed into a partial bucket,
/// with a key. SVG text, or plotters' error.
pub fn draw(series: &ActivitySeries) -> Result<String, String> {
    let top = series
        .host
        .iter()
        .chain(&series.members)
        .copied()
        .max()
        .unwrap_or(0) as f64;
    paint::svg(|root| {
        let count = |v: &f64| format!("{v:.0}");
        let mut chart = frame(root, &series.periods, top * 1.08, 26, &count)?;
        let partial = &part_buckets(&series.periods.partial);
        let values = |counts: &[u64]| -> Vec<Option<f64>> {
            counts.iter().map(|&c| Some(c as f64)).collect()
        };
        line(
            &mut chart,
            &values(&series.host),
            partial,
            Paint::Host,
            false,
        )?;
        line(
            &mut chart,
            &values(&series.members),
            partial,
            Paint::Accent,
            false,
        )?;
        legend(root, &[(Paint::Host, "host"), (Paint::Accent, "members")])
    })
}
