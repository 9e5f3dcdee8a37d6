//! Large networks drawn on a canvas: WebGL2, the 2D canvas fallback, shaders, context loss.

pub mod canvas2d;
pub mod canvas_view;
pub mod gl_loss;
pub mod paint;
pub mod painter;
pub mod shaders;
pub mod webgl;
