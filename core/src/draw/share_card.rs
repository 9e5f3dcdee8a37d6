//! The anonymised share card: one 1200 × 630 image to show a team or post
//! publicly — the verdict, the score, the funnel as bars, and the network as a silhouette.
//!
//! It is anonymous by construction, not by filtering: the only text on it is peerscope's
//! own words and numbers. No name, no id, no channel or file name, no headline (headlines
//! can name the host) ever goes in; people are unlabelled dots placed by the layout.
//! The page turns this SVG into a PNG (`src/network/export.rs` in the web crate).

use std::fmt::Write;

use crate::draw::colours::role_colour;
use crate::draw::view::{NetworkView, NodeView, Role};
use crate::model::schema::{Label, Report};

/// Card size in pixels (the common size for link previews).
pub const WIDTH: f64 = 1200.0;
pub const HEIGHT: f64 = 630.0;

/// The silhouette's box: left, top, width, height.
const NET: (f64, f64, f64, f64) = (660.0, 50.0, 490.0, 530.0);
/// Past these, only the most connected people and the heaviest ties are drawn.
const MAX_NODES: usize = 3000;
const MAX_EDGES: usize = 4000;

/// The card as standalone SVG text. An empty report still gives a card (score "not
/// measurable yet", empty bars, an empty silhouette).
pub fn share_card(report: &Report, network: &NetworkView) -> String {
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
         viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"system-ui, sans-serif\">\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>"
    );
    verdict(&mut svg, report);
    funnel(&mut svg, report);
    silhouette(&mut svg, network);
    svg.push_str(
        "<text x=\"60\" y=\"598\" font-size=\"17\" fill=\"#57606a\">Measured with peerscope \
         from the group's own conversations. No names, no messages.</text></svg>",
    );
    svg
}

/// The label in words and its colour.
fn label_words(label: Label) -> (&'static str, &'static str, &'static str) {
    match label {
        Label::Audience => (
            "An audience",
            "#d55e00",
            "Conversations run through the host.",
        ),
        Label::Emerging => (
            "Emerging community",
            "#b08800",
            "Members are starting to talk to each other.",
        ),
        Label::Community => (
            "A community",
            "#009e73",
            "Members talk to each other, host or not.",
        ),
        Label::Undetermined => (
            "Too early to tell",
            "#57606a",
            "Too little conversation to judge yet.",
        ),
    }
}

fn verdict(svg: &mut String, report: &Report) {
    let (words, colour, meaning) = label_words(report.verdict.label);
    let score = match report.verdict.score {
        Some(s) if s.is_finite() => format!(
            "Score {} of 100",
            crate::model::shown::score_text(Some(s.clamp(0.0, 100.0)))
        ),
        _ => "No score yet".to_string(),
    };
    let _ = write!(
        svg,
        "<text x=\"60\" y=\"92\" font-size=\"26\" font-weight=\"700\" fill=\"#57606a\">\
         peerscope · audience or community?</text>\
         <text x=\"60\" y=\"178\" font-size=\"48\" font-weight=\"800\" fill=\"{colour}\">\
         {words}</text>\
         <text x=\"60\" y=\"226\" font-size=\"24\" fill=\"#1f2328\">{meaning}</text>\
         <text x=\"60\" y=\"280\" font-size=\"34\" font-weight=\"700\" fill=\"#1f2328\">\
         {score}</text>"
    );
}

/// Four bars, audience to leaders, lengths relative to the audience (the largest).
fn funnel(svg: &mut String, report: &Report) {
    let f = &report.funnel;
    let stages = [
        ("audience", f.audience, Role::Audience),
        ("engaged", f.engaged, Role::Engaged),
        ("core", f.core, Role::Core),
        ("leaders", f.leaders.len() as u64, Role::Leader),
    ];
    let largest = stages.iter().map(|s| s.1).max().unwrap_or(0).max(1) as f64;
    for (i, (stage, count, role)) in stages.into_iter().enumerate() {
        let y = 330.0 + 58.0 * i as f64;
        let length = (count as f64 / largest * 330.0).max(3.0);
        let _ = write!(
            svg,
            "<text x=\"60\" y=\"{:.0}\" font-size=\"22\" fill=\"#57606a\">{stage}</text>\
             <rect class=\"bar\" x=\"180\" y=\"{y:.0}\" width=\"{length:.1}\" height=\"36\" \
             rx=\"4\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{:.0}\" font-size=\"22\" font-weight=\"700\" \
             fill=\"#1f2328\">{count}</text>",
            y + 26.0,
            role_colour(role),
            180.0 + length + 10.0,
            y + 26.0
        );
    }
}

/// Unlabelled dots and faint lines where the layout put people, in the card's right half.
/// Past [`MAX_NODES`] people only the most connected are drawn, past [`MAX_EDGES`] ties only
/// the heaviest (by a cut-off, not a sort: a sort would cost the wasm more than this file).
fn silhouette(svg: &mut String, network: &NetworkView) {
    let (left, top, width, height) = NET;
    let _ = write!(
        svg,
        "<rect x=\"{left}\" y=\"{top}\" width=\"{width}\" height=\"{height}\" rx=\"18\" \
         fill=\"#f6f8fa\"/>"
    );
    let least_degree = cut_off(network.nodes.iter().map(|n| n.degree), MAX_NODES);
    let shown = |n: &&NodeView| n.degree >= least_degree;
    let place = placer(network.nodes.iter().filter(shown));
    let at: Vec<Option<(f64, f64)>> = network
        .nodes
        .iter()
        .map(|n| shown(&n).then(|| place(n)))
        .collect();
    let least_weight = cut_off(network.edges.iter().map(|e| e.weight), MAX_EDGES);
    svg.push_str("<g stroke=\"#8c959f\" stroke-opacity=\"0.35\" stroke-width=\"1\">");
    for e in network.edges.iter().filter(|e| e.weight >= least_weight) {
        let end = |v: u32| at.get(v as usize).copied().flatten();
        if let (Some((x1, y1)), Some((x2, y2))) = (end(e.a), end(e.b)) {
            let _ = write!(
                svg,
                "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\"/>"
            );
        }
    }
    svg.push_str("</g><g class=\"people\">");
    let top_degree = f64::from(
        network
            .nodes
            .iter()
            .map(|n| n.degree)
            .max()
            .unwrap_or(0)
            .max(1),
    );
    for (node, spot) in network.nodes.iter().zip(&at) {
        let Some((x, y)) = spot else { continue };
        let r = 2.5 + 7.5 * (f64::from(node.degree) / top_degree).sqrt();
        let _ = write!(
            svg,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{}\"/>",
            role_colour(node.role)
        );
    }
    svg.push_str("</g>");
}

/// The smallest value to keep, largest first, so that at most `keep` of `values` pass
/// (`v >= cut_off`): 0 (keep all) when there are at most `keep`. The values tied for the
/// largest always pass together, even more than `keep` of them. Counts values in 1024
/// buckets (larger values share the top one).
fn cut_off(values: impl Iterator<Item = u32> + Clone, keep: usize) -> u32 {
    const BUCKETS: usize = 1024;
    if values.clone().count() <= keep {
        return 0;
    }
    let mut counts = vec![0usize; BUCKETS];
    for v in values {
        if let Some(c) = counts.get_mut((v as usize).min(BUCKETS - 1)) {
            *c += 1;
        }
    }
    let mut kept = 0;
    for (v, &c) in counts.iter().enumerate().rev() {
        if kept > 0 && kept + c > keep {
            return v as u32 + 1;
        }
        kept += c;
        if kept >= keep {
            return v as u32;
        }
    }
    0
}

/// Maps layout positions (0..=1, not-a-number taken as 0.5) into the silhouette's box,
/// keeping the layout's shape and centring it; one person lands in the middle.
fn placer<'a>(nodes: impl Iterator<Item = &'a NodeView>) -> impl Fn(&NodeView) -> (f64, f64) {
    let unit = |v: f64| {
        if v.is_finite() {
            v.clamp(0.0, 1.0)
        } else {
            0.5
        }
    };
    let (mut lo_x, mut lo_y, mut hi_x, mut hi_y) = (1.0f64, 1.0f64, 0.0f64, 0.0f64);
    for n in nodes {
        (lo_x, hi_x) = (lo_x.min(unit(n.x)), hi_x.max(unit(n.x)));
        (lo_y, hi_y) = (lo_y.min(unit(n.y)), hi_y.max(unit(n.y)));
    }
    let (left, top, width, height) = NET;
    let pad = 28.0;
    let (room_x, room_y) = (width - 2.0 * pad, height - 2.0 * pad);
    let (span_x, span_y) = ((hi_x - lo_x).max(1e-9), (hi_y - lo_y).max(1e-9));
    let scale = (room_x / span_x).min(room_y / span_y).min(room_x * 4.0);
    let (used_x, used_y) = (
        (hi_x - lo_x).max(0.0) * scale,
        (hi_y - lo_y).max(0.0) * scale,
    );
    let (x0, y0) = (
        left + pad + (room_x - used_x) / 2.0,
        top + pad + (room_y - used_y) / 2.0,
    );
    let (lo_x, lo_y) = (lo_x.min(hi_x), lo_y.min(hi_y));
    move |n: &NodeView| {
        (
            x0 + (unit(n.x) - lo_x) * scale,
            y0 + (unit(n.y) - lo_y) * scale,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{import::sample, model::options::Options, report::analyze};

    #[test]
    fn the_card_shows_the_verdict_and_no_one() {
        let analysis = match analyze(&sample::inputs(), &Options::default()) {
            Ok(a) => a,
            Err(e) => panic!("the sample analyses: {e}"),
        };
        let card = share_card(&analysis.report, &analysis.network);
        assert!(card.starts_with("<svg") && card.ends_with("</svg>"));
        assert_eq!(
            card.matches("<circle").count(),
            analysis.network.nodes.len()
        );
        assert_eq!(card.matches("class=\"bar\"").count(), 4);
        for person in &analysis.participants {
            assert!(!card.contains(&person.name), "{} on the card", person.name);
            // Short ids ("7") would match any number; real ones are long.
            if person.id.len() >= 6 {
                assert!(!card.contains(&person.id), "{} on the card", person.id);
            }
        }
    }

    #[test]
    fn the_cut_off_keeps_the_largest() {
        let values = [5u32, 1, 9, 9, 3, 7];
        assert_eq!(cut_off(values.iter().copied(), 10), 0, "all fit");
        assert_eq!(cut_off(values.iter().copied(), 3), 7, "9, 9 and 7");
        assert_eq!(cut_off(values.iter().copied(), 4), 5);
        assert_eq!(
            cut_off(values.iter().copied(), 1),
            9,
            "the tied largest pass together"
        );
        assert_eq!(
            cut_off([9u32, 9, 7, 7].iter().copied(), 3),
            8,
            "never more than asked"
        );
        assert_eq!(cut_off(std::iter::empty(), 0), 0);
    }

    #[test]
    fn an_empty_network_still_makes_a_card() {
        let place = placer(std::iter::empty());
        let (x, y) = place(&NodeView::default());
        assert!(x.is_finite() && y.is_finite());
    }
}
