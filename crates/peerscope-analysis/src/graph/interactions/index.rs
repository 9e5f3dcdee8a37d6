//! Messages found by id, within a space first, then anywhere: how a reply finds its
//! parent and a thread reply its root.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::model::{Dataset, Message, SpaceIdx};

/// Message lookup by id: within a space first, then anywhere (first copy wins).
///
/// One table by id plus a small map for ids that recur in another space, rather than a map
/// by (space, id) and a map by id: on a million messages each map costs about 70 ms. The
/// table holds positions only (4 bytes a slot; the id is read from the message), where a
/// map from `&str` took 24.
pub(super) struct Index<'a> {
    messages: &'a [Message],
    /// Id → its first message anywhere, as a position in `messages`.
    anywhere: HashTable<u32>,
    /// (space, id) → the first message with that id in that space, only for spaces other
    /// than the one of the id's first message.
    elsewhere: FxHashMap<(SpaceIdx, &'a str), usize>,
}

impl<'a> Index<'a> {
    pub(super) fn new(data: &'a Dataset) -> Index<'a> {
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
    pub(super) fn first(&self, id: &str) -> Option<usize> {
        let same = |&at: &u32| self.messages.get(at as usize).is_some_and(|m| m.id == id);
        self.anywhere.find(id_hash(id), same).map(|&at| at as usize)
    }

    pub(super) fn find(&self, space: SpaceIdx, id: &str) -> Option<usize> {
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
