//! Skipping a value unread: what a [`Cursor`] does with every field peerscope does not use.

use super::{Cursor, Scan, Stop, MAX_DEPTH};

impl Cursor<'_> {
    /// Consumes one value of any kind, unread: containers are walked with a stack of bits
    /// (1 for an object) rather than by recursion.
    pub(in crate::import) fn skip(&mut self) -> Scan<()> {
        // Most unread values are strings (avatars' addresses, colours): no walk for them.
        if self.peek()? == b'"' {
            return self.raw_string().map(|_| ());
        }
        let (mut open, mut depth) = (0u128, 0u32);
        loop {
            match self.peek()? {
                opening @ (b'{' | b'[') => {
                    self.at += 1;
                    let closing = if opening == b'{' { b'}' } else { b']' };
                    if self.peek()? == closing {
                        self.at += 1;
                    } else if depth >= MAX_DEPTH {
                        return Err(Stop::Unsure);
                    } else {
                        open = (open << 1) | u128::from(opening == b'{');
                        depth += 1;
                        if opening == b'{' {
                            self.key()?;
                        }
                        continue;
                    }
                }
                b'"' => {
                    self.raw_string()?;
                }
                b't' => self.word(b"true")?,
                b'f' => self.word(b"false")?,
                b'n' => self.word(b"null")?,
                b'-' | b'0'..=b'9' => self.number()?,
                _ => return Err(Stop::Unsure),
            }
            // After a value: close what ends here, then find the next value's place.
            loop {
                if depth == 0 {
                    return Ok(());
                }
                let in_object = open & 1 == 1;
                match self.peek()? {
                    b',' => {
                        self.at += 1;
                        if in_object {
                            self.key()?;
                        }
                        break;
                    }
                    b'}' if in_object => {}
                    b']' if !in_object => {}
                    _ => return Err(Stop::Unsure),
                }
                self.at += 1;
                open >>= 1;
                depth -= 1;
            }
        }
    }

    /// Consumes a number, checked against JSON's grammar.
    fn number(&mut self) -> Scan<()> {
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        let first = *self.bytes.get(self.at).ok_or(Stop::End)?;
        let whole = self.digits()?;
        if whole == 0 || (first == b'0' && whole > 1) {
            return Err(Stop::Unsure);
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if self.digits()? == 0 {
                return Err(Stop::Unsure);
            }
        }
        if matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.bytes.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits()? == 0 {
                return Err(Stop::Unsure);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Skips one value of `text` (then a space and `x`, so numbers end).
    fn skipped(text: &str) -> Scan<usize> {
        let with_end = format!("{text} x");
        let mut cursor = Cursor::new(with_end.as_bytes());
        cursor.skip().map(|()| cursor.offset())
    }

    #[test]
    fn skips_what_serde_json_reads_and_no_more() {
        for good in [
            r#"{"a": [1, -2.5e+3, 0, 0.5E9, true, false, null, "s\"\u00e9\n"], "b": {}}"#,
            "[]",
            "[[[[]]], {}]",
            r#""""#,
            "-0",
        ] {
            assert!(serde_json::from_str::<serde_json::Value>(good).is_ok());
            assert_eq!(skipped(good), Ok(good.len()), "{good}");
        }
        for bad in [
            "[1,]",
            "{\"a\" 1}",
            "01",
            "1.",
            "-",
            "[1}",
            "tru ",
            "\"\\q\"",
            "{1: 2}",
            "1e",
        ] {
            assert_eq!(skipped(bad), Err(Stop::Unsure), "{bad}");
        }
        let deep = format!("{}{}", "[".repeat(102), "]".repeat(102));
        assert_eq!(skipped(&deep), Err(Stop::Unsure), "left to serde_json");
    }

    #[test]
    fn values_cut_by_the_end_of_the_bytes_say_so() {
        let whole = r#"{"a": [12, "x\u0041y", true], "b": null}"#;
        for cut in 0..whole.len() {
            let mut cursor = Cursor::new(whole.as_bytes().get(..cut).unwrap_or_default());
            assert_eq!(cursor.skip(), Err(Stop::End), "cut at {cut}");
        }
        let mut number = Cursor::new(b" 42");
        assert_eq!(number.u32(), Err(Stop::End), "more digits may follow");
    }
}
