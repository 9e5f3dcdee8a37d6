//! Tolerant ISO-8601 timestamps, as exporters write them.

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, PrimitiveDateTime};

/// A point in time in UTC milliseconds, and whether the zone had to be assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instant {
    pub ms: i64,
    /// True when the text had no UTC offset and UTC was assumed.
    pub zone_assumed: bool,
}

/// Parses `2023-01-06T14:03:03.853+00:00` (any number of fractional digits, any offset,
/// `Z`), or the same without an offset (then UTC is assumed and flagged).
/// Returns `None` for anything else.
pub fn parse_iso(text: &str) -> Option<Instant> {
    let text = text.trim();
    if let Ok(t) = OffsetDateTime::parse(text, &Rfc3339) {
        return Some(Instant {
            ms: millis(t),
            zone_assumed: false,
        });
    }
    let naive = time::macros::format_description!(
        version = 2,
        "[year]-[month]-[day][first [T] [ ]][hour]:[minute]:[second][optional [.[subsecond]]]"
    );
    PrimitiveDateTime::parse(text, &naive)
        .ok()
        .map(|t| Instant {
            ms: millis(t.assume_utc()),
            zone_assumed: true,
        })
}

fn millis(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_fraction_lengths() {
        let a = parse_iso("2023-01-06T14:03:03.853+00:00");
        let b = parse_iso("2023-01-06T21:03:03.8530000+07:00");
        assert_eq!(a.map(|i| i.ms), Some(1_673_013_783_853));
        assert_eq!(a.map(|i| i.ms), b.map(|i| i.ms));
        assert_eq!(
            parse_iso("2023-01-06T14:03:03Z").map(|i| i.ms),
            Some(1_673_013_783_000)
        );
        assert_eq!(
            parse_iso("2023-01-06T14:03:03.67-05:00").map(|i| i.ms),
            Some(1_673_031_783_670)
        );
    }

    #[test]
    fn missing_zone_assumes_utc_and_says_so() {
        let i = parse_iso("2023-01-06T14:03:03.5");
        assert_eq!(
            i,
            Some(Instant {
                ms: 1_673_013_783_500,
                zone_assumed: true
            })
        );
        assert_eq!(parse_iso("yesterday"), None);
        assert_eq!(parse_iso(""), None);
    }
}
