//! What every chart shares: its size, its type sizes, its colours, and the step that turns
//! plotters' SVG text into one that follows the page's light or dark scheme.
//!
//! plotters writes each colour as a fixed `#RRGGBB`. Each colour here stands for one of the
//! page's CSS colours (`--fg`, `--host`…): [`themed`] rewrites it to `currentColor` and
//! gives the element the class `c-<name>`, which `www/style.css` colours with that custom
//! property. So a chart is dark in dark mode, and tests find a series by its class.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A chart's drawing size in SVG units; the page scales it to its box, about 330 px wide
/// on a 390 px phone and 450 px on a desktop, so a unit is 0.9 to 1.3 px there.
pub const WIDTH: u32 = 360;
pub const HEIGHT: u32 = 240;

/// Type sizes in SVG units: at the phone's scale (0.9) the smaller is still 11.7 px.
pub const TEXT: f64 = 13.0;
pub const BIG_TEXT: f64 = 15.0;

/// The page's colours a chart uses: the class suffix (`c-<name>`, coloured by
/// `var(--<name>)`) and the light-scheme value plotters writes before [`themed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Text and axes.
    Fg,
    /// Secondary text and reference lines.
    Muted,
    /// Grid lines.
    Line,
    Host,
    /// Member messages.
    Accent,
    /// The peer share and the funnel's core.
    Core,
    /// Degree bars and the funnel's engaged.
    Engaged,
    Audience,
    Leader,
}

/// Every paint, for [`themed`].
const PAINTS: [Paint; 9] = [
    Paint::Fg,
    Paint::Muted,
    Paint::Line,
    Paint::Host,
    Paint::Accent,
    Paint::Core,
    Paint::Engaged,
    Paint::Audience,
    Paint::Leader,
];

impl Paint {
    /// The CSS custom property's name without `--`, and the class's suffix.
    pub fn name(self) -> &'static str {
        match self {
            Paint::Fg => "fg",
            Paint::Muted => "muted",
            Paint::Line => "line",
            Paint::Host => "host",
            Paint::Accent => "accent",
            Paint::Core => "core",
            Paint::Engaged => "engaged",
            Paint::Audience => "audience",
            Paint::Leader => "leader",
        }
    }

    /// The light scheme's value, distinct per paint so [`themed`] can tell them apart.
    pub fn rgb(self) -> RGBColor {
        match self {
            Paint::Fg => RGBColor(0x1f, 0x23, 0x28),
            Paint::Muted => RGBColor(0x5c, 0x63, 0x6b),
            Paint::Line => RGBColor(0xd9, 0xd6, 0xcf),
            Paint::Host => RGBColor(0xd5, 0x5e, 0x00),
            Paint::Accent => RGBColor(0x00, 0x72, 0xb2),
            Paint::Core => RGBColor(0x00, 0x9e, 0x73),
            Paint::Engaged => RGBColor(0x56, 0xb4, 0xe9),
            Paint::Audience => RGBColor(0xa3, 0xa3, 0xa3),
            Paint::Leader => RGBColor(0xcc, 0x79, 0xa7),
        }
    }

    /// How plotters writes this colour in an attribute, quotes included.
    fn written(self) -> String {
        let RGBColor(r, g, b) = self.rgb();
        format!("\"#{r:02X}{g:02X}{b:02X}\"")
    }
}

/// Text of `size` SVG units in `paint`, anchored at `(h, v)`. plotters writes
/// `font-size` as the size it is given divided by 1.24, so that is undone here.
pub fn text(size: f64, paint: Paint, h: HPos, v: VPos) -> TextStyle<'static> {
    styled(size, FontStyle::Normal, paint, h, v)
}

/// [`text`] in bold.
pub fn bold(size: f64, paint: Paint, h: HPos, v: VPos) -> TextStyle<'static> {
    styled(size, FontStyle::Bold, paint, h, v)
}

fn styled(size: f64, style: FontStyle, paint: Paint, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: ("system-ui, sans-serif", size * 1.24, style).into_font(),
        color: paint.rgb().to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// Draws with `draw` on a fresh [`WIDTH`] × [`HEIGHT`] SVG and returns the [`themed`]
/// text; an error from plotters comes back as its message.
pub fn svg<F>(draw: F) -> Result<String, String>
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Result<(), String>,
{
    let mut out = String::with_capacity(8192);
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&root)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(themed(&out))
}

/// Every element drawn in one of the [`Paint`]s gets `class="c-<name>"` and
/// `currentColor` instead of the fixed colour (plotters gives an element one colour at
/// most, as its fill or its stroke). Elements in other colours are left as they are.
pub fn themed(svg: &str) -> String {
    let written: Vec<(Paint, String)> = PAINTS.iter().map(|&p| (p, p.written())).collect();
    let mut out = String::with_capacity(svg.len() + svg.len() / 4);
    for (i, tag) in svg.split('<').enumerate() {
        if i > 0 {
            out.push('<');
        }
        let found = written.iter().find(|(_, w)| tag.contains(w.as_str()));
        match (found, tag.split_once(' ')) {
            (Some((paint, w)), Some((element, rest))) => {
                out.push_str(element);
                out.push_str(&format!(" class=\"c-{}\" ", paint.name()));
                out.push_str(&rest.replace(w.as_str(), "\"currentColor\""));
            }
            _ => out.push_str(tag),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paints_become_classes_and_current_colour() {
        let svg = "<svg a=\"1\"><rect x=\"0\" fill=\"#D55E00\" stroke=\"none\"/>\
                   <text fill=\"#1F2328\">8 Jan</text><line stroke=\"#123456\"/></svg>";
        let out = themed(svg);
        assert!(
            out.contains("<rect class=\"c-host\" x=\"0\" fill=\"currentColor\""),
            "{out}"
        );
        assert!(
            out.contains("<text class=\"c-fg\" fill=\"currentColor\">8 Jan</text>"),
            "{out}"
        );
        assert!(out.contains("<line stroke=\"#123456\"/>"), "{out}");
        assert!(!out.contains("#D55E00"));
    }

    #[test]
    fn every_paint_is_told_apart() {
        let mut written: Vec<String> = PAINTS.iter().map(|p| p.written()).collect();
        written.sort();
        written.dedup();
        assert_eq!(written.len(), PAINTS.len());
    }
}
