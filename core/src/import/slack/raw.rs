//! The export's JSON as serde reads it: borrowed where the text has no escapes, and only
//! the fields the importer uses (everything else is skipped).

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::Value;

/// One message of a day file.
#[derive(Deserialize)]
pub(super) struct RawMessage<'a> {
    /// The message id within its channel, `"seconds.micro"`.
    #[serde(borrow)]
    pub ts: Cow<'a, str>,
    #[serde(borrow, default)]
    pub subtype: Option<Cow<'a, str>>,
    /// The thread's root `ts`; equal to `ts` on the root itself.
    #[serde(borrow, default)]
    pub thread_ts: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub user: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub bot_id: Option<Cow<'a, str>>,
    /// A bot's (or legacy integration's) name.
    #[serde(borrow, default)]
    pub username: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub text: Option<Cow<'a, str>>,
    /// The author of the thread's root, on a reply.
    #[serde(borrow, default)]
    pub parent_user_id: Option<Cow<'a, str>>,
    /// The author's names as they were when the message was sent.
    #[serde(borrow, default)]
    pub user_profile: Option<Profile<'a>>,
    #[serde(borrow, default)]
    pub bot_profile: Option<BotProfile<'a>>,
    /// Kept loose: blocks nest many element kinds and only `user` elements matter.
    #[serde(default)]
    pub blocks: Option<Value>,
    #[serde(borrow, default)]
    pub reactions: Option<Vec<RawReaction<'a>>>,
    /// The thread root a `thread_broadcast` carries along.
    #[serde(borrow, default)]
    pub root: Option<Root<'a>>,
}

/// A person's names, in `users.json` or on a message.
#[derive(Deserialize)]
pub(super) struct Profile<'a> {
    #[serde(borrow, default)]
    pub name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub display_name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub real_name: Option<Cow<'a, str>>,
}

/// The app behind a bot's message.
#[derive(Deserialize)]
pub(super) struct BotProfile<'a> {
    #[serde(borrow, default)]
    pub name: Option<Cow<'a, str>>,
}

/// One emoji on a message and who used it (the list may be cut short of `count`).
#[derive(Deserialize)]
pub(super) struct RawReaction<'a> {
    #[serde(borrow, default)]
    pub name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub users: Option<Vec<Cow<'a, str>>>,
    #[serde(default)]
    pub count: Option<u32>,
}

/// The thread root copied into a `thread_broadcast`.
#[derive(Deserialize)]
pub(super) struct Root<'a> {
    #[serde(borrow, default)]
    pub ts: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub user: Option<Cow<'a, str>>,
}

/// One entry of `users.json`.
#[derive(Deserialize)]
pub(super) struct RawUser<'a> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    #[serde(borrow, default)]
    pub name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub real_name: Option<Cow<'a, str>>,
    #[serde(default)]
    pub is_bot: Option<bool>,
    /// The account was deactivated; it keeps its id.
    #[serde(default)]
    pub deleted: Option<bool>,
    #[serde(borrow, default)]
    pub profile: Option<Profile<'a>>,
}

/// One entry of `channels.json`, `groups.json`, `mpims.json` or `dms.json`.
#[derive(Deserialize)]
pub(super) struct RawChannel<'a> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    #[serde(borrow, default)]
    pub name: Option<Cow<'a, str>>,
    /// Who is in it: the only way to name a direct message (`dms.json` has no names).
    #[serde(borrow, default)]
    pub members: Option<Vec<Cow<'a, str>>>,
}
