//! The normalised model every importer produces (docs/METRICS.md §1).
//!
//! People and spaces are interned into vectors and referred to by index; messages keep
//! their source ids as strings (Discord snowflakes do not fit a float, and other formats
//! use text ids) and point at their parent by id, resolved later across all files.

pub mod decimal_id;
mod distinct;
pub mod fixed_word;
pub mod format;
mod message_id;
mod message_index;
pub mod metric;
pub mod number_map;
pub mod options;
pub mod outliers;
mod person;
pub mod quoted;
pub mod random;
pub mod schema;
pub mod shown;
pub mod stable_sort;
pub mod time;
pub mod unstable_sort;
pub mod words;
pub mod work;

pub use distinct::distinct;
pub use message_id::MessageId;
pub use person::Person;

use rustc_hash::FxHashMap;

use crate::fixed_word::{known, one_of, FixedWord};
use crate::format::Format;
use crate::message_index::MessageIndex;

/// Index of a person in [`Dataset::people`].
pub type PersonIdx = u32;
/// Index of a space in [`Dataset::spaces`].
pub type SpaceIdx = u32;

/// Where a message lives: a channel, a thread, a topic or a chat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Space {
    /// Source id of the space (Discord channel or thread id).
    pub id: String,
    pub name: String,
    /// For a thread: the id of the channel it belongs to (per-space scores fold it in).
    pub parent: Option<String>,
    /// True for a thread (or forum post) file: its messages belong to one thread root.
    pub is_thread: bool,
    /// True for formats with no reply data (WhatsApp, Messenger): replies are inferred
    /// from timing (docs/METRICS.md §2) and flagged as such.
    pub infer_replies: bool,
}

/// The three message kinds of docs/METRICS.md §1. Only `Post` and `Reply` count anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Post,
    Reply,
    /// Joins, pins, "started a thread" notices, calls, renames: kept out of every metric.
    System,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reaction {
    pub emoji: String,
    /// Total count as the source reports it (may exceed `reactors` when ids are missing).
    pub count: u32,
    /// The people who reacted, when the source lists them.
    pub reactors: Vec<PersonIdx>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub space: SpaceIdx,
    /// Source id, unique within the space (short ones held in place, see [`MessageId`]).
    pub id: MessageId,
    pub author: PersonIdx,
    /// UTC milliseconds since the Unix epoch.
    pub time_ms: i64,
    /// True when the source had no zone or the time is an estimate.
    pub time_estimated: bool,
    pub kind: MessageKind,
    /// Id of the message this one explicitly replies to.
    pub parent: Option<Box<str>>,
    /// Id of the root of the thread this message sits in (Slack `thread_ts`, a forum
    /// topic's first post, a YouTube top-level comment), when the source says so. Thread
    /// files (Discord) need none: their root is found per space.
    pub thread_root: Option<Box<str>>,
    /// The person a thread reply addresses when the source names a person rather than a
    /// message (a YouTube reply starting with `@handle`); overrides the root's author.
    pub addressee: Option<PersonIdx>,
    /// Mentioned people, each at most once.
    pub mentions: Box<[PersonIdx]>,
    /// Boxed rather than a `Vec`: 16 bytes rather than 24, on every message, most of which
    /// have none.
    pub reactions: Box<[Reaction]>,
    /// Length of the text in characters.
    pub text_len: u32,
    /// The text contains a question mark.
    pub is_question: bool,
    /// The time is implausible (before 1990, after 2100, or a lone message more than 30
    /// days after all others; see `model::outliers`): the message counts, but it is left
    /// out of spans, the continuation test and the timeline.
    pub time_outlier: bool,
}

/// Builds a [`Message`] in steps, each setter meant to be called at most once. The kind
/// follows from them whatever their order: `System` once [`Message::with_notice`] says
/// so, else `Reply` once it has a parent or a thread root, else `Post`.
impl Message {
    /// A post in `space` by `author` at `time_ms` (UTC milliseconds, exact), answering
    /// nothing, naming no one, without reactions or text.
    pub fn new(space: SpaceIdx, id: String, author: PersonIdx, time_ms: i64) -> Message {
        Message {
            space,
            id: MessageId::from(id),
            author,
            time_ms,
            time_estimated: false,
            kind: MessageKind::Post,
            parent: None,
            thread_root: None,
            addressee: None,
            mentions: Box::default(),
            reactions: Box::default(),
            text_len: 0,
            is_question: false,
            time_outlier: false,
        }
    }

    /// Marks the time as estimated (no zone in the source, or a guess).
    pub fn with_time_estimated(mut self, estimated: bool) -> Message {
        self.time_estimated = estimated;
        self
    }

    /// A system notice (join, pin, call…) when `notice`; it then counts nowhere.
    pub fn with_notice(mut self, notice: bool) -> Message {
        if notice {
            self.kind = MessageKind::System;
        }
        self
    }

    /// The message this one explicitly answers; `Some` makes it a reply.
    pub fn with_parent(mut self, parent: Option<String>) -> Message {
        self.answers(parent.is_some());
        self.parent = parent.map(String::into_boxed_str);
        self
    }

    /// The root of the thread it sits in; `Some` makes it a reply.
    pub fn with_thread_root(mut self, root: Option<String>) -> Message {
        self.answers(root.is_some());
        self.thread_root = root.map(String::into_boxed_str);
        self
    }

    fn answers(&mut self, yes: bool) {
        if yes && self.kind == MessageKind::Post {
            self.kind = MessageKind::Reply;
        }
    }

    pub fn with_addressee(mut self, addressee: Option<PersonIdx>) -> Message {
        self.addressee = addressee;
        self
    }

    /// The people it mentions, each at most once.
    pub fn with_mentions(mut self, mentions: Vec<PersonIdx>) -> Message {
        self.mentions = mentions.into_boxed_slice();
        self
    }

    pub fn with_reactions(mut self, reactions: Vec<Reaction>) -> Message {
        self.reactions = reactions.into_boxed_slice();
        self
    }

    /// What it says: its length in characters and whether it asks (holds a `?`).
    pub fn with_text(self, text: &str) -> Message {
        self.with_text_size(text.chars().count(), text.contains('?'))
    }

    /// Its length in characters (capped at `u32::MAX`) and whether it asks, for sources
    /// whose text must be measured another way.
    pub fn with_text_size(mut self, chars: usize, is_question: bool) -> Message {
        self.text_len = chars.min(u32::MAX as usize) as u32;
        self.is_question = is_question;
        self
    }
}

/// One file as it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSummary {
    pub name: String,
    pub format: &'static str,
    pub space: String,
    /// Messages in the file, system messages and duplicates included.
    pub messages: u64,
}

/// How a file's format was decided (report `sources.files[].detection`).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Detection {
    /// `"chosen"`: the person picked the format; `"certain"`: exactly one format's
    /// signature matched the file; `"likely"`: several matched and the most specific one
    /// (first in detection order) was taken — see `also_matched`. Empty when unknown.
    #[serde(deserialize_with = "confidence_word")]
    pub confidence: FixedWord,
    /// Other formats whose signature also matched (only when `"likely"`).
    #[serde(deserialize_with = "format_names")]
    pub also_matched: Vec<&'static str>,
}

/// A [`Detection::confidence`] read back: one of the words the core writes.
fn confidence_word<'de, D: serde::Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    one_of(d, &["chosen", "certain", "likely", ""])
}

/// [`Detection::also_matched`] read back: format names only.
fn format_names<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<&'static str>, D::Error> {
    let names: Vec<String> = serde::Deserialize::deserialize(d)?;
    let formats = Format::ALL.map(Format::as_str);
    names.iter().map(|name| known(name, &formats)).collect()
}

/// Everything read from all inputs, with duplicates merged.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub people: Vec<Person>,
    pub spaces: Vec<Space>,
    pub messages: Vec<Message>,
    pub files: Vec<FileSummary>,
    /// How each entry of `files` got its format, index for index (filled by the import
    /// entry points after each file; an importer never sets it).
    pub detections: Vec<Detection>,
    /// Plain sentences about usable but imperfect data.
    pub warnings: Vec<String>,
    /// People the platform marks as owners (YouTube uploader, Reddit OP, Discourse staff).
    pub host_hints: Vec<PersonIdx>,
    // Fx hashing: ids are short and the input is the user's own file, so flooding
    // resistance buys nothing, while SipHash was a tenth of a 1 M-message import.
    person_index: FxHashMap<String, PersonIdx>,
    space_index: FxHashMap<String, SpaceIdx>,
    /// Finds a loaded message by (space, id) while messages are added; dropped by
    /// [`Dataset::finish_import`], rebuilt if one is added after.
    message_index: MessageIndex,
    /// Bytes unpacked from zips into this dataset so far, every file together; the import
    /// layer holds it to its budget for one drop.
    unpacked_bytes: u64,
}

impl Dataset {
    /// Bytes unpacked from zips into this dataset so far (0 when no zip was read).
    pub fn unpacked_bytes(&self) -> u64 {
        self.unpacked_bytes
    }

    /// Counts `bytes` more unpacked from a zip (saturating).
    pub fn add_unpacked_bytes(&mut self, bytes: u64) {
        self.unpacked_bytes = self.unpacked_bytes.saturating_add(bytes);
    }

    /// The index of the person with this source id, adding them on first sight.
    /// Later sightings fill in a missing display name and keep the bot, placeholder and
    /// deleted flags once set.
    pub fn intern_person(&mut self, person: Person) -> PersonIdx {
        if let Some(&idx) = self.person_index.get(&person.id) {
            if let Some(existing) = self.people.get_mut(idx as usize) {
                existing.is_bot |= person.is_bot;
                existing.placeholder |= person.placeholder;
                existing.deleted |= person.deleted;
                if existing.display_name.is_empty() {
                    existing.display_name = person.display_name;
                }
            }
            return idx;
        }
        let idx = self.people.len() as PersonIdx;
        self.person_index.insert(person.id.clone(), idx);
        self.people.push(person);
        idx
    }

    /// The index of the space with this id, adding it on first sight.
    pub fn intern_space(&mut self, space: Space) -> SpaceIdx {
        if let Some(&idx) = self.space_index.get(&space.id) {
            return idx;
        }
        let idx = self.spaces.len() as SpaceIdx;
        self.space_index.insert(space.id.clone(), idx);
        self.spaces.push(space);
        idx
    }

    /// The index of the person with this source id, if one is loaded (a map look-up that
    /// builds no [`Person`]: importers ask it before [`Dataset::intern_person`]).
    pub fn person_with_id(&self, id: &str) -> Option<PersonIdx> {
        self.person_index.get(id).copied()
    }

    /// The index of the space with this id, if one is loaded (a map look-up).
    pub fn space_with_id(&self, id: &str) -> Option<SpaceIdx> {
        self.space_index.get(id).copied()
    }

    /// Adds a message unless one with the same space and id is already there.
    ///
    /// A duplicate (overlapping or repeated exports) is merged: the copy with more
    /// reactions wins, since later exports see reactions added since. Returns `false`
    /// for a duplicate.
    pub fn push_message(&mut self, message: Message) -> bool {
        let found = self
            .message_index
            .find_or_arrive(&self.messages, message.space, &message.id);
        match found {
            Ok(at) => {
                if let Some(existing) = self.messages.get_mut(at) {
                    let total = |m: &Message| m.reactions.iter().map(|r| r.count).sum::<u32>();
                    if total(&message) > total(existing) {
                        existing.reactions = message.reactions;
                    }
                }
                false
            }
            Err(arrival) => {
                self.messages.push(message);
                self.message_index.index_last(&self.messages, arrival);
                true
            }
        }
    }

    /// Ends an import: tidies every name ([`Person::tidy_names`]) and drops the duplicate
    /// index and the message list's spare room, which the analysis does not need (on a big
    /// chat they are a third of the model). Adding messages after it still merges
    /// duplicates, rebuilding the index first.
    pub fn finish_import(&mut self) {
        // Here, once, rather than in every importer: some set names on people directly.
        self.people.iter_mut().for_each(Person::tidy_names);
        self.message_index = MessageIndex::default();
        self.messages.shrink_to_fit();
    }

    /// A person's source id; empty for an index that is nobody.
    pub fn id_of(&self, person: PersonIdx) -> &str {
        self.people
            .get(person as usize)
            .map_or("", |p| p.id.as_str())
    }

    /// Display name for a person: the nickname, else the account name, else the id.
    pub fn display(&self, person: PersonIdx) -> &str {
        match self.people.get(person as usize) {
            Some(p) if !p.display_name.is_empty() => &p.display_name,
            Some(p) if !p.name.is_empty() => &p.name,
            Some(p) => &p.id,
            None => "",
        }
    }

    /// Whether a message counts as conversation: not a system message, not by a bot.
    pub fn counts(&self, message: &Message) -> bool {
        message.kind != MessageKind::System
            && !self
                .people
                .get(message.author as usize)
                .is_some_and(|p| p.is_bot)
    }

    pub fn is_bot(&self, person: PersonIdx) -> bool {
        self.people.get(person as usize).is_some_and(|p| p.is_bot)
    }

    /// Whether the person is a placeholder for many people (no node, no interaction end).
    pub fn is_placeholder(&self, person: PersonIdx) -> bool {
        self.people
            .get(person as usize)
            .is_some_and(|p| p.placeholder)
    }

    /// Whether advice may name the person: a real account that still exists (not a bot,
    /// not a placeholder, not deleted). False for an index that is nobody.
    pub fn nameable(&self, person: PersonIdx) -> bool {
        self.people
            .get(person as usize)
            .is_some_and(|p| !p.is_bot && !p.placeholder && !p.deleted)
    }

    /// Counting messages (docs/METRICS.md §1) written by placeholders.
    pub fn placeholder_messages(&self) -> u64 {
        self.messages
            .iter()
            .filter(|m| self.counts(m) && self.is_placeholder(m.author))
            .count() as u64
    }
}

#[cfg(test)]
mod tests;
