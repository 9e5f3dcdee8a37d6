//! The shapes of a Telegram Desktop JSON export, as serde reads them (borrowed, so a
//! large file is not copied string by string), and what the account part says.

use std::borrow::Cow;
use std::collections::HashSet;

use serde::Deserialize;

use super::text::{peer_id, Part, Text};

/// Both export shapes in one struct, so the file is parsed once and errors keep their
/// line and column: a chat has `messages`, an account has `chats`.
#[derive(Deserialize)]
pub(super) struct Root<'a> {
    #[serde(borrow, default)]
    pub(super) name: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "type", default)]
    pub(super) kind: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) id: Option<Id<'a>>,
    #[serde(borrow, default)]
    pub(super) messages: Option<Vec<RawMessage<'a>>>,
    #[serde(borrow, default)]
    pub(super) personal_information: Option<Personal<'a>>,
    #[serde(borrow, default)]
    pub(super) chats: Option<ChatList<'a>>,
    #[serde(borrow, default)]
    pub(super) left_chats: Option<ChatList<'a>>,
    #[serde(borrow, default)]
    pub(super) frequent_contacts: Option<ChatList<'a>>,
}

#[derive(Deserialize)]
pub(super) struct ChatList<'a> {
    #[serde(borrow, default)]
    pub(super) list: Vec<Chat<'a>>,
}

/// A chat, or (in `frequent_contacts`) a top peer, which has an id and a `category`.
#[derive(Deserialize)]
pub(super) struct Chat<'a> {
    #[serde(borrow, default)]
    pub(super) name: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "type", default)]
    pub(super) kind: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) id: Option<Id<'a>>,
    #[serde(borrow, default)]
    pub(super) category: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) messages: Vec<RawMessage<'a>>,
}

#[derive(Deserialize)]
pub(super) struct Personal<'a> {
    #[serde(borrow, default)]
    pub(super) user_id: Option<Id<'a>>,
    #[serde(borrow, default)]
    pub(super) username: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) first_name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) last_name: Option<Cow<'a, str>>,
}

/// A number or a string: ids are numbers, `from_id` is `"user123"` (a bare number in
/// very old exports), `date_unixtime` is a string of seconds.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum Id<'a> {
    Num(i64),
    Text(#[serde(borrow)] Cow<'a, str>),
}

impl Id<'_> {
    pub(super) fn text(&self) -> String {
        match self {
            Id::Num(n) => n.to_string(),
            Id::Text(s) => s.to_string(),
        }
    }

    pub(super) fn number(&self) -> Option<i64> {
        match self {
            Id::Num(n) => Some(*n),
            Id::Text(s) => s.trim().parse().ok(),
        }
    }
}

#[derive(Deserialize)]
pub(super) struct RawMessage<'a> {
    #[serde(borrow)]
    pub(super) id: Id<'a>,
    #[serde(borrow, rename = "type", default)]
    pub(super) kind: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) date: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) date_unixtime: Option<Id<'a>>,
    #[serde(borrow, default)]
    pub(super) from: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) from_id: Option<Id<'a>>,
    #[serde(borrow, default)]
    pub(super) actor: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) actor_id: Option<Id<'a>>,
    #[serde(borrow, default)]
    pub(super) action: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) reply_to_message_id: Option<Id<'a>>,
    #[serde(borrow, default)]
    pub(super) reply_to_peer_id: Option<Id<'a>>,
    #[serde(borrow, default)]
    pub(super) text: Option<Text<'a>>,
    #[serde(borrow, default)]
    pub(super) text_entities: Option<Vec<Part<'a>>>,
    #[serde(borrow, default)]
    pub(super) reactions: Vec<RawReaction<'a>>,
}

/// Newer exports: `{type, count, emoji | document_id, recent: [{from, from_id}]}`. Only
/// recent reactors are listed, so `count` can exceed them.
#[derive(Deserialize)]
pub(super) struct RawReaction<'a> {
    #[serde(borrow, rename = "type", default)]
    pub(super) kind: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(super) count: u32,
    #[serde(borrow, default)]
    pub(super) emoji: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) document_id: Option<Id<'a>>,
    #[serde(borrow, default)]
    pub(super) recent: Vec<Reactor<'a>>,
}

#[derive(Deserialize)]
pub(super) struct Reactor<'a> {
    #[serde(borrow, default)]
    pub(super) from: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) from_id: Option<Id<'a>>,
}

/// A chat's name, type and id, owned: what a streamed chat keeps of the keys before its
/// messages (the whole read borrows them from the chat).
#[derive(Default)]
pub(super) struct Header {
    pub(super) name: Option<String>,
    pub(super) kind: Option<String>,
    pub(super) id: Option<Id<'static>>,
}

impl Header {
    pub(super) fn of(chat: &Chat) -> Header {
        Header {
            name: chat.name.as_deref().map(str::to_string),
            kind: chat.kind.as_deref().map(str::to_string),
            id: chat.id.as_ref().map(Id::to_owned),
        }
    }

    /// Sets the `name`, `type` or `id` read as `value` (a streamed chat reads all three as
    /// an [`Id`], `name` and `type` being strings); another field is left alone.
    pub(super) fn set(&mut self, field: &str, value: Option<Id<'static>>) {
        let text = value.as_ref().map(Id::text);
        match field {
            "name" => self.name = text,
            "type" => self.kind = text,
            "id" => self.id = value,
            _ => {}
        }
    }

    /// The chat's name; deleted users' chats have none, so the id stands in.
    pub(super) fn shown_name(&self) -> String {
        match (self.name.as_deref(), self.id.as_ref()) {
            (Some(name), _) if !name.is_empty() => name.to_string(),
            (_, Some(id)) => format!("Telegram chat {}", id.text()),
            _ => "Telegram chat".to_string(),
        }
    }
}

impl Id<'_> {
    /// The same id, owning its text.
    pub(super) fn to_owned(&self) -> Id<'static> {
        match self {
            Id::Num(n) => Id::Num(*n),
            Id::Text(s) => Id::Text(Cow::Owned(s.to_string())),
        }
    }
}

/// What the account export says about people across all chats.
#[derive(Default)]
pub(super) struct Account {
    /// The exporter: id, `@username` and name, to resolve mentions of them.
    pub(super) me: Option<(String, String, String)>,
    /// Inline bots the exporter used (`frequent_contacts`, category `inline_bots`).
    pub(super) bots: HashSet<String>,
}

impl Account {
    pub(super) fn of(root: &Root) -> Account {
        Account {
            me: root.personal_information.as_ref().and_then(Account::me_of),
            bots: root
                .frequent_contacts
                .as_ref()
                .map(Account::bots_of)
                .unwrap_or_default(),
        }
    }

    /// The exporter as `personal_information` gives them; `None` without a user id.
    pub(super) fn me_of(p: &Personal) -> Option<(String, String, String)> {
        let id = peer_id(p.user_id.as_ref()?);
        let handle = p.username.as_deref().unwrap_or("").to_string();
        let first = p.first_name.as_deref().unwrap_or("");
        let last = p.last_name.as_deref().unwrap_or("");
        Some((id, handle, format!("{first} {last}").trim().to_string()))
    }

    /// The inline bots of `frequent_contacts`.
    pub(super) fn bots_of(contacts: &ChatList) -> HashSet<String> {
        contacts
            .list
            .iter()
            .filter(|c| c.category.as_deref() == Some("inline_bots"))
            .filter_map(|c| c.id.as_ref().map(peer_id))
            .collect()
    }
}
