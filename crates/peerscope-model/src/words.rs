//! Small wording helpers every layer's sentences share: counts, shares and plurals as the
//! report writes them.

/// `count` with the singular or plural noun: "1 time", "3 times" (0 takes the plural).
pub fn plural(count: u64, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// A share (0..=1) as a whole percentage ("28%"). There is no text for a missing share:
/// a sentence that has none says so in words ("not measured"), never with a "?".
pub fn pct(x: f64) -> String {
    // `round` takes halves away from zero, as every number the report shows does
    // (`{:.0}` would round them to even).
    format!("{}%", (x * 100.0).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_shares_and_plurals() {
        assert_eq!(pct(0.284), "28%");
        assert_eq!(pct(0.125), "13%");
        assert_eq!(pct(-0.125), "-13%");
        assert_eq!(plural(1, "reply", "replies"), "1 reply");
        assert_eq!(plural(0, "reply", "replies"), "0 replies");
        assert_eq!(plural(3, "time", "times"), "3 times");
    }
}
