//! Mastodon threads as the REST API serves them: a status's context
//! (`/api/v1/statuses/:id/context`: `ancestors` and `descendants`) and, when given, the
//! status itself (`/api/v1/statuses/:id`), loaded together.
//!
//! A thread is a space, keyed by its first status (the first ancestor, else the status the
//! context was asked for). A status replies to `in_reply_to_id`. People are keyed by their
//! profile URL (`account.url`): the same handle on two servers is two people, and one
//! person seen in several files is one. The thread's first author is the host hint.
//! Mentions come from each status's `mentions` list; the text is the HTML `content` with
//! its tags dropped; favourites are a reaction with a count and no reactor ids.
//!
//! A context leaves out the status it was asked for, so the first replies would answer a
//! message that is not there. Their `in_reply_to_account_id` still names its author: the
//! missing status is kept as a *stand-in*, a system message by that author (it counts
//! nowhere, but replies to it reach its author), dated at its earliest reply and flagged
//! as estimated. Loading the status itself, before or after, puts the real one in its
//! place. Ids are the answering server's, so every file of one thread should come from
//! the same server.

mod shape;
mod stand_in;

use std::collections::HashMap;

use super::discourse::html::visible_text;
use super::json_error;
use super::timestamp::parse_iso;
use crate::import::error::ImportError;
use crate::import::plain::excerpt;
use crate::model::{
    distinct, Dataset, FileSummary, Message, MessageKind, Person, PersonIdx, Reaction, Space,
    SpaceIdx,
};
use shape::{Status, Top};
use stand_in::{stand_ins, warn};

/// What a thread's space id starts with, so Mastodon's numeric ids never meet another
/// format's in one space.
const SPACE_PREFIX: &str = "mastodon:";

/// True when the first few kilobytes look like Mastodon API JSON: a context (an object
/// with `ancestors`, then `descendants` or a status), one status or a list of them
/// (`in_reply_to_account_id` is Mastodon's own), or an account archive's ActivityPub
/// `outbox.json`, which [`read`] then refuses with a clear sentence.
pub fn detect(_name: &str, bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let status = t.contains("\"in_reply_to_account_id\"");
    let context = t.contains("\"ancestors\"") && (t.contains("\"descendants\"") || status);
    let outbox = t.contains("\"orderedItems\"") && t.contains("activitystreams");
    (t.starts_with('{') && (context || status || outbox)) || (t.starts_with('[') && status)
}

/// Reads one context or status file into `dataset`.
///
/// A context with no statuses adds only its file summary. Errors name the file and a
/// position: line and column for JSON errors, the status number and id for an unreadable
/// date. A list of statuses (a timeline) and an account archive's `outbox.json` are
/// refused, saying what to save instead.
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let thread = parse(file, bytes)?;
    let times = thread
        .statuses
        .iter()
        .enumerate()
        .map(|(number, status)| time_of(file, number, status))
        .collect::<Result<Vec<i64>, ImportError>>()?;
    let queried = thread.queried(&times);
    let people = People::intern(&thread.statuses, dataset);
    let loaded = Loaded::of(dataset);
    let ids = thread.statuses.iter().map(|s| s.id.as_ref());
    let top = thread.top_id(queried);
    let space = match loaded.space_of(ids.chain(queried)) {
        Some(space) => Some(space),
        None => top.map(|id| dataset.intern_space(space_of(id))),
    };
    if let Some(space) = space {
        mark_host(&thread, queried, &people, dataset);
        add_statuses(&thread, &times, space, &people, &loaded, dataset);
        let missing = stand_ins(&thread, &times, queried, space, &people, &loaded, dataset);
        warn(file, missing, dataset);
    }
    dataset.files.push(FileSummary {
        name: file.to_string(),
        format: "mastodon",
        space: top.map_or_else(|| "empty context".into(), |id| format!("status {id}")),
        messages: thread.statuses.len() as u64,
    });
    Ok(())
}

/// The statuses of one file.
struct Thread<'a> {
    /// The ancestors (oldest first), then the status itself when the file is one status,
    /// then the descendants (in no particular order).
    statuses: Vec<Status<'a>>,
    /// How many of `statuses` are ancestors.
    ancestors: usize,
    /// True for a file of one status.
    single: bool,
}

impl Thread<'_> {
    /// The id of the status the file is about: the status itself, or, for a context that
    /// leaves it out, what its earliest descendant answers.
    fn queried<'s>(&'s self, times: &[i64]) -> Option<&'s str> {
        if self.single {
            return self.statuses.first().map(|s| s.id.as_ref());
        }
        let descendants = self.statuses.iter().zip(times).skip(self.ancestors);
        let earliest = descendants.min_by_key(|&(_, &time)| time);
        earliest.and_then(|(s, _)| s.in_reply_to_id.as_deref())
    }

    /// The thread's first status as far as the file knows: the first ancestor, else the
    /// status the file is about.
    fn top_id<'s>(&'s self, queried: Option<&'s str>) -> Option<&'s str> {
        match self.ancestors {
            0 => queried.or_else(|| self.statuses.first().map(|s| s.id.as_ref())),
            _ => self.statuses.first().map(|s| s.id.as_ref()),
        }
    }
}

/// The file as a [`Thread`], or why it is not one.
fn parse<'a>(file: &str, bytes: &'a [u8]) -> Result<Thread<'a>, ImportError> {
    let shape = |what: &str| ImportError::Shape {
        file: file.to_string(),
        what: what.into(),
    };
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'[') {
        serde_json::from_slice::<Vec<Status>>(bytes)
            .map_err(|e| json_error::from_serde(file, &e))?;
        return Err(shape(
            "this is a list of Mastodon statuses (a timeline or an account's posts), not one \
             thread; save https://SERVER/api/v1/statuses/ID/context for each thread instead",
        ));
    }
    let top: Top = serde_json::from_slice(bytes).map_err(|e| json_error::from_serde(file, &e))?;
    if top.ancestors.is_some() || top.descendants.is_some() {
        let mut statuses = top.ancestors.unwrap_or_default();
        let ancestors = statuses.len();
        statuses.extend(top.descendants.unwrap_or_default());
        return Ok(Thread {
            statuses,
            ancestors,
            single: false,
        });
    }
    if top.ordered_items.is_some() {
        return Err(shape(
            "this is a Mastodon account archive's outbox.json, which holds only the account's \
             own posts and none of the replies to them; save \
             https://SERVER/api/v1/statuses/ID/context for each thread instead",
        ));
    }
    if top.id.is_none() || top.account.is_none() {
        return Err(shape(
            "expected a Mastodon status context ({\"ancestors\": […], \"descendants\": […]}) \
             or one status ({\"id\": …, \"account\": {…}})",
        ));
    }
    let status: Status =
        serde_json::from_slice(bytes).map_err(|e| json_error::from_serde(file, &e))?;
    Ok(Thread {
        statuses: vec![status],
        ancestors: 0,
        single: true,
    })
}

fn time_of(file: &str, number: usize, status: &Status) -> Result<i64, ImportError> {
    parse_iso(&status.created_at)
        .map(|t| t.ms)
        .ok_or_else(|| ImportError::Shape {
            file: file.to_string(),
            what: format!(
                "status {} (id {}): the created_at \"{}\" is not a date",
                number + 1,
                excerpt(&status.id),
                excerpt(&status.created_at)
            ),
        })
}

/// The file's people, by the answering server's account ids (what
/// `in_reply_to_account_id` and mentions name).
struct People(HashMap<String, PersonIdx>);

impl People {
    /// Interns every author, then every mentioned account, so display names come from
    /// the accounts' own statuses.
    fn intern(statuses: &[Status], dataset: &mut Dataset) -> People {
        let mut by_id = HashMap::new();
        for status in statuses {
            let a = &status.account;
            let shown = [a.display_name.as_deref(), a.username.as_deref()]
                .into_iter()
                .flatten()
                .find(|s| !s.trim().is_empty())
                .unwrap_or(a.handle());
            let person = Person::named(a.key(), a.handle())
                .with_display_name(shown)
                .with_bot(a.bot == Some(true));
            by_id.insert(a.id.to_string(), dataset.intern_person(person));
        }
        for mention in statuses.iter().flat_map(|s| &s.mentions) {
            if !by_id.contains_key(mention.id.as_ref()) {
                let person = Person::named(mention.key(), mention.handle()).with_display_name("");
                by_id.insert(mention.id.to_string(), dataset.intern_person(person));
            }
        }
        People(by_id)
    }

    fn get(&self, account_id: &str) -> Option<PersonIdx> {
        self.0.get(account_id).copied()
    }
}

/// Mastodon statuses already in the dataset, by id: where each is, and whether it is a
/// stand-in (Mastodon has no system messages of its own).
struct Loaded(HashMap<String, (SpaceIdx, usize, bool)>);

impl Loaded {
    fn of(dataset: &Dataset) -> Loaded {
        let ours: Vec<bool> = dataset
            .spaces
            .iter()
            .map(|s| s.id.starts_with(SPACE_PREFIX))
            .collect();
        let mut by_id = HashMap::new();
        for (at, m) in dataset.messages.iter().enumerate() {
            if ours.get(m.space as usize) == Some(&true) {
                let stand_in = m.kind == MessageKind::System;
                by_id.insert(m.id.to_string(), (m.space, at, stand_in));
            }
        }
        Loaded(by_id)
    }

    /// The thread space of the first of `ids` already loaded.
    fn space_of<'i>(&self, mut ids: impl Iterator<Item = &'i str>) -> Option<SpaceIdx> {
        ids.find_map(|id| self.0.get(id).map(|&(space, _, _)| space))
    }

    fn contains(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }
}

fn space_of(top: &str) -> Space {
    Space {
        id: format!("{SPACE_PREFIX}{top}"),
        name: format!("Mastodon thread of status {top}"),
        parent: None,
        is_thread: false,
        infer_replies: false,
    }
}

/// Makes the thread's first author a host hint: the first ancestor's, else the author of
/// the status the file is about (named by the replies to it when the file leaves it out).
fn mark_host(thread: &Thread, queried: Option<&str>, people: &People, dataset: &mut Dataset) {
    let first = thread.statuses.first();
    let host = match (thread.ancestors, thread.single) {
        (0, true) => first
            .filter(|s| s.in_reply_to_id.is_none())
            .map(|s| s.account.id.as_ref()),
        (0, false) => thread
            .statuses
            .iter()
            .find(|s| s.in_reply_to_id.is_some() && s.in_reply_to_id.as_deref() == queried)
            .and_then(|s| s.in_reply_to_account_id.as_deref()),
        _ => first.map(|s| s.account.id.as_ref()),
    };
    if let Some(idx) = host.and_then(|id| people.get(id)) {
        if !dataset.is_bot(idx) && !dataset.host_hints.contains(&idx) {
            dataset.host_hints.push(idx);
        }
    }
}

/// Adds every status of the file, each in place of its stand-in when one was loaded.
fn add_statuses(
    thread: &Thread,
    times: &[i64],
    space: SpaceIdx,
    people: &People,
    loaded: &Loaded,
    dataset: &mut Dataset,
) {
    let by_id: HashMap<&str, &Status> =
        thread.statuses.iter().map(|s| (s.id.as_ref(), s)).collect();
    for (status, &time_ms) in thread.statuses.iter().zip(times) {
        let parent = status.in_reply_to_id.as_deref().and_then(|p| by_id.get(p));
        let message = convert(status, parent.copied(), space, time_ms, people);
        place(message, loaded, dataset);
    }
}

/// One status as a message. Mastodon fills a reply with the answered status's author
/// and mentions; those carried-over names only address the reply (the reply itself
/// reaches the author), so only the names added to them are mentions.
fn convert(
    status: &Status,
    parent: Option<&Status>,
    space: SpaceIdx,
    time_ms: i64,
    people: &People,
) -> Message {
    let author = people.get(&status.account.id).unwrap_or_default();
    let carried = |id: &str| {
        status.in_reply_to_account_id.as_deref() == Some(id)
            || parent.is_some_and(|p| p.mentions.iter().any(|m| m.id == id))
    };
    let mentions: Vec<PersonIdx> = status
        .mentions
        .iter()
        .filter(|m| !carried(&m.id))
        .filter_map(|m| people.get(&m.id))
        .collect();
    let text = visible_text(status.content.as_deref().unwrap_or(""));
    let favourites = status.favourites_count.unwrap_or(0);
    let reactions = match favourites {
        0 => Vec::new(),
        n => vec![Reaction {
            emoji: "⭐".into(),
            count: n.min(u64::from(u32::MAX)) as u32,
            reactors: Vec::new(),
        }],
    };
    Message::new(space, status.id.to_string(), author, time_ms)
        .with_parent(status.in_reply_to_id.as_deref().map(str::to_string))
        .with_mentions(distinct(mentions))
        .with_reactions(reactions)
        .with_text(&text)
}

/// Adds a status, putting it in place of its stand-in when one was loaded.
fn place(message: Message, loaded: &Loaded, dataset: &mut Dataset) {
    if let Some(&(space, at, true)) = loaded.0.get(message.id.as_str()) {
        if let Some(slot) = dataset.messages.get_mut(at) {
            *slot = Message { space, ..message };
            return;
        }
    }
    dataset.push_message(message);
}

#[cfg(test)]
mod tests;
