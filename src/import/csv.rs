//! csv exports (not read yet: see issue 3).

use crate::error::ImportError;
use crate::model::Dataset;

/// True when the bytes look like this format.
pub fn detect(_name: &str, _bytes: &[u8]) -> bool {
    false
}

/// Reads one file into `dataset`.
pub fn read(file: &str, _bytes: &[u8], _dataset: &mut Dataset) -> Result<(), ImportError> {
    Err(ImportError::Unrecognised {
        file: file.to_string(),
        what: "this format is not read yet".into(),
    })
}
