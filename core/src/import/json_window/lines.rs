//! Counting the newlines of the bytes the parse window lets go, so errors can name the
//! file's line: every byte of a streamed export passes through here once.
//!
//! Why by hand: the byte-by-byte count (summed in blocks of 64 so the compiler could use
//! vector registers) did so natively, but the worker's wasm is built without SIMD and at
//! opt-level "z", where it stayed a loop over single bytes: a tenth of the worker's whole
//! parse in V8's profile of the 100 k export. Eight bytes at a time in plain 64-bit integer
//! arithmetic, which wasm has, is as fast natively and several times faster in wasm
//! (docs/PERFORMANCE.md, "Reading the file in the worker").

/// Every byte of a word, `0x01` in each.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The low seven bits of every byte of a word.
const LOW_SEVEN: u64 = 0x7f7f_7f7f_7f7f_7f7f;
/// Words summed into one word's byte lanes before the lanes are added up: each lane then
/// holds at most 255, so it cannot overflow.
const WORDS_PER_BLOCK: usize = 255;

/// How many `\n` bytes `bytes` holds (0 for none, or for no bytes).
pub(super) fn newlines(bytes: &[u8]) -> usize {
    bytes
        .chunks(8 * WORDS_PER_BLOCK)
        .map(|block| {
            let mut words = block.chunks_exact(8);
            let lanes = words.by_ref().fold(0u64, |lanes, word| {
                lanes
                    + <[u8; 8]>::try_from(word).map_or(0, |w| newline_bytes(u64::from_le_bytes(w)))
            });
            let tail = words.remainder().iter().filter(|&&b| b == b'\n').count();
            sum_of_lanes(lanes) + tail
        })
        .sum()
}

/// `0x01` in each byte lane of `word` that holds `\n`, `0x00` in the others.
fn newline_bytes(word: u64) -> u64 {
    let x = word ^ (ONES * u64::from(b'\n'));
    // A lane's top bit ends up set when any of its bits is: adding 0x7f to the low seven
    // bits carries into the top bit unless they are all clear, and never past the lane.
    let nonzero = ((x & LOW_SEVEN) + LOW_SEVEN) | x;
    (!nonzero & !LOW_SEVEN) >> 7
}

/// The sum of the eight byte lanes of `lanes` (each at most 255).
fn sum_of_lanes(lanes: u64) -> usize {
    const EVEN_BYTES: u64 = 0x00ff_00ff_00ff_00ff;
    // Pairs of lanes into four 16-bit lanes (at most 510 each), then those four summed
    // into the top 16 bits by one multiplication (at most 2040, no overflow).
    let pairs = (lanes & EVEN_BYTES) + ((lanes >> 8) & EVEN_BYTES);
    (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted_one_by_one(bytes: &[u8]) -> usize {
        bytes.iter().filter(|&&b| b == b'\n').count()
    }

    #[test]
    fn counts_nothing_in_nothing() {
        assert_eq!(newlines(b""), 0);
        assert_eq!(newlines(b"no newline here"), 0);
    }

    #[test]
    fn counts_newlines_in_every_lane_and_the_tail() {
        for len in 0..40 {
            for at in 0..len {
                let mut bytes = vec![b' '; len];
                if let Some(b) = bytes.get_mut(at) {
                    *b = b'\n';
                }
                assert_eq!(newlines(&bytes), 1, "one newline at {at} of {len}");
            }
        }
    }

    #[test]
    fn no_other_byte_counts_as_a_newline() {
        // Bytes one bit away from `\n`, and bytes whose low seven bits are `\n`'s.
        let near: Vec<u8> = (0u8..=255).filter(|&b| b != b'\n').collect();
        assert_eq!(newlines(&near), 0);
        assert_eq!(newlines(&[0x8a; 64]), 0);
    }

    #[test]
    fn full_lanes_do_not_overflow_across_blocks() {
        // Only newlines: every lane at its 255 limit in each whole block.
        let all = vec![b'\n'; 8 * WORDS_PER_BLOCK * 3 + 13];
        assert_eq!(newlines(&all), all.len());
        let mixed: Vec<u8> = (0..100_000u32)
            .map(|i| if i % 3 == 0 { b'\n' } else { b'a' })
            .collect();
        assert_eq!(newlines(&mixed), counted_one_by_one(&mixed));
    }
}
