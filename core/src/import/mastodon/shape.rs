//! The serde shape of what the Mastodon REST API returns: a thread's context
//! (`/api/v1/statuses/:id/context`), one status (`/api/v1/statuses/:id`), and the account
//! archive's `outbox.json`, recognised only to be refused clearly. Unknown fields are
//! skipped unread.

use std::borrow::Cow;

use serde::de::IgnoredAny;
use serde::Deserialize;

/// The top-level object, before it is known which of the shapes it is: a context has
/// `ancestors` and `descendants`, a status `id` and `account`, an outbox `orderedItems`.
#[derive(Deserialize)]
pub(super) struct Top<'a> {
    #[serde(borrow, default)]
    pub(super) ancestors: Option<Vec<Status<'a>>>,
    #[serde(borrow, default)]
    pub(super) descendants: Option<Vec<Status<'a>>>,
    #[serde(default, rename = "orderedItems")]
    pub(super) ordered_items: Option<IgnoredAny>,
    #[serde(default)]
    pub(super) id: Option<IgnoredAny>,
    #[serde(default)]
    pub(super) account: Option<IgnoredAny>,
}

/// One status (a toot). Ids are text: Mastodon sends them as strings.
#[derive(Deserialize)]
pub(super) struct Status<'a> {
    #[serde(borrow)]
    pub(super) id: Cow<'a, str>,
    #[serde(borrow)]
    pub(super) created_at: Cow<'a, str>,
    #[serde(borrow, default)]
    pub(super) in_reply_to_id: Option<Cow<'a, str>>,
    /// The author of the status answered, as an account id of the server that answered
    /// the request.
    #[serde(borrow, default)]
    pub(super) in_reply_to_account_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub(super) account: Account<'a>,
    /// HTML.
    #[serde(borrow, default)]
    pub(super) content: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) mentions: Vec<Mention<'a>>,
    #[serde(default)]
    pub(super) favourites_count: Option<u64>,
}

/// Who wrote a status. `acct` is bare for the answering server's own users and
/// `user@domain` for others; `url` (the profile page) is the same from every server.
#[derive(Deserialize)]
pub(super) struct Account<'a> {
    #[serde(borrow)]
    pub(super) id: Cow<'a, str>,
    #[serde(borrow, default)]
    pub(super) acct: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) username: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) display_name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) url: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(super) bot: Option<bool>,
}

/// An account a status mentions.
#[derive(Deserialize)]
pub(super) struct Mention<'a> {
    #[serde(borrow)]
    pub(super) id: Cow<'a, str>,
    #[serde(borrow, default)]
    pub(super) acct: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) username: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) url: Option<Cow<'a, str>>,
}

impl Account<'_> {
    /// The key a person is interned under: the profile URL, so the same handle on two
    /// servers is two people and one person seen from two servers is one.
    pub(super) fn key(&self) -> &str {
        key(self.url.as_deref(), self.acct.as_deref(), &self.id)
    }

    /// The handle (`acct`), else the username, else the id.
    pub(super) fn handle(&self) -> &str {
        handle(self.acct.as_deref(), self.username.as_deref(), &self.id)
    }
}

impl Mention<'_> {
    pub(super) fn key(&self) -> &str {
        key(self.url.as_deref(), self.acct.as_deref(), &self.id)
    }

    pub(super) fn handle(&self) -> &str {
        handle(self.acct.as_deref(), self.username.as_deref(), &self.id)
    }
}

fn key<'s>(url: Option<&'s str>, acct: Option<&'s str>, id: &'s str) -> &'s str {
    [url, acct]
        .into_iter()
        .flatten()
        .find(|s| !s.trim().is_empty())
        .unwrap_or(id)
}

fn handle<'s>(acct: Option<&'s str>, username: Option<&'s str>, id: &'s str) -> &'s str {
    [acct, username]
        .into_iter()
        .flatten()
        .find(|s| !s.trim().is_empty())
        .unwrap_or(id)
}
