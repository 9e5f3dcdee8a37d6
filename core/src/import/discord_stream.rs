//! Reads a DiscordChatExporter file message by message, so a 1 GB export never exists in
//! memory as a whole: each element of `messages` is parsed in place in a
//! [`JsonWindow`] (strings borrowed from the window's bytes), converted into the model and
//! dropped before the next one is read.
//!
//! The same walk serves bytes in memory and any `io::Read` (the CLI's files, the browser
//! worker's slices): the top-level object is walked key by key here, `channel` is parsed
//! by serde_json, each message by the byte cursor of `discord/scan.rs` (serde_json when
//! the cursor is unsure), and every other value is skipped unread.

use std::borrow::Cow;
use std::cell::Cell;

use super::discord::{convert, scan_message, space_of, Channel, KnownPeople, RawMessage};
use super::fed::Fed;
use super::json_scan::Scan;
use super::json_window::{FromWindow, JsonWindow, Skipped};
use crate::import::error::ImportError;
use crate::model::{Dataset, Message, SpaceIdx};

/// What one file added, for its summary line.
#[derive(Debug, Default)]
pub struct Tally {
    pub messages: u64,
    pub zone_assumed: u64,
    pub space_name: Option<String>,
}

/// What the top-level object is expected to be, in error sentences.
const EXPORT: &str = "a DiscordChatExporter export (an object with \"channel\" and \"messages\")";

struct Key;
impl FromWindow for Key {
    type Of<'a> = Cow<'a, str>;
}
struct ChannelValue;
impl FromWindow for ChannelValue {
    type Of<'a> = Channel<'a>;
}
struct MessageValue;
impl FromWindow for MessageValue {
    type Of<'a> = RawMessage<'a>;

    fn scan(bytes: &[u8]) -> Scan<(RawMessage<'_>, usize)> {
        scan_message(bytes)
    }
}

/// Where the messages read go.
struct Sink<'d> {
    file: &'d str,
    dataset: &'d mut Dataset,
    tally: Tally,
    /// Messages read so far, shared with whoever shows progress.
    counted: &'d Cell<u64>,
    space: Option<SpaceIdx>,
    /// Messages that came before "channel" (not DCE's order, but valid JSON) wait here.
    early: Vec<Message>,
    saw_messages: bool,
    known: KnownPeople,
}

/// Reads one export from `reader` (a leading BOM already skipped) into `dataset`, adding
/// one to `counted` per message read; what the file added, or the first error.
///
/// The reader is a `dyn Fed` so that the walk is compiled once for every reader (each
/// copy costs the page's wasm a few KB), waiting wherever the reader has to wait.
pub(super) async fn read_export(
    file: &str,
    reader: &mut dyn Fed,
    dataset: &mut Dataset,
    counted: &Cell<u64>,
) -> Result<Tally, ImportError> {
    walk(JsonWindow::new(file, reader), dataset, counted).await
}

/// [`read_export`] from `window`.
async fn walk<R: Fed>(
    mut window: JsonWindow<'_, R>,
    dataset: &mut Dataset,
    counted: &Cell<u64>,
) -> Result<Tally, ImportError> {
    let file = window.file();
    let mut sink = Sink {
        file,
        dataset,
        tally: Tally::default(),
        counted,
        space: None,
        early: Vec::new(),
        saw_messages: false,
        known: KnownPeople::default(),
    };
    match window.peek().await? {
        Some(b'{') => window.consume(1),
        found => return Err(window.unexpected(found, EXPORT)),
    }
    if window.peek().await? == Some(b'}') {
        window.consume(1);
    } else {
        read_members(&mut window, &mut sink).await?;
    }
    if let Some(found) = window.peek().await? {
        return Err(window.unexpected(Some(found), "the end of the file after the export"));
    }
    for (missing, absent) in [
        ("channel", sink.space.is_none()),
        ("messages", !sink.saw_messages),
    ] {
        if absent {
            return Err(window.unexpected_content(&format!("missing field `{missing}`")));
        }
    }
    Ok(sink.tally)
}

/// The top-level object's members, up to and including its closing brace.
async fn read_members<R: Fed>(
    window: &mut JsonWindow<'_, R>,
    sink: &mut Sink<'_>,
) -> Result<(), ImportError> {
    loop {
        if window.peek().await? != Some(b'"') {
            let found = window.peek().await?;
            return Err(window.unexpected(found, "a key in quotes"));
        }
        let key = window
            .next::<Key, _>(|key| match key.as_ref() {
                "channel" => 1,
                "messages" => 2,
                _ => 0,
            })
            .await?;
        window.expect(b':', "`:`").await?;
        match key {
            Some(1) => read_channel(window, sink).await?,
            Some(2) => read_messages(window, sink).await?,
            _ => skip(window).await?,
        }
        match window.peek().await? {
            Some(b',') => window.consume(1),
            Some(b'}') => {
                window.consume(1);
                return Ok(());
            }
            found => return Err(window.unexpected(found, "`,` or `}`")),
        }
    }
}

/// Skips one value unread.
async fn skip<R: Fed>(window: &mut JsonWindow<'_, R>) -> Result<(), ImportError> {
    match window.next::<Skipped, _>(|_| ()).await? {
        Some(()) => Ok(()),
        None => Err(window.unexpected(None, "a value")),
    }
}

/// The `channel` object: the space every message of the file goes to.
async fn read_channel<R: Fed>(
    window: &mut JsonWindow<'_, R>,
    sink: &mut Sink<'_>,
) -> Result<(), ImportError> {
    let space = window
        .next::<ChannelValue, _>(|channel| {
            sink.tally.space_name =
                Some(channel.name.as_deref().unwrap_or(&channel.id).to_string());
            sink.dataset.intern_space(space_of(&channel))
        })
        .await?;
    let Some(space) = space else {
        return Err(window.unexpected(None, "the channel"));
    };
    sink.space = Some(space);
    for mut message in std::mem::take(&mut sink.early) {
        message.space = space;
        sink.dataset.push_message(message);
    }
    Ok(())
}

/// The `messages` array, one element at a time.
async fn read_messages<R: Fed>(
    window: &mut JsonWindow<'_, R>,
    sink: &mut Sink<'_>,
) -> Result<(), ImportError> {
    sink.saw_messages = true;
    match window.peek().await? {
        Some(b'[') => window.consume(1),
        found => return Err(window.unexpected(found, "an array of messages")),
    }
    if window.peek().await? == Some(b']') {
        window.consume(1);
        return Ok(());
    }
    loop {
        match window.next::<MessageValue, _>(|raw| sink.add(&raw)).await? {
            Some(added) => added?,
            None => return Err(window.unexpected(None, "a message")),
        }
        match window.peek().await? {
            Some(b',') => window.consume(1),
            Some(b']') => {
                window.consume(1);
                return Ok(());
            }
            found => return Err(window.unexpected(found, "`,` or `]`")),
        }
    }
}

impl Sink<'_> {
    /// Converts and stores one message (or keeps it until the channel is known).
    fn add(&mut self, raw: &RawMessage) -> Result<(), ImportError> {
        let number = self.tally.messages as usize;
        self.tally.messages += 1;
        self.counted.set(self.counted.get().saturating_add(1));
        let space = self.space.unwrap_or(SpaceIdx::MAX);
        let message = convert(self.file, number, raw, space, self.dataset, &mut self.known)?;
        self.tally.zone_assumed += u64::from(message.time_estimated);
        if self.space.is_some() {
            self.dataset.push_message(message);
        } else {
            self.early.push(message);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::fed::tests::Trickle;
    use crate::import::fed::{block_on, Ready};

    /// A file read through windows of every size from 1 byte (every value cut, the
    /// window grown) reads the same messages as through one window, and an error deep
    /// in the file names the line and column serde_json gives for the whole text.
    #[test]
    fn any_window_reads_the_same_and_errors_keep_their_position() {
        let text = r#"{"messages": [
  {"id": "1", "timestamp": "2024-01-01T10:00:00Z", "content": "a\nb?",
   "author": {"id": "a", "name": "ann"}, "mentions": [{"id": "b", "name": "bo"}]},
  {"id": "2", "timestamp": "2024-01-01T10:01:00Z", "content": "hi", "embeds": [1, 2.5e3],
   "author": {"id": "b", "name": "bo"}, "reference": {"messageId": "1"}}
], "channel": {"id": "9", "name": "general"}, "messageCount": 123456}"#;
        let read = |bytes: &[u8], window: usize| {
            let mut dataset = Dataset::default();
            let counted = Cell::new(0);
            let window = JsonWindow::with_window("t.json", Ready(bytes), window);
            block_on(walk(window, &mut dataset, &counted))
                .map(|tally| (dataset, tally, counted.get()))
        };
        let (whole, tally, counted) = read(text.as_bytes(), 1 << 20).unwrap();
        assert_eq!((whole.messages.len(), tally.messages, counted), (2, 2, 2));
        assert_eq!(
            whole.messages[0].space, 0,
            "read before the channel, placed in it"
        );
        assert_eq!(
            (whole.messages[0].text_len, whole.messages[0].is_question),
            (4, true)
        );
        assert_eq!(whole.messages[1].parent.as_deref(), Some("1"));
        for window in 1..40 {
            let (cut, _, _) = read(text.as_bytes(), window).unwrap();
            assert_eq!(cut.messages, whole.messages, "window of {window} bytes");
            assert_eq!(cut.people, whole.people);
        }
        // Pieces that wait before they come, cut anywhere, as the worker's file comes.
        for pieces in [&[1][..], &[3, 17, 5], &[64, 2]] {
            let mut dataset = Dataset::default();
            let mut fed = Trickle::new(text.as_bytes(), pieces);
            let window = JsonWindow::with_window("t.json", &mut fed, 16);
            block_on(walk(window, &mut dataset, &Cell::new(0))).unwrap();
            assert_eq!(dataset.messages, whole.messages, "pieces {pieces:?}");
        }
        let broken = text.replace("2.5e3]", "2.5e3}");
        let expected = serde_json::from_str::<serde_json::Value>(&broken).unwrap_err();
        for window in [1, 7, 64, 1 << 20] {
            match read(broken.as_bytes(), window).err() {
                Some(ImportError::Syntax { line, column, .. }) => {
                    assert_eq!((line, column), (expected.line(), expected.column()));
                }
                other => panic!("window {window}: {other:?}"),
            }
        }
    }

    #[test]
    fn shapes_that_are_not_an_export_say_what_is_missing() {
        let read = |text: &str| {
            let mut dataset = Dataset::default();
            let mut reader = Ready(text.as_bytes());
            block_on(read_export(
                "t.json",
                &mut reader,
                &mut dataset,
                &Cell::new(0),
            ))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
        };
        assert!(read(r#"{"messages": []}"#).contains("missing field `channel`"));
        assert!(read(r#"{"channel": {"id": "1"}}"#).contains("missing field `messages`"));
        assert!(read("[]").contains("expected a DiscordChatExporter export"));
        assert!(
            read(r#"{"channel": {"id": "1"}, "messages": [] } x"#).contains("line 1, column 43")
        );
        assert!(read(r#"{"channel": {"id": "1"}, "messages": [{"id": "1""#).contains("truncated"));
    }
}
