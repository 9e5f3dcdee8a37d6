//! Small wording helpers every layer's sentences share: counts, shares and plurals as the
//! report writes them.

/// A count as text, rounded to the nearest whole number ("34"), or "?" when missing.
pub fn n(x: Option<f64>) -> String {
    x.map_or_else(|| "?".to_string(), |v| format!("{}", v.round() as i64))
}

/// `count` with the singular or plural noun: "1 time", "3 times" (0 takes the plural).
pub fn plural(count: u64, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// A share (0..=1) as a whole percentage ("28%"), or "?" when missing.
pub fn pct(x: Option<f64>) -> String {
    // `round` takes halves away from zero, as every number the report shows does
    // (`{:.0}` would round them to even).
    x.map_or_else(
        || "?".to_string(),
        |v| format!("{}%", (v * 100.0).round() as i64),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_shares_and_plurals() {
        assert_eq!(n(Some(33.6)), "34");
        assert_eq!(n(None), "?");
        assert_eq!(pct(Some(0.284)), "28%");
        assert_eq!(pct(None), "?");
        assert_eq!(pct(Some(0.125)), "13%");
        assert_eq!(plural(1, "reply", "replies"), "1 reply");
        assert_eq!(plural(0, "reply", "replies"), "0 replies");
        assert_eq!(plural(3, "time", "times"), "3 times");
    }
}
