//! The frame and the lines of the two charts over time: buckets along x, one label per
//! few buckets, and lines that turn dashed into a partial bucket.

use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::paint::{text, Paint, TEXT};
use peerscope_core::draw::charts::Periods;

/// A chart over time: bucket index along x, a value along y.
pub type TimeChart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordi32, RangedCoordf64>>;

/// Most date labels along x: five fit at the phone's scale without touching.
const DATE_LABELS: usize = 5;

/// The frame: x over the buckets of `periods`, y over `0 ..= top`, grid lines in
/// [`Paint::Line`], labels in [`Paint::Muted`], y labels written by `y_label`. `top_room`
/// is kept above the plot (for a legend).
pub fn frame<'a, 'b>(
    root: &'a DrawingArea<SVGBackend<'b>, plotters::coord::Shift>,
    periods: &Periods,
    top: f64,
    top_room: u32,
    y_label: &dyn Fn(&f64) -> String,
) -> Result<TimeChart<'a, 'b>, String> {
    let last = i32::try_from(periods.labels.len().saturating_sub(1))
        .unwrap_or(i32::MAX)
        .max(1);
    let mut chart = ChartBuilder::on(root)
        .margin_top(top_room)
        .margin_right(22)
        .margin_left(4)
        .x_label_area_size(26)
        .y_label_area_size(44)
        .build_cartesian_2d(0..last, 0.0..top.max(1.0))
        .map_err(|e| e.to_string())?;
    let date = |i: &i32| {
        usize::try_from(*i)
            .ok()
            .and_then(|i| periods.labels.get(i))
            .cloned()
            .unwrap_or_default()
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(DATE_LABELS.min(periods.labels.len()))
        .y_labels(6)
        .x_label_formatter(&date)
        .y_label_formatter(y_label)
        // No grid between the labelled lines: it was noise at a phone's scale.
        .light_line_style(TRANSPARENT)
        .bold_line_style(Paint::Line.rgb())
        .axis_style(Paint::Muted.rgb())
        .label_style(text(TEXT, Paint::Muted, HPos::Center, VPos::Top))
        .draw()
        .map_err(|e| e.to_string())?;
    Ok(chart)
}

/// `values` (one per bucket, None for a gap) as a line in `paint`: one solid
/// `polyline` per run of whole buckets, dashed on a step into or out of a bucket that
/// `unsure` marks (a part bucket, or one with too little behind its value), and a dot on
/// every value (hollow when unsure) when `dots` is set, or where a value stands alone or
/// is unsure.
/// Per bucket, whether it is a part one (`partial`, from [`Periods`]'s field).
pub fn part_buckets(partial: &[Option<u32>]) -> Vec<bool> {
    partial.iter().map(Option::is_some).collect()
}

pub fn line(
    chart: &mut TimeChart<'_, '_>,
    values: &[Option<f64>],
    unsure: &[bool],
    paint: Paint,
    dots: bool,
) -> Result<(), String> {
    let colour = paint.rgb();
    let is_partial = |i: usize| unsure.get(i).copied().unwrap_or(false);
    let point = |i: usize| -> Option<(i32, f64)> {
        let v = (*values.get(i)?)?;
        Some((i32::try_from(i).ok()?, v))
    };
    let mut run: Vec<(i32, f64)> = Vec::new();
    for i in 0..=values.len() {
        match point(i).filter(|_| !is_partial(i)) {
            Some(p) => run.push(p),
            None => {
                if run.len() > 1 {
                    let path = PathElement::new(std::mem::take(&mut run), colour.stroke_width(2));
                    chart
                        .draw_series(std::iter::once(path))
                        .map_err(|e| e.to_string())?;
                }
                run.clear();
            }
        }
    }
    for i in 1..values.len() {
        let (Some(a), Some(b)) = (point(i - 1), point(i)) else {
            continue;
        };
        if is_partial(i - 1) || is_partial(i) {
            let dashed = DashedPathElement::new([a, b], 4, 4, colour.stroke_width(2));
            chart
                .draw_series(std::iter::once(dashed))
                .map_err(|e| e.to_string())?;
        }
    }
    for i in 0..values.len() {
        let Some(p) = point(i) else { continue };
        let alone = point(i.wrapping_sub(1)).is_none() && point(i + 1).is_none();
        if !(dots || alone || is_partial(i)) {
            continue;
        }
        let style = if is_partial(i) {
            colour.stroke_width(2)
        } else {
            colour.filled()
        };
        chart
            .draw_series(std::iter::once(Circle::new(p, 3, style)))
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// A key at the top left: a square in each paint and its name.
pub fn legend(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    keys: &[(Paint, &str)],
) -> Result<(), String> {
    let mut x = 50;
    for (paint, name) in keys {
        root.draw(&Rectangle::new(
            [(x, 8), (x + 10, 18)],
            paint.rgb().filled(),
        ))
        .map_err(|e| e.to_string())?;
        root.draw(&Text::new(
            name.to_string(),
            (x + 14, 13),
            text(TEXT, Paint::Fg, HPos::Left, VPos::Center),
        ))
        .map_err(|e| e.to_string())?;
        x += 24 + 8 * i32::try_from(name.len()).unwrap_or(8);
    }
    Ok(())
}
