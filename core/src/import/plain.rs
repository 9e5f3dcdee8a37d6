//! Text from an export made safe to show on one line: in an error sentence, or on a
//! terminal (the CLI's summary).
//!
//! A name or a value may hold anything a JSON string or a CSV cell can: line breaks that
//! would split a one-line error, escape sequences (ESC, C1 controls) that rewrite a
//! terminal, and bidirectional overrides that make text read backwards. These are shown
//! as visible escapes instead; every other character, including right-to-left scripts and
//! emoji, stays as it is.

use std::borrow::Cow;
use std::fmt::Write;

/// Longest a quoted value in an error is, in characters, before it is cut with `…`.
pub const EXCERPT_CHARS: usize = 60;

/// True for characters that change how the text around them is shown: C0 and C1 controls
/// (line breaks, tab, ESC, DEL) and the bidirectional embeddings, overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every [`is_unsafe`] character written as an escape: `\n`, `\r`, `\t`, or
/// `\u{…}` with its hexadecimal code point. Borrowed, unchanged, when there is none (the
/// usual case); empty in, empty out.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A value quoted inside an error sentence: [`one_line`], and cut to its first
/// [`EXCERPT_CHARS`] characters followed by `…` when longer (a 50 MB cell would otherwise
/// become a 50 MB message).
pub fn excerpt(value: &str) -> String {
    let cut = match value.char_indices().nth(EXCERPT_CHARS) {
        Some((at, _)) => value.get(..at).map(|head| format!("{head}…")),
        None => None,
    };
    one_line(cut.as_deref().unwrap_or(value)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_escaped() {
        assert_eq!(one_line("a\nb\r\tc"), "a\\nb\\r\\tc");
        assert_eq!(
            one_line("\u{1b}[2Jx\u{9b}\u{7f}"),
            "\\u{1b}[2Jx\\u{9b}\\u{7f}"
        );
        assert_eq!(
            one_line("\u{202E}gnp.exe\u{2069}"),
            "\\u{202e}gnp.exe\\u{2069}"
        );
        assert!(matches!(
            one_line("مرحبا 🚀 zero\u{200B}"),
            Cow::Borrowed(_)
        ));
        assert_eq!(one_line(""), "");
    }

    #[test]
    fn excerpts_are_cut_on_a_character() {
        let long = "é".repeat(EXCERPT_CHARS + 5);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(excerpt("first line\nsecond"), "first line\\nsecond");
        assert_eq!(
            excerpt(&"x".repeat(EXCERPT_CHARS)),
            "x".repeat(EXCERPT_CHARS)
        );
    }
}
