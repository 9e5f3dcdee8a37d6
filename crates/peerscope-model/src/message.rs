//! A message of the model (docs/METRICS.md §1): who wrote it where and when, what it
//! answers, whom it names, who reacted, and what kind of message it is.

use crate::{MessageId, PersonIdx, SpaceIdx};

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
