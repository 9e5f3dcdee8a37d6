//! The serde shape of the Zulip files peerscope reads: only the fields it uses, borrowed
//! from the file where the text has no escapes; every other field is skipped.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;

/// A REST answer: `GET /api/v1/messages` (`messages`) or `GET /api/v1/messages/{id}`
/// (`message`). A topic archive's bare list of messages is a `Vec<RestMessage>`.
#[derive(Deserialize)]
pub(super) struct RestAnswer<'a> {
    #[serde(borrow, default)]
    pub(super) messages: Option<Vec<RestMessage<'a>>>,
    #[serde(borrow, default)]
    pub(super) message: Option<RestMessage<'a>>,
}

/// One message as the REST API gives it.
#[derive(Deserialize)]
pub(super) struct RestMessage<'a> {
    pub(super) id: u64,
    pub(super) sender_id: u64,
    #[serde(borrow, default)]
    pub(super) sender_full_name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) sender_email: Option<Cow<'a, str>>,
    /// Unix seconds.
    pub(super) timestamp: f64,
    #[serde(borrow, default)]
    pub(super) content: Cow<'a, str>,
    /// `text/html` (the default) or `text/x-markdown` (`apply_markdown=false`).
    #[serde(borrow, default)]
    pub(super) content_type: Option<Cow<'a, str>>,
    /// `stream` or `private`.
    #[serde(borrow, default, rename = "type")]
    pub(super) kind: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(super) stream_id: Option<u64>,
    #[serde(default)]
    pub(super) recipient_id: Option<u64>,
    #[serde(borrow, default)]
    pub(super) display_recipient: Option<DisplayRecipient<'a>>,
    /// The topic (Zulip's API still calls it `subject`).
    #[serde(borrow, default, alias = "topic")]
    pub(super) subject: Cow<'a, str>,
}

/// A stream's name, or the people of a direct message. Read by a small visitor on the
/// value's JSON type rather than an untagged enum, which would buffer the value first.
pub(super) enum DisplayRecipient<'a> {
    Stream(Cow<'a, str>),
    People(Vec<DirectMember<'a>>),
}

impl<'de: 'a, 'a> Deserialize<'de> for DisplayRecipient<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RecipientVisitor(std::marker::PhantomData))
    }
}

struct RecipientVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for RecipientVisitor<'a> {
    type Value = DisplayRecipient<'a>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a stream name or a list of people")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(DisplayRecipient::Stream(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(DisplayRecipient::Stream(Cow::Owned(v.to_string())))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut people = Vec::new();
        while let Some(member) = seq.next_element()? {
            people.push(member);
        }
        Ok(DisplayRecipient::People(people))
    }
}

#[derive(Deserialize)]
pub(super) struct DirectMember<'a> {
    #[serde(default)]
    pub(super) id: u64,
    #[serde(borrow, default)]
    pub(super) full_name: Cow<'a, str>,
}

/// One shard of the organisation export, `messages-NNNNNN.json`.
#[derive(Deserialize)]
pub(super) struct Shard<'a> {
    #[serde(borrow)]
    pub(super) zerver_message: Vec<ShardMessage<'a>>,
}

/// A row of `zerver_message`: ids instead of names, Markdown source as `content`.
#[derive(Deserialize)]
pub(super) struct ShardMessage<'a> {
    pub(super) id: u64,
    pub(super) sender: u64,
    pub(super) recipient: u64,
    #[serde(borrow, default)]
    pub(super) subject: Cow<'a, str>,
    /// Unix seconds, with a fraction.
    pub(super) date_sent: f64,
    #[serde(borrow, default)]
    pub(super) content: Cow<'a, str>,
}

/// `realm.json`: the organisation's people, streams and recipients.
#[derive(Deserialize)]
pub(super) struct Realm<'a> {
    #[serde(borrow, default)]
    pub(super) zerver_userprofile: Vec<RealmUser<'a>>,
    #[serde(borrow, default)]
    pub(super) zerver_userprofile_mirrordummy: Vec<RealmUser<'a>>,
    /// The system bots (Notification Bot, Welcome Bot) shared by every organisation.
    #[serde(borrow, default)]
    pub(super) zerver_userprofile_crossrealm: Vec<RealmUser<'a>>,
    #[serde(borrow, default)]
    pub(super) zerver_stream: Vec<RealmStream<'a>>,
    #[serde(default)]
    pub(super) zerver_recipient: Vec<RealmRecipient>,
}

#[derive(Deserialize)]
pub(super) struct RealmUser<'a> {
    pub(super) id: u64,
    #[serde(borrow, default)]
    pub(super) full_name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) email: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(super) is_bot: Option<bool>,
    #[serde(default)]
    pub(super) bot_type: Option<u32>,
    /// 100 owner, 200 administrator, 300 moderator, 400 member, 600 guest.
    #[serde(default)]
    pub(super) role: Option<u32>,
    #[serde(default)]
    pub(super) is_active: Option<bool>,
}

#[derive(Deserialize)]
pub(super) struct RealmStream<'a> {
    pub(super) id: u64,
    #[serde(borrow, default)]
    pub(super) name: Cow<'a, str>,
}

/// Who a message goes to: `type` 2 is a stream (`type_id` its id), 1 one person, 3 a
/// group of people.
#[derive(Deserialize)]
pub(super) struct RealmRecipient {
    pub(super) id: u64,
    #[serde(rename = "type")]
    pub(super) kind: u32,
    pub(super) type_id: u64,
}
