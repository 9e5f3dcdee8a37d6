//! [`decimal_id`]: an id as a number, when it is written as one in a single way.
//!
//! Discord's snowflakes and Telegram's message ids are decimal numbers; held as `u64` they
//! key the people cache (`import/discord/people.rs`) and tell a space's newest message
//! (`message_index/ascending.rs`) without hashing text.

/// `id` as a number when it is written the one way: 1 to 19 ASCII digits, without a
/// leading zero unless it is "0" (so two ids that differ as text never share a number);
/// `None` otherwise (Slack's "1700000000.000100", a URL, "007", "+7", an empty id, digits
/// of other scripts).
pub fn decimal_id(id: &str) -> Option<u64> {
    let digits = id.as_bytes();
    let leading_zero = digits.len() > 1 && digits.first() == Some(&b'0');
    if !matches!(digits.len(), 1..=19) || leading_zero {
        return None;
    }
    // 19 digits stay below u64::MAX (about 1.8e19), so this never overflows.
    digits.iter().try_fold(0u64, |n, &d| {
        d.is_ascii_digit().then(|| n * 10 + u64::from(d - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ids_written_one_way_are_numbers() {
        assert_eq!(decimal_id("0"), Some(0));
        assert_eq!(
            decimal_id("1174110012134391808"),
            Some(1_174_110_012_134_391_808)
        );
        assert_eq!(
            decimal_id("9999999999999999999"),
            Some(9_999_999_999_999_999_999)
        );
        for other in [
            "",
            "07",
            "00",
            "12a",
            "1.5",
            "-3",
            "10000000000000000000",
            "١٢",
        ] {
            assert_eq!(decimal_id(other), None, "{other:?}");
        }
    }

    #[test]
    fn ids_are_numbers_only_when_written_one_way() {
        assert_eq!(decimal_id("1175928849142784060"), Some(1175928849142784060));
        assert_eq!(decimal_id("0"), Some(0));
        assert_eq!(decimal_id("007"), None, "\"007\" and \"7\" are two ids");
        assert_eq!(decimal_id("+7"), None);
        assert_eq!(decimal_id("12345678901234567890"), None, "past 19 digits");
        assert_eq!(decimal_id(""), None);
        assert_eq!(decimal_id("ann"), None);
        assert_eq!(
            decimal_id("9999999999999999999"),
            Some(9_999_999_999_999_999_999)
        );
        assert_eq!(decimal_id("12a"), None);
        assert_eq!(decimal_id("١٢"), None, "digits of other scripts are text");
    }
}
