//! Importers: bytes of an export in, the normalised model out (ANALYSIS.md §1).
//!
//! One file per format; each has a `detect` that looks at the first bytes and a `read`
//! that adds one file to a [`Dataset`], so several files (a channel and its threads)
//! share one id index and duplicates merge.

pub mod csv;
pub mod discord;
mod discord_stream;
pub mod discourse;
pub mod json_error;
pub mod messenger;
pub mod reddit;
pub mod slack;
pub mod telegram;
pub mod timestamp;
pub mod whatsapp;
pub mod youtube;

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
    /// Slack workspace export: the zip, a folder's day files, or one day file.
    Slack,
    /// Telegram Desktop JSON: one chat, or the full-account export.
    Telegram,
    /// WhatsApp chat export: the `.txt`, or the `.zip` holding it.
    #[serde(rename = "whatsapp")]
    WhatsApp,
    /// Discourse topic and posts JSON.
    Discourse,
    /// Reddit thread JSON (listings, `morechildren` responses).
    Reddit,
    /// YouTube comments: yt-dlp's info JSON or the Data API's lists.
    #[serde(rename = "youtube")]
    YouTube,
    /// Facebook Messenger JSON export.
    Messenger,
    /// A CSV of messages with named columns.
    Csv,
}

impl Format {
    /// Every format, in the order detection tries them (most specific first).
    pub const ALL: [Format; 9] = [
        Format::Discord,
        Format::Slack,
        Format::Telegram,
        Format::Discourse,
        Format::Reddit,
        Format::YouTube,
        Format::Messenger,
        Format::WhatsApp,
        Format::Csv,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Discord => "discord",
            Format::Slack => "slack",
            Format::Telegram => "telegram",
            Format::WhatsApp => "whatsapp",
            Format::Discourse => "discourse",
            Format::Reddit => "reddit",
            Format::YouTube => "youtube",
            Format::Messenger => "messenger",
            Format::Csv => "csv",
        }
    }

    fn detect(self, name: &str, bytes: &[u8]) -> bool {
        match self {
            Format::Discord => discord::detect(bytes),
            Format::Slack => slack::detect(name, bytes),
            Format::Telegram => telegram::detect(name, bytes),
            Format::WhatsApp => whatsapp::detect(name, bytes),
            Format::Discourse => discourse::detect(name, bytes),
            Format::Reddit => reddit::detect(name, bytes),
            Format::YouTube => youtube::detect(name, bytes),
            Format::Messenger => messenger::detect(name, bytes),
            Format::Csv => csv::detect(name, bytes),
        }
    }

    /// Reads one file of this format into `dataset`.
    pub fn read(self, file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
        match self {
            Format::Discord => discord::read(file, bytes, dataset),
            Format::Slack => slack::read(file, bytes, dataset),
            Format::Telegram => telegram::read(file, bytes, dataset),
            Format::WhatsApp => whatsapp::read(file, bytes, dataset),
            Format::Discourse => discourse::read(file, bytes, dataset),
            Format::Reddit => reddit::read(file, bytes, dataset),
            Format::YouTube => youtube::read(file, bytes, dataset),
            Format::Messenger => messenger::read(file, bytes, dataset),
            Format::Csv => csv::read(file, bytes, dataset),
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
        format.read(&input.name, &input.bytes, &mut dataset)?;
    }
    let names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
    check_not_empty(dataset, &names)
}

/// Fails when nothing was read from any of `names`.
pub fn check_not_empty(dataset: Dataset, names: &[&str]) -> Result<Dataset, ImportError> {
    if dataset.messages.is_empty() {
        return Err(ImportError::Empty(format!(
            "{}: the export holds no messages, so there is nothing to measure.",
            names.join(", ")
        )));
    }
    Ok(dataset)
}

/// Reads one export from a stream into `dataset` (the CLI's files).
///
/// DiscordChatExporter JSON is read message by message, so memory follows the model and
/// not the file; other formats (and zips, whose index sits at the end) are read whole.
pub fn read_stream(
    name: &str,
    mut reader: impl std::io::BufRead,
    forced: Option<Format>,
    dataset: &mut Dataset,
) -> Result<(), ImportError> {
    let unreadable = |e: std::io::Error| ImportError::Unrecognised {
        file: name.to_string(),
        what: format!("cannot be read ({e})"),
    };
    let head = reader.fill_buf().map_err(unreadable)?;
    let streams = match forced {
        Some(f) => f == Format::Discord,
        None => discord::detect(head),
    };
    if streams {
        if head.starts_with(b"\xEF\xBB\xBF") {
            reader.consume(3);
        }
        return discord::read_stream(name, reader, dataset);
    }
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(unreadable)?;
    let input = Input::new(name, bytes);
    let format = match forced {
        Some(f) => f,
        None => detect(&input)?,
    };
    format.read(name, &input.bytes, dataset)
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
    if let Some(format) = Format::ALL
        .into_iter()
        .find(|f| f.detect(&input.name, bytes))
    {
        return Ok(format);
    }
    let (line, column) = first_visible(bytes);
    Err(ImportError::Syntax {
        file: input.name.clone(),
        line,
        column,
        what: "this is not an export peerscope reads (DiscordChatExporter, Slack, Telegram, WhatsApp, \
               Discourse, Reddit, YouTube or Messenger JSON, or a CSV with a header row)"
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
        let input = Input::new(
            "chat.txt",
            b"\n  Dear diary, nothing happened today.".to_vec(),
        );
        let msg = detect(&input)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            msg.starts_with("chat.txt: line 2, column 3: this is not an export peerscope reads"),
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
