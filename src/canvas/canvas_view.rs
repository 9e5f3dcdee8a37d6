//! `#network` as a `<canvas>` for large networks: the scene painted by [`crate::canvas::paint`],
//! hover and click found by hit-testing in Rust (the scene's grid, not one DOM element per
//! person), and the few names as an HTML layer over it.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::app::bidi;
use crate::app::next_frame::after_a_paint;
use crate::app::shared::Shared;
use crate::canvas::canvas2d::Name;
use crate::canvas::paint::{self, Live};
use crate::network::names::{left_alone, wrote_alone, NameLayout, NAME_PX};
use crate::network::pan_zoom::Press;
use peerscope_core::draw::view::explore::grouped;
use peerscope_core::draw::view::scene::choice::CanvasKind;
use peerscope_core::draw::view::scene::labels::with_focus;
use peerscope_core::draw::view::scene::name_boxes::Side;
use peerscope_core::draw::view::scene::{Highlight, Scene};
use peerscope_core::draw::view::zoom::ViewBox;
use peerscope_core::draw::view::{NetworkView, Role};

/// A pointer this close to a dot (CSS pixels) still points at it: small dots are hard to hit.
const SLOP_PX: f64 = 3.0;

/// Props of [`CanvasNetwork`].
#[derive(Properties, PartialEq)]
pub struct CanvasNetworkProps {
    pub scene: Shared<Scene>,
    pub lit: Shared<Highlight>,
    pub view: ViewBox,
    /// Which painter to use.
    pub kind: CanvasKind,
    /// The element zoom and pan measure pointer positions against.
    pub canvas: NodeRef,
    /// People in the network shown, people drawn, ties drawn (`data-nodes`, `data-shown`,
    /// `data-ties`).
    pub people: usize,
    pub shown: usize,
    pub ties: usize,
    /// Hears the person under the pointer (`None` when it leaves them).
    pub on_hover: Callback<Option<usize>>,
    /// Hears a click: the person clicked, or `None` for empty space.
    pub on_pick: Callback<Option<usize>>,
    /// Tells a click from the end of a drag.
    pub press: Press,
}

/// `canvas#network`, with `data-renderer` set to `webgl2` or `canvas2d` once painting
/// starts and `data-view` holding the view box as the SVG's `viewBox` does; over it the
/// 2D stand-in (`canvas.network-standin`, hidden until a WebGL context is lost) and the
/// status line that says so (`#network-status`).
#[component]
pub fn CanvasNetwork(props: &CanvasNetworkProps) -> Html {
    let live = use_mut_ref(Live::default);
    let standin = use_node_ref();
    let lost = use_state_eq(|| false);
    {
        let (live, canvas, kind) = (live.clone(), props.canvas.clone(), props.kind);
        let (standin, lost) = (standin.clone(), lost.clone());
        use_effect_with(props.scene.clone(), move |scene| {
            let scene = Rc::clone(&scene.0);
            let first = !paint::attached(&live);
            let start = move || {
                if let Some(element) = canvas.cast::<HtmlCanvasElement>() {
                    let on_loss = move |now: bool| lost.set(now);
                    let name = paint::attach(&live, element.clone(), standin.cast(), kind, on_loss);
                    let _ = element.set_attribute("data-renderer", name.unwrap_or("none"));
                }
                paint::set_scene(&live, scene);
            };
            // Choosing the renderer may try WebGL2 (about 70 ms): in a task of its own, after
            // the page around the canvas is painted, not in the one that rendered it.
            if first {
                after_a_paint(start);
            } else {
                start();
            }
        });
    }
    {
        let live = live.clone();
        use_effect_with(props.lit.clone(), move |lit| {
            paint::set_highlight(&live, Rc::clone(&lit.0))
        });
    }
    {
        let live = live.clone();
        use_effect_with(props.view, move |view| paint::set_view(&live, *view));
    }
    {
        let live = live.clone();
        use_effect_with((), move |_| move || paint::stop(&live));
    }
    let last = use_mut_ref(|| None::<usize>);
    let label = format!(
        "The conversation network: {} people and {} ties drawn. The same network is in \
         the table below. When focused, + and − zoom, the arrow keys move, 0 shows everyone.",
        grouped(props.shown),
        grouped(props.ties)
    );
    html! {
        <>
        <canvas id="network" ref={props.canvas.clone()} tabindex="0" role="img"
            aria-label={label}
            data-nodes={props.people.to_string()} data-shown={props.shown.to_string()}
            data-ties={props.ties.to_string()} data-view={props.view.attr()}
            style="display:block;width:100%;aspect-ratio:800/560;cursor:grab;touch-action:none"
            onmousemove={on_move(props, last.clone())}
            onmouseleave={on_leave(props, last)}
            onclick={on_click(props)} />
        // Events pass through to `#network`, which stays the element hover measures.
        <canvas class="network-standin" ref={standin} aria-hidden="true" hidden={!*lost}
            style="position:absolute;left:0;top:0;width:100%;aspect-ratio:800/560;\
                   pointer-events:none" />
        { status(*lost) }
        </>
    }
}

/// `#network-status`: one line while the stand-in paints (always in the page, so screen
/// readers hear it appear).
fn status(lost: bool) -> Html {
    html! {
        <p id="network-status" role="status"
            style="position:absolute;left:.5rem;bottom:.5rem;margin:0;font-size:.8rem;\
                   pointer-events:none">
            if lost {
                <span style="background:var(--card,#fff);padding:.1rem .35rem;\
                             border-radius:4px;opacity:.9">
                    { "The graphics were reset: drawing more simply until they are back." }
                </span>
            }
        </p>
    }
}

/// The person at the pointer of `event` over `canvas`, if any.
fn person_at(event: &MouseEvent, canvas: &NodeRef, scene: &Scene, view: &ViewBox) -> Option<usize> {
    let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
    person_at_point(canvas, scene, view, x, y)
}

/// The person drawn at client CSS pixels `x`, `y` over `canvas` in `view`, if any (a click,
/// a hover or a tap).
pub fn person_at_point(
    canvas: &NodeRef,
    scene: &Scene,
    view: &ViewBox,
    x: f64,
    y: f64,
) -> Option<usize> {
    let element = canvas.cast::<web_sys::Element>()?;
    let rect = element.get_bounding_client_rect();
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    let fx = (x - rect.left()) / rect.width();
    let fy = (y - rect.top()) / rect.height();
    let slop = SLOP_PX * view.w / rect.width();
    scene.hit(view.point(fx, fy), view.zoom(), slop)
}

/// Hover: reports the person under the pointer when it changes (not while dragging).
fn on_move(props: &CanvasNetworkProps, last: Rc<RefCell<Option<usize>>>) -> Callback<MouseEvent> {
    let (canvas, scene, view) = (props.canvas.clone(), props.scene.clone(), props.view);
    let on_hover = props.on_hover.clone();
    Callback::from(move |event: MouseEvent| {
        if event.buttons() != 0 {
            return;
        }
        let at = person_at(&event, &canvas, &scene, &view);
        if last.replace(at) != at {
            on_hover.emit(at);
        }
    })
}

fn on_leave(props: &CanvasNetworkProps, last: Rc<RefCell<Option<usize>>>) -> Callback<MouseEvent> {
    let on_hover = props.on_hover.clone();
    Callback::from(move |_: MouseEvent| {
        last.replace(None);
        on_hover.emit(None);
    })
}

/// A click (not the end of a drag) picks the person under it, or nobody.
fn on_click(props: &CanvasNetworkProps) -> Callback<MouseEvent> {
    let (canvas, scene, view) = (props.canvas.clone(), props.scene.clone(), props.view);
    let (on_pick, press) = (props.on_pick.clone(), props.press.clone());
    Callback::from(move |event: MouseEvent| {
        if press.is_click(&event) {
            on_pick.emit(person_at(&event, &canvas, &scene, &view));
        }
    })
}

/// The names (placed so none covers another, see [`NameLayout`]) and the bin's caption,
/// as text over the canvas; `grey_alone`: the host is taken away.
pub fn names_layer(
    network: &NetworkView,
    scene: &Scene,
    (view, screen_px): (&ViewBox, f64),
    (focus, grey_alone): (Option<usize>, bool),
) -> Html {
    let shrink = 1.0 / view.zoom().max(1.0).sqrt();
    let dot = |i: usize| {
        let d = scene.dot_of(i)?;
        Some(((f64::from(d.x), f64::from(d.y)), f64::from(d.r) * shrink))
    };
    let caption = if grey_alone { left_alone } else { wrote_alone };
    let layout = NameLayout::new(
        network,
        &scene.ranked,
        dot,
        (view, screen_px),
        (focus, caption),
    );
    // Box edges as percentages of the view, so the text follows the canvas's size.
    let left = |x: f64| (x - view.x) / view.w * 100.0;
    let top = |y: f64| (y - view.y) / view.h * 100.0;
    let text_style = |rect: &[f64; 4], shift: &str, weight: &str, colour: &str| {
        format!(
            "position:absolute;left:{:.2}%;top:{:.2}%;transform:translate({shift},-50%);\
             font:{weight}{NAME_PX}px/1 system-ui,sans-serif;color:var({colour});\
             white-space:nowrap;text-shadow:0 0 3px var(--card,#fff),0 0 3px var(--card,#fff)",
            left(rect[0]),
            top((rect[1] + rect[3]) / 2.0),
        )
    };
    let bin = layout.bin.as_ref().map(|(text, rect)| {
        let style = text_style(rect, "0", "", "--muted,#5c636b");
        html! { <span class="bin-caption" {style}>{ text.clone() }</span> }
    });
    let spans = layout.names.iter().map(|(placed, name)| {
        let rect = &placed.rect;
        let (anchor, shift) = match placed.side {
            Side::Right => (rect[0], "0"),
            Side::Left => (rect[2], "-100%"),
            Side::Above | Side::Below => ((rect[0] + rect[2]) / 2.0, "-50%"),
        };
        let at = [anchor, rect[1], anchor, rect[3]];
        let weight = if placed.host { "700 " } else { "" };
        let style = text_style(&at, shift, weight, "--fg,#1f2328");
        let host = placed.host.then_some(" · host");
        let class = classes!("name", placed.host.then_some("host-name"));
        html! { <span {class} {style}>{ bidi::name(name) }{ host }</span> }
    });
    html! {
        <div class="network-names" aria-hidden="true"
            style="position:absolute;inset:0;pointer-events:none;overflow:hidden">
            { for bin }
            { for spans }
        </div>
    }
}

/// Who is named, with where: see [`peerscope_core::draw::view::scene::labels::named`].
pub fn names(network: &NetworkView, scene: &Scene, focus: Option<usize>) -> Vec<Name> {
    with_focus(&scene.named, focus)
        .into_iter()
        .filter_map(|i| {
            let (node, dot) = (network.nodes.get(i)?, scene.dot_of(i)?);
            Some(Name {
                text: node.name.clone(),
                at: (f64::from(dot.x), f64::from(dot.y)),
                r: f64::from(dot.r),
                host: node.role == Role::Host,
            })
        })
        .collect()
}
