//! Which people and ties the network view draws: the filters (weakest tie, people left
//! without a tie, one space or a time window, the most connected few of a big network)
//! and the name search.
//!
//! Pure functions of a [`NetworkView`], so the web UI stays thin and this is tested
//! natively. Indices stay those of `network.nodes` and `network.edges`: the drawing,
//! tooltip and table all speak about the same people.

use crate::model::stable_sort::StableSort;
use std::cmp::Reverse;

use super::times::{recount, Window};
use super::NetworkView;

/// Past this many people an SVG draws only the most connected unless asked: many thousand
/// circles make the page sluggish. (The page draws networks this big on a canvas, which
/// shows everyone; the limit serves an SVG asked for with `?renderer=svg`.)
pub const BIG: usize = 2000;

/// What the reader asked to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filter {
    /// Only ties with at least this many interactions are drawn.
    pub min_weight: u32,
    /// People with no drawn tie are hidden.
    pub hide_isolates: bool,
    /// Draw at most this many people, the most connected first (`None`: everyone).
    pub limit: Option<usize>,
    /// Count only the interactions of one space or a span of days: ties are weighed
    /// again on those alone (and `min_weight` applies to the new weights); the layout
    /// stays as it is.
    pub window: Window,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            min_weight: 1,
            hide_isolates: false,
            limit: Some(BIG),
            window: Window::default(),
        }
    }
}

/// The outcome of a [`Filter`]: who and which ties are drawn.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// One flag per person of `network.nodes`: drawn or not.
    pub shown: Vec<bool>,
    /// Indices into `network.edges` of the ties drawn.
    pub edges: Vec<usize>,
    /// How many people are drawn.
    pub count: usize,
    /// True when the [`Filter::limit`] left people out.
    pub limited: bool,
    /// Per tie of `network.edges`: its weight as drawn (recounted for the window).
    pub weights: Vec<u32>,
    /// Per person: drawn grey, as the window leaves them no tie (empty with no window).
    pub faded: Vec<bool>,
}

impl Selection {
    /// Whether person `i` is drawn.
    pub fn shows(&self, i: usize) -> bool {
        self.shown.get(i).copied().unwrap_or(false)
    }

    /// Tie `k`'s weight as drawn (0 for an index out of range).
    pub fn weight(&self, k: usize) -> u32 {
        self.weights.get(k).copied().unwrap_or(0)
    }

    /// Whether person `i` is greyed: the window leaves them no tie.
    pub fn faded(&self, i: usize) -> bool {
        self.faded.get(i).copied().unwrap_or(false)
    }
}

/// Applies `filter` to `network`; the people in `always` (search matches) are drawn
/// whatever the filter says, so a search never finds someone invisible. A tie with no
/// interaction in the window is never drawn, whatever `min_weight`.
pub fn select(network: &NetworkView, filter: &Filter, always: &[usize]) -> Selection {
    let total = network.nodes.len();
    let recounted = recount(network, &filter.window);
    let faded = recounted
        .as_ref()
        .map_or_else(Vec::new, |weights| untied(network, weights));
    let weights = recounted.unwrap_or_else(|| network.edges.iter().map(|e| e.weight).collect());
    let mut shown = vec![true; total];
    let limited = filter.limit.is_some_and(|limit| total > limit);
    if let (true, Some(limit)) = (limited, filter.limit) {
        shown = vec![false; total];
        for i in by_ties(network).into_iter().take(limit) {
            set(&mut shown, i, true);
        }
    }
    for &i in always {
        set(&mut shown, i, true);
    }
    let is_shown = |shown: &[bool], i: u32| shown.get(i as usize).copied().unwrap_or(false);
    let edges: Vec<usize> = network
        .edges
        .iter()
        .enumerate()
        .filter(|&(k, e)| {
            let weight = weights.get(k).copied().unwrap_or(0);
            weight >= filter.min_weight.max(1) && is_shown(&shown, e.a) && is_shown(&shown, e.b)
        })
        .map(|(k, _)| k)
        .collect();
    if filter.hide_isolates {
        let mut tied = vec![false; total];
        for e in edges.iter().filter_map(|&k| network.edges.get(k)) {
            set(&mut tied, e.a as usize, true);
            set(&mut tied, e.b as usize, true);
        }
        for &i in always {
            set(&mut tied, i, true);
        }
        for (flag, tie) in shown.iter_mut().zip(tied) {
            *flag &= tie;
        }
    }
    let count = shown.iter().filter(|&&s| s).count();
    Selection {
        shown,
        edges,
        count,
        limited,
        weights,
        faded,
    }
}

/// Per person: none of their ties has a positive weight in `weights`.
fn untied(network: &NetworkView, weights: &[u32]) -> Vec<bool> {
    let mut alone = vec![true; network.nodes.len()];
    for (e, _) in network.edges.iter().zip(weights).filter(|(_, &w)| w > 0) {
        set(&mut alone, e.a as usize, false);
        set(&mut alone, e.b as usize, false);
    }
    alone
}

fn set(flags: &mut [bool], i: usize, value: bool) {
    if let Some(flag) = flags.get_mut(i) {
        *flag = value;
    }
}

/// Indices of `network.nodes`, most ties first (ties broken by position, so the order is
/// stable from one render to the next).
pub fn by_ties(network: &NetworkView) -> Vec<usize> {
    let mut order: Vec<usize> = (0..network.nodes.len()).collect();
    order.stable_sort_by_key(|&i| (Reverse(network.nodes.get(i).map_or(0, |n| n.degree)), i));
    order
}

/// Indices of `network.edges` among the ties `selection` draws, heaviest (as drawn) first,
/// at most `limit`.
pub fn strongest(selection: &Selection, limit: usize) -> Vec<usize> {
    let mut order = selection.edges.clone();
    order.stable_sort_by_key(|&k| (Reverse(selection.weight(k)), k));
    order.truncate(limit);
    order
}

/// The people `selection` draws, most ties drawn first (ties broken by position), each
/// with that count.
pub fn by_ties_drawn(network: &NetworkView, selection: &Selection) -> Vec<(usize, u32)> {
    let mut ties = vec![0u32; network.nodes.len()];
    for e in selection.edges.iter().filter_map(|&k| network.edges.get(k)) {
        for v in [e.a, e.b] {
            if let Some(n) = ties.get_mut(v as usize) {
                *n += 1;
            }
        }
    }
    let mut order: Vec<(usize, u32)> = ties
        .into_iter()
        .enumerate()
        .filter(|&(i, _)| selection.shows(i))
        .collect();
    order.stable_sort_by_key(|&(i, n)| (Reverse(n), i));
    order
}

/// The people whose name holds `query`, ignoring case and surrounding spaces, in the
/// order of `network.nodes`; nobody for an empty query.
pub fn search(network: &NetworkView, query: &str) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    network
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| node.name.to_lowercase().contains(&query))
        .map(|(i, _)| i)
        .collect()
}

/// The search's answer in words: "1 person matches", "2 people match", or that nobody
/// has that name.
pub fn search_status(matches: usize) -> String {
    match matches {
        0 => "No one is called that here".to_string(),
        1 => "1 person matches".to_string(),
        n => format!("{n} people match"),
    }
}

/// A count with a thin space between thousands, as the page writes them ("2 000").
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::view::{EdgeView, NodeView};

    /// A star around person 0 (weights 1, 2, 3) plus a heavy tie 2–3 and a loner, 5.
    fn network() -> NetworkView {
        let node = |name: &str, degree| NodeView {
            name: name.to_string(),
            degree,
            ..NodeView::default()
        };
        let edge = |a, b, weight| EdgeView { a, b, weight };
        NetworkView {
            nodes: vec![
                node("Ann", 3),
                node("Bob", 1),
                node("Joanna", 2),
                node("Hannah", 2),
                node("Cy", 0),
                node("Dee", 0),
            ],
            edges: vec![edge(0, 1, 1), edge(0, 2, 2), edge(0, 3, 3), edge(2, 3, 5)],
            ..NetworkView::default()
        }
    }

    #[test]
    fn the_default_shows_everyone_in_a_small_network() {
        let s = select(&network(), &Filter::default(), &[]);
        assert_eq!((s.count, s.edges.len(), s.limited), (6, 4, false));
    }

    #[test]
    fn weak_ties_and_loners_can_be_hidden() {
        let net = network();
        let strong = Filter {
            min_weight: 3,
            ..Filter::default()
        };
        let s = select(&net, &strong, &[]);
        assert_eq!(s.edges, vec![2, 3]);
        assert_eq!(s.count, 6, "people stay until loners are hidden");
        let lonely = Filter {
            hide_isolates: true,
            ..strong
        };
        let s = select(&net, &lonely, &[]);
        assert_eq!(s.shown, vec![true, false, true, true, false, false]);
        assert_eq!(s.count, 3);
        let s = select(&net, &lonely, &[4]);
        assert!(s.shows(4) && !s.shows(99), "a match is drawn even alone");
    }

    #[test]
    fn a_big_network_is_cut_to_the_most_connected() {
        let limit = Filter {
            limit: Some(3),
            ..Filter::default()
        };
        let s = select(&network(), &limit, &[]);
        assert!(s.limited);
        assert_eq!(s.shown, vec![true, false, true, true, false, false]);
        assert_eq!(s.edges, vec![1, 2, 3], "ties to hidden people go too");
        assert_eq!(select(&network(), &limit, &[5]).count, 4);
        assert_eq!(by_ties(&network()), vec![0, 2, 3, 1, 4, 5]);
        let all = select(&network(), &Filter::default(), &[]);
        assert_eq!(strongest(&all, 2), vec![3, 2]);
        assert_eq!(strongest(&s_limited(), 9), vec![3, 2, 1], "only ties drawn");
        let drawn = by_ties_drawn(&network(), &s_limited());
        assert_eq!(drawn, vec![(0, 2), (2, 2), (3, 2)]);
    }

    /// The three most connected of [`network`], ties to the others gone.
    fn s_limited() -> Selection {
        let limit = Filter {
            limit: Some(3),
            ..Filter::default()
        };
        select(&network(), &limit, &[])
    }

    #[test]
    fn search_ignores_case_and_finds_parts_of_names() {
        let net = network();
        assert_eq!(search(&net, " ANN"), vec![0, 2, 3]);
        assert_eq!(search(&net, "jo"), vec![2]);
        assert!(search(&net, "   ").is_empty());
        assert!(search(&net, "zed").is_empty());
        assert_eq!(search_status(0), "No one is called that here");
        assert_eq!(search_status(1), "1 person matches");
        assert_eq!(search_status(2), "2 people match");
        assert_eq!(grouped(2000), "2\u{202f}000");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_234_567), "1\u{202f}234\u{202f}567");
    }
}
