//! The scene as bytes for WebGL2 instanced drawing: one instance per dot and one per tie,
//! little-endian, laid out as the shaders of `peerscope_web::webgl` read them. Built once per
//! scene (and per highlight, which is small); zoom and pan never touch them.

use super::{Dot, Tie};

/// Bytes per dot: x, y, radius at 1×, ring (0 or 1) as `f32`, then the fill as four
/// normalised `u8` (r, g, b, a).
pub const DOT_STRIDE: usize = 20;
/// Byte offset of the fill within a dot.
pub const DOT_FILL_AT: usize = 16;
/// Bytes per tie: x₁, y₁, x₂, y₂, opacity as `f32`.
pub const TIE_STRIDE: usize = 20;

/// The four corners of the quad every instance is stretched over, as a triangle strip:
/// (along, across) in −1..=1 (dots read both as x and y; ties read `along` 0 or 1 as the
/// end and `across` as the side).
pub const CORNERS: [f32; 8] = [-1.0, -1.0, 1.0, -1.0, -1.0, 1.0, 1.0, 1.0];

/// `dots` as [`DOT_STRIDE`]-byte instances, in order. None: no bytes.
pub fn dot_bytes(dots: &[Dot]) -> Vec<u8> {
    let mut out = Vec::with_capacity(dots.len() * DOT_STRIDE);
    for d in dots {
        for v in [d.x, d.y, d.r, if d.ring { 1.0 } else { 0.0 }] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&d.fill.bytes());
    }
    out
}

/// `ties` as [`TIE_STRIDE`]-byte instances, in order. None: no bytes.
pub fn tie_bytes(ties: &[Tie]) -> Vec<u8> {
    let mut out = Vec::with_capacity(ties.len() * TIE_STRIDE);
    for t in ties {
        let [x1, y1, x2, y2] = t.ends;
        for v in [x1, y1, x2, y2, t.alpha] {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    out
}

/// The corners as bytes, for the one static buffer every draw shares.
pub fn corner_bytes() -> Vec<u8> {
    CORNERS.iter().flat_map(|v| v.to_le_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::view::scene::palette::Rgba;

    fn f32_at(bytes: &[u8], at: usize) -> f32 {
        f32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
    }

    #[test]
    fn dots_and_ties_pack_at_their_strides() {
        let dot = Dot {
            index: 7,
            x: 1.5,
            y: -2.0,
            r: 12.0,
            fill: Rgba([1, 2, 3, 4]),
            ring: true,
        };
        let bytes = dot_bytes(&[dot, Dot { ring: false, ..dot }]);
        assert_eq!(bytes.len(), 2 * DOT_STRIDE);
        assert_eq!(
            [f32_at(&bytes, 0), f32_at(&bytes, 4), f32_at(&bytes, 8)],
            [1.5, -2.0, 12.0]
        );
        assert_eq!(f32_at(&bytes, 12), 1.0);
        assert_eq!(&bytes[DOT_FILL_AT..DOT_STRIDE], &[1, 2, 3, 4]);
        assert_eq!(f32_at(&bytes, DOT_STRIDE + 12), 0.0);
        let tie = Tie {
            a: 0,
            b: 1,
            ends: [1.0, 2.0, 3.0, 4.0],
            alpha: 0.5,
        };
        let bytes = tie_bytes(&[tie]);
        assert_eq!(bytes.len(), TIE_STRIDE);
        assert_eq!(f32_at(&bytes, 12), 4.0);
        assert_eq!(f32_at(&bytes, 16), 0.5);
        assert!(dot_bytes(&[]).is_empty() && tie_bytes(&[]).is_empty());
        assert_eq!(corner_bytes().len(), 32);
    }
}
