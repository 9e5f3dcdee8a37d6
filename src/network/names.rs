//! The names on the picture, for both renderers: who is named and where (the core's greedy
//! placement, [`peerscope_core::draw::view::scene::name_boxes`]), at a size that stays
//! [`NAME_PX`] on screen whatever the drawing's width or zoom, and the caption of the bin of
//! people who talked with nobody.

use peerscope_core::model::stable_sort::StableSort;
use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::ResizeObserver;
use yew::prelude::*;

use peerscope_core::draw::view::scene::name_boxes::{place, text_width, Placed, Wanted};
use peerscope_core::draw::view::zoom::ViewBox;
use peerscope_core::draw::view::{NetworkView, Role};

/// Names are this many CSS pixels tall on screen (legible on a 390 px phone too).
pub const NAME_PX: f64 = 12.0;
/// Space between a dot and its name, CSS pixels.
const GAP_PX: f64 = 4.0;

/// The names to draw in `view` and their size in drawing units.
pub struct NameLayout {
    /// The font size in drawing units.
    pub font: f64,
    /// Placed names, most important first; the focus (hovered or pinned) last, on top.
    pub names: Vec<(Placed, String)>,
    /// The bin's caption and its box, when someone talked with nobody.
    pub bin: Option<(String, [f64; 4])>,
}

impl NameLayout {
    /// Lays out the names of `candidates` (indices into `network.nodes`, most important
    /// first, see [`peerscope_core::draw::view::scene::name_boxes::ranked`]) whose dot (`dot(i)`: centre and radius in drawing units at
    /// the current zoom) is in `view`, for a drawing `screen_px` CSS pixels wide (0: not
    /// measured yet, taken as one pixel a unit). `focus` is always named, on top.
    pub fn new(
        network: &NetworkView,
        candidates: &[usize],
        dot: impl Fn(usize) -> Option<((f64, f64), f64)>,
        (view, screen_px): (&ViewBox, f64),
        (focus, alone_caption): (Option<usize>, fn(usize) -> String),
    ) -> NameLayout {
        let per_px = if screen_px > 0.0 {
            view.w / screen_px
        } else {
            1.0 / view.zoom()
        };
        let font = NAME_PX * per_px;
        let bounds = [view.x, view.y, view.x + view.w, view.y + view.h];
        let wanted_of = |i: usize| {
            let node = network.nodes.get(i)?;
            let (at, r) = dot(i)?;
            let host = node.role == Role::Host;
            Some(Wanted {
                index: i,
                at,
                r,
                text: label_text(&node.name, host),
                host,
            })
        };
        let in_view = |w: &Wanted| {
            let (x, y) = w.at;
            x >= bounds[0] && x <= bounds[2] && y >= bounds[1] && y <= bounds[3]
        };
        let bin = bin_caption(network, &dot, font, alone_caption);
        let taken: Vec<[f64; 4]> = bin.iter().map(|(_, rect)| *rect).collect();
        let wanted: Vec<Wanted> = candidates
            .iter()
            .filter_map(|&i| wanted_of(i))
            .filter(in_view)
            .collect();
        let mut placed = place(&wanted, (font, GAP_PX * per_px), bounds, &taken);
        // Hosts last: drawn after (over) everyone else.
        placed.stable_sort_by_key(|p| p.host);
        if let Some(w) = focus.and_then(wanted_of) {
            if !placed.iter().any(|p| p.index == w.index) {
                let loose = [f64::MIN, f64::MIN, f64::MAX, f64::MAX];
                placed.extend(place(&[w], (font, GAP_PX * per_px), loose, &[]));
            }
        }
        let names = placed
            .into_iter()
            .filter_map(|p| {
                let name = network.nodes.get(p.index)?.name.clone();
                Some((p, name))
            })
            .collect();
        NameLayout { font, names, bin }
    }
}

/// The text a name takes on the picture (a host's with " · host" after it).
fn label_text(name: &str, host: bool) -> String {
    if host {
        format!("{name} · host")
    } else {
        name.to_string()
    }
}

/// The caption over the bin of people with no tie ([`peerscope_core::draw::layout::bin`]):
/// `caption` of the count, over the top-left of their dots; `None` when nobody is alone.
fn bin_caption(
    network: &NetworkView,
    dot: &impl Fn(usize) -> Option<((f64, f64), f64)>,
    font: f64,
    caption: fn(usize) -> String,
) -> Option<(String, [f64; 4])> {
    let mut count = 0usize;
    let (mut left, mut top) = (f64::MAX, f64::MAX);
    for (i, node) in network.nodes.iter().enumerate() {
        if node.degree == 0 {
            if let Some(((x, y), r)) = dot(i) {
                count += 1;
                (left, top) = (left.min(x - r), top.min(y - r));
            }
        }
    }
    if count == 0 || !left.is_finite() || !top.is_finite() {
        return None;
    }
    let text = caption(count);
    let height = font * 1.3;
    let rect = [
        left,
        top - height - font * 0.3,
        left + text_width(&text, font),
        top - font * 0.3,
    ];
    Some((text, rect))
}

/// A resize observer and the callback it calls (which must live as long as it does).
type Watching = (ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// The width in CSS pixels of the element `target` holds, kept up to date as it resizes
/// (0 until it is first measured).
#[hook]
pub fn use_width(target: &NodeRef) -> f64 {
    let width = use_state(|| 0.0f64);
    let setter = width.setter();
    use_effect_with(target.clone(), move |target| {
        let element = target.cast::<web_sys::Element>();
        let kept: Rc<RefCell<Option<Watching>>> = Rc::default();
        if let Some(element) = element {
            setter.set(element.get_bounding_client_rect().width());
            let measured = element.clone();
            let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| {
                setter.set(measured.get_bounding_client_rect().width());
            });
            if let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
                observer.observe(&element);
                kept.replace(Some((observer, callback)));
            }
        }
        move || {
            if let Some((observer, _callback)) = kept.take() {
                observer.disconnect();
            }
        }
    });
    *width
}

/// The bin's caption in the whole network.
pub fn wrote_alone(count: usize) -> String {
    match count {
        1 => "1 person wrote but talked with nobody".to_string(),
        n => format!("{n} people wrote but talked with nobody"),
    }
}

/// The bin's caption with the host taken away.
pub fn left_alone(count: usize) -> String {
    match count {
        1 => "1 person talks with nobody without the host".to_string(),
        n => format!("{n} people talk with nobody without the host"),
    }
}
