//! The GLSL ES 3.00 of the WebGL2 network renderer ([`crate::canvas::webgl`]): one program
//! for ties, one for dots, each drawing one instance per tie or dot of a shared four-corner
//! quad. Instance layouts are those of [`peerscope_core::draw::view::scene::buffers`];
//! positions are drawing units, turned into pixels by the `view` box, so zoom and pan are
//! uniforms only.

/// A tie: the quad from one end to the other, `half_width` device pixels to each side plus
/// half a pixel for the soft edge, in the view box `view` of a `pixels`-sized buffer.
pub const TIE_VERTEX: &str = r"#version 300 es
layout(location = 0) in vec2 corner;
layout(location = 1) in vec4 ends;
layout(location = 2) in float alpha;
uniform vec4 view;
uniform vec2 pixels;
uniform float half_width;
uniform float opacity;
out float v_alpha;
out float v_across;
void main() {
  vec2 a = (ends.xy - view.xy) / view.zw * pixels;
  vec2 b = (ends.zw - view.xy) / view.zw * pixels;
  vec2 d = b - a;
  float len = length(d);
  vec2 along = len > 0.0 ? d / len : vec2(1.0, 0.0);
  float reach = half_width + 0.5;
  vec2 p = (corner.x < 0.0 ? a : b) + vec2(-along.y, along.x) * corner.y * reach;
  vec2 clip = p / pixels * 2.0 - 1.0;
  gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
  v_alpha = alpha * opacity;
  v_across = corner.y * reach;
}";

/// A tie's colour: `colour` at the tie's opacity, fading over the last half pixel of its
/// width; premultiplied alpha.
pub const TIE_FRAGMENT: &str = r"#version 300 es
precision highp float;
uniform vec4 colour;
uniform float half_width;
in float v_alpha;
in float v_across;
out vec4 out_colour;
void main() {
  float a = v_alpha * colour.a * clamp(half_width + 0.5 - abs(v_across), 0.0, 1.0);
  out_colour = vec4(colour.rgb * a, a);
}";

/// A dot: the square around its circle (radius shrunk by √zoom, as the SVG's), with room
/// for its ring (3 px for hosts and matches, 1 px otherwise).
pub const DOT_VERTEX: &str = r"#version 300 es
layout(location = 0) in vec2 corner;
layout(location = 1) in vec4 dot;
layout(location = 2) in vec4 fill;
uniform vec4 view;
uniform vec2 pixels;
uniform float shrink;
uniform float dpr;
out vec2 v_at;
flat out float v_r;
flat out float v_width;
flat out float v_host;
flat out vec4 v_fill;
void main() {
  float r = dot.z * shrink * pixels.x / view.z;
  float width = (dot.w > 0.5 ? 3.0 : 1.0) * dpr;
  float reach = r + width * 0.5 + 0.5;
  vec2 centre = (dot.xy - view.xy) / view.zw * pixels;
  vec2 clip = (centre + corner * reach) / pixels * 2.0 - 1.0;
  gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
  v_at = corner * reach;
  v_r = r;
  v_width = width;
  v_host = dot.w;
  v_fill = fill;
}";

/// A dot's pixels: the fill, the ring (`fg` for hosts and matches, `card` otherwise, as
/// the SVG's strokes), a soft edge, nothing outside; premultiplied alpha.
pub const DOT_FRAGMENT: &str = r"#version 300 es
precision highp float;
uniform vec4 fg;
uniform vec4 card;
uniform float opacity;
in vec2 v_at;
flat in float v_r;
flat in float v_width;
flat in float v_host;
flat in vec4 v_fill;
out vec4 out_colour;
void main() {
  float d = length(v_at);
  float cover = clamp(v_r + v_width * 0.5 + 0.5 - d, 0.0, 1.0);
  if (cover <= 0.0) discard;
  float stroke = clamp(d - (v_r - v_width * 0.5) + 0.5, 0.0, 1.0);
  vec4 fill = vec4(v_fill.rgb * v_fill.a, v_fill.a);
  vec4 ring = v_host > 0.5 ? vec4(fg.rgb, 1.0) : vec4(card.rgb, 1.0) * v_fill.a;
  out_colour = mix(fill, ring, stroke) * cover * opacity;
}";
