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

use std::hash::BuildHasher;
use std::sync::OnceLock;

use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::model::{work, Dataset, Message, MessageKind, PersonIdx, SpaceIdx};

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
    roots: &FxHashMap<SpaceIdx, usize>,
    inferred: &[Option<u32>],
) -> (Option<Answer>, bool) {
    let root = message.thread_root.as_deref();
    let found = root.and_then(|id| index.find(message.space, id));
    let fallback = roots.get(&message.space).copied();
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

/// Message lookup by id: within a space first, then anywhere (first copy wins).
///
/// One table by id plus a small map for ids that recur in another space, rather than a map
/// by (space, id) and a map by id: on a million messages each map costs about 70 ms. The
/// table holds positions only (4 bytes a slot; the id is read from the message), where a
/// map from `&str` took 24.
struct Index<'a> {
    messages: &'a [Message],
    /// Id → its first message anywhere, as a position in `messages`.
    anywhere: HashTable<u32>,
    /// (space, id) → the first message with that id in that space, only for spaces other
    /// than the one of the id's first message.
    elsewhere: FxHashMap<(SpaceIdx, &'a str), usize>,
}

impl<'a> Index<'a> {
    fn new(data: &'a Dataset) -> Index<'a> {
        let messages = data.messages.as_slice();
        let mut anywhere = HashTable::with_capacity(messages.len());
        let mut elsewhere = FxHashMap::default();
        let rehash = |&at: &u32| messages.get(at as usize).map_or(0, |m| id_hash(&m.id));
        for (at, m) in messages.iter().enumerate() {
            // Positions past u32::MAX are not indexed; no budget lets an import get there.
            let Ok(position) = u32::try_from(at) else {
                break;
            };
            let same = |&first: &u32| messages.get(first as usize).is_some_and(|f| f.id == m.id);
            let entry = anywhere.entry(id_hash(&m.id), same, rehash);
            let first = *entry.or_insert(position).get() as usize;
            let first_space = messages.get(first).map(|f| f.space);
            if first_space != Some(m.space) {
                elsewhere.entry((m.space, m.id.as_str())).or_insert(at);
            }
        }
        Index {
            messages,
            anywhere,
            elsewhere,
        }
    }

    /// The first message with `id` in any space.
    fn first(&self, id: &str) -> Option<usize> {
        let same = |&at: &u32| self.messages.get(at as usize).is_some_and(|m| m.id == id);
        self.anywhere.find(id_hash(id), same).map(|&at| at as usize)
    }

    fn find(&self, space: SpaceIdx, id: &str) -> Option<usize> {
        let first = self.first(id)?;
        if self.messages.get(first).is_some_and(|m| m.space == space) {
            return Some(first);
        }
        self.elsewhere.get(&(space, id)).copied().or(Some(first))
    }
}

fn id_hash(id: &str) -> u64 {
    FxBuildHasher.hash_one(id)
}

/// The root message of every thread space.
///
/// A thread started from a message has the id of that message: when it is loaded and not
/// a system message, it is the root. Otherwise (standalone threads, forum posts, or the
/// parent channel not loaded) the thread file's first non-system message is.
fn thread_roots(data: &Dataset, index: &Index) -> FxHashMap<SpaceIdx, usize> {
    // Each space's first non-system message, found in one pass, so many thread spaces
    // do not each walk every message.
    let mut first_counting: FxHashMap<SpaceIdx, usize> = FxHashMap::default();
    for (at, m) in data.messages.iter().enumerate() {
        work::add(1);
        if m.kind != MessageKind::System {
            first_counting.entry(m.space).or_insert(at);
        }
    }
    let mut roots = FxHashMap::default();
    for (space_idx, space) in data.spaces.iter().enumerate() {
        if !space.is_thread {
            continue;
        }
        let space_idx = space_idx as SpaceIdx;
        let starter = index.first(&space.id).filter(|&at| {
            data.messages
                .get(at)
                .is_some_and(|m| m.kind != MessageKind::System)
        });
        if let Some(root) = starter.or_else(|| first_counting.get(&space_idx).copied()) {
            roots.insert(space_idx, root);
        }
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
    let mut by_space: FxHashMap<SpaceIdx, Vec<usize>> = FxHashMap::default();
    for (at, m) in data.messages.iter().enumerate() {
        let infers = data
            .spaces
            .get(m.space as usize)
            .is_some_and(|s| s.infer_replies);
        if infers && data.counts(m) {
            by_space.entry(m.space).or_default().push(at);
        }
    }
    let mut inferred = Vec::new();
    if !by_space.is_empty() {
        inferred = vec![None; data.messages.len()];
    }
    for list in by_space.values_mut() {
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
