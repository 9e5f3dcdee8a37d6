//! Zoom and pan on `#network` by moving its view box (the SVG's `viewBox`, the canvas's
//! transform): the wheel zooms around the pointer, a drag pans, `+` `-` `0` and the arrow
//! keys work when the drawing has focus, and `#zoom-in`, `#zoom-out`, `#zoom-reset` do the
//! same without a wheel or keyboard.
//!
//! The maths is [`peerscope_core::draw::view::zoom`]; this file turns events into its
//! calls. Changes go through a reducer so quick successive wheel events each build on the
//! latest view.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::network::drawing::{HEIGHT, WIDTH};
use crate::network::touch::Touches;
use peerscope_core::draw::view::gesture;
use peerscope_core::draw::view::zoom::ViewBox;

/// One wheel notch (100 pixels of scroll) zooms by about this factor.
const WHEEL_STEP: f64 = 1.2;
/// A key or button press zooms by this factor.
const KEY_STEP: f64 = 1.25;
/// An arrow key moves the view by this share of what is shown.
const KEY_PAN: f64 = 0.1;
/// Searching zooms at least this close onto the person found.
const FOUND_ZOOM: f64 = 2.0;
/// A press that moves at most this far (CSS pixels) before its release is a click, not a
/// drag.
const CLICK_SLACK: i32 = 4;

/// A change of view; applied to the latest view, not the one of the last render.
pub enum Move {
    /// Zoom by a factor around a point given as fractions of the drawing's box on screen.
    ZoomAt(f64, (f64, f64)),
    /// Zoom by a factor around the middle.
    Zoom(f64),
    /// Pan by fractions of what is shown.
    Pan(f64, f64),
    /// Show this view (a drag sets the view from where it started).
    Set(ViewBox),
    /// Centre on a drawing point, at least [`FOUND_ZOOM`] close.
    CentreOn((f64, f64)),
    /// Back to the whole drawing.
    Reset,
}

/// The reducer's state: the view shown.
#[derive(Clone, Copy, PartialEq)]
pub struct Camera(pub ViewBox);

impl Default for Camera {
    fn default() -> Self {
        Camera(ViewBox::whole(WIDTH, HEIGHT))
    }
}

impl Reducible for Camera {
    type Action = Move;

    fn reduce(self: Rc<Self>, action: Move) -> Rc<Self> {
        let view = self.0;
        let next = match action {
            Move::ZoomAt(factor, (fx, fy)) => view.zoom_at(factor, view.point(fx, fy)),
            Move::Zoom(factor) => view.zoom_centre(factor),
            Move::Pan(fx, fy) => view.pan(fx * view.w, fy * view.h),
            Move::Set(next) => next,
            Move::CentreOn(at) => view.centre_on(at, view.zoom().max(FOUND_ZOOM)),
            Move::Reset => ViewBox::whole(WIDTH, HEIGHT),
        };
        if next == view {
            self
        } else {
            Rc::new(Camera(next))
        }
    }
}

/// Where a drag started: the pointer (client pixels), the box's size and the view.
#[derive(Clone, Copy)]
struct Grab {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    view: ViewBox,
}

/// Where the last press on the drawing started (client pixels), to tell a click on a
/// person from the end of a drag, and the last tap [`crate::network::touch`] handled. Props
/// compare it by identity.
#[derive(Clone, Default)]
pub struct Press(Rc<Cell<Pressed>>);

#[derive(Clone, Copy, Default)]
struct Pressed {
    /// Where the mouse went down (client pixels).
    at: Option<(i32, i32)>,
    /// A tap already acted on: client pixels and the event's time (ms).
    tap: Option<(f64, f64, f64)>,
}

impl Press {
    /// Records a press.
    fn down(&self, event: &MouseEvent) {
        let at = Some((event.client_x(), event.client_y()));
        self.0.set(Pressed { at, ..self.0.get() });
    }

    /// Records a tap the touch handlers acted on at client pixels `x`, `y` at `time` (ms),
    /// so the click the browser sends after it does not act again.
    pub fn tapped(&self, x: f64, y: f64, time: f64) {
        self.0.set(Pressed {
            at: None,
            tap: Some((x, y, time)),
        });
    }

    /// Whether `click` ends a press that barely moved (false after a drag, with no press,
    /// or when it is the browser's echo of a tap already acted on).
    pub fn is_click(&self, click: &MouseEvent) -> bool {
        let pressed = self.0.get();
        if let Some(tap) = pressed.tap {
            self.0.set(Pressed {
                tap: None,
                ..pressed
            });
            let (x, y) = (f64::from(click.client_x()), f64::from(click.client_y()));
            if gesture::echoes(tap, (x, y, click.time_stamp())) {
                return false;
            }
        }
        pressed.at.is_some_and(|(x, y)| {
            (click.client_x() - x).abs() <= CLICK_SLACK
                && (click.client_y() - y).abs() <= CLICK_SLACK
        })
    }
}

impl PartialEq for Press {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The view and the handlers to put on the drawing's frame.
pub struct PanZoom {
    pub camera: UseReducerHandle<Camera>,
    /// The drawing (`<svg>` or `<canvas>`), measured to turn pointer pixels into drawing
    /// units.
    pub svg: NodeRef,
    /// The last press on the frame.
    pub press: Press,
    pub onwheel: Callback<WheelEvent>,
    pub onmousedown: Callback<MouseEvent>,
    pub onmousemove: Callback<MouseEvent>,
    /// Ends a drag (mouse up, or the pointer leaving the frame).
    pub onmouseup: Callback<MouseEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
    /// The fingers on the drawing ([`crate::network::touch`] turns them into moves and taps).
    pub touches: Touches,
}

/// The drawing's zoom and pan state with its event handlers.
#[hook]
pub fn use_pan_zoom() -> PanZoom {
    let camera = use_reducer(Camera::default);
    let svg = use_node_ref();
    let grab = use_mut_ref(|| None::<Grab>);
    let press = (*use_memo((), |_| Press::default())).clone();
    let onwheel = on_wheel(camera.dispatcher(), svg.clone());
    let onmousedown = {
        let (camera, svg, grab) = (camera.clone(), svg.clone(), grab.clone());
        let press = press.clone();
        Callback::from(move |event: MouseEvent| {
            if event.button() != 0 {
                return;
            }
            press.down(&event);
            let spot = spot(&svg, event.client_x(), event.client_y());
            *grab.borrow_mut() = spot.map(|(_, _, width, height)| Grab {
                x: f64::from(event.client_x()),
                y: f64::from(event.client_y()),
                width,
                height,
                view: camera.0,
            });
        })
    };
    let onmousemove = {
        let (camera, grab) = (camera.dispatcher(), grab.clone());
        Callback::from(move |event: MouseEvent| {
            let Some(start) = *grab.borrow() else {
                return;
            };
            let dx = (f64::from(event.client_x()) - start.x) / start.width * start.view.w;
            let dy = (f64::from(event.client_y()) - start.y) / start.height * start.view.h;
            camera.dispatch(Move::Set(start.view.pan(-dx, -dy)));
        })
    };
    let onmouseup = Callback::from(move |_: MouseEvent| {
        grab.borrow_mut().take();
    });
    let onkeydown = on_key(camera.dispatcher());
    let touches = use_mut_ref(Default::default);
    PanZoom {
        camera,
        svg,
        press,
        onwheel,
        onmousedown,
        onmousemove,
        onmouseup,
        onkeydown,
        touches,
    }
}

/// The wheel zooms around the pointer, by [`WHEEL_STEP`] per notch.
fn on_wheel(camera: UseReducerDispatcher<Camera>, svg: NodeRef) -> Callback<WheelEvent> {
    Callback::from(move |event: WheelEvent| {
        let Some((fx, fy, _, _)) = spot(&svg, event.client_x(), event.client_y()) else {
            return;
        };
        // Keep the page still: the wheel belongs to the drawing while over it.
        event.prevent_default();
        let pixels = match event.delta_mode() {
            0 => event.delta_y(),
            1 => event.delta_y() * 16.0,
            _ => event.delta_y() * 400.0,
        };
        let factor = WHEEL_STEP.powf(-pixels / 100.0);
        camera.dispatch(Move::ZoomAt(factor, (fx, fy)));
    })
}

/// `+` `-` zoom, the arrows pan, `0` shows everything; other keys are left alone.
fn on_key(camera: UseReducerDispatcher<Camera>) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        let change = match event.key().as_str() {
            "+" | "=" => Move::Zoom(KEY_STEP),
            "-" | "_" => Move::Zoom(1.0 / KEY_STEP),
            "0" => Move::Reset,
            "ArrowLeft" => Move::Pan(-KEY_PAN, 0.0),
            "ArrowRight" => Move::Pan(KEY_PAN, 0.0),
            "ArrowUp" => Move::Pan(0.0, -KEY_PAN),
            "ArrowDown" => Move::Pan(0.0, KEY_PAN),
            _ => return,
        };
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            // Ctrl + / - is the browser's own zoom: leave it to the browser.
            return;
        }
        // The arrows would scroll the page too.
        event.prevent_default();
        camera.dispatch(change);
    })
}

/// The pointer at client pixels as fractions of the drawing's box, with the box's size in
/// pixels; `None` when the drawing is not on screen.
pub fn spot(svg: &NodeRef, x: i32, y: i32) -> Option<(f64, f64, f64, f64)> {
    let rect = svg.cast::<web_sys::Element>()?.get_bounding_client_rect();
    let (width, height) = (rect.width(), rect.height());
    if width <= 0.0 || height <= 0.0 {
        return None;
    }
    let fx = (f64::from(x) - rect.left()) / width;
    let fy = (f64::from(y) - rect.top()) / height;
    Some((fx, fy, width, height))
}

/// `#zoom-in`, `#zoom-out` and `#zoom-reset`, for people without a wheel or keyboard.
pub fn buttons(camera: &UseReducerHandle<Camera>) -> Html {
    let press = |change: fn() -> Move| {
        let camera = camera.dispatcher();
        Callback::from(move |_: MouseEvent| camera.dispatch(change()))
    };
    let zoom = camera.0.zoom();
    html! {
        <div class="zoom" role="group" aria-label="Zoom">
            <button id="zoom-in" type="button" aria-label="Zoom in"
                onclick={press(|| Move::Zoom(KEY_STEP))}>{ "+" }</button>
            <button id="zoom-out" type="button" aria-label="Zoom out"
                onclick={press(|| Move::Zoom(1.0 / KEY_STEP))}>{ "−" }</button>
            <button id="zoom-reset" type="button" onclick={press(|| Move::Reset)}
                disabled={camera.0 == ViewBox::whole(WIDTH, HEIGHT)}>{ "Reset zoom" }</button>
            <span class="zoom-level" aria-live="polite">{ format!("{zoom:.1}×") }</span>
        </div>
    }
}
