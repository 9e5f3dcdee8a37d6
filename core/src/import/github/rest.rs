//! GitHub REST objects: issue and pull-request comments (`/issues/comments`,
//! `/issues/{n}/comments`), review comments (`/pulls/comments`), reviews, issues and pull
//! requests (`/issues`, `/issues/{n}`), and timeline events (`/issues/{n}/timeline`).
//!
//! Every issue or pull request is a thread space keyed `owner/repo#number` (the two share
//! their numbers). The issue itself is a message with that key as its id, so a comment,
//! a thread reply to that key, answers the issue's author when the issue is loaded, and
//! the thread's first loaded message otherwise. A review comment with `in_reply_to_id`
//! answers that comment instead. Of a timeline, `commented` and `reviewed` events are
//! read as comments; the others (labels, closings, commits) are counted and left out.

use super::shape::{Id, Node, RestReactions};
use super::{author, mentions, shape_error, At, Tally};
use crate::import::error::ImportError;
use crate::import::plain::excerpt;
use crate::import::timestamp::{parse_iso, Instant};
use crate::model::{Dataset, Message, PersonIdx, Reaction, Space, SpaceIdx};

/// What a REST object is, from the fields it has.
enum Kind<'n> {
    /// An issue or pull request: opens the thread `key`.
    Issue { key: String },
    /// A comment or review in the thread `key`, answering `parent` when it names one.
    Comment { key: String, parent: Option<&'n Id> },
    /// A timeline event that is not a comment.
    Event,
}

/// Why an object is none of the REST shapes read here.
const NOT_GITHUB: &str = "expected a GitHub comment (with issue_url or pull_request_url), an \
    issue (with comments_url) or a timeline event";

/// Where a REST message goes: its thread, its own id, and the comment it answers.
struct Place {
    key: String,
    id: String,
    parent: Option<String>,
}

/// Reads one REST object into `dataset`.
pub(super) fn read(
    file: &str,
    at: At,
    node: &Node,
    dataset: &mut Dataset,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    let Some(Place { key, id, parent }) = place(file, at, node)? else {
        tally.events_skipped += 1;
        return Ok(());
    };
    let is_issue = id == key;
    let title = node.title.as_deref().filter(|_| is_issue);
    let space = thread_space(&key, title, dataset);
    tally.spaces.insert(space);
    let time = time_of(file, at, &id, node)?;
    let who = author_of(node, dataset);
    let body = node.body.as_deref().unwrap_or("");
    let text = match title {
        Some(title) => format!("{title}\n{body}"),
        None => body.to_string(),
    };
    let thread_root = (!is_issue && parent.is_none()).then(|| key.clone());
    let message = Message::new(space, id, who, time.ms)
        .with_time_estimated(time.zone_assumed)
        .with_parent(parent)
        .with_thread_root(thread_root)
        .with_mentions(mentions(body, dataset))
        .with_reactions(node.reactions.as_ref().map_or_else(Vec::new, reactions))
        .with_text(&text);
    tally.messages += 1;
    dataset.push_message(message);
    Ok(())
}

/// Where `node` goes; `None` for a timeline event that is not a comment. Fails on an
/// object of no shape read here, and on a comment without an id.
fn place(file: &str, at: At, node: &Node) -> Result<Option<Place>, ImportError> {
    let kind = kind_of(node).ok_or_else(|| shape_error(file, format!("{at}: {NOT_GITHUB}")))?;
    Ok(match kind {
        Kind::Event => None,
        Kind::Issue { key } => Some(Place {
            id: key.clone(),
            key,
            parent: None,
        }),
        Kind::Comment { key, parent } => {
            let id = node.id.as_ref().map(Id::to_string);
            let id =
                id.ok_or_else(|| shape_error(file, format!("{at}: a comment without an id")))?;
            Some(Place {
                key,
                id,
                parent: parent.map(Id::to_string),
            })
        }
    })
}

/// When it was written (a review: when it was sent); fails, naming the entry, without a
/// readable date.
fn time_of(file: &str, at: At, id: &str, node: &Node) -> Result<Instant, ImportError> {
    let created = node.created_at.as_deref().or(node.submitted_at.as_deref());
    created.and_then(parse_iso).ok_or_else(|| {
        shape_error(
            file,
            format!(
                "{at} (id {}): the created_at \"{}\" is not a date",
                excerpt(id),
                excerpt(created.unwrap_or(""))
            ),
        )
    })
}

/// Its author (a timeline event may name only its `actor`).
fn author_of(node: &Node, dataset: &mut Dataset) -> PersonIdx {
    let user = node.user.as_ref().or(node.actor.as_ref());
    let login = user.and_then(|u| u.login.as_deref());
    let is_bot = user.is_some_and(|u| u.kind.as_deref() == Some("Bot"));
    author(login, is_bot, node.author_association.as_deref(), dataset)
}

/// What `node` is, or `None` for an object of no shape read here. Pull requests carry
/// an `issue_url` too, so `comments_url` (which no comment has) is looked at first.
fn kind_of<'n>(node: &'n Node) -> Option<Kind<'n>> {
    if let Some(event) = node.event.as_deref() {
        if !matches!(event, "commented" | "reviewed") {
            return Some(Kind::Event);
        }
    }
    if node.comments_url.is_some() {
        let url = node.url.as_deref()?;
        return Some(Kind::Issue {
            key: thread_key(url),
        });
    }
    let thread = node
        .pull_request_url
        .as_deref()
        .or(node.issue_url.as_deref())?;
    Some(Kind::Comment {
        key: thread_key(thread),
        parent: node.in_reply_to_id.as_ref(),
    })
}

/// `owner/repo#number` from an API address `…/repos/{owner}/{repo}/issues/{number}` (or
/// `pulls`), so an issue and its pull request, comments and review comments meet; any
/// other address is kept whole.
pub(super) fn thread_key(url: &str) -> String {
    let path = url.split_once("/repos/").map(|(_, path)| path);
    let parts: Vec<&str> = path.map_or_else(Vec::new, |p| p.split('/').collect());
    match parts.as_slice() {
        [owner, repo, "issues" | "pulls", number, ..] if !number.is_empty() => {
            format!("{owner}/{repo}#{number}")
        }
        _ => url.to_string(),
    }
}

/// The thread space `key`, named by the issue's title once the issue is read.
fn thread_space(key: &str, title: Option<&str>, dataset: &mut Dataset) -> SpaceIdx {
    let space = dataset.intern_space(Space {
        id: key.to_string(),
        name: key.to_string(),
        parent: None,
        is_thread: true,
        infer_replies: false,
    });
    if let (Some(title), Some(s)) = (title, dataset.spaces.get_mut(space as usize)) {
        s.name = format!("{key} {title}");
    }
    space
}

/// The reaction counts GitHub lists (who reacted is a separate request).
fn reactions(counts: &RestReactions) -> Vec<Reaction> {
    let all = [
        ("👍", counts.plus_one),
        ("👎", counts.minus_one),
        ("😄", counts.laugh),
        ("🎉", counts.hooray),
        ("😕", counts.confused),
        ("❤", counts.heart),
        ("🚀", counts.rocket),
        ("👀", counts.eyes),
    ];
    all.into_iter()
        .filter(|&(_, count)| count > 0)
        .map(|(emoji, count)| Reaction {
            emoji: emoji.to_string(),
            count,
            reactors: Vec::new(),
        })
        .collect()
}
