//! A cursor over JSON bytes for the one shape read most, a DiscordChatExporter message
//! (`import/discord/scan.rs`): it reads the few fields peerscope uses and skips the rest
//! with nothing allocated, borrowing strings from the bytes.
//!
//! Why not serde_json alone: it stayed about half of the time of reading an export, most
//! of it on fields peerscope never reads (avatars, roles, embeds), each still matched by
//! name, scanned, UTF-8 checked and, when escaped, copied. This cursor checks the JSON
//! grammar as it goes but stops at the first thing it is unsure of ([`Stop::Unsure`]): the
//! caller then hands the same bytes to serde_json, so whatever the cursor reads, serde_json
//! would have read the same, and every error is still serde_json's own sentence.

use std::borrow::Cow;

use super::json_string::{next_stop, unescape};

pub(super) mod blocks;
mod key;
mod skip;

/// Why a scan stopped short of a value.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Stop {
    /// The bytes end inside the value: read more, or at the end of the file, let serde_json
    /// say so.
    End,
    /// Something the scan does not read (an error, or a valid form it leaves to serde_json).
    Unsure,
}

/// A step of a scan.
pub(super) type Scan<T> = Result<T, Stop>;

/// Containers deeper than this are left to serde_json (which refuses past 128).
const MAX_DEPTH: u32 = 100;

/// A string as it stands in the bytes, between its quotes.
#[derive(Clone, Copy)]
pub(super) struct RawStr<'a> {
    pub(super) raw: &'a [u8],
    /// It holds at least one `\` escape.
    pub(super) escaped: bool,
}

/// A position in JSON bytes.
///
/// Its small steps (`peek`, `eat`, strings, `null`, keys, `members`, `items`) are
/// `#[inline(always)]`: the page's wasm is built at opt-level "z", which left each a call of
/// its own. Inlined, the importer built as the page builds it parsed the 100 k export in
/// 0.34 s of CPU in node's V8 against 0.40 s (docs/PERFORMANCE.md, "Worker parse, session
/// 10"), for 13 KB of wasm.
pub(super) struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Cursor { bytes, at: 0 }
    }

    /// How many bytes have been read.
    pub(super) fn offset(&self) -> usize {
        self.at
    }

    /// The next byte that is not whitespace (the whitespace consumed, the byte not).
    #[inline(always)]
    pub(super) fn peek(&mut self) -> Scan<u8> {
        // Most tokens follow another with no whitespace between (`":`, `",`), and every
        // byte above the space is a token's.
        let byte = *self.bytes.get(self.at).ok_or(Stop::End)?;
        if byte > b' ' {
            return Ok(byte);
        }
        self.blank()
    }

    /// [`Cursor::peek`] past whitespace.
    ///
    /// After each whitespace byte, the spaces that follow are passed a block at a time
    /// ([`blocks::spaces_at`]): pretty-printed exports (DiscordChatExporter's) put a space
    /// after every `:` and indent every line by 2 to 20 spaces, a third of their bytes,
    /// which a loop of a branch per byte spent a quarter of a scan's instructions on.
    fn blank(&mut self) -> Scan<u8> {
        loop {
            let byte = *self.bytes.get(self.at).ok_or(Stop::End)?;
            if !matches!(byte, b' ' | b'\n' | b'\r' | b'\t') {
                return Ok(byte);
            }
            self.at += 1;
            while let Some(spaces) = blocks::spaces_at(self.bytes, self.at) {
                self.at += spaces;
                if spaces < blocks::LANES {
                    break;
                }
            }
        }
    }

    /// Consumes `byte`, the next one that is not whitespace.
    #[inline(always)]
    pub(super) fn eat(&mut self, byte: u8) -> Scan<()> {
        if self.peek()? != byte {
            return Err(Stop::Unsure);
        }
        self.at += 1;
        Ok(())
    }

    /// The string that comes next, raw; its escapes are checked to be well formed.
    #[inline(always)]
    pub(super) fn raw_string(&mut self) -> Scan<RawStr<'a>> {
        self.eat(b'"')?;
        let start = self.at;
        let mut escaped = false;
        loop {
            let stop = self.seek_stop()?;
            self.at += 1;
            match stop {
                b'"' => {
                    let raw = self.bytes.get(start..self.at - 1).ok_or(Stop::Unsure)?;
                    return Ok(RawStr { raw, escaped });
                }
                b'\\' => {
                    escaped = true;
                    self.escape()?;
                }
                _ => return Err(Stop::Unsure),
            }
        }
    }

    /// Moves to the next `"`, `\` or control byte and returns it (not consumed).
    #[inline(always)]
    fn seek_stop(&mut self) -> Scan<u8> {
        self.at = next_stop(self.bytes, self.at).ok_or(Stop::End)?;
        self.bytes.get(self.at).copied().ok_or(Stop::End)
    }

    /// Checks and consumes the rest of an escape, its `\` already read.
    fn escape(&mut self) -> Scan<()> {
        let kind = *self.bytes.get(self.at).ok_or(Stop::End)?;
        self.at += 1;
        match kind {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Ok(()),
            b'u' => {
                for _ in 0..4 {
                    let digit = *self.bytes.get(self.at).ok_or(Stop::End)?;
                    if !digit.is_ascii_hexdigit() {
                        return Err(Stop::Unsure);
                    }
                    self.at += 1;
                }
                Ok(())
            }
            _ => Err(Stop::Unsure),
        }
    }

    /// The string that comes next, borrowed when it has no escapes.
    #[inline(always)]
    pub(super) fn string(&mut self) -> Scan<Cow<'a, str>> {
        let RawStr { raw, escaped } = self.raw_string()?;
        if escaped {
            return unescape(raw).map(Cow::Owned).ok_or(Stop::Unsure);
        }
        std::str::from_utf8(raw)
            .map(Cow::Borrowed)
            .map_err(|_| Stop::Unsure)
    }

    /// `null` (as `None`) or a string.
    #[inline(always)]
    pub(super) fn string_or_null(&mut self) -> Scan<Option<Cow<'a, str>>> {
        if self.null()? {
            return Ok(None);
        }
        self.string().map(Some)
    }

    /// Consumes `null` when it comes next, saying whether it did.
    #[inline(always)]
    pub(super) fn null(&mut self) -> Scan<bool> {
        if self.peek()? != b'n' {
            return Ok(false);
        }
        self.word(b"null").map(|()| true)
    }

    /// `true` or `false`.
    pub(super) fn bool(&mut self) -> Scan<bool> {
        match self.peek()? {
            b't' => self.word(b"true").map(|()| true),
            b'f' => self.word(b"false").map(|()| false),
            _ => Err(Stop::Unsure),
        }
    }

    /// Consumes `word` (a literal), which must come next.
    fn word(&mut self, word: &[u8]) -> Scan<()> {
        let end = self.at + word.len();
        let found = self
            .bytes
            .get(self.at..end.min(self.bytes.len()))
            .unwrap_or_default();
        if !word.starts_with(found) {
            return Err(Stop::Unsure);
        }
        if found.len() < word.len() {
            return Err(Stop::End);
        }
        self.at = end;
        Ok(())
    }

    /// A whole number from 0 to `u32::MAX`, written plainly (a fraction, exponent, sign or
    /// leading zero is left to serde_json).
    pub(super) fn u32(&mut self) -> Scan<u32> {
        self.peek()?;
        let start = self.at;
        let digits = self.digits()?;
        let text = self.bytes.get(start..self.at).unwrap_or_default();
        let next = *self.bytes.get(self.at).ok_or(Stop::End)?;
        if digits == 0 || (digits > 1 && text.first() == Some(&b'0')) {
            return Err(Stop::Unsure);
        }
        if matches!(next, b'.' | b'e' | b'E') {
            return Err(Stop::Unsure);
        }
        let text = std::str::from_utf8(text).map_err(|_| Stop::Unsure)?;
        text.parse().map_err(|_| Stop::Unsure)
    }

    /// Consumes ASCII digits, saying how many; the bytes must not end inside them.
    fn digits(&mut self) -> Scan<usize> {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        let count = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if count == rest.len() {
            return Err(Stop::End);
        }
        self.at += count;
        Ok(count)
    }

    /// An object's members: `each` is given the cursor after the `:` and the key (raw; a
    /// key with escapes is left to serde_json), and must consume the value.
    #[inline(always)]
    pub(super) fn members(
        &mut self,
        mut each: impl FnMut(&mut Self, &'a [u8]) -> Scan<()>,
    ) -> Scan<()> {
        self.eat(b'{')?;
        if self.peek()? == b'}' {
            self.at += 1;
            return Ok(());
        }
        loop {
            let key = self.key()?;
            each(self, key)?;
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(Stop::Unsure),
            }
        }
    }

    /// An array's items: `each` must consume one item.
    #[inline(always)]
    pub(super) fn items(&mut self, mut each: impl FnMut(&mut Self) -> Scan<()>) -> Scan<()> {
        self.eat(b'[')?;
        if self.peek()? == b']' {
            self.at += 1;
            return Ok(());
        }
        loop {
            each(self)?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(Stop::Unsure),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_of_any_length_is_passed() {
        for spaces in 0..30 {
            for before in ["", "\n", "\r\n\t", " \t", "\n\n   \t"] {
                let text = format!("{before}{}\"a\"", " ".repeat(spaces));
                let mut cursor = Cursor::new(text.as_bytes());
                assert_eq!(cursor.peek(), Ok(b'"'), "{spaces} spaces after {before:?}");
                assert_eq!(cursor.offset(), text.len() - 3);
                let blank = text.get(..text.len() - 3).unwrap_or_default();
                assert_eq!(Cursor::new(blank.as_bytes()).peek(), Err(Stop::End));
                let stray = format!("{before}{}\u{1}\"a\"", " ".repeat(spaces));
                assert_eq!(
                    Cursor::new(stray.as_bytes()).peek(),
                    Ok(1),
                    "not whitespace"
                );
            }
        }
    }

    #[test]
    fn strings_end_at_their_quote_wherever_it_sits() {
        for len in 0..20 {
            for tail in ["", " x", "\"more\""] {
                let body = "é".repeat(len / 2) + &"s".repeat(len % 2);
                let text = format!("\"{body}\"{tail}");
                let mut cursor = Cursor::new(text.as_bytes());
                let raw = cursor.raw_string().map(|s| (s.raw, s.escaped));
                assert_eq!(raw, Ok((body.as_bytes(), false)), "{text:?}");
                assert_eq!(cursor.offset(), body.len() + 2);
                let cut = text.as_bytes().get(..body.len() + 1).unwrap_or_default();
                assert_eq!(Cursor::new(cut).raw_string().err(), Some(Stop::End));
                let escaped = format!("\"{body}\\\"{body}\"");
                let both = Cursor::new(escaped.as_bytes()).string();
                assert_eq!(
                    both.ok().as_deref(),
                    Some(format!("{body}\"{body}").as_str())
                );
                let control = format!("\"{body}\u{1}\"");
                let refused = Cursor::new(control.as_bytes()).raw_string();
                assert_eq!(refused.err(), Some(Stop::Unsure), "{control:?}");
            }
        }
    }

    #[test]
    fn reads_strings_numbers_and_flags() {
        let mut cursor = Cursor::new(br#" "a\tb" "plain" null 4294967295, true false 4294967296,"#);
        assert_eq!(cursor.string().ok().as_deref(), Some("a\tb"));
        assert!(matches!(cursor.string(), Ok(Cow::Borrowed("plain"))));
        assert_eq!(cursor.string_or_null(), Ok(None));
        assert_eq!(cursor.u32(), Ok(u32::MAX));
        cursor.eat(b',').ok();
        assert_eq!((cursor.bool(), cursor.bool()), (Ok(true), Ok(false)));
        assert_eq!(cursor.u32(), Err(Stop::Unsure), "past u32");
        for odd in ["1.0 ", "-1 ", "01 ", "1e2 "] {
            assert_eq!(
                Cursor::new(odd.as_bytes()).u32(),
                Err(Stop::Unsure),
                "{odd}"
            );
        }
    }
}
