//! YouTube live chat: yt-dlp's `VIDEO.live_chat.json` (`--write-subs --sub-langs
//! live_chat`: one JSON object per line, each a `replayChatItemAction`), read line by line
//! as it streams, and a saved chat replay response (`get_live_chat_replay`, one object
//! holding the same actions), read whole.
//!
//! A file is one stream, a space keyed by the video id in yt-dlp's file name (`Title
//! [ID].live_chat.json`), else by the name. Text messages and Super Chats (paid
//! messages) are posts; a Super Sticker is a post with no text; a membership item is a
//! system message; placeholders, tickers, banners and YouTube's own notices are not read.
//! People are keyed by channel id; the author with the channel owner's badge (an
//! `OWNER` icon) is the host hint.
//!
//! Live chat records no replies. A message that opens with `@name`, naming someone who
//! already wrote in the stream, answers that person's latest message; every other `@name`
//! of a known author is a mention. Replies are *not* inferred from timing as they are for
//! WhatsApp: in a busy stream dozens of people write at once to the video, not to the
//! line above theirs, so answering "the previous message" would invent a conversation.

mod items;

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;
use std::io::{BufRead, Read};

use super::json_error;
use super::youtube::names::Names;
use crate::import::absent;
use crate::import::error::ImportError;
use crate::import::plain::excerpt;
use crate::model::{Dataset, FileSummary, Message, Person, PersonIdx, Space, SpaceIdx};
use items::{Envelope, Item, Renderer};

/// The longest line read (64 MiB): a yt-dlp line is one chat action of a few kilobytes,
/// so anything longer is not this format, and is refused before it fills memory.
const MAX_LINE_BYTES: u64 = 64 << 20;

/// True when the first few kilobytes are live chat JSON: an object naming
/// `replayChatItemAction` (yt-dlp's lines, a replay response's actions),
/// `addChatItemAction` or `liveChatContinuation` (a response).
pub fn detect(_name: &str, bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('{')
        && (t.contains("\"replayChatItemAction\"")
            || t.contains("\"addChatItemAction\"")
            || t.contains("\"liveChatContinuation\""))
}

/// Whether a file starting with `head` holds one object per line (yt-dlp's form, also a
/// response saved on one line), which [`read_stream`] reads as it streams, rather than
/// one object over many lines (a response saved pretty-printed), which is read whole.
pub fn is_lines(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let mut rest = head.iter().skip_while(|b| b.is_ascii_whitespace());
    rest.next() == Some(&b'{') && rest.next().is_some_and(|b| !b.is_ascii_whitespace())
}

/// Reads one live chat file held in memory into `dataset`.
///
/// Errors name the file and a position: line and column for JSON errors, the line (or,
/// in a response, the action) for a message without a readable time.
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if is_lines(bytes) {
        return read_stream(file, bytes, dataset, &Cell::new(0));
    }
    let envelope: Envelope =
        serde_json::from_slice(bytes).map_err(|e| json_error::from_serde(file, &e))?;
    let counted = Cell::new(0);
    let mut chat = Chat::new(file, dataset, &counted);
    chat.take(&envelope, At::Whole)?;
    chat.finish();
    Ok(())
}

/// Reads yt-dlp's lines from `reader` (a leading BOM already skipped, or not) into
/// `dataset`, one line at a time, adding one to `counted` per message read.
pub fn read_stream(
    file: &str,
    mut reader: impl BufRead,
    dataset: &mut Dataset,
    counted: &Cell<u64>,
) -> Result<(), ImportError> {
    let mut chat = Chat::new(file, dataset, counted);
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        let read = (&mut reader)
            .take(MAX_LINE_BYTES + 1)
            .read_until(b'\n', &mut line)
            .map_err(|e| ImportError::Unrecognised {
                file: file.to_string(),
                what: format!("cannot be read ({e})"),
            })?;
        if read == 0 {
            break;
        }
        number += 1;
        if line.len() as u64 > MAX_LINE_BYTES {
            return Err(ImportError::Shape {
                file: file.to_string(),
                what: format!(
                    "line {number} is longer than 64 MiB, which no live chat line is; pick \
                     the .live_chat.json yt-dlp wrote"
                ),
            });
        }
        let body = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line);
        let indent = body.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let body = body.trim_ascii();
        if body.is_empty() {
            continue;
        }
        let envelope: Envelope = serde_json::from_slice(body)
            .map_err(|e| json_error::from_serde_at(file, &e, number - 1, indent))?;
        chat.take(&envelope, At::Line(number))?;
    }
    chat.finish();
    Ok(())
}

/// Where a chat item was, for error sentences.
#[derive(Clone, Copy)]
enum At {
    Line(usize),
    /// An action of a response read whole (its number).
    Action(usize),
    Whole,
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Line(n) => write!(f, "line {n}"),
            At::Action(n) => write!(f, "action {n}"),
            At::Whole => write!(f, "the response"),
        }
    }
}

/// What a message item is, from its renderer's key.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Text, a Super Chat or a Super Sticker.
    Message,
    Membership,
}

/// Where one file's messages go, and what reading it has learnt so far.
struct Chat<'d> {
    file: &'d str,
    dataset: &'d mut Dataset,
    space: SpaceIdx,
    names: Names,
    /// Each author's latest message id: what an `@name` opener answers.
    latest: HashMap<PersonIdx, String>,
    /// Message items read, duplicates and system messages included.
    items: u64,
    counted: &'d Cell<u64>,
}

impl<'d> Chat<'d> {
    fn new(file: &'d str, dataset: &'d mut Dataset, counted: &'d Cell<u64>) -> Chat<'d> {
        let space = dataset.intern_space(space_of(file));
        let names = Names::of(dataset);
        Chat {
            file,
            dataset,
            space,
            names,
            latest: HashMap::new(),
            items: 0,
            counted,
        }
    }

    /// Reads every chat item `envelope` holds, however deep its actions nest.
    fn take(&mut self, envelope: &Envelope, at: At) -> Result<(), ImportError> {
        if let Some(item) = envelope
            .add_chat_item_action
            .as_ref()
            .and_then(|a| a.item.as_ref())
        {
            self.item(item, at)?;
        }
        if let Some(replay) = &envelope.replay_chat_item_action {
            for action in &replay.actions {
                self.take(action, at)?;
            }
        }
        let response = envelope.continuation_contents.as_ref();
        if let Some(c) = response.and_then(|c| c.live_chat_continuation.as_ref()) {
            for (number, action) in c.actions.iter().enumerate() {
                let here = match at {
                    At::Whole => At::Action(number + 1),
                    other => other,
                };
                self.take(action, here)?;
            }
        }
        Ok(())
    }

    fn item(&mut self, item: &Item, at: At) -> Result<(), ImportError> {
        let found = [
            (&item.live_chat_text_message_renderer, Kind::Message),
            (&item.live_chat_paid_message_renderer, Kind::Message),
            (&item.live_chat_paid_sticker_renderer, Kind::Message),
            (&item.live_chat_membership_item_renderer, Kind::Membership),
        ]
        .into_iter()
        .find_map(|(renderer, kind)| renderer.as_ref().map(|r| (r, kind)));
        let Some((renderer, kind)) = found else {
            return Ok(());
        };
        let time_ms = time_of(self.file, renderer, at)?;
        let author = self.author(renderer);
        let message = self.convert(renderer, kind, author, time_ms);
        let id = message.id.to_string();
        if self.dataset.push_message(message) && kind == Kind::Message {
            self.latest.insert(author, id);
        }
        self.items += 1;
        self.counted.set(self.counted.get().saturating_add(1));
        Ok(())
    }

    /// Interns the author, learns their name and, with the owner's badge, marks them host.
    fn author(&mut self, r: &Renderer) -> PersonIdx {
        let name = r
            .author_name
            .as_ref()
            .and_then(|n| n.simple_text.as_deref())
            .unwrap_or("");
        let channel = r.author_external_channel_id.as_deref().unwrap_or("");
        let id = if channel.is_empty() { name } else { channel };
        let idx = self.dataset.intern_person(
            Person::named(id, name).with_placeholder(absent::is_placeholder(channel, name)),
        );
        self.names.add(name, idx);
        if r.by_owner() && !self.dataset.host_hints.contains(&idx) {
            self.dataset.host_hints.push(idx);
        }
        idx
    }

    fn convert(&self, r: &Renderer, kind: Kind, author: PersonIdx, time_ms: i64) -> Message {
        let (text, emoji) = r.text();
        let opener = text
            .strip_prefix('@')
            .and_then(|rest| self.names.resolve(rest))
            .filter(|&p| p != author);
        let parent = opener.and_then(|p| self.latest.get(&p)).cloned();
        let mut mentions = self.names.mentioned(&text, opener);
        // An opener naming someone with no message in this stream yet is a mention.
        if let (Some(person), None) = (opener, &parent) {
            mentions.insert(0, person);
        }
        let id =
            r.id.as_deref()
                .map_or_else(|| format!("{time_ms}"), str::to_string);
        Message::new(self.space, id, author, time_ms)
            .with_notice(kind == Kind::Membership)
            .with_parent(parent)
            .with_mentions(mentions)
            .with_text_size(text.chars().count() + emoji, text.contains('?'))
    }

    fn finish(self) {
        let space = self
            .dataset
            .spaces
            .get(self.space as usize)
            .map_or_else(String::new, |s| s.name.clone());
        self.dataset.files.push(FileSummary {
            name: self.file.to_string(),
            format: "youtube-live-chat",
            space,
            messages: self.items,
        });
    }
}

/// A message's time in UTC milliseconds, from `timestampUsec`.
fn time_of(file: &str, r: &Renderer, at: At) -> Result<i64, ImportError> {
    let usec = r.timestamp_usec.as_deref().unwrap_or("");
    usec.trim()
        .parse::<i64>()
        .map(|us| us.div_euclid(1000))
        .map_err(|_| ImportError::Shape {
            file: file.to_string(),
            what: format!(
                "{at}: the chat message {} has no time (timestampUsec \"{}\")",
                excerpt(r.id.as_deref().unwrap_or("without an id")),
                excerpt(usec)
            ),
        })
}

/// The stream's space: the video id of yt-dlp's `Title [ID].live_chat.json`, else the
/// file's name without its folder and extension.
fn space_of(file: &str) -> Space {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = base.strip_suffix(".json").unwrap_or(base);
    let stem = stem.strip_suffix(".live_chat").unwrap_or(stem);
    let id = stem
        .rsplit_once('[')
        .and_then(|(_, rest)| rest.strip_suffix(']'))
        .filter(|id| !id.is_empty())
        .unwrap_or(stem);
    Space {
        id: format!("youtube-live-chat:{id}"),
        name: format!("live chat {stem}"),
        parent: None,
        is_thread: false,
        infer_replies: false,
    }
}

#[cfg(test)]
mod tests;
