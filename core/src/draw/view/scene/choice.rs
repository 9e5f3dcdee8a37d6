//! SVG or canvas: which renderer draws a network of a given size.
//!
//! The SVG keeps every person an element (styles, an SVG download) and is the better picture
//! while the browser keeps up; past the thresholds below the page draws on a canvas (WebGL2,
//! or the 2D canvas where WebGL2 is missing), which draws what is in view at a pace the
//! machine keeps (see [`super::pace`]).

/// Past this many people the canvas draws. Measured with `benches/fps.mjs` (a seeded
/// network of N people and 4N ties, dragged for 4 s at 3× zoom, headless Chromium on this
/// project's shared 2-core machine, software rendering, load average about 7): the SVG held
/// 29 fps at 300 people and 1 200 ties, fell to 5 fps at 600 and 2 400, and to 2–3 fps from
/// 1 000 people on (every pan re-renders each circle and line through Yew, 22 ms of script
/// at 600 people, then the browser rasterises them all again); the WebGL2 canvas ran at
/// 51, 44, 27, 16 and 28 fps at 300, 600, 1 000, 1 500 and 2 000 people. A machine with a
/// GPU keeps the SVG smooth further, but the canvas was faster at every size measured, so
/// erring low only costs the SVG download.
pub const CANVAS_PEOPLE: usize = 300;
/// Past this many ties the canvas draws: the ties of the measurement above (4 per person)
/// weigh on the SVG like the people, one element each.
pub const CANVAS_TIES: usize = 1200;

/// What draws the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renderer {
    /// One SVG element per person and tie.
    Svg,
    /// A canvas, painted as [`CanvasKind`] says.
    Canvas(CanvasKind),
}

/// Which painter a canvas uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CanvasKind {
    /// WebGL2 on a GPU; the 2D canvas where WebGL2 is missing or runs in software
    /// ([`software_gl`]).
    Auto,
    /// WebGL2 whenever the browser offers it, even in software (`?renderer=webgl2`).
    WebGl2,
    /// The 2D canvas (`?renderer=canvas2d`).
    Flat,
}

/// A renderer asked for in the page's address (`?renderer=svg|canvas|webgl2|canvas2d`),
/// for measuring and for comparing them; the size decides otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forced {
    Svg,
    Canvas(CanvasKind),
}

impl Forced {
    /// The `renderer` key of a query string (with or without its `?`); unknown values and
    /// a missing key: `None`.
    pub fn from_query(query: &str) -> Option<Forced> {
        let value = query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(key, _)| *key == "renderer")?
            .1;
        match value.to_ascii_lowercase().as_str() {
            "svg" => Some(Forced::Svg),
            "canvas" => Some(Forced::Canvas(CanvasKind::Auto)),
            "webgl" | "webgl2" => Some(Forced::Canvas(CanvasKind::WebGl2)),
            "canvas2d" | "2d" => Some(Forced::Canvas(CanvasKind::Flat)),
            _ => None,
        }
    }
}

/// The renderer for `people` and `ties` (the whole network's, so filtering never switches
/// renderers under the pointer), unless `forced`.
pub fn choose(people: usize, ties: usize, forced: Option<Forced>) -> Renderer {
    match forced {
        Some(Forced::Svg) => Renderer::Svg,
        Some(Forced::Canvas(kind)) => Renderer::Canvas(kind),
        None if people > CANVAS_PEOPLE || ties > CANVAS_TIES => Renderer::Canvas(CanvasKind::Auto),
        None => Renderer::Svg,
    }
}

/// Whether a WebGL renderer name (`UNMASKED_RENDERER_WEBGL`) is a software rasteriser
/// (SwiftShader, llvmpipe, softpipe, Microsoft Basic Render). There the 2D canvas is faster:
/// `benches/fps.mjs` on 10 000 people and 100 000 ties in headless Chromium ran the 2D
/// canvas at 18.6 fps and WebGL2 on SwiftShader at 5.3 (instances cost SwiftShader about
/// 15 µs each, plain triangles a seventh of that).
pub fn software_gl(renderer: &str) -> bool {
    let name = renderer.to_ascii_lowercase();
    [
        "swiftshader",
        "llvmpipe",
        "softpipe",
        "basic render",
        "software",
    ]
    .iter()
    .any(|soft| name.contains(soft))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_decides_unless_the_address_asks() {
        assert_eq!(choose(CANVAS_PEOPLE, CANVAS_TIES, None), Renderer::Svg);
        let canvas = Renderer::Canvas(CanvasKind::Auto);
        assert_eq!(choose(CANVAS_PEOPLE + 1, 0, None), canvas);
        assert_eq!(choose(10, CANVAS_TIES + 1, None), canvas);
        assert_eq!(choose(1_000_000, 0, Some(Forced::Svg)), Renderer::Svg);
        let flat = Some(Forced::Canvas(CanvasKind::Flat));
        assert_eq!(choose(3, 2, flat), Renderer::Canvas(CanvasKind::Flat));
    }

    #[test]
    fn reads_the_renderer_from_the_address() {
        let webgl = Some(Forced::Canvas(CanvasKind::WebGl2));
        assert_eq!(Forced::from_query("?renderer=svg"), Some(Forced::Svg));
        assert_eq!(Forced::from_query("a=1&renderer=WebGL2"), webgl);
        assert_eq!(
            Forced::from_query("?renderer=canvas"),
            Some(Forced::Canvas(CanvasKind::Auto))
        );
        assert_eq!(
            Forced::from_query("?renderer=canvas2d&x"),
            Some(Forced::Canvas(CanvasKind::Flat))
        );
        for none in ["", "?", "?renderer", "?renderer=vr", "?xrenderer=svg"] {
            assert_eq!(Forced::from_query(none), None, "{none:?}");
        }
    }

    #[test]
    fn software_webgl_is_recognised() {
        let swiftshader = "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) \
                           (0x0000C0DE)), SwiftShader driver-5.0.0)";
        assert!(software_gl(swiftshader));
        assert!(software_gl("llvmpipe (LLVM 15.0.6, 256 bits)"));
        assert!(!software_gl(
            "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)"
        ));
        assert!(!software_gl("Apple M1") && !software_gl(""));
    }
}
