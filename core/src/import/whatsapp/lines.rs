//! A chat's text cut into messages: header lines start one, other lines continue it.

use std::borrow::Cow;
use std::slice::SliceIndex;

use super::header::{self, normalise, Header, Order, Shape};
use crate::import::error::ImportError;
use crate::import::plain::excerpt;

/// One message as written: its header line and the lines that continue it. Borrows
/// from the chat's text where it can (a one-line message with no invisible marks), so
/// the messages of a big chat are not a second copy of it.
pub struct Entry<'a> {
    /// 1-based line number of the header.
    pub line: usize,
    /// Invisible characters dropped before the header (for error columns).
    pub lead: usize,
    pub header: Header,
    /// The header itself, as text, for error messages (with the space after it).
    pub head: Cow<'a, str>,
    /// The raw text after `Name: ` began with an LRM mark (iOS notices do).
    pub marked: bool,
    /// Everything after the header, continuation lines joined with `\n`.
    pub body: Cow<'a, str>,
}

/// The lines of a chat. Besides `\n` and `\r\n`, a lone `\r` (old Mac editors) and the
/// Unicode line and paragraph separators U+2028 and U+2029 (what some phones and
/// editors write) end a line, so such a chat is not read as one message.
pub fn split(text: &str) -> impl Iterator<Item = &str> + Clone {
    let mut rest = Some(text).filter(|t| !t.is_empty());
    std::iter::from_fn(move || {
        let now = rest?;
        match now.find(['\n', '\r', '\u{2028}', '\u{2029}']) {
            Some(at) => {
                let line = now.get(..at).unwrap_or_default();
                let after = now.get(at..).unwrap_or_default();
                let width = if after.starts_with("\r\n") {
                    2
                } else {
                    after.chars().next().map_or(1, char::len_utf8)
                };
                rest = after.get(width..).filter(|r| !r.is_empty());
                Some(line)
            }
            None => {
                rest = None;
                Some(now)
            }
        }
    })
}

/// `range` of a normalised line, borrowed when the line was.
fn part<'a>(norm: &Cow<'a, str>, range: impl SliceIndex<str, Output = str>) -> Cow<'a, str> {
    match norm {
        Cow::Borrowed(line) => Cow::Borrowed(line.get(range).unwrap_or_default()),
        Cow::Owned(line) => Cow::Owned(line.get(range).unwrap_or_default().to_string()),
    }
}

/// The most common header shape of the text's lines, or an error at line 1 when no line
/// starts like a WhatsApp message. Only lines of this shape start a message, so a date
/// and time quoted inside a message stays text.
pub fn shape(file: &str, text: &str) -> Result<Shape, ImportError> {
    let shapes = split(text).filter_map(|l| header::parse(&normalise(l).0).map(|h| h.shape));
    dominant(shapes).ok_or_else(|| ImportError::Syntax {
        file: file.to_string(),
        line: 1,
        column: 1,
        what: "no line starts like a WhatsApp message (\"31/12/20, 23:55 - Name: text\" \
               or \"[31/12/20 23:55:00] Name: text\"); export the chat again as a .txt"
            .into(),
    })
}

/// The messages of the text, one at a time (each pass over a big chat re-reads the text
/// rather than holding every message), with the count of non-blank lines before the
/// first one in [`Entries::before`] once the first message is out.
#[derive(Clone)]
pub struct Entries<'a, I: Iterator<Item = &'a str> + Clone> {
    lines: std::iter::Peekable<std::iter::Enumerate<I>>,
    shape: Shape,
    /// Non-blank lines before the first message (complete once one message is out).
    pub before: usize,
}

/// The messages of `text` whose headers have `shape` (see [`shape`]).
pub fn entries(text: &str, shape: Shape) -> Entries<'_, impl Iterator<Item = &str> + Clone + '_> {
    Entries {
        lines: split(text).enumerate().peekable(),
        shape,
        before: 0,
    }
}

impl<'a, I: Iterator<Item = &'a str> + Clone> Entries<'a, I> {
    /// The header of a line, when it starts a message.
    fn header(&self, norm: &str) -> Option<Header> {
        header::parse(norm).filter(|h| h.shape == self.shape)
    }
}

impl<'a, I: Iterator<Item = &'a str> + Clone> Iterator for Entries<'a, I> {
    type Item = Entry<'a>;

    fn next(&mut self) -> Option<Entry<'a>> {
        let (at, raw, norm, lead, h) = loop {
            let (at, raw) = self.lines.next()?;
            let (norm, lead) = normalise(raw);
            match self.header(&norm) {
                Some(h) => break (at, raw, norm, lead, h),
                None => self.before += usize::from(!norm.trim().is_empty()),
            }
        };
        let mut entry = Entry {
            line: at + 1,
            lead,
            header: h,
            head: part(&norm, ..h.rest),
            marked: raw.contains(": \u{200E}"),
            body: part(&norm, h.rest..),
        };
        while let Some(&(_, next)) = self.lines.peek() {
            let (norm, _) = normalise(next);
            if self.header(&norm).is_some() {
                break;
            }
            let body = entry.body.to_mut();
            body.push('\n');
            body.push_str(&norm);
            self.lines.next();
        }
        Some(entry)
    }
}

/// The most common header shape (the earliest one on a tie).
fn dominant(shapes: impl Iterator<Item = Shape>) -> Option<Shape> {
    let mut counts: Vec<(Shape, usize)> = Vec::new();
    for shape in shapes {
        match counts.iter_mut().find(|(s, _)| *s == shape) {
            Some((_, n)) => *n += 1,
            None => counts.push((shape, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(s, _)| s)
}

/// The time of an entry, or the error naming its impossible date or time.
pub fn time(file: &str, e: &Entry, order: Order) -> Result<i64, ImportError> {
    e.header.millis(order).map_err(|offset| {
        let before = e.head.get(..offset.min(e.head.len())).unwrap_or_default();
        let year_first = e.header.year_first();
        ImportError::Syntax {
            file: file.to_string(),
            line: e.line,
            column: e.lead + before.chars().count() + 1,
            what: not_a_date(&e.head, order.pattern(year_first)),
        }
    })
}

/// Why the header `head` is refused, read in the date order `pattern` ("day/month/year").
fn not_a_date(head: &str, pattern: &str) -> String {
    format!(
        "\"{}\" is not a real date and time (read as {pattern}, as the rest of the chat is)",
        excerpt(head.trim())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_end_ends_a_line() {
        let lines: Vec<&str> = split("a\nb\r\nc\rd\u{2028}e\u{2029}f\r\n").collect();
        assert_eq!(lines, ["a", "b", "c", "d", "e", "f"]);
        assert_eq!(split("").count(), 0);
        assert_eq!(split("\n\nx").collect::<Vec<_>>(), ["", "", "x"]);
    }

    #[test]
    fn a_chat_with_carriage_returns_or_separators_is_many_messages() {
        for end in ["\r", "\u{2028}", "\u{2029}", "\r\n"] {
            let text = ["1/1/21, 10:00 - a: one", "1/1/21, 10:01 - b: two", "more"].join(end);
            let shape = shape("c.txt", &text).map_err(|e| e.to_string()).unwrap();
            let entries: Vec<Entry> = entries(&text, shape).collect();
            assert_eq!(entries.len(), 2, "{end:?}");
            assert_eq!(
                entries.get(1).map(|e| e.body.as_ref()),
                Some("b: two\nmore")
            );
        }
    }
}
