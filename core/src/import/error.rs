//! Errors a person can act on: one sentence naming the file and the position.

use thiserror::Error;

/// Why an export could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    /// The bytes are not valid JSON (or not valid UTF-8) at the given position.
    #[error("{file}: line {line}, column {column}: {what}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        what: String,
    },
    /// Valid JSON, but not the shape this format has.
    #[error("{file}: {what}")]
    Shape { file: String, what: String },
    /// No importer recognises the file.
    #[error("{file}: {what}")]
    Unrecognised { file: String, what: String },
    /// A host named by the user is nobody in the export.
    #[error("no one in the export has the id or name \"{0}\"; pick a participant, or no host")]
    UnknownHost(String),
    /// Nothing to analyse at all.
    #[error("{0}")]
    Empty(String),
}
