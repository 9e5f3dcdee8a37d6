//! The `@name` / `@+49 …` mentions inside a WhatsApp message, resolved against the chat's
//! senders through maps built once per chat, so a message full of `@` costs time in
//! proportion to its length, never to its length times the number of senders.
//!
//! Two budgets keep a hostile file from costing minutes: at most
//! [`MAX_MENTIONS_PER_MESSAGE`] `@` signs are resolved in one message, and at most
//! [`MENTION_WORK_BUDGET`] characters are looked up in one chat; what lies past either is
//! counted (see [`Tally`]) and reported in one warning by the caller.

use std::collections::{HashMap, HashSet};

use crate::model::work;

/// `@` signs resolved in one message; later ones in that message are counted, not read.
pub const MAX_MENTIONS_PER_MESSAGE: usize = 1_000;
/// Characters of candidate names looked up in one chat (about a second of work); once
/// spent, the chat's remaining `@` signs are counted, not read.
pub const MENTION_WORK_BUDGET: u64 = 100_000_000;

/// Characters allowed in a name written as a phone number.
fn phone_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')')
}

/// Lower case, character by character, so `Ann` and `ANN` meet.
fn folded(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// The chat's senders, by the three ways a message can name them.
pub struct Senders {
    /// Full name, folded → the sender (the later one when two fold alike).
    full: HashMap<String, usize>,
    /// Characters of the longest folded full name: no candidate is longer.
    longest: usize,
    /// Digits of a name that is a phone number → the sender, `None` when several share them.
    phones: HashMap<String, Option<usize>>,
    /// First word of a name, folded → the sender, `None` when several share it.
    firsts: HashMap<String, Option<usize>>,
}

/// What the budgets left unread in one chat.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// `@` signs past [`MAX_MENTIONS_PER_MESSAGE`] in their message.
    pub past_message_cap: u64,
    /// Messages that had such `@` signs.
    pub capped_messages: u64,
    /// `@` signs left unread once [`MENTION_WORK_BUDGET`] was spent.
    pub past_budget: u64,
    /// Characters looked up so far.
    pub work: u64,
}

/// Marks `key` as naming `who`, or as ambiguous when another sender has it too.
fn claim(map: &mut HashMap<String, Option<usize>>, key: String, who: usize) {
    map.entry(key)
        .and_modify(|slot| *slot = None)
        .or_insert(Some(who));
}

impl Senders {
    /// Indexes `names` (the senders in order of first appearance; empty names are never
    /// mentioned). Costs time in proportion to the names' total length.
    pub fn new(names: &[&str]) -> Senders {
        let mut index = Senders {
            full: HashMap::with_capacity(names.len()),
            longest: 0,
            phones: HashMap::new(),
            firsts: HashMap::with_capacity(names.len()),
        };
        for (i, name) in names.iter().enumerate() {
            work::add(name.len() as u64 + 1);
            if name.is_empty() {
                continue;
            }
            let key = folded(name);
            index.longest = index.longest.max(key.chars().count());
            index.full.insert(key, i);
            if name.chars().all(phone_char) {
                let digits: String = name.chars().filter(char::is_ascii_digit).collect();
                claim(&mut index.phones, digits, i);
            }
            let first = name.split(' ').next().unwrap_or_default();
            claim(&mut index.firsts, folded(first), i);
        }
        index
    }

    /// The people `text` mentions, as indices into the names given to [`Senders::new`],
    /// each once, in order of first mention. A mention is `@` at a word start followed by
    /// a sender's full name (ignoring case, the longest one, ending at a word end), or by
    /// the digits of a sender written as a phone number (`@491701234567` for
    /// `+49 170 1234567`, at least 5 digits), or by a first name exactly one sender has.
    /// Anything else (`@everyone`, e-mail addresses, unknown names) is no mention.
    pub fn mentions(&self, text: &str, tally: &mut Tally) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        let mut seen: HashSet<usize> = HashSet::new();
        let (mut read, mut unread) = (0usize, 0u64);
        let mut prev: Option<char> = None;
        for (at, c) in text.char_indices() {
            let starts_word = !prev.is_some_and(char::is_alphanumeric);
            prev = Some(c);
            if c != '@' || !starts_word {
                continue;
            }
            if read >= MAX_MENTIONS_PER_MESSAGE || tally.work >= MENTION_WORK_BUDGET {
                unread += 1;
                continue;
            }
            read += 1;
            let after = text.get(at + 1..).unwrap_or("");
            let who = self
                .full_name(after, tally)
                .or_else(|| self.number(after, tally))
                .or_else(|| self.first_name(after, tally));
            if let Some(who) = who.filter(|&w| seen.insert(w)) {
                found.push(who);
            }
        }
        if unread > 0 {
            if tally.work >= MENTION_WORK_BUDGET {
                tally.past_budget += unread;
            } else {
                tally.past_message_cap += unread;
                tally.capped_messages += 1;
            }
        }
        found
    }

    /// The longest full name `after` starts with, ending at a word end.
    fn full_name(&self, after: &str, tally: &mut Tally) -> Option<usize> {
        let mut key = String::new();
        let (mut length, mut best) = (0usize, None);
        let mut chars = after.chars().peekable();
        while let Some(c) = chars.next() {
            for lower in c.to_lowercase() {
                key.push(lower);
                length += 1;
            }
            if length > self.longest {
                break;
            }
            if chars.peek().is_some_and(|n| n.is_alphanumeric()) {
                continue;
            }
            spend(tally, key.len());
            if let Some(&i) = self.full.get(&key) {
                best = Some(i);
            }
        }
        best
    }

    /// A sender written as a phone number whose digits equal those after the `@`.
    fn number(&self, after: &str, tally: &mut Tally) -> Option<usize> {
        let digits: String = after
            .chars()
            .take_while(|&c| phone_char(c))
            .filter(char::is_ascii_digit)
            .collect();
        spend(tally, digits.len());
        if digits.len() < 5 {
            return None;
        }
        self.phones.get(&digits).copied().flatten()
    }

    /// A single word that is the first name of exactly one sender.
    fn first_name(&self, after: &str, tally: &mut Tally) -> Option<usize> {
        let word: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
        spend(tally, word.len());
        if word.is_empty() {
            return None;
        }
        self.firsts.get(&folded(&word)).copied().flatten()
    }
}

/// Counts `chars` characters looked up, in the chat's tally and the work counter.
fn spend(tally: &mut Tally, chars: usize) {
    let steps = chars as u64 + 1;
    tally.work = tally.work.saturating_add(steps);
    work::add(steps);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str, names: &[&str]) -> Vec<usize> {
        Senders::new(names).mentions(text, &mut Tally::default())
    }

    #[test]
    fn mentions_by_name_number_and_first_name() {
        let names = ["Ann Lee", "Ann", "+49 170 1234567", "Bo Chen", "Bo Park"];
        assert_eq!(mentions("hi @ann lee and @Ann!", &names), vec![0, 1]);
        assert_eq!(mentions("@491701234567 call me", &names), vec![2]);
        assert_eq!(mentions("@+49 170 1234567", &names), vec![2]);
        assert_eq!(mentions("@Bo is ambiguous", &names), Vec::<usize>::new());
        assert_eq!(
            mentions("mail ann@example.com", &names),
            Vec::<usize>::new()
        );
        assert_eq!(mentions("@everyone @", &names), Vec::<usize>::new());
        assert_eq!(mentions("@Bo Chen @bo chen", &names), vec![3]);
        assert_eq!(mentions("@Ann Leeway", &names), vec![1], "a word end");
    }

    #[test]
    fn past_the_cap_the_signs_are_counted() {
        let text = "@a ".repeat(MAX_MENTIONS_PER_MESSAGE + 7);
        let mut tally = Tally::default();
        assert_eq!(Senders::new(&["a"]).mentions(&text, &mut tally), vec![0]);
        assert_eq!((tally.past_message_cap, tally.capped_messages), (7, 1));
        assert_eq!(tally.past_budget, 0);
    }

    #[test]
    fn past_the_budget_the_signs_are_counted() {
        let mut tally = Tally {
            work: MENTION_WORK_BUDGET,
            ..Tally::default()
        };
        assert!(Senders::new(&["a"])
            .mentions("@a @a", &mut tally)
            .is_empty());
        assert_eq!((tally.past_budget, tally.past_message_cap), (2, 0));
    }
}
