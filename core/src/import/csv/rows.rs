//! A CSV's data rows, each with the line it starts on, and what to do with a quote that
//! never closes: the csv crate reads everything after such a quote, to the end of the
//! file, as one cell, so one stray `"` would swallow every row after it without a word.

use ::csv::{ReaderBuilder, StringRecord};

use crate::import::error::ImportError;

/// Unclosed quotes recovered from in one file. Each recovery reads the rest of the file
/// again, so a file of nothing but unclosed quotes stops here rather than costing the
/// square of its size; past it the rest stays as the csv crate read it, with a warning.
pub const MAX_QUOTE_RECOVERIES: usize = 100;

/// Where a file's rows are read from: the parts between unclosed quotes. A part starts
/// at a byte of the file; the first holds the header; a part whose last row opens a quote
/// that never closes drops that row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows<'a> {
    file: &'a str,
    bytes: &'a [u8],
    delimiter: u8,
    /// (first byte, drop the part's last row).
    parts: Vec<(usize, bool)>,
}

/// Reads the file once to find its parts (see the module doc), adding a warning per
/// unclosed quote; fails on the first row that cannot be read (not UTF-8). The rows are
/// then read, as often as needed, by [`Rows::each`], rather than held.
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
    let mut lines = Lines::new(bytes);
    let (mut from, mut recovered) = (0usize, 0usize);
    loop {
        let last = rows.read_part(from, &mut lines, &mut |_, _| Ok(()))?;
        let Some(start) = last.filter(|&start| quote_left_open(bytes, start)) else {
            rows.parts.push((from, false));
            break;
        };
        let opened_at = lines.line_at(start);
        let Some(next) = next_line(bytes, start) else {
            // The quote opens on the last line: that row is all there is to drop.
            rows.parts.push((from, true));
            warnings.push(unclosed(file, opened_at, 0, false));
            break;
        };
        if recovered == MAX_QUOTE_RECOVERIES {
            rows.parts.push((from, false));
            warnings.push(unclosed(file, opened_at, lines_after(bytes, next), true));
            break;
        }
        rows.parts.push((from, true));
        warnings.push(unclosed(file, opened_at, lines_after(bytes, next), false));
        recovered += 1;
        from = next;
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
        for &(from, drop_last) in &self.parts {
            // One row behind, so the part's last row can be dropped.
            let mut pending: Option<(usize, StringRecord)> = None;
            self.read_part(from, &mut lines, &mut |line, row| {
                let before = pending.replace((line, row.clone()));
                match before {
                    Some((line, row)) => visit(line, &row),
                    None => Ok(()),
                }
            })?;
            if let Some((line, row)) = pending.filter(|_| !drop_last) {
                visit(line, &row)?;
            }
        }
        Ok(())
    }

    /// Reads the rows from byte `from` (with the header when it is 0) to the end, calling
    /// `visit` on each non-blank one; returns the byte where the last one starts.
    fn read_part(
        &self,
        from: usize,
        lines: &mut Lines,
        visit: &mut dyn FnMut(usize, &StringRecord) -> Result<(), ImportError>,
    ) -> Result<Option<usize>, ImportError> {
        let part = self.bytes.get(from..).unwrap_or_default();
        let mut reader = ReaderBuilder::new()
            .has_headers(from == 0)
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(part);
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
                visit(line, &row)?;
            }
        }
    }
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

    /// The line of the record reported at `byte`; offsets only grow, so counting goes
    /// on from the last call.
    fn of(&mut self, byte: usize) -> usize {
        let mut start = byte.min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        self.line_at(start)
    }

    /// The line holding byte `start` (not before the last one asked about).
    fn line_at(&mut self, start: usize) -> usize {
        if start >= self.at {
            let skipped = self.bytes.get(self.at..start).unwrap_or_default();
            self.line += skipped.iter().filter(|&&b| b == b'\n').count();
            self.at = start;
        }
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
