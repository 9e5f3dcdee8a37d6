//! Reading an export from a stream rather than from bytes in memory: the CLI's files and
//! the browser worker's slices. A DiscordChatExporter export and a Telegram chat export
//! are parsed message by message as they are read, and yt-dlp's YouTube live chat line by
//! line, so memory follows the model
//! and not the file; every other format (and every zip, whose index sits at the end) is
//! read whole first.

use std::cell::Cell;

use super::budget::{read_at_most, size_words, Capped, MAX_WHOLE_FILE_BYTES};
use super::fed::{skip, Fed};
use super::{
    detection, discord, one_line_error, read_input, telegram, youtube_live_chat, Format,
    FormatReader,
};
use crate::import::error::ImportError;
use crate::import::rare::{left_out, READS_RARE_FORMATS};
use crate::import::Input;
use crate::model::Dataset;

/// Reads one file of `size` bytes from `reader` into `dataset`, the way the CLI does: a
/// DiscordChatExporter export message by message through [`read_stream_counting`] (in 2 MiB
/// reads, whatever its size: parsing a window of the file is faster than parsing the file
/// held whole, 500 against 380 MB/s on 100 k messages, and it never holds the file),
/// every other format read whole, `size` telling how much to reserve. `messages` counts
/// the messages read, as in [`read_stream_counting`]. A file read whole is held to
/// [`MAX_WHOLE_FILE_BYTES`] whatever `size` says (a pipe or a device has none: give
/// `u64::MAX`).
pub fn read_sized(
    name: &str,
    size: u64,
    reader: impl std::io::Read,
    forced: Option<Format>,
    dataset: &mut Dataset,
    messages: &Cell<u64>,
) -> Result<(), ImportError> {
    let buffered = std::io::BufReader::with_capacity(1 << 20, reader);
    read_with_hint(name, buffered, size, forced, dataset, messages)
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
                 DiscordChatExporter JSON, Telegram chat exports and yt-dlp's live chat are read \
                 as they stream); \
                 split the export",
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
/// DiscordChatExporter export, a Telegram chat export (not an account's, see
/// `telegram::streams`) and for yt-dlp's live chat lines, chosen (`forced`) or
/// detected from `head` (the first bytes the reader holds, up to its buffer: 1 MiB in the
/// worker and the CLI).
///
/// The browser's worker asks this before reading on, to hold files read whole to a
/// smaller size limit. A blank `head` never streams.
pub fn streams(head: &[u8], forced: Option<Format>) -> bool {
    streamed_format(head, forced).is_some()
}

/// The format [`streams`] streams `head` as, if any.
fn streamed_format(head: &[u8], forced: Option<Format>) -> Option<Format> {
    // UTF-16 text and a blank file are read whole, where they are converted or named.
    let whole = head.starts_with(&[0xFF, 0xFE])
        || head.starts_with(&[0xFE, 0xFF])
        || head.iter().all(u8::is_ascii_whitespace);
    // Detection's own order decides, so a file is streamed as what it is read as.
    let format = forced.or_else(|| Format::ALL.into_iter().find(|f| f.detect("", head)))?;
    let streamed = match format {
        Format::Discord => true,
        Format::Telegram => telegram::streams(head),
        Format::YouTubeLiveChat => youtube_live_chat::is_lines(head),
        _ => false,
    };
    (streamed && !whole).then_some(format)
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
    reader: impl std::io::BufRead,
    forced: Option<Format>,
    dataset: &mut Dataset,
    messages: &Cell<u64>,
) -> Result<(), ImportError> {
    read_with_hint(name, reader, 0, forced, dataset, messages)
}

/// [`read_stream_counting`] of a file of `size` bytes: a file read whole is read into
/// exactly that much room (a hint; more is still read, up to [`MAX_WHOLE_FILE_BYTES`]).
///
/// Why the browser's worker passes the size it knows: without it the whole-file buffer
/// grows by doubling, which for a 40 MB chat ends in 64 MB of room, and the 32 MB buffer it
/// grew from is held beside it while it is copied; wasm memory never shrinks, so that peak
/// stays the worker's size.
pub fn read_stream_sized(
    name: &str,
    size: u64,
    reader: impl std::io::BufRead,
    forced: Option<Format>,
    dataset: &mut Dataset,
    messages: &Cell<u64>,
) -> Result<(), ImportError> {
    read_with_hint(name, reader, size, forced, dataset, messages)
}

/// Whether [`read_fed`] reads a file that starts with `head` (as in [`streams`]): a
/// DiscordChatExporter export or a Telegram chat export, chosen or detected.
pub fn feeds(head: &[u8], forced: Option<Format>) -> bool {
    matches!(
        streamed_format(head, forced),
        Some(Format::Discord | Format::Telegram)
    )
}

/// [`read_stream_counting`] of a file [`feeds`] accepts, from bytes that may have to be
/// waited for: the browser worker's file, read ahead while the bytes before are parsed
/// (`import/fed.rs`). `head` is a copy of the file's first bytes, which `reader` still
/// gives from the start.
pub async fn read_fed(
    name: &str,
    head: &[u8],
    reader: &mut dyn Fed,
    forced: Option<Format>,
    dataset: &mut Dataset,
    messages: &Cell<u64>,
) -> Result<(), ImportError> {
    let format = streamed_format(head, forced);
    let how = match (forced, format) {
        (Some(_), _) => detection::chosen(),
        (None, Some(format)) => detection::judged(format, name, head),
        (None, None) => detection::chosen(),
    };
    if head.starts_with(BOM) {
        skip(reader, BOM.len())
            .await
            .map_err(|e| unreadable(name, e))?;
    }
    let read = match format {
        Some(Format::Discord) => discord::read_fed(name, reader, dataset, messages).await,
        Some(Format::Telegram) => telegram::read_fed(name, reader, dataset, messages).await,
        _ => Err(ImportError::Unrecognised {
            file: name.to_string(),
            what: "is not read as it streams (a bug: ask `feeds` first)".into(),
        }),
    };
    read.map_err(one_line_error)?;
    detection::record(dataset, &how);
    Ok(())
}

/// UTF-8's byte-order mark, which a streamed file may start with.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// [`read_stream_counting`] of a file of about `size` bytes (a hint, for reading whole).
fn read_with_hint(
    name: &str,
    mut reader: impl std::io::BufRead,
    size: u64,
    forced: Option<Format>,
    dataset: &mut Dataset,
    messages: &Cell<u64>,
) -> Result<(), ImportError> {
    let head = reader.fill_buf().map_err(|e| unreadable(name, e))?;
    if let Some(format) = streamed_format(head, forced) {
        let how = match forced {
            Some(_) => detection::chosen(),
            None => detection::judged(format, name, head),
        };
        if head.starts_with(BOM) {
            reader.consume(BOM.len());
        }
        let read = match format {
            Format::Discord => discord::read_stream(name, reader, dataset, messages),
            Format::Telegram => telegram::read_stream(name, reader, dataset, messages),
            // Without `all-formats` the live chat's reader is left out (import/rare.rs).
            _ if READS_RARE_FORMATS => {
                youtube_live_chat::read_stream(name, reader, dataset, messages)
            }
            _ => Err(left_out(name, format)),
        };
        read.map_err(one_line_error)?;
        detection::record(dataset, &how);
        return Ok(());
    }
    let bytes = whole(name, reader, size)?;
    read_whole(name, bytes, forced, dataset, messages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::fed::block_on;

    const DISCORD_HEAD: &[u8] =
        b"\xEF\xBB\xBF{\n  \"guild\": {},\n  \"channel\": {\"id\": \"1\"},\n  \"messages\": [";

    #[test]
    fn a_discord_export_streams_and_other_formats_are_read_whole() {
        assert!(streams(DISCORD_HEAD, None));
        assert!(!streams(b"author,time\nann,2024-01-01T00:00:00Z\n", None));
        assert!(!streams(b"[01/02/2024, 10:00:00] Ann: hi\n", None));
        assert!(!streams(b"", None), "an empty file is read whole");
        let live_chat = br#"{"replayChatItemAction":{"actions":[]}}"#;
        assert!(streams(live_chat, None), "yt-dlp's lines stream");
        assert!(
            !streams(
                b"{\n \"continuationContents\":{\"liveChatContinuation\":{}}}",
                None
            ),
            "a pretty-printed response is read whole"
        );
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

    /// Fed in pieces that wait, a file reads as the CLI reads it, and a cut file or a bad
    /// byte gets the CLI's sentence, at the same line and column.
    #[test]
    fn a_fed_file_reads_and_fails_as_a_streamed_one() {
        let good = "\u{feff}{\"channel\": {\"id\": \"9\"},\n \"messages\": [\n  {\"id\": \"1\", \
            \"timestamp\": \"2024-01-01T10:00:00Z\", \"content\": \"hi\", \
            \"author\": {\"id\": \"a\", \"name\": \"ann\"}}\n]}";
        let cut = &good[..good.len() - 30];
        let bad = good.replace("\"hi\"", "\"hi\" x");
        for text in [good, cut, &bad] {
            let streamed = {
                let mut dataset = Dataset::default();
                let read = read_stream("t.json", text.as_bytes(), None, &mut dataset);
                read.map(|()| dataset.messages).map_err(|e| e.to_string())
            };
            assert_eq!(streamed.is_ok(), text == good, "{streamed:?}");
            assert!(feeds(text.as_bytes(), None));
            for pieces in [&[1][..], &[5, 2], &[1 << 20]] {
                let mut dataset = Dataset::default();
                let mut fed = crate::import::fed::tests::Trickle::new(text.as_bytes(), pieces);
                let counted = Cell::new(0);
                let read = block_on(read_fed(
                    "t.json",
                    text.as_bytes(),
                    &mut fed,
                    None,
                    &mut dataset,
                    &counted,
                ));
                let read = read.map(|()| dataset.messages).map_err(|e| e.to_string());
                assert_eq!(read, streamed, "pieces {pieces:?}");
            }
        }
    }

    #[test]
    fn a_chosen_format_decides_whatever_the_head_says() {
        assert!(streams(b"[1]", Some(Format::Discord)));
        assert!(
            !streams(b" \n", Some(Format::Discord)),
            "blank: read whole, said empty"
        );
        assert!(
            !streams(b"\xFF\xFE{\0", Some(Format::Discord)),
            "UTF-16: converted whole"
        );
        assert!(!streams(DISCORD_HEAD, Some(Format::Csv)));
    }
}
