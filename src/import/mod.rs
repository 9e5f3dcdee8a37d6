//! Importers: bytes of an export in, the normalised model out (ANALYSIS.md §1).
//!
//! One file per format; each has a `detect` that looks at the first bytes and a `read`
//! that adds one file to a [`Dataset`], so several files (a channel and its threads)
//! share one id index and duplicates merge.

pub mod discord;
pub mod json_error;
pub mod timestamp;

use serde::Serialize;

use crate::analyze::Input;
use crate::error::ImportError;
use crate::model::Dataset;

/// The export formats peerscope reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// DiscordChatExporter JSON (one channel or thread per file).
    Discord,
}

impl Format {
    pub const ALL: [Format; 1] = [Format::Discord];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Discord => "discord",
        }
    }

    /// Parses a format name as the CLI's `--format` takes it.
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// Reads every input into one dataset, detecting each file's format unless `forced`.
///
/// Stops at the first file that cannot be read. Fails when no file holds any message.
pub fn import(inputs: &[Input], forced: Option<Format>) -> Result<Dataset, ImportError> {
    let mut dataset = Dataset::default();
    if inputs.is_empty() {
        return Err(ImportError::Empty(
            "No file was given: add an export to analyse.".into(),
        ));
    }
    for input in inputs {
        let format = match forced {
            Some(f) => f,
            None => detect(input)?,
        };
        match format {
            Format::Discord => discord::read(&input.name, &input.bytes, &mut dataset)?,
        }
    }
    if dataset.messages.is_empty() {
        let names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
        return Err(ImportError::Empty(format!(
            "{}: the export holds no messages, so there is nothing to measure.",
            names.join(", ")
        )));
    }
    Ok(dataset)
}

/// Names the format of one file from its first bytes, or says why it is not readable.
pub fn detect(input: &Input) -> Result<Format, ImportError> {
    let bytes = input.bytes.as_slice();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Unrecognised {
            file: input.name.clone(),
            what: "the file is empty".into(),
        });
    }
    if discord::detect(bytes) {
        return Ok(Format::Discord);
    }
    let (line, column) = first_visible(bytes);
    Err(ImportError::Syntax {
        file: input.name.clone(),
        line,
        column,
        what: "this is not a DiscordChatExporter JSON export, the only format this version reads \
               (it starts with an object holding \"guild\", \"channel\" and \"messages\")"
            .into(),
    })
}

/// Line and column (1-based) of the first non-whitespace byte.
fn first_visible(bytes: &[u8]) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    for &b in bytes {
        match b {
            b'\n' => {
                line += 1;
                column = 1;
            }
            b' ' | b'\t' | b'\r' => column += 1,
            _ => break,
        }
    }
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_text_is_rejected_with_a_position() {
        let input = Input::new("chat.txt", b"\n  12/01/2024, 10:00 - Ann: hi".to_vec());
        let msg = detect(&input)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            msg.starts_with("chat.txt: line 2, column 3: this is not a DiscordChatExporter"),
            "{msg}"
        );
    }

    #[test]
    fn empty_inputs() {
        let msg = import(&[Input::new("e.json", b"  \n".to_vec())], None)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(msg, "e.json: the file is empty");
        assert!(import(&[], None).is_err());
        let no_messages = br#"{"guild":{},"channel":{"id":"1"},"messages":[]}"#.to_vec();
        let msg = import(&[Input::new("n.json", no_messages)], None)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(msg.contains("holds no messages"), "{msg}");
    }
}
