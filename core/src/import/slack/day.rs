//! A day file (`<channel>/YYYY-MM-DD.json`): the channel's messages of one day, in `ts`
//! order. Usually an array; a lone message object is read as a day of one message.
//!
//! The message id is `ts`. A reply has `thread_ts != ts`; `thread_broadcast` (a reply
//! also shown in the channel) is a reply like any other (a second copy of it, with the
//! same `ts`, merges), and when it lacks `thread_ts` the root it carries names the
//! thread. A deleted thread root survives as a `tombstone`: a system message that
//! replies still find. Subtypes other than plain conversation (joins, topic and name
//! changes, pins, …) are system messages.

use std::collections::HashSet;

use super::companion::Directory;
use super::mentions::message_mentions;
use super::people::{author, named};
use super::raw::{RawMessage, RawReaction};
use super::strip_bom;
use super::ts::ts_millis;
use crate::import::error::ImportError;
use crate::import::json_error;
use crate::import::plain::excerpt;
use crate::model::words::plural;
use crate::model::{work, Dataset, Message, PersonIdx, Reaction, SpaceIdx};

/// Subtypes that are conversation; every other subtype is a notice.
const CONVERSATION: [&str; 8] = [
    "thread_broadcast",
    "reply_broadcast",
    "bot_message",
    "me_message",
    "file_share",
    "file_comment",
    "file_mention",
    "slackbot_response",
];

/// Reads one day file into `space`; returns how many messages it holds.
pub(super) fn read_day(
    file: &str,
    bytes: &[u8],
    space: SpaceIdx,
    dir: Option<&Directory>,
    dataset: &mut Dataset,
) -> Result<u64, ImportError> {
    let raw = parse_day(file, bytes)?;
    let mut read = 0u64;
    for (number, message) in raw.iter().enumerate() {
        // A `null` in the array is no message: skipped and counted, not a refusal.
        let Some(message) = message else { continue };
        let message = convert(file, number, message, space, dir, dataset)?;
        dataset.push_message(message);
        read += 1;
    }
    let skipped = raw.len() as u64 - read;
    if skipped > 0 {
        let what = plural(
            skipped,
            "entry of the message list was null, not a message, and was skipped.",
            "entries of the message list were null, not messages, and were skipped.",
        );
        dataset.warnings.push(format!("{file}: {what}"));
    }
    Ok(read)
}

/// The messages of a day file: an array of them, or one message object.
fn parse_day<'a>(file: &str, bytes: &'a [u8]) -> Result<Vec<Option<RawMessage<'a>>>, ImportError> {
    let bytes = strip_bom(bytes);
    let positioned = |e: serde_json::Error| json_error::from_serde(file, &e);
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        serde_json::from_slice(bytes)
            .map(|one| vec![Some(one)])
            .map_err(positioned)
    } else {
        serde_json::from_slice(bytes).map_err(positioned)
    }
}

/// One message of the model from the export's; `number` (0-based) names it in errors.
fn convert(
    file: &str,
    number: usize,
    raw: &RawMessage,
    space: SpaceIdx,
    dir: Option<&Directory>,
    dataset: &mut Dataset,
) -> Result<Message, ImportError> {
    let time_ms = ts_millis(&raw.ts).ok_or_else(|| ImportError::Shape {
        file: file.to_string(),
        what: format!(
            "message {}: the time stamp \"{}\" is not Slack's seconds.microseconds",
            number + 1,
            excerpt(&raw.ts)
        ),
    })?;
    let (author, known_author) = author(raw, dir, dataset);
    let thread_root = thread_root(raw);
    let addressee = thread_root
        .as_ref()
        .and_then(|_| addressee(raw, dir, dataset));
    let text = raw.text.as_deref().unwrap_or("");
    let mentions = message_mentions(text, raw.blocks.as_ref(), dir, dataset);
    let reactions = raw
        .reactions
        .iter()
        .flatten()
        .map(|r| reaction(r, dir, dataset))
        .collect();
    Ok(Message::new(space, raw.ts.to_string(), author, time_ms)
        .with_notice(is_notice(raw, known_author))
        .with_thread_root(thread_root)
        .with_addressee(addressee)
        .with_mentions(mentions)
        .with_reactions(reactions)
        .with_text_size(unescape_len(text), text.contains('?')))
}

/// The message's subtype, when it has a non-empty one.
fn subtype<'r>(raw: &'r RawMessage) -> Option<&'r str> {
    raw.subtype.as_deref().filter(|s| !s.is_empty())
}

/// The `ts` of the thread the message replies in: `thread_ts`, or the root a
/// `thread_broadcast` carries; none for a thread's root itself.
fn thread_root(raw: &RawMessage) -> Option<String> {
    raw.thread_ts
        .as_deref()
        .or_else(|| {
            raw.root
                .as_ref()
                .filter(|_| subtype(raw) == Some("thread_broadcast"))
                .and_then(|r| r.ts.as_deref())
        })
        .filter(|t| !t.is_empty() && *t != raw.ts)
        .map(str::to_string)
}

/// A notice (counted nowhere) when no one is named as author or the subtype is not
/// conversation. Any other message is a reply when it sits in a thread, a post when not.
fn is_notice(raw: &RawMessage, known_author: bool) -> bool {
    !known_author || subtype(raw).is_some_and(|s| !CONVERSATION.contains(&s))
}

/// The author of the thread's root, as a reply names it (`parent_user_id`, or the user of
/// the root a `thread_broadcast` carries).
fn addressee(
    raw: &RawMessage,
    dir: Option<&Directory>,
    dataset: &mut Dataset,
) -> Option<PersonIdx> {
    raw.parent_user_id
        .as_deref()
        .or_else(|| raw.root.as_ref().and_then(|r| r.user.as_deref()))
        .filter(|id| !id.is_empty())
        .map(|id| named(dataset, dir, id, ""))
}

/// One emoji's reaction; the count is the larger of Slack's and the users listed.
fn reaction(raw: &RawReaction, dir: Option<&Directory>, dataset: &mut Dataset) -> Reaction {
    let mut seen: HashSet<PersonIdx> = HashSet::new();
    let mut reactors: Vec<PersonIdx> = Vec::new();
    for user in raw.users.iter().flatten().filter(|u| !u.is_empty()) {
        work::add(1);
        let idx = named(dataset, dir, user, "");
        if seen.insert(idx) {
            reactors.push(idx);
        }
    }
    Reaction {
        emoji: raw.name.as_deref().unwrap_or("").to_string(),
        count: raw.count.unwrap_or(0).max(reactors.len() as u32),
        reactors,
    }
}

/// Length in characters of Slack's text once `&lt;`, `&gt;` and `&amp;` are undone.
fn unescape_len(text: &str) -> usize {
    let entities = text.matches("&lt;").count() * 3
        + text.matches("&gt;").count() * 3
        + text.matches("&amp;").count() * 4;
    text.chars().count().saturating_sub(entities)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MessageKind;

    fn day(bytes: &[u8]) -> Result<Dataset, String> {
        let mut d = Dataset::default();
        read_day("c/2024-01-01.json", bytes, 0, None, &mut d).map_err(|e| e.to_string())?;
        Ok(d)
    }

    #[test]
    fn a_lone_message_object_is_a_day_of_one_message() {
        let one = br#" {"type": "message", "user": "U1", "text": "a &amp; b?", "ts": "2.5"}"#;
        let d = day(one).unwrap_or_default();
        assert_eq!(d.messages.len(), 1);
        let m = d.messages.first();
        assert_eq!(m.map(|m| (m.time_ms, m.text_len)), Some((2_500, 6)));
        assert_eq!(
            m.map(|m| (m.kind, m.is_question)),
            Some((MessageKind::Post, true))
        );
    }

    #[test]
    fn a_broadcast_without_thread_ts_replies_to_the_root_it_carries() {
        let bytes = br#"[{"subtype": "thread_broadcast", "user": "U2", "ts": "5.1",
                          "root": {"user": "U1", "ts": "4.1"}}]"#;
        let d = day(bytes).unwrap_or_default();
        let m = d.messages.first();
        assert_eq!(m.map(|m| m.kind), Some(MessageKind::Reply));
        assert_eq!(m.and_then(|m| m.thread_root.as_deref()), Some("4.1"));
        let addressee = m.and_then(|m| m.addressee).map(|p| d.display(p));
        assert_eq!(addressee, Some("U1"));
    }

    #[test]
    fn a_null_message_is_skipped_and_counted() {
        let bytes = br#"[{"type":"message","user":"U1","text":"a","ts":"1.1"}, null,
                         {"type":"message","user":"U2","text":"b","ts":"2.1"}, null]"#;
        let d = day(bytes).unwrap_or_default();
        assert_eq!(d.messages.len(), 2);
        assert_eq!(
            d.warnings,
            [
                "c/2024-01-01.json: 2 entries of the message list were null, not messages, and \
              were skipped."
            ]
        );
    }

    #[test]
    fn a_lone_object_without_ts_names_the_position() {
        let err = day(br#"{"type": "message", "text": "x"}"#)
            .err()
            .unwrap_or_default();
        assert!(
            err.starts_with("c/2024-01-01.json: line 1, column "),
            "{err}"
        );
        assert!(err.contains("missing field `ts`"), "{err}");
    }
}
