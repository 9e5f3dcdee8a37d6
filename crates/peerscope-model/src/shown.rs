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
