//! Importers: bytes of an export in, the normalised model out (docs/METRICS.md §1).
//!
//! One file per format; each has a `detect` that looks at the first bytes and a `read`
//! that adds one file to a [`Dataset`](crate::model::Dataset), so several files (a channel and its threads)
//! share one id index and duplicates merge.

pub mod absent;
pub mod budget;
pub mod csv;
pub mod detection;
pub mod discord;
mod discord_stream;
pub mod discourse;
pub mod error;
pub mod fed;
pub mod github;
mod input;
pub mod json_error;
mod json_scan;
mod json_string;
mod json_window;
pub mod mastodon;
pub mod matrix;
pub mod messenger;
pub mod plain;
pub mod rare;
pub mod reddit;
pub mod sample;
pub mod slack;
pub mod sliced;
mod stream;
pub mod telegram;
mod text_size;
pub mod timestamp;
mod unzip;
pub mod whatsapp;
pub mod youtube;
pub mod youtube_live_chat;
pub mod zulip;

use std::borrow::Cow;

use crate::import::error::ImportError;
use crate::import::rare::{left_out, READS_RARE_FORMATS};
use crate::model::Dataset;

pub use crate::model::format::Format;
pub use input::Input;
pub use stream::{
    feeds, read_fed, read_sized, read_stream, read_stream_counting, read_stream_sized, streams,
};
pub use unzip::declared;

/// How replies are found in an export that does not record them (WhatsApp, a CSV without
/// `reply_to`), as the warnings end; the window is the interactions' inference window.
pub(crate) const INFERRED_REPLIES: &str = "replies are inferred: a message answers the latest \
    message by someone else if it is at most 10 minutes older.";

/// What this layer does with a [`Format`]: the enum is the model's (options and detections
/// name formats, and the model is a crate of its own), reading each one is this layer's.
pub trait FormatReader {
    /// Whether `bytes`, the start of the file called `name`, look like this format.
    fn detect(self, name: &str, bytes: &[u8]) -> bool;

    /// Reads one file of this format into `dataset` (UTF-16 text with a byte-order mark is
    /// read as the same text in UTF-8). Fails on a file of nothing but white space.
    /// Errors are one line whatever the file holds (see [`plain`]).
    fn read(self, file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError>;
}

impl FormatReader for Format {
    fn detect(self, name: &str, bytes: &[u8]) -> bool {
        match self {
            Format::Discord => discord::detect(bytes),
            Format::Slack => slack::detect(name, bytes),
            Format::Telegram => telegram::detect(name, bytes),
            Format::WhatsApp => whatsapp::detect(name, bytes),
            Format::Discourse => discourse::detect(name, bytes),
            Format::Reddit => reddit::detect(name, bytes),
            Format::YouTube => youtube::detect(name, bytes),
            Format::Mastodon => mastodon::detect(name, bytes),
            Format::YouTubeLiveChat => youtube_live_chat::detect(name, bytes),
            Format::GitHub => github::detect(name, bytes),
            Format::Messenger => messenger::detect(name, bytes),
            Format::Matrix => matrix::detect(name, bytes),
            Format::Zulip => zulip::detect(name, bytes),
            Format::Csv => csv::detect(name, bytes),
        }
    }

    fn read(self, file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
        read_text(self, file, bytes, dataset).map_err(one_line_error)
    }
}

/// [`FormatReader::read`] before its errors are made one line.
fn read_text(
    format: Format,
    file: &str,
    bytes: &[u8],
    dataset: &mut Dataset,
) -> Result<(), ImportError> {
    let text = from_utf16(file, bytes)?;
    let bytes = text.as_ref();
    not_blank(file, bytes)?;
    match format {
        Format::Discord => discord::read(file, bytes, dataset),
        Format::Slack => slack::read(file, bytes, dataset),
        Format::Telegram => telegram::read(file, bytes, dataset),
        Format::WhatsApp => whatsapp::read(file, bytes, dataset),
        Format::Discourse => discourse::read(file, bytes, dataset),
        Format::YouTube => youtube::read(file, bytes, dataset),
        Format::Messenger => messenger::read(file, bytes, dataset),
        Format::Csv => csv::read(file, bytes, dataset),
        // A constant guard: without `all-formats` these arms are dead code and the
        // rare formats' readers never reach the wasm (import/rare.rs).
        Format::Reddit if READS_RARE_FORMATS => reddit::read(file, bytes, dataset),
        Format::Mastodon if READS_RARE_FORMATS => mastodon::read(file, bytes, dataset),
        Format::YouTubeLiveChat if READS_RARE_FORMATS => {
            youtube_live_chat::read(file, bytes, dataset)
        }
        Format::GitHub if READS_RARE_FORMATS => github::read(file, bytes, dataset),
        Format::Matrix if READS_RARE_FORMATS => matrix::read(file, bytes, dataset),
        Format::Zulip if READS_RARE_FORMATS => zulip::read(file, bytes, dataset),
        Format::Reddit
        | Format::Mastodon
        | Format::YouTubeLiveChat
        | Format::GitHub
        | Format::Matrix
        | Format::Zulip => Err(left_out(file, format)),
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
        read_input(input, forced, &mut dataset)?;
    }
    let names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
    check_not_empty(dataset, &names)
}

/// Reads one whole file into `dataset`, its format detected unless `forced`, and records
/// how sure the detection was for the files it added (`Dataset::detections`).
pub fn read_input(
    input: &Input,
    forced: Option<Format>,
    dataset: &mut Dataset,
) -> Result<(), ImportError> {
    let (format, how) = match forced {
        Some(f) => (f, detection::chosen()),
        None => detection::detect(input)?,
    };
    format.read(&input.name, &input.bytes, dataset)?;
    detection::record(dataset, &how);
    Ok(())
}

/// Fails when nothing was read from any of `names`; otherwise flags the messages whose
/// times are implausible (`model::outliers`, with a warning) and hands the dataset back.
/// Every way in (files, the CLI's streams, the page's worker) ends here.
pub fn check_not_empty(mut dataset: Dataset, names: &[&str]) -> Result<Dataset, ImportError> {
    crate::model::outliers::mark(&mut dataset);
    dataset.finish_import();
    if dataset.messages.is_empty() {
        return Err(one_line_error(ImportError::Empty(format!(
            "{}: the export holds no messages, so there is nothing to measure.",
            names.join(", ")
        ))));
    }
    Ok(dataset)
}

/// Names the format of one file from its first bytes, or says why it is not readable (in
/// one line, whatever the file's name holds).
pub fn detect(input: &Input) -> Result<Format, ImportError> {
    detect_text(input).map_err(one_line_error)
}

fn detect_text(input: &Input) -> Result<Format, ImportError> {
    let text = from_utf16(&input.name, &input.bytes)?;
    let bytes = text.as_ref();
    not_blank(&input.name, bytes)?;
    if let Some(format) = Format::ALL
        .into_iter()
        .find(|f| f.detect(&input.name, bytes))
    {
        return Ok(format);
    }
    let unrecognised = |what: &str| ImportError::Unrecognised {
        file: input.name.clone(),
        what: what.into(),
    };
    match Content::of(bytes) {
        Content::Zip => Err(unrecognised(
            "this zip holds no export peerscope reads (a WhatsApp chat's .txt, a Slack \
             workspace export, Element's export.json, or a Zulip export's realm.json and \
             messages-*.json), or it is damaged; pick the export's zip, or download it again",
        )),
        Content::Utf16 => Err(unrecognised(
            "this looks like UTF-16 text without a byte-order mark, which is not an export \
             peerscope reads; save it as UTF-8 and try again",
        )),
        Content::Binary => Err(unrecognised(
            "this is not an export peerscope reads: it is not text (an image or another \
             binary file?); pick the export's .json, .txt, .csv or .zip",
        )),
        Content::Text => {
            let (line, column) = first_visible(bytes);
            Err(ImportError::Syntax {
                file: input.name.clone(),
                line,
                column,
                what: "this is not an export peerscope reads (DiscordChatExporter, Slack, \
                       Telegram, WhatsApp, Discourse, Reddit, YouTube, GitHub, Mastodon, YouTube \
                       live chat, Messenger, Matrix or Zulip JSON, or a CSV with a header row)"
                    .into(),
            })
        }
    }
}

/// `e` with line breaks and other controls in its file name and sentence escaped, so a
/// value quoted from the export (a CSV cell, a zip entry's name) cannot split the one-line
/// error the UI and the CLI show.
fn one_line_error(e: ImportError) -> ImportError {
    let line = |text: String| match plain::one_line(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(escaped) => escaped,
    };
    match e {
        ImportError::Syntax {
            file,
            line: at,
            column,
            what,
        } => ImportError::Syntax {
            file: line(file),
            line: at,
            column,
            what: line(what),
        },
        ImportError::Shape { file, what } => ImportError::Shape {
            file: line(file),
            what: line(what),
        },
        ImportError::Unrecognised { file, what } => ImportError::Unrecognised {
            file: line(file),
            what: line(what),
        },
        ImportError::LeftOut { file, format } => ImportError::LeftOut {
            file: line(file),
            format,
        },
        ImportError::UnknownHost(host) => ImportError::UnknownHost(line(host)),
        ImportError::Empty(what) => ImportError::Empty(line(what)),
    }
}

/// Fails, saying so, when the bytes hold nothing but white space.
fn not_blank(file: &str, bytes: &[u8]) -> Result<(), ImportError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Unrecognised {
            file: file.to_string(),
            // Say what to do next: an empty file is nearly always a failed or
            // unfinished export, or the wrong file picked from the export's folder.
            what: "the file is empty; export the chat again, or pick the file the export \
                   wrote (for Slack, the .zip)"
                .into(),
        });
    }
    Ok(())
}

/// What an unrecognised file is, from its first bytes, to say why it is refused.
#[derive(Debug, PartialEq, Eq)]
enum Content {
    Zip,
    /// Every other byte is zero: UTF-16 without the mark.
    Utf16,
    /// Zero bytes elsewhere, or bytes that are not UTF-8 before the head's end.
    Binary,
    Text,
}

impl Content {
    fn of(bytes: &[u8]) -> Content {
        let head = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
        if head.starts_with(b"PK\x03\x04") {
            return Content::Zip;
        }
        let zeros_at = |parity: usize| {
            head.iter()
                .skip(parity)
                .step_by(2)
                .filter(|&&b| b == 0)
                .count()
        };
        let half = head.len() / 2;
        if half > 0 && (zeros_at(0) * 2 > half || zeros_at(1) * 2 > half) && !head.contains(&0xFF) {
            return Content::Utf16;
        }
        // A character cut by the head's end is still text.
        let not_utf8 = std::str::from_utf8(head).is_err_and(|e| e.error_len().is_some());
        if head.contains(&0) || not_utf8 {
            Content::Binary
        } else {
            Content::Text
        }
    }
}

/// Text in UTF-16 with a byte-order mark (what Windows Notepad saves as "Unicode" and
/// PowerShell 5's `>` writes) as UTF-8, without the mark; other bytes as they are.
///
/// Unpaired surrogates become U+FFFD. Fails when the mark is followed by an odd number of
/// bytes, which no UTF-16 text has.
pub fn from_utf16<'b>(file: &str, bytes: &'b [u8]) -> Result<Cow<'b, [u8]>, ImportError> {
    type Unit = fn([u8; 2]) -> u16;
    let (body, unit): (&[u8], Unit) = match bytes {
        [0xFF, 0xFE, body @ ..] => (body, u16::from_le_bytes),
        [0xFE, 0xFF, body @ ..] => (body, u16::from_be_bytes),
        _ => return Ok(Cow::Borrowed(bytes)),
    };
    if body.len() % 2 != 0 {
        return Err(ImportError::Unrecognised {
            file: file.to_string(),
            what: "the file starts like UTF-16 text but has an odd number of bytes, so it is \
                   cut short or not text; export it again, or save it as UTF-8"
                .into(),
        });
    }
    let units = body
        .chunks_exact(2)
        .map(|pair| <[u8; 2]>::try_from(pair).map_or(0xFFFD, unit));
    let text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    Ok(Cow::Owned(text.into_bytes()))
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
mod tests;
