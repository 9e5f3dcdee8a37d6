//! Errors a person can act on: one sentence naming the file and the position.

use thiserror::Error;

use crate::model::format::Format;

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
    /// An export in one of the six rarest formats, which this build leaves out
    /// (`import::rare`): the page's worker answers it by loading the build that has them.
    #[error(
        "{file}: this is a {} export, and this build of peerscope was made without \
         that importer (its all-formats feature); the command-line tool reads it",
        .format.as_str()
    )]
    LeftOut { file: String, format: Format },
    /// Nothing to analyse at all.
    #[error("{0}")]
    Empty(String),
}
