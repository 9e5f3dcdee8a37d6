//! Who talks to whom (docs/METRICS.md §2): replies, thread replies, inferred replies and
//! mentions, plus the reply tree the starter and first-answer measures walk.
//!
//! A parent or thread root is looked up by id in the message's own space first, then
//! across every loaded file (Discord snowflakes are unique across channels, and a
//! Discord thread's root lives in its parent channel's file; Slack timestamps are only
//! unique within a channel). Bots and system messages take no part; self-interactions
//! are dropped. A placeholder author (`[deleted]`) keeps its messages in the reply tree
//! but is no end of an interaction: a reply to its message has no target person, so it
//! creates none (docs/METRICS.md §2).

mod index;

use std::sync::OnceLock;

use crate::model::{work, Dataset, Message, MessageKind, PersonIdx};
use index::Index;

/// An inferred reply answers a message at most this old (docs/METRICS.md §2).
pub const INFERENCE_WINDOW_MS: i64 = 10 * 60 * 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InteractionKind {
    /// The message names its parent explicitly.
    Reply,
    /// The message sits in a thread and names no parent: it answers the thread's root
    /// (or the person it addresses).
    ThreadReply,
    /// Guessed from timing, for formats without reply data.
    InferredReply,
    /// A resolved mention of someone the message does not reply to.
    Mention,
}

impl InteractionKind {
    /// True for the three reply kinds.
    pub fn is_reply(self) -> bool {
        !matches!(self, InteractionKind::Mention)
    }
}

/// A directed interaction `from → to` created by message `message`.
///
/// Positions are `u32` (24 bytes an interaction rather than 40: a chat has about one a
/// message); no import budget lets a dataset reach 4 G messages, and [`Conversation::build`]
/// stops indexing there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interaction {
    pub from: PersonIdx,
    pub to: PersonIdx,
    pub kind: InteractionKind,
    /// Index of the message in [`Dataset::messages`] that created it.
    pub message: u32,
    /// For replies: the message replied to.
    pub target: Option<u32>,
}

impl Interaction {
    /// [`Interaction::message`] as an index into [`Dataset::messages`].
    pub fn at(&self) -> usize {
        self.message as usize
    }

    /// [`Interaction::target`] as an index into [`Dataset::messages`].
    pub fn target_at(&self) -> Option<usize> {
        self.target.map(|t| t as usize)
    }
}

/// [`Conversation::tree_parent`] of a message that answers none.
pub const NO_PARENT: u32 = u32::MAX;

/// The interactions and reply tree of a dataset.
#[derive(Debug, Clone, Default)]
pub struct Conversation {
    pub interactions: Vec<Interaction>,
    /// Per message: the message it answers (explicit parent, else its thread's root,
    /// else the inferred one), [`NO_PARENT`] for none; `u32` as in [`Interaction`] and
    /// without an `Option`'s tag (4 bytes a message, not 16), read with
    /// [`Conversation::parent_of`].
    pub tree_parent: Vec<u32>,
    /// Per message: it names a parent that is not in the export.
    pub parent_missing: Vec<bool>,
    /// Replies whose parent is not in the export (counting messages only).
    pub missing_parents: u64,
    /// Thread replies whose thread root is not in the export (counting messages only):
    /// they create no interaction.
    pub missing_roots: u64,
    /// Per message, the root of its reply tree, found on first use by
    /// `measure::direction::roots` and kept: the report, each space, each trend period
    /// and both bootstraps read the same conversation's roots.
    pub reply_roots: OnceLock<Vec<u32>>,
}

/// How a message answers another, before the interaction is made.
#[derive(Debug, Clone, Copy)]
struct Answer {
    target: usize,
    kind: InteractionKind,
    /// Overrides the target message's author (a YouTube `@handle` reply).
    addressee: Option<PersonIdx>,
}

impl Conversation {
    /// Builds interactions and the reply tree for every counting message of `data`.
    pub fn build(data: &Dataset) -> Conversation {
        let index = Index::new(data);
        let roots = thread_roots(data, &index);
        let inferred = infer(data);
        let n = data.messages.len();
        let mut conv = Conversation {
            interactions: Vec::with_capacity(n),
            tree_parent: vec![NO_PARENT; n],
            parent_missing: vec![false; n],
            missing_parents: 0,
            missing_roots: 0,
            reply_roots: OnceLock::new(),
        };
        for (at, message) in data.messages.iter().enumerate() {
            let mut root_missing = false;
            let answer = match message.parent.as_deref() {
                Some(id) => {
                    let parent = index.find(message.space, id);
                    if let Some(flag) = conv.parent_missing.get_mut(at) {
                        *flag = parent.is_none();
                    }
                    parent.map(|target| Answer {
                        target,
                        kind: InteractionKind::Reply,
                        addressee: None,
                    })
                }
                None => {
                    let (answer, missing) = thread_answer(message, at, &index, &roots, &inferred);
                    root_missing = missing;
                    answer
                }
            };
            let answer = answer.filter(|a| a.target != at);
            if let Some(slot) = conv.tree_parent.get_mut(at) {
                let parent = answer.and_then(|a| u32::try_from(a.target).ok());
                *slot = parent.filter(|&p| p != NO_PARENT).unwrap_or(NO_PARENT);
            }
            if data.counts(message) {
                let missing = conv.parent_missing.get(at).copied().unwrap_or(false);
                conv.missing_parents += u64::from(missing);
                conv.missing_roots += u64::from(root_missing);
                conv.add_message(data, at, message, answer);
            }
        }
        conv
    }

    /// The message that message `at` answers in the reply tree (`None` for a top, or past
    /// the end).
    pub fn parent_of(&self, at: usize) -> Option<usize> {
        self.tree_parent
            .get(at)
            .copied()
            .filter(|&p| p != NO_PARENT)
            .map(|p| p as usize)
    }

    /// Adds the reply (if any) and the mentions of one counting message.
    fn add_message(
        &mut self,
        data: &Dataset,
        at: usize,
        message: &Message,
        answer: Option<Answer>,
    ) {
        let mut replied_to = None;
        if let Some(a) = answer {
            let to = a
                .addressee
                .or_else(|| data.messages.get(a.target).map(|p| p.author));
            if let Some(to) = to {
                replied_to = Some(to);
                self.push(data, message.author, to, a.kind, at, Some(a.target));
            }
        }
        for &person in &message.mentions {
            if Some(person) != replied_to {
                self.push(
                    data,
                    message.author,
                    person,
                    InteractionKind::Mention,
                    at,
                    None,
                );
            }
        }
    }

    fn push(
        &mut self,
        data: &Dataset,
        from: PersonIdx,
        to: PersonIdx,
        kind: InteractionKind,
        message: usize,
        target: Option<usize>,
    ) {
        // A placeholder is nobody (docs/METRICS.md §1): neither end of an interaction.
        let somebody = |p| !data.is_bot(p) && !data.is_placeholder(p);
        // Past u32::MAX messages nothing is recorded (see `Interaction`).
        let (Ok(message), Ok(target)) = (
            u32::try_from(message),
            target.map(u32::try_from).transpose(),
        ) else {
            return;
        };
        if from != to && somebody(from) && somebody(to) {
            self.interactions.push(Interaction {
                from,
                to,
                kind,
                message,
                target,
            });
        }
    }
}

/// The answer of a message that names no parent: its thread's root (by id, else the
/// thread space's first message), else an inferred reply; and whether it names a thread
/// root that is not in the export (then it answers nothing).
fn thread_answer(
    message: &Message,
    at: usize,
    index: &Index,
    roots: &[Option<usize>],
    inferred: &[Option<u32>],
) -> (Option<Answer>, bool) {
    let root = message.thread_root.as_deref();
    let found = root.and_then(|id| index.find(message.space, id));
    let fallback = roots.get(message.space as usize).copied().flatten();
    let missing = root.is_some() && found.is_none() && fallback.is_none();
    let answer = found
        .or(fallback)
        .map(|target| Answer {
            target,
            kind: InteractionKind::ThreadReply,
            addressee: message.addressee,
        })
        .or_else(|| {
            inferred.get(at).copied().flatten().map(|target| Answer {
                target: target as usize,
                kind: InteractionKind::InferredReply,
                addressee: None,
            })
        });
    (answer, missing)
}

/// The root message of every thread space, per space (`None` for a channel, or a thread
/// with no counting message).
///
/// A thread started from a message has the id of that message: when it is loaded and not
/// a system message, it is the root. Otherwise (standalone threads, forum posts, or the
/// parent channel not loaded) the thread file's first non-system message is. Lists by
/// space rather than maps: a look-up per message, and spaces are numbered densely.
fn thread_roots(data: &Dataset, index: &Index) -> Vec<Option<usize>> {
    // Each space's first non-system message, found in one pass, so many thread spaces
    // do not each walk every message.
    let mut first_counting: Vec<Option<usize>> = vec![None; data.spaces.len()];
    for (at, m) in data.messages.iter().enumerate() {
        work::add(1);
        if m.kind != MessageKind::System {
            if let Some(slot @ None) = first_counting.get_mut(m.space as usize) {
                *slot = Some(at);
            }
        }
    }
    let mut roots = vec![None; data.spaces.len()];
    for ((space, root), first) in data.spaces.iter().zip(&mut roots).zip(first_counting) {
        if !space.is_thread {
            continue;
        }
        let starter = index.first(&space.id).filter(|&at| {
            data.messages
                .get(at)
                .is_some_and(|m| m.kind != MessageKind::System)
        });
        *root = starter.or(first);
    }
    roots
}

/// Inferred replies for spaces without reply data: each counting message with no parent
/// and no thread answers the latest earlier counting message by someone else in the same
/// space, when that message is at most 10 minutes older; the sender's own consecutive
/// messages are skipped over. Returns the inferred target per message, empty when no
/// space infers (a list rather than a map: on a chat every message has one, and a map
/// slot took 16 bytes plus the map's spare room).
fn infer(data: &Dataset) -> Vec<Option<u32>> {
    // Per space, its counting messages (spaces are numbered densely: a list, not a map).
    let mut by_space: Vec<Vec<usize>> = vec![Vec::new(); data.spaces.len()];
    for (at, m) in data.messages.iter().enumerate() {
        let infers = data
            .spaces
            .get(m.space as usize)
            .is_some_and(|s| s.infer_replies);
        if infers && data.counts(m) {
            if let Some(list) = by_space.get_mut(m.space as usize) {
                list.push(at);
            }
        }
    }
    let mut inferred = Vec::new();
    if by_space.iter().any(|list| !list.is_empty()) {
        inferred = vec![None; data.messages.len()];
    }
    for list in &mut by_space {
        // Keys are unique (the position breaks ties), so an unstable sort gives the stable
        // order; it stays the standard one because this sort sees every message of a
        // format without reply data, where the page's one shared sort would be slower.
        // The standard sort: every message once, where the page's shared sort is several
        // times slower (docs/PERFORMANCE.md "Wasm size").
        list.sort_unstable_by_key(|&at| (data.messages.get(at).map_or(0, |m| m.time_ms), at));
        // The latest message of someone other than the current run's author.
        let mut previous_other: Option<usize> = None;
        let mut current: Option<usize> = None;
        work::add(list.len() as u64);
        for &at in list.iter() {
            let Some(m) = data.messages.get(at) else {
                continue;
            };
            let current_author = current.and_then(|c| data.messages.get(c)).map(|c| c.author);
            if current_author.is_some() && current_author != Some(m.author) {
                previous_other = current;
            }
            let candidate = previous_other.and_then(|p| data.messages.get(p).map(|pm| (p, pm)));
            if let Some((p, pm)) = candidate {
                let fresh = m.time_ms.saturating_sub(pm.time_ms) <= INFERENCE_WINDOW_MS;
                if pm.author != m.author && fresh && m.parent.is_none() && m.thread_root.is_none() {
                    if let Some(slot) = inferred.get_mut(at) {
                        *slot = u32::try_from(p).ok();
                    }
                }
            }
            current = Some(at);
        }
    }
    inferred
}

#[cfg(test)]
mod tests;
