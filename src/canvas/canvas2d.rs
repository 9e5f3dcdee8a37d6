//! The 2D canvas renderer: where WebGL2 is missing, and for the PNG download of a canvas
//! network. Only what is in view is drawn (the scene's grids find it, so a frame costs what
//! is on screen, not the whole network), at most the heaviest ties the frame's budget
//! allows, ties in a few batches of equal opacity and dots in one batch per colour.

use std::f64::consts::TAU;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::canvas::paint::Target;
use peerscope_core::draw::view::scene::labels::spot;
use peerscope_core::draw::view::scene::palette::{Rgba, Theme};
use peerscope_core::draw::view::scene::{Dot, Highlight, Scene, Tie};

/// Tie opacities are grouped into this many steps, one stroke each.
const STEPS: usize = 8;

/// A tie is drawn this many device pixels wide, as WebGL2 draws it (`src/canvas/webgl.rs`).
const TIE_PX: f64 = 1.2;

/// Ties are stroked one device pixel wide, with their opacity times [`TIE_PX`] for the
/// same ink: a stroke up to one device pixel wide is a hairline to Chromium's 2D canvas
/// (Skia), any wider one goes through its general stroker. Measured in headless Chromium
/// on software rendering, 8 000 ties in 8 strokes: 135–160 ms to rasterise at 1.2 px,
/// 15–30 ms at 1 px; that time is spent on the page's thread when the frame is committed.
/// Slightly under one pixel, so rounding in the view's transform cannot tip it over.
const HAIRLINE_PX: f64 = 0.999;

/// A name written on the picture: the person's name, where its dot is, the dot's radius
/// at 1× and whether it is a host's (bold, with " · host" after it).
pub struct Name {
    pub text: String,
    pub at: (f64, f64),
    pub r: f64,
    pub host: bool,
}

impl Name {
    /// The words painted: the name between U+2068 and U+2069 (first-strong isolate, pop
    /// directional isolate: plain text's `<bdi>`), so a right-to-left name cannot carry
    /// " · host" along with it.
    pub fn label(&self) -> String {
        let suffix = if self.host { " · host" } else { "" };
        format!("\u{2068}{}\u{2069}{suffix}", self.text)
    }
}

/// Dots one frame of the 2D canvas paints at most. Rasterising the dots is most of a
/// frame's cost on the 2D canvas (Chromium does it on the page's thread when the frame is
/// committed): traced on the 1 M-message export, 49 000 dots took 330–800 ms under load
/// and their ties 25–35 ms. Past this many dots in view a picture is painted over several
/// frames: the ties alone in the first, then this many dots on top of them in each frame
/// after (docs/PERFORMANCE.md, "Frames at 1 M, session 11" and "session 12").
pub const DOTS_PER_FRAME: usize = 6_000;

/// What one call of [`paint`] paints. `afresh`: it clears the picture and strokes the
/// ties, then fills every dot if no more than `most` are in view, else none (the ties and
/// 6 000 dots in one frame were the 1 M-message export's longest frame). Otherwise, the
/// dots at positions `from` to `from + most` of the picture's dots in painting order (by
/// colour, in order of first appearance). The call that reaches the last dot adds the
/// hosts' rings and what is lit.
#[derive(Debug, Clone, Copy)]
pub struct Slice {
    pub afresh: bool,
    pub from: usize,
    pub most: usize,
}

impl Slice {
    /// The whole picture in one call.
    pub const WHOLE: Slice = Slice {
        afresh: true,
        from: 0,
        most: usize::MAX,
    };
}

/// Paints `slice` of `scene` on `ctx` for `target`, dimmed under `lit` when something is
/// lit, with at most `budget` ties (the heaviest in view); returns how many ties it drew
/// and where the next slice starts (`None`: the picture is complete). `scratch` is reused
/// between frames so a frame allocates nothing new.
pub fn paint(
    ctx: &CanvasRenderingContext2d,
    scene: &Scene,
    lit: &Highlight,
    target: &Target,
    budget: usize,
    slice: Slice,
    scratch: &mut Vec<u32>,
) -> Result<(usize, Option<usize>), JsValue> {
    let (w, h) = (f64::from(target.width), f64::from(target.height));
    let first = slice.afresh;
    ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)?;
    ctx.set_global_alpha(1.0);
    if first {
        ctx.set_fill_style_str(&target.theme.card.css());
        ctx.fill_rect(0.0, 0.0, w, h);
    }
    let v = target.view;
    let scale = w / v.w;
    ctx.set_transform(scale, 0.0, 0.0, scale, -v.x * scale, -v.y * scale)?;
    let area = [v.x, v.y, v.x + v.w, v.y + v.h].map(|c| c as f32);
    let dim = !lit.is_empty();
    let shade = if dim { 0.15 } else { 1.0 };
    let pixel = target.dpr / scale;
    let drawn = if first {
        scratch.clear();
        scene.ties_in(area, budget, scratch);
        let ties = scratch.iter().filter_map(|&k| scene.ties.get(k as usize));
        let fade = f64::from(scene.fade) * shade * TIE_PX;
        stroke_ties(ctx, ties, &target.theme.fg, fade, HAIRLINE_PX * pixel);
        scratch.len()
    } else {
        0
    };
    scratch.clear();
    scene.dots_in(area, scratch);
    let (from, most) = match slice.afresh {
        true if scratch.len() > slice.most => (0, 0),
        true => (0, usize::MAX),
        false => (slice.from, slice.most),
    };
    let end = from.saturating_add(most).min(scratch.len());
    let shrink = 1.0 / v.zoom().max(1.0).sqrt();
    let dots = scratch.iter().filter_map(|&k| scene.dots.get(k as usize));
    let rest = (end < scratch.len()).then_some(end);
    let look = (&target.theme, shrink, pixel, shade);
    if end > from || rest.is_none() {
        fill_dots(ctx, dots, look, (from, end), rest.is_none())?;
    }
    if dim && rest.is_none() {
        let accent = target.theme.accent;
        stroke_ties(ctx, lit.ties.iter(), &accent, 1.0, 1.8 * pixel);
        let look = (&target.theme, shrink, pixel, 1.0);
        fill_dots(ctx, lit.dots.iter(), look, (0, usize::MAX), true)?;
    }
    ctx.set_global_alpha(1.0);
    Ok((drawn, rest))
}

/// Ties in [`STEPS`] strokes, one per opacity step (ties keep their order within a step),
/// each step's opacity `fade` times the step's middle, at most 1.
fn stroke_ties<'a>(
    ctx: &CanvasRenderingContext2d,
    ties: impl Iterator<Item = &'a Tie> + Clone,
    colour: &Rgba,
    fade: f64,
    width: f64,
) {
    ctx.set_stroke_style_str(&colour.css());
    ctx.set_line_width(width);
    let step_of = |alpha: f32| ((f64::from(alpha) * STEPS as f64).floor() as usize).min(STEPS - 1);
    for step in 0..STEPS {
        let mut any = false;
        ctx.begin_path();
        for t in ties.clone().filter(|t| step_of(t.alpha) == step) {
            let [x1, y1, x2, y2] = t.ends.map(f64::from);
            ctx.move_to(x1, y1);
            ctx.line_to(x2, y2);
            any = true;
        }
        if any {
            ctx.set_global_alpha((fade * (step as f64 + 0.5) / STEPS as f64).min(1.0));
            ctx.stroke();
        }
    }
}

/// The dots at positions `from..to` of `dots` in painting order (one fill per colour, the
/// colours in order of first appearance, dots keeping their order within a colour), and,
/// with `rings`, the hosts' and the matches' rings in the text colour after them. `look`:
/// the theme, how much dots shrink, the view's pixel in drawing units and the opacity.
fn fill_dots<'a>(
    ctx: &CanvasRenderingContext2d,
    dots: impl Iterator<Item = &'a Dot> + Clone,
    (theme, shrink, pixel, shade): (&Theme, f64, f64, f64),
    (from, to): (usize, usize),
    rings: bool,
) -> Result<(), JsValue> {
    let mut colours: Vec<Rgba> = Vec::new();
    for d in dots.clone() {
        if !colours.contains(&d.fill) {
            colours.push(d.fill);
        }
    }
    ctx.set_global_alpha(shade);
    let mut at = 0usize;
    for colour in colours {
        let mut any = false;
        ctx.begin_path();
        for d in dots.clone().filter(|d| d.fill == colour) {
            if (from..to).contains(&at) {
                circle(ctx, d, shrink)?;
                any = true;
            }
            at += 1;
        }
        if any {
            ctx.set_fill_style_str(&colour.css());
            ctx.fill();
        }
    }
    if !rings {
        return Ok(());
    }
    ctx.begin_path();
    for d in dots.filter(|d| d.ring) {
        circle(ctx, d, shrink)?;
    }
    ctx.set_stroke_style_str(&theme.fg.css());
    ctx.set_line_width(3.0 * pixel);
    ctx.stroke();
    Ok(())
}

fn circle(ctx: &CanvasRenderingContext2d, d: &Dot, shrink: f64) -> Result<(), JsValue> {
    let (x, y, r) = (f64::from(d.x), f64::from(d.y), f64::from(d.r) * shrink);
    ctx.move_to(x + r, y);
    ctx.arc(x, y, r, 0.0, TAU)
}

/// Writes `names` over the picture painted for `target`, 12 CSS pixels high, with a halo
/// in the background colour so they read over ties.
pub fn write_names(
    ctx: &CanvasRenderingContext2d,
    names: &[Name],
    target: &Target,
) -> Result<(), JsValue> {
    ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)?;
    ctx.set_global_alpha(1.0);
    ctx.set_line_join("round");
    ctx.set_line_width(3.0 * target.dpr);
    ctx.set_stroke_style_str(&target.theme.card.css());
    ctx.set_fill_style_str(&target.theme.fg.css());
    let (w, h) = (f64::from(target.width), f64::from(target.height));
    for name in names {
        let Some(place) = spot(&target.view, name.at, name.r) else {
            continue;
        };
        let weight = if name.host { "700 " } else { "" };
        ctx.set_font(&format!(
            "{weight}{:.0}px system-ui, sans-serif",
            12.0 * target.dpr
        ));
        ctx.set_text_align(if place.ends { "end" } else { "start" });
        let (x, y) = (place.left * w, place.top * h + 4.0 * target.dpr);
        let label = name.label();
        ctx.stroke_text(&label, x, y)?;
        ctx.fill_text(&label, x, y)?;
    }
    Ok(())
}

/// The picture as a PNG `data:` URL: `scene` under `lit` in `view`, every tie in view,
/// `names` written, on a fresh `width` × `height` pixel canvas, light theme (the download
/// is read away from the page).
pub fn png(
    scene: &Scene,
    lit: &Highlight,
    view: peerscope_core::draw::view::zoom::ViewBox,
    names: &[Name],
    (width, height): (u32, u32),
) -> Result<String, JsValue> {
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")?
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2D context"))?
        .unchecked_into();
    let target = Target {
        view,
        width,
        height,
        dpr: f64::from(width) / f64::from(scene.width.max(1.0)),
        theme: Theme::default(),
    };
    paint(
        &ctx,
        scene,
        lit,
        &target,
        usize::MAX,
        Slice::WHOLE,
        &mut Vec::new(),
    )?;
    write_names(&ctx, names, &target)?;
    canvas.to_data_url_with_type("image/png")
}
