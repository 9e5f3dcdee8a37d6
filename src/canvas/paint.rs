//! The live canvas: which renderer paints it (WebGL2, else the 2D canvas), what it paints
//! (scene, highlight, view), and the `requestAnimationFrame` callbacks that paint it.
//!
//! A change only records itself and asks for a frame, so a burst of wheel events or a drag
//! costs one paint per screen refresh, and a frame never rebuilds buffers: the view is a
//! uniform. While the picture changes, frames draw the heaviest ties that fit the pace
//! [`Pace`] learnt; [`STILL_MS`] after the last change one frame draws up to all of them.
//! On the 2D canvas a picture with more dots in view than [`canvas2d::DOTS_PER_FRAME`] is
//! painted over several frames: the ties alone, then that many dots a frame on top.
//! After every painted frame one more callback is asked for, only to time that frame.
//!
//! When the browser takes the WebGL context away ([`crate::canvas::gl_loss`]) the frames go to
//! a 2D stand-in canvas laid over the WebGL one (a canvas that had WebGL can never have a
//! 2D context), so the picture, hover and zoom carry on; when the context comes back its
//! programs and buffers are built again and WebGL2 paints once more.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::canvas::canvas2d;
use crate::canvas::gl_loss::{self, Listeners};
use crate::canvas::painter::Painter;
use crate::canvas::webgl::WebGl;
use peerscope_core::draw::view::scene::choice::CanvasKind;
use peerscope_core::draw::view::scene::pace::Pace;
use peerscope_core::draw::view::scene::palette::Theme;
use peerscope_core::draw::view::scene::{Highlight, Scene};
use peerscope_core::draw::view::zoom::ViewBox;

/// The picture counts as still this long after its last change (ms): long enough to span
/// the gap between two wheel notches, short enough to feel immediate.
pub const STILL_MS: u32 = 150;

/// What one frame paints into: the view box, the drawing buffer's size in device pixels,
/// device pixels per CSS pixel, and the page's colours.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub view: ViewBox,
    pub width: u32,
    pub height: u32,
    pub dpr: f64,
    pub theme: Theme,
}

/// Everything the next frame needs, shared by the component and the callbacks.
#[derive(Default)]
pub struct Live {
    canvas: Option<HtmlCanvasElement>,
    painter: Option<Painter>,
    /// The 2D canvas over `canvas` that paints while the WebGL context is lost, and its
    /// context once asked for (only a loss asks).
    standin: Option<(HtmlCanvasElement, Option<CanvasRenderingContext2d>)>,
    /// Hears the WebGL context go and come back.
    loss: Option<Listeners>,
    scene: Rc<Scene>,
    lit: Rc<Highlight>,
    view: Option<ViewBox>,
    theme: Theme,
    pace: Pace,
    /// Something changed since the last painted frame.
    changed: bool,
    /// The picture has been still for [`STILL_MS`]: paint it whole.
    still: bool,
    /// When the last painted frame started and how many ties it drew, to time it.
    last: Option<(f64, usize)>,
    /// Where the 2D canvas's next slice of dots starts, while a picture is painted over
    /// several frames ([`canvas2d::DOTS_PER_FRAME`]).
    rest: Option<usize>,
    /// The pending `requestAnimationFrame` handle, if a frame is asked for.
    pending: Option<i32>,
    /// The canvas left the page ([`stop`]): nothing more is attached or painted.
    stopped: bool,
    tick: Option<Closure<dyn FnMut(f64)>>,
    /// Fires [`STILL_MS`] after the last change.
    quiet: Option<Timeout>,
    /// The 2D renderer's list of what is in view, reused from frame to frame.
    scratch: Vec<u32>,
    /// Totals kept on the canvas for `benches/fps.mjs`: paint time (ms), frames, ties.
    spent: f64,
    frames: u32,
    ties: f64,
}

/// The shared handle.
pub type Shared = Rc<RefCell<Live>>;

/// Starts painting on `canvas` (once; later calls keep the first renderer) and returns the
/// renderer's name, or `None` when the canvas has no context at all. `standin` paints
/// while a WebGL context is lost; `on_loss` hears `true` when it starts to, `false` when
/// WebGL2 paints again.
pub fn attach(
    live: &Shared,
    canvas: HtmlCanvasElement,
    standin: Option<HtmlCanvasElement>,
    kind: CanvasKind,
    on_loss: impl Fn(bool) + 'static,
) -> Option<&'static str> {
    let mut state = live.borrow_mut();
    if state.stopped {
        return None;
    }
    if state.painter.is_none() {
        let painter = Painter::on(&canvas, kind)?;
        if matches!(painter, Painter::Gl(_)) {
            state.loss = watch_loss(live, &canvas, on_loss);
        }
        state.painter = Some(painter);
        state.standin = standin.map(|c| (c, None));
        state.theme = theme_of(&canvas);
        let query = gloo::utils::window()
            .location()
            .search()
            .unwrap_or_default();
        if Pace::asks_full(&query) {
            state.pace = Pace::unlimited();
        }
        state.canvas = Some(canvas);
    }
    state.painter.as_ref().map(Painter::name)
}

/// Whether [`attach`] has found a renderer for this canvas.
pub fn attached(live: &Shared) -> bool {
    live.borrow().painter.is_some()
}

/// A new scene: uploaded now, painted at the next frame.
pub fn set_scene(live: &Shared, scene: Rc<Scene>) {
    {
        let mut state = live.borrow_mut();
        if let Some(Painter::Gl(gl)) = state.painter.as_mut() {
            gl.set_scene(&scene);
        }
        state.scene = scene;
    }
    touch(live);
}

/// A new highlight: uploaded now, painted at the next frame.
pub fn set_highlight(live: &Shared, lit: Rc<Highlight>) {
    {
        let mut state = live.borrow_mut();
        if let Some(Painter::Gl(gl)) = state.painter.as_mut() {
            gl.set_highlight(&lit);
        }
        state.lit = lit;
    }
    touch(live);
}

/// A new view: only remembered; the next frame sets it as a uniform.
pub fn set_view(live: &Shared, view: ViewBox) {
    live.borrow_mut().view = Some(view);
    touch(live);
}

/// Listens for the loss of `canvas`'s WebGL context: paint with the stand-in, then with
/// WebGL2 again when the context is back.
fn watch_loss(
    live: &Shared,
    canvas: &HtmlCanvasElement,
    on_loss: impl Fn(bool) + 'static,
) -> Option<Listeners> {
    let on_loss = Rc::new(on_loss);
    let (weak, tell, element) = (Rc::downgrade(live), on_loss.clone(), canvas.clone());
    let lost = move || {
        let _ = element.set_attribute("data-renderer", "canvas2d");
        if let Some(live) = weak.upgrade() {
            touch(&live);
        }
        tell(true);
    };
    let (weak, element) = (Rc::downgrade(live), canvas.clone());
    let restored = move || {
        let back = weak.upgrade().is_some_and(|live| restore(&live));
        if back {
            let _ = element.set_attribute("data-renderer", "webgl2");
        }
        on_loss(!back);
    };
    gl_loss::listen(canvas, lost, restored)
}

/// The context is back but everything made in it is gone: builds the programs and buffers
/// again, uploads the scene and the highlight, and paints. False when WebGL2 still fails
/// (the stand-in then goes on painting).
fn restore(live: &Shared) -> bool {
    let back = {
        let mut state = live.borrow_mut();
        match state.canvas.as_ref().and_then(WebGl::new) {
            Some(mut gl) => {
                gl.set_scene(&state.scene);
                gl.set_highlight(&state.lit);
                state.painter = Some(Painter::Gl(Box::new(gl)));
                true
            }
            None => false,
        }
    };
    touch(live);
    back
}

/// Stops every callback (the canvas is leaving the page).
pub fn stop(live: &Shared) {
    let mut state = live.borrow_mut();
    state.stopped = true;
    state.loss = None;
    if let Some(handle) = state.pending.take() {
        let _ = gloo::utils::window().cancel_animation_frame(handle);
    }
    state.quiet = None;
    state.tick = None;
}

/// Records a change: a frame soon, and a whole one once the picture is still.
fn touch(live: &Shared) {
    {
        let mut state = live.borrow_mut();
        state.changed = true;
        state.still = false;
        let weak = Rc::downgrade(live);
        state.quiet = Some(Timeout::new(STILL_MS, move || {
            if let Some(live) = weak.upgrade() {
                live.borrow_mut().still = true;
                request(&live);
            }
        }));
    }
    request(live);
}

/// Asks for one frame unless one is already asked for.
fn request(live: &Shared) {
    let mut state = live.borrow_mut();
    if state.pending.is_some() || state.stopped {
        return;
    }
    let weak: Weak<RefCell<Live>> = Rc::downgrade(live);
    let tick = state.tick.get_or_insert_with(|| {
        Closure::new(move |stamp: f64| {
            let Some(live) = weak.upgrade() else {
                return;
            };
            // The clock when this callback runs, not the frame's time stamp: Chromium may
            // stamp a frame before the last one's commit, where a 2D canvas is rasterised,
            // has ended (traced on the 100 k export: a first frame of 38 ms of drawing and
            // 53 ms of rasterising did not cut the budget, and the still frame after it
            // took 74 ms to draw and 225 ms to rasterise).
            let now = gloo::utils::window()
                .performance()
                .map_or(stamp, |clock| clock.now());
            let painted = live.borrow_mut().frame(now);
            if painted {
                // One more callback, to time this frame.
                request(&live);
            }
        })
    });
    let asked = gloo::utils::window().request_animation_frame(tick.as_ref().unchecked_ref());
    state.pending = asked.ok();
}

impl Live {
    /// One callback at `now` (ms): times the previous frame, then paints if anything
    /// changed or the picture just became still. Returns whether it painted.
    fn frame(&mut self, now: f64) -> bool {
        self.pending = None;
        if let Some((start, drawn)) = self.last.take() {
            self.pace.learn(drawn, now - start);
        }
        let fresh = self.changed || self.still;
        // `None`: the picture starts again.
        let from = match self.rest {
            _ if fresh => None,
            Some(from) => Some(from),
            None => return false,
        };
        let total = self.scene.ties.len();
        let budget = if self.still {
            self.pace.still(total)
        } else {
            self.pace.moving(total)
        };
        let Some((drawn, rest)) = self.paint(budget, from) else {
            return false;
        };
        self.rest = rest;
        self.last = Some((now, drawn));
        self.changed = false;
        self.still = false;
        true
    }

    /// Fits the drawing buffer to the element's size on screen and paints at most
    /// `budget` ties (WebGL2: everything at once; the 2D canvas: the picture afresh when
    /// `from` is `None`, else the dots from position `from` on, as [`canvas2d::Slice`]
    /// says); returns how many ties were drawn and where the next dots start (`None`: the
    /// picture is complete, or there was nothing to paint on).
    fn paint(&mut self, budget: usize, from: Option<usize>) -> Option<(usize, Option<usize>)> {
        let canvas = self.canvas.as_ref()?;
        let view = self.view?;
        let window = gloo::utils::window();
        let dpr = window.device_pixel_ratio().clamp(1.0, 4.0);
        let (width, height, resized) = fit_buffer(canvas, dpr);
        // A resized buffer is cleared: the picture starts again.
        let from = if resized { None } else { from };
        let target = Target {
            view,
            width,
            height,
            dpr,
            theme: self.theme,
        };
        let clock = window.performance();
        let start = clock.as_ref().map_or(0.0, |c| c.now());
        let painter = self.painter.as_mut()?;
        let slice = canvas2d::Slice {
            afresh: from.is_none(),
            from: from.unwrap_or(0),
            most: canvas2d::DOTS_PER_FRAME,
        };
        let (drawn, rest) = if painter.lost() {
            // The WebGL canvas shows nothing now; the stand-in over it takes the frame.
            let ctx = flat_standin(&mut self.standin, width, height)?;
            let (scene, lit) = (&self.scene, &self.lit);
            canvas2d::paint(&ctx, scene, lit, &target, budget, slice, &mut self.scratch).ok()?
        } else {
            match painter {
                Painter::Gl(gl) => (gl.draw(&target, &self.scene, budget), None),
                Painter::Flat(ctx) => {
                    let (scene, lit) = (&self.scene, &self.lit);
                    canvas2d::paint(ctx, scene, lit, &target, budget, slice, &mut self.scratch)
                        .ok()?
                }
            }
        };
        self.spent += clock.map_or(0.0, |c| c.now()) - start;
        self.frames += 1;
        self.ties += drawn as f64;
        for (key, value) in [
            ("peerscopeDrawMs", self.spent),
            ("peerscopeFrames", f64::from(self.frames)),
            ("peerscopeTies", self.ties),
        ] {
            let _ = js_sys::Reflect::set(canvas, &key.into(), &value.into());
        }
        Some((drawn, rest))
    }
}

/// Sizes `canvas`'s drawing buffer to its size on screen in device pixels (at least one
/// CSS pixel each way, `dpr` device pixels per CSS pixel) and returns that size, and
/// whether it changed (which clears the buffer).
fn fit_buffer(canvas: &HtmlCanvasElement, dpr: f64) -> (u32, u32, bool) {
    let (w, h) = (canvas.client_width().max(1), canvas.client_height().max(1));
    let (width, height) = ((f64::from(w) * dpr) as u32, (f64::from(h) * dpr) as u32);
    let resized = canvas.width() != width || canvas.height() != height;
    if resized {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    (width, height, resized)
}

/// The stand-in's 2D context (asked for the first time it is needed), its buffer sized
/// `width` × `height` like the canvas it stands in for; `None` without a stand-in.
fn flat_standin(
    standin: &mut Option<(HtmlCanvasElement, Option<CanvasRenderingContext2d>)>,
    width: u32,
    height: u32,
) -> Option<CanvasRenderingContext2d> {
    let (canvas, ctx) = standin.as_mut()?;
    if ctx.is_none() {
        let asked = canvas.get_context("2d").ok().flatten();
        *ctx = asked.and_then(|c| c.dyn_into().ok());
    }
    if canvas.width() != width || canvas.height() != height {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    ctx.clone()
}

/// The page's colours as the canvas's style resolves them (dark mode included).
fn theme_of(canvas: &HtmlCanvasElement) -> Theme {
    let style = gloo::utils::window()
        .get_computed_style(canvas)
        .ok()
        .flatten();
    let read = |name: &str| style.as_ref().and_then(|s| s.get_property_value(name).ok());
    let (fg, card, accent) = (read("--fg"), read("--card"), read("--accent"));
    Theme::from_css(fg.as_deref(), card.as_deref(), accent.as_deref())
}
