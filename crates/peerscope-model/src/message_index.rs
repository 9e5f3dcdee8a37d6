//! The index that finds a message already loaded by its space and id, so a duplicate
//! (overlapping or repeated exports) merges instead of counting twice.
//!
//! It stores positions in [`Dataset::messages`](crate::Dataset) only, 4 bytes
//! each, and reads the space and id from the message itself: a map keyed by a copy of
//! (space, id) cost 40 bytes a slot plus a second copy of every id, about 100 bytes a
//! message, as much as the message. It is needed only while messages are added, so
//! [`Dataset::finish_import`](crate::Dataset::finish_import) drops it; a later
//! [`MessageIndex::find_or_arrive`] rebuilds it.
//!
//! A message whose numeric id is above every id of its space ([`ascending`]) is known new
//! without the index, and is indexed only once a message arrives that needs a look-up:
//! an export read in order never builds it.

mod ascending;

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use crate::{Message, SpaceIdx};
use ascending::Ascending;

/// Positions of messages by (space, id); covers the first `indexed` messages.
#[derive(Debug, Clone, Default)]
pub struct MessageIndex {
    table: HashTable<u32>,
    indexed: usize,
    ascending: Ascending,
}

impl MessageIndex {
    /// The position of the message of `space` with `id` among `messages`, if indexed,
    /// its key's hash ([`key_hash`]) already known.
    fn find_hashed(
        &self,
        messages: &[Message],
        space: SpaceIdx,
        id: &str,
        hash: u64,
    ) -> Option<usize> {
        let same = |&at: &u32| {
            messages
                .get(at as usize)
                .is_some_and(|m| m.space == space && m.id == id)
        };
        let at = self.table.find(hash, same)?;
        Some(*at as usize)
    }

    /// Indexes the messages not indexed yet (all of them after a drop or a run of
    /// messages known new by their ids; the last one after a push). Positions past
    /// `u32::MAX` stay unindexed: no budget lets an import come near 4 billion messages.
    fn catch_up(&mut self, messages: &[Message]) {
        let rehash = |&at: &u32| messages.get(at as usize).map_or(0, message_hash);
        // Room for all of them at once: growing step by step rehashed every message
        // indexed so far, reading each from wherever it sits in memory.
        let missing = messages.len().saturating_sub(self.indexed);
        self.table.reserve(missing, rehash);
        for (at, m) in messages.iter().enumerate().skip(self.indexed) {
            if let Ok(position) = u32::try_from(at) {
                self.table.insert_unique(message_hash(m), position, rehash);
            }
        }
        self.indexed = messages.len();
    }
}

/// A message about to be added, as [`MessageIndex::index_last`] records it once pushed.
pub enum Arrival {
    /// Its id is this number, above every id of its space: nothing to hash.
    Above(SpaceIdx, u64),
    /// Looked up and not found; its key's hash, so it is not hashed again.
    Hashed(u64),
}

impl MessageIndex {
    /// The position among `messages` of the message of `space` with `id`, if there is
    /// one; otherwise what [`MessageIndex::index_last`] needs to record it once pushed.
    pub fn find_or_arrive(
        &mut self,
        messages: &[Message],
        space: SpaceIdx,
        id: &str,
    ) -> Result<usize, Arrival> {
        self.ascending.catch_up(messages);
        if let Some(n) = self.ascending.above(space, id) {
            return Err(Arrival::Above(space, n));
        }
        self.catch_up(messages);
        let hash = key_hash(space, id);
        self.find_hashed(messages, space, id, hash)
            .ok_or(Arrival::Hashed(hash))
    }

    /// Records the last of `messages`, the one `arrival` was found missing for: its id
    /// among the highest, or its position in the index when every message before it is
    /// indexed (otherwise the next look-up catches up).
    pub fn index_last(&mut self, messages: &[Message], arrival: Arrival) {
        let last = messages.len().wrapping_sub(1);
        match arrival {
            Arrival::Above(space, n) => self.ascending.raise(space, n, messages.len()),
            Arrival::Hashed(hash) => match u32::try_from(last) {
                Ok(position) if self.indexed == last => {
                    let rehash = |&at: &u32| messages.get(at as usize).map_or(0, message_hash);
                    self.table.insert_unique(hash, position, rehash);
                    self.indexed = messages.len();
                }
                _ => self.catch_up(messages),
            },
        }
    }
}

fn message_hash(m: &Message) -> u64 {
    key_hash(m.space, &m.id)
}

fn key_hash(space: SpaceIdx, id: &str) -> u64 {
    FxBuildHasher.hash_one((space, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Adds `m` to `messages` as `Dataset::push_message` does; its position if it was
    /// there already.
    fn push(index: &mut MessageIndex, messages: &mut Vec<Message>, m: Message) -> Option<usize> {
        match index.find_or_arrive(messages, m.space, &m.id) {
            Ok(at) => Some(at),
            Err(arrival) => {
                messages.push(m);
                index.index_last(messages, arrival);
                None
            }
        }
    }

    #[test]
    fn finds_by_space_and_id_and_catches_up_after_a_drop() {
        let all: Vec<Message> = (0..1000)
            .map(|i| Message::new(i % 3, format!("m{}", i / 3), 0, 0))
            .collect();
        let mut index = MessageIndex::default();
        let mut messages = Vec::new();
        for m in all.iter().cloned() {
            assert_eq!(push(&mut index, &mut messages, m), None);
        }
        assert_eq!(index.table.len(), 1000, "text ids are all indexed");
        assert_eq!(index.find_or_arrive(&messages, 2, "m3").ok(), Some(11));
        assert_eq!(index.find_or_arrive(&messages, 0, "m333").ok(), Some(999));
        assert_eq!(index.find_or_arrive(&messages, 1, "m333").ok(), None);
        let mut dropped = MessageIndex::default();
        assert_eq!(dropped.find_or_arrive(&messages, 2, "m0").ok(), Some(2));
        assert_eq!(dropped.find_or_arrive(&all, 1, "m333").ok(), None);
    }

    #[test]
    fn ids_in_order_need_no_index_until_one_is_not() {
        let mut index = MessageIndex::default();
        let mut messages = Vec::new();
        let message = |space, id: u64| Message::new(space, id.to_string(), 0, 0);
        for id in 10..1010 {
            assert_eq!(
                push(&mut index, &mut messages, message(id as u32 % 2, id)),
                None
            );
        }
        assert_eq!(index.table.len(), 0, "every id above the last of its space");
        assert_eq!(push(&mut index, &mut messages, message(0, 2000)), None);
        assert_eq!(
            push(&mut index, &mut messages, message(1, 12)),
            None,
            "other space"
        );
        assert_eq!(push(&mut index, &mut messages, message(0, 12)), Some(2));
        assert_eq!(index.table.len(), 1002, "indexed at the first look-up");
        assert_eq!(push(&mut index, &mut messages, message(0, 3000)), None);
        assert_eq!(
            push(&mut index, &mut messages, message(0, 3000)),
            Some(1002)
        );
        let text = Message::new(0, "0012".into(), 0, 0);
        assert_eq!(
            push(&mut index, &mut messages, text),
            None,
            "not the same text"
        );
        let mut dropped = MessageIndex::default();
        assert_eq!(
            dropped.find_or_arrive(&messages, 0, "2000").ok(),
            Some(1000)
        );
        assert_eq!(
            dropped.find_or_arrive(&messages, 0, "0012").ok(),
            Some(1003)
        );
        assert!(matches!(
            dropped.find_or_arrive(&messages, 0, "3001"),
            Err(Arrival::Above(0, 3001))
        ));
    }
}
