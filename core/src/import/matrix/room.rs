//! What a room's events say about the others, gathered before any becomes a message:
//! everyone's latest display name, the room's creator and name, each message's latest
//! edit by its own sender, and the reactions to each message.

use std::collections::HashMap;

use super::raw::{text, Content, Event};

/// An edit of a message: when it was made, by whom, and the text that replaces the old.
pub(super) struct Edit<'e> {
    pub(super) time: f64,
    pub(super) sender: &'e str,
    pub(super) content: &'e Content<'e>,
}

/// One room's events looked through once.
#[derive(Default)]
pub(super) struct Room<'e> {
    /// User id → (time, display name) of their latest membership event naming them.
    pub(super) names: HashMap<&'e str, (f64, &'e str)>,
    /// The creator's user id, from `m.room.create`.
    pub(super) creator: Option<&'e str>,
    /// The name `m.room.name` last gave the room.
    pub(super) name: Option<&'e str>,
    /// The room id, from the first event that has one.
    pub(super) id: Option<&'e str>,
    /// Edited event id → its latest edit (every sender's; the reader keeps only the
    /// original sender's, as clients do).
    pub(super) edits: HashMap<&'e str, Vec<Edit<'e>>>,
    /// Reacted-to event id → (emoji, reactor) per reaction.
    pub(super) reactions: HashMap<&'e str, Vec<(&'e str, &'e str)>>,
}

impl<'e> Room<'e> {
    /// Looks through `events` (the timeline) and `state` (membership sent alongside a
    /// `/messages` page). Empty lists give an empty room.
    pub(super) fn of(events: &[&'e Event<'e>], state: &[&'e Event<'e>]) -> Room<'e> {
        let mut room = Room::default();
        for event in events.iter().chain(state) {
            room.look_at(event);
        }
        room
    }

    fn look_at(&mut self, event: &'e Event<'e>) {
        let time = event.origin_server_ts.unwrap_or(0.0);
        let sender = text(&event.sender).unwrap_or("");
        if self.id.is_none() {
            self.id = text(&event.room_id);
        }
        let Some(content) = &event.content else {
            return;
        };
        match text(&event.kind).unwrap_or("") {
            "m.room.member" => {
                let user = text(&event.state_key).unwrap_or(sender);
                let name = text(&content.displayname).map(str::trim);
                if let Some(name) = name.filter(|n| !n.is_empty()) {
                    let slot = self.names.entry(user).or_insert((time, name));
                    if time >= slot.0 {
                        *slot = (time, name);
                    }
                }
            }
            "m.room.create" => {
                self.creator = text(&content.creator).or(Some(sender).filter(|s| !s.is_empty()));
            }
            "m.room.name" => self.name = text(&content.name).filter(|n| !n.trim().is_empty()),
            "m.reaction" => self.add_reaction(content, sender),
            _ => {}
        }
        self.add_edit(event, time, sender);
    }

    fn add_reaction(&mut self, content: &'e Content<'e>, sender: &'e str) {
        let Some(relation) = &content.relates_to else {
            return;
        };
        if text(&relation.rel_type) != Some("m.annotation") {
            return;
        }
        if let (Some(target), Some(key)) = (text(&relation.event_id), text(&relation.key)) {
            self.reactions
                .entry(target)
                .or_default()
                .push((key, sender));
        }
    }

    /// Records `event` as an edit when it is one, and the edit the server bundled with it.
    fn add_edit(&mut self, event: &'e Event<'e>, time: f64, sender: &'e str) {
        let content = event.content.as_ref();
        let relation = content.and_then(|c| c.relates_to.as_ref());
        let target = relation
            .filter(|r| text(&r.rel_type) == Some("m.replace"))
            .and_then(|r| text(&r.event_id));
        if let (Some(target), Some(new)) = (target, content.and_then(|c| c.new_content.as_deref()))
        {
            self.edits.entry(target).or_default().push(Edit {
                time,
                sender,
                content: new,
            });
        }
        let bundled = event
            .unsigned
            .as_ref()
            .and_then(|u| u.relations.as_ref())
            .and_then(|r| r.replace.as_deref());
        let own = text(&event.event_id);
        if let (Some(edit), Some(own)) = (bundled, own) {
            let new = edit.content.as_ref().and_then(|c| c.new_content.as_deref());
            if let Some(new) = new {
                self.edits.entry(own).or_default().push(Edit {
                    time: edit.origin_server_ts.unwrap_or(time),
                    sender: text(&edit.sender).unwrap_or(sender),
                    content: new,
                });
            }
        }
    }

    /// The latest edit of `id` made by `sender` (clients ignore edits by anyone else).
    pub(super) fn latest_edit(&self, id: &str, sender: &str) -> Option<&Edit<'e>> {
        self.edits
            .get(id)?
            .iter()
            .filter(|e| e.sender == sender)
            .reduce(|a, b| if b.time >= a.time { b } else { a })
    }

    /// The display name of `user`, if a membership event gave one.
    pub(super) fn name_of(&self, user: &str) -> Option<&'e str> {
        self.names.get(user).map(|&(_, name)| name)
    }
}
