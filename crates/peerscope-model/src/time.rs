//! Calendar days of the model's times (UTC milliseconds since the Unix epoch), as the
//! measures, the timeline and the drawings count them.

use time::OffsetDateTime;

/// The UTC calendar day number (days since 1970-01-01, negative before it) of a
/// millisecond time.
pub fn utc_day(ms: i64) -> i64 {
    ms.div_euclid(86_400_000)
}

/// `YYYY-MM-DD` of a UTC day number; `????-??-??` for a day outside the years the `time`
/// crate represents.
pub fn day_string(day: i64) -> String {
    match OffsetDateTime::from_unix_timestamp(day.saturating_mul(86_400)) {
        Ok(t) => format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day()),
        Err(_) => String::from("????-??-??"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days() {
        assert_eq!(utc_day(0), 0);
        assert_eq!(utc_day(-1), -1);
        assert_eq!(day_string(utc_day(1_673_013_783_853)), "2023-01-06");
        assert_eq!(day_string(i64::MAX), "????-??-??");
    }
}
