//! DiscordChatExporter JSON: one channel or one thread per file.
//!
//! Replies come from `reference.messageId` (not from the message `type`: older exporters
//! wrote replies as `Default`); `reference.type == "Forward"` is a forward, not a reply.
//! Mentions come from the resolved `mentions` array. Reactions list their `users` only in
//! exporter 2.40.4 and later; before that only counts are known. A thread file has its own
//! channel id and, since 2.40.1, the parent channel in `categoryId`.

use std::borrow::Cow;
use std::cell::Cell;

use serde::Deserialize;

mod people;
mod scan;

use super::discord_stream::read_export;
use super::fed::{block_on, Fed, Ready, Walk};
use super::text_size::TextSize;
use super::timestamp::parse_iso;
use crate::import::error::ImportError;
use crate::import::plain::excerpt;
use crate::model::{distinct, Dataset, FileSummary, Message, MessageId, Reaction, Space};
use people::intern;
pub(super) use people::KnownPeople;
pub(super) use scan::message as scan_message;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Channel<'a> {
    #[serde(borrow)]
    pub(super) id: Cow<'a, str>,
    #[serde(borrow, rename = "type", default)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    category_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) name: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
#[serde(rename_all = "camelCase")]
pub(super) struct RawMessage<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow, rename = "type", default)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    timestamp: Cow<'a, str>,
    #[serde(default)]
    content: Option<TextSize>,
    #[serde(borrow)]
    author: User<'a>,
    #[serde(borrow, default)]
    reactions: Vec<RawReaction<'a>>,
    #[serde(borrow, default)]
    mentions: Vec<User<'a>>,
    #[serde(borrow, default)]
    reference: Option<Reference<'a>>,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
#[serde(rename_all = "camelCase")]
struct User<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    nickname: Option<Cow<'a, str>>,
    #[serde(default)]
    is_bot: bool,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
struct RawReaction<'a> {
    #[serde(borrow)]
    emoji: Emoji<'a>,
    #[serde(default)]
    count: u32,
    #[serde(borrow, default)]
    users: Option<Vec<User<'a>>>,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Emoji<'a> {
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
#[serde(rename_all = "camelCase")]
struct Reference<'a> {
    #[serde(borrow, rename = "type", default)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    message_id: Option<Cow<'a, str>>,
}

/// True when the bytes look like a DiscordChatExporter JSON file: an object whose first
/// few kilobytes hold a `"channel"` object and a `"messages"` array (whitespace ignored).
///
/// Both are needed: yt-dlp's info JSON also has a `"channel"` key, but a string.
pub fn detect(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(16 * 1024)).unwrap_or(bytes);
    let compact: String = String::from_utf8_lossy(head)
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    compact.starts_with('{')
        && compact.contains("\"channel\":{")
        && compact.contains("\"messages\":[")
}

/// Reads one file into `dataset`.
///
/// Errors name the file and a position: line and column for JSON errors, the message
/// number and id for a value that is well-formed JSON but unusable (an unreadable date).
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    read_stream(file, bytes, dataset, &Cell::new(0))
}

/// Reads one file from a stream (the CLI's files, the worker's slices), message by
/// message, each parsed in place in a window of the stream (`import/json_window.rs`).
///
/// Memory stays at the size of the model plus the window, whatever the size of the file.
/// A leading BOM must already be skipped. Every message read adds one to `messages` as it
/// is read.
pub fn read_stream(
    file: &str,
    reader: impl std::io::Read,
    dataset: &mut Dataset,
    messages: &Cell<u64>,
) -> Result<(), ImportError> {
    block_on(read_fed(file, &mut Ready(reader), dataset, messages))
}

/// [`read_stream`] from bytes that may have to be waited for (the worker's file, read
/// ahead while the bytes before are parsed: `import/fed.rs`).
pub fn read_fed<'a>(
    file: &'a str,
    reader: &'a mut dyn Fed,
    dataset: &'a mut Dataset,
    messages: &'a Cell<u64>,
) -> Walk<'a> {
    Box::pin(async move {
        let tally = read_export(file, reader, dataset, messages).await?;
        if tally.zone_assumed > 0 {
            dataset.warnings.push(format!(
                "{file}: {} timestamps had no time zone; UTC was assumed",
                tally.zone_assumed
            ));
        }
        dataset.files.push(FileSummary {
            name: file.to_string(),
            format: "discord",
            space: tally.space_name.unwrap_or_default(),
            messages: tally.messages,
        });
        Ok(())
    })
}

pub(super) fn space_of(channel: &Channel) -> Space {
    let is_thread = channel
        .kind
        .as_deref()
        .is_some_and(|k| k.ends_with("Thread"));
    Space {
        id: channel.id.to_string(),
        name: channel.name.as_deref().unwrap_or(&channel.id).to_string(),
        parent: if is_thread {
            channel.category_id.as_deref().map(str::to_string)
        } else {
            None
        },
        is_thread,
        infer_replies: false,
    }
}

/// `raw`, the message numbered `number` (from 0) of `file`, as a message of `space`; its
/// people are interned in `dataset` (through `known`, the file's people by number).
pub(super) fn convert(
    file: &str,
    number: usize,
    raw: &RawMessage,
    space: u32,
    dataset: &mut Dataset,
    known: &mut KnownPeople,
) -> Result<Message, ImportError> {
    let time = parse_iso(&raw.timestamp).ok_or_else(|| ImportError::Shape {
        file: file.to_string(),
        what: format!(
            "message {} (id {}): the timestamp \"{}\" is not a date",
            number + 1,
            excerpt(&raw.id),
            excerpt(&raw.timestamp)
        ),
    })?;
    let author = intern(dataset, known, &raw.author);
    let parent = raw
        .reference
        .as_ref()
        .filter(|r| r.kind.as_deref() != Some("Forward"))
        .and_then(|r| r.message_id.as_deref())
        .filter(|id| !id.is_empty())
        .map(str::to_string);
    let mentions = distinct(
        raw.mentions
            .iter()
            .map(|user| intern(dataset, known, user))
            .collect::<Vec<_>>(),
    );
    let reactions = raw
        .reactions
        .iter()
        .map(|r| reaction(r, dataset, known))
        .collect();
    let text = raw.content.unwrap_or_default();
    // The id goes straight into the message (held in place when short), never through a
    // `String` of its own: one allocation and free less per message.
    let mut message = Message::new(space, String::new(), author, time.ms);
    message.id = MessageId::from(raw.id.as_ref());
    Ok(message
        .with_time_estimated(time.zone_assumed)
        .with_notice(is_system(raw.kind.as_deref()))
        .with_parent(parent)
        .with_mentions(mentions)
        .with_reactions(reactions)
        .with_text_size(text.chars, text.asks))
}

fn reaction(raw: &RawReaction, dataset: &mut Dataset, known: &mut KnownPeople) -> Reaction {
    let reactors = distinct(
        raw.users
            .iter()
            .flatten()
            .map(|user| intern(dataset, known, user))
            .collect::<Vec<_>>(),
    );
    Reaction {
        emoji: raw.emoji.name.as_deref().unwrap_or("").to_string(),
        count: raw.count.max(reactors.len() as u32),
        reactors,
    }
}

/// Whether a message `type` is a system notice rather than conversation.
///
/// Named kinds other than `Default` and `Reply` are notices (joins, pins, calls, renames,
/// "started a thread"). Unnamed kinds arrive as bare numbers: Discord's 0 (default),
/// 19 (reply), 20 and 23 (application commands) and 21 (thread starter) are
/// conversation; every other number is a notice (boosts, follows, auto-moderation, …).
fn is_system(kind: Option<&str>) -> bool {
    match kind {
        None | Some("Default") | Some("Reply") => false,
        Some(k) => match k.parse::<u32>() {
            Ok(n) => !matches!(n, 0 | 19 | 20 | 21 | 23),
            Err(_) => true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MessageKind;

    const TINY: &str = r#"{"guild":{"id":"1","name":"G"},
      "channel":{"id":"10","type":"GuildTextChat","categoryId":null,"name":"general"},
      "messages":[
        {"id":"100","type":"Default","timestamp":"2024-01-01T10:00:00+00:00","content":"hi?",
         "author":{"id":"a","name":"ann","nickname":"Ann","isBot":false},
         "reactions":[{"emoji":{"name":"👍"},"count":2,"users":[{"id":"b","name":"bo"}]}],
          "mentions":[]},
        {"id":"101","type":"Default","timestamp":"2024-01-01T10:01:00.5+01:00","content":"yes",
         "author":{"id":"b","name":"bo","nickname":""},
         "mentions":[{"id":"a","name":"ann"},{"id":"a","name":"ann"}],
         "reference":{"messageId":"100","channelId":"10"}},
        {"id":"102","type":"20","timestamp":"2024-01-01T10:02:00Z","content":"",
         "author":{"id":"c","name":"cmd"}, "reference":{"type":"Forward","messageId":"100"}},
        {"id":"103","type":"GuildMemberJoin","timestamp":"2024-01-01T10:03:00Z",
         "content":"Joined the server.",
         "author":{"id":"d","name":"dee"}}
      ]}"#;

    fn load(text: &str) -> Result<Dataset, ImportError> {
        let mut d = Dataset::default();
        read("t.json", text.as_bytes(), &mut d).map(|()| d)
    }

    #[test]
    fn reads_messages_replies_mentions_reactions() {
        let d = load(TINY).unwrap_or_default();
        assert_eq!(d.messages.len(), 4);
        let m = &d.messages;
        assert_eq!(m[0].kind, MessageKind::Post);
        assert!(m[0].is_question);
        assert_eq!(m[0].reactions[0].count, 2);
        assert_eq!(m[0].reactions[0].reactors.len(), 1);
        assert_eq!(
            m[1].kind,
            MessageKind::Reply,
            "a Default message with a reference is a reply"
        );
        assert_eq!(m[1].parent.as_deref(), Some("100"));
        assert_eq!(
            m[1].mentions.len(),
            1,
            "a person is mentioned once per message"
        );
        assert_eq!(m[1].time_ms - m[0].time_ms, -3_600_000 + 60_500);
        assert_eq!(m[2].kind, MessageKind::Post, "a forward is not a reply");
        assert_eq!(m[3].kind, MessageKind::System);
        assert_eq!(d.display(m[0].author), "Ann");
        assert_eq!(
            d.display(m[1].author),
            "bo",
            "empty nickname falls back to the name"
        );
        assert_eq!(d.files[0].space, "general");
    }

    #[test]
    fn truncated_file_names_file_and_position() {
        let cut = TINY.get(..300).unwrap_or("");
        let err = load(cut).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.starts_with("t.json: line "), "{err}");
        assert!(err.contains("truncated"), "{err}");
    }

    #[test]
    fn bad_timestamp_names_the_message() {
        let text = TINY.replace("2024-01-01T10:02:00Z", "soon");
        let err = load(&text).err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            err,
            "t.json: message 3 (id 102): the timestamp \"soon\" is not a date"
        );
    }

    #[test]
    fn other_json_shapes_are_rejected_with_position() {
        let err = load(r#"{"channel":{"id":"1"},"messages":[{"id":"x"}]}"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("t.json: line 1, column "), "{err}");
        assert!(err.contains("missing field `timestamp`"), "{err}");
    }

    #[test]
    fn detection() {
        assert!(detect(TINY.as_bytes()));
        assert!(detect(
            b"\xEF\xBB\xBF {\"guild\":{}, \"channel\" : {}, \"messages\": [ ]}"
        ));
        assert!(
            !detect(b"{\"channel\": \"A YouTuber\", \"comments\": []}"),
            "yt-dlp info JSON"
        );
        assert!(!detect(b"[1,2]"));
        assert!(!detect(b"12/01/2024, 10:00 - Ann: hi"));
    }

    #[test]
    fn numeric_kinds() {
        assert!(!is_system(Some("0")));
        assert!(!is_system(Some("19")));
        assert!(is_system(Some("7")));
        assert!(is_system(Some("ThreadCreated")));
        assert!(!is_system(None));
    }
}
