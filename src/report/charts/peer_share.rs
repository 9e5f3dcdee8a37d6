//! The peer reply share over time, drawn: a dot per bucket with replies, joined across
//! neighbouring buckets, and the community line dashed at 60 %.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::paint::{self, text, Paint, TEXT};
use super::time_axis::{frame, line, part_buckets};
use peerscope_core::draw::charts::{PeerShareSeries, COMMUNITY_LINE};

/// The dots and line (`c-core`) over the buckets and the community line (`c-muted`,
/// labelled "60%"). SVG text, or plotters' error.
pub fn draw(series: &PeerShareSeries) -> Result<String, String> {
    paint::svg(|root| {
        let percent = |v: &f64| format!("{v:.0}%");
        let mut chart = frame(root, &series.periods, 100.0, 14, &percent)?;
        let last = i32::try_from(series.shares.len().saturating_sub(1)).unwrap_or(i32::MAX);
        let ends = [(0, COMMUNITY_LINE), (last.max(1), COMMUNITY_LINE)];
        chart
            .draw_series(std::iter::once(DashedPathElement::new(
                ends,
                6,
                4,
                Paint::Muted.rgb().stroke_width(1),
            )))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(std::iter::once(Text::new(
                format!("community line, {COMMUNITY_LINE:.0}%"),
                (0, COMMUNITY_LINE + 2.0),
                text(TEXT, Paint::Muted, HPos::Left, VPos::Bottom),
            )))
            .map_err(|e| e.to_string())?;
        // A part bucket and one with too few replies are both drawn hollow, off the line.
        let unsure: Vec<bool> = part_buckets(&series.periods.partial)
            .into_iter()
            .zip(&series.thin)
            .map(|(part, thin)| part || *thin)
            .collect();
        line(&mut chart, &series.shares, &unsure, Paint::Core, true)
    })
}
