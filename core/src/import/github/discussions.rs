//! GitHub Discussions from the GraphQL API: `repository.discussions` pages (or one
//! `repository.discussion`), each discussion holding its comments and each comment its
//! replies.
//!
//! A discussion is a space and its first message; a comment names the discussion as its
//! parent and a reply names its comment, so each answers that message's author. Ids are
//! the GraphQL node ids (or the web address when a query leaves ids out).

use std::fmt;

use super::shape::{Discussion, Node};
use super::{author, mentions, shape_error, At, Tally};
use crate::import::error::ImportError;
use crate::import::plain::excerpt;
use crate::import::timestamp::parse_iso;
use crate::model::{Dataset, Message, Space, SpaceIdx};

/// Where a message sits: its discussion, and its comment and reply (all from 1).
#[derive(Clone, Copy)]
struct Path {
    at: At,
    discussion: usize,
    comment: Option<usize>,
    reply: Option<usize>,
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}, discussion {}", self.at, self.discussion)?;
        if let Some(comment) = self.comment {
            write!(f, ", comment {comment}")?;
        }
        if let Some(reply) = self.reply {
            write!(f, ", reply {reply}")?;
        }
        Ok(())
    }
}

/// Reads the discussions of one GraphQL response. Fails, saying why, on a response that
/// holds only errors or no repository discussions.
pub(super) fn read(
    file: &str,
    at: At,
    node: &Node,
    dataset: &mut Dataset,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    let repository = node.data.as_ref().and_then(|d| d.repository.as_ref());
    let Some(repository) = repository else {
        let said = node.errors.iter().find_map(|e| e.message.as_deref());
        return Err(shape_error(
            file,
            match said {
                Some(message) => format!(
                    "{at}: GitHub answered with an error instead of discussions (\"{}\")",
                    excerpt(message)
                ),
                None => format!(
                    "{at}: a GraphQL response without repository.discussions; ask for \
                     repository {{ discussions {{ nodes {{ … }} }} }}"
                ),
            },
        ));
    };
    tally.discussions = true;
    let listed = repository.discussions.iter().flat_map(|c| c.items());
    for (n, discussion) in listed.chain(&repository.discussion).enumerate() {
        let path = Path {
            at,
            discussion: n + 1,
            comment: None,
            reply: None,
        };
        read_discussion(file, path, discussion, dataset, tally)?;
    }
    Ok(())
}

/// A discussion, its comments and their replies.
fn read_discussion(
    file: &str,
    path: Path,
    discussion: &Discussion,
    dataset: &mut Dataset,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    let id = id_of(file, path, discussion)?;
    let name = discussion
        .title
        .as_deref()
        .or(discussion.url.as_deref())
        .unwrap_or(&id);
    let space = dataset.intern_space(Space {
        id: id.clone(),
        name: name.to_string(),
        parent: None,
        is_thread: false,
        infer_replies: false,
    });
    tally.spaces.insert(space);
    add(file, path, discussion, space, None, dataset, tally)?;
    tally.comments_beyond += discussion.comments.beyond_page();
    for (c, comment) in discussion.comments.items().enumerate() {
        let path = Path {
            comment: Some(c + 1),
            ..path
        };
        let comment_id = add(file, path, comment, space, Some(&id), dataset, tally)?;
        tally.replies_beyond += comment.replies.beyond_page();
        for (r, reply) in comment.replies.items().enumerate() {
            let path = Path {
                reply: Some(r + 1),
                ..path
            };
            add(file, path, reply, space, Some(&comment_id), dataset, tally)?;
        }
    }
    Ok(())
}

/// Adds one discussion, comment or reply answering `parent`; returns its id.
fn add(
    file: &str,
    path: Path,
    item: &Discussion,
    space: SpaceIdx,
    parent: Option<&str>,
    dataset: &mut Dataset,
    tally: &mut Tally,
) -> Result<String, ImportError> {
    let id = id_of(file, path, item)?;
    let created = item.created_at.as_deref().unwrap_or("");
    let time = parse_iso(created).ok_or_else(|| {
        shape_error(
            file,
            format!(
                "{path}: the createdAt \"{}\" is not a date; ask for createdAt in the query",
                excerpt(created)
            ),
        )
    })?;
    let login = item.author.as_ref().and_then(|a| a.login.as_deref());
    let is_bot = item
        .author
        .as_ref()
        .is_some_and(|a| a.typename.as_deref() == Some("Bot"));
    let who = author(login, is_bot, item.author_association.as_deref(), dataset);
    let body = item.body.as_deref().unwrap_or("");
    let text = match item.title.as_deref() {
        Some(title) => format!("{title}\n{body}"),
        None => body.to_string(),
    };
    let message = Message::new(space, id.clone(), who, time.ms)
        .with_time_estimated(time.zone_assumed)
        .with_parent(parent.map(str::to_string))
        .with_mentions(mentions(body, dataset))
        .with_text(&text);
    tally.messages += 1;
    dataset.push_message(message);
    Ok(id)
}

/// The node id, else the web address; fails when the query asked for neither.
fn id_of(file: &str, path: Path, item: &Discussion) -> Result<String, ImportError> {
    item.id
        .as_deref()
        .or(item.url.as_deref())
        .filter(|id| !id.trim().is_empty())
        .map(str::to_string)
        .ok_or_else(|| {
            shape_error(
                file,
                format!("{path}: no id or url, so replies cannot find it; ask for id in the query"),
            )
        })
}
