//! The degree distribution: how many people are tied to how many others.

use std::collections::BTreeMap;

use super::svg::{spread, ticks, Frame, Svg};
use super::{Chart, DEGREE};
use crate::draw::view::NetworkView;

/// Most bars; past this many degrees, neighbouring degrees share a bar.
pub const MAX_BARS: u32 = 40;

/// The chart of [`draw`] with its caption.
pub fn degree(network: &NetworkView) -> Chart {
    Chart {
        id: "degree",
        title: "How many people each person talks with",
        caption: "People by the number of others they replied to or mentioned, either way. \
                  Look at the right end: one bar far from the rest is a hub everyone goes \
                  through (an audience); bars filling the middle mean members are tied to \
                  several others (a community)."
            .to_string(),
        svg: draw(network),
    }
}

/// The bars [`draw`] shows: `(bar, people)` for every bar with someone in it, in bar order,
/// and how many degrees each bar spans (bar `b` holds degrees `b·width ..= b·width +
/// width − 1`; at most [`MAX_BARS`] + 1 bars). Empty network: no bars, width 1.
pub fn bars(network: &NetworkView) -> (Vec<(u32, u32)>, u32) {
    let top = network.nodes.iter().map(|n| n.degree).max().unwrap_or(0);
    let width = top / MAX_BARS + 1;
    let mut counts = BTreeMap::<u32, u32>::new();
    for node in &network.nodes {
        *counts.entry(node.degree / width).or_default() += 1;
    }
    (counts.into_iter().collect(), width)
}

/// One `bar degree` per group of degrees someone has (`x` = degree, `y` = people), every
/// possible bar position kept so gaps show. No people: a sentence instead.
pub fn draw(network: &NetworkView) -> String {
    let (bars, width) = bars(network);
    let (Some(&(last, _)), Some(tallest)) = (bars.last(), bars.iter().map(|b| b.1).max()) else {
        return Svg::saying("Nobody to count yet.");
    };
    let levels = ticks(f64::from(tallest), 4);
    let slots = f64::from(last) + 1.0;
    // x runs over slot edges: slot b spans b..b+1.
    let frame = Frame::new(slots, levels.last().copied().unwrap_or(1.0));
    let mut svg = Svg::new();
    let name = |b: u32| {
        if width == 1 {
            b.to_string()
        } else {
            let (b, width) = (u64::from(b), u64::from(width));
            format!("{}–{}", b * width, b * width + width - 1)
        }
    };
    let y_labels: Vec<(f64, String)> = levels.iter().map(|&v| (v, format!("{v:.0}"))).collect();
    let x_labels: Vec<(f64, String)> = spread(last as usize + 1, 10)
        .into_iter()
        .map(|b| (b as f64 + 0.5, name(b as u32)))
        .collect();
    frame.axes(&mut svg, &y_labels, &x_labels);
    let gap = ((frame.x(1.0) - frame.x(0.0)) * 0.12).min(4.0);
    for &(b, people) in &bars {
        let (left, right) = (
            frame.x(f64::from(b)) + gap,
            frame.x(f64::from(b) + 1.0) - gap,
        );
        let top = frame.y(f64::from(people));
        svg.rect(
            "bar degree",
            DEGREE,
            (left, top),
            (right - left, frame.y(0.0) - top),
        );
    }
    svg.text(
        (frame.x(slots / 2.0), frame.y(0.0) + 32.0),
        "middle",
        "font-size=\"11\"",
        "others each person is tied to",
    );
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::view::NodeView;

    fn network(degrees: &[u32]) -> NetworkView {
        let nodes = degrees
            .iter()
            .map(|&degree| NodeView {
                degree,
                ..NodeView::default()
            })
            .collect();
        NetworkView {
            nodes,
            edges: Vec::new(),
            ..NetworkView::default()
        }
    }

    #[test]
    fn small_degrees_get_a_bar_each_and_large_ones_share() {
        assert_eq!(
            bars(&network(&[1, 1, 2, 5])),
            (vec![(1, 2), (2, 1), (5, 1)], 1)
        );
        let (wide, width) = bars(&network(&[0, 1, 200]));
        assert_eq!(width, 6);
        assert_eq!(wide, vec![(0, 2), (33, 1)]);
        assert!(wide.len() as u32 <= MAX_BARS + 1);
        assert_eq!(bars(&network(&[])), (Vec::new(), 1));
        assert_eq!(bars(&network(&[u32::MAX])).0.len(), 1, "no overflow");
    }
}
