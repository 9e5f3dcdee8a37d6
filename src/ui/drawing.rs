//! The network as an SVG: one `<circle>` per person, one `<line>` per tie, and its own
//! `<style>`, so a downloaded SVG or PNG looks like the page.
//!
//! SVG for now: fine up to a few thousand people (past [`MAX_EDGES`] only the heaviest
//! ties are drawn). WebGL2 with instanced nodes is the later step for large servers.

use std::cmp::Reverse;

use yew::prelude::*;

use crate::export::community_colour;
use crate::ui::fit::Fit;
use crate::view::{NetworkView, NodeView, Role};

/// Drawing size in SVG units; the SVG scales to its box.
pub const WIDTH: f64 = 800.0;
pub const HEIGHT: f64 = 560.0;
/// Room at the edges so rings and names are not cut off.
const PAD: f64 = 40.0;
/// Only the heaviest ties are drawn beyond this many, to keep big exports responsive.
const MAX_EDGES: usize = 4000;
/// How many of the most connected people get a name beside their dot (hosts always do).
const NAMED: usize = 10;

/// The drawing's own rules; page variables win, the fallbacks serve downloaded images.
const STYLE: &str = "\
#network line{stroke:var(--fg,#1f2328);stroke-width:1.2}\
#network .person{stroke:var(--card,#fff);stroke-width:1}\
#network .role-host{fill:var(--host,#d55e00);stroke:var(--fg,#1f2328);stroke-width:3}\
#network .role-leader{fill:var(--leader,#cc79a7)}\
#network .role-core{fill:var(--core,#009e73)}\
#network .role-engaged{fill:var(--engaged,#56b4e9)}\
#network .role-audience{fill:var(--audience,#a3a3a3)}\
#network .person.alone{fill:#bdbdbd !important;opacity:.5}\
#network.hovering .person:not(.lit),#network.hovering line:not(.lit){opacity:.12}\
#network.hovering line.lit{stroke:var(--accent,#0072b2);stroke-opacity:.9}\
#network .name{font:12px system-ui,sans-serif;fill:var(--fg,#1f2328)}\
#network .host-name{font-weight:700}";

/// How to draw: colours, who is hovered, and where hover changes are reported.
#[derive(Clone, PartialEq, Default)]
pub struct Look {
    /// Colour by Louvain community instead of role.
    pub by_community: bool,
    /// Grey people with no tie (those the host's removal left alone).
    pub grey_alone: bool,
    /// Index (in `network.nodes`) of the person under the pointer.
    pub hovered: Option<usize>,
    /// Told the index of the person the pointer enters, `None` when it leaves the drawing.
    pub on_hover: Callback<Option<usize>>,
}

/// `#network`: people placed by their layout position, sized by degree, coloured by role
/// or community; `data-nodes` counts the people drawn.
pub fn draw_network(network: &NetworkView, look: &Look) -> Html {
    let fit = Fit::to(&network.nodes, WIDTH, HEIGHT, PAD);
    let max_degree = network
        .nodes
        .iter()
        .map(|n| n.degree)
        .max()
        .unwrap_or(0)
        .max(1);
    let lit = |i: usize| look.hovered == Some(i);
    let mut edges: Vec<_> = network
        .edges
        .iter()
        .filter_map(|e| {
            let (a, b) = (
                network.nodes.get(e.a as usize)?,
                network.nodes.get(e.b as usize)?,
            );
            let hot = lit(e.a as usize) || lit(e.b as usize);
            Some((fit.place(a), fit.place(b), e.weight, hot))
        })
        .collect();
    edges.sort_by_key(|&(_, _, weight, hot)| (Reverse(hot), Reverse(weight)));
    edges.truncate(MAX_EDGES);
    let max_weight = edges.iter().map(|e| e.2).max().unwrap_or(1).max(1);

    let neighbours = ties_of(network, look.hovered);
    // Small dots first, so the big ones sit on top.
    let mut order: Vec<usize> = (0..network.nodes.len()).collect();
    order.sort_by_key(|&i| network.nodes.get(i).map_or(0, |n| n.degree));
    let mut named: Vec<usize> = order.iter().rev().take(NAMED).copied().collect();
    named.extend(
        order
            .iter()
            .filter(|&&i| network.nodes[i].role == Role::Host),
    );
    named.extend(look.hovered);
    named.sort_unstable();
    named.dedup();

    let on_over = {
        let on_hover = look.on_hover.clone();
        Callback::from(move |event: MouseEvent| {
            let target: Option<web_sys::Element> = event.target_dyn_into();
            let index = target.and_then(|t| t.get_attribute("data-i")?.parse().ok());
            if index.is_some() {
                on_hover.emit(index);
            }
        })
    };
    let on_leave = look.on_hover.reform(|_: MouseEvent| None);
    html! {
        <svg id="network" class={classes!(look.hovered.is_some().then_some("hovering"))}
            data-nodes={network.nodes.len().to_string()}
            width={WIDTH.to_string()} height={HEIGHT.to_string()}
            viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
            aria-label="The conversation network" onmouseover={on_over} onmouseleave={on_leave}>
            <style>{ STYLE }</style>
            <g class="edges">
                { for edges.iter().map(|&((x1, y1), (x2, y2), weight, hot)| {
                    let opacity = 0.12 + 0.68 * f64::from(weight) / f64::from(max_weight);
                    html! {
                        <line x1={num(x1)} y1={num(y1)} x2={num(x2)} y2={num(y2)}
                            class={classes!(hot.then_some("lit"))}
                            stroke-opacity={format!("{opacity:.2}")} />
                    }
                }) }
            </g>
            <g class="nodes">
                { for order.iter().filter_map(|&i| {
                    let node = network.nodes.get(i)?;
                    let hot = lit(i) || neighbours.contains(&i);
                    Some(draw_person(i, node, fit.place(node), max_degree, look, hot))
                }) }
            </g>
            <g class="names">
                { for named.iter().filter_map(|&i| network.nodes.get(i))
                    .map(|node| draw_name(node, fit.place(node), max_degree)) }
            </g>
        </svg>
    }
}

/// The people tied to `hovered` (indices), sorted.
fn ties_of(network: &NetworkView, hovered: Option<usize>) -> Vec<usize> {
    let Some(h) = hovered else {
        return Vec::new();
    };
    let mut out: Vec<usize> = network
        .edges
        .iter()
        .filter_map(|e| match (e.a as usize, e.b as usize) {
            (a, b) if a == h => Some(b),
            (a, b) if b == h => Some(a),
            _ => None,
        })
        .collect();
    out.sort_unstable();
    out
}

fn draw_person(
    i: usize,
    node: &NodeView,
    (x, y): (f64, f64),
    max: u32,
    look: &Look,
    hot: bool,
) -> Html {
    let ties = match node.degree {
        1 => "1 person".to_string(),
        n => format!("{n} people"),
    };
    let alone = look.grey_alone && node.degree == 0;
    let fill = look
        .by_community
        .then(|| format!("fill:{}", community_colour(node.community)));
    html! {
        <circle cx={num(x)} cy={num(y)} r={num(radius(node.degree, max))} data-i={i.to_string()}
            style={fill}
            class={classes!("person", format!("role-{}", node.role.as_str()),
                alone.then_some("alone"), hot.then_some("lit"))}>
            <title>{ format!("{} — {}, talks with {ties}", node.name, node.role.as_str()) }</title>
        </circle>
    }
}

fn draw_name(node: &NodeView, (x, y): (f64, f64), max_degree: u32) -> Html {
    let text = if node.role == Role::Host {
        format!("{} · host", node.name)
    } else {
        node.name.clone()
    };
    // Names on the right half go to the left of their dot, so they stay inside the drawing.
    let (dx, anchor) = if x > WIDTH / 2.0 {
        (-1.0, "end")
    } else {
        (1.0, "start")
    };
    let offset = radius(node.degree, max_degree) + 4.0;
    html! {
        <text x={num(x + dx * offset)} y={num(y + 4.0)} text-anchor={anchor}
            class={classes!("name", (node.role == Role::Host).then_some("host-name"))}>
            { text }
        </text>
    }
}

/// Radius 3–12 units, growing with the square root of degree (so area tracks degree).
pub fn radius(degree: u32, max_degree: u32) -> f64 {
    3.0 + 9.0 * (f64::from(degree) / f64::from(max_degree.max(1))).sqrt()
}

/// A coordinate written with one decimal, enough at this size and short in the DOM.
fn num(v: f64) -> String {
    format!("{v:.1}")
}
