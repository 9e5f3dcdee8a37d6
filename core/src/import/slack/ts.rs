//! Slack's time stamps: `"1736554801.872639"`, seconds and a fraction, kept as a string
//! because it is also the message id (a float would lose the digits that tell two
//! messages apart).

/// `"1736554801.872639"` → milliseconds. Digits only; any number of fraction digits.
///
/// Returns `None` when the text is not digits with an optional `.digits`, or the time
/// does not fit in milliseconds.
pub(super) fn ts_millis(ts: &str) -> Option<i64> {
    let ts = ts.trim();
    let (secs, frac) = ts.split_once('.').unwrap_or((ts, ""));
    if secs.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs: i64 = secs.parse().ok()?;
    let mut ms = 0i64;
    for i in 0..3 {
        let digit = frac.as_bytes().get(i).map_or(0, |b| i64::from(b - b'0'));
        ms = ms * 10 + digit;
    }
    secs.checked_mul(1000)?.checked_add(ms)
}

/// True for the shape detection trusts: `<digits>.<digits>`, both parts non-empty and
/// nothing around them (`"1434139102.000002"`).
pub(super) fn is_slack_ts(text: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    text.split_once('.')
        .is_some_and(|(secs, frac)| digits(secs) && digits(frac))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ts_to_millis() {
        assert_eq!(ts_millis("1736554801.872639"), Some(1_736_554_801_872));
        assert_eq!(ts_millis("1651292573.7973935"), Some(1_651_292_573_797));
        assert_eq!(ts_millis("1651292573.5"), Some(1_651_292_573_500));
        assert_eq!(ts_millis("1651292573"), Some(1_651_292_573_000));
        assert_eq!(ts_millis("soon"), None);
        assert_eq!(ts_millis("12.x"), None);
        assert_eq!(ts_millis(".5"), None);
    }

    #[test]
    fn the_shape_detection_trusts() {
        assert!(is_slack_ts("1434139102.000002"));
        assert!(is_slack_ts("1.2"));
        for not in [
            "1434139102",
            "1434139102.",
            ".5",
            "1.2.3",
            " 1.2",
            "1e9.5",
            "",
        ] {
            assert!(!is_slack_ts(not), "{not:?}");
        }
    }
}
