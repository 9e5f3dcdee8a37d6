//! Slack workspace export: the zip as downloaded, a channel folder's day files, or one
//! day file; `users.json` and `channels.json` (and `groups.json`, `mpims.json`,
//! `dms.json`) read on their own add names and bot flags but no messages.
//!
//! A day file (`<channel>/YYYY-MM-DD.json`) is an array of messages (or, from hand-made
//! and third-party files, one message object). The message id is `ts`, unique within a
//! channel; a reply sits in the day file of the reply, not of its root, so every day file
//! of a channel goes into one space and the thread is joined there. Mentions come from
//! `<@U…>` in the text and `user` elements of rich-text blocks; reactions list their
//! users.
//!
//! One concept a file:
//! - `sniff` and `fields`: what a file's head says it is;
//! - `names`: what its path says (day files, the channel of a loose file);
//! - `archive`: the zip; `companion`: `users.json` and the channel lists;
//! - `space`: which space a channel's messages go to;
//! - `day`, `people`, `mentions`, `ts`, `raw`: a day file's messages.

mod archive;
mod companion;
mod day;
mod fields;
mod mentions;
mod names;
mod people;
mod raw;
mod sniff;
mod space;
mod ts;

use crate::import::error::ImportError;
use crate::model::{Dataset, FileSummary};
use archive::{is_zip, read_zip, zip_is_slack};
use companion::{companion_kind, parse_channels, parse_users};
use names::{base_name, is_day_name, loose_folder};
use sniff::{content_kind, head_text};
use space::{channel_space, space_name, ChannelNames};

/// Slackbot: `users.json` does not flag it as a bot, and it authors tombstones.
const SLACKBOT: &str = "USLACKBOT";

/// The space of day files given without a channel folder.
const LOOSE_SPACE: &str = "slack-channel";

/// What a JSON file of the export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Users,
    Channels,
    /// Other workspace files (`integration_logs.json`, `canvases.json`): no messages.
    Ignored,
    Day,
}

/// True when the bytes are a Slack export: a zip holding `users.json`, `channels.json`
/// or `<folder>/YYYY-MM-DD.json`; a day file (an array named `YYYY-MM-DD.json`, or whose
/// first message has a Slack `ts` and `"type": "message"`, `user` or `text`); a lone
/// message object (`"type": "message"` and a Slack `ts`); or one of the export's
/// workspace files.
pub fn detect(name: &str, bytes: &[u8]) -> bool {
    if is_zip(bytes) {
        return zip_is_slack(bytes);
    }
    let head = head_text(bytes);
    let base = base_name(name);
    if head.starts_with('{') {
        return companion_kind(base).is_some() || content_kind(&head).is_some();
    }
    if !head.starts_with('[') {
        return false;
    }
    // A day file is named for its day; its first message may be longer than the head.
    companion_kind(base).is_some() || is_day_name(base) || content_kind(&head).is_some()
}

/// Reads one file (a zip, a day file or a workspace file) into `dataset`.
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    if is_zip(bytes) {
        return read_zip(file, bytes, dataset);
    }
    let bytes = strip_bom(bytes);
    let kind = companion_kind(base_name(file))
        .or_else(|| content_kind(&head_text(bytes)))
        .unwrap_or(FileKind::Day);
    match kind {
        FileKind::Users => {
            let users = parse_users(file, bytes).unwrap_or_else(|e| {
                dataset.warnings.push(archive::skipped_companion(&e));
                Vec::new()
            });
            for (id, info) in &users {
                // users.json has the last word on who is a bot.
                let idx = people::add_person(dataset, id, info, false);
                if let Some(p) = dataset.people.get_mut(idx as usize) {
                    p.is_bot = info.is_bot;
                }
            }
            push_summary(dataset, file, "workspace", 0);
        }
        FileKind::Channels => {
            let channels = parse_channels(file, bytes).unwrap_or_else(|e| {
                dataset.warnings.push(archive::skipped_companion(&e));
                Vec::new()
            });
            for channel in channels {
                dataset.intern_space(space::space(&channel.id, &channel.name));
            }
            push_summary(dataset, file, "workspace", 0);
        }
        FileKind::Ignored => push_summary(dataset, file, "workspace", 0),
        FileKind::Day => {
            let mut names = ChannelNames::of(dataset);
            let space = channel_space(dataset, &mut names, &loose_folder(file), None);
            let name = space_name(dataset, space);
            let count = day::read_day(file, bytes, space, None, dataset)?;
            push_summary(dataset, file, &name, count);
        }
    }
    Ok(())
}

/// The bytes without a leading UTF-8 byte-order mark.
fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Records one file read: its name, the channel (or "workspace") and its message count.
fn push_summary(dataset: &mut Dataset, file: &str, space: &str, messages: u64) {
    dataset.files.push(FileSummary {
        name: file.to_string(),
        format: "slack",
        space: space.to_string(),
        messages,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MessageKind;

    #[test]
    fn detection_by_shape() {
        let day = br#"[ {"type" : "message", "user": "U1", "text": "hi", "ts": "1.2"} ]"#;
        assert!(detect("anything.json", day));
        assert!(detect("users.json", b"[]"));
        assert!(detect("x/channels.json", b"[{\"id\":\"C1\"}]"));
        assert!(detect(
            "u.json",
            br#"[{"id":"U1","name":"a","profile":{"real_name":"A"},"is_bot":false}]"#
        ));
        assert!(detect(
            "d.json",
            br#"[{"id":"D1","created":1,"members":["U1","U2"]}]"#
        ));
        // A Slack ts with text or user is a message without a type; a lone message
        // object with a type and a ts is a day of one message.
        assert!(detect("x.json", br#"[{"ts":"1.2","text":"no type"}]"#));
        assert!(detect("x.json", br#"{"type":"message","ts":"1.2"}"#));
        assert!(!detect("x.json", br#"[{"ts":"1.2"}]"#));
        assert!(!detect("x.json", br#"{"ts":"1.2","text":"no type"}"#));
        assert!(!detect("x.json", br#"{"type":"message","ts":1.2}"#));
        assert!(!detect("x.json", br#"[{"kind":"Listing","data":{}}]"#));
        assert!(!detect("x.json", b"[1,2]"));
        assert!(!detect("chat.txt", b"12/01/2024, 10:00 - Ann: hi"));
    }

    #[test]
    fn system_and_conversation_subtypes() {
        let day = br#"[
          {"type":"message","subtype":"channel_join","user":"U1","text":"joined","ts":"1.000001"},
          {"type":"message","subtype":"me_message","user":"U1","text":"waves","ts":"2.000001"},
          {"type":"message","subtype":"huddle_thread","user":"U1","text":"","ts":"3.000001"},
          {"type":"message","text":"who wrote this?","ts":"4.000001"}
        ]"#;
        let mut d = Dataset::default();
        assert!(read("c/2024-01-01.json", day, &mut d).is_ok());
        let kinds: Vec<MessageKind> = d.messages.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            vec![
                MessageKind::System,
                MessageKind::Post,
                MessageKind::System,
                MessageKind::System
            ]
        );
    }

    #[test]
    fn bad_ts_names_the_message() {
        let day = br#"[{"type":"message","user":"U1","text":"a","ts":"1.1"},
                      {"type":"message","user":"U1","text":"b","ts":"later"}]"#;
        let err = read("c/2024-01-01.json", day, &mut Dataset::default())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(
            err,
            "c/2024-01-01.json: message 2: the time stamp \"later\" is not Slack's \
             seconds.microseconds"
        );
    }

    #[test]
    fn a_lone_message_is_read_as_its_own_day() {
        let one = br#"{"type": "message", "user": "U1", "text": "hi <@U2>", "ts": "7.5"}"#;
        let mut d = Dataset::default();
        assert!(detect("one.json", one));
        assert!(read("one.json", one, &mut d).is_ok());
        assert_eq!(d.messages.len(), 1);
        assert_eq!(d.messages.first().map(|m| m.mentions.len()), Some(1));
        let summary = d.files.first().map(|f| (f.space.as_str(), f.messages));
        assert_eq!(summary, Some(("one", 1)));
    }
}
