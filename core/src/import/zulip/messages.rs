//! Messages of one file into the model, whichever file they came from: the quote each
//! answers and the people each mentions.
//!
//! A quote-reply answers the quoted message when the quote's link names it (looked up
//! across every loaded file); without a link it answers the quoted person's latest earlier
//! message in the same topic of this file, and when there is none the quoted person is
//! only a mention. Every other message names no parent: its topic's space infers it
//! (docs/METRICS.md §2).

use std::collections::HashMap;

use super::content::{self, Named};
use crate::model::{work, Dataset, Message, PersonIdx, SpaceIdx};

/// One message, placed and attributed, with its text still to read.
pub(super) struct Incoming<'t> {
    pub(super) id: u64,
    pub(super) author: PersonIdx,
    /// UTC milliseconds.
    pub(super) time_ms: i64,
    pub(super) space: SpaceIdx,
    pub(super) text: &'t str,
    /// The text is rendered HTML rather than Markdown.
    pub(super) html: bool,
    /// A system bot's notice.
    pub(super) notice: bool,
}

/// What a file's messages came to.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tally {
    /// Messages in the file, duplicates included.
    pub(super) messages: u64,
    /// Mentions and quotes naming someone by a name no loaded person has.
    pub(super) unknown_names: u64,
}

/// Seconds since the epoch (with a fraction) as milliseconds, saturating.
pub(super) fn millis(seconds: f64) -> i64 {
    (seconds * 1000.0).round() as i64
}

/// Adds the messages of one file, in the file's order (Zulip's: by id, so by time).
pub(super) fn push_all(incoming: Vec<Incoming<'_>>, dataset: &mut Dataset) -> Tally {
    let mut tally = Tally::default();
    let mut names: Option<HashMap<String, PersonIdx>> = None;
    // (space, person) → that person's latest message there so far.
    let mut latest: HashMap<(SpaceIdx, PersonIdx), u64> = HashMap::new();
    dataset.messages.reserve(incoming.len());
    for m in incoming {
        work::add(1);
        let read = content::read(m.text, m.html);
        let mut resolve = |who: Named<'_>, dataset: &mut Dataset| {
            let found = match who {
                Named::Id(id) => Some(super::people::person(dataset, id, "", false)),
                Named::Name(name) => names
                    .get_or_insert_with(|| by_name(dataset))
                    .get(name)
                    .copied(),
            };
            tally.unknown_names += u64::from(found.is_none());
            found
        };
        let mut parent = None;
        if let Some(quote) = read.quote {
            let quoted = resolve(quote.who, dataset);
            parent = quote
                .message
                .or_else(|| quoted.and_then(|person| latest.get(&(m.space, person)).copied()));
        }
        let mut mentions: Vec<PersonIdx> = Vec::new();
        for who in read.mentions {
            if let Some(person) = resolve(who, dataset) {
                if !mentions.contains(&person) {
                    mentions.push(person);
                }
            }
        }
        latest.insert((m.space, m.author), m.id);
        let message = Message::new(m.space, m.id.to_string(), m.author, m.time_ms)
            .with_notice(m.notice)
            .with_parent(parent.map(|p| p.to_string()))
            .with_mentions(mentions)
            .with_text_size(read.own.chars, read.own.asks);
        dataset.push_message(message);
        tally.messages += 1;
    }
    tally
}

/// Every loaded person by full name (the first one, when two share it).
fn by_name(dataset: &Dataset) -> HashMap<String, PersonIdx> {
    let mut map = HashMap::new();
    for (idx, p) in dataset.people.iter().enumerate() {
        work::add(1);
        if !p.display_name.is_empty() {
            map.entry(p.display_name.clone())
                .or_insert(idx as PersonIdx);
        }
    }
    map
}
