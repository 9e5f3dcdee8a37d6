//! [`super`]'s looks, sixteen bytes at a time in WebAssembly's 128-bit SIMD (`simd128`):
//! what the page's wasm runs, built with `+simd128` (`.cargo/config.toml`).
//!
//! Each look compares all sixteen bytes at once, and `i8x16.bitmask` gathers the lanes'
//! answers into the low 16 bits of a number whose trailing zeros say where the first is.

use core::arch::wasm32::{
    i8x16_lt, i8x16_splat, i8x16_sub, u16x8_extadd_pairwise_u8x16, u32x4_extadd_pairwise_u16x8,
    u32x4_extract_lane, u8x16_bitmask, u8x16_eq, u8x16_lt, u8x16_splat, v128, v128_load, v128_or,
};

/// Bytes looked at in one step.
pub(in crate::import) const LANES: usize = 16;

/// Blocks whose newlines are counted into one vector's byte lanes before the lanes are
/// added up: each lane then holds at most 255, so it cannot overflow.
const BLOCKS_PER_SUM: usize = 255;

/// Sixteen bytes as one vector.
#[inline(always)]
fn load(block: &[u8; LANES]) -> v128 {
    // SAFETY: `block` is sixteen readable bytes, and `v128.load` needs no alignment. (The
    // safe ways to build a vector from bytes compile to sixteen loads, one per lane.)
    unsafe { v128_load(block.as_ptr().cast()) }
}

/// The sixteen bytes of `bytes` from `at`; `None` when fewer are left.
#[inline(always)]
fn block_at(bytes: &[u8], at: usize) -> Option<v128> {
    bytes.get(at..)?.first_chunk::<LANES>().map(load)
}

/// How many lanes come before the first marked one (all bits set) of `marks` (16 when
/// none is).
#[inline(always)]
fn before_mark(marks: v128) -> usize {
    (u32::from(u8x16_bitmask(marks)) | 1 << LANES).trailing_zeros() as usize
}

/// Marks the bytes `"` and `\` of `block`.
#[inline(always)]
fn quotes_and_backslashes(block: v128) -> v128 {
    v128_or(
        u8x16_eq(block, u8x16_splat(b'"')),
        u8x16_eq(block, u8x16_splat(b'\\')),
    )
}

/// See [`super::plain_at`].
#[inline(always)]
pub(in crate::import) fn plain_at(bytes: &[u8], at: usize) -> Option<usize> {
    let block = block_at(bytes, at)?;
    let control = u8x16_lt(block, u8x16_splat(0x20));
    Some(before_mark(v128_or(quotes_and_backslashes(block), control)))
}

/// See [`super::ascii_plain_at`].
#[inline(always)]
pub(in crate::import) fn ascii_plain_at(bytes: &[u8], at: usize) -> Option<usize> {
    let block = block_at(bytes, at)?;
    // Read as signed, bytes past ASCII are negative: below 0x20 with the controls.
    let control_or_high = i8x16_lt(block, i8x16_splat(0x20));
    Some(before_mark(v128_or(
        quotes_and_backslashes(block),
        control_or_high,
    )))
}

/// See [`super::spaces_at`].
#[inline(always)]
pub(in crate::import) fn spaces_at(bytes: &[u8], at: usize) -> Option<usize> {
    let block = block_at(bytes, at)?;
    let spaces = u32::from(u8x16_bitmask(u8x16_eq(block, u8x16_splat(b' '))));
    // The bits past the sixteenth are set in the inverse, so at most 16.
    Some((!spaces).trailing_zeros() as usize)
}

/// See [`super::newlines`].
///
/// Loops by index, not through slice iterators, which opt-level "z" leaves as a call per
/// block (a fifth of the parse in V8's profile when written so).
pub(in crate::import) fn newlines(bytes: &[u8]) -> usize {
    let newline = u8x16_splat(b'\n');
    let (mut count, mut at) = (0, 0);
    loop {
        let (mut lanes, mut blocks) = (u8x16_splat(0), 0);
        while let Some(block) = block_at(bytes, at).filter(|_| blocks < BLOCKS_PER_SUM) {
            // A match is all ones, -1: subtracting it adds one to the lane.
            lanes = i8x16_sub(lanes, u8x16_eq(block, newline));
            (at, blocks) = (at + LANES, blocks + 1);
        }
        count += sum_of_lanes(lanes);
        if blocks < BLOCKS_PER_SUM {
            let tail = bytes.get(at..).unwrap_or_default();
            return count + tail.iter().filter(|&&b| b == b'\n').count();
        }
    }
}

/// The sum of the sixteen byte lanes of `lanes`.
fn sum_of_lanes(lanes: v128) -> usize {
    let quarters = u32x4_extadd_pairwise_u16x8(u16x8_extadd_pairwise_u8x16(lanes));
    let sum = u32x4_extract_lane::<0>(quarters)
        + u32x4_extract_lane::<1>(quarters)
        + u32x4_extract_lane::<2>(quarters)
        + u32x4_extract_lane::<3>(quarters);
    sum as usize
}

/// See [`super::ascii_text`].
pub(in crate::import) fn ascii_text(raw: &[u8]) -> Option<bool> {
    let (mut odd, mut asks, mut at) = (u8x16_splat(0), u8x16_splat(0), 0);
    while let Some(block) = block_at(raw, at) {
        // A backslash's mark is all ones, so its top bit joins those of bytes past ASCII.
        odd = v128_or(odd, v128_or(block, u8x16_eq(block, u8x16_splat(b'\\'))));
        asks = v128_or(asks, u8x16_eq(block, u8x16_splat(b'?')));
        at += LANES;
    }
    let tail = raw.get(at..).unwrap_or_default();
    let odd_tail = tail.iter().any(|&b| b >= 0x80 || b == b'\\');
    if u8x16_bitmask(odd) != 0 || odd_tail {
        return None;
    }
    Some(u8x16_bitmask(asks) != 0 || tail.contains(&b'?'))
}
