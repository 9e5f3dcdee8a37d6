//! One Matrix event as a message of the model: who sent it when, what it answers, what it
//! says once edited, whom it names and who reacted to it.

use super::raw::{text, Content, Event};
use super::room::Room;
use super::text::{is_user_id, linked_users, without_fallback};
use super::Tally;
use crate::import::error::ImportError;
use crate::import::plain::excerpt;
use crate::model::{distinct, Dataset, Message, Person, PersonIdx, Reaction, SpaceIdx};

/// Event types that are someone talking (the rest are state, calls, redactions…).
const CONVERSATION: [&str; 4] = [
    "m.room.message",
    "m.sticker",
    "m.poll.start",
    "org.matrix.msc3381.poll.start",
];

/// `msgtype`s whose `body` is a file's name or a description, not something said.
const ATTACHMENTS: [&str; 4] = ["m.image", "m.file", "m.video", "m.audio"];

/// What an event is to the measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Someone talking: a post or a reply.
    Talk,
    /// An encrypted event the exporter could not decrypt: someone talking, text unknown.
    Sealed,
    /// A deleted message: kept as a system message, so replies to it still find its author.
    Redacted,
    /// Joins, renames, topic changes, calls, redactions, `m.notice` messages: system.
    Notice,
    /// Folded into another message (an edit, a reaction): no message of its own.
    Folded,
}

/// What an event is: edits and reactions fold into their target; deleted messages,
/// state and notices are system messages.
pub(super) fn role(event: &Event) -> Role {
    let kind = text(&event.kind).unwrap_or("");
    let content = event.content.as_ref();
    let relation = content.and_then(|c| c.relates_to.as_ref());
    if kind == "m.reaction" || relation.is_some_and(|r| text(&r.rel_type) == Some("m.replace")) {
        return Role::Folded;
    }
    let redacted = event
        .unsigned
        .as_ref()
        .is_some_and(|u| u.redacted_because.is_some());
    if kind == "m.room.encrypted" {
        return if redacted {
            Role::Redacted
        } else {
            Role::Sealed
        };
    }
    if !CONVERSATION.contains(&kind) || event.state_key.is_some() {
        return Role::Notice;
    }
    let emptied = content.is_none_or(|c| c.body.is_none() && c.msgtype.is_none());
    let msgtype = content.and_then(|c| text(&c.msgtype));
    match msgtype {
        _ if redacted || (kind == "m.room.message" && emptied) => Role::Redacted,
        Some("m.notice") => Role::Notice,
        Some("m.bad.encrypted") => Role::Sealed,
        _ => Role::Talk,
    }
}

/// Where a room's events go, and what the events say about each other.
pub(super) struct Target<'r, 'e> {
    pub(super) file: &'r str,
    pub(super) space: SpaceIdx,
    pub(super) room: &'r Room<'e>,
}

/// The message `event` (number `number` of its list, from 1) becomes, or `None` when it
/// folds into another. Fails, naming the event, when it has no sender or no time.
pub(super) fn convert(
    at: &Target,
    number: usize,
    event: &Event,
    dataset: &mut Dataset,
    tally: &mut Tally,
) -> Result<Option<Message>, ImportError> {
    let role = role(event);
    if role == Role::Folded {
        return Ok(None);
    }
    let id = text(&event.event_id).map(str::to_string);
    let missing = |what: &str| ImportError::Shape {
        file: at.file.to_string(),
        what: format!(
            "event {number}{}: {what}",
            id.as_deref()
                .map_or_else(String::new, |id| format!(" (id {})", excerpt(id)))
        ),
    };
    let sender = text(&event.sender)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| missing("no sender"))?;
    let time = event
        .origin_server_ts
        .filter(|t| t.is_finite() && t.abs() < 1e15)
        .ok_or_else(|| missing("no origin_server_ts in milliseconds, so its time is unknown"))?;
    let author = person(at.room, sender, dataset);
    let id = id.unwrap_or_else(|| format!("#{number}"));
    tally.count(role);
    let message = Message::new(at.space, id, author, time as i64);
    if role != Role::Talk && role != Role::Sealed {
        return Ok(Some(message.with_notice(true)));
    }
    Ok(Some(talk(at, role, event, sender, message, dataset)))
}

/// `message` (event `event`, by `sender`) with what it answers, what it says once edited,
/// whom it names and who reacted to it.
fn talk(
    at: &Target,
    role: Role,
    event: &Event,
    sender: &str,
    message: Message,
    dataset: &mut Dataset,
) -> Message {
    let content = event.content.as_ref();
    let (parent, thread_root) = content.map_or((None, None), answers);
    let edit = at.room.latest_edit(&message.id, sender);
    let said = edit.map_or(content, |e| Some(e.content));
    let mentions = said.map_or_else(Vec::new, |c| mentions(at.room, c, dataset));
    // The quote is in the original's body only: an edit's new text carries none.
    let text = match (role, said) {
        (Role::Talk, Some(c)) => spoken(c, parent.is_some() && edit.is_none()),
        _ => "",
    };
    let reactions = reactions(at.room, &message.id, dataset);
    message
        .with_parent(parent)
        .with_thread_root(thread_root)
        .with_mentions(mentions)
        .with_reactions(reactions)
        .with_text(text)
}

/// The person with user id `user`, shown by their latest display name when the export
/// holds one (else by the id).
fn person(room: &Room, user: &str, dataset: &mut Dataset) -> PersonIdx {
    if let Some(known) = dataset.person_with_id(user) {
        return known;
    }
    let shown = room.name_of(user).unwrap_or("");
    dataset.intern_person(Person::named(user, user).with_display_name(shown))
}

/// The event a message answers and the root of its thread. In a thread, `m.in_reply_to`
/// marked `is_falling_back` is only there for clients without threads, so the message
/// answers the thread (its root's author); without that mark it is a real reply to
/// that message, which then wins.
fn answers(content: &Content) -> (Option<String>, Option<String>) {
    let Some(relation) = &content.relates_to else {
        return (None, None);
    };
    let thread = text(&relation.rel_type) == Some("m.thread");
    let root = thread.then(|| text(&relation.event_id)).flatten();
    let falling_back = thread && relation.is_falling_back.is_some_and(|f| f.0);
    let parent = relation
        .in_reply_to
        .as_ref()
        .and_then(|r| text(&r.event_id))
        .filter(|_| !falling_back);
    (parent.map(str::to_string), root.map(str::to_string))
}

/// What the message says, without the quote a reply starts with; a file's or a sticker's
/// name says nothing.
fn spoken<'c>(content: &'c Content, is_reply: bool) -> &'c str {
    if text(&content.msgtype).is_some_and(|t| ATTACHMENTS.contains(&t)) {
        return "";
    }
    let body = text(&content.body).unwrap_or("");
    if is_reply {
        without_fallback(body)
    } else {
        body
    }
}

/// The people a message names: `m.mentions.user_ids`, then the users its rich text links
/// to, each once.
fn mentions(room: &Room, content: &Content, dataset: &mut Dataset) -> Vec<PersonIdx> {
    let listed = content
        .mentions
        .as_ref()
        .and_then(|m| m.user_ids.as_ref())
        .into_iter()
        .flatten()
        .filter_map(|id| id.text())
        .map(str::to_string);
    let linked = text(&content.formatted_body).map_or_else(Vec::new, linked_users);
    let people: Vec<PersonIdx> = listed
        .chain(linked)
        .filter(|id| is_user_id(id))
        .map(|id| person(room, &id, dataset))
        .collect();
    distinct(people)
}

/// The reactions to message `id`, one per emoji, with who reacted (each reactor once per
/// emoji).
fn reactions(room: &Room, id: &str, dataset: &mut Dataset) -> Vec<Reaction> {
    let Some(list) = room.reactions.get(id) else {
        return Vec::new();
    };
    let mut out: Vec<Reaction> = Vec::new();
    for &(emoji, reactor) in list {
        if !is_user_id(reactor) {
            continue;
        }
        let who = person(room, reactor, dataset);
        match out.iter_mut().find(|r| r.emoji == emoji) {
            Some(r) if r.reactors.contains(&who) => {}
            Some(r) => {
                r.count = r.count.saturating_add(1);
                r.reactors.push(who);
            }
            None => out.push(Reaction {
                emoji: emoji.to_string(),
                count: 1,
                reactors: vec![who],
            }),
        }
    }
    out
}
