//! Who talks to whom (ANALYSIS.md §2): replies, thread replies and mentions, plus the
//! reply tree the starter and first-answer measures walk.
//!
//! Parents are looked up by message id across every loaded file (Discord snowflakes are
//! unique across channels, and a thread's root lives in its parent channel's file).
//! Bots and system messages take no part; self-interactions are dropped.

use std::collections::HashMap;

use crate::model::{Dataset, Message, MessageKind, PersonIdx, SpaceIdx};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InteractionKind {
    /// The message names its parent explicitly.
    Reply,
    /// The message sits in a thread and names no parent: it answers the thread's root.
    ThreadReply,
    /// Guessed from timing, for formats without reply data (none yet for Discord).
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interaction {
    pub from: PersonIdx,
    pub to: PersonIdx,
    pub kind: InteractionKind,
    /// Index of the message in [`Dataset::messages`] that created it.
    pub message: usize,
    /// For replies: the message replied to.
    pub target: Option<usize>,
}

/// The interactions and reply tree of a dataset.
#[derive(Debug, Clone, Default)]
pub struct Conversation {
    pub interactions: Vec<Interaction>,
    /// Per message: the message it answers (explicit parent, else its thread's root).
    pub tree_parent: Vec<Option<usize>>,
    /// Per message: it names a parent that is not in the export.
    pub parent_missing: Vec<bool>,
    /// Replies whose parent is not in the export (counting messages only).
    pub missing_parents: u64,
}

impl Conversation {
    /// Builds interactions and the reply tree for every counting message of `data`.
    pub fn build(data: &Dataset) -> Conversation {
        let by_id = index_by_id(data);
        let roots = thread_roots(data, &by_id);
        let n = data.messages.len();
        let mut conv = Conversation {
            interactions: Vec::with_capacity(n),
            tree_parent: vec![None; n],
            parent_missing: vec![false; n],
            missing_parents: 0,
        };
        for (at, message) in data.messages.iter().enumerate() {
            let (parent, explicit) = match message.parent.as_deref() {
                Some(id) => (by_id.get(id).copied(), true),
                None => (None, false),
            };
            let root = roots.get(&message.space).copied().filter(|&r| r != at);
            let tree_parent = if explicit { parent } else { root };
            conv.tree_parent[at] = tree_parent.filter(|&p| p != at);
            let missing = explicit && parent.is_none();
            conv.parent_missing[at] = missing;
            if !data.counts(message) {
                continue;
            }
            conv.missing_parents += u64::from(missing);
            let kind = if explicit {
                InteractionKind::Reply
            } else {
                InteractionKind::ThreadReply
            };
            conv.add_message(data, at, message, conv.tree_parent[at].map(|p| (p, kind)));
        }
        conv
    }

    /// Adds the reply (if any) and the mentions of one counting message.
    fn add_message(
        &mut self,
        data: &Dataset,
        at: usize,
        message: &Message,
        reply: Option<(usize, InteractionKind)>,
    ) {
        let mut replied_to = None;
        if let Some((target, kind)) = reply {
            if let Some(parent) = data.messages.get(target) {
                replied_to = Some(parent.author);
                self.push(data, message.author, parent.author, kind, at, Some(target));
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
        if from != to && !data.is_bot(from) && !data.is_bot(to) {
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

/// Message index by source id; the first copy wins when ids repeat across spaces.
fn index_by_id(data: &Dataset) -> HashMap<&str, usize> {
    let mut by_id = HashMap::with_capacity(data.messages.len());
    for (at, m) in data.messages.iter().enumerate() {
        by_id.entry(m.id.as_str()).or_insert(at);
    }
    by_id
}

/// The root message of every thread space.
///
/// A thread started from a message has the id of that message: when it is loaded and not
/// a system message, it is the root. Otherwise (standalone threads, forum posts, or the
/// parent channel not loaded) the thread file's first non-system message is.
fn thread_roots(data: &Dataset, by_id: &HashMap<&str, usize>) -> HashMap<SpaceIdx, usize> {
    let mut roots = HashMap::new();
    for (space_idx, space) in data.spaces.iter().enumerate() {
        if !space.is_thread {
            continue;
        }
        let space_idx = space_idx as SpaceIdx;
        let starter = by_id.get(space.id.as_str()).copied().filter(|&at| {
            data.messages
                .get(at)
                .is_some_and(|m| m.kind != MessageKind::System)
        });
        let first = || {
            data.messages
                .iter()
                .position(|m| m.space == space_idx && m.kind != MessageKind::System)
        };
        if let Some(root) = starter.or_else(first) {
            roots.insert(space_idx, root);
        }
    }
    roots
}
