//! The header that starts every WhatsApp message line, in every shape phones are known to
//! write:
//! `12/9/20, 23:55 - `, `[15-01-20 02:22:56] `, `3/6/18, 1:55 p.m. - `,
//! `13.6.2018 klo 21.25.15 - `, `[2018/06/13, 21:25:15] `, `13.06.18 21.25.15: `,
//! `13. 6. 2018. 21:25:15 `. Matched by hand, field by field, rather than against a list
//! of formats, so unlisted combinations of the same parts are read too.

use std::borrow::Cow;

use time::{Date, Month, PrimitiveDateTime, Time};

/// True for the marks WhatsApp puts before headers, attachments, phone numbers and
/// mentions (LRM/RLM, bidi embeddings and isolates, BOM): they carry no text.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// One line with the invisible marks removed and no-break spaces (U+00A0, and the narrow
/// U+202F newer clients put before AM/PM) made plain, so one matcher fits every client.
/// Also returns how many characters were dropped before the first visible one, so error
/// columns point into the line as the user sees it in an editor.
///
/// Borrows the line when there is nothing to change, as on most lines, so a big chat is
/// not copied line by line.
pub fn normalise(line: &str) -> (Cow<'_, str>, usize) {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let lead = line.chars().take_while(|&c| invisible(c)).count();
    let plain = |c: char| !invisible(c) && c != '\u{00A0}' && c != '\u{202F}';
    if line.chars().all(plain) {
        return (Cow::Borrowed(line), lead);
    }
    let text = line
        .chars()
        .filter(|&c| !invisible(c))
        .map(|c| {
            if c == '\u{00A0}' || c == '\u{202F}' {
                ' '
            } else {
                c
            }
        })
        .collect();
    (Cow::Owned(text), lead)
}

/// A number as written in a header: its value, how many digits, and its byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub value: u32,
    pub digits: usize,
    pub at: usize,
}

/// How a header is written. Lines of one export all share one shape, so a line of
/// another shape inside a message ("see you 10.11.2020 12.30 - ok") is not a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Shape {
    bracket: bool,
    date_sep: u8,
    year_first: bool,
    year_digits: usize,
    time_sep: u8,
    seconds: bool,
    twelve_hour: bool,
    /// The bytes between the time (or AM/PM) and the rest: `" - "`, `"] "`, `": "`, `" "`.
    end: &'static str,
}

/// A parsed header: date fields in written order, the time, and where the rest starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub shape: Shape,
    pub date: [Field; 3],
    pub hour: Field,
    pub minute: u32,
    pub second: u32,
    /// `Some(true)` for PM, `Some(false)` for AM, `None` on a 24-hour clock.
    pub pm: Option<bool>,
    /// Byte offset of the text after the header (author and message, or a notice).
    pub rest: usize,
}

/// Reads `max` or fewer ASCII digits at `i`; fails when there are none or more.
fn number(b: &[u8], i: usize, max: usize) -> Option<(Field, usize)> {
    let len = b
        .get(i..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if len == 0 || len > max {
        return None;
    }
    let value = b
        .get(i..i + len)?
        .iter()
        .fold(0u32, |v, &d| v * 10 + u32::from(d - b'0'));
    Some((
        Field {
            value,
            digits: len,
            at: i,
        },
        i + len,
    ))
}

fn skip(b: &[u8], mut i: usize, set: &[u8]) -> usize {
    while b.get(i).is_some_and(|c| set.contains(c)) {
        i += 1;
    }
    i
}

/// Matches a header at the start of a normalised line.
pub fn parse(line: &str) -> Option<Header> {
    let b = line.as_bytes();
    let bracket = b.first() == Some(&b'[');
    let (date, i) = date(b, usize::from(bracket))?;
    let date_sep = *b.get(date[0].at + date[0].digits)?;
    let after_date = skip(b, i + usize::from(b.get(i) == Some(&b'.')), b", ");
    if after_date == i {
        return None;
    }
    let mut i = after_date;
    if line.get(i..).is_some_and(|t| t.starts_with("klo ")) {
        i += 4;
    }
    let (hour, i) = number(b, i, 2)?;
    let time_sep = *b.get(i).filter(|c| matches!(c, b':' | b'.'))?;
    let (minute, mut i) = number(b, i + 1, 2).filter(|(f, _)| f.digits == 2)?;
    let mut second = 0;
    if b.get(i) == Some(&time_sep) && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        let (s, next) = number(b, i + 1, 2).filter(|(f, _)| f.digits == 2)?;
        (second, i) = (s.value, next);
    }
    let seconds = i > minute.at + 2;
    let (pm, i) = meridiem(b, i);
    let (end, rest) = ending(line, i, bracket)?;
    let year_first = date[0].digits == 4;
    let shape = Shape {
        bracket,
        date_sep,
        year_first,
        year_digits: if year_first { 4 } else { date[2].digits },
        time_sep,
        seconds,
        twelve_hour: pm.is_some(),
        end,
    };
    Some(Header {
        shape,
        date,
        hour,
        minute: minute.value,
        second,
        pm,
        rest,
    })
}

/// Three numbers joined by one separator (`/`, `.`, `-`, spaces allowed after it, as in
/// `13. 6. 2018`). The year is four digits first, or two or four digits last.
fn date(b: &[u8], i: usize) -> Option<([Field; 3], usize)> {
    let (first, i) = number(b, i, 4)?;
    let sep = *b.get(i).filter(|c| matches!(c, b'/' | b'.' | b'-'))?;
    let (second, i) = number(b, skip(b, i + 1, b" "), 2)?;
    if b.get(i) != Some(&sep) {
        return None;
    }
    let (third, i) = number(b, skip(b, i + 1, b" "), 4)?;
    let year_ok = match (first.digits, third.digits) {
        (4, d) => d <= 2,
        (d, 2 | 4) => d <= 2,
        _ => false,
    };
    year_ok.then_some(([first, second, third], i))
}

/// An optional AM/PM marker after the time: `AM`, `pm`, `p.m.`, `a. m.` (the space
/// before it may have been a narrow no-break space). Not a marker when a letter follows,
/// so `23:55 Amy: hi` keeps its author.
fn meridiem(b: &[u8], at: usize) -> (Option<bool>, usize) {
    let i = skip(b, at, b" ");
    let pm = match b.get(i).map(u8::to_ascii_lowercase) {
        Some(b'a') => false,
        Some(b'p') => true,
        _ => return (None, at),
    };
    let mut j = i + 1;
    j += usize::from(b.get(j) == Some(&b'.'));
    j += usize::from(b.get(j) == Some(&b' '));
    if b.get(j).map(u8::to_ascii_lowercase) != Some(b'm') {
        return (None, at);
    }
    j += 1;
    j += usize::from(b.get(j) == Some(&b'.'));
    if b.get(j).is_some_and(u8::is_ascii_alphabetic) {
        return (None, at);
    }
    (Some(pm), j)
}

/// What separates the header from the rest, and where the rest starts.
fn ending(line: &str, i: usize, bracket: bool) -> Option<(&'static str, usize)> {
    let tail = line.get(i..)?;
    let ends: &[&'static str] = if bracket {
        &["] ", "]", " ] "]
    } else {
        &[" - ", " \u{2013} ", ": ", " "]
    };
    let end = ends.iter().find(|e| tail.starts_with(**e))?;
    let rest = i + end.len();
    (rest < line.len()).then_some((end, rest))
}

/// Which of the two non-year date fields is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    DayFirst,
    MonthFirst,
}

impl Order {
    pub fn pattern(self, year_first: bool) -> &'static str {
        match (self, year_first) {
            (Order::DayFirst, false) => "day/month/year",
            (Order::MonthFirst, false) => "month/day/year",
            (Order::DayFirst, true) => "year/day/month",
            (Order::MonthFirst, true) => "year/month/day",
        }
    }
}

impl Header {
    /// The date starts with a four-digit year (`2018/06/13`).
    pub fn year_first(&self) -> bool {
        self.shape.year_first
    }

    /// The two non-year fields in written order.
    pub fn pair(&self) -> (Field, Field) {
        let [a, b, c] = self.date;
        if self.shape.year_first {
            (b, c)
        } else {
            (a, b)
        }
    }

    /// The header's time in milliseconds, reading local time as UTC, or the offset of
    /// the field that makes it impossible (a 13th month, a 25th hour).
    pub fn millis(&self, order: Order) -> Result<i64, usize> {
        let [a, _, c] = self.date;
        let year = if self.shape.year_first { a } else { c };
        let (p, q) = self.pair();
        let (day, month) = match order {
            Order::DayFirst => (p, q),
            Order::MonthFirst => (q, p),
        };
        let full_year = if year.digits <= 2 {
            2000 + year.value
        } else {
            year.value
        };
        let month = u8::try_from(month.value)
            .ok()
            .and_then(|m| Month::try_from(m).ok())
            .ok_or(month.at)?;
        let date = u8::try_from(day.value)
            .ok()
            .and_then(|d| Date::from_calendar_date(full_year as i32, month, d).ok())
            .ok_or(day.at)?;
        let hour = match self.pm {
            None if self.hour.value < 24 => Some(self.hour.value),
            Some(pm) if (1..=12).contains(&self.hour.value) => {
                Some(self.hour.value % 12 + if pm { 12 } else { 0 })
            }
            _ => None,
        };
        let hour = hour
            .and_then(|h| u8::try_from(h).ok())
            .ok_or(self.hour.at)?;
        let time = u8::try_from(self.minute)
            .ok()
            .zip(u8::try_from(self.second).ok())
            .and_then(|(m, s)| Time::from_hms(hour, m, s).ok())
            .ok_or(self.hour.at)?;
        let t = PrimitiveDateTime::new(date, time).assume_utc();
        Ok((t.unix_timestamp_nanos() / 1_000_000) as i64)
    }
}

/// Infers the day/month order of a file's headers. A first field above 12 means
/// day-first, a second above 12 month-first. Without such a date, the order under which
/// the messages run most nearly in time order wins (ties: day-first, the most common
/// order, or year/month/day for year-first dates). The flag says the choice was a guess
/// that changes some date.
pub fn infer_order(headers: impl Iterator<Item = Header> + Clone) -> (Order, bool) {
    let year_first = headers.clone().next().is_some_and(|h| h.shape.year_first);
    let default = if year_first {
        Order::MonthFirst
    } else {
        Order::DayFirst
    };
    let (mut day_first, mut month_first, mut differ) = (0usize, 0usize, false);
    for h in headers.clone() {
        let (p, q) = h.pair();
        day_first += usize::from(p.value > 12);
        month_first += usize::from(q.value > 12);
        differ |= p.value != q.value;
    }
    if day_first + month_first > 0 {
        let order = match day_first.cmp(&month_first) {
            std::cmp::Ordering::Greater => Order::DayFirst,
            std::cmp::Ordering::Less => Order::MonthFirst,
            std::cmp::Ordering::Equal => default,
        };
        return (order, false);
    }
    let backwards = |order: Order| {
        let times = headers.clone().map(|h| h.millis(order).ok());
        times
            .clone()
            .zip(times.skip(1))
            .filter(|pair| matches!(pair, (Some(a), Some(b)) if b < a))
            .count()
    };
    let (d, m) = (backwards(Order::DayFirst), backwards(Order::MonthFirst));
    let order = match d.cmp(&m) {
        std::cmp::Ordering::Less => Order::DayFirst,
        std::cmp::Ordering::Greater => Order::MonthFirst,
        std::cmp::Ordering::Equal => default,
    };
    (order, differ)
}

#[cfg(test)]
mod tests;
