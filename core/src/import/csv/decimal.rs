//! A number in a CSV cell, read to the same `f64` as `str::parse::<f64>` reads it.
//!
//! Why not `str::parse`: the standard library's reader carries a table of 651 128-bit
//! powers of five that does not compress, about 10 KB of the page's gzipped wasm
//! (docs/PERFORMANCE.md "Wasm size"); with the exports' own writer
//! (`crate::draw::export::csv_text`) these cells were its last callers in the page. Here a
//! number of at most 19 digits that fits 53 bits, with a power of ten up to 22, is one
//! exact division or multiplication (so correctly rounded), read without allocating; any
//! other is scaled by exact halvings and doublings of its decimal digits, then rounded to
//! nearest, ties to even. Both are the correctly rounded value, as the standard library's
//! is, so the results are the same bits (the tests compare them).

/// Digits kept; past them only whether a non-zero digit was dropped counts (more than a
/// double's exact decimal expansion can need to be rounded right).
const MAX_DIGITS: usize = 800;

/// The finite value of `text` (`[+-]digits[.digits][(e|E)[+-]digits]`, at least one
/// digit before the exponent), or `None` when `text` is not such a number or its value
/// overflows a double. `inf` and `nan` are `None`.
pub fn finite(text: &str) -> Option<f64> {
    let (negative, rest) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    let magnitude = match quick(rest) {
        Some(value) => value,
        None => Digits::read(rest)?.slow()?,
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// The value of the common cell, read without allocating: at most 19 significant digits
/// making an integer of 53 bits, and a power of ten up to 22 either way, so one exact
/// division or multiplication, correctly rounded. `None` for anything else (then
/// [`Digits`] reads it, or refuses it).
fn quick(text: &[u8]) -> Option<f64> {
    let (mut mantissa, mut digits, mut power) = (0u64, 0usize, 0i64);
    let (mut dot, mut any) = (false, false);
    let mut rest = text;
    while let [b, tail @ ..] = rest {
        match *b {
            b'0'..=b'9' => {
                any = true;
                if mantissa != 0 || *b != b'0' {
                    digits += 1;
                    if digits > 19 {
                        return None;
                    }
                    mantissa = mantissa * 10 + u64::from(*b - b'0');
                }
                if dot {
                    power -= 1;
                }
            }
            b'.' if !dot => dot = true,
            _ => break,
        }
        rest = tail;
    }
    match rest {
        _ if !any => return None,
        [] => {}
        [b'e' | b'E', exp @ ..] => power += exponent(exp)?,
        _ => return None,
    }
    if mantissa == 0 {
        return Some(0.0);
    }
    if mantissa > 1 << 53 || !(-22..=22).contains(&power) {
        return None;
    }
    let scale = (0..power.unsigned_abs()).fold(1.0_f64, |s, _| s * 10.0);
    Some(if power < 0 {
        mantissa as f64 / scale
    } else {
        mantissa as f64 * scale
    })
}

/// A decimal `0.d₁d₂… × 10^point`: digits without leading or trailing zeros.
struct Digits {
    digits: Vec<u8>,
    point: i64,
    /// A non-zero digit past [`MAX_DIGITS`] was dropped.
    truncated: bool,
}

impl Digits {
    fn read(text: &[u8]) -> Option<Digits> {
        let int_len = text.iter().take_while(|b| b.is_ascii_digit()).count();
        let (int, rest) = text.split_at(int_len);
        let (frac, rest) = match rest {
            [b'.', after @ ..] => {
                let len = after.iter().take_while(|b| b.is_ascii_digit()).count();
                after.split_at(len)
            }
            _ => (&[][..], rest),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let exponent = match rest {
            [] => 0,
            [b'e' | b'E', exp @ ..] => exponent(exp)?,
            _ => return None,
        };
        let mut out = Digits {
            digits: Vec::new(),
            point: int.len() as i64 + exponent,
            truncated: false,
        };
        for &b in int.iter().chain(frac) {
            out.push_digit(b - b'0');
        }
        while out.digits.last() == Some(&0) {
            out.digits.pop();
        }
        Some(out)
    }

    /// Appends a digit; a leading zero only moves the point.
    fn push_digit(&mut self, digit: u8) {
        if self.digits.is_empty() && digit == 0 {
            self.point -= 1;
        } else if self.digits.len() < MAX_DIGITS {
            self.digits.push(digit);
        } else if digit != 0 {
            self.truncated = true;
        }
    }

    /// Any other value: scaled into [0.5, 1) by exact halvings and doublings, then its
    /// 53 (or, below the normal range, fewer) leading bits rounded to nearest, ties to
    /// even. `None` past the largest double.
    fn slow(mut self) -> Option<f64> {
        if self.digits.is_empty() {
            return Some(0.0);
        }
        if self.point >= 310 {
            return None;
        }
        if self.point <= -325 {
            return Some(0.0);
        }
        let mut exp2: i64 = 0;
        while self.point > 0 {
            self.halve();
            exp2 += 1;
        }
        while self.point < 0 || self.digits.first().is_some_and(|&d| d < 5) {
            self.double();
            exp2 -= 1;
        }
        // value = v × 2^exp2 with v in [0.5, 1); a double is m × 2^(e − 52).
        let mut biased = exp2 - 1 + 1023;
        if biased < 1 {
            for _ in 0..(1 - biased) {
                self.halve();
            }
            biased = 0;
        }
        for _ in 0..53 {
            self.double();
        }
        let mut mantissa = self.round();
        if mantissa >= 1 << 53 {
            mantissa >>= 1;
            biased += 1;
        }
        if biased == 0 && mantissa >= 1 << 52 {
            biased = 1;
        }
        if biased >= 2047 {
            return None;
        }
        let fraction = mantissa & ((1 << 52) - 1);
        Some(f64::from_bits(((biased as u64) << 52) | fraction))
    }

    /// The integer part, rounded to nearest by what follows the point, ties to even.
    fn round(&self) -> u64 {
        let whole = usize::try_from(self.point).unwrap_or(0);
        let mut m = 0u64;
        for i in 0..whole {
            m = m * 10 + u64::from(self.digits.get(i).copied().unwrap_or(0));
        }
        let next = self.digits.get(whole).copied().unwrap_or(0);
        let beyond = self.truncated || self.digits.len() > whole + 1;
        let up = next > 5 || (next == 5 && (beyond || m % 2 == 1));
        m + u64::from(up)
    }

    /// Divides by two, exactly (one more digit at most, unless [`MAX_DIGITS`] is reached).
    fn halve(&mut self) {
        let mut carry = 0u8;
        let mut out = Vec::with_capacity(self.digits.len() + 1);
        for &d in &self.digits {
            let n = carry * 10 + d;
            out.push(n / 2);
            carry = n % 2;
        }
        if carry == 1 {
            out.push(5);
        }
        if out.first() == Some(&0) {
            out.remove(0);
            self.point -= 1;
        }
        if out.len() > MAX_DIGITS {
            self.truncated |= out
                .get(MAX_DIGITS..)
                .is_some_and(|t| t.iter().any(|&d| d != 0));
            out.truncate(MAX_DIGITS);
        }
        while out.last() == Some(&0) {
            out.pop();
        }
        self.digits = out;
    }

    /// Multiplies by two, exactly.
    fn double(&mut self) {
        let mut carry = 0u8;
        for d in self.digits.iter_mut().rev() {
            let n = *d * 2 + carry;
            *d = n % 10;
            carry = n / 10;
        }
        if carry > 0 {
            self.digits.insert(0, carry);
            self.point += 1;
        }
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
    }
}

/// The exponent after `e`: optional sign, at least one digit; saturates far past any
/// double's range rather than overflowing.
fn exponent(text: &[u8]) -> Option<i64> {
    let (negative, digits) = match text {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = digits
        .iter()
        .fold(0i64, |v, &d| (v * 10 + i64::from(d - b'0')).min(1_000_000));
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests;
