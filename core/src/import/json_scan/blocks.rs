//! The looks at a block of bytes that a JSON scan repeats over almost every byte of a
//! file: where a string's plain run ends, where a key's does, how many spaces come next,
//! how many newlines a stretch holds, and whether a text is plain ASCII.
//!
//! Why blocks and not a byte loop: byte by byte, these loops were most of the parse's
//! instructions. Each look has two forms with the same answers: sixteen bytes at a time
//! in WebAssembly SIMD (`blocks/simd128.rs`) where the wasm is built with `simd128`, as the
//! page's is, and eight bytes at a time in 64-bit integer arithmetic (`blocks/words.rs`)
//! everywhere else. The tests below hold both to a byte-by-byte reference.

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd128;
// Built for wasm with SIMD only for the tests, which hold both forms to one reference.
#[cfg(any(test, not(all(target_arch = "wasm32", target_feature = "simd128"))))]
mod words;

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
use simd128 as active;
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
use words as active;

/// Bytes one look takes: 16 with SIMD, 8 without.
pub(in crate::import) const LANES: usize = active::LANES;

/// Of the [`LANES`] bytes of `bytes` from `at`, how many come before the first `"`, `\` or
/// control byte (below 0x20), from 0 to [`LANES`] (none of them); `None` when fewer than
/// [`LANES`] bytes are left from `at`.
#[inline(always)]
pub(in crate::import) fn plain_at(bytes: &[u8], at: usize) -> Option<usize> {
    active::plain_at(bytes, at)
}

/// [`plain_at`], stopping at bytes past ASCII (0x80 and up) too.
#[inline(always)]
pub(in crate::import) fn ascii_plain_at(bytes: &[u8], at: usize) -> Option<usize> {
    active::ascii_plain_at(bytes, at)
}

/// Of the [`LANES`] bytes of `bytes` from `at`, how many spaces (0x20) come first, from 0
/// to [`LANES`]; `None` when fewer than [`LANES`] bytes are left from `at`.
#[inline(always)]
pub(in crate::import) fn spaces_at(bytes: &[u8], at: usize) -> Option<usize> {
    active::spaces_at(bytes, at)
}

/// How many `\n` bytes `bytes` holds (0 for none, or for no bytes).
pub(in crate::import) fn newlines(bytes: &[u8]) -> usize {
    active::newlines(bytes)
}

/// Whether `raw` holds a `?`, when it is ASCII without a `\`; `None` when it holds a byte
/// past ASCII or a `\` (an empty `raw` is `Some(false)`).
pub(in crate::import) fn ascii_text(raw: &[u8]) -> Option<bool> {
    active::ascii_text(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The answers byte by byte, which both forms must give.
    mod reference {
        pub fn before(
            bytes: &[u8],
            at: usize,
            lanes: usize,
            stop: impl Fn(u8) -> bool,
        ) -> Option<usize> {
            let block = bytes.get(at..at + lanes)?;
            Some(block.iter().position(|&b| stop(b)).unwrap_or(lanes))
        }
        pub fn is_stop(b: u8) -> bool {
            b == b'"' || b == b'\\' || b < 0x20
        }
        pub fn ascii_text(raw: &[u8]) -> Option<bool> {
            let odd = raw.iter().any(|&b| b >= 0x80 || b == b'\\');
            (!odd).then(|| raw.contains(&b'?'))
        }
    }

    /// Bytes drawn mostly from those the looks tell apart, each next to its neighbours
    /// (0x1f and 0x20, 0x7f and 0x80), the rest from all 256, from a fixed seed.
    fn random_bytes(seed: &mut u64, len: usize) -> Vec<u8> {
        const BYTES: &[u8] = b"\"\\ \n\r\t?a\x00\x1f\x21\x7f\x80\xc3\xff\x5b\x0b\x8a\x09\x20\x22";
        (0..len)
            .map(|_| {
                // xorshift64: fixed and fast; any spread of bytes will do.
                *seed ^= *seed << 13;
                *seed ^= *seed >> 7;
                *seed ^= *seed << 17;
                let pick = (*seed >> 32) as usize;
                match BYTES.get(pick % (BYTES.len() + 4)) {
                    Some(&b) => b,
                    None => (pick >> 8) as u8,
                }
            })
            .collect()
    }

    /// Runs `check` on many random byte strings of every length up to 300, and on runs
    /// of one byte (all spaces, all newlines) long enough to fill many blocks.
    fn on_random_inputs(check: impl Fn(&[u8])) {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for len in 0..300 {
            for _ in 0..8 {
                check(&random_bytes(&mut seed, len));
            }
        }
        for byte in [b' ', b'\n', b'a', b'?'] {
            check(&vec![byte; 16 * 255 * 2 + 21]);
        }
    }

    #[test]
    fn every_look_agrees_with_the_byte_by_byte_answer() {
        on_random_inputs(|bytes| {
            for at in 0..=bytes.len() + 1 {
                let stop = reference::before(bytes, at, LANES, reference::is_stop);
                assert_eq!(plain_at(bytes, at), stop, "{bytes:?} at {at}");
                assert_eq!(
                    words::plain_at(bytes, at),
                    reference::before(bytes, at, 8, reference::is_stop)
                );
                let key = |b: u8| reference::is_stop(b) || b >= 0x80;
                assert_eq!(
                    ascii_plain_at(bytes, at),
                    reference::before(bytes, at, LANES, key)
                );
                assert_eq!(
                    words::ascii_plain_at(bytes, at),
                    reference::before(bytes, at, 8, key)
                );
                let space = |b: u8| b != b' ';
                assert_eq!(
                    spaces_at(bytes, at),
                    reference::before(bytes, at, LANES, space)
                );
                assert_eq!(
                    words::spaces_at(bytes, at),
                    reference::before(bytes, at, 8, space)
                );
            }
            let counted = bytes.iter().filter(|&&b| b == b'\n').count();
            assert_eq!(
                (newlines(bytes), words::newlines(bytes)),
                (counted, counted)
            );
            let text = reference::ascii_text(bytes);
            assert_eq!(
                (ascii_text(bytes), words::ascii_text(bytes)),
                (text, text),
                "{bytes:?}"
            );
        });
    }

    #[test]
    fn the_simd_form_is_the_one_built_for_wasm_with_simd() {
        let simd = cfg!(all(target_arch = "wasm32", target_feature = "simd128"));
        assert_eq!(LANES, if simd { 16 } else { 8 });
    }

    #[test]
    fn nothing_is_found_in_nothing() {
        assert_eq!(newlines(b""), 0);
        assert_eq!(ascii_text(b""), Some(false));
        assert_eq!(plain_at(b"", 0), None);
        assert_eq!(plain_at(&[b'a'; 40], 39), None, "too few bytes left");
        assert_eq!(plain_at(&[b'a'; 40], 41), None, "past the end");
    }
}
