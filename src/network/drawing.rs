//! The network as an SVG: one `<circle>` per person, one `<line>` per tie, and its own
//! `<style>`, so a downloaded SVG or PNG looks like the page.
//!
//! The SVG serves networks up to the thresholds of
//! [`peerscope_core::draw::view::scene::choice`] (past [`MAX_EDGES`] only the heaviest ties
//! are drawn); larger ones go to the canvas ([`crate::canvas::canvas_view`]).

use peerscope_core::model::stable_sort::StableSort;
use peerscope_core::model::unstable_sort::UnstableSort;
use std::cmp::Reverse;

use yew::prelude::*;

use crate::network::fit::Fit;
use crate::network::names::{left_alone, wrote_alone, NameLayout};
use crate::network::pan_zoom::Press;
use peerscope_core::draw::colours::community_colour;
use peerscope_core::draw::view::explore::Selection;
use peerscope_core::draw::view::scene::name_boxes::{ranked, Side};
use peerscope_core::draw::view::scene::radius;
use peerscope_core::draw::view::zoom::ViewBox;
use peerscope_core::draw::view::{NetworkView, NodeView};

/// Drawing size in SVG units; the SVG scales to its box.
pub const WIDTH: f64 = 800.0;
pub const HEIGHT: f64 = 560.0;
/// Room at the edges so rings and names are not cut off.
const PAD: f64 = 40.0;
/// Only the heaviest ties are drawn beyond this many, to keep big exports responsive.
const MAX_EDGES: usize = 4000;

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
#network .name,#network .bin-caption{font-family:system-ui,sans-serif;fill:var(--fg,#1f2328);paint-order:stroke;stroke:var(--card,#fff);stroke-width:.25em;stroke-linejoin:round;pointer-events:none}#network .bin-caption{fill:var(--muted,#5c636b)}\
#network .host-name{font-weight:700}\
#network line,#network .person{vector-effect:non-scaling-stroke}\
#network.searching .person:not(.match),#network.searching line{opacity:.15}\
#network .person.match{stroke:var(--fg,#1f2328);stroke-width:3}\
#network:focus-visible{outline:3px solid var(--accent,#0072b2);outline-offset:-3px}";

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
    /// Told the person clicked (to pin them), `None` for a click on empty space.
    pub on_pick: Callback<Option<usize>>,
}

/// What of the network is drawn, and the window onto it.
pub struct Frame<'a> {
    /// The people and ties the filters keep.
    pub selection: &'a Selection,
    /// The people the search found (indices into `network.nodes`).
    pub matches: &'a [usize],
    /// The part of the drawing on screen.
    pub view: ViewBox,
    /// Given the `<svg>`, so pointer positions can be measured against it.
    pub svg: NodeRef,
    /// Tells a click from the end of a drag.
    pub press: Press,
    /// The drawing's width on screen, CSS pixels (0: not measured yet).
    pub screen_px: f64,
}

/// The fit every part of the view shares (drawing, tooltip, search centring).
pub fn fit(network: &NetworkView) -> Fit {
    Fit::to(&network.nodes, WIDTH, HEIGHT, PAD)
}

/// `#network`: people placed by their layout position, sized by degree, coloured by role
/// or community; `data-nodes` counts the people of `network`, `data-shown` those drawn.
pub fn draw_network(network: &NetworkView, look: &Look, frame: &Frame) -> Html {
    let fit = fit(network);
    let max_degree = network.nodes.iter().map(|n| n.degree).max().unwrap_or(0);
    let scale = Scale {
        max_degree: max_degree.max(1),
        zoom: frame.view.zoom(),
    };
    let edges = drawn_edges(network, look, frame.selection, &fit);
    let max_weight = edges.iter().map(|e| e.2).max().unwrap_or(1).max(1);
    let neighbours = ties_of(network, frame.selection, look.hovered);
    // Small dots first, so the big ones sit on top.
    let mut order: Vec<usize> = (0..network.nodes.len())
        .filter(|&i| frame.selection.shows(i))
        .collect();
    order.stable_sort_by_key(|&i| network.nodes.get(i).map_or(0, |n| n.degree));
    let candidates = ranked(network, &order);
    let dot = |i: usize| {
        let node = network.nodes.get(i)?;
        Some((fit.place(node), scale.radius(node.degree)))
    };
    let caption = if look.grey_alone {
        left_alone
    } else {
        wrote_alone
    };
    let names = NameLayout::new(
        network,
        &candidates,
        dot,
        (&frame.view, frame.screen_px),
        (look.hovered, caption),
    );
    let found = |i: usize| frame.matches.binary_search(&i).is_ok();
    let classes = classes!(
        look.hovered.is_some().then_some("hovering"),
        (!frame.matches.is_empty()).then_some("searching")
    );
    html! {
        <svg id="network" class={classes} ref={frame.svg.clone()} tabindex="0"
            data-renderer="svg" data-nodes={network.nodes.len().to_string()}
            data-shown={frame.selection.count.to_string()}
            data-ties={frame.selection.edges.len().to_string()}
            width={WIDTH.to_string()} height={HEIGHT.to_string()}
            viewBox={frame.view.attr()} role="img"
            aria-label="The conversation network. When focused, + and − zoom, the arrow keys \
                move, 0 shows everyone."
            onmouseover={on_over(look)} onmouseleave={look.on_hover.reform(|_: MouseEvent| None)}
            onclick={on_click(look, &frame.press)}>
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
                    let hot = look.hovered == Some(i) || neighbours.contains(&i);
                    let grey = frame.selection.faded(i);
                    let marks = Marks { hot, found: found(i), grey };
                    Some(draw_person(i, node, fit.place(node), &scale, look, marks))
                }) }
            </g>
            { draw_names(&names) }
        </svg>
    }
}

/// The ties drawn, placed: the selection's, the hovered person's first, then heaviest,
/// at most [`MAX_EDGES`]; each with its weight and whether it is lit.
type Placed = ((f64, f64), (f64, f64), u32, bool);

fn drawn_edges(
    network: &NetworkView,
    look: &Look,
    selection: &Selection,
    fit: &Fit,
) -> Vec<Placed> {
    let lit = |i: u32| look.hovered == Some(i as usize);
    let mut edges: Vec<Placed> = selection
        .edges
        .iter()
        .filter_map(|&k| {
            let e = network.edges.get(k)?;
            let (a, b) = (
                network.nodes.get(e.a as usize)?,
                network.nodes.get(e.b as usize)?,
            );
            let weight = selection.weight(k);
            Some((fit.place(a), fit.place(b), weight, lit(e.a) || lit(e.b)))
        })
        .collect();
    edges.stable_sort_by_key(|&(_, _, weight, hot)| (Reverse(hot), Reverse(weight)));
    edges.truncate(MAX_EDGES);
    edges
}

/// Reports the person the pointer enters (their circle's `data-i`).
fn on_over(look: &Look) -> Callback<MouseEvent> {
    let on_hover = look.on_hover.clone();
    Callback::from(move |event: MouseEvent| {
        let target: Option<web_sys::Element> = event.target_dyn_into();
        let index = target.and_then(|t| t.get_attribute("data-i")?.parse().ok());
        if index.is_some() {
            on_hover.emit(index);
        }
    })
}

/// A click (not the end of a drag) on a circle picks its person; elsewhere, nobody.
fn on_click(look: &Look, press: &Press) -> Callback<MouseEvent> {
    let (on_pick, press) = (look.on_pick.clone(), press.clone());
    Callback::from(move |event: MouseEvent| {
        if !press.is_click(&event) {
            return;
        }
        let target: Option<web_sys::Element> = event.target_dyn_into();
        on_pick.emit(target.and_then(|t| t.get_attribute("data-i")?.parse().ok()));
    })
}

/// Sizes at the current zoom: dots grow slower than the zoom and names keep their size
/// on screen, so a close look separates people instead of just enlarging them.
struct Scale {
    max_degree: u32,
    zoom: f64,
}

impl Scale {
    fn radius(&self, degree: u32) -> f64 {
        radius(degree, self.max_degree) / self.zoom.max(1.0).sqrt()
    }
}

/// How a dot is marked: lit by the hover, found by the search, greyed by the window.
#[derive(Clone, Copy)]
struct Marks {
    hot: bool,
    found: bool,
    grey: bool,
}

/// The people tied to `hovered` by a tie drawn (indices), sorted.
fn ties_of(network: &NetworkView, selection: &Selection, hovered: Option<usize>) -> Vec<usize> {
    let Some(h) = hovered else {
        return Vec::new();
    };
    let mut out: Vec<usize> = selection
        .edges
        .iter()
        .filter_map(|&k| network.edges.get(k))
        .filter_map(|e| match (e.a as usize, e.b as usize) {
            (a, b) if a == h => Some(b),
            (a, b) if b == h => Some(a),
            _ => None,
        })
        .collect();
    out.unstable_sort();
    out
}

fn draw_person(
    i: usize,
    node: &NodeView,
    (x, y): (f64, f64),
    scale: &Scale,
    look: &Look,
    marks: Marks,
) -> Html {
    let ties = match node.degree {
        1 => "1 person".to_string(),
        n => format!("{n} people"),
    };
    let alone = (look.grey_alone && node.degree == 0) || marks.grey;
    let fill = look
        .by_community
        .then(|| format!("fill:{}", community_colour(node.community)));
    html! {
        <circle cx={num(x)} cy={num(y)} r={num(scale.radius(node.degree))}
            data-i={i.to_string()} style={fill}
            class={classes!("person", format!("role-{}", node.role.as_str()),
                alone.then_some("alone"), marks.hot.then_some("lit"),
                marks.found.then_some("match"))}>
            <title>
                { format!("{} — {}, talks with {ties}", node.name, node.role.as_str()) }
            </title>
        </circle>
    }
}

/// The names and the bin's caption, each a `<text>` inside its placed box (start-anchored
/// on the left edge, end-anchored on the right edge for names left of their dot, centred
/// above and below), at the layout's size; a host's name bold, with " · host".
fn draw_names(layout: &NameLayout) -> Html {
    let font = layout.font;
    let size = format!("font-size:{font:.2}px");
    let baseline = |rect: &[f64; 4]| (rect[1] + rect[3]) / 2.0 + font * 0.35;
    let bin = layout.bin.as_ref().map(|(text, rect)| {
        html! {
            <text class="bin-caption" x={num(rect[0])} y={num(baseline(rect))}
                style={size.clone()}>{ text.clone() }</text>
        }
    });
    html! {
        <g class="names">
            { for bin }
            { for layout.names.iter().map(|(placed, name)| {
                let rect = &placed.rect;
                let (x, anchor) = match placed.side {
                    Side::Right => (rect[0], "start"),
                    Side::Left => (rect[2], "end"),
                    Side::Above | Side::Below => ((rect[0] + rect[2]) / 2.0, "middle"),
                };
                html! {
                    <text x={num(x)} y={num(baseline(rect))} text-anchor={anchor}
                        style={size.clone()} data-person={placed.index.to_string()}
                        class={classes!("name", placed.host.then_some("host-name"))}>
                        // Isolated (SVG has no `<bdi>`): a right-to-left name keeps
                        // " · host" after it.
                        <tspan style="unicode-bidi:isolate">{ name.clone() }</tspan>
                        if placed.host { { " · host" } }
                    </text>
                }
            }) }
        </g>
    }
}

/// A coordinate written with two decimals: enough at 20× zoom, short in the DOM.
fn num(v: f64) -> String {
    format!("{v:.2}")
}
