//! A shallow look at the JSON object a file's head starts with: its top-level keys and
//! string values, read without parsing the rest of the file (which the head may cut).
//!
//! Detection asks questions like "does the first message have a `ts`?"; searching the
//! head's text for `"ts"` would also find a key of a nested object or of a later
//! message, so the keys are read at the first object's own level.

/// One top-level field: the key and, when the value is a string, its text, both as
/// written (escapes are kept; the keys and values asked about have none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Field<'t> {
    pub key: &'t str,
    pub text: Option<&'t str>,
}

/// The top-level fields of the object `text` starts with (after white space), in order.
///
/// Reads as far as `text` goes: when the head ends inside the object, the fields before
/// the cut are returned. Empty when `text` does not start with `{`; stops at the first
/// thing that is not JSON.
pub(super) fn top_fields(text: &str) -> Vec<Field<'_>> {
    let mut cursor = Cursor { text, at: 0 };
    let mut fields = Vec::new();
    if !cursor.eat(b'{') {
        return fields;
    }
    while let Some(key) = cursor.string() {
        if !cursor.eat(b':') {
            break;
        }
        let Some(value) = cursor.value() else { break };
        fields.push(Field { key, text: value });
        if !cursor.eat(b',') {
            break;
        }
    }
    fields
}

/// The string value of `key` among `fields`, if it has one.
pub(super) fn text_of<'t>(fields: &[Field<'t>], key: &str) -> Option<&'t str> {
    fields.iter().find(|f| f.key == key).and_then(|f| f.text)
}

/// True when `key` is among `fields`, whatever its value.
pub(super) fn has_field(fields: &[Field], key: &str) -> bool {
    fields.iter().any(|f| f.key == key)
}

/// A position in the head. Every step checks its bounds; running out of text is `None`.
struct Cursor<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Cursor<'t> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    /// Steps over `byte` (after white space) when it is next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let next = self.peek() == Some(byte);
        if next {
            self.at += 1;
        }
        next
    }

    /// A string (after white space): its text between the quotes, escapes kept.
    fn string(&mut self) -> Option<&'t str> {
        if !self.eat(b'"') {
            return None;
        }
        let start = self.at;
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.at) {
            match b {
                b'\\' => self.at += 2,
                b'"' => {
                    let inner = self.text.get(start..self.at);
                    self.at += 1;
                    return inner;
                }
                _ => self.at += 1,
            }
        }
        None
    }

    /// Steps over one value: `Some(Some(text))` for a string, `Some(None)` for anything
    /// else, `None` when the head ends inside it (a number at the very end included).
    fn value(&mut self) -> Option<Option<&'t str>> {
        self.skip_space();
        match self.peek()? {
            b'"' => self.string().map(Some),
            b'{' | b'[' => self.nested().map(|()| None),
            _ => {
                while self
                    .peek()
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                {
                    self.at += 1;
                }
                self.peek().map(|_| None)
            }
        }
    }

    /// Steps over an object or array, strings in it included.
    fn nested(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => {
                    self.string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.at += 1;
                }
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    self.at += 1;
                    if depth == 0 {
                        return Some(());
                    }
                }
                _ => self.at += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(&str, Option<&str>)> {
        top_fields(text)
            .into_iter()
            .map(|f| (f.key, f.text))
            .collect()
    }

    #[test]
    fn only_the_first_objects_own_fields() {
        let text = r#" { "user": "U1", "root": {"ts": "9.9", "a": [1, {"b": "}"}]},
            "n": -1.5e3, "ok" :true, "text": "say \"hi\"", "ts": "1.2" }, {"ts": "3.4"}"#;
        assert_eq!(
            keys(text),
            vec![
                ("user", Some("U1")),
                ("root", None),
                ("n", None),
                ("ok", None),
                ("text", Some(r#"say \"hi\""#)),
                ("ts", Some("1.2")),
            ]
        );
    }

    #[test]
    fn a_cut_head_keeps_what_came_before_the_cut() {
        assert_eq!(
            keys(r#"{"type": "message", "text": "lo"#),
            vec![("type", Some("message"))]
        );
        assert_eq!(keys(r#"{"a": {"b": 1}, "n": 12"#), vec![("a", None)]);
        assert_eq!(keys(r#"{"a": [1, 2"#), vec![]);
        assert_eq!(keys(r#"{"a\"#), vec![]);
    }

    #[test]
    fn not_an_object_has_no_fields() {
        for text in ["", "[{\"ts\": \"1.2\"}]", "ts: 1.2", "{ts: 1}", "{\"a\" 1}"] {
            assert!(top_fields(text).is_empty(), "{text:?}");
        }
        let fields = top_fields(r#"{"ts": "1.2", "user": null}"#);
        assert_eq!(text_of(&fields, "ts"), Some("1.2"));
        assert_eq!(text_of(&fields, "user"), None);
        assert!(has_field(&fields, "user"));
        assert!(!has_field(&fields, "text"));
    }
}
