//! The network as a standalone SVG file, written from the canvas's [`Scene`]: the same
//! dots (placed, sized and coloured as on screen, ties left out by the filters left out
//! here too), each named in a `<title>`, on a white page.
//!
//! Why a writer of its own: past the canvas thresholds the page has no SVG element to
//! serialise, and building one in the DOM for thousands of people would be the very cost
//! the canvas avoids. Kept small (plain `format!`), since it ships in the wasm.

use std::fmt::Write;

use super::xml_escape;
use crate::draw::view::scene::palette::Rgba;
use crate::draw::view::scene::Scene;
use crate::draw::view::NetworkView;

/// Ties are drawn in this grey, their opacity the scene's (weight times fade).
const TIE: &str = "#555555";

/// SVG text of `scene` (drawing units become user units, so the file is `scene.width` ×
/// `scene.height`), naming each dot after `network.nodes[dot.index]` (escaped for XML;
/// a dot with no such person has an empty title). An empty scene gives an SVG with only
/// its white background.
pub fn scene_svg(scene: &Scene, network: &NetworkView) -> String {
    let (w, h) = (f64::from(scene.width), f64::from(scene.height));
    // About 60 bytes a tie and 90 a dot.
    let mut out = String::with_capacity(256 + 60 * scene.ties.len() + 90 * scene.dots.len());
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" \
         height=\"{h}\"><rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\
         <g class=\"ties\" stroke=\"{TIE}\" stroke-width=\"1\">"
    );
    for tie in &scene.ties {
        // As f64: its formatting is in the wasm already, f32's would be added.
        let [x1, y1, x2, y2] = tie.ends.map(f64::from);
        let opacity = f64::from(tie.alpha * scene.fade);
        let _ = write!(
            out,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" \
             stroke-opacity=\"{opacity:.3}\"/>"
        );
    }
    out.push_str("</g><g class=\"people\">");
    for dot in &scene.dots {
        let name = network
            .nodes
            .get(dot.index as usize)
            .map_or(String::new(), |node| xml_escape(&node.name));
        // Hosts wear a thick dark ring, everyone else a thin white one (as on screen).
        let (ring, width) = if dot.ring {
            ("#222222", 2.5)
        } else {
            ("#ffffff", 0.75)
        };
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"{}\"{} stroke=\"{ring}\" \
             stroke-width=\"{width}\"><title>{name}</title></circle>",
            f64::from(dot.x),
            f64::from(dot.y),
            f64::from(dot.r),
            hex(dot.fill),
            opacity(dot.fill),
        );
    }
    out.push_str("</g></svg>\n");
    out
}

/// `#rrggbb` of a colour (its alpha goes to [`opacity`]).
fn hex(Rgba([r, g, b, _]): Rgba) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// ` fill-opacity="…"` for a colour that is not opaque, else nothing.
fn opacity(Rgba([_, _, _, a]): Rgba) -> String {
    if a == 255 {
        String::new()
    } else {
        format!(" fill-opacity=\"{:.3}\"", f64::from(a) / 255.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::view::explore::{select, Filter};
    use crate::draw::view::scene::Colouring;
    use crate::draw::view::{EdgeView, NodeView, Role};

    const HOSTILE: [&str; 4] = [
        "<img src=x onerror=alert(1)>",
        "\"><script>alert(1)</script>",
        "a & b's",
        "]]><!--",
    ];

    /// Hostile names on a path of four, the first a host; `weight` on every tie.
    fn network(weight: u32) -> NetworkView {
        let nodes = HOSTILE
            .iter()
            .enumerate()
            .map(|(i, name)| NodeView {
                id: i.to_string(),
                name: (*name).to_string(),
                role: if i == 0 { Role::Host } else { Role::Audience },
                degree: 1 + u32::from(i % 3 != 0),
                x: 0.1 + 0.2 * i as f64,
                y: 0.5,
                ..NodeView::default()
            })
            .collect();
        let edges = (0..3)
            .map(|a| EdgeView {
                a,
                b: a + 1,
                weight,
            })
            .collect();
        NetworkView {
            nodes,
            edges,
            ..NetworkView::default()
        }
    }

    fn scene(net: &NetworkView, filter: Filter) -> Scene {
        let selection = select(net, &filter, &[]);
        let place = |n: &NodeView| (n.x * 800.0, n.y * 600.0);
        Scene::build(net, &selection, place, Colouring::default(), (800.0, 600.0))
    }

    /// Checks that `text` is well-formed as far as this writer can go wrong: every `<`
    /// opens a known element or closes the innermost open one, attributes are quoted and
    /// free of `<`, and text holds no raw `<` or `&` other than entities.
    fn well_formed(text: &str) -> Result<(), String> {
        let mut open: Vec<&str> = Vec::new();
        let mut rest = text.trim_end();
        while let Some(at) = rest.find('<') {
            let between = &rest[..at];
            let bad_amp = between.match_indices('&').any(|(i, _)| {
                let tail = &between[i..];
                !["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| tail.starts_with(e))
            });
            if bad_amp || between.contains('>') {
                return Err(format!("raw markup in text: {between:?}"));
            }
            let end = rest[at..].find('>').ok_or("unclosed tag")? + at;
            let tag = &rest[at + 1..end];
            if tag.matches('"').count() % 2 == 1 {
                return Err(format!("unbalanced quotes in <{tag}>"));
            }
            if let Some(name) = tag.strip_prefix('/') {
                (open.pop() == Some(name))
                    .then_some(())
                    .ok_or("misnested")?;
            } else if !tag.ends_with('/') {
                open.push(tag.split(' ').next().unwrap_or(""));
            }
            rest = &rest[end + 1..];
        }
        open.is_empty()
            .then_some(())
            .ok_or_else(|| "left open".into())
    }

    #[test]
    fn one_circle_a_person_one_line_a_tie_and_names_escaped() {
        let net = network(2);
        let svg = scene_svg(&scene(&net, Filter::default()), &net);
        well_formed(&svg).unwrap();
        assert_eq!(svg.matches("<circle ").count(), 4);
        assert_eq!(svg.matches("<line ").count(), 3);
        for raw in ["<img", "<script", "]]>", "<!--"] {
            assert!(!svg.contains(raw), "{raw} came out raw");
        }
        assert!(svg.contains("<title>&lt;img src=x onerror=alert(1)&gt;</title>"));
        assert!(svg.contains("<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assert!(svg.contains("<title>a &amp; b&apos;s</title>"));
        assert!(svg.contains("stroke=\"#222222\""), "the host is ringed");
    }

    #[test]
    fn filtered_ties_are_left_out_and_empty_is_an_empty_picture() {
        let net = network(1);
        let filter = Filter {
            min_weight: 2,
            ..Filter::default()
        };
        let svg = scene_svg(&scene(&net, filter), &net);
        well_formed(&svg).unwrap();
        assert_eq!(svg.matches("<line ").count(), 0);
        let empty = scene_svg(&Scene::default(), &NetworkView::default());
        well_formed(&empty).unwrap();
        assert!(!empty.contains("<circle") && !empty.contains("<line"));
        assert!(well_formed("<a><b></a></b>").is_err() && well_formed("<a>x<y</a>").is_err());
    }
}
