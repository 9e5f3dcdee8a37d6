//! The normalised model every importer produces (docs/METRICS.md §1).
//!
//! People and spaces are interned into vectors and referred to by index; messages keep
//! their source ids as strings (Discord snowflakes do not fit a float, and other formats
//! use text ids) and point at their parent by id, resolved later across all files.

pub mod decimal_id;
mod distinct;
pub mod fixed_word;
pub mod format;
mod message;
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
pub use message::{Message, MessageKind, Reaction};
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
