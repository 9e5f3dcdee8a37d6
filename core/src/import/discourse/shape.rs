//! The serde shape of Discourse API JSON: a topic, a posts page, or the auxiliary lists
//! that are recognised only to be refused clearly.

use std::borrow::Cow;

use serde::de::IgnoredAny;
use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct Top<'a> {
    #[serde(borrow, default)]
    pub(super) post_stream: Option<PostStream<'a>>,
    #[serde(borrow, default)]
    pub(super) latest_posts: Option<Vec<Post<'a>>>,
    #[serde(default)]
    pub(super) id: Option<u64>,
    #[serde(borrow, default)]
    pub(super) title: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(super) post_action_users: Option<IgnoredAny>,
    #[serde(default)]
    pub(super) user_actions: Option<IgnoredAny>,
}

#[derive(Deserialize)]
pub(super) struct PostStream<'a> {
    #[serde(borrow, default)]
    pub(super) posts: Vec<Post<'a>>,
    /// Every post id of the topic, loaded or not.
    #[serde(default)]
    pub(super) stream: Vec<u64>,
}

#[derive(Deserialize)]
pub(super) struct Post<'a> {
    #[serde(default)]
    pub(super) id: u64,
    /// `null` when the account was deleted and its posts kept.
    #[serde(borrow, default)]
    pub(super) username: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) name: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(super) user_id: Option<i64>,
    #[serde(borrow)]
    pub(super) created_at: Cow<'a, str>,
    pub(super) post_number: u32,
    #[serde(default)]
    pub(super) post_type: Option<u32>,
    #[serde(borrow, default)]
    pub(super) action_code: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(super) reply_to_post_number: Option<u32>,
    #[serde(default)]
    pub(super) topic_id: Option<u64>,
    #[serde(borrow, default)]
    pub(super) topic_title: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) cooked: Option<Cow<'a, str>>,
    /// The markdown, read only when there is no HTML; some endpoints send it in another
    /// shape (an array), which is then ignored rather than refusing the file.
    #[serde(default)]
    pub(super) raw: Option<LooseText>,
    #[serde(default)]
    pub(super) actions_summary: Vec<Action>,
    #[serde(borrow, default)]
    pub(super) reactions: Vec<PluginReaction<'a>>,
    #[serde(default)]
    pub(super) admin: Option<bool>,
    #[serde(default)]
    pub(super) moderator: Option<bool>,
    #[serde(default)]
    pub(super) staff: Option<bool>,
}

/// A text field that may come in another shape, which is ignored.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum LooseText {
    Text(String),
    Other(serde::de::IgnoredAny),
}

impl LooseText {
    /// The text, or `None` when the field held something else.
    pub(super) fn text(&self) -> Option<&str> {
        match self {
            LooseText::Text(text) => Some(text),
            LooseText::Other(_) => None,
        }
    }
}

#[derive(Deserialize)]
pub(super) struct Action {
    #[serde(default)]
    pub(super) id: u32,
    #[serde(default)]
    pub(super) count: Option<u64>,
}

/// A reaction of the discourse-reactions plugin: `{"id": "heart", "count": 3}`.
#[derive(Deserialize)]
pub(super) struct PluginReaction<'a> {
    #[serde(borrow)]
    pub(super) id: Cow<'a, str>,
    #[serde(default)]
    pub(super) count: u64,
}
