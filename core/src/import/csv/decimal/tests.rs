use super::finite;
use crate::model::random::SplitMix;

/// What the standard reader gives, as `finite` promises to: its finite values, `None`
/// for errors and infinities.
fn standard(text: &str) -> Option<f64> {
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn same(text: &str) {
    let (got, want) = (finite(text), standard(text));
    assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{text:?}");
}

#[test]
fn plain_cells_read_as_the_standard_library_reads_them() {
    for text in [
        "0",
        "-0",
        "+0",
        "3",
        "3.0",
        "3.",
        ".5",
        "+.5",
        "-2.25",
        "1e5",
        "1E+5",
        "2.5e-3",
        "007",
        "0.000",
        "1700000000",
        "1700000000.123",
        "1700000000123.5",
        "0e999999",
        "1e-400",
        "1e400",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "2.2250738585072011e-308",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "9007199254740993",
        "9007199254740995",
        "9007199254740993.0000000000000000000001",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203126",
        "1.00000000000000011102230246251565404236316680908203124",
        "3.0000000000000002",
        "3.00000000000000022",
        "123456789012345678901234567890",
    ] {
        same(text);
    }
}

#[test]
fn what_is_not_a_number_is_refused() {
    for text in [
        "",
        "+",
        "-",
        ".",
        "e5",
        "1e",
        "1e+",
        "1.2.3",
        "1_000",
        " 1",
        "1 ",
        "--1",
        "0x10",
        "inf",
        "-infinity",
        "NaN",
        "1,5",
        "١",
    ] {
        assert_eq!(finite(text), None, "{text:?}");
        same(text);
    }
}

#[test]
fn random_decimals_match_bit_for_bit() {
    let mut rng = SplitMix(2024);
    for round in 0..3_000 {
        let len = 1 + rng.below(40) as usize;
        let mut text: String = (0..len)
            .map(|_| char::from(b'0' + rng.below(10) as u8))
            .collect();
        let dot = rng.below(len as u64 + 1) as usize;
        if rng.below(2) == 0 {
            text.insert(dot, '.');
        }
        if rng.below(2) == 0 {
            // Mostly near the numbers a CSV holds; now and then anywhere in range.
            let span = if round % 20 == 0 { 700 } else { 80 };
            let exp = rng.below(span) as i64 - span as i64 / 2;
            text.push_str(&format!("e{exp}"));
        }
        same(&text);
    }
}

#[test]
fn exact_expansions_and_their_neighbours_match() {
    let mut rng = SplitMix(7);
    for round in 0..60 {
        // Every third below the normal range, where fewer bits are rounded.
        let shift = if round % 3 == 0 { 12 } else { 1 };
        let value = f64::from_bits(rng.next_u64() >> shift);
        if !value.is_finite() {
            continue;
        }
        let exact = format!("{value:.800e}");
        same(&exact);
        same(&format!("{value:e}"));
        same(&format!("{value:.17e}"));
        // The decimal just past and just short of the exact value.
        let (digits, exp) = exact.split_once('e').unwrap_or((&exact, "0"));
        same(&format!("{digits}1e{exp}"));
        let mut short = digits.trim_end_matches('0').to_string();
        short.pop();
        same(&format!("{short}e{exp}"));
    }
}

#[test]
fn halfway_integers_round_to_even_as_the_standard_library_does() {
    let mut rng = SplitMix(99);
    for _ in 0..2_000 {
        let low = (1u64 << 53) + (rng.next_u64() >> 12);
        let high = (low as f64).next_up_bits();
        let mid = (u128::from(low as f64 as u64) + u128::from(high)) / 2;
        same(&mid.to_string());
        same(&format!("{mid}.000000000000000000000000001"));
        same(&format!("{}.999999999999999999999999999", mid - 1));
    }
}

/// The integer just above a double that is an integer below 2^64.
trait NextUp {
    fn next_up_bits(self) -> u64;
}

impl NextUp for f64 {
    fn next_up_bits(self) -> u64 {
        f64::from_bits(self.to_bits() + 1) as u64
    }
}
