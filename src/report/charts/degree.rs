//! The degree distribution, drawn: people per group of degrees, the host's bar marked, on
//! a log scale when one bar dwarfs the rest.

use plotters::coord::ranged1d::{AsRangedCoord, SegmentedCoord, ValueFormatter};
use plotters::coord::types::RangedCoordi32;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::paint::{self, text, Paint, TEXT};
use peerscope_core::draw::charts::{DegreeBar, DegreeSeries};

/// One bar per group (`c-engaged`; the hosts' part `c-host`, with the word "host" above
/// it), people on a linear or, when the series says so, a log axis. SVG text, or
/// plotters' error.
pub fn draw(series: &DegreeSeries) -> Result<String, String> {
    let tallest = f64::from(series.bars.iter().map(|b| b.people).max().unwrap_or(1));
    if series.log_scale {
        // From half a person, so a bar of one has height.
        bars(series, (0.5..tallest * 2.0).log_scale(), 0.5)
    } else {
        bars(series, 0.0..(tallest * 1.15).max(1.0), 0.0)
    }
}

/// The chart on the people axis `y`, bars standing on `floor`.
fn bars<Y>(series: &DegreeSeries, y: Y, floor: f64) -> Result<String, String>
where
    Y: AsRangedCoord<Value = f64>,
    Y::CoordDescType: ValueFormatter<f64>,
{
    let slots = i32::try_from(series.slots).unwrap_or(i32::MAX).max(1);
    paint::svg(|root| {
        let mut chart = ChartBuilder::on(root)
            .margin_top(24)
            .margin_right(12)
            .margin_left(4)
            .x_label_area_size(42)
            .y_label_area_size(40)
            .build_cartesian_2d((0..slots).into_segmented(), y)
            .map_err(|e| e.to_string())?;
        let degrees = |v: &SegmentValue<i32>| match v {
            SegmentValue::CenterOf(slot) | SegmentValue::Exact(slot) => {
                name(series, u32::try_from(*slot).unwrap_or(0))
            }
            SegmentValue::Last => String::new(),
        };
        let people = |v: &f64| format!("{v:.0}");
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(7)
            .y_labels(5)
            .x_label_formatter(&degrees)
            .y_label_formatter(&people)
            .x_desc("others each person is tied to")
            // No grid between the labelled lines: it was noise at a phone's scale.
            .light_line_style(TRANSPARENT)
            .bold_line_style(Paint::Line.rgb())
            .axis_style(Paint::Muted.rgb())
            .label_style(text(TEXT, Paint::Muted, HPos::Center, VPos::Top))
            .axis_desc_style(text(TEXT, Paint::Muted, HPos::Center, VPos::Top))
            .draw()
            .map_err(|e| e.to_string())?;
        for bar in &series.bars {
            draw_bar(&mut chart, bar, floor)?;
        }
        axis_note(root, series.log_scale)
    })
}

/// What the people axis counts, above it, and whether its steps are tenfold.
fn axis_note(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    log_scale: bool,
) -> Result<(), String> {
    let words = if log_scale {
        "people (log scale)"
    } else {
        "people"
    };
    let style = text(TEXT, Paint::Muted, HPos::Left, VPos::Top);
    root.draw(&Text::new(words, (8, 2), style))
        .map_err(|e| e.to_string())
}

/// A bar: members below in [`Paint::Engaged`], hosts on top in [`Paint::Host`], "host"
/// written above.
fn draw_bar<Y>(
    chart: &mut ChartContext<'_, SVGBackend<'_>, Cartesian2d<SegmentedCoord<RangedCoordi32>, Y>>,
    bar: &DegreeBar,
    floor: f64,
) -> Result<(), String>
where
    Y: Ranged<ValueType = f64>,
{
    let slot = i32::try_from(bar.slot).unwrap_or(i32::MAX);
    let (left, right) = (SegmentValue::Exact(slot), SegmentValue::Exact(slot + 1));
    let members = f64::from(bar.people - bar.hosts);
    let people = f64::from(bar.people);
    if bar.people > bar.hosts {
        let mut rect = Rectangle::new(
            [(left.clone(), floor), (right.clone(), members)],
            Paint::Engaged.rgb().filled(),
        );
        // A gap between neighbours, so bars read as bars.
        rect.set_margin(0, 0, 1, 1);
        chart
            .draw_series(std::iter::once(rect))
            .map_err(|e| e.to_string())?;
    }
    if bar.hosts > 0 {
        let bottom = if members > 0.0 { members } else { floor };
        let rect = Rectangle::new(
            [(left, bottom), (right, people)],
            Paint::Host.rgb().filled(),
        );
        chart
            .draw_series(std::iter::once(rect))
            .map_err(|e| e.to_string())?;
    }
    if bar.hosts > 0 {
        chart
            .draw_series(std::iter::once(Text::new(
                "host",
                (SegmentValue::CenterOf(slot), people),
                text(TEXT, Paint::Host, HPos::Center, VPos::Bottom),
            )))
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// A bar's label: its lowest degree (a bar may span several, see [`DegreeSeries`]);
/// ranges would not fit side by side at a phone's width.
fn name(series: &DegreeSeries, slot: u32) -> String {
    (u64::from(slot) * u64::from(series.width)).to_string()
}
