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

#[cfg(test)]
mod tests {
    use super::*;

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
