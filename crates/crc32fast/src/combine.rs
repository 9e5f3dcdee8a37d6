//! Appending one CRC-32 to another without the bytes: `crc(a ‖ b)` from `crc(a)`,
//! `crc(b)` and `len(b)`, by arithmetic on polynomials over GF(2) modulo the CRC's.
//!
//! The CRC register of `a ‖ b` is the register of `a` multiplied by x^(8·len(b)) plus the
//! register of `b` from a zero start; the inversions at start and end cancel into the
//! plain XOR of the two finished checksums after the shift. Only the flate2 crate's
//! `Crc::combine` reaches this; no path of peerscope does.

use crate::table::shift_one_bit;

/// The checksum of `first`'s bytes followed by `second`'s, `second_len` bytes long.
pub(crate) fn append(first: u32, second: u32, second_len: u64) -> u32 {
    if second_len == 0 {
        return first;
    }
    times(power_of_x_for_bytes(second_len), first) ^ second
}

/// x^(8·`bytes`) modulo the polynomial, by squaring: x⁸ squared k times is x^(8·2^k).
fn power_of_x_for_bytes(bytes: u64) -> u32 {
    // x⁰ is bit 31 in the reflected order; x⁸ is 8 places further.
    let mut result = 1u32 << 31;
    let mut square = 1u32 << 23;
    let mut rest = bytes;
    while rest != 0 {
        if rest & 1 == 1 {
            result = times(result, square);
        }
        square = times(square, square);
        rest >>= 1;
    }
    result
}

/// `a · b` modulo the polynomial, both reflected (bit 31 is x⁰).
fn times(a: u32, b: u32) -> u32 {
    let mut product = 0;
    let mut shifted = b;
    // Bit 31 - k of `a` is the coefficient of x^k: add b·x^k for each one set.
    for k in 0..32 {
        if a & (1u32 << (31 - k)) != 0 {
            product ^= shifted;
        }
        shifted = shift_one_bit(shifted);
    }
    product
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash;

    #[test]
    fn append_matches_hashing_the_concatenation() {
        let a: Vec<u8> = (0..300u32).map(|i| (i * 13 + 5) as u8).collect();
        let b: Vec<u8> = (0..1234u32).map(|i| (i * 97 + i / 7) as u8).collect();
        for len_b in [0, 1, 2, 7, 8, 255, 256, 1234] {
            let whole: Vec<u8> = a.iter().chain(&b[..len_b]).copied().collect();
            assert_eq!(append(hash(&a), hash(&b[..len_b]), len_b as u64), hash(&whole), "{len_b}");
        }
    }

    #[test]
    fn multiplying_by_one_changes_nothing() {
        assert_eq!(times(1 << 31, 0x1234_5678), 0x1234_5678);
        assert_eq!(times(0x1234_5678, 1 << 31), 0x1234_5678);
    }
}
