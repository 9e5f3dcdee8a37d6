//! The shapes of a Matrix room export as serde reads them: borrowed where it can, every
//! field optional, unknown fields ignored, so one struct reads Element's export, a
//! `/messages` page and a bare list of events, and a field of an unexpected type in an
//! event peerscope does not use (a custom state event) never fails the file.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// The top of a file: Element's export (`room_name` … `messages`), a `/messages` response
/// (`chunk`, with `state` when members are lazy-loaded) or, in a list, one event. Event
/// fields are flattened in by hand (serde's `flatten` would buffer every event).
#[derive(Deserialize, Default)]
pub(super) struct Top<'a> {
    #[serde(borrow, default)]
    pub(super) room_name: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(super) room_creator: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(super) messages: Option<Vec<Entry<'a>>>,
    #[serde(borrow, default)]
    pub(super) chunk: Option<Vec<Entry<'a>>>,
    #[serde(borrow, default)]
    pub(super) state: Option<Vec<Entry<'a>>>,
}

/// One event as a client sees it (`MatrixEvent.toJSON()`, the decrypted form for an
/// encrypted room).
#[derive(Deserialize, Default)]
pub(super) struct Event<'a> {
    #[serde(borrow, default)]
    pub(super) event_id: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(super) room_id: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(super) sender: Option<Loose<'a>>,
    #[serde(default)]
    pub(super) origin_server_ts: Option<f64>,
    #[serde(borrow, rename = "type", default)]
    pub(super) kind: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(super) state_key: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(super) content: Option<Content<'a>>,
    #[serde(borrow, default)]
    pub(super) unsigned: Option<Unsigned<'a>>,
    // A `/messages` page or an export inside a list of pages.
    #[serde(borrow, default)]
    pub(super) chunk: Option<Vec<Entry<'a>>>,
    #[serde(borrow, default)]
    pub(super) messages: Option<Vec<Entry<'a>>>,
}

/// What an event says. Message, membership, name and topic fields share one struct: an
/// event has only its own.
#[derive(Deserialize, Default)]
pub(super) struct Content<'a> {
    #[serde(borrow, default)]
    pub(super) msgtype: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(super) body: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(super) formatted_body: Option<Loose<'a>>,
    #[serde(borrow, rename = "m.relates_to", default)]
    pub(super) relates_to: Option<Relation<'a>>,
    #[serde(borrow, rename = "m.mentions", default)]
    pub(super) mentions: Option<Mentions<'a>>,
    #[serde(borrow, rename = "m.new_content", default)]
    pub(super) new_content: Option<Box<Content<'a>>>,
    /// `m.room.member`: the name the member is shown by.
    #[serde(borrow, default)]
    pub(super) displayname: Option<Loose<'a>>,
    /// `m.room.name`.
    #[serde(borrow, default)]
    pub(super) name: Option<Loose<'a>>,
    /// `m.room.create` before room version 11.
    #[serde(borrow, default)]
    pub(super) creator: Option<Loose<'a>>,
}

#[derive(Deserialize, Default)]
pub(super) struct Relation<'a> {
    #[serde(borrow, default)]
    pub(super) rel_type: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(super) event_id: Option<Loose<'a>>,
    /// A reaction's emoji (`m.annotation`).
    #[serde(borrow, default)]
    pub(super) key: Option<Loose<'a>>,
    #[serde(borrow, rename = "m.in_reply_to", default)]
    pub(super) in_reply_to: Option<InReplyTo<'a>>,
    /// True when `m.in_reply_to` in a thread is only there for clients without threads.
    #[serde(default)]
    pub(super) is_falling_back: Option<Flag>,
}

#[derive(Deserialize, Default)]
pub(super) struct InReplyTo<'a> {
    #[serde(borrow, default)]
    pub(super) event_id: Option<Loose<'a>>,
}

#[derive(Deserialize, Default)]
pub(super) struct Mentions<'a> {
    #[serde(borrow, default)]
    pub(super) user_ids: Option<Vec<Loose<'a>>>,
}

#[derive(Deserialize, Default)]
pub(super) struct Unsigned<'a> {
    /// Present when the event was deleted (its content is then emptied).
    #[serde(default)]
    pub(super) redacted_because: Option<IgnoredAny>,
    #[serde(borrow, rename = "m.relations", default)]
    pub(super) relations: Option<Bundled<'a>>,
}

/// What the server bundles with an event: its latest edit, in full on recent servers.
#[derive(Deserialize, Default)]
pub(super) struct Bundled<'a> {
    #[serde(borrow, rename = "m.replace", default)]
    pub(super) replace: Option<Box<Event<'a>>>,
}

/// An event in a list: only a JSON object is one. (A derived struct would also take an
/// array, its fields in order; every field here takes any value, so `[[[…]]]` would pass
/// for an empty event instead of being refused where it stands.)
pub(super) struct Entry<'a>(pub(super) Event<'a>);

impl<'a> std::ops::Deref for Entry<'a> {
    type Target = Event<'a>;

    fn deref(&self) -> &Event<'a> {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Entry<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(EntryVisitor)
    }
}

struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = Entry<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an event (a JSON object)")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Event::deserialize(de::value::MapAccessDeserializer::new(map)).map(Entry)
    }
}

/// A string value, or nothing when the value is of another type (a number, an object,
/// `null`): fields peerscope reads only when they are text.
#[derive(Default)]
pub(super) struct Loose<'a>(pub(super) Option<Cow<'a, str>>);

impl<'a> Loose<'a> {
    pub(super) fn text(&self) -> Option<&str> {
        self.0.as_deref()
    }
}

/// The text of an optional [`Loose`] field.
pub(super) fn text<'x>(field: &'x Option<Loose<'_>>) -> Option<&'x str> {
    field.as_ref().and_then(Loose::text)
}

impl<'de: 'a, 'a> Deserialize<'de> for Loose<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Loose(Some(Cow::Borrowed(v))))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Loose(Some(Cow::Owned(v.to_string()))))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Loose(Some(Cow::Owned(v))))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Loose(None))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Loose(None))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Loose(None))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Loose(None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Loose(None))
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Loose(None))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Loose(None))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Loose(None))
    }
}

/// A boolean, or false for any other value.
#[derive(Default, Clone, Copy)]
pub(super) struct Flag(pub(super) bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Read as a loose value first: anything but `true` is false.
        let value = serde_json::Value::deserialize(d)?;
        Ok(Flag(value.as_bool().unwrap_or(false)))
    }
}
