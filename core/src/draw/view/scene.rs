//! The network as the canvas renderers draw it: every dot and tie placed, sized and
//! coloured once, in drawing order, with spatial grids for hit-testing and for finding
//! what is in view. Built when the people, the filters or the colours change, never on a
//! zoom or pan (those only move the window, [`crate::draw::view::zoom::ViewBox`]).
//!
//! Pure Rust, tested natively; `crate::ui` turns it into WebGL2 buffers or 2D canvas
//! paths. Sizes and colours follow the SVG drawing, so the two renderers look alike.

use std::cell::OnceCell;

use crate::draw::view::explore::Selection;
use crate::draw::view::{NetworkView, NodeView, Role};

pub mod buffers;
pub mod choice;
pub mod classes;
mod filed;
pub mod grid;
mod highlight;
pub mod labels;
mod marks;
pub mod name_boxes;
pub mod order;
pub mod pace;
pub mod palette;

use filed::Filed;
use grid::{Grid, Rect};
pub use highlight::Highlight;
use palette::{group_colour, role_colour, Rgba, ALONE};

/// Radius 3–12 drawing units at 1×, growing with the square root of degree (so area tracks
/// degree); `max_degree` 0 counts as 1.
pub fn radius(degree: u32, max_degree: u32) -> f64 {
    3.0 + 9.0 * (f64::from(degree) / f64::from(max_degree.max(1))).sqrt()
}

/// Ties drawn faintest at this opacity, the heaviest at `TIE_FAINT + TIE_RANGE` (as the SVG).
const TIE_FAINT: f64 = 0.12;
const TIE_RANGE: f64 = 0.68;
/// Up to this many ties keep the SVG's opacities; past it every tie fades by
/// √(this / ties), so 100 000 overlapping ties still read as a network, not a black blot.
const CLEAR_TIES: f64 = 4000.0;
/// The fade never goes below this, so a tie on its own stays visible when zoomed in.
const LEAST_FADE: f64 = 0.3;
/// Up to this many people drawn, dots keep the SVG's sizes; past it they shrink by
/// √(this / people), so ten thousand dots read as a network, not one green disc.
const CLEAR_PEOPLE: f64 = 1500.0;
/// Dots never shrink below this share of their size.
const LEAST_DOT: f64 = 0.35;

/// How the dots are coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Colouring {
    /// By Louvain group instead of role.
    pub by_community: bool,
    /// People with no tie are grey (what the host's removal left alone).
    pub grey_alone: bool,
}

/// One dot, in drawing units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dot {
    /// Index into `network.nodes`.
    pub index: u32,
    pub x: f32,
    pub y: f32,
    /// Radius at 1× zoom (see [`radius`]), smaller in a crowd (see [`CLEAR_PEOPLE`]).
    pub r: f32,
    pub fill: Rgba,
    /// A thick ring in the text colour (hosts); other dots get a thin one in the background's.
    pub ring: bool,
}

/// One tie, in drawing units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tie {
    /// Its two people, indices into `network.nodes`.
    pub a: u32,
    pub b: u32,
    /// x₁, y₁, x₂, y₂.
    pub ends: [f32; 4],
    /// Opacity 0..=1, by weight.
    pub alpha: f32,
}

/// The placed network: dots fewest ties first (big ones on top), ties lightest first.
#[derive(Debug, Clone, Default)]
pub struct Scene {
    /// The drawing's size in units (the SVG's viewBox at 1×).
    pub width: f32,
    pub height: f32,
    pub dots: Vec<Dot>,
    pub ties: Vec<Tie>,
    /// Every tie's opacity is multiplied by this (1 up to [`CLEAR_TIES`] ties).
    pub fade: f32,
    /// Who is named when nobody is pointed at (see [`labels::named`]).
    pub named: Vec<usize>,
    /// Who may be named on screen, most important first (see [`name_boxes::ranked`]).
    pub ranked: Vec<usize>,
    /// `network.nodes` index → position in `dots` (`u32::MAX`: not drawn).
    slot: Vec<u32>,
    /// Per person, where their ties start in the second list (one more entry than
    /// people), and the ties' positions in `ties`: found on the first focus, not in the
    /// build (a tenth of a build with many ties, one task the page would wait for).
    by_person: OnceCell<(Vec<u32>, Vec<u32>)>,
    /// How many people `network.nodes` held (the index's size).
    people: usize,
    dot_grid: Grid,
    /// The ties' grid and GPU classes: filed by [`Scene::file`] or on first use, not in
    /// the build (about half of a build with many ties; see [`filed`]).
    filed: OnceCell<Filed>,
}

impl Scene {
    /// Places what `selection` keeps of `network`: `place` maps a person to drawing units
    /// of a `width` × `height` drawing. Out-of-range indices in the selection are skipped;
    /// an empty selection gives an empty scene.
    pub fn build(
        network: &NetworkView,
        selection: &Selection,
        place: impl Fn(&NodeView) -> (f64, f64),
        colouring: Colouring,
        (width, height): (f32, f32),
    ) -> Scene {
        let max_degree = network.nodes.iter().map(|n| n.degree).max().unwrap_or(0);
        let shown: Vec<usize> = (0..network.nodes.len())
            .filter(|&i| selection.shows(i))
            .collect();
        let degrees: Vec<u32> = shown
            .iter()
            .map(|&i| network.nodes.get(i).map_or(0, |n| n.degree))
            .collect();
        let mut order = Vec::with_capacity(shown.len());
        order.extend(
            order::by_key(&degrees)
                .into_iter()
                .filter_map(|p| shown.get(p as usize).copied()),
        );
        let shrink = (CLEAR_PEOPLE / order.len().max(1) as f64)
            .sqrt()
            .clamp(LEAST_DOT, 1.0);
        let mut dots = Vec::with_capacity(order.len());
        dots.extend(order.iter().filter_map(|&i| {
            let node = network.nodes.get(i)?;
            // Greyed alike: left alone by the host's removal, or by the window.
            let grey = (colouring.grey_alone && node.degree == 0) || selection.faded(i);
            let size = (max_degree, shrink);
            Some(dot(i, node, &place, size, (colouring, grey)))
        }));
        let mut slot = vec![u32::MAX; network.nodes.len()];
        for (k, d) in dots.iter().enumerate() {
            if let Some(s) = slot.get_mut(d.index as usize) {
                *s = k as u32;
            }
        }
        let ties = ties(network, selection, &dots, &slot);
        let fade = (CLEAR_TIES / ties.len().max(1) as f64)
            .sqrt()
            .clamp(LEAST_FADE, 1.0) as f32;
        let dot_grid = Grid::build(width, height, dots.iter().map(dot_box).collect());
        Scene {
            width,
            height,
            named: labels::named(network, &order, None),
            ranked: name_boxes::ranked(network, &order),
            dots,
            ties,
            fade,
            slot,
            by_person: OnceCell::new(),
            people: network.nodes.len(),
            dot_grid,
            filed: OnceCell::new(),
        }
    }

    /// Files the ties for [`Scene::ties_in`], [`Scene::tie_runs`] and [`Scene::gpu_ties`]
    /// now, if not yet: the page does it in a task after the build's, so that neither is a
    /// long pause. Whatever asks first otherwise files them then; the answers are the same.
    pub fn file(&self) {
        self.filed();
    }

    /// Whether the ties are filed yet (see [`Scene::file`]).
    pub fn is_filed(&self) -> bool {
        self.filed.get().is_some()
    }

    fn filed(&self) -> &Filed {
        self.filed
            .get_or_init(|| Filed::build(self.width, self.height, &self.ties))
    }

    /// The dot of person `index`, if drawn.
    pub fn dot_of(&self, index: usize) -> Option<&Dot> {
        let k = *self.slot.get(index)?;
        self.dots.get(k as usize)
    }

    /// The person under drawing point `at` when zoomed `zoom`× (dots shrink by √zoom): the
    /// topmost dot containing it, else the nearest within `slop` units of its edge, else
    /// `None`. Non-finite input finds nobody.
    pub fn hit(&self, at: (f64, f64), zoom: f64, slop: f64) -> Option<usize> {
        let shrink = 1.0 / zoom.max(1.0).sqrt();
        if !(at.0.is_finite() && at.1.is_finite() && shrink.is_finite() && slop.is_finite()) {
            return None;
        }
        let reach = 12.0 * shrink + slop.max(0.0);
        let area = [at.0 - reach, at.1 - reach, at.0 + reach, at.1 + reach].map(|v| v as f32);
        let mut near = Vec::new();
        self.dot_grid.query(area, &mut near);
        let mut inside: Option<u32> = None;
        let mut closest: Option<(f64, u32)> = None;
        for k in near {
            let Some(d) = self.dots.get(k as usize) else {
                continue;
            };
            let gap =
                (f64::from(d.x) - at.0).hypot(f64::from(d.y) - at.1) - f64::from(d.r) * shrink;
            if gap <= 0.0 {
                inside = inside.max(Some(k));
            } else if gap <= slop && closest.is_none_or(|(g, _)| gap < g) {
                closest = Some((gap, k));
            }
        }
        let k = inside.or(closest.map(|(_, k)| k))?;
        self.dots.get(k as usize).map(|d| d.index as usize)
    }

    /// The dots cell by cell (small before large), for a GPU buffer in which
    /// [`Scene::dot_runs`] finds what is in view as a few ranges; the overlap order is then
    /// only roughly by size (the whole picture uses `dots`, fewest ties first).
    pub fn gpu_dots(&self) -> Vec<Dot> {
        let at = |&k: &u32| self.dots.get(k as usize).copied();
        self.dot_grid.order().iter().filter_map(at).collect()
    }

    /// The ties as the GPU buffer holds them (see [`classes`]).
    pub fn gpu_ties(&self) -> Vec<Tie> {
        let at = |k: u32| self.ties.get(k as usize).copied();
        self.filed()
            .classes
            .order()
            .into_iter()
            .filter_map(at)
            .collect()
    }

    /// Appends the ranges of [`Scene::gpu_dots`] that may show in `area`.
    pub fn dot_runs(&self, area: Rect, out: &mut Vec<(u32, u32)>) {
        self.dot_grid.runs(area, out);
    }

    /// Appends the ranges of [`Scene::gpu_ties`] to draw for `area` within `budget` ties
    /// (see [`classes::TieClasses::runs`]); returns how many ties they hold.
    pub fn tie_runs(&self, area: Rect, budget: usize, out: &mut Vec<(u32, u32)>) -> usize {
        self.filed().classes.runs(area, budget, out)
    }

    /// Appends the positions in `dots` of those that may show in `area` (drawing units),
    /// in drawing order.
    pub fn dots_in(&self, area: Rect, out: &mut Vec<u32>) {
        let from = out.len();
        self.dot_grid.query(area, out);
        marks::last_in_order(out, from, self.dots.len(), usize::MAX);
    }

    /// Appends the positions in `ties` of the heaviest `most` of those that may cross
    /// `area`, in drawing order (lightest first; `usize::MAX`: all of them).
    pub fn ties_in(&self, area: Rect, most: usize, out: &mut Vec<u32>) {
        let from = out.len();
        self.filed().grid.query(area, out);
        marks::last_in_order(out, from, self.ties.len(), most);
    }
}

fn dot(
    i: usize,
    node: &NodeView,
    place: &impl Fn(&NodeView) -> (f64, f64),
    (max_degree, shrink): (u32, f64),
    (colouring, grey): (Colouring, bool),
) -> Dot {
    let (x, y) = place(node);
    let fill = if grey {
        ALONE
    } else if colouring.by_community {
        group_colour(node.community)
    } else {
        role_colour(node.role)
    };
    Dot {
        index: i as u32,
        x: x as f32,
        y: y as f32,
        r: (radius(node.degree, max_degree) * shrink) as f32,
        fill,
        ring: node.role == Role::Host,
    }
}

/// The selection's ties between drawn people, lightest first, with opacity by weight as
/// drawn (recounted for a window). The drawn ties are picked by index and weight first and
/// placed once, in drawing order: placing them all and then reordering the placed ties
/// wrote and gathered every tie twice (a third of a build on 365 000 ties).
fn ties(network: &NetworkView, selection: &Selection, dots: &[Dot], slot: &[u32]) -> Vec<Tie> {
    let drawn = |v: u32| {
        slot.get(v as usize)
            .is_some_and(|&s| (s as usize) < dots.len())
    };
    let mut kept = Vec::with_capacity(selection.edges.len());
    let mut weights = Vec::with_capacity(selection.edges.len());
    for &k in &selection.edges {
        if network
            .edges
            .get(k)
            .is_some_and(|e| drawn(e.a) && drawn(e.b))
        {
            kept.push(k);
            weights.push(selection.weight(k));
        }
    }
    let heaviest = weights.iter().copied().max().unwrap_or(1).max(1);
    let at = |v: u32| dots.get(*slot.get(v as usize)? as usize);
    // Room for every tie at once: a vector grown as it fills copied the ties about twice
    // more (a fifth of a build in the page's profile at 1 M).
    let mut ties = Vec::with_capacity(kept.len());
    ties.extend(order::by_key(&weights).into_iter().filter_map(|p| {
        let (&k, &weight) = (kept.get(p as usize)?, weights.get(p as usize)?);
        let e = network.edges.get(k)?;
        let (a, b) = (at(e.a)?, at(e.b)?);
        Some(Tie {
            a: e.a,
            b: e.b,
            ends: [a.x, a.y, b.x, b.y],
            alpha: (TIE_FAINT + TIE_RANGE * f64::from(weight) / f64::from(heaviest)) as f32,
        })
    }));
    ties
}

/// A dot's box at 1× (its largest).
fn dot_box(d: &Dot) -> Rect {
    [d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r]
}

#[cfg(test)]
mod tests;
