use super::*;

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, PrimitiveDateTime};

/// What `parse_iso` returned when it was built on the `time` crate's parser: the hand-written
/// one must agree with it everywhere.
fn by_time_crate(text: &str) -> Option<Instant> {
    let text = text.trim();
    let millis = |t: OffsetDateTime| (t.unix_timestamp_nanos() / 1_000_000) as i64;
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

fn assert_agrees(text: &str) {
    assert_eq!(parse_iso(text), by_time_crate(text), "{text:?}");
}

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

#[test]
fn leap_seconds_only_where_one_may_fall() {
    let end_of_june = parse_iso("2016-12-31T23:59:60Z").map(|i| i.ms);
    assert_eq!(end_of_june, Some(1_483_228_799_999));
    assert_eq!(parse_iso("2016-12-30T23:59:60Z"), None);
    assert_eq!(parse_iso("2016-12-31T23:59:60"), None);
    for text in [
        "2016-12-31T23:59:60Z",
        "2017-01-01T00:59:60+01:00",
        "2016-12-31T22:59:60-01:00",
        "2016-02-29T23:59:60Z",
        "2015-02-28T23:59:60Z",
        "2016-02-28T23:59:60Z",
        "2016-06-30T12:29:60-11:30",
        "2016-07-01T11:29:60+11:30",
        "2016-06-29T23:59:60-23:59",
        "2016-07-01T23:58:60+23:59",
        "2016-06-30T23:58:60Z",
        "2016-06-30T23:59:61Z",
    ] {
        assert_agrees(text);
    }
}

#[test]
fn agrees_with_the_time_crate_on_edges() {
    for text in [
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "1969-12-31T23:59:59.9995Z",
        "1969-12-31T23:59:59.0000001Z",
        "1969-12-31T23:59:59.0000001",
        "1900-02-29T00:00:00Z",
        "2000-02-29T00:00:00Z",
        "2001-02-29T00:00:00Z",
        "2023-04-31T00:00:00Z",
        "2023-00-10T00:00:00Z",
        "2023-13-10T00:00:00Z",
        "2023-01-00T00:00:00Z",
        "2023-01-06t14:03:03z",
        "2023-01-06x14:03:03+01:00",
        "2023-01-06é14:03:03+01:00",
        "2023-01-06T24:00:00Z",
        "2023-01-06T23:60:00Z",
        "2023-01-06T14:03:03+24:00",
        "2023-01-06T14:03:03+23:60",
        "2023-01-06T14:03:03-00:30",
        "2023-01-06T14:03:03+0100",
        "2023-01-06T14:03:03.Z",
        "2023-01-06T14:03:03.",
        "2023-01-06T14:03:03.+01:00",
        "+2023-01-06T14:03:03",
        "-2023-01-06T14:03:03",
        "+002023-01-06T14:03:03",
        "+0020231-01-06T14:03:03",
        "-009999-01-06T14:03:03",
        "+010000-01-06T14:03:03",
        "-0001-02-29T00:00:00",
        "-0004-02-29T00:00:00",
        "+2023-01-06T14:03:03Z",
        "2023-01-06 14:03:03",
        "2023-01-06t14:03:03",
        "2023-01-06_14:03:03",
        "2023-1-06T14:03:03",
        "20230-01-06T14:03:03",
        "  2023-01-06T14:03:03.1234567890123  ",
        "2023-01-06T14:03:03.12345678901234567890123456789012",
        "2023-01-06T14:03:03.123456789012345678901234567890123",
        "2023-01-06T14:03:03.123456789012345678901234567890123Z",
        "2023-01-06T14:03:03,5",
        "2023-01-06T14:03",
        "2023-01-06",
        "\u{a0}2023-01-06T14:03:03Z\u{2003}",
        "٢٠٢٣-01-06T14:03:03Z",
    ] {
        assert_agrees(text);
    }
}

/// A small deterministic generator, so a failure repeats.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// A timestamp near the valid layouts: fields in and just out of range, every tail.
fn near_valid(rng: &mut Lcg) -> String {
    let sign = ["", "", "", "+", "-"][rng.below(5) as usize];
    let year = if sign.is_empty() || rng.below(2) == 0 {
        format!("{:04}", rng.below(10_000))
    } else {
        format!("{:06}", rng.below(12_000))
    };
    let sep = ["T", " ", "t", "x"][rng.below(4) as usize];
    let fraction = match rng.below(4) {
        0 => String::new(),
        1 => ".".to_string(),
        _ => {
            let digits = 1 + rng.below(14) as usize;
            let text: String = (0..digits)
                .map(|_| (b'0' + rng.below(10) as u8) as char)
                .collect();
            format!(".{text}")
        }
    };
    let zone = match rng.below(5) {
        0 => String::new(),
        1 => ["Z", "z"][rng.below(2) as usize].to_string(),
        _ => format!(
            "{}{:02}:{:02}",
            ["+", "-"][rng.below(2) as usize],
            rng.below(26),
            rng.below(62)
        ),
    };
    format!(
        "{sign}{year}-{:02}-{:02}{sep}{:02}:{:02}:{:02}{fraction}{zone}",
        rng.below(14),
        rng.below(33),
        rng.below(25),
        rng.below(61),
        rng.below(62)
    )
}

#[test]
fn agrees_with_the_time_crate_on_random_timestamps() {
    let mut rng = Lcg(42);
    for _ in 0..200_000 {
        assert_agrees(&near_valid(&mut rng));
    }
}

#[test]
fn agrees_with_the_time_crate_on_every_one_byte_change() {
    let alphabet = b"0123456789+-:.TZtz x";
    for base in [
        "2023-01-06T14:03:03.853+05:30",
        "1969-12-31T23:59:59.9999-00:01",
        "2016-12-31T23:59:60Z",
        "-0001-03-01 00:00:00.5",
    ] {
        let bytes = base.as_bytes();
        for at in 0..=bytes.len() {
            let (head, tail) = bytes.split_at(at);
            let mut variants = vec![[head, tail.get(1..).unwrap_or(&[])].concat()];
            for &b in alphabet {
                variants.push([head, &[b], tail].concat());
                if let Some(rest) = tail.get(1..) {
                    variants.push([head, &[b], rest].concat());
                }
            }
            for variant in variants {
                assert_agrees(&String::from_utf8_lossy(&variant));
            }
        }
    }
}
