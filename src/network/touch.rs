//! Touch on the network drawing (SVG or canvas), from Pointer Events on its frame: one
//! finger drags the view, two pinch it about their midpoint while dragging, and a tap does
//! what a click does (pins a person, or unpins on empty space).
//!
//! The mouse keeps its own handlers ([`crate::network::pan_zoom`]); here only `touch` and
//! `pen` pointers count. The arithmetic is [`peerscope_core::draw::view::gesture`]; this
//! file measures the drawing, captures the pointer so a finger sliding off the frame still
//! drags, and turns the gesture's answers into camera moves and picks. The frame and the
//! drawing have `touch-action: none`, so the browser leaves the fingers to us instead of
//! scrolling or zooming the page.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::app::shared::Shared;
use crate::canvas::canvas_view::person_at_point;
use crate::network::pan_zoom::{spot, Move, PanZoom};
use peerscope_core::draw::view::gesture::Gesture;
use peerscope_core::draw::view::scene::Scene;
use peerscope_core::draw::view::zoom::ViewBox;

/// The gesture in progress and the person (`data-i`) under the finger that began it.
#[derive(Default)]
pub struct Fingers {
    gesture: Gesture,
    person: Option<usize>,
}

/// Shared by the handlers of every render (they are rebuilt each time).
pub type Touches = Rc<RefCell<Fingers>>;

/// A tap: where (client CSS pixels) and the SVG person under it, if any.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tap {
    pub x: f64,
    pub y: f64,
    /// The `data-i` of the element the finger went down on (the SVG's circles have it;
    /// the canvas hit-tests instead).
    pub person: Option<usize>,
}

/// The frame's pointer handlers.
pub struct TouchHandlers {
    pub down: Callback<PointerEvent>,
    pub moved: Callback<PointerEvent>,
    pub up: Callback<PointerEvent>,
    pub cancel: Callback<PointerEvent>,
}

/// The handlers for the frame of `pan_zoom`'s drawing; `on_tap` hears taps.
pub fn handlers(pan_zoom: &PanZoom, on_tap: Callback<Tap>) -> TouchHandlers {
    TouchHandlers {
        down: on_down(pan_zoom),
        moved: on_move(pan_zoom),
        up: on_up(pan_zoom, on_tap),
        cancel: {
            let touches = pan_zoom.touches.clone();
            Callback::from(move |event: PointerEvent| {
                if is_touch(&event) {
                    touches.borrow_mut().gesture.cancel(event.pointer_id());
                }
            })
        },
    }
}

/// Mice have their own handlers; fingers and pens are ours.
fn is_touch(event: &PointerEvent) -> bool {
    event.pointer_type() != "mouse"
}

fn on_down(pan_zoom: &PanZoom) -> Callback<PointerEvent> {
    let (touches, view) = (pan_zoom.touches.clone(), pan_zoom.camera.0);
    let drawing = Drawing(pan_zoom.svg.clone());
    Callback::from(move |event: PointerEvent| {
        if !is_touch(&event) {
            return;
        }
        let Some((at, _)) = drawing.local(&event) else {
            return;
        };
        let mut fingers = touches.borrow_mut();
        let first = !fingers.gesture.active();
        if !fingers.gesture.down(event.pointer_id(), at, view) {
            return;
        }
        if first {
            let target: Option<Element> = event.target_dyn_into();
            fingers.person = target.and_then(|t| t.get_attribute("data-i")?.parse().ok());
        }
        // Moves keep coming to the frame when the finger slides off it. Synthetic events
        // have no pointer to capture: the error is expected then and changes nothing.
        let frame = event
            .current_target()
            .and_then(|t| t.dyn_into::<Element>().ok());
        if let Some(frame) = frame {
            let _ = frame.set_pointer_capture(event.pointer_id());
        }
    })
}

fn on_move(pan_zoom: &PanZoom) -> Callback<PointerEvent> {
    let (touches, camera) = (pan_zoom.touches.clone(), pan_zoom.camera.dispatcher());
    let drawing = Drawing(pan_zoom.svg.clone());
    Callback::from(move |event: PointerEvent| {
        if !is_touch(&event) {
            return;
        }
        let Some((at, size)) = drawing.local(&event) else {
            return;
        };
        let next = touches
            .borrow_mut()
            .gesture
            .moved(event.pointer_id(), at, size);
        if let Some(view) = next {
            event.prevent_default();
            camera.dispatch(Move::Set(view));
        }
    })
}

fn on_up(pan_zoom: &PanZoom, on_tap: Callback<Tap>) -> Callback<PointerEvent> {
    let (touches, press) = (pan_zoom.touches.clone(), pan_zoom.press.clone());
    let drawing = Drawing(pan_zoom.svg.clone());
    Callback::from(move |event: PointerEvent| {
        if !is_touch(&event) {
            return;
        }
        // Off screen the finger cannot have tapped: lift it all the same.
        let at = drawing
            .local(&event)
            .map_or((f64::NAN, f64::NAN), |(at, _)| at);
        let tapped = {
            let mut fingers = touches.borrow_mut();
            let tap = fingers.gesture.up(event.pointer_id(), at);
            tap.map(|_| fingers.person.take())
        };
        if let Some(person) = tapped {
            let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
            press.tapped(x, y, event.time_stamp());
            on_tap.emit(Tap { x, y, person });
        }
    })
}

/// The drawing's element (`<svg>` or `<canvas>`), measured at each event: the page may
/// have scrolled or resized since the last one.
struct Drawing(NodeRef);

impl Drawing {
    /// The pointer of `event` in CSS pixels from the drawing's top-left, with the drawing's
    /// size; `None` when the drawing is not on screen.
    fn local(&self, event: &PointerEvent) -> Option<((f64, f64), (f64, f64))> {
        let (fx, fy, width, height) = spot(&self.0, event.client_x(), event.client_y())?;
        Some(((fx * width, fy * height), (width, height)))
    }
}

/// What a tap picks: on the SVG the person whose circle the finger went down on, on the
/// canvas (`canvas`: its element, scene and view) the person its hit test finds there.
pub fn picker(
    on_pick: Callback<Option<usize>>,
    canvas: Option<(NodeRef, Shared<Scene>, ViewBox)>,
) -> Callback<Tap> {
    Callback::from(move |tap: Tap| {
        let person = match &canvas {
            Some((element, scene, view)) => person_at_point(element, scene, view, tap.x, tap.y),
            None => tap.person,
        };
        on_pick.emit(person);
    })
}
