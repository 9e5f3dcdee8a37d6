//! The WebGL2 renderer: every dot one instance of a quad the fragment shader rounds (fill,
//! ring, soft edge), every tie one instance of a thin quad ([`crate::canvas::shaders`]),
//! each kind in one static buffer. The buffers are filled when the scene or the highlight
//! changes; a frame only sets uniforms (the view box, the canvas size) and draws, whole
//! buffers in one call each when the machine keeps up, else only the ranges in view that
//! fit the frame's budget ([`peerscope_core::draw::view::scene::pace`]): zoom and pan never
//! rebuild them.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlCanvasElement, WebGl2RenderingContext as Gl, WebGlBuffer, WebGlProgram};
use web_sys::{WebGlShader, WebGlUniformLocation, WebGlVertexArrayObject};

use crate::canvas::paint::Target;
use crate::canvas::shaders::{DOT_FRAGMENT, DOT_VERTEX, TIE_FRAGMENT, TIE_VERTEX};
use peerscope_core::draw::view::scene::buffers::{
    corner_bytes, dot_bytes, tie_bytes, DOT_FILL_AT, DOT_STRIDE, TIE_STRIDE,
};
use peerscope_core::draw::view::scene::choice::software_gl;
use peerscope_core::draw::view::scene::{Dot, Highlight, Scene, Tie};

/// One program with the uniforms it reads (absent ones are `None`, setting them is a no-op).
struct Program {
    program: WebGlProgram,
    view: Option<WebGlUniformLocation>,
    pixels: Option<WebGlUniformLocation>,
    opacity: Option<WebGlUniformLocation>,
    half_width: Option<WebGlUniformLocation>,
    colour: Option<WebGlUniformLocation>,
    shrink: Option<WebGlUniformLocation>,
    dpr: Option<WebGlUniformLocation>,
    fg: Option<WebGlUniformLocation>,
    card: Option<WebGlUniformLocation>,
}

/// Instances of one kind in one buffer, with the vertex array that reads them.
struct Batch {
    vao: WebGlVertexArrayObject,
    buffer: WebGlBuffer,
    /// Bytes per instance.
    stride: usize,
    count: u32,
}

/// The renderer: two programs, the shared corner buffer, the scene's batches and the
/// highlight's.
pub struct WebGl {
    gl: Gl,
    ties: Program,
    dots: Program,
    /// The scene's ties (in the scene's GPU order) and dots in drawing order (fewest ties
    /// first, so hubs lie on top), drawn whole.
    scene: (Batch, Batch),
    /// The same dots cell by cell, drawn a few runs at a time when only what is in view
    /// may be drawn (hubs may then hide under a neighbour of the same size class).
    by_cell: Batch,
    lit: (Batch, Batch),
    fade: f32,
    /// The ranges drawn this frame, kept between frames so a frame allocates nothing.
    runs: Vec<(u32, u32)>,
}

impl WebGl {
    /// A WebGL2 renderer on `canvas`, or `None` when the browser has no WebGL2 or the
    /// shaders do not build (the caller then uses the 2D canvas on a fresh element).
    pub fn new(canvas: &HtmlCanvasElement) -> Option<WebGl> {
        let options = js_sys::Object::new();
        for (key, value) in [("alpha", false), ("antialias", false), ("depth", false)] {
            js_sys::Reflect::set(&options, &key.into(), &value.into()).ok()?;
        }
        let gl: Gl = canvas
            .get_context_with_context_options("webgl2", &options)
            .ok()??
            .dyn_into()
            .ok()?;
        let ties = program(&gl, TIE_VERTEX, TIE_FRAGMENT)?;
        let dots = program(&gl, DOT_VERTEX, DOT_FRAGMENT)?;
        let corners = gl.create_buffer()?;
        gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&corners));
        gl.buffer_data_with_u8_array(Gl::ARRAY_BUFFER, &corner_bytes(), Gl::STATIC_DRAW);
        let scene = (tie_batch(&gl, &corners)?, dot_batch(&gl, &corners)?);
        let by_cell = dot_batch(&gl, &corners)?;
        let lit = (tie_batch(&gl, &corners)?, dot_batch(&gl, &corners)?);
        gl.bind_vertex_array(None);
        gl.enable(Gl::BLEND);
        // Premultiplied alpha, as the shaders write it.
        gl.blend_func(Gl::ONE, Gl::ONE_MINUS_SRC_ALPHA);
        Some(WebGl {
            gl,
            ties,
            dots,
            scene,
            by_cell,
            lit,
            fade: 1.0,
            runs: Vec::new(),
        })
    }

    /// Uploads a new scene (a new network, filter or colouring).
    pub fn set_scene(&mut self, scene: &Scene) {
        fill(&self.gl, &mut self.scene, &scene.gpu_ties(), &scene.dots);
        upload(&self.gl, &mut self.by_cell, &dot_bytes(&scene.gpu_dots()));
        self.fade = scene.fade;
    }

    /// Uploads what is lit (small: one person's ties and the search's matches).
    pub fn set_highlight(&mut self, lit: &Highlight) {
        fill(&self.gl, &mut self.lit, &lit.ties, &lit.dots);
    }

    /// Whether this WebGL runs in software (see [`software_gl`]); unknown: no.
    pub fn software(&self) -> bool {
        // WEBGL_debug_renderer_info's UNMASKED_RENDERER_WEBGL.
        const UNMASKED_RENDERER: u32 = 0x9246;
        let known = self
            .gl
            .get_extension("WEBGL_debug_renderer_info")
            .ok()
            .flatten();
        let name = known.and_then(|_| self.gl.get_parameter(UNMASKED_RENDERER).ok());
        name.and_then(|n| n.as_string())
            .is_some_and(|n| software_gl(&n))
    }

    /// Whether the browser took the context away (the GPU process restarted, say).
    pub fn lost(&self) -> bool {
        self.gl.is_context_lost()
    }

    /// Draws `scene` (the one uploaded last) dimmed when something is lit, then what is lit
    /// on top; returns how many of the scene's ties it drew. Within `budget` (every tie
    /// fits) one call draws each buffer whole and the GPU clips; otherwise only the ranges
    /// that may be in view, heaviest ties first, are drawn (see `Scene::tie_runs`).
    pub fn draw(&mut self, target: &Target, scene: &Scene, budget: usize) -> usize {
        let gl = &self.gl;
        gl.viewport(0, 0, target.width as i32, target.height as i32);
        let [r, g, b, _] = target.theme.card.unit();
        gl.clear_color(r, g, b, 1.0);
        gl.clear(Gl::COLOR_BUFFER_BIT);
        let dim = self.lit.0.count > 0 || self.lit.1.count > 0;
        let shade = if dim { 0.15 } else { 1.0 };
        let mut runs = std::mem::take(&mut self.runs);
        runs.clear();
        let v = target.view;
        let area = [v.x, v.y, v.x + v.w, v.y + v.h].map(|c| c as f32);
        let all = budget >= scene.ties.len();
        let drawn = if all {
            runs.push((0, self.scene.0.count));
            self.scene.0.count as usize
        } else {
            scene.tie_runs(area, budget, &mut runs)
        };
        let fg = target.theme.fg.unit();
        self.draw_ties(target, &self.scene.0, &runs, fg, self.fade * shade, 0.6);
        runs.clear();
        let dots = if all {
            runs.push((0, self.scene.1.count));
            &self.scene.1
        } else {
            scene.dot_runs(area, &mut runs);
            &self.by_cell
        };
        self.draw_dots(target, dots, &runs, shade);
        if dim {
            let accent = target.theme.accent.unit();
            self.draw_ties(
                target,
                &self.lit.0,
                &[(0, self.lit.0.count)],
                accent,
                1.0,
                0.9,
            );
            self.draw_dots(target, &self.lit.1, &[(0, self.lit.1.count)], 1.0);
        }
        self.gl.bind_vertex_array(None);
        self.runs = runs;
        drawn
    }

    /// Draws the instances `from..to` of each run of `batch`'s ties. WebGL2 has no base
    /// instance, so each run points the instance attributes further into the buffer.
    fn draw_ties(
        &self,
        t: &Target,
        batch: &Batch,
        runs: &[(u32, u32)],
        colour: [f32; 4],
        opacity: f32,
        half: f32,
    ) {
        if batch.count == 0 || runs.is_empty() {
            return;
        }
        let (gl, p) = (&self.gl, &self.ties);
        gl.use_program(Some(&p.program));
        common(gl, p, t);
        gl.uniform1f(p.opacity.as_ref(), opacity);
        gl.uniform1f(p.half_width.as_ref(), half * t.dpr as f32);
        let [r, g, b, a] = colour;
        gl.uniform4f(p.colour.as_ref(), r, g, b, a);
        gl.bind_vertex_array(Some(&batch.vao));
        gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&batch.buffer));
        let stride = TIE_STRIDE as i32;
        for &(from, to) in runs {
            let (first, count) = (from.min(batch.count) as i32, to.min(batch.count) as i32);
            let at = first * stride;
            gl.vertex_attrib_pointer_with_i32(1, 4, Gl::FLOAT, false, stride, at);
            gl.vertex_attrib_pointer_with_i32(2, 1, Gl::FLOAT, false, stride, at + 16);
            gl.draw_arrays_instanced(Gl::TRIANGLE_STRIP, 0, 4, count - first);
        }
    }

    /// Draws the instances `from..to` of each run of `batch`'s dots.
    fn draw_dots(&self, t: &Target, batch: &Batch, runs: &[(u32, u32)], opacity: f32) {
        if batch.count == 0 || runs.is_empty() {
            return;
        }
        let (gl, p) = (&self.gl, &self.dots);
        gl.use_program(Some(&p.program));
        common(gl, p, t);
        gl.uniform1f(p.opacity.as_ref(), opacity);
        gl.uniform1f(
            p.shrink.as_ref(),
            (1.0 / t.view.zoom().max(1.0).sqrt()) as f32,
        );
        gl.uniform1f(p.dpr.as_ref(), t.dpr as f32);
        let ([fr, fg, fb, _], [cr, cg, cb, _]) = (t.theme.fg.unit(), t.theme.card.unit());
        gl.uniform4f(p.fg.as_ref(), fr, fg, fb, 1.0);
        gl.uniform4f(p.card.as_ref(), cr, cg, cb, 1.0);
        gl.bind_vertex_array(Some(&batch.vao));
        gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&batch.buffer));
        let stride = DOT_STRIDE as i32;
        for &(from, to) in runs {
            let (first, count) = (from.min(batch.count) as i32, to.min(batch.count) as i32);
            let at = first * stride;
            gl.vertex_attrib_pointer_with_i32(1, 4, Gl::FLOAT, false, stride, at);
            let fill_at = at + DOT_FILL_AT as i32;
            gl.vertex_attrib_pointer_with_i32(2, 4, Gl::UNSIGNED_BYTE, true, stride, fill_at);
            gl.draw_arrays_instanced(Gl::TRIANGLE_STRIP, 0, 4, count - first);
        }
    }
}

/// The view box and canvas size every program reads.
fn common(gl: &Gl, p: &Program, t: &Target) {
    let v = t.view;
    gl.uniform4f(
        p.view.as_ref(),
        v.x as f32,
        v.y as f32,
        v.w as f32,
        v.h as f32,
    );
    gl.uniform2f(p.pixels.as_ref(), t.width as f32, t.height as f32);
}

/// Replaces a pair of batches' instances.
fn fill(gl: &Gl, (ties, dots): &mut (Batch, Batch), tie_list: &[Tie], dot_list: &[Dot]) {
    upload(gl, ties, &tie_bytes(tie_list));
    upload(gl, dots, &dot_bytes(dot_list));
}

/// Replaces a batch's instances with `bytes` (whole instances of its stride).
fn upload(gl: &Gl, batch: &mut Batch, bytes: &[u8]) {
    gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&batch.buffer));
    gl.buffer_data_with_u8_array(Gl::ARRAY_BUFFER, bytes, Gl::STATIC_DRAW);
    let count = bytes.len() / batch.stride.max(1);
    batch.count = count.min(i32::MAX as usize) as u32;
}

/// A vertex array reading the corners (per vertex) and `attributes` of one instance buffer
/// (location, components, type, normalised, byte offset), each advancing once per instance.
fn batch(
    gl: &Gl,
    corners: &WebGlBuffer,
    stride: usize,
    attributes: &[(u32, i32, u32, bool, i32)],
) -> Option<Batch> {
    let vao = gl.create_vertex_array()?;
    gl.bind_vertex_array(Some(&vao));
    gl.bind_buffer(Gl::ARRAY_BUFFER, Some(corners));
    gl.enable_vertex_attrib_array(0);
    gl.vertex_attrib_pointer_with_i32(0, 2, Gl::FLOAT, false, 8, 0);
    let buffer = gl.create_buffer()?;
    gl.bind_buffer(Gl::ARRAY_BUFFER, Some(&buffer));
    for &(at, size, kind, normalised, offset) in attributes {
        gl.enable_vertex_attrib_array(at);
        gl.vertex_attrib_pointer_with_i32(at, size, kind, normalised, stride as i32, offset);
        gl.vertex_attrib_divisor(at, 1);
    }
    Some(Batch {
        vao,
        buffer,
        stride,
        count: 0,
    })
}

fn tie_batch(gl: &Gl, corners: &WebGlBuffer) -> Option<Batch> {
    let attributes = [(1, 4, Gl::FLOAT, false, 0), (2, 1, Gl::FLOAT, false, 16)];
    batch(gl, corners, TIE_STRIDE, &attributes)
}

fn dot_batch(gl: &Gl, corners: &WebGlBuffer) -> Option<Batch> {
    let fill_at = DOT_FILL_AT as i32;
    let attributes = [
        (1, 4, Gl::FLOAT, false, 0),
        (2, 4, Gl::UNSIGNED_BYTE, true, fill_at),
    ];
    batch(gl, corners, DOT_STRIDE, &attributes)
}

/// Compiles and links a program; `None` (with the log on the console) when it fails.
fn program(gl: &Gl, vertex: &str, fragment: &str) -> Option<Program> {
    let program = gl.create_program()?;
    let vs = shader(gl, Gl::VERTEX_SHADER, vertex)?;
    let fs = shader(gl, Gl::FRAGMENT_SHADER, fragment)?;
    gl.attach_shader(&program, &vs);
    gl.attach_shader(&program, &fs);
    gl.link_program(&program);
    if gl
        .get_program_parameter(&program, Gl::LINK_STATUS)
        .as_bool()
        != Some(true)
    {
        let log = gl.get_program_info_log(&program).unwrap_or_default();
        web_sys::console::warn_1(&JsValue::from_str(&format!("network shaders: {log}")));
        return None;
    }
    let at = |name: &str| gl.get_uniform_location(&program, name);
    Some(Program {
        view: at("view"),
        pixels: at("pixels"),
        opacity: at("opacity"),
        half_width: at("half_width"),
        colour: at("colour"),
        shrink: at("shrink"),
        dpr: at("dpr"),
        fg: at("fg"),
        card: at("card"),
        program,
    })
}

fn shader(gl: &Gl, kind: u32, source: &str) -> Option<WebGlShader> {
    let shader = gl.create_shader(kind)?;
    gl.shader_source(&shader, source);
    gl.compile_shader(&shader);
    if gl
        .get_shader_parameter(&shader, Gl::COMPILE_STATUS)
        .as_bool()
        == Some(true)
    {
        return Some(shader);
    }
    let log = gl.get_shader_info_log(&shader).unwrap_or_default();
    web_sys::console::warn_1(&JsValue::from_str(&format!("network shader: {log}")));
    None
}
