//! [`super`]'s looks, eight bytes at a time in plain 64-bit integer arithmetic: what every
//! target but wasm32 with SIMD runs (natively LLVM turns the loops into vector code of its
//! own where it can), and what the SIMD form is tested against.
//!
//! A byte lane's mark is its top bit. Marks are exact up to the first true one; above it a
//! borrow may set a false one, which no caller reads (each reads only the lowest mark).

/// Bytes looked at in one step.
pub(in crate::import) const LANES: usize = 8;

/// Eight copies of one byte, for comparing eight bytes at once.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The top bit of each of eight bytes.
const HIGHS: u64 = 0x8080_8080_8080_8080;
/// The low seven bits of every byte of a word.
const LOW_SEVEN: u64 = 0x7f7f_7f7f_7f7f_7f7f;
/// Words summed into one word's byte lanes before the lanes are added up: each lane then
/// holds at most 255, so it cannot overflow.
const WORDS_PER_SUM: usize = 255;

/// The eight bytes of `bytes` from `at` as one word, the first in the low bits; `None`
/// when fewer than eight are left.
#[inline(always)]
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let eight = bytes.get(at..)?.first_chunk::<LANES>()?;
    Some(u64::from_le_bytes(*eight))
}

/// How many lanes come before the lowest mark of `marks` (8 when none).
#[inline(always)]
fn before_mark(marks: u64) -> usize {
    (marks.trailing_zeros() / 8) as usize
}

/// Marks the bytes of `word` equal to `byte`.
#[inline(always)]
fn marks_of(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// Marks the bytes of `word` that end a string's plain run: `"`, `\` or a control byte.
#[inline(always)]
fn stops(word: u64) -> u64 {
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    marks_of(word, b'"') | marks_of(word, b'\\') | control
}

/// See [`super::plain_at`].
#[inline(always)]
pub(in crate::import) fn plain_at(bytes: &[u8], at: usize) -> Option<usize> {
    word_at(bytes, at).map(|word| before_mark(stops(word)))
}

/// See [`super::ascii_plain_at`].
#[inline(always)]
pub(in crate::import) fn ascii_plain_at(bytes: &[u8], at: usize) -> Option<usize> {
    word_at(bytes, at).map(|word| before_mark(stops(word) | (word & HIGHS)))
}

/// See [`super::spaces_at`].
#[inline(always)]
pub(in crate::import) fn spaces_at(bytes: &[u8], at: usize) -> Option<usize> {
    // Zero bytes where there are spaces: the lowest set bit is the first other byte's.
    word_at(bytes, at).map(|word| ((word ^ (ONES * 0x20)).trailing_zeros() / 8) as usize)
}

/// See [`super::newlines`].
pub(in crate::import) fn newlines(bytes: &[u8]) -> usize {
    bytes
        .chunks(LANES * WORDS_PER_SUM)
        .map(|group| {
            let mut words = group.chunks_exact(LANES);
            let lanes = words.by_ref().fold(0u64, |lanes, word| {
                let word = word.first_chunk().map_or(0, |w| u64::from_le_bytes(*w));
                lanes + newline_lanes(word)
            });
            let tail = words.remainder().iter().filter(|&&b| b == b'\n').count();
            sum_of_lanes(lanes) + tail
        })
        .sum()
}

/// `0x01` in each byte lane of `word` that holds `\n`, `0x00` in the others (exact in
/// every lane, unlike [`marks_of`]).
fn newline_lanes(word: u64) -> u64 {
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

/// See [`super::ascii_text`].
pub(in crate::import) fn ascii_text(raw: &[u8]) -> Option<bool> {
    let mut words = raw.chunks_exact(LANES);
    let (mut odd, mut asks) = (0u64, 0u64);
    for word in &mut words {
        let word = word.first_chunk().map_or(0, |w| u64::from_le_bytes(*w));
        odd |= word | marks_of(word, b'\\');
        asks |= marks_of(word, b'?');
    }
    for &byte in words.remainder() {
        odd |= u64::from(byte | if byte == b'\\' { 0x80 } else { 0 });
        asks |= u64::from(byte == b'?');
    }
    (odd & HIGHS == 0).then_some(asks != 0)
}
