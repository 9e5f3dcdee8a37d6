//! JSON strings read straight from a file's bytes: where one ends, and what its escapes
//! stand for, without serde_json's per-string work (its scan, UTF-8 check and copy into a
//! scratch buffer for every string, skipped ones included).
//!
//! Everything here answers `None` for what it is unsure of (a lone surrogate, bytes that
//! are not UTF-8): the caller then lets serde_json parse the value and say what is wrong,
//! so a file is accepted or refused exactly as serde_json would.

use super::json_scan::blocks;
use super::text_size::TextSize;

/// The position of the first `"`, `\` or control byte at or after `from`; `None` when
/// `bytes` ends first.
///
/// A block at a time ([`blocks::plain_at`]), inlined into the cursor's string reading:
/// this loop runs over every byte of every string.
#[inline(always)]
pub(super) fn next_stop(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(plain) = blocks::plain_at(bytes, at) {
        at += plain;
        if plain < blocks::LANES {
            return Some(at);
        }
    }
    let tail = bytes.get(at..)?;
    let found = tail
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
    Some(at + found)
}

/// One piece of a string's raw bytes (between its quotes): a run without escapes, or the
/// character one escape stands for.
enum Piece<'a> {
    Plain(&'a [u8]),
    /// The character, and how many raw bytes its escape took (2, 6 or 12).
    Escaped(char, usize),
}

/// Walks `raw` (a string's bytes between its quotes, already checked to hold well-formed
/// escapes and no control byte) piece by piece; `None` for a lone surrogate.
fn pieces(raw: &[u8], mut each: impl FnMut(Piece)) -> Option<()> {
    let mut at = 0;
    while at < raw.len() {
        let rest = raw.get(at..)?;
        let plain = rest.iter().position(|&b| b == b'\\').unwrap_or(rest.len());
        if plain > 0 {
            each(Piece::Plain(rest.get(..plain)?));
            at += plain;
            continue;
        }
        let (c, took) = escape(rest)?;
        each(Piece::Escaped(c, took));
        at += took;
    }
    Some(())
}

/// The character the escape at the start of `raw` stands for and its length in bytes.
fn escape(raw: &[u8]) -> Option<(char, usize)> {
    let simple = match raw.get(1)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => return unicode_escape(raw),
        _ => return None,
    };
    Some((simple, 2))
}

/// `\uXXXX`, or a surrogate pair `\uXXXX\uXXXX`, at the start of `raw`.
fn unicode_escape(raw: &[u8]) -> Option<(char, usize)> {
    let first = hex4(raw.get(2..6)?)?;
    if !(0xD800..0xE000).contains(&first) {
        return Some((char::from_u32(first)?, 6));
    }
    // A leading surrogate must be followed by a trailing one; anything else is left to
    // serde_json, which refuses it.
    if first >= 0xDC00 || raw.get(6..8)? != b"\\u" {
        return None;
    }
    let second = hex4(raw.get(8..12)?)?;
    if !(0xDC00..0xE000).contains(&second) {
        return None;
    }
    let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
    Some((char::from_u32(c)?, 12))
}

/// Four hex digits as a number.
fn hex4(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &d| {
        let v = char::from(d).to_digit(16)?;
        Some(n * 16 + v)
    })
}

/// The string `raw` stands for (its bytes between the quotes, escapes well-formed, no
/// control byte); `None` for bytes that are not UTF-8 or a lone surrogate.
pub(super) fn unescape(raw: &[u8]) -> Option<String> {
    let mut text = String::with_capacity(raw.len());
    let mut ok = true;
    pieces(raw, |piece| match piece {
        Piece::Plain(run) => match std::str::from_utf8(run) {
            Ok(run) => text.push_str(run),
            Err(_) => ok = false,
        },
        Piece::Escaped(c, _) => text.push(c),
    })?;
    ok.then_some(text)
}

/// The size of the text `raw` stands for (its bytes between the quotes, as
/// [`unescape`] takes them), measured without building it: the characters of the raw
/// bytes, less what each escape takes beyond its one character.
pub(super) fn text_size(raw: &[u8]) -> Option<TextSize> {
    if let Some(size) = ascii_size(raw) {
        return Some(size);
    }
    let text = std::str::from_utf8(raw).ok()?;
    let mut size = TextSize::of(text);
    if !raw.contains(&b'\\') {
        return Some(size);
    }
    pieces(raw, |piece| {
        if let Piece::Escaped(c, took) = piece {
            size.chars -= took - 1;
            size.asks |= c == '?';
        }
    })?;
    Some(size)
}

/// [`text_size`] of `raw` when it is ASCII without escapes, as most texts are: its length
/// and whether it holds a `?`, found a block at a time in one pass
/// ([`blocks::ascii_text`]); `None` otherwise.
///
/// Why by hand: the general path validates UTF-8, counts characters and looks for `?` in
/// three passes over every message's text.
fn ascii_size(raw: &[u8]) -> Option<TextSize> {
    blocks::ascii_text(raw).map(|asks| TextSize {
        chars: raw.len(),
        asks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_stop_is_found_in_every_position() {
        for len in 0..20 {
            for stop in [b'"', b'\\', b'\n', 0x1f] {
                let mut bytes = vec![b'a'; len];
                bytes.push(stop);
                bytes.extend_from_slice(b"\"\\x\x01");
                assert_eq!(next_stop(&bytes, 0), Some(len), "{len} {stop}");
                assert_eq!(next_stop(&bytes, len + 1), Some(len + 1));
            }
            let plain = vec![b'z'; len];
            assert_eq!(next_stop(&plain, 0), None);
        }
        // Bytes past 0x7F (UTF-8) and 0x20..0x7F other than `"` and `\` never stop.
        assert_eq!(next_stop("é ~!#$ü\"".as_bytes(), 0), Some(9));
    }

    #[test]
    fn escapes_read_as_serde_json_reads_them() {
        for raw in [
            r"plain",
            r"a\nb\t\u00e9\\\/\b\f\r",
            r"pair \ud83e\udd76 and \u003F",
            "raw é ✓ 🥶",
            r"\u0000",
        ] {
            let quoted = format!("\"{raw}\"");
            let serde: String = serde_json::from_str(&quoted).unwrap();
            assert_eq!(unescape(raw.as_bytes()), Some(serde.clone()), "{raw}");
            assert_eq!(
                text_size(raw.as_bytes()),
                Some(TextSize::of(&serde)),
                "{raw}"
            );
        }
        for unsure in [r"\ud83e", r"\ud83e\u0041", r"\udd76", r"\q", r"\u12"] {
            assert_eq!(unescape(unsure.as_bytes()), None, "{unsure}");
            assert_eq!(text_size(unsure.as_bytes()), None, "{unsure}");
        }
        assert_eq!(unescape(b"\xff"), None, "not UTF-8");
        assert_eq!(text_size(b"\xc3"), None, "not UTF-8");
    }

    #[test]
    fn ascii_texts_are_measured_in_one_pass_wherever_the_mark_sits() {
        for len in 0..24 {
            for at in 0..len {
                let mut text = vec![b'a'; len];
                let plain = ascii_size(&text);
                assert_eq!(
                    plain,
                    Some(TextSize {
                        chars: len,
                        asks: false
                    }),
                    "{len}"
                );
                for (mark, expected) in [(b'?', true), (b'\\', false), (0xc3, false)] {
                    if let Some(byte) = text.get_mut(at) {
                        *byte = mark;
                    }
                    let fast = ascii_size(&text);
                    let asks = expected.then_some(TextSize {
                        chars: len,
                        asks: true,
                    });
                    assert_eq!(fast, asks, "{len} bytes, {mark:#x} at {at}");
                }
            }
        }
        let odd = "é? \\n".as_bytes();
        assert_eq!(
            ascii_size(odd),
            None,
            "non-ASCII and escapes take the general path"
        );
        assert_eq!(
            text_size(odd),
            Some(TextSize {
                chars: 4,
                asks: true
            })
        );
        assert_eq!(text_size(b"\xc3"), None, "not UTF-8");
    }
}
