//! GitHub conversations as its APIs return them, saved with the `gh` command-line tool:
//! Discussions pages of the GraphQL API, and the REST API's issue and pull-request
//! comments, review comments, issues and timelines. `gh api --paginate` writes one JSON
//! value per page, one after another, and `--slurp` wraps them in an array: both read.
//!
//! Discussions ([`discussions`]): a discussion is a post and the space; each comment
//! explicitly answers the discussion, each reply its comment, so the reply goes to that
//! message's author. Message ids are GraphQL node ids, unique across the site, so pages
//! of one repository loaded together share them and repeats merge. Whether a comment was
//! marked as the answer (`isAnswer`) is not read: the model has no place for it.
//!
//! REST ([`rest`]): comments have no reply pointer. Each issue or pull request is a thread
//! space keyed `owner/repo#number`; a comment is a thread reply to the issue itself when
//! the issue is loaded (the `issues` list, or a single issue), so it answers the issue's
//! author; otherwise the thread's first loaded comment stands in as its root. `@login`s
//! in the text are mentions. Review comments answer their `in_reply_to_id`.
//!
//! People are keyed by login, lowercased (GitHub logins ignore case, and mentions do not
//! keep it). An account deleted since shows as a `null` author or as `ghost`: one name
//! for many people, a placeholder (docs/METRICS.md §1). Logins ending in `[bot]` and
//! accounts of type `Bot` are bots. Owners, members and collaborators of the repository
//! (`author_association`) are host hints: the maintainers, together, as the hosts.

mod discussions;
mod mentions;
mod pages;
mod rest;
mod shape;

use std::collections::BTreeSet;

use crate::import::error::ImportError;
use crate::model::words::plural;
use crate::model::{distinct, Dataset, FileSummary, Person, PersonIdx, SpaceIdx};
use pages::Pages;
use shape::Node;

/// How GitHub ends the login of an app's account (`dependabot[bot]`).
const BOT_SUFFIX: &str = "[bot]";
/// The login GitHub shows for every deleted account.
const GHOST: &str = "ghost";
/// `author_association` values that mark the repository's maintainers.
const MAINTAINERS: [&str; 3] = ["OWNER", "MEMBER", "COLLABORATOR"];

/// True when the first few kilobytes look like GitHub API JSON: a GraphQL response with a
/// repository's discussions, or REST objects (comments naming their `issue_url` or
/// `pull_request_url`, issues with `comments_url` and `repository_url`, anything with an
/// `author_association`, or timeline events with `event`, `actor` and `commit_id`).
pub fn detect(_name: &str, bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let has = |key: &str| t.contains(key);
    let graphql = has("\"data\"")
        && has("\"repository\"")
        && (has("\"discussions\"") || has("\"discussion\""));
    let rest = has("\"issue_url\"")
        || has("\"pull_request_url\"")
        || has("\"author_association\"")
        || (has("\"comments_url\"") && has("\"repository_url\""))
        || (has("\"event\"") && has("\"actor\"") && has("\"commit_id\""));
    (t.starts_with('{') || t.starts_with('[')) && (graphql || rest)
}

/// What reading a file found besides its messages.
#[derive(Default)]
struct Tally {
    messages: u64,
    spaces: BTreeSet<SpaceIdx>,
    /// The file held GraphQL discussions (its spaces are discussions, not issues).
    discussions: bool,
    /// Timeline events that are not comments (labels, closings, commits).
    events_skipped: u64,
    /// Discussion comments and replies GitHub left for later pages of their lists.
    comments_beyond: u64,
    replies_beyond: u64,
}

/// Where an object sits in the file, for errors: its page (one JSON value of the file)
/// and its entry in that page, both from 1.
#[derive(Clone, Copy)]
struct At {
    page: usize,
    entry: usize,
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        if self.page > 1 {
            write!(f, "page {}, ", self.page)?;
        }
        write!(f, "entry {}", self.entry)
    }
}

/// Reads one saved response (or several pages of them) into `dataset`.
///
/// An empty page adds only its file summary. Errors name the file and a position: line
/// and column for JSON errors; the page and entry (and the comment or reply) for a value
/// that cannot be used, such as a comment without a date. A file of timeline events that
/// holds no comment is refused, saying so.
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut tally = Tally::default();
    let mut pages = Pages::new(bytes);
    let mut page = 0;
    while let Some(nodes) = pages.next_page(file)? {
        page += 1;
        for (entry, node) in nodes.iter().enumerate() {
            let at = At {
                page,
                entry: entry + 1,
            };
            read_node(file, at, node, dataset, &mut tally)?;
        }
    }
    if tally.messages == 0 && tally.events_skipped > 0 {
        return Err(shape_error(
            file,
            format!(
                "this GitHub timeline holds {} and no comment; save the comments \
                 (gh api repos/OWNER/REPO/issues/comments --paginate) instead",
                plural(tally.events_skipped, "event", "events")
            ),
        ));
    }
    warn(file, &tally, dataset);
    dataset.files.push(FileSummary {
        name: file.to_string(),
        format: "github",
        space: summary_space(&tally, dataset),
        messages: tally.messages,
    });
    Ok(())
}

/// What the file held, for its summary: its one thread's name, or how many it held.
fn summary_space(tally: &Tally, dataset: &Dataset) -> String {
    match (tally.spaces.len(), tally.spaces.first()) {
        (1, Some(&only)) => dataset
            .spaces
            .get(only as usize)
            .map_or_else(String::new, |s| s.name.clone()),
        (n, _) if tally.discussions => plural(n as u64, "discussion", "discussions"),
        (n, _) => plural(
            n as u64,
            "issue or pull request",
            "issues and pull requests",
        ),
    }
}

/// One object of a page: a GraphQL response, or a REST comment, issue or event.
fn read_node(
    file: &str,
    at: At,
    node: &Node,
    dataset: &mut Dataset,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    if node.data.is_some() || !node.errors.is_empty() {
        discussions::read(file, at, node, dataset, tally)
    } else {
        rest::read(file, at, node, dataset, tally)
    }
}

fn shape_error(file: &str, what: String) -> ImportError {
    ImportError::Shape {
        file: file.to_string(),
        what,
    }
}

/// The author of a message: a person keyed by login, or the placeholder every deleted
/// account shares. A maintainer (`association`) becomes a host hint.
fn author(
    login: Option<&str>,
    is_bot: bool,
    association: Option<&str>,
    dataset: &mut Dataset,
) -> PersonIdx {
    let login = login.map(str::trim).filter(|l| !l.is_empty());
    let idx = match login {
        Some(login) if !login.eq_ignore_ascii_case(GHOST) => {
            let is_bot = is_bot || login.ends_with(BOT_SUFFIX);
            dataset.intern_person(Person::named(login.to_lowercase(), login).with_bot(is_bot))
        }
        _ => dataset.intern_person(Person::named(GHOST, GHOST).with_placeholder(true)),
    };
    let maintainer = association.is_some_and(|a| MAINTAINERS.contains(&a));
    if maintainer && dataset.nameable(idx) && !dataset.host_hints.contains(&idx) {
        dataset.host_hints.push(idx);
    }
    idx
}

/// The people `markdown` mentions, each once. A login seen only in a mention gets no
/// display name, so its author's messages can supply one later.
fn mentions(markdown: &str, dataset: &mut Dataset) -> Vec<PersonIdx> {
    let people = mentions::mentioned(markdown)
        .into_iter()
        .filter(|login| !login.eq_ignore_ascii_case(GHOST))
        .map(|login| {
            let person = Person::named(login.to_lowercase(), login)
                .with_display_name("")
                .with_bot(login.ends_with(BOT_SUFFIX));
            dataset.intern_person(person)
        });
    distinct(people)
}

/// Says what a file could not hold: discussion comments and replies on later pages, and
/// timeline events left out.
fn warn(file: &str, tally: &Tally, dataset: &mut Dataset) {
    if tally.comments_beyond + tally.replies_beyond > 0 {
        dataset.warnings.push(format!(
            "{file}: {} and {} are on later pages of their discussions and not in this \
             file (GitHub pages each list; ask for more with first: 100)",
            plural(tally.comments_beyond, "comment", "comments"),
            plural(tally.replies_beyond, "reply", "replies")
        ));
    }
    if tally.events_skipped > 0 {
        dataset.warnings.push(format!(
            "{file}: {} that are not comments (labels, closings, commits…) left out",
            plural(tally.events_skipped, "timeline event", "timeline events")
        ));
    }
}

#[cfg(test)]
mod tests;
