//! Reading an export from a stream rather than from bytes in memory: the CLI's files and
//! the browser worker's slices. A DiscordChatExporter export is parsed message by message
//! as it is read, so memory follows the model and not the file; every other format (and
//! every zip, whose index sits at the end) is read whole first.

use std::cell::Cell;

use super::budget::{read_at_most, size_words, Capped, MAX_WHOLE_FILE_BYTES};
use super::{detection, discord, one_line_error, read_input, Format};
use crate::import::error::ImportError;
use crate::import::Input;
use crate::model::Dataset;

/// Files up to this size are read whole and parsed in place by [`read_sized`] (the CLI);
/// bigger ones stream. Parsing in place is faster than parsing through a reader (natively
/// 0.10 s against 0.19 s for 100 k messages) at the cost of holding the file, which 256 MiB
/// keeps affordable. (The browser's worker always streams: there the gain was a fifth, for
/// four times the memory; see `src/import/in_worker.rs`.)
pub const READ_WHOLE_UP_TO: u64 = 256 * 1024 * 1024;

/// Reads one file of `size` bytes from `reader` into `dataset`, the way the CLI does: up to
/// [`READ_WHOLE_UP_TO`] whole, in one allocation, then parsed in place; bigger files
/// through [`read_stream_counting`] (a DiscordChatExporter export message by message, in
/// 1 MiB reads). `messages` counts the messages read, as in [`read_stream_counting`].
/// A file read whole is held to [`MAX_WHOLE_FILE_BYTES`] whatever `size` says (a pipe or
/// a device has none: give `u64::MAX`, and it streams if it can).
pub fn read_sized(
    name: &str,
    size: u64,
    reader: impl std::io::Read,
    forced: Option<Format>,
    dataset: &mut Dataset,
    messages: &Cell<u64>,
) -> Result<(), ImportError> {
    if size > READ_WHOLE_UP_TO {
        let buffered = std::io::BufReader::with_capacity(1 << 20, reader);
        return read_stream_counting(name, buffered, forced, dataset, messages);
    }
    let bytes = whole(name, reader, size)?;
    read_whole(name, bytes, forced, dataset, messages)
}

/// The whole of `reader` (about `expected` bytes; a hint), or one sentence naming the
/// file when it holds more than [`MAX_WHOLE_FILE_BYTES`] (a file that size, a pipe that
/// never ends, `/dev/zero`) or cannot be read.
fn whole(name: &str, reader: impl std::io::Read, expected: u64) -> Result<Vec<u8>, ImportError> {
    whole_within(name, reader, expected, MAX_WHOLE_FILE_BYTES)
}

/// [`whole`] with `limit` bytes in place of [`MAX_WHOLE_FILE_BYTES`].
fn whole_within(
    name: &str,
    reader: impl std::io::Read,
    expected: u64,
    limit: u64,
) -> Result<Vec<u8>, ImportError> {
    match read_at_most(reader, limit, expected) {
        Ok(Capped::Whole(bytes)) => Ok(bytes),
        Ok(Capped::Over) => Err(ImportError::Unrecognised {
            file: name.to_string(),
            what: format!(
                "the file holds more than {}, the most peerscope reads whole (only \
                 DiscordChatExporter JSON is read as it streams); split the export",
                size_words(limit)
            ),
        }),
        Err(e) => Err(unreadable(name, e)),
    }
}

/// The sentence for a file the system could not read.
fn unreadable(name: &str, e: std::io::Error) -> ImportError {
    ImportError::Unrecognised {
        file: name.to_string(),
        what: format!("cannot be read ({e})"),
    }
}

/// Parses a file read whole into `dataset`, adding its messages to `messages` at the end.
fn read_whole(
    name: &str,
    bytes: Vec<u8>,
    forced: Option<Format>,
    dataset: &mut Dataset,
    messages: &Cell<u64>,
) -> Result<(), ImportError> {
    let before = dataset.messages.len();
    read_input(&Input::new(name, bytes), forced, dataset)?;
    let added = dataset.messages.len().saturating_sub(before) as u64;
    messages.set(messages.get().saturating_add(added));
    Ok(())
}

/// Whether [`read_stream_counting`] streams a file that starts with `head` (message by
/// message, memory following the model) rather than reading it whole: true for a
/// DiscordChatExporter export, chosen (`forced`) or detected from `head` (the first bytes
/// the reader holds, up to its buffer: 1 MiB in the worker and the CLI).
///
/// The browser's worker asks this before reading on, to hold files read whole to a
/// smaller size limit. An empty `head` streams only when the format was chosen.
pub fn streams(head: &[u8], forced: Option<Format>) -> bool {
    match forced {
        Some(format) => format == Format::Discord,
        None => discord::detect(head),
    }
}

/// Reads one export from a stream into `dataset` (the CLI's files).
///
/// DiscordChatExporter JSON is read message by message, so memory follows the model and
/// not the file; other formats (and zips, whose index sits at the end) are read whole, up
/// to [`MAX_WHOLE_FILE_BYTES`].
pub fn read_stream(
    name: &str,
    reader: impl std::io::BufRead,
    forced: Option<Format>,
    dataset: &mut Dataset,
) -> Result<(), ImportError> {
    read_stream_counting(name, reader, forced, dataset, &Cell::new(0))
}

/// [`read_stream`], adding every message read to `messages` as it goes (streamed formats
/// count one by one; formats read whole add their count when the file is done), so a
/// progress display can say how many messages are in so far.
pub fn read_stream_counting(
    name: &str,
    mut reader: impl std::io::BufRead,
    forced: Option<Format>,
    dataset: &mut Dataset,
    messages: &Cell<u64>,
) -> Result<(), ImportError> {
    let head = reader.fill_buf().map_err(|e| unreadable(name, e))?;
    if streams(head, forced) {
        let how = match forced {
            Some(_) => detection::chosen(),
            None => detection::judged(Format::Discord, name, head),
        };
        if head.starts_with(b"\xEF\xBB\xBF") {
            reader.consume(3);
        }
        discord::read_stream(name, reader, dataset, messages).map_err(one_line_error)?;
        detection::record(dataset, &how);
        return Ok(());
    }
    let bytes = whole(name, reader, 0)?;
    read_whole(name, bytes, forced, dataset, messages)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DISCORD_HEAD: &[u8] =
        b"\xEF\xBB\xBF{\n  \"guild\": {},\n  \"channel\": {\"id\": \"1\"},\n  \"messages\": [";

    #[test]
    fn a_discord_export_streams_and_other_formats_are_read_whole() {
        assert!(streams(DISCORD_HEAD, None));
        assert!(!streams(b"author,time\nann,2024-01-01T00:00:00Z\n", None));
        assert!(!streams(b"[01/02/2024, 10:00:00] Ann: hi\n", None));
        assert!(!streams(b"", None), "an empty file is read whole");
    }

    #[test]
    fn an_endless_stream_stops_at_the_budget_naming_the_file() {
        let err = whole_within("/dev/zero", std::io::repeat(0), 0, 3 << 20)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with("/dev/zero: the file holds more than 3 MiB, the most"),
            "{err}"
        );
        let within = whole_within("a", &b"abc"[..], 3, 3).ok();
        assert_eq!(within, Some(b"abc".to_vec()));
    }

    #[test]
    fn a_chosen_format_decides_whatever_the_head_says() {
        assert!(streams(b"", Some(Format::Discord)));
        assert!(!streams(DISCORD_HEAD, Some(Format::Csv)));
    }
}
