//! Telegram Desktop JSON export (`result.json`): one chat, or the whole account.
//!
//! A single-chat export is `{name, type, id, messages}`; the full-account export holds its
//! chats under `chats.list` and `left_chats.list`. Every chat of the file becomes its own
//! space and all of them are read (letting the user pick chats is for the UI, later).
//! Saved Messages and the Replies feed are skipped: they are not conversations, and
//! Replies repeats messages that belong to other chats.
//!
//! Message ids are unique within a chat only, so each is stored as `<chat id>/<message
//! id>`: a reply is never matched to a message of another chat by accident, and a reply
//! into another chat (`reply_to_peer_id`) finds its target when that chat is loaded too.
//!
//! Times come from `date_unixtime` (UTC seconds). Older exports only have `date`, the
//! exporting computer's local time without a zone: it is read as UTC and flagged.
//!
//! In forum supergroups a message that "replies" to a topic's `topic_created` service
//! message is just posted in that topic: it is a thread member (`thread_root`), not a
//! reply. Service messages (joins, pins, calls, topic notices) are system messages.
//!
//! Mentions: `mention_name` entities carry the user id. `mention` entities carry only an
//! `@username`, which the export never maps to anyone, so it is matched to the one person
//! of the chat whose name has the same letters and digits, or to the exporter's own
//! username; the others are counted in a warning.
//!
//! The export has no bot flag on senders: only the other side of a `bot_chat` and the
//! inline bots listed in `frequent_contacts` are marked as bots.
//!
//! Reading: a single-chat export as Telegram Desktop writes it (name, type and id before
//! the messages) streams message by message (`telegram/stream.rs`), its `@username`
//! mentions resolved after its last message (`telegram/pending.rs`); every other shape,
//! the full-account export among them, is parsed whole (`telegram/whole.rs` says why).
//! Both go through one chat reader (`telegram/chat.rs`) and give the same model, except
//! that a streamed chat interns a person first seen through an `@username` mention after
//! its last message rather than at the mention (a later index, the same person). Account
//! sections after a streamed chat's messages (Telegram Desktop writes none in a chat
//! export) still name the exporter for mentions, but mark no inline bots.

mod chat;
mod message;
mod pending;
mod raw;
mod stream;
mod syntax;
mod text;
mod whole;

use std::cell::Cell;

use crate::import::error::ImportError;
use crate::import::fed::{block_on, Fed, Ready, Walk};
use crate::model::words::plural;
use crate::model::{Dataset, FileSummary};
pub(crate) use text::compact_head;

/// The sentence for JSON that holds neither a chat nor an account's chats.
const NO_CHAT: &str = "this JSON holds no Telegram chat: expected a chat export (an object \
    with \"messages\") or a full-account export (with \"chats\"); export again from \
    Telegram Desktop in the JSON format";

/// True when the bytes look like a Telegram Desktop JSON export: a chat object naming a
/// Telegram chat type (or `date_unixtime`) before its `messages`, or an account export
/// whose first key is `about` followed by one of its sections.
pub fn detect(_name: &str, bytes: &[u8]) -> bool {
    let head = compact_head(bytes);
    if !head.starts_with('{') {
        return false;
    }
    const CHAT_TYPES: [&str; 9] = [
        "personal_chat",
        "bot_chat",
        "private_group",
        "private_supergroup",
        "public_supergroup",
        "private_channel",
        "public_channel",
        "saved_messages",
        "replies",
    ];
    let chat = head.contains("\"messages\":[")
        && (head.contains("\"date_unixtime\":")
            || CHAT_TYPES
                .iter()
                .any(|t| head.contains(&format!("\"type\":\"{t}\""))));
    const SECTIONS: [&str; 6] = [
        "\"personal_information\":{",
        "\"chats\":{",
        "\"left_chats\":{",
        "\"contacts\":{",
        "\"frequent_contacts\":{",
        "\"profile_pictures\":[",
    ];
    let account = head.starts_with("{\"about\":") && SECTIONS.iter().any(|s| head.contains(s));
    chat || account
}

/// Reads one `result.json` into `dataset`: one space per chat.
///
/// A chat export as Telegram Desktop writes it is read message by message
/// ([`read_stream`]); any other shape, the full-account export among them, is parsed
/// whole (`telegram/whole.rs` says why). An export without messages adds its chat (or
/// nothing) and no messages. Errors name the file and a position: line and column for
/// JSON that is broken or has the wrong shape, the chat and message for a message without
/// a readable date.
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if streams(bytes) {
        return read_stream(file, bytes, dataset, &Cell::new(0));
    }
    let mut tally = Tally::default();
    let space = whole::read(file, bytes, dataset, &mut tally)?;
    summarise(file, space, &tally, dataset);
    Ok(())
}

/// Whether [`read_stream`] reads a file that starts with `head` (its first bytes, a BOM
/// allowed): a chat export whose name, type and id come before its messages, as Telegram
/// Desktop writes them. A full-account export is read whole.
pub(crate) fn streams(head: &[u8]) -> bool {
    stream::streams(head)
}

/// Reads one chat export from a stream (the CLI's files, the worker's slices), message by
/// message, each parsed in place in a window of the stream (`import/json_window.rs`);
/// the chat's `@username` mentions are resolved after its last message.
///
/// Memory stays at the size of the model plus the window (and the mentions' text until
/// the end), whatever the size of the file. Only for files [`streams`] accepts; a leading
/// BOM must already be skipped. Every message read adds one to `messages` as it is read.
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
        let (space, tally) = stream::read_export(file, reader, dataset, messages).await?;
        summarise(file, space, &tally, dataset);
        Ok(())
    })
}

/// Adds the file's warnings and its summary line.
fn summarise(file: &str, space: String, tally: &Tally, dataset: &mut Dataset) {
    tally.warn(file, dataset);
    dataset.files.push(FileSummary {
        name: file.to_string(),
        format: "telegram",
        space,
        messages: tally.messages,
    });
}

/// Counts behind the file's warnings.
#[derive(Default)]
struct Tally {
    chats: usize,
    skipped_chats: usize,
    messages: u64,
    estimated: usize,
    unmatched_mentions: usize,
    unsupported: usize,
    anonymous: usize,
}

impl Tally {
    fn warn(&self, file: &str, dataset: &mut Dataset) {
        // Each note in the singular and the plural: a warning reads "1 message", never
        // "1 messages".
        let notes = [
            (
                self.estimated,
                "message time had no time zone (an older export); it was read as UTC",
                "message times had no time zone (an older export); they were read as UTC",
            ),
            (
                self.unmatched_mentions,
                "@username mention matched nobody in the chat (Telegram exports list no \
                 usernames) and was left out",
                "@username mentions matched nobody in the chat (Telegram exports list no \
                 usernames) and were left out",
            ),
            (
                self.unsupported,
                "message that Telegram Desktop could not export (\"unsupported\") was skipped",
                "messages that Telegram Desktop could not export (\"unsupported\") were \
                 skipped",
            ),
            (
                self.anonymous,
                "message without a sender was skipped",
                "messages without a sender were skipped",
            ),
            (
                self.skipped_chats,
                "Saved Messages or Replies chat was skipped: it is not a group conversation",
                "Saved Messages or Replies chats were skipped: they are not group conversations",
            ),
        ];
        for (count, one, many) in notes.into_iter().filter(|(count, ..)| *count > 0) {
            let what = plural(count as u64, one, many);
            dataset.warnings.push(format!("{file}: {what}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A forum chat: a topic, a post in it, a reply, a mention by id and one by username,
    /// an old-style message with only `date`, a reaction and an unsupported message.
    const FORUM: &str = r#"{"name":"Makers","type":"private_supergroup","id":77,"messages":[
      {"id":1,"type":"service","date":"2024-01-01T10:00:00","date_unixtime":"1704103200",
       "actor":"Ann Lee","actor_id":"user1","action":"topic_created","title":"Help","text":""},
      {"id":2,"type":"message","date_unixtime":"1704103260","from":"Bo","from_id":"user2",
       "reply_to_message_id":1,"text":"anyone?","text_entities":[{"type":"plain","text":"anyone?"}],
       "reactions":[{"type":"emoji","count":3,"emoji":"👍","recent":[{"from":"Ann Lee",
        "from_id":"user1","date":"x"}]}]},
      {"id":3,"type":"message","date_unixtime":"1704103320","from":"Ann Lee","from_id":"user1",
       "reply_to_message_id":2,"text":["yes ",{"type":"mention_name","text":"Cy","user_id":3},
       " and ",{"type":"mention","text":"@bo"}, " ", {"type":"mention","text":"@ghost"}]},
      {"id":4,"type":"message","date":"2024-01-01T11:00:00","from":null,"from_id":"user9",
       "text":""},
      {"id":5,"type":"unsupported"},
      {"id":6,"type":"message","date_unixtime":"1704103400","from":"Bo","from_id":"user2",
       "reply_to_message_id":9,"reply_to_peer_id":"channel55","text":"x"}
    ]}"#;

    fn load(text: &str) -> Result<Dataset, ImportError> {
        let mut d = Dataset::default();
        read("r.json", text.as_bytes(), &mut d).map(|()| d)
    }

    #[test]
    fn account_export_reads_every_chat_and_marks_bots() {
        let text = r#"{"about":"Here is the data you requested.",
          "personal_information":{"user_id":1,"first_name":"Ann","last_name":"",
           "username":"@annie"},
          "frequent_contacts":{"about":"","list":[{"id":8,"category":"inline_bots","type":"user",
           "name":"gif","rating":1}]},
          "chats":{"about":"","list":[
            {"type":"saved_messages","id":1,"messages":[{"id":1,"type":"message",
             "date_unixtime":"1","from":"Ann","from_id":"user1","text":"note"}]},
            {"name":"Helper","type":"bot_chat","id":7,"messages":[
              {"id":1,"type":"message","date_unixtime":"10","from":"Helper","from_id":"user7",
               "text":"hi"}]},
            {"name":"Club","type":"private_group","id":5,"messages":[
              {"id":1,"type":"message","date_unixtime":"20","from":"Gif","from_id":"user8",
               "text":"gif"},
              {"id":2,"type":"message","date_unixtime":"30","from":"Bo","from_id":"user2",
               "text":[{"type":"mention","text":"@annie"}]}]}]},
          "left_chats":{"about":"","list":[{"name":"Old","type":"public_channel","id":6,
           "messages":[]}]}}"#;
        let d = load(text).unwrap_or_default();
        assert_eq!(
            d.spaces.len(),
            3,
            "saved messages are skipped, the left chat is read"
        );
        assert_eq!(d.messages.len(), 3);
        assert_eq!(d.messages[1].id, d.messages[0].id.replace("7/", "5/"));
        assert!(
            d.is_bot(d.messages[0].author),
            "the other side of a bot chat"
        );
        assert!(d.is_bot(d.messages[1].author), "an inline bot");
        let ann = d.messages[2].mentions.first().map(|&p| d.display(p));
        assert_eq!(ann, Some("Ann"), "the exporter's own username resolves");
        assert_eq!(d.files[0].space, "3 chats");
        assert!(d.warnings.iter().any(|w| w.contains("1 Saved Messages")));
    }

    #[test]
    fn errors_name_the_file_and_position() {
        let cut = FORUM.get(..200).unwrap_or("");
        let err = load(cut).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.starts_with("r.json: line "), "{err}");
        let no_date = FORUM.replace("\"date\":\"2024-01-01T11:00:00\",", "");
        let err = load(&no_date)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with("r.json: chat \"Makers\", message 4 (id 4): no readable date"),
            "{err}"
        );
        let err = load(r#"{"about":"x"}"#).err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.starts_with("r.json: this JSON holds no Telegram chat")));
        let err = load(r#"{"messages":[{"type":"message"}]}"#)
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("missing field `id`")));
    }

    #[test]
    fn detection() {
        assert!(detect("r.json", FORUM.as_bytes()));
        assert!(detect(
            "x",
            b"\xEF\xBB\xBF{\n \"about\": \"\",\n \"chats\": {\"list\": []}}"
        ));
        assert!(detect(
            "x",
            b"{\"name\":\"A\",\"type\":\"personal_chat\",\"id\":1,\"messages\":[]}"
        ));
        assert!(!detect(
            "x",
            b"{\"guild\":{},\"channel\":{},\"messages\":[]}"
        ));
        assert!(!detect(
            "x",
            b"{\"participants\":[{\"name\":\"A\"}],\"messages\":[]}"
        ));
        assert!(!detect("x", b"[1]"));
        assert!(!detect("x", b""));
    }
}
