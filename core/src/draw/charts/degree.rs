//! The degree distribution: how many people are tied to how many others, with the host's
//! bar marked.

use std::collections::BTreeMap;

use super::{Chart, Plot};
use crate::draw::view::{NetworkView, Role};

/// Most bars; past this many degrees, neighbouring degrees share a bar.
pub const MAX_BARS: u32 = 40;

/// When the tallest bar holds at least this many times the people of the shortest, the
/// people axis is logarithmic, so a bar of one (often the host's) stays visible beside a
/// bar of a hundred.
pub const LOG_SCALE_FROM: u32 = 20;

/// One bar: the people whose degree is in `from ..= to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DegreeBar {
    /// Position on the x axis, 0.. (bar `slot` holds degrees `slot·width ..`).
    pub slot: u32,
    pub from: u32,
    pub to: u32,
    /// People in the bar, at least 1.
    pub people: u32,
    /// Of them, hosts (the page marks their bar).
    pub hosts: u32,
}

/// The bars of the degree chart.
#[derive(Debug, Clone, PartialEq)]
pub struct DegreeSeries {
    /// Every bar with someone in it, in slot order.
    pub bars: Vec<DegreeBar>,
    /// Degrees per bar, at least 1.
    pub width: u32,
    /// Bar positions on the x axis: the last bar's slot + 1 (gaps stay gaps).
    pub slots: u32,
    /// Whether the people axis is logarithmic (see [`LOG_SCALE_FROM`]).
    pub log_scale: bool,
}

/// The degree chart: its bars, or a sentence when nobody is in the network.
pub fn degree(network: &NetworkView) -> Chart {
    let series = bars(network);
    let plot = if series.bars.is_empty() {
        Plot::Sentence("Nobody to count yet.".to_string())
    } else {
        Plot::Degree(series)
    };
    Chart {
        id: "degree",
        title: "How many people each person talks with",
        caption: "People by the number of others they replied to or mentioned, either way. \
                  Look at the right end: one bar far from the rest is a hub everyone goes \
                  through (an audience); bars filling the middle mean members are tied to \
                  several others (a community). The host's bar is marked."
            .to_string(),
        plot,
    }
}

/// The bars: people grouped by degree, at most [`MAX_BARS`] + 1 of them. Empty network:
/// no bars, width 1, no slots.
pub fn bars(network: &NetworkView) -> DegreeSeries {
    let top = network.nodes.iter().map(|n| n.degree).max().unwrap_or(0);
    let width = top / MAX_BARS + 1;
    let mut counts = BTreeMap::<u32, (u32, u32)>::new();
    for node in &network.nodes {
        let bar = counts.entry(node.degree / width).or_default();
        bar.0 += 1;
        bar.1 += u32::from(node.role == Role::Host);
    }
    let bars: Vec<DegreeBar> = counts
        .into_iter()
        .map(|(slot, (people, hosts))| DegreeBar {
            slot,
            from: slot.saturating_mul(width),
            to: slot.saturating_mul(width).saturating_add(width - 1),
            people,
            hosts,
        })
        .collect();
    let tallest = bars.iter().map(|b| b.people).max().unwrap_or(0);
    let shortest = bars.iter().map(|b| b.people).min().unwrap_or(0);
    DegreeSeries {
        slots: bars.last().map_or(0, |b| b.slot + 1),
        log_scale: shortest > 0 && tallest / shortest >= LOG_SCALE_FROM,
        bars,
        width,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::view::NodeView;

    fn network(degrees: &[(u32, Role)]) -> NetworkView {
        let nodes = degrees
            .iter()
            .map(|&(degree, role)| NodeView {
                degree,
                role,
                ..NodeView::default()
            })
            .collect();
        NetworkView {
            nodes,
            edges: Vec::new(),
            ..NetworkView::default()
        }
    }

    fn members(degrees: &[u32]) -> NetworkView {
        let with_roles: Vec<(u32, Role)> = degrees.iter().map(|&d| (d, Role::Core)).collect();
        network(&with_roles)
    }

    fn shape(series: &DegreeSeries) -> Vec<(u32, u32)> {
        series.bars.iter().map(|b| (b.slot, b.people)).collect()
    }

    #[test]
    fn small_degrees_get_a_bar_each_and_large_ones_share() {
        let small = bars(&members(&[1, 1, 2, 5]));
        assert_eq!(shape(&small), vec![(1, 2), (2, 1), (5, 1)]);
        assert_eq!((small.width, small.slots), (1, 6));
        let wide = bars(&members(&[0, 1, 200]));
        assert_eq!(wide.width, 6);
        assert_eq!(shape(&wide), vec![(0, 2), (33, 1)]);
        assert_eq!((wide.bars[1].from, wide.bars[1].to), (198, 203));
        assert!(wide.bars.len() as u32 <= MAX_BARS + 1);
        assert_eq!(bars(&members(&[])).bars, Vec::new());
        assert_eq!(bars(&members(&[u32::MAX])).bars.len(), 1, "no overflow");
    }

    #[test]
    fn the_hosts_bar_is_marked_and_a_lone_host_turns_the_scale_to_log() {
        let mut people = vec![(1, Role::Audience); 121];
        people.push((121, Role::Host));
        let series = bars(&network(&people));
        let host: Vec<&DegreeBar> = series.bars.iter().filter(|b| b.hosts > 0).collect();
        assert_eq!(host.len(), 1);
        assert_eq!((host[0].people, host[0].hosts), (1, 1));
        assert!(host[0].from <= 121 && 121 <= host[0].to);
        assert!(series.log_scale, "121 against 1");
        assert!(!bars(&members(&[1, 1, 2, 3])).log_scale);
    }
}
