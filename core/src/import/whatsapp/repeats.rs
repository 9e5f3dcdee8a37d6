//! How many messages of one chat came before at the same time from the same sender: the
//! counter that makes each WhatsApp id unique (`time/person/k`).
//!
//! A chat is written in time order, so while times only rise a counter per sender at the
//! latest time is enough. A map of every (time, sender) pair took 58 bytes a message at
//! its peak (78 MB on a 100 MB chat, next to the file and the messages); it is built only
//! when a time goes back (a clock or daylight-saving change), from the messages the chat
//! has added and the ones it merged into an earlier file's copies.

use rustc_hash::FxHashMap;

use crate::model::{Dataset, PersonIdx};

/// The counter of one chat, whose messages are added to a dataset in order.
pub struct Repeats {
    /// Messages the dataset held when the chat began: the chat's own are after them.
    start: usize,
    /// The latest time so far, and per sender its messages at that time.
    latest: Option<(i64, FxHashMap<PersonIdx, u32>)>,
    /// (time, sender) → messages that merged into an earlier file's copy (they are in the
    /// dataset once, at the earlier file's place).
    merged: FxHashMap<(i64, PersonIdx), u32>,
    /// (time, sender) → messages so far, once a time went back.
    every: Option<FxHashMap<(i64, PersonIdx), u32>>,
}

impl Repeats {
    /// The counter for a chat whose first message will be added to `dataset` next.
    pub fn new(dataset: &Dataset) -> Repeats {
        Repeats {
            start: dataset.messages.len(),
            latest: None,
            merged: FxHashMap::default(),
            every: None,
        }
    }

    /// The chat's messages before this one at `ms` by `author` (0 for the first), counting
    /// this one from now on.
    pub fn next(&mut self, ms: i64, author: PersonIdx, dataset: &Dataset) -> u32 {
        if let Some(every) = self.every.as_mut() {
            return bump(every.entry((ms, author)).or_insert(0));
        }
        match self.latest.as_mut() {
            Some((latest, counts)) if *latest == ms => bump(counts.entry(author).or_insert(0)),
            Some((latest, _)) if *latest > ms => {
                let mut every = self.so_far(dataset);
                let k = bump(every.entry((ms, author)).or_insert(0));
                self.every = Some(every);
                k
            }
            _ => {
                let mut counts = FxHashMap::default();
                counts.insert(author, 1);
                self.latest = Some((ms, counts));
                0
            }
        }
    }

    /// Notes that the message just counted merged into an earlier file's copy.
    pub fn merged(&mut self, ms: i64, author: PersonIdx) {
        if self.every.is_none() {
            *self.merged.entry((ms, author)).or_insert(0) += 1;
        }
    }

    /// Every (time, sender) count of the chat so far: its messages in the dataset and the
    /// ones merged away.
    fn so_far(&mut self, dataset: &Dataset) -> FxHashMap<(i64, PersonIdx), u32> {
        let mut every = std::mem::take(&mut self.merged);
        for m in dataset.messages.get(self.start..).unwrap_or_default() {
            *every.entry((m.time_ms, m.author)).or_insert(0) += 1;
        }
        every
    }
}

/// The count before, then one more.
fn bump(count: &mut u32) -> u32 {
    *count += 1;
    *count - 1
}

#[cfg(test)]
mod tests {
    use super::Repeats;
    use crate::model::{Dataset, Message};

    /// The counts `chat` ((time, sender) per message) gets, added after `earlier` ids.
    fn counts(earlier: &[&str], chat: &[(i64, u32)]) -> Vec<u32> {
        let mut data = Dataset::default();
        for id in earlier {
            data.push_message(Message::new(0, id.to_string(), 0, 1));
        }
        let mut repeats = Repeats::new(&data);
        let mut ks = Vec::new();
        for &(ms, author) in chat {
            let k = repeats.next(ms, author, &data);
            ks.push(k);
            if !data.push_message(Message::new(0, format!("{ms}/{author}/{k}"), author, ms)) {
                repeats.merged(ms, author);
            }
        }
        ks
    }

    #[test]
    fn counts_per_time_and_sender_even_when_a_time_goes_back() {
        let chat = [(1, 0), (1, 0), (1, 1), (2, 0), (1, 0), (2, 0), (1, 1)];
        assert_eq!(counts(&[], &chat), vec![0, 1, 0, 0, 2, 1, 1]);
    }

    #[test]
    fn counts_messages_merged_into_an_earlier_file() {
        // The first message merges with the earlier "1/0/0"; after the time goes back it
        // still counts.
        assert_eq!(counts(&["1/0/0"], &[(1, 0), (2, 0), (1, 0)]), vec![0, 0, 1]);
    }
}
