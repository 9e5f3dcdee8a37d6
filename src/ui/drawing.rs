//! The network as an SVG: one `<circle>` per person, one `<line>` per tie.

use std::cmp::Reverse;

use yew::prelude::*;

use crate::ui::fit::Fit;
use crate::view::{NetworkView, NodeView, Role};

/// Drawing size in SVG units; the SVG scales to its box.
const WIDTH: f64 = 800.0;
const HEIGHT: f64 = 560.0;
/// Room at the edges so rings and names are not cut off.
const PAD: f64 = 40.0;
/// Only the heaviest ties are drawn beyond this many, to keep big exports responsive.
const MAX_EDGES: usize = 4000;
/// How many of the most connected people get a name beside their dot (hosts always do).
const NAMED: usize = 10;

/// `#network`: people placed by their layout position, sized by degree, coloured by role.
///
/// With `hide_hosts`, hosts and their ties are left out, and `data-nodes` counts only the
/// people still drawn.
pub fn draw_network(network: &NetworkView, hide_hosts: bool) -> Html {
    let shown = |node: &NodeView| !(hide_hosts && node.role == Role::Host);
    // Fitted to everyone, hosts included, so nobody moves when the hosts are hidden.
    let fit = Fit::to(&network.nodes, WIDTH, HEIGHT, PAD);
    let place = |node: &NodeView| fit.place(node);
    let max_degree = network
        .nodes
        .iter()
        .map(|n| n.degree)
        .max()
        .unwrap_or(0)
        .max(1);

    let mut edges: Vec<_> = network
        .edges
        .iter()
        .filter_map(|edge| {
            let a = network.nodes.get(edge.a as usize)?;
            let b = network.nodes.get(edge.b as usize)?;
            (shown(a) && shown(b)).then_some((a, b, edge.weight))
        })
        .collect();
    edges.sort_by_key(|&(_, _, weight)| Reverse(weight));
    edges.truncate(MAX_EDGES);
    let max_weight = edges.first().map_or(1, |&(_, _, weight)| weight.max(1));

    // Small dots first, so the big ones sit on top.
    let mut people: Vec<&NodeView> = network.nodes.iter().filter(|n| shown(n)).collect();
    people.sort_by_key(|node| node.degree);
    let mut named: Vec<&NodeView> = people.iter().rev().take(NAMED).copied().collect();
    for host in people.iter().filter(|node| node.role == Role::Host) {
        if !named.iter().any(|node| std::ptr::eq(*node, *host)) {
            named.push(host);
        }
    }

    html! {
        <svg id="network" data-nodes={people.len().to_string()}
            viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
            aria-label="The conversation network">
            <g class="edges">
                { for edges.iter().map(|&(a, b, weight)| {
                    let (x1, y1) = place(a);
                    let (x2, y2) = place(b);
                    let opacity = 0.12 + 0.68 * f64::from(weight) / f64::from(max_weight);
                    html! {
                        <line x1={num(x1)} y1={num(y1)} x2={num(x2)} y2={num(y2)}
                            stroke-opacity={format!("{opacity:.2}")} />
                    }
                }) }
            </g>
            <g class="nodes">
                { for people.iter().map(|node| draw_person(node, place(node), max_degree)) }
            </g>
            <g class="names">
                { for named.iter().map(|node| draw_name(node, place(node), max_degree)) }
            </g>
        </svg>
    }
}

fn draw_person(node: &NodeView, (x, y): (f64, f64), max_degree: u32) -> Html {
    let ties = match node.degree {
        1 => "1 person".to_string(),
        n => format!("{n} people"),
    };
    html! {
        <circle cx={num(x)} cy={num(y)} r={num(radius(node.degree, max_degree))}
            class={classes!("person", format!("role-{}", node.role.as_str()))}>
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
fn radius(degree: u32, max_degree: u32) -> f64 {
    3.0 + 9.0 * (f64::from(degree) / f64::from(max_degree.max(1))).sqrt()
}

/// A coordinate written with one decimal, enough at this size and short in the DOM.
fn num(v: f64) -> String {
    format!("{v:.1}")
}
