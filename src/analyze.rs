//! The one entry point the UI, the CLI and the JS API call.

use crate::error::ImportError;
use crate::options::Options;
use crate::report::{PersonRef, Report};
use crate::view::NetworkView;

/// One export file: its name (used in every error message) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Input {
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> Input {
        Input {
            name: name.into(),
            bytes,
        }
    }
}

/// The report plus what the UI needs to draw and to offer choices.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub report: Report,
    /// The conversation graph, laid out, with roles.
    pub network: NetworkView,
    /// Every participant, most connected first, for the host picker.
    pub participants: Vec<PersonRef>,
}

/// Reads every input, builds the conversation network and measures it.
///
/// Fails on the first file that cannot be read, naming it and the position; a file that
/// reads but holds no messages is fine as long as some file has messages.
pub fn analyze(inputs: &[Input], options: &Options) -> Result<Analysis, ImportError> {
    let _ = (inputs, options);
    Err(ImportError::Empty("the analysis is not built yet".into()))
}
