//! CRC-32 as zip archives (and gzip, PNG) use it: the IEEE polynomial, bits reflected,
//! starting from and ending with all bits inverted. The API is that of crates.io's
//! `crc32fast` 1.5, which the workspace replaces with this crate (root `Cargo.toml`,
//! `[patch.crates-io]`) because the zip crate depends on it unconditionally.
//!
//! Why: upstream's portable path reads a 16 × 256-word table compiled into the program.
//! In the page's wasm that is 16 KiB of near-random data that gzip cannot shrink: 17 444 of
//! its 729 585 bytes gzipped (docs/PERFORMANCE.md, "Wasm size, session 10"). Here the same
//! table is computed on first use into zeroed memory (`table.rs`), so the wasm carries
//! under 1 KB of code instead; the checksums are the same bits.
//!
//! Speed: in wasm (opt-level z as the page, Node 20, 64 MiB, best of 7, four runs) 471–894
//! MB/s against 249–450 MB/s for upstream's portable path, the one wasm ran. Natively
//! (opt-level 3, 301 MB) 1.05–1.27 GB/s against 1.32–1.42 GB/s for that path, but upstream
//! natively uses PCLMULQDQ (7–20 GB/s), which this crate lacks: about 0.2 s more to unpack
//! 300 MB in the CLI.

mod combine;
mod table;

use std::fmt;
use std::hash;

/// The CRC-32 of `bytes` in one call; 0 for an empty slice.
pub fn hash(bytes: &[u8]) -> u32 {
    let mut hasher = Hasher::new();
    hasher.update(bytes);
    hasher.finalize()
}

/// A CRC-32 being computed over bytes given in any number of pieces.
///
/// `state` is always the finished checksum of the bytes so far (0 for none), so a hasher
/// can be cloned and finalized at any point, and started from an earlier result.
#[derive(Clone)]
pub struct Hasher {
    /// Bytes hashed so far, plus any length given at creation; used only by `combine`.
    amount: u64,
    state: u32,
}

impl Hasher {
    /// A hasher over no bytes yet.
    pub fn new() -> Self {
        Self::new_with_initial_len(0, 0)
    }

    /// A hasher that continues from `init`, the CRC-32 of some earlier bytes (their
    /// length unknown, counted as 0).
    pub fn new_with_initial(init: u32) -> Self {
        Self::new_with_initial_len(init, 0)
    }

    /// A hasher that continues from `init`, the CRC-32 of `amount` earlier bytes; the
    /// length matters only when this hasher is later given to [`Hasher::combine`].
    pub fn new_with_initial_len(init: u32, amount: u64) -> Self {
        Self {
            amount,
            state: init,
        }
    }

    /// Adds `bytes` (any length, empty included) to the checksum.
    pub fn update(&mut self, bytes: &[u8]) {
        self.amount = self.amount.wrapping_add(bytes.len() as u64);
        self.state = table::update(self.state, bytes);
    }

    /// The number of bytes this checksum covers: the length given at creation plus every
    /// byte added since and every hasher combined in; 0 after [`Hasher::reset`].
    pub fn total_len(&self) -> u64 {
        self.amount
    }

    /// The CRC-32 of every byte given so far.
    pub fn finalize(self) -> u32 {
        self.state
    }

    /// Back to no bytes at all: checksum 0, length 0.
    pub fn reset(&mut self) {
        self.state = 0;
        self.amount = 0;
    }

    /// Extends this checksum with the bytes `other` covers, as though they had been
    /// given to this hasher after its own: `crc(a ‖ b)` from `crc(a)`, `crc(b)` and the
    /// length of `b`, without reading `b` again.
    pub fn combine(&mut self, other: &Self) {
        self.amount = self.amount.wrapping_add(other.amount);
        self.state = combine::append(self.state, other.state, other.amount);
    }
}

impl fmt::Debug for Hasher {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("crc32fast::Hasher").finish()
    }
}

impl Default for Hasher {
    fn default() -> Self {
        Self::new()
    }
}

impl hash::Hasher for Hasher {
    fn write(&mut self, bytes: &[u8]) {
        self.update(bytes);
    }

    fn finish(&self) -> u64 {
        u64::from(self.state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_checksums() {
        assert_eq!(hash(b""), 0);
        // The check value every CRC-32/ISO-HDLC description lists.
        assert_eq!(hash(b"123456789"), 0xCBF4_3926);
        assert_eq!(hash(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
    }

    #[test]
    fn pieces_give_the_checksum_of_the_whole() {
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 7 + i / 13) as u8).collect();
        let whole = hash(&bytes);
        for cut in [0, 1, 15, 16, 17, 500, 999, 1000] {
            let mut hasher = Hasher::new();
            hasher.update(&bytes[..cut]);
            hasher.update(&bytes[cut..]);
            assert_eq!(hasher.total_len(), 1000);
            assert_eq!(hasher.finalize(), whole, "cut at {cut}");
            let mut continued = Hasher::new_with_initial(hash(&bytes[..cut]));
            continued.update(&bytes[cut..]);
            assert_eq!(continued.finalize(), whole, "continued at {cut}");
        }
    }

    #[test]
    fn reset_and_std_hasher() {
        let mut hasher = Hasher::default();
        hasher.update(b"something");
        hasher.reset();
        assert_eq!(hasher.total_len(), 0);
        hash::Hasher::write(&mut hasher, b"123456789");
        assert_eq!(hash::Hasher::finish(&hasher), 0xCBF4_3926);
        assert_eq!(format!("{hasher:?}"), "crc32fast::Hasher");
    }

    #[test]
    fn combine_appends() {
        let bytes: Vec<u8> = (0..777u32).map(|i| (i * 31 % 251) as u8).collect();
        for cut in [0, 1, 16, 100, 776, 777] {
            let mut first = Hasher::new();
            first.update(&bytes[..cut]);
            let mut second = Hasher::new();
            second.update(&bytes[cut..]);
            first.combine(&second);
            assert_eq!(first.total_len(), 777);
            assert_eq!(first.finalize(), hash(&bytes), "cut at {cut}");
        }
    }
}
