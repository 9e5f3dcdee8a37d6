//! Matrix rooms: Element's "Export chat" as JSON (`{room_name, room_creator, topic,
//! export_date, exported_by, messages}`, or the zip holding it as `export.json` next to
//! the attachments), a `/messages` page of the client-server API (`{chunk, start, end}`,
//! what archiving bots save), or a list of events or of such pages.
//!
//! Every event is a full Matrix event: `event_id`, `sender` (`@user:server`, the id people
//! are keyed by), `origin_server_ts` (UTC milliseconds), `type` and `content`. People are
//! shown by the latest display name the room's membership events give them, else by
//! their id. One file is one room (one space, its id the room id).
//!
//! - **Replies**: `m.relates_to.m.in_reply_to.event_id`. The quote a reply's `body` starts
//!   with (lines starting with `>`, then a blank line) is taken off before its length and
//!   its question mark are measured.
//! - **Threads**: `rel_type: "m.thread"` names the root; a thread message answers the
//!   root's author, or the message its `m.in_reply_to` names unless that is marked
//!   `is_falling_back` (then it is only there for clients without threads).
//! - **Edits** (`rel_type: "m.replace"`, also the edit a server bundles in
//!   `unsigned.m.relations`) are no messages: the latest edit by the original's sender
//!   gives the original its text and mentions.
//! - **Reactions** (`m.reaction`, `m.annotation`) add their emoji and reactor to the
//!   message they name (Element's export has no tile for them, so they come from `/messages`
//!   pages).
//! - **Mentions**: `m.mentions.user_ids`, and `matrix.to` links to users in
//!   `formatted_body` outside the reply quote.
//! - **System**: state events (joins, names, topics, the room's creation), calls,
//!   redactions and `m.notice` messages (what bots and integrations send).
//! - **Deleted messages** (`unsigned.redacted_because`, or a message emptied of its
//!   content) are system messages: they count nowhere, but a reply to one still answers
//!   its author. Messages the exporter could not decrypt count, without text.
//! - **Host hint**: the room's creator (`m.room.create`, else `room_creator` matched to a
//!   display name or id).

mod archive;
mod event;
mod raw;
mod room;
mod text;

use super::json_error;
use crate::import::error::ImportError;
use crate::import::telegram::compact_head;
use crate::model::words::plural;
use crate::model::{Dataset, FileSummary, PersonIdx, Space};
use event::{convert, Role, Target};
use raw::{text as text_of, Entry, Event, Top};
use room::Room;

/// True when the bytes look like a Matrix export: Element's export (its `room_creator` or
/// `exported_by` key beside `messages`), a `/messages` page (`chunk` of events), or a
/// list of events; a zip holding Element's `export.json` too. Events are recognised by
/// `origin_server_ts` and `event_id` together, which no other format has.
pub fn detect(_name: &str, bytes: &[u8]) -> bool {
    if archive::is_zip(bytes) {
        return archive::holds_export(bytes);
    }
    let head = compact_head(bytes);
    let events = head.contains("\"origin_server_ts\":") && head.contains("\"event_id\":\"");
    let element = head.starts_with('{')
        && head.contains("\"messages\":[")
        && (head.contains("\"room_creator\":") || head.contains("\"exported_by\":"));
    let page = head.starts_with('{') && head.contains("\"chunk\":[") && events;
    let list = head.starts_with('[') && events && head.contains("\"sender\":\"");
    element || page || list
}

/// Reads one room export, page or zip into `dataset`.
///
/// A file with an empty list of events adds its room and no messages. Errors name the
/// file and a position: line and column for JSON that is broken, the event's number (from
/// 1) and id for an event without a sender or a time.
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    if archive::is_zip(bytes) {
        return archive::read(file, bytes, dataset);
    }
    read_json(file, bytes, dataset)
}

/// Reads one JSON file (or zip entry) named `file`.
fn read_json(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let top = parse(file, bytes)?;
    let Some(list) = top.messages.as_ref().or(top.chunk.as_ref()) else {
        return Err(ImportError::Shape {
            file: file.to_string(),
            what: "this JSON holds no Matrix events: expected Element's export (an object \
                   with \"messages\") or a /messages page (with \"chunk\"); export the room \
                   again from Element (Room info → Export chat → JSON)"
                .into(),
        });
    };
    let events = events_of(list);
    let state: Vec<&Event> = top.state.iter().flatten().map(|e| &e.0).collect();
    let room = Room::of(&events, &state);
    let name = text_of(&top.room_name).filter(|n| !n.trim().is_empty());
    let mut tally = Tally::default();
    let space = read_room(file, &room, name, &events, dataset, &mut tally)?;
    host_hint(&room, text_of(&top.room_creator), dataset);
    tally.warn(file, &room, &events, dataset);
    dataset.files.push(FileSummary {
        name: file.to_string(),
        format: "matrix",
        space,
        messages: tally.messages,
    });
    Ok(())
}

/// The file as an object (an export or a page), or a list (of events or of pages) read as
/// a page of it; a JSON error names its line and column.
fn parse<'b>(file: &str, bytes: &'b [u8]) -> Result<Top<'b>, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    let json = |e: serde_json::Error| json_error::from_serde(file, &e);
    if first == Some(&b'[') {
        let list: Vec<Entry> = serde_json::from_slice(bytes).map_err(json)?;
        return Ok(Top {
            chunk: Some(list),
            ..Top::default()
        });
    }
    serde_json::from_slice(bytes).map_err(json)
}

/// The events of a list, in order: a page in it (a bot's archive of `/messages`
/// responses) gives its own events.
fn events_of<'l, 'a>(list: &'l [Entry<'a>]) -> Vec<&'l Event<'a>> {
    let mut events = Vec::with_capacity(list.len());
    for item in list {
        match item.messages.as_ref().or(item.chunk.as_ref()) {
            Some(inner) => events.extend(inner.iter().map(|e| &e.0)),
            None => events.push(&item.0),
        }
    }
    events
}

/// Adds the room's space and its messages; returns the room's name.
fn read_room(
    file: &str,
    room: &Room,
    name: Option<&str>,
    events: &[&Event],
    dataset: &mut Dataset,
    tally: &mut Tally,
) -> Result<String, ImportError> {
    let name = name.or(room.name).or(room.id).unwrap_or("Matrix room");
    let id = room.id.unwrap_or(name);
    let space = dataset.intern_space(Space {
        id: id.to_string(),
        name: name.to_string(),
        parent: None,
        is_thread: false,
        infer_replies: false,
    });
    let target = Target { file, space, room };
    for (at, event) in events.iter().enumerate() {
        if let Some(message) = convert(&target, at + 1, event, dataset, tally)? {
            dataset.push_message(message);
        }
    }
    Ok(name.to_string())
}

/// Marks the room's creator as a host: the sender of `m.room.create` when the export
/// holds it, else the person whose id or (only) display name is `room_creator`.
fn host_hint(room: &Room, creator_name: Option<&str>, dataset: &mut Dataset) {
    let by_event = room.creator.and_then(|id| dataset.person_with_id(id));
    let by_name = || {
        let name = creator_name?.trim();
        if let Some(idx) = dataset.person_with_id(name) {
            return Some(idx);
        }
        let mut named = room
            .names
            .iter()
            .filter(|(_, &(_, shown))| shown == name)
            .map(|(&id, _)| id);
        match (named.next(), named.next()) {
            (Some(id), None) => dataset.person_with_id(id),
            _ => None,
        }
    };
    let host: Option<PersonIdx> = by_event.or_else(by_name);
    if let Some(host) = host {
        if !dataset.host_hints.contains(&host) {
            dataset.host_hints.push(host);
        }
    }
}

/// Counts behind the file's summary and warnings.
#[derive(Default)]
pub(super) struct Tally {
    messages: u64,
    redacted: u64,
    sealed: u64,
}

impl Tally {
    fn count(&mut self, role: Role) {
        self.messages += 1;
        match role {
            Role::Redacted => self.redacted += 1,
            Role::Sealed => self.sealed += 1,
            _ => {}
        }
    }

    fn warn(&self, file: &str, room: &Room, events: &[&Event], dataset: &mut Dataset) {
        let ids: std::collections::HashSet<&str> =
            events.iter().filter_map(|e| text_of(&e.event_id)).collect();
        let lost = |targets: Vec<&str>| targets.iter().filter(|t| !ids.contains(*t)).count();
        let edits = lost(room.edits.keys().copied().collect()) as u64;
        let reactions = lost(room.reactions.keys().copied().collect()) as u64;
        // Each note in the singular and the plural ("1 message", never "1 messages").
        let notes = [
            (
                self.redacted,
                "deleted (redacted) message counts nowhere, but replies to it still answer \
                 its author",
                "deleted (redacted) messages count nowhere, but replies to them still \
                 answer their authors",
            ),
            (
                self.sealed,
                "message the exporter could not decrypt counts, without text",
                "messages the exporter could not decrypt count, without text",
            ),
            (
                edits,
                "edited message is not in this file, so its edits were left out",
                "edited messages are not in this file, so their edits were left out",
            ),
            (
                reactions,
                "message reacted to is not in this file, so its reactions were left out",
                "messages reacted to are not in this file, so those reactions were left out",
            ),
        ];
        for (count, one, many) in notes.into_iter().filter(|(count, ..)| *count > 0) {
            let what = plural(count, one, many);
            dataset.warnings.push(format!("{file}: {what}"));
        }
    }
}

#[cfg(test)]
mod tests;
