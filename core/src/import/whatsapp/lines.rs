//! A chat's text cut into messages: header lines start one, other lines continue it.

use super::header::{self, normalise, Header, Order, Shape};
use crate::import::error::ImportError;
use crate::import::plain::excerpt;

/// One message as written: its header line and the lines that continue it.
pub struct Entry {
    /// 1-based line number of the header.
    pub line: usize,
    /// Invisible characters dropped before the header (for error columns).
    pub lead: usize,
    pub header: Header,
    /// The header itself, as text, for error messages.
    pub head: String,
    /// The raw text after `Name: ` began with an LRM mark (iOS notices do).
    pub marked: bool,
    /// Everything after the header, continuation lines joined with `\n`.
    pub body: String,
}

/// Splits the text into messages. Only lines with the file's most common header shape
/// start a message, so a date and time quoted inside a message stays text. Returns the
/// messages and the count of non-blank lines before the first one.
pub fn entries(file: &str, text: &str) -> Result<(Vec<Entry>, usize), ImportError> {
    let lines: Vec<(&str, (String, usize))> = text.lines().map(|l| (l, normalise(l))).collect();
    let parsed: Vec<Option<Header>> = lines.iter().map(|(_, (l, _))| header::parse(l)).collect();
    let Some(shape) = dominant(&parsed) else {
        return Err(ImportError::Syntax {
            file: file.to_string(),
            line: 1,
            column: 1,
            what: "no line starts like a WhatsApp message (\"31/12/20, 23:55 - Name: text\" \
                   or \"[31/12/20 23:55:00] Name: text\"); export the chat again as a .txt"
                .into(),
        });
    };
    let (mut out, mut before): (Vec<Entry>, usize) = (Vec::new(), 0);
    for (at, ((raw, (norm, lead)), h)) in lines.iter().zip(&parsed).enumerate() {
        match h.filter(|h| h.shape == shape) {
            Some(h) => out.push(Entry {
                line: at + 1,
                lead: *lead,
                header: h,
                head: norm.get(..h.rest).unwrap_or_default().trim().to_string(),
                marked: raw.contains(": \u{200E}"),
                body: norm.get(h.rest..).unwrap_or_default().to_string(),
            }),
            None => match out.last_mut() {
                Some(e) => {
                    e.body.push('\n');
                    e.body.push_str(norm);
                }
                None => before += usize::from(!norm.trim().is_empty()),
            },
        }
    }
    Ok((out, before))
}

/// The most common header shape (the earliest one on a tie).
fn dominant(parsed: &[Option<Header>]) -> Option<Shape> {
    let mut counts: Vec<(Shape, usize)> = Vec::new();
    for h in parsed.iter().flatten() {
        match counts.iter_mut().find(|(s, _)| *s == h.shape) {
            Some((_, n)) => *n += 1,
            None => counts.push((h.shape, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(s, _)| s)
}

/// The time of every entry, or an error at the first impossible date or time.
pub fn times(file: &str, entries: &[Entry], order: Order) -> Result<Vec<i64>, ImportError> {
    entries
        .iter()
        .map(|e| {
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
        })
        .collect()
}

/// Why the header `head` is refused, read in the date order `pattern` ("day/month/year").
fn not_a_date(head: &str, pattern: &str) -> String {
    format!(
        "\"{}\" is not a real date and time (read as {pattern}, as the rest of the chat is)",
        excerpt(head)
    )
}
