//! A window over a JSON stream in which each value is parsed in place: strings borrow the
//! window's bytes instead of being copied out one by one, as serde_json does when it reads
//! from an `io::Read` (that path read a 1.4 GB export at about 150 MB/s; parsing slices in
//! place is what lets a streamed file be read near serde_json's speed on bytes in memory).
//!
//! The window holds one read buffer (2 MiB, grown only for a single value longer than
//! half of it) that is refilled as values are consumed; a value cut by the end of the
//! buffer is parsed again once the next read has completed it, so no value is ever seen
//! half. Positions in errors are the file's lines and columns: the lines of the bytes the
//! window lets go are counted as it lets them go.

use super::fed::Fed;

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::json_error;
use super::json_scan::blocks::newlines;
use super::json_scan::{Cursor, Scan, Stop};
use crate::import::error::ImportError;

/// Bytes the window holds: twice the CLI's 1 MiB `BufReader`, so that its reads, of at
/// least 1 MiB, go straight to the file instead of being copied through that buffer (std's
/// `BufReader` passes on a read at least as large as its buffer when its buffer is empty).
/// The worker's reader (`src/import/blob_reader.rs`) copies each read straight out of the
/// browser's slice, whatever its size.
pub(super) const WINDOW_BYTES: usize = 2 << 20;

/// One attempt at parsing the next value in the window.
pub(super) enum Parsed<T> {
    /// The value and the bytes it took, whitespace before it included.
    Value(T, usize),
    /// The window ends inside the value: refill and try again.
    Cut,
}

/// A JSON stream read through a reusable buffer.
pub(super) struct JsonWindow<'f, R> {
    file: &'f str,
    reader: R,
    buf: Vec<u8>,
    /// The buffer's size until a value longer than half of it grows the buffer.
    window: usize,
    /// `buf[start..end]` is read and not yet consumed.
    start: usize,
    end: usize,
    /// The reader has nothing more.
    eof: bool,
    /// Newlines in the bytes let go so far, and bytes since the last of them.
    lines: usize,
    column: usize,
}

impl<'f, R: Fed> JsonWindow<'f, R> {
    /// A window on `reader`, the contents of `file` (named in errors).
    pub(super) fn new(file: &'f str, reader: R) -> Self {
        Self::with_window(file, reader, WINDOW_BYTES)
    }

    /// [`JsonWindow::new`] reading `window` bytes at once (at least 1).
    pub(super) fn with_window(file: &'f str, reader: R, window: usize) -> Self {
        JsonWindow {
            file,
            reader,
            window: window.max(1),
            buf: Vec::new(),
            start: 0,
            end: 0,
            eof: false,
            lines: 0,
            column: 0,
        }
    }

    /// The file's name, as errors give it.
    pub(super) fn file(&self) -> &'f str {
        self.file
    }

    /// The bytes read and not consumed yet.
    pub(super) fn rest(&self) -> &[u8] {
        self.buf.get(self.start..self.end).unwrap_or_default()
    }

    /// Marks `n` bytes of [`JsonWindow::rest`] as consumed.
    pub(super) fn consume(&mut self, n: usize) {
        self.start = (self.start + n).min(self.end);
    }

    /// Reads more: moves what is left to the front (counting the lines let go), grows the
    /// buffer when what is left fills half of it, and reads until half a window came, the
    /// buffer is full or the reader ends. Returns false when nothing more came (the end).
    pub(super) async fn refill(&mut self) -> Result<bool, ImportError> {
        if self.eof {
            return Ok(false);
        }
        self.let_go();
        let left = self.end;
        let want = (left * 2).max(self.window);
        if self.buf.len() < want {
            self.buf
                .try_reserve_exact(want - self.buf.len())
                .map_err(|_| self.unreadable("there is not enough memory for one of its values"))?;
            self.buf.resize(want, 0);
        }
        let before = self.end;
        while self.end < self.buf.len() && self.end - before < (self.window / 2).max(1) {
            let into = self.buf.get_mut(self.end..).unwrap_or_default();
            let reader = &mut self.reader;
            match std::future::poll_fn(|cx| reader.poll_read(cx, into)).await {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => self.end += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(self.unreadable(&e.to_string())),
            }
        }
        Ok(self.end > before)
    }

    /// Drops the consumed bytes from the front, counting their lines.
    fn let_go(&mut self) {
        let gone = self.buf.get(..self.start).unwrap_or_default();
        let (lines, column) = advance(self.lines, self.column, gone);
        (self.lines, self.column) = (lines, column);
        self.buf.copy_within(self.start..self.end, 0);
        self.end -= self.start;
        self.start = 0;
    }

    /// The next byte that is not JSON whitespace (consuming the whitespace), refilling as
    /// needed; `None` at the end of the stream.
    pub(super) async fn peek(&mut self) -> Result<Option<u8>, ImportError> {
        loop {
            let rest = self.rest();
            let blank = rest
                .iter()
                .position(|b| !matches!(b, b' ' | b'\n' | b'\r' | b'\t'));
            match blank {
                Some(at) => {
                    let byte = rest.get(at).copied();
                    self.consume(at);
                    return Ok(byte);
                }
                None => {
                    let all = rest.len();
                    self.consume(all);
                    if !self.refill().await? {
                        return Ok(None);
                    }
                }
            }
        }
    }

    /// Consumes `byte`, the next one that is not whitespace, or says which of `expected`
    /// (in words, e.g. "`,` or `]`") was wanted.
    pub(super) async fn expect(&mut self, byte: u8, expected: &str) -> Result<(), ImportError> {
        match self.peek().await? {
            Some(b) if b == byte => {
                self.consume(1);
                Ok(())
            }
            found => Err(self.unexpected(found, expected)),
        }
    }

    /// The sentence for finding `found` (`None`: the end) where `expected` was wanted, at
    /// the start of [`JsonWindow::rest`].
    pub(super) fn unexpected(&self, found: Option<u8>, expected: &str) -> ImportError {
        let (line, column) = self.here();
        let what = match found {
            None => json_error::TRUNCATED.to_string(),
            Some(_) => format!("this is not valid JSON (expected {expected})"),
        };
        ImportError::Syntax {
            file: self.file.to_string(),
            line,
            column,
            what,
        }
    }

    /// The sentence for well-formed JSON that is not the export's shape (`detail`, e.g.
    /// "missing field `channel`"), at the start of [`JsonWindow::rest`].
    pub(super) fn unexpected_content(&self, detail: &str) -> ImportError {
        let (line, column) = self.here();
        ImportError::Syntax {
            file: self.file.to_string(),
            line,
            column,
            what: format!("unexpected content for this export format ({detail})"),
        }
    }

    /// Line and column (both from 1) of the first byte of [`JsonWindow::rest`]: where an
    /// importer reading through the window places a sentence of its own.
    pub(super) fn here(&self) -> (usize, usize) {
        let seen = self.buf.get(..self.start).unwrap_or_default();
        let (lines, column) = advance(self.lines, self.column, seen);
        (lines + 1, column + 1)
    }

    /// A serde_json error met parsing [`JsonWindow::rest`], with the file's line and column.
    pub(super) fn error(&self, err: &serde_json::Error) -> ImportError {
        let (line, column) = self.here();
        json_error::from_serde_at(self.file, err, line - 1, column - 1)
    }

    fn unreadable(&self, why: &str) -> ImportError {
        ImportError::Unrecognised {
            file: self.file.to_string(),
            what: format!("cannot be read ({why})"),
        }
    }

    /// Parses the next value in the window as an `F::Of` borrowing from it, refilling
    /// while the window cuts it, and hands it to `use_value`; `None` at the end of the
    /// stream (only whitespace left).
    ///
    /// The value borrows the window, so it lives only as long as the call to `use_value`.
    pub(super) async fn next<F: FromWindow, O>(
        &mut self,
        mut use_value: impl FnMut(F::Of<'_>) -> O,
    ) -> Result<Option<O>, ImportError> {
        loop {
            let at_end = self.eof;
            // The value's borrow of the window ends before the window moves on.
            let rest = self.rest();
            let scanned = match F::scan(rest) {
                // Ending right at the window's end, a value may go on (see `parse`).
                Ok((_, used)) if used >= rest.len() && !at_end => Some(Parsed::Cut),
                Ok((value, used)) => Some(Parsed::Value(value, used)),
                Err(Stop::End) if !at_end => Some(Parsed::Cut),
                Err(_) => None,
            };
            let step = match scanned.map_or_else(|| parse::<F::Of<'_>>(rest, at_end), Ok) {
                Ok(Parsed::Value(value, used)) => Ok(Some((use_value(value), used))),
                Ok(Parsed::Cut) => Ok(None),
                Err(e) => Err(e),
            };
            match step {
                Ok(Some((out, used))) => {
                    self.consume(used);
                    return Ok(Some(out));
                }
                Ok(None) if at_end => return Ok(None),
                Ok(None) => {
                    self.refill().await?;
                }
                Err(e) => return Err(self.error(&e)),
            }
        }
    }
}

/// A type that [`JsonWindow::next`] parses, borrowing the window for `'a`.
pub(super) trait FromWindow {
    type Of<'a>: Deserialize<'a>;

    /// Reads the value at the start of `bytes` (whitespace before it allowed) faster than
    /// serde_json can, with the bytes it took; [`Stop::Unsure`] hands it to serde_json,
    /// which is all a type without a faster reader does.
    fn scan(_bytes: &[u8]) -> Scan<(Self::Of<'_>, usize)> {
        Err(Stop::Unsure)
    }
}

/// Any value, passed over unread: what a stream takes for a key it does not use.
pub(super) struct Skipped;
impl FromWindow for Skipped {
    type Of<'a> = IgnoredAny;

    fn scan(bytes: &[u8]) -> Scan<(IgnoredAny, usize)> {
        let mut cursor = Cursor::new(bytes);
        cursor.skip().map(|()| (IgnoredAny, cursor.offset()))
    }
}

/// Tries to parse one `T` at the start of `bytes` (after any whitespace).
///
/// [`Parsed::Cut`] when `bytes` ends inside the value, or ends right where the value does
/// while more may follow (`at_end` false): a number there may go on in the next read.
pub(super) fn parse<'a, T: Deserialize<'a>>(
    bytes: &'a [u8],
    at_end: bool,
) -> Result<Parsed<T>, serde_json::Error> {
    let mut values = serde_json::Deserializer::from_slice(bytes).into_iter::<T>();
    match values.next() {
        Some(Ok(value)) => {
            let used = values.byte_offset();
            if used >= bytes.len() && !at_end {
                Ok(Parsed::Cut)
            } else {
                Ok(Parsed::Value(value, used))
            }
        }
        Some(Err(e)) if e.is_eof() && !at_end => Ok(Parsed::Cut),
        Some(Err(e)) => Err(e),
        // Only whitespace: the end, or more to read.
        None => Ok(Parsed::Cut),
    }
}

/// The line count and column after `bytes`, starting from `lines` and `column`.
fn advance(lines: usize, column: usize, bytes: &[u8]) -> (usize, usize) {
    match bytes.iter().rposition(|&b| b == b'\n') {
        Some(last) => (lines + newlines(bytes), bytes.len() - last - 1),
        None => (lines, column + bytes.len()),
    }
}
