//! One number everywhere: how the product rounds a score, a share or a rate wherever it
//! shows one (headline, *why* lines, checklist, CLI, page, share card).
//!
//! Always half away from zero (`f64::round`): 59.5 shows as 60. Rust's `{:.0}` formatting
//! rounds an exact half to even instead (58.5 would show as 58), so nothing that shows a
//! number formats it that way. The label is decided on [`score`] too, so "60 / 100" never
//! sits beside *emerging*.

/// A 0–100 score as shown: rounded half away from zero.
pub fn score(s: f64) -> f64 {
    s.round()
}

/// A 0–100 score as text ("60"); "–" (no number) for a missing or non-finite score.
pub fn score_text(s: Option<f64>) -> String {
    match s.filter(|s| s.is_finite()) {
        Some(s) => format!("{}", score(s) as i64),
        None => "–".to_string(),
    }
}

/// A share in 0..=1 as whole percentage points, rounded half away from zero.
pub fn percent(share: f64) -> i64 {
    (share * 100.0).round() as i64
}

/// `x` with `places` decimals, rounded half away from zero ("4.3").
pub fn decimal(x: f64, places: u8) -> String {
    let scale = 10f64.powi(i32::from(places));
    format!("{:.*}", usize::from(places), (x * scale).round() / scale)
}

/// How many decimals rates shown side by side need (1 to 4): one, or enough for the
/// smallest of them above zero to keep two significant digits, so 0.011 a day shows as
/// "0.011" rather than "0.0", which would read as none at all. Zeros, negatives and
/// non-finite values are ignored; none left gives 1.
pub fn rate_places(rates: &[f64]) -> u8 {
    let smallest = rates
        .iter()
        .copied()
        .filter(|r| r.is_finite() && *r > 0.0)
        .fold(f64::INFINITY, f64::min);
    if !smallest.is_finite() || smallest >= 1.0 {
        return 1;
    }
    // 0.5 → 1 place, 0.05 → 2, 0.005 → 3: the first significant digit's place plus one.
    let first = (-smallest.log10()).floor() as i32 + 1;
    (first + 1).clamp(1, 4) as u8
}

/// A wait of `minutes` (≥ 0) in the unit a reader would use: "under a minute", "12 min"
/// (below 90 minutes), "5 h" (below two days, whole hours), else "3.5 days" (one decimal,
/// ".0" dropped). Negative or non-finite waits read as "under a minute".
pub fn wait(minutes: f64) -> String {
    let m = if minutes.is_finite() { minutes } else { 0.0 };
    if m < 1.0 {
        "under a minute".to_string()
    } else if m < 90.0 {
        format!("{} min", decimal(m, 0))
    } else if m < 48.0 * 60.0 {
        format!("{} h", decimal(m / 60.0, 0))
    } else {
        let days = decimal(m / (24.0 * 60.0), 1);
        format!("{} days", days.strip_suffix(".0").unwrap_or(&days))
    }
}

/// [`wait`] after "within": "within a minute" rather than "within under a minute".
pub fn within(minutes: f64) -> String {
    if minutes.is_finite() && minutes >= 1.0 {
        wait(minutes)
    } else {
        "a minute".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_in_the_unit_a_person_would_use() {
        assert_eq!(wait(0.0), "under a minute");
        assert_eq!(wait(0.99), "under a minute");
        assert_eq!(wait(f64::NAN), "under a minute");
        assert_eq!(wait(1.0), "1 min");
        assert_eq!(wait(89.4), "89 min");
        assert_eq!(wait(90.0), "2 h");
        assert_eq!(wait(47.0 * 60.0), "47 h");
        assert_eq!(wait(48.0 * 60.0), "2 days");
        assert_eq!(wait(3.5 * 24.0 * 60.0), "3.5 days");
        assert_eq!(within(0.5), "a minute");
        assert_eq!(within(30.0), "30 min");
    }

    #[test]
    fn small_rates_keep_two_significant_digits() {
        assert_eq!(rate_places(&[2.5, 7.0]), 1);
        assert_eq!(rate_places(&[0.5, 3.0]), 2);
        assert_eq!(rate_places(&[0.011, 0.105]), 3);
        assert_eq!(decimal(0.011, rate_places(&[0.011, 0.105])), "0.011");
        assert_eq!(rate_places(&[0.0, 0.12]), 2);
        assert_eq!(rate_places(&[0.000_01]), 4);
        assert_eq!(rate_places(&[0.0, f64::NAN, -1.0]), 1);
        assert_eq!(rate_places(&[]), 1);
    }

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(score(59.5), 60.0);
        assert_eq!(score(58.5), 59.0, "not to even");
        assert_eq!(score_text(Some(34.5)), "35");
        assert_eq!(score_text(None), "–");
        assert_eq!(score_text(Some(f64::NAN)), "–");
        assert_eq!(percent(0.125), 13);
        assert_eq!(percent(0.605), 61);
        assert_eq!(decimal(4.25, 1), "4.3");
        assert_eq!(decimal(0.125, 2), "0.13");
        assert_eq!(decimal(3.0, 1), "3.0");
    }
}
