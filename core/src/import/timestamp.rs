//! Tolerant ISO-8601 timestamps, as exporters write them.
//!
//! Read by hand rather than by the `time` crate's parser: for these two fixed layouts that
//! parser took about 22 KB of the page's wasm (docs/PERFORMANCE.md, "Wasm size"). The
//! tests compare both on many good and bad inputs; `time` stays for dates and clocks.

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
///
/// With an offset (RFC 3339): a four-digit year, any one byte between date and time, a
/// leap second `:60` only where one may fall (read as the nanosecond before). Without:
/// an optional sign before the four-digit year, `T` or a space between date and time, at most 32
/// fractional digits. Years run from -9999 to 9999; fractions past nanoseconds are
/// ignored; milliseconds are truncated toward zero, as `time` does.
pub fn parse_iso(text: &str) -> Option<Instant> {
    let bytes = text.trim().as_bytes();
    if let Some(ms) = with_offset(bytes) {
        return Some(Instant {
            ms,
            zone_assumed: false,
        });
    }
    without_offset(bytes).map(|ms| Instant {
        ms,
        zone_assumed: true,
    })
}

/// The fields of a date and a time of day as written, not yet checked against the calendar.
struct Fields {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
    /// 0 to 999 999 999.
    nanos: i64,
}

/// RFC 3339 in UTC milliseconds, or `None`.
fn with_offset(bytes: &[u8]) -> Option<i64> {
    let mut at = Cursor(bytes);
    let year = at.digits(4)?;
    let mut fields = at.date_and_time(year, |at| at.any().map(|_| ()))?;
    if at.byte(b'.').is_some() {
        fields.nanos = at.fraction(usize::MAX)?;
    }
    let offset_minutes = if at.take_if(|b| b.eq_ignore_ascii_case(&b'Z')).is_some() {
        0
    } else {
        let sign = match at.any()? {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let hours = at.digits(2).filter(|&h| h <= 23)?;
        at.byte(b':')?;
        let minutes = at.digits(2).filter(|&m| m <= 59)?;
        sign * (hours * 60 + minutes)
    };
    at.end()?;
    let leap = fields.second == 60;
    if leap {
        fields.second = 59;
        fields.nanos = 999_999_999;
    }
    let utc_seconds = local_seconds(&fields)? - offset_minutes * 60;
    if leap && !ends_a_month(&fields, utc_seconds) {
        return None;
    }
    Some(millis(utc_seconds, fields.nanos))
}

/// `[+-]YYYY-MM-DD(T| )hh:mm:ss[.f…]` in milliseconds, UTC assumed, or `None`.
fn without_offset(bytes: &[u8]) -> Option<i64> {
    let mut at = Cursor(bytes);
    let year = match at.take_if(|b| b == b'+' || b == b'-') {
        Some(b'-') => -at.digits(4)?,
        _ => at.digits(4)?,
    };
    let mut fields = at.date_and_time(year, |at| {
        at.take_if(|b| b == b'T' || b == b' ').map(|_| ())
    })?;
    // `.` with no digit after it is not a fraction, and then not the end either.
    let mut ahead = Cursor(at.0);
    if ahead.byte(b'.').is_some() {
        if let Some(nanos) = ahead.fraction(32) {
            fields.nanos = nanos;
            at = ahead;
        }
    }
    at.end()?;
    Some(millis(local_seconds(&fields)?, fields.nanos))
}

/// Seconds from 1970-01-01T00:00:00 to the fields read as UTC, or `None` for a date or
/// time of day that does not exist (a leap second has been folded into `:59` before).
fn local_seconds(f: &Fields) -> Option<i64> {
    let valid = (-9999..=9999).contains(&f.year)
        && (1..=12).contains(&f.month)
        && f.day >= 1
        && f.day <= days_in_month(f.year, f.month)
        && f.hour <= 23
        && f.minute <= 59
        && f.second <= 59;
    valid.then(|| {
        days_from_epoch(f.year, f.month, f.day) * 86_400 + f.hour * 3_600 + f.minute * 60 + f.second
    })
}

/// Whether `utc_seconds` (a time written on the date of `local`) is 23:59:59 UTC on the
/// last day of a month: the only place a leap second may be. An offset moves the UTC
/// date at most one day from the written one.
fn ends_a_month(local: &Fields, utc_seconds: i64) -> bool {
    if utc_seconds.rem_euclid(86_400) != 86_399 {
        return false;
    }
    let written_day = days_from_epoch(local.year, local.month, local.day);
    let last = days_in_month(local.year, local.month);
    match utc_seconds.div_euclid(86_400) - written_day {
        0 => local.day == last,
        -1 => local.day == 1,
        1 => local.day + 1 == last,
        _ => false,
    }
}

/// Milliseconds from seconds and nanoseconds, truncated toward zero like `time`'s
/// `unix_timestamp_nanos() / 1_000_000`: before 1970 a part-millisecond rounds up.
fn millis(seconds: i64, nanos: i64) -> i64 {
    let floor = seconds * 1_000 + nanos / 1_000_000;
    if seconds < 0 && nanos % 1_000_000 != 0 {
        floor + 1
    } else {
        floor
    }
}

/// Days in `month` (1 to 12) of the proleptic Gregorian `year`.
fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a valid proleptic Gregorian date (negative before it).
fn days_from_epoch(year: i64, month: i64, day: i64) -> i64 {
    // Count years from March, so that the leap day ends a year; 400 years repeat exactly.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    // 719 468 days from 0000-03-01 to 1970-01-01.
    era * 146_097 + day_of_era - 719_468
}

/// The bytes not read yet.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    /// `-MM-DD`, the separator `between` reads, then `hh:mm:ss`, after a year already read.
    fn date_and_time(
        &mut self,
        year: i64,
        between: impl FnOnce(&mut Self) -> Option<()>,
    ) -> Option<Fields> {
        self.byte(b'-')?;
        let month = self.digits(2)?;
        self.byte(b'-')?;
        let day = self.digits(2)?;
        between(self)?;
        let hour = self.digits(2)?;
        self.byte(b':')?;
        let minute = self.digits(2)?;
        self.byte(b':')?;
        let second = self.digits(2)?;
        Some(Fields {
            year,
            month,
            day,
            hour,
            minute,
            second,
            nanos: 0,
        })
    }

    fn any(&mut self) -> Option<u8> {
        self.take_if(|_| true)
    }

    fn take_if(&mut self, wanted: impl Fn(u8) -> bool) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        wanted(first).then(|| {
            self.0 = rest;
            first
        })
    }

    fn byte(&mut self, wanted: u8) -> Option<u8> {
        self.take_if(|b| b == wanted)
    }

    fn digit(&mut self) -> Option<i64> {
        self.take_if(|b| b.is_ascii_digit())
            .map(|b| i64::from(b - b'0'))
    }

    /// Exactly `count` ASCII digits (at most 18) as a number.
    fn digits(&mut self, count: usize) -> Option<i64> {
        (0..count).try_fold(0, |value, _| Some(value * 10 + self.digit()?))
    }

    /// One to `max` digits after a decimal point, as nanoseconds (digits past the ninth
    /// are read and ignored).
    fn fraction(&mut self, max: usize) -> Option<i64> {
        let mut nanos = 0;
        let mut scale = 100_000_000;
        let mut read = 0;
        while read < max {
            let Some(digit) = self.digit() else { break };
            nanos += digit * scale;
            scale /= 10;
            read += 1;
        }
        (read > 0).then_some(nanos)
    }

    /// `Some` when every byte has been read.
    fn end(&self) -> Option<()> {
        self.0.is_empty().then_some(())
    }
}

#[cfg(test)]
mod tests;
