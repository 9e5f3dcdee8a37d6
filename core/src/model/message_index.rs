//! The index that finds a message already loaded by its space and id, so a duplicate
//! (overlapping or repeated exports) merges instead of counting twice.
//!
//! It stores positions in [`Dataset::messages`](crate::model::Dataset) only, 4 bytes
//! each, and reads the space and id from the message itself: a map keyed by a copy of
//! (space, id) cost 40 bytes a slot plus a second copy of every id, about 100 bytes a
//! message, as much as the message. It is needed only while messages are added, so
//! [`Dataset::finish_import`](crate::model::Dataset::finish_import) drops it; a later
//! [`MessageIndex::find_or_arrive`] after [`MessageIndex::catch_up`] rebuilds it.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use crate::model::{Message, SpaceIdx};

/// Positions of messages by (space, id); covers the first `indexed` messages.
#[derive(Debug, Clone, Default)]
pub struct MessageIndex {
    table: HashTable<u32>,
    indexed: usize,
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

    /// Indexes the messages not indexed yet (all of them after a drop; the last one
    /// after a push). Positions past `u32::MAX` stay unindexed: no budget lets an import
    /// come near 4 billion messages.
    pub fn catch_up(&mut self, messages: &[Message]) {
        let rehash = |&at: &u32| messages.get(at as usize).map_or(0, message_hash);
        for (at, m) in messages.iter().enumerate().skip(self.indexed) {
            if let Ok(position) = u32::try_from(at) {
                self.table.insert_unique(message_hash(m), position, rehash);
            }
        }
        self.indexed = messages.len();
    }
}

/// A message about to be added, hashed once for both looking it up and indexing it.
pub struct Arrival(u64);

impl MessageIndex {
    /// The position of the message of `space` with `id`, when indexed;
    /// otherwise what [`MessageIndex::index_last`] needs to
    /// index it once it is pushed, without hashing its id again.
    pub fn find_or_arrive(
        &self,
        messages: &[Message],
        space: SpaceIdx,
        id: &str,
    ) -> Result<usize, Arrival> {
        let hash = key_hash(space, id);
        self.find_hashed(messages, space, id, hash)
            .ok_or(Arrival(hash))
    }

    /// Indexes the last of `messages`, the one `arrival` was found missing for, when
    /// every message before it is indexed; otherwise catches up.
    pub fn index_last(&mut self, messages: &[Message], arrival: Arrival) {
        let last = messages.len().wrapping_sub(1);
        match u32::try_from(last) {
            Ok(position) if self.indexed == last => {
                let rehash = |&at: &u32| messages.get(at as usize).map_or(0, message_hash);
                self.table.insert_unique(arrival.0, position, rehash);
                self.indexed = messages.len();
            }
            _ => self.catch_up(messages),
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

    #[test]
    fn finds_by_space_and_id_and_catches_up_after_a_drop() {
        let messages: Vec<Message> = (0..1000)
            .map(|i| Message::new(i % 3, format!("m{}", i / 3), 0, 0))
            .collect();
        let mut index = MessageIndex::default();
        index.catch_up(messages.get(..11).unwrap());
        assert_eq!(index.find_or_arrive(&messages, 1, "m3").ok(), Some(10));
        assert_eq!(
            index.find_or_arrive(&messages, 2, "m3").ok(),
            None,
            "not indexed yet"
        );
        index.catch_up(&messages);
        assert_eq!(index.find_or_arrive(&messages, 2, "m3").ok(), Some(11));
        assert_eq!(index.find_or_arrive(&messages, 0, "m333").ok(), Some(999));
        assert_eq!(index.find_or_arrive(&messages, 1, "m333").ok(), None);
        let mut arriving = MessageIndex::default();
        for (at, m) in messages.iter().enumerate() {
            let found = arriving.find_or_arrive(&messages, m.space, &m.id);
            let Err(arrival) = found else {
                panic!("{at} was not indexed yet");
            };
            arriving.index_last(messages.get(..=at).unwrap_or_default(), arrival);
        }
        assert_eq!(arriving.find_or_arrive(&messages, 2, "m3").ok(), Some(11));
        assert_eq!(
            arriving.find_or_arrive(&messages, 0, "m333").ok(),
            Some(999)
        );
        let mut dropped = MessageIndex::default();
        dropped.catch_up(&messages);
        assert_eq!(dropped.find_or_arrive(&messages, 2, "m0").ok(), Some(2));
    }
}
