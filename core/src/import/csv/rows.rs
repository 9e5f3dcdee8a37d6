//! A CSV's data rows, each with the line it starts on, and what to do with a stray quote:
//! the csv crate reads everything after a quote that never closes, to the end of the
//! file, as one cell, and everything up to a second stray quote likewise, so one stray
//! `"` would swallow the rows after it without a word.

use std::ops::Range;

use ::csv::{ReaderBuilder, StringRecord};

use super::stray::swallows_rows;
use crate::import::error::ImportError;

/// Stray quotes recovered from in one file. Each recovery reads the rest of the file
/// again, so a file of nothing but stray quotes stops here rather than costing the
/// square of its size; past it the rest stays as the csv crate read it, with a warning.
pub const MAX_QUOTE_RECOVERIES: usize = 100;

/// Where a file's rows are read from: byte ranges between the rows a stray quote spoiled.
/// The first range holds the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows<'a> {
    file: &'a str,
    bytes: &'a [u8],
    delimiter: u8,
    parts: Vec<Range<usize>>,
}

/// Reads the file to find its parts, adding a warning per stray quote: a quote that never
/// closes (its row is skipped, the lines after it read as rows), and a quote whose cell
/// runs over lines that look like whole rows of the header's shape until another stray
/// quote closes it (see `csv/stray.rs`; its first row is skipped, the lines after it read
/// as rows). Fails on the first row that cannot be read (not UTF-8). The rows are then
/// read, as often as needed, by [`Rows::each`], rather than held.
pub fn records<'a>(
    file: &'a str,
    bytes: &'a [u8],
    delimiter: u8,
    warnings: &mut Vec<String>,
) -> Result<Rows<'a>, ImportError> {
    let mut rows = Rows {
        file,
        bytes,
        delimiter,
        parts: Vec::new(),
    };
    let width = header_width(bytes, delimiter);
    let mut lines = Lines::new(bytes);
    let (mut from, mut recovered) = (0usize, 0usize);
    loop {
        let detect = recovered < MAX_QUOTE_RECOVERIES;
        let mut swallowed = None;
        let last = rows.read_part(from..bytes.len(), &mut lines, &mut |_, _, span| {
            let record = bytes.get(span.clone()).unwrap_or_default();
            // A quote open to the end is the unclosed case below, not two stray quotes.
            let open_to_end = span.end >= bytes.len() && quote_left_open(bytes, span.start);
            if detect && !open_to_end && swallows_rows(record, delimiter, width) {
                swallowed = Some(span);
                return Ok(false);
            }
            Ok(true)
        })?;
        let (start, warning) = if let Some(span) = swallowed {
            let opened_at = lines.line_at(span.start);
            let closed_at = lines.line_at(span.end.saturating_sub(1));
            (span.start, closed(file, opened_at, closed_at))
        } else {
            let Some(start) = last.filter(|&start| quote_left_open(bytes, start)) else {
                rows.parts.push(from..bytes.len());
                break;
            };
            let opened_at = lines.line_at(start);
            let next = next_line(bytes, start);
            let after = next.map_or(0, |next| lines_after(bytes, next));
            (
                start,
                unclosed(file, opened_at, after, !detect && next.is_some()),
            )
        };
        warnings.push(warning);
        match next_line(bytes, start) {
            Some(next) if detect => {
                rows.parts.push(from..start);
                recovered += 1;
                from = next;
            }
            // Past the budget: the rest as the csv crate reads it.
            Some(_) => {
                rows.parts.push(from..bytes.len());
                break;
            }
            // The quote opens on the last line: that row is all there is to drop.
            None => {
                rows.parts.push(from..start);
                break;
            }
        }
    }
    Ok(rows)
}

impl Rows<'_> {
    /// Calls `visit` with every non-blank data row and the line it starts on (1-based; a
    /// quoted cell may span lines), in file order, one row held at a time.
    pub fn each(
        &self,
        mut visit: impl FnMut(usize, &StringRecord) -> Result<(), ImportError>,
    ) -> Result<(), ImportError> {
        let mut lines = Lines::new(self.bytes);
        for part in &self.parts {
            self.read_part(part.clone(), &mut lines, &mut |line, row, _| {
                visit(line, row).map(|()| true)
            })?;
        }
        Ok(())
    }

    /// Reads the rows of the bytes `part` (with the header when it starts at 0), calling
    /// `visit` on each non-blank one with its line and its bytes, until `visit` says
    /// stop (`false`); returns the byte where the last one read starts.
    fn read_part(
        &self,
        part: Range<usize>,
        lines: &mut Lines,
        visit: &mut RowVisit,
    ) -> Result<Option<usize>, ImportError> {
        let from = part.start;
        let mut reader = ReaderBuilder::new()
            .has_headers(from == 0)
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(self.bytes.get(part).unwrap_or_default());
        let mut last = None;
        let at = |byte: u64| {
            usize::try_from(byte)
                .unwrap_or(usize::MAX)
                .saturating_add(from)
        };
        let mut row = StringRecord::new();
        loop {
            let more = reader.read_record(&mut row).map_err(|e| {
                let line = e.position().map_or(0, |p| lines.of(at(p.byte())));
                unreadable(self.file, line, &e)
            })?;
            if !more {
                return Ok(last);
            }
            if row.iter().any(|cell| !cell.trim().is_empty()) {
                let start = row.position().map_or(0, |p| at(p.byte()));
                let line = lines.of(start);
                last = Some(lines.at);
                if !visit(line, &row, lines.at..at(reader.position().byte()))? {
                    return Ok(last);
                }
            }
        }
    }
}

/// What [`Rows::read_part`] calls per row: its line, its cells and its bytes; `false`
/// stops reading.
type RowVisit<'v> = dyn FnMut(usize, &StringRecord, Range<usize>) -> Result<bool, ImportError> + 'v;

/// The first row of `bytes` split on `delimiter`, as the header is read; `None` when
/// there is none or it cannot be read.
pub fn first_row(bytes: &[u8], delimiter: u8) -> Option<StringRecord> {
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut row = StringRecord::new();
    reader.read_record(&mut row).ok().filter(|&more| more)?;
    Some(row)
}

/// The number of cells in the header row (0 when there is none).
fn header_width(bytes: &[u8], delimiter: u8) -> usize {
    first_row(bytes, delimiter).map_or(0, |row| row.len())
}

/// The error for a row the csv crate cannot read, on `line`.
fn unreadable(file: &str, line: usize, e: &::csv::Error) -> ImportError {
    let what = match e.kind() {
        ::csv::ErrorKind::Utf8 { .. } => {
            "this row is not UTF-8 text; save the file as UTF-8".into()
        }
        _ => format!("this row cannot be read ({e})"),
    };
    ImportError::Syntax {
        file: file.to_string(),
        line,
        column: 1,
        what,
    }
}

/// True when the row starting at byte `start` opens a quote that the file never closes:
/// an odd number of `"` from there to the end (an escaped `""` counts two).
fn quote_left_open(bytes: &[u8], start: usize) -> bool {
    let rest = bytes.get(start..).unwrap_or_default();
    rest.iter().filter(|&&b| b == b'"').count() % 2 == 1
}

/// The byte after the line break that ends the line holding byte `start`.
fn next_line(bytes: &[u8], start: usize) -> Option<usize> {
    let rest = bytes.get(start..)?;
    let end = rest.iter().position(|&b| b == b'\n')?;
    Some(start + end + 1).filter(|&next| next < bytes.len())
}

/// Lines from byte `from` to the end of the file.
fn lines_after(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    rest.iter().filter(|&&b| b == b'\n').count() + usize::from(!rest.ends_with(b"\n"))
}

/// The warning for a quote opened on `line` and never closed.
fn unclosed(file: &str, line: usize, after: usize, gave_up: bool) -> String {
    if gave_up {
        format!(
            "{file}: line {line} opens a quote that is never closed, after \
             {MAX_QUOTE_RECOVERIES} others; its row and the {after} lines after it were read \
             as one row."
        )
    } else {
        format!(
            "{file}: line {line} opens a quote that is never closed; that row was skipped and \
             the {after} lines after it were read as rows of their own."
        )
    }
}

/// The warning for a quote opened on `line` and closed by another on `closing`, the rows
/// between read as rows of their own.
fn closed(file: &str, line: usize, closing: usize) -> String {
    format!(
        "{file}: line {line} opens a quote that only line {closing} closes, and the lines \
         between look like rows; line {line}'s row was skipped and the lines after it were \
         read as rows of their own."
    )
}

/// Line numbers from byte offsets. The csv crate's record position is where the previous
/// record ended, before any blank lines it skipped (and its own line count misses them),
/// so the record starts after the line breaks that follow that offset.
struct Lines<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl Lines<'_> {
    fn new(bytes: &[u8]) -> Lines<'_> {
        Lines {
            bytes,
            at: 0,
            line: 1,
        }
    }

    /// The line of the record reported at `byte`.
    fn of(&mut self, byte: usize) -> usize {
        let mut start = byte.min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        self.line_at(start)
    }

    /// The line holding byte `start`. Counting goes on from the last call, forward or,
    /// after a stray quote sent reading back to the rows it swallowed, backward.
    fn line_at(&mut self, start: usize) -> usize {
        let breaks = |range: Range<usize>| {
            let bytes = self.bytes.get(range).unwrap_or_default();
            bytes.iter().filter(|&&b| b == b'\n').count()
        };
        if start >= self.at {
            self.line += breaks(self.at..start);
        } else {
            self.line = self.line.saturating_sub(breaks(start..self.at));
        }
        self.at = start;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<(usize, String)>, Vec<String>) {
        let mut warnings = Vec::new();
        let rows = records("t.csv", text.as_bytes(), b',', &mut warnings).unwrap();
        let mut out = Vec::new();
        let each = rows.each(|l, r| {
            out.push((l, r.iter().collect::<Vec<_>>().join("|")));
            Ok(())
        });
        assert!(each.is_ok());
        (out, warnings)
    }

    #[test]
    fn an_unclosed_quote_skips_its_row_only() {
        let (rows, warnings) = read("a,b\n1,x\n2,\"oops\n3,y\n\n4,z\nlast");
        let expected = [(2, "1|x"), (4, "3|y"), (6, "4|z"), (7, "last")];
        let expected: Vec<(usize, String)> =
            expected.iter().map(|(l, r)| (*l, r.to_string())).collect();
        assert_eq!(rows, expected);
        assert_eq!(
            warnings,
            [
                "t.csv: line 3 opens a quote that is never closed; that row was skipped and the \
              4 lines after it were read as rows of their own."
            ]
        );
    }

    /// A message list of `n` rows, with a stray quote opening a cell on row `open` and
    /// another, mid-cell, on row `close` (rows counted from 1 after the header).
    fn stray(n: usize, open: usize, close: usize) -> String {
        let mut text = String::from("time,author,text\n");
        for row in 1..=n {
            let said = match row {
                r if r == open => "\"oops".to_string(),
                r if r == close => "a stray \" here".to_string(),
                r => format!("hello {r}"),
            };
            text.push_str(&format!(
                "2024-01-01T00:{:02}:00Z,P{},{said}\n",
                row % 60,
                row % 7
            ));
        }
        text
    }

    #[test]
    fn rows_between_two_stray_quotes_are_read() {
        let (rows, warnings) = read(&stray(1000, 2, 900));
        assert_eq!(
            rows.len(),
            999,
            "only the row that opened the quote is lost"
        );
        assert_eq!(rows.get(1).map(|r| r.0), Some(4), "row 3 is on line 4");
        assert!(rows
            .iter()
            .any(|(line, row)| *line == 901 && row.contains("a stray")));
        assert_eq!(
            warnings,
            [
                "t.csv: line 3 opens a quote that only line 901 closes, and the lines between \
                 look like rows; line 3's row was skipped and the lines after it were read as \
                 rows of their own."
            ]
        );
        // Several, and one left open to the end.
        let mut text = stray(300, 10, 200);
        text.push_str(&stray(300, 5, 150).replace("time,author,text\n", ""));
        text.push_str("2024-01-02T00:00:00Z,P1,\"never closed\n2024-01-02T00:01:00Z,P2,x\n");
        let (rows, warnings) = read(&text);
        assert_eq!(rows.len(), 598 + 1);
        assert_eq!(warnings.len(), 3, "{warnings:?}");
    }

    #[test]
    fn good_quotes_give_no_warning() {
        let (rows, warnings) = read("a,b\n1,\"say \"\"hi\"\"\"\n2,\"x\ny\"");
        assert_eq!(rows.len(), 2);
        assert!(warnings.is_empty());
        let (rows, warnings) = read("a,b\n1,x\n2,\"open at the end");
        assert_eq!(rows.len(), 1);
        assert_eq!(warnings.len(), 1);
    }
}
