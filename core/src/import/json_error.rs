//! Turns a serde_json error into one sentence naming the file, line and column.

use crate::import::error::ImportError;

/// What a JSON file that stops mid-value is told.
pub(super) const TRUNCATED: &str =
    "the file ends too early — it looks truncated; download or export \
    it again";

/// Maps a JSON error to an [`ImportError`] that says where and, in plain words, what.
///
/// serde_json appends " at line L column C" to its messages; the position is taken from
/// the error itself and the suffix dropped so it is not said twice.
pub fn from_serde(file: &str, err: &serde_json::Error) -> ImportError {
    from_serde_at(file, err, 0, 0)
}

/// [`from_serde`] for an error in bytes that start `lines` lines and `column` bytes into
/// the file (a value parsed on its own out of a stream): the position given is the file's.
pub fn from_serde_at(
    file: &str,
    err: &serde_json::Error,
    lines: usize,
    column: usize,
) -> ImportError {
    use serde_json::error::Category;
    let detail = err.to_string();
    let detail = match detail.rfind(" at line ") {
        Some(at) => detail.get(..at).unwrap_or(&detail).to_string(),
        None => detail,
    };
    let what = match err.classify() {
        Category::Eof => TRUNCATED.to_string(),
        // serde_json says "invalid unicode code point" only for bytes that are not UTF-8.
        Category::Syntax if detail == "invalid unicode code point" => {
            "these bytes are not UTF-8 text, which exports are; export the file again, or \
             save it as UTF-8"
                .to_string()
        }
        Category::Syntax if detail == "recursion limit exceeded" => {
            "the JSON is nested too deeply (over 128 levels) for any export peerscope reads"
                .to_string()
        }
        Category::Syntax => format!("this is not valid JSON ({detail})"),
        Category::Data => format!("unexpected content for this export format ({detail})"),
        Category::Io => format!("could not be read ({detail})"),
    };
    // On the value's first line, its columns follow the `column` bytes before it.
    let shift = if err.line() <= 1 { column } else { 0 };
    ImportError::Syntax {
        file: file.to_string(),
        line: err.line() + lines,
        // serde_json says column 0 before the first byte of a line; columns here start at 1.
        column: (err.column() + shift).max(1),
        what,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncated_json_names_file_and_position() {
        let err = serde_json::from_str::<serde_json::Value>("{\"a\": [1, 2,\n 3")
            .err()
            .map(|e| from_serde("x.json", &e).to_string());
        let msg = err.unwrap_or_default();
        assert!(
            msg.starts_with("x.json: line 2, column 2: the file ends too early"),
            "{msg}"
        );
    }

    #[test]
    fn syntax_error_keeps_serde_detail_without_repeating_position() {
        let msg = serde_json::from_str::<serde_json::Value>("{\"a\": ?}")
            .err()
            .map(|e| from_serde("y.json", &e).to_string())
            .unwrap_or_default();
        assert!(
            msg.starts_with("y.json: line 1, column 7: this is not valid JSON (expected value)"),
            "{msg}"
        );
        assert_eq!(msg.matches("line").count(), 1, "{msg}");
    }

    #[test]
    fn bytes_that_are_not_utf8_and_deep_nesting_say_so() {
        let msg = serde_json::from_slice::<String>(b"\"caf\xE9\"")
            .err()
            .map(|e| from_serde("z.json", &e).to_string())
            .unwrap_or_default();
        assert!(msg.contains("not UTF-8 text"), "{msg}");
        let deep = "[".repeat(1000);
        let msg = serde_json::from_str::<serde_json::Value>(&deep)
            .err()
            .map(|e| from_serde("d.json", &e).to_string())
            .unwrap_or_default();
        assert!(msg.contains("nested too deeply"), "{msg}");
    }
}
