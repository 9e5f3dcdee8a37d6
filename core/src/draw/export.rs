//! The network as files other tools open: GEXF for Gephi ([`gexf`](mod@gexf)), CSV node and edge
//! tables ([`tables`]), and the canvas-drawn picture as SVG ([`svg`]). Pure functions of a
//! [`crate::draw::view::NetworkView`] (the SVG also of its scene); the UI turns the text into
//! downloads.

pub mod csv_text;
pub mod gexf;
pub mod metrics_csv;
pub mod svg;
pub mod tables;

pub use gexf::gexf;
pub use svg::scene_svg;
pub use tables::{edges_csv, nodes_csv};

/// Text made safe inside XML attribute values and content: `& < > " '` become entities and
/// characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return, and
/// U+FFFE/U+FFFF) are dropped. Empty in, empty out.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            xml_escape("a<b>&\"c\" 'd'\u{1}\u{FFFF}\té"),
            "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;\té"
        );
        assert_eq!(xml_escape(""), "");
    }
}
