//! One export file as the importers receive it: a name for messages and its bytes.

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
