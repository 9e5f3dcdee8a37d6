//! The highest numeric message id of each space, so that a message whose id is above it is
//! known to be new without a look-up in the duplicate index.
//!
//! Why: exports list a channel's messages in order, and Discord's and Telegram's ids are
//! numbers that grow with time, so almost every message arrives above every id before it.
//! The hash look-up it spares touched a random slot of an index that, at a million
//! messages, is 10 MB, and growing the index re-read every message indexed so far, at
//! random, to rehash it: 22% of the CPU time of parsing the 1 M-message export (1.38 GB)
//! against 11% at 100 k (`perf record`); without it the 1 M parse took 2.37 s of CPU
//! instead of 3.40 s (docs/PERFORMANCE.md, "CLI parse at 1 M, session 10").

use rustc_hash::FxHashMap;

use crate::decimal_id::decimal_id;

use crate::{Message, SpaceIdx};

/// Per space, the highest id among the first `seen` messages that is a number written the
/// one way ([`decimal_id`]); spaces with none are absent.
#[derive(Debug, Clone, Default)]
pub struct Ascending {
    highest: FxHashMap<SpaceIdx, u64>,
    seen: usize,
}

impl Ascending {
    /// Takes in the messages not seen yet (every one after the index was dropped; none
    /// while messages only arrive through [`Ascending::above`] and [`Ascending::raise`]).
    pub fn catch_up(&mut self, messages: &[Message]) {
        for m in messages.iter().skip(self.seen) {
            if let Some(n) = decimal_id(&m.id) {
                self.raise_to(m.space, n);
            }
        }
        self.seen = self.seen.max(messages.len());
    }

    /// `id` as its number when it is above every numeric id of `space` seen so far, so no
    /// message seen has it (two ids written the one way are the same text exactly when
    /// they are the same number, and an id written otherwise is never that text).
    /// `None` when it is not a number written the one way, or not above.
    pub fn above(&self, space: SpaceIdx, id: &str) -> Option<u64> {
        let n = decimal_id(id)?;
        match self.highest.get(&space) {
            Some(&highest) if n <= highest => None,
            _ => Some(n),
        }
    }

    /// Records `n`, the id [`Ascending::above`] gave for the message just added in
    /// `space` as the last of `count` messages; catch-up covers it if others were missed.
    pub fn raise(&mut self, space: SpaceIdx, n: u64, count: usize) {
        if self.seen + 1 == count {
            self.raise_to(space, n);
            self.seen = count;
        }
    }

    fn raise_to(&mut self, space: SpaceIdx, n: u64) {
        let highest = self.highest.entry(space).or_insert(n);
        *highest = (*highest).max(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_new_only_above_its_own_spaces_highest() {
        let messages: Vec<Message> = [(0, "5"), (0, "x"), (1, "9"), (0, "3")]
            .into_iter()
            .map(|(space, id)| Message::new(space, id.to_string(), 0, 0))
            .collect();
        let mut ascending = Ascending::default();
        assert_eq!(ascending.above(0, "5"), Some(5), "nothing seen yet");
        ascending.catch_up(&messages);
        assert_eq!(ascending.above(0, "5"), None, "seen");
        assert_eq!(
            ascending.above(0, "4"),
            None,
            "below the highest: maybe seen"
        );
        assert_eq!(ascending.above(0, "6"), Some(6));
        assert_eq!(ascending.above(1, "6"), None);
        assert_eq!(ascending.above(2, "1"), Some(1), "a space with no numbers");
        assert_eq!(ascending.above(0, "y"), None, "not a number: looked up");
        ascending.raise(0, 6, messages.len() + 1);
        assert_eq!(ascending.above(0, "6"), None, "raised");
        ascending.raise(0, 8, messages.len() + 3);
        assert_eq!(
            ascending.above(0, "7"),
            Some(7),
            "a gap is left to catch-up"
        );
    }
}
