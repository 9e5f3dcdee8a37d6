//! The table-driven CRC-32 ("slicing by 16": sixteen bytes per step through sixteen
//! 256-word tables), with the tables computed on first use rather than compiled in.
//!
//! Built once per process into a `OnceLock` (zeroed memory, so nothing in the wasm's
//! data section): 16 × 256 words, a few microseconds, then every call is one load of an
//! initialised flag more than a static table costs.

use std::sync::OnceLock;

/// The IEEE 802.3 polynomial, bit-reversed (bit 31 is the coefficient of x⁰).
const POLYNOMIAL: u32 = 0xEDB8_8320;

/// `TABLES[k][b]`: the CRC register contribution of byte `b` followed by `k` zero bytes.
type Tables = [[u32; 256]; 16];

static TABLES: OnceLock<Tables> = OnceLock::new();

/// The CRC-32 of the bytes behind `checksum` (a finished CRC-32, 0 for no bytes) followed
/// by `bytes`; `bytes` may be empty.
pub(crate) fn update(checksum: u32, bytes: &[u8]) -> u32 {
    let t = TABLES.get_or_init(build);
    let mut register = !checksum;
    let mut rest = bytes;
    while let Some((block, after)) = rest.split_first_chunk::<16>() {
        let [b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15] = *block;
        // Byte i of the block is followed by 15 - i more, so it goes through table 15 - i.
        // The twelve bytes the register does not touch come first: they do not wait on
        // the previous block, and written last they put 12 more XORs on the path from one
        // block to the next (measured: 4× slower natively).
        let ahead = at(&t[11], b4)
            ^ at(&t[10], b5)
            ^ at(&t[9], b6)
            ^ at(&t[8], b7)
            ^ at(&t[7], b8)
            ^ at(&t[6], b9)
            ^ at(&t[5], b10)
            ^ at(&t[4], b11)
            ^ at(&t[3], b12)
            ^ at(&t[2], b13)
            ^ at(&t[1], b14)
            ^ at(&t[0], b15);
        let [r0, r1, r2, r3] = register.to_le_bytes();
        register = ahead
            ^ at(&t[15], b0 ^ r0)
            ^ at(&t[14], b1 ^ r1)
            ^ at(&t[13], b2 ^ r2)
            ^ at(&t[12], b3 ^ r3);
        rest = after;
    }
    for &byte in rest {
        register = at(&t[0], register as u8 ^ byte) ^ (register >> 8);
    }
    !register
}

/// `table[byte]`.
#[inline(always)]
#[allow(clippy::indexing_slicing)] // a u8 is below 256: never out of bounds
fn at(table: &[u32; 256], byte: u8) -> u32 {
    table[usize::from(byte)]
}

/// Computes the sixteen tables: row 0 by shifting each byte through the polynomial bit
/// by bit, each further row as the previous one followed by one more zero byte.
fn build() -> Tables {
    let mut row_zero = [0u32; 256];
    for (byte, word) in row_zero.iter_mut().enumerate() {
        *word = (0..8).fold(byte as u32, |register, _| shift_one_bit(register));
    }
    let mut tables = [[0u32; 256]; 16];
    let mut previous = row_zero;
    for table in tables.iter_mut() {
        *table = previous;
        previous = previous.map(|word| at(&row_zero, word as u8) ^ (word >> 8));
    }
    tables
}

/// The register after one more zero bit: divides out x³² by the polynomial when the bit
/// shifted out is set.
pub(crate) fn shift_one_bit(register: u32) -> u32 {
    if register & 1 == 1 {
        (register >> 1) ^ POLYNOMIAL
    } else {
        register >> 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checksum one bit at a time, straight from the definition.
    fn bitwise(bytes: &[u8]) -> u32 {
        let mut register = !0u32;
        for &byte in bytes {
            register ^= u32::from(byte);
            for _ in 0..8 {
                register = shift_one_bit(register);
            }
        }
        !register
    }

    #[test]
    fn tables_match_the_bitwise_definition_at_every_length_and_offset() {
        let bytes: Vec<u8> = (0..300u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        for start in 0..17 {
            for end in start..bytes.len() {
                assert_eq!(update(0, &bytes[start..end]), bitwise(&bytes[start..end]));
            }
        }
    }

    #[test]
    fn row_zero_is_the_classic_table() {
        let tables = TABLES.get_or_init(build);
        assert_eq!(tables[0][1], 0x7707_3096);
        assert_eq!(tables[0][255], 0x2D02_EF8D);
    }
}
