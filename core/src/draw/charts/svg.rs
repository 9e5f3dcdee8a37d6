//! The few SVG pieces the charts are made of: a writer for shapes and text, and a plot
//! [`Frame`] that maps data to the drawing and draws the axes.

use std::fmt::Write;

use super::{HEIGHT, MUTED, WIDTH};
use crate::draw::export::xml_escape;

/// Room around the plot area: left (y labels), right (half the last x label), top (a
/// legend), bottom (x labels).
const MARGIN: (f64, f64, f64, f64) = (50.0, 30.0, 30.0, 34.0);

/// SVG text being written; every number is rounded to 0.1 unit.
pub struct Svg {
    out: String,
}

impl Svg {
    /// A white [`WIDTH`] × [`HEIGHT`] drawing.
    pub fn new() -> Svg {
        let mut out = String::with_capacity(4096);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
             viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"system-ui, sans-serif\" \
             font-size=\"12\"><rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>"
        );
        Svg { out }
    }

    /// `text` at `(x, y)` (its baseline), anchored `start`, `middle` or `end`; `extra` is
    /// more attributes, e.g. `font-weight="700"`. Grey unless `extra` sets a `fill`.
    pub fn text(&mut self, (x, y): (f64, f64), anchor: &str, extra: &str, text: &str) {
        let fill = if extra.contains("fill=") {
            String::new()
        } else {
            format!("fill=\"{MUTED}\" ")
        };
        let _ = write!(
            self.out,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\" {fill}{extra}>{}</text>",
            xml_escape(text)
        );
    }

    /// A line; `extra` sets the stroke.
    pub fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), extra: &str) {
        let _ = write!(
            self.out,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" {extra}/>"
        );
    }

    /// A data series: one `<polyline class="series {class}">` through `points`.
    pub fn polyline(&mut self, class: &str, colour: &str, points: &[(f64, f64)]) {
        let _ = write!(
            self.out,
            "<polyline class=\"series {class}\" fill=\"none\" stroke=\"{colour}\" \
             stroke-width=\"2\" stroke-linejoin=\"round\" points=\""
        );
        for (i, (x, y)) in points.iter().enumerate() {
            let _ = write!(self.out, "{}{x:.1},{y:.1}", if i == 0 { "" } else { " " });
        }
        self.out.push_str("\"/>");
    }

    /// A dot of radius `r` at `(x, y)`.
    pub fn circle(&mut self, class: &str, colour: &str, (x, y): (f64, f64), r: f64) {
        let _ = write!(
            self.out,
            "<circle class=\"{class}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{colour}\"/>"
        );
    }

    /// A filled rectangle, top-left at `(x, y)`.
    pub fn rect(&mut self, class: &str, colour: &str, (x, y): (f64, f64), (w, h): (f64, f64)) {
        let _ = write!(
            self.out,
            "<rect class=\"{class}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" \
             fill=\"{colour}\"/>",
            w.max(0.0),
            h.max(0.0)
        );
    }

    /// The finished SVG text.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }

    /// A drawing that only says `message`, in the middle.
    pub fn saying(message: &str) -> String {
        let mut svg = Svg::new();
        svg.text(
            (f64::from(WIDTH) / 2.0, f64::from(HEIGHT) / 2.0),
            "middle",
            "font-size=\"15\"",
            message,
        );
        svg.finish()
    }
}

/// The plot area: `x` from 0 to `x_span` left to right, `y` from 0 to `y_top` bottom to top.
pub struct Frame {
    x_span: f64,
    y_top: f64,
}

impl Frame {
    /// A frame for `x` in `0..=x_span` and `y` in `0..=y_top` (each at least 1, so a single
    /// point or an all-zero series still has room).
    pub fn new(x_span: f64, y_top: f64) -> Frame {
        Frame {
            x_span: x_span.max(1.0),
            y_top: y_top.max(1.0),
        }
    }

    /// Where data `x` goes across the drawing.
    pub fn x(&self, x: f64) -> f64 {
        let (left, right, _, _) = MARGIN;
        left + (x / self.x_span).clamp(0.0, 1.0) * (f64::from(WIDTH) - left - right)
    }

    /// Where data `y` goes down the drawing.
    pub fn y(&self, y: f64) -> f64 {
        let (_, _, top, bottom) = MARGIN;
        let height = f64::from(HEIGHT) - top - bottom;
        top + height - (y / self.y_top).clamp(0.0, 1.0) * height
    }

    /// Horizontal grid lines with labels at `y_ticks`, the baseline, and `x_labels` (data
    /// `x`, text) under it.
    pub fn axes(&self, svg: &mut Svg, y_ticks: &[(f64, String)], x_labels: &[(f64, String)]) {
        let (left, right, _, _) = MARGIN;
        let end = f64::from(WIDTH) - right;
        for (value, label) in y_ticks {
            let y = self.y(*value);
            svg.line((left, y), (end, y), "stroke=\"#d8dee4\" stroke-width=\"1\"");
            svg.text((left - 6.0, y + 4.0), "end", "", label);
        }
        let base = self.y(0.0);
        svg.line(
            (left, base),
            (end, base),
            &format!("stroke=\"{MUTED}\" stroke-width=\"1\""),
        );
        for (value, label) in x_labels {
            svg.text((self.x(*value), base + 18.0), "middle", "", label);
        }
    }
}

/// Round tick values from 0 up to at least `max`, about `about` steps of 1, 2 or 5 × 10ⁿ.
/// `max` ≤ 0 (or not a number) gives `[0, 1]`.
pub fn ticks(max: f64, about: usize) -> Vec<f64> {
    if !max.is_finite() || max <= 0.0 {
        return vec![0.0, 1.0];
    }
    let rough = max / about.max(1) as f64;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power)
        .max(1.0);
    let count = (max / step).ceil() as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

/// At most `most` indices out of `0..n`, evenly spread, first and last included.
pub fn spread(n: usize, most: usize) -> Vec<usize> {
    if n <= most.max(2) {
        return (0..n).collect();
    }
    let gaps = most.max(2) - 1;
    let mut out: Vec<usize> = (0..=gaps).map(|k| k * (n - 1) / gaps).collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_reach_the_top() {
        assert_eq!(ticks(9.0, 4), vec![0.0, 5.0, 10.0]);
        assert_eq!(ticks(37.0, 4), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(ticks(3.0, 4), vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(ticks(0.0, 4), vec![0.0, 1.0]);
        assert_eq!(ticks(f64::NAN, 4), vec![0.0, 1.0]);
    }

    #[test]
    fn labels_spread_out_and_keep_the_ends() {
        assert_eq!(spread(3, 6), vec![0, 1, 2]);
        assert_eq!(spread(11, 6), vec![0, 2, 4, 6, 8, 10]);
        assert!(spread(0, 6).is_empty());
    }

    #[test]
    fn the_frame_maps_data_inside_the_drawing() {
        let frame = Frame::new(0.0, 0.0);
        assert_eq!(frame.x(0.0), MARGIN.0);
        assert_eq!(frame.x(5.0), f64::from(WIDTH) - MARGIN.1);
        assert_eq!(frame.y(0.0), f64::from(HEIGHT) - MARGIN.3);
        assert_eq!(frame.y(1.0), MARGIN.2);
    }

    #[test]
    fn text_is_escaped() {
        let svg = Svg::saying("a < b & c");
        assert!(svg.contains("a &lt; b &amp; c"));
    }
}
