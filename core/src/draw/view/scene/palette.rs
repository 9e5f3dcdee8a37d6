//! Colours of the canvas renderers, packed for the GPU: the role colours of the page's
//! style sheet (Okabe–Ito, as `www/style.css`), the community palette of the exports, and
//! the grey of people the host's removal left alone.

use crate::draw::colours::community_colour;
use crate::draw::view::Role;

/// A colour with straight (not premultiplied) alpha, each channel 0..=255.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
        Rgba([r, g, b, 255])
    }

    /// The same colour with alpha `a` (0..=1; clamped, NaN is transparent).
    pub fn with_alpha(self, a: f64) -> Rgba {
        let [r, g, b, _] = self.0;
        let a = if a.is_nan() { 0.0 } else { a.clamp(0.0, 1.0) };
        Rgba([r, g, b, (a * 255.0).round() as u8])
    }

    /// Parses `#rgb` or `#rrggbb` (surrounding spaces allowed, as CSS variables read back);
    /// `None` for anything else.
    pub fn parse(text: &str) -> Option<Rgba> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(hex.get(i..i + 1)?, 16).ok();
        let pair = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        match hex.len() {
            3 => Some(Rgba::rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgba::rgb(pair(0)?, pair(2)?, pair(4)?)),
            _ => None,
        }
    }

    /// The four bytes in memory order r, g, b, a: what a WebGL attribute of four normalised
    /// unsigned bytes reads.
    pub fn bytes(self) -> [u8; 4] {
        self.0
    }

    /// CSS text for the 2D canvas, e.g. `rgba(213,94,0,1.000)`.
    pub fn css(self) -> String {
        let [r, g, b, a] = self.0;
        format!("rgba({r},{g},{b},{:.3})", f64::from(a) / 255.0)
    }

    /// Channels as 0..=1 floats, for shader uniforms.
    pub fn unit(self) -> [f32; 4] {
        self.0.map(|c| f32::from(c) / 255.0)
    }
}

/// The fill of a role, as `www/style.css` sets it in the light theme.
pub fn role_colour(role: Role) -> Rgba {
    match role {
        Role::Host => Rgba::rgb(0xd5, 0x5e, 0x00),
        Role::Leader => Rgba::rgb(0xcc, 0x79, 0xa7),
        Role::Core => Rgba::rgb(0x00, 0x9e, 0x73),
        Role::Engaged => Rgba::rgb(0x56, 0xb4, 0xe9),
        Role::Audience => Rgba::rgb(0xa3, 0xa3, 0xa3),
    }
}

/// The fill of Louvain group `c`: the palette the GEXF export and the SVG use.
pub fn group_colour(c: u32) -> Rgba {
    Rgba::parse(community_colour(c)).unwrap_or(Rgba::rgb(0x7d, 0x7d, 0x7d))
}

/// People with no tie left once the host is removed: light grey at half opacity, as the
/// SVG's `.person.alone`.
pub const ALONE: Rgba = Rgba([0xbd, 0xbd, 0xbd, 128]);

/// The page colours the canvas needs, read from the style sheet's variables when it can
/// (dark mode changes them); the light theme otherwise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Text and lines (`--fg`).
    pub fg: Rgba,
    /// The drawing's background and the thin outline of every dot (`--card`).
    pub card: Rgba,
    /// The hovered person's ties (`--accent`).
    pub accent: Rgba,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            fg: Rgba::rgb(0x1f, 0x23, 0x28),
            card: Rgba::rgb(0xff, 0xff, 0xff),
            accent: Rgba::rgb(0x00, 0x72, 0xb2),
        }
    }
}

impl Theme {
    /// The theme from CSS variable values (`None` or unreadable: the default's colour).
    pub fn from_css(fg: Option<&str>, card: Option<&str>, accent: Option<&str>) -> Theme {
        let pick =
            |value: Option<&str>, fallback: Rgba| value.and_then(Rgba::parse).unwrap_or(fallback);
        let light = Theme::default();
        Theme {
            fg: pick(fg, light.fg),
            card: pick(card, light.card),
            accent: pick(accent, light.accent),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_css_hex_and_refuses_the_rest() {
        assert_eq!(Rgba::parse(" #0072b2 "), Some(Rgba::rgb(0, 0x72, 0xb2)));
        assert_eq!(Rgba::parse("#fff"), Some(Rgba::rgb(255, 255, 255)));
        for bad in ["", "#", "0072b2", "#12345", "#gg0000", "#ééé", "rgb(1,2,3)"] {
            assert_eq!(Rgba::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn packs_for_the_gpu_and_the_2d_canvas() {
        let host = role_colour(Role::Host);
        assert_eq!(host.bytes(), [0xd5, 0x5e, 0x00, 255]);
        assert_eq!(host.with_alpha(0.5).bytes()[3], 128);
        assert_eq!(host.with_alpha(f64::NAN).bytes()[3], 0);
        assert_eq!(host.with_alpha(7.0).bytes()[3], 255);
        assert_eq!(ALONE.css(), "rgba(189,189,189,0.502)");
        assert_eq!(Rgba::rgb(255, 0, 51).unit(), [1.0, 0.0, 0.2, 1.0]);
    }

    #[test]
    fn groups_cycle_through_the_export_palette_and_the_theme_falls_back() {
        assert_eq!(group_colour(0), Rgba::rgb(0x00, 0x72, 0xb2));
        assert_eq!(group_colour(8), group_colour(0));
        let dark = Theme::from_css(Some(" #e8e6e1"), Some("bogus"), None);
        assert_eq!(dark.fg, Rgba::rgb(0xe8, 0xe6, 0xe1));
        assert_eq!(dark.card, Theme::default().card);
        assert_eq!(dark.accent, Theme::default().accent);
    }
}
