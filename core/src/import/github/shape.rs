//! The serde shape of what GitHub's APIs return, as far as a conversation needs it: a
//! GraphQL page of Discussions, and the REST objects (issue and pull-request comments,
//! review comments, issues, timeline events). Every field is optional and borrowed, and
//! unknown fields are skipped, so a query that asks for more or less still reads.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserializer, Visitor};
use serde::Deserialize;

/// An object of any of the shapes: the fields of a GraphQL response and of every REST
/// object in one struct, told apart by which are present (see `rest::kind_of`).
#[derive(Deserialize, Default)]
pub(super) struct Node<'a> {
    #[serde(borrow, default)]
    pub(super) data: Option<Data<'a>>,
    #[serde(borrow, default)]
    pub(super) errors: Vec<GraphQlError<'a>>,
    #[serde(default)]
    pub(super) id: Option<Id>,
    #[serde(borrow, default)]
    pub(super) url: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) issue_url: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) pull_request_url: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) comments_url: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(super) in_reply_to_id: Option<Id>,
    #[serde(borrow, default)]
    pub(super) event: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) user: Option<User<'a>>,
    #[serde(borrow, default)]
    pub(super) actor: Option<User<'a>>,
    #[serde(borrow, default)]
    pub(super) created_at: Option<Cow<'a, str>>,
    /// When a review was sent (reviews have no `created_at`).
    #[serde(borrow, default)]
    pub(super) submitted_at: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) title: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) body: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) author_association: Option<Cow<'a, str>>,
    #[serde(default)]
    pub(super) reactions: Option<RestReactions>,
}

/// A REST id: a number, or text in some payloads.
#[derive(Clone)]
pub(super) enum Id {
    Number(u64),
    Text(String),
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Id::Number(n) => write!(f, "{n}"),
            Id::Text(t) => f.write_str(t),
        }
    }
}

#[derive(Deserialize, Default)]
pub(super) struct User<'a> {
    #[serde(borrow, default)]
    pub(super) login: Option<Cow<'a, str>>,
    /// `"User"`, `"Bot"` or `"Organization"`.
    #[serde(borrow, default, rename = "type")]
    pub(super) kind: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
pub(super) struct GraphQlError<'a> {
    #[serde(borrow, default)]
    pub(super) message: Option<Cow<'a, str>>,
}

/// REST reaction counts (who reacted is a separate request).
#[derive(Deserialize, Default)]
pub(super) struct RestReactions {
    #[serde(default, rename = "+1")]
    pub(super) plus_one: u32,
    #[serde(default, rename = "-1")]
    pub(super) minus_one: u32,
    #[serde(default)]
    pub(super) laugh: u32,
    #[serde(default)]
    pub(super) hooray: u32,
    #[serde(default)]
    pub(super) confused: u32,
    #[serde(default)]
    pub(super) heart: u32,
    #[serde(default)]
    pub(super) rocket: u32,
    #[serde(default)]
    pub(super) eyes: u32,
}

#[derive(Deserialize)]
pub(super) struct Data<'a> {
    #[serde(borrow, default)]
    pub(super) repository: Option<Repository<'a>>,
}

#[derive(Deserialize)]
pub(super) struct Repository<'a> {
    /// A page of the repository's discussions.
    #[serde(borrow, default)]
    pub(super) discussions: Option<Connection<Discussion<'a>>>,
    /// One discussion asked for by number.
    #[serde(borrow, default)]
    pub(super) discussion: Option<Discussion<'a>>,
}

/// A GraphQL list: `nodes`, or `edges` of `{node}`; `totalCount` counts every item, the
/// ones on later pages too.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", bound(deserialize = "T: Deserialize<'de>"))]
pub(super) struct Connection<T> {
    #[serde(default)]
    pub(super) total_count: Option<u64>,
    #[serde(default)]
    pub(super) nodes: Vec<Option<T>>,
    #[serde(default)]
    pub(super) edges: Vec<Option<Edge<T>>>,
}

impl<T> Default for Connection<T> {
    fn default() -> Self {
        Connection {
            total_count: None,
            nodes: Vec::new(),
            edges: Vec::new(),
        }
    }
}

impl<T> Connection<T> {
    /// The items of this page, nodes then edges, without the nulls.
    pub(super) fn items(&self) -> impl Iterator<Item = &T> {
        let edges = self.edges.iter().flatten().filter_map(|e| e.node.as_ref());
        self.nodes.iter().flatten().chain(edges)
    }

    /// Items the list has beyond this page (0 when it does not say).
    pub(super) fn beyond_page(&self) -> u64 {
        let here = self.items().count() as u64;
        self.total_count
            .map_or(0, |total| total.saturating_sub(here))
    }
}

#[derive(Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub(super) struct Edge<T> {
    #[serde(default)]
    pub(super) node: Option<T>,
}

/// A discussion, a comment on it, or a reply to a comment: the same fields, each level
/// holding the next in `comments` or `replies`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Discussion<'a> {
    #[serde(borrow, default)]
    pub(super) id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) url: Option<Cow<'a, str>>,
    /// `null` when the account was deleted.
    #[serde(borrow, default)]
    pub(super) author: Option<Author<'a>>,
    #[serde(borrow, default)]
    pub(super) author_association: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) created_at: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) title: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) body: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub(super) comments: Connection<Discussion<'a>>,
    #[serde(borrow, default)]
    pub(super) replies: Connection<Discussion<'a>>,
}

#[derive(Deserialize)]
pub(super) struct Author<'a> {
    #[serde(borrow, default)]
    pub(super) login: Option<Cow<'a, str>>,
    /// `"Bot"` for an app's account, when the query asks for `__typename`.
    #[serde(borrow, default, rename = "__typename")]
    pub(super) typename: Option<Cow<'a, str>>,
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id (a number or text)")
            }
            fn visit_u64<E>(self, n: u64) -> Result<Id, E> {
                Ok(Id::Number(n))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Id, E> {
                Ok(Id::Text(n.to_string()))
            }
            fn visit_str<E>(self, s: &str) -> Result<Id, E> {
                Ok(Id::Text(s.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}
