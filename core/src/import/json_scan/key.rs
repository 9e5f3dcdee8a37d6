//! Reading an object's keys: what a [`Cursor`] does about 36 times in every
//! DiscordChatExporter message, most of them for fields it then skips.

use super::{blocks, Cursor, Scan, Stop};

impl<'a> Cursor<'a> {
    /// A key without escapes and its `:`.
    ///
    /// Most keys are short, plain ASCII and followed straight by `:` (`"id":`), so they
    /// are read a block at a time ([`blocks::ascii_plain_at`]): the first byte that is `"`,
    /// `\`, a control or past ASCII ends the look, and a `"` then `:` there is the whole
    /// key. Anything else takes [`Cursor::slow_key`].
    #[inline(always)]
    pub(super) fn key(&mut self) -> Scan<&'a [u8]> {
        if self.peek()? != b'"' {
            return Err(Stop::Unsure);
        }
        let start = self.at + 1;
        let mut end = start;
        while let Some(plain) = blocks::ascii_plain_at(self.bytes, end) {
            end += plain;
            if plain == blocks::LANES {
                continue;
            }
            if let (Some(b'"'), Some(b':')) = (self.bytes.get(end), self.bytes.get(end + 1)) {
                // The one space most writers put after the `:` goes with it.
                let space = self.bytes.get(end + 2) == Some(&b' ');
                self.at = end + 2 + usize::from(space);
                return self.bytes.get(start..end).ok_or(Stop::Unsure);
            }
            break;
        }
        self.slow_key()
    }

    /// [`Cursor::key`] byte by byte: a key near the end of the bytes, with whitespace
    /// before its `:`, or with bytes past ASCII. A key with escapes, or that is not UTF-8
    /// (which serde_json refuses where it reads keys), is left to serde_json.
    fn slow_key(&mut self) -> Scan<&'a [u8]> {
        let key = self.raw_string()?;
        if key.escaped || std::str::from_utf8(key.raw).is_err() {
            return Err(Stop::Unsure);
        }
        self.eat(b':')?;
        Ok(key.raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys read whole: `key` with the whitespace before it, at every offset from the
    /// start of the bytes (so each crosses the eight-byte look at every place), and at
    /// the very end of them.
    #[test]
    fn keys_are_read_whatever_their_place_and_length() {
        for key in [
            "",
            "a",
            "id",
            "content",
            "nickname",
            "timestampEdited",
            "clé",
            "日本",
        ] {
            for pad in 0..12 {
                for (colon, after) in [(":", " "), (":", ""), (" :", "  "), ("\n:", "\n ")] {
                    let text = format!("{}\"{key}\"{colon}{after}1", " ".repeat(pad));
                    let mut cursor = Cursor::new(text.as_bytes());
                    assert_eq!(cursor.key(), Ok(key.as_bytes()), "{text:?}");
                    assert_eq!(cursor.peek(), Ok(b'1'), "{text:?}");
                    let colon_at = text.rfind(':').unwrap_or_default();
                    for cut in 0..=colon_at {
                        let part = text.as_bytes().get(..cut).unwrap_or_default();
                        let read = Cursor::new(part).key();
                        assert_eq!(read, Err(Stop::End), "{text:?} cut at {cut}");
                    }
                }
            }
        }
    }

    #[test]
    fn keys_with_escapes_or_bytes_not_utf8_are_left_to_serde_json() {
        for text in [
            &b"\"a\\u0041\": 1"[..],
            b"\"\\n\": 1",
            b"\"abcdefgh\\\"\": 1",
            b"\"ab\xff\": 1",
            b"\"abcdefghij\xc3\": 1",
            b"\"a\x01\": 1",
            b"\"a\" 1",
            b"'a': 1",
        ] {
            assert_eq!(Cursor::new(text).key(), Err(Stop::Unsure), "{text:?}");
        }
    }
}
