//! Errors met between the values a streamed export is parsed in (`stream.rs`), in
//! serde_json's words and at the position serde_json gives when it parses the file whole,
//! so a broken file says the same thing whichever way it is read.

use crate::import::error::ImportError;
use crate::import::fed::Fed;
use crate::import::json_error::TRUNCATED;
use crate::import::json_window::JsonWindow;

/// The sentence for `found` where serde_json says `words` (e.g. "expected `,` or `]`"),
/// at the window's next byte. `None`, the end of the file (the window is then at its
/// end), is a truncated file, placed as serde_json places it: at the file's last byte.
pub(super) fn not_json<R: Fed>(
    window: &JsonWindow<'_, R>,
    found: Option<u8>,
    words: &str,
) -> ImportError {
    let (file, line, column) = here(window);
    let (column, what) = match found {
        None => (before(column), TRUNCATED.to_string()),
        Some(_) => (column, format!("this is not valid JSON ({words})")),
    };
    ImportError::Syntax {
        file,
        line,
        column,
        what,
    }
}

/// The sentence for well-formed JSON of the wrong shape (`detail`, in serde_json's words)
/// noticed just after a key was read: serde_json places it at the key's last byte.
pub(super) fn wrong_after_key<R: Fed>(window: &JsonWindow<'_, R>, detail: &str) -> ImportError {
    let (file, line, column) = here(window);
    ImportError::Syntax {
        file,
        line,
        column: before(column),
        what: format!("unexpected content for this export format ({detail})"),
    }
}

/// The column of the byte before `column` on its line, at least 1 (serde_json says
/// column 0 before a line's first byte; the import's columns start at 1).
fn before(column: usize) -> usize {
    column.saturating_sub(1).max(1)
}

/// The file's name, and the line and column (from 1) of the window's next byte.
fn here<R: Fed>(window: &JsonWindow<'_, R>) -> (String, usize, usize) {
    let (line, column) = window.here();
    (window.file().to_string(), line, column)
}
