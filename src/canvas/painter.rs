//! Which renderer paints a canvas: WebGL2 where the browser has a usable one, else the 2D
//! canvas; and the one question, asked once per page, of whether WebGL2 is usable.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::canvas::webgl::WebGl;
use peerscope_core::draw::view::scene::choice::CanvasKind;

/// The renderer behind the canvas.
pub enum Painter {
    Gl(Box<WebGl>),
    Flat(CanvasRenderingContext2d),
}

impl Painter {
    /// The painter `kind` asks for: WebGL2 where the browser has a usable one (for
    /// [`CanvasKind::Auto`], one on a GPU), else the 2D canvas.
    ///
    /// WebGL2 is tried on a spare canvas first: once a canvas has a WebGL context it can
    /// never have a 2D one, so a WebGL2 that turns out unusable (shaders refused, software
    /// only) must not touch the canvas on the page.
    pub fn on(canvas: &HtmlCanvasElement, kind: CanvasKind) -> Option<Painter> {
        let usable = || match kind {
            CanvasKind::WebGl2 => gl_probe().is_some(),
            _ => gl_probe() == Some(Probe::Hardware),
        };
        if kind != CanvasKind::Flat && usable() {
            if let Some(gl) = WebGl::new(canvas) {
                return Some(Painter::Gl(Box::new(gl)));
            }
        }
        let ctx = canvas.get_context("2d").ok()??;
        ctx.dyn_into().ok().map(Painter::Flat)
    }

    /// `webgl2` or `canvas2d`, as `#network[data-renderer]` says: `canvas2d` too while a
    /// lost WebGL context leaves the painting to the stand-in.
    pub fn name(&self) -> &'static str {
        match self {
            Painter::Gl(gl) if !gl.lost() => "webgl2",
            _ => "canvas2d",
        }
    }

    pub fn lost(&self) -> bool {
        matches!(self, Painter::Gl(gl) if gl.lost())
    }
}

/// What a WebGL2 context on a spare canvas turned out to be.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Probe {
    Hardware,
    Software,
}

thread_local! {
    /// [`gl_probe`]'s answer once asked: the browser's WebGL does not change while the page
    /// lives, and asking costs about 70 ms in headless Chromium (most of it the context).
    static PROBED: std::cell::Cell<Option<Option<Probe>>> = const { std::cell::Cell::new(None) };
}

/// Whether a WebGL2 context can be had and draws (shaders compiled), and on what; `None`
/// when it cannot. Tried once per page on a spare canvas (see [`Painter::on`]).
fn gl_probe() -> Option<Probe> {
    if let Some(known) = PROBED.get() {
        return known;
    }
    let spare = gloo::utils::document().create_element("canvas").ok();
    let spare = spare.and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok());
    let gl = spare.as_ref().and_then(WebGl::new);
    let probe = gl.map(|gl| {
        if gl.software() {
            Probe::Software
        } else {
            Probe::Hardware
        }
    });
    PROBED.set(Some(probe));
    probe
}
