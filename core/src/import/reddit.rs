//! Reddit thread JSON: a comments page (`/comments/{id}.json`: an array of two Listings,
//! the post `t3` then the comment tree of `t1` with nested `replies` Listings and `more`
//! stubs), an `/api/morechildren` response (`{"json": {"data": {"things": […]}}}`, flat
//! comments with `parent_id`), or a single Listing of comments.
//!
//! Every thread is a space named by its post id (`link_id` without `t3_`), so the
//! morechildren responses of a thread join its page. Ids are kept bare (`t1_`/`t3_`
//! stripped), which makes `parent_id` the explicit parent of each comment; a top-level
//! comment answers the post. Person ids are lowercased usernames, because `u/name`
//! mentions do not keep the account's capitalisation. The post's author is the host hint.
//! `score`/`ups` are not read as reactions: they are a net of up- and downvotes that
//! Reddit fuzzes and that includes the author's own vote, so no count of people exists.

mod flatten;
mod things;

use super::json_error;
use crate::import::absent;
use crate::import::error::ImportError;
use crate::import::plain::excerpt;
use crate::model::words::plural;
use crate::model::{Dataset, FileSummary, Message, Person, PersonIdx, Space, SpaceIdx};
use things::{Child, Data, Thing, TopObject};

/// The author Reddit writes for every deleted account: one name for many people, so a
/// placeholder (docs/METRICS.md §1).
const DELETED: &str = "[deleted]";

/// True when the first few kilobytes look like Reddit JSON: an array or object holding a
/// `Listing`, or a morechildren response (`"json"` with `"things"`).
pub fn detect(_name: &str, bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let listing = t.contains("\"Listing\"") && t.contains("\"kind\"");
    let more = t.starts_with('{') && t.contains("\"json\"") && t.contains("\"things\"");
    (t.starts_with('[') || t.starts_with('{')) && (listing || more)
}

/// What the walk over a file's things found.
#[derive(Default)]
struct Found<'d, 'a> {
    posts: Vec<&'d Data<'a>>,
    comments: Vec<&'d Data<'a>>,
    /// Comments the `more` stubs say they hide.
    hidden: u64,
    /// "continue this thread" stubs: deeper chains cut off, size unknown.
    cut_chains: u64,
}

/// Reads one thread page, morechildren response or Listing into `dataset`.
///
/// A thread with no comments adds its post; a file with no things at all (an empty
/// Listing) adds nothing but its file summary. Errors name the file and a position: line
/// and column for JSON errors, the comment number and id for a comment with no time.
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let json_err = |e: serde_json::Error| json_error::from_serde(file, &e);
    // A reply chain deeper than serde_json's nesting limit is read flattened.
    let (main, cut) = if flatten::max_depth(bytes) > flatten::FLATTEN_DEPTH {
        flatten::flatten(bytes)
    } else {
        (Vec::new(), Vec::new())
    };
    let bytes = if cut.is_empty() { bytes } else { &main };
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    let mut roots: Vec<Thing> = if first == Some(&b'[') {
        serde_json::from_slice(bytes).map_err(json_err)?
    } else {
        let top: TopObject = serde_json::from_slice(bytes).map_err(json_err)?;
        top_things(file, top)?
    };
    for listing in &cut {
        roots.push(serde_json::from_slice(listing).map_err(json_err)?);
    }
    let mut found = Found::default();
    for root in &roots {
        walk(root, &mut found);
    }
    for data in found.posts.iter().chain(&found.comments) {
        intern_author(data, dataset);
    }
    let mut thread = None;
    for (number, post) in found.posts.iter().enumerate() {
        let message = convert(file, "post", number, post, dataset)?;
        thread = thread.or_else(|| dataset.spaces.get(message.space as usize).cloned());
        let author = message.author;
        if person_is_real(dataset, author) && !dataset.host_hints.contains(&author) {
            dataset.host_hints.push(author);
        }
        dataset.push_message(message);
    }
    for (number, comment) in found.comments.iter().enumerate() {
        let message = convert(file, "comment", number, comment, dataset)?;
        thread = thread.or_else(|| dataset.spaces.get(message.space as usize).cloned());
        dataset.push_message(message);
    }
    warn(file, &found, dataset);
    dataset.files.push(FileSummary {
        name: file.to_string(),
        format: "reddit",
        space: thread.map_or_else(String::new, |s| s.name),
        messages: (found.posts.len() + found.comments.len()) as u64,
    });
    Ok(())
}

/// Why an object that is none of Reddit's thread shapes is refused.
const NOT_A_THREAD: &str = "expected a Reddit comments page ([post Listing, comments Listing]), \
    a Listing, or an /api/morechildren response ({\"json\": {\"data\": {\"things\": …}}})";

/// The things of an object file: a morechildren response's, or a Listing's children.
fn top_things<'a>(file: &str, top: TopObject<'a>) -> Result<Vec<Thing<'a>>, ImportError> {
    if let Some(json) = top.json {
        if json.data.is_none() && !json.errors.is_empty() {
            return Err(ImportError::Shape {
                file: file.to_string(),
                what: "this morechildren response holds errors from Reddit instead of comments"
                    .into(),
            });
        }
        return Ok(json.data.map(|d| d.things).unwrap_or_default());
    }
    match (top.kind, top.data) {
        (Some(kind), Some(data)) => Ok(vec![Thing { kind, data }]),
        _ => Err(ImportError::Shape {
            file: file.to_string(),
            what: NOT_A_THREAD.into(),
        }),
    }
}

/// Collects posts, comments and stubs, depth first (Listings, then each comment's
/// replies). serde_json's nesting limit bounds the recursion.
fn walk<'d, 'a>(thing: &'d Thing<'a>, found: &mut Found<'d, 'a>) {
    match thing.kind.as_ref() {
        "t3" => found.posts.push(&thing.data),
        "t1" => found.comments.push(&thing.data),
        "more" => {
            let ids = thing.data.children.len() as u64;
            let hides = thing.data.count.unwrap_or(0).max(ids);
            found.hidden += hides;
            found.cut_chains += u64::from(hides == 0);
        }
        _ => {}
    }
    for child in thing.data.children.iter().chain(&thing.data.replies.0) {
        if let Child::Thing(t) = child {
            walk(t, found);
        }
    }
}

fn intern_author(data: &Data, dataset: &mut Dataset) -> PersonIdx {
    let name = data.author.as_deref().unwrap_or(DELETED);
    dataset.intern_person(person(name))
}

fn person(name: &str) -> Person {
    // Reddit's built-in moderation bot; Reddit flags no other accounts as bots.
    let is_bot = name.eq_ignore_ascii_case("AutoModerator");
    Person::named(name.to_lowercase(), name)
        .with_bot(is_bot)
        .with_placeholder(absent::is_placeholder(name, name))
}

fn person_is_real(dataset: &Dataset, person: PersonIdx) -> bool {
    dataset
        .people
        .get(person as usize)
        .is_some_and(|p| !p.placeholder && !p.is_bot)
}

/// Strips a `t1_`/`t3_` fullname prefix: `t3_3hahrw` → `3hahrw`.
fn bare(fullname: &str) -> &str {
    match fullname.split_once('_') {
        Some((prefix, id)) if prefix.starts_with('t') && !id.is_empty() => id,
        _ => fullname,
    }
}

fn convert(
    file: &str,
    what: &str,
    number: usize,
    data: &Data,
    dataset: &mut Dataset,
) -> Result<Message, ImportError> {
    let id = data.id.as_deref().unwrap_or("");
    let created = data.created_utc.filter(|t| t.is_finite());
    let (Some(created), false) = (created, id.is_empty()) else {
        return Err(ImportError::Shape {
            file: file.to_string(),
            what: format!(
                "{what} {} (id \"{}\"): expected an id and a created_utc time",
                number + 1,
                excerpt(id)
            ),
        });
    };
    let is_post = what == "post";
    let text = text_of(data, is_post);
    let parent = if is_post {
        None
    } else {
        data.parent_id.as_deref().map(|p| bare(p).to_string())
    };
    let mut mentions: Vec<PersonIdx> = Vec::new();
    for name in mentioned(&text) {
        let idx = dataset.intern_person(person(&name));
        if !mentions.contains(&idx) {
            mentions.push(idx);
        }
    }
    let space = thread_space(data, id, is_post, dataset);
    let author = intern_author(data, dataset);
    let time_ms = (created * 1000.0).round() as i64;
    Ok(Message::new(space, id.to_string(), author, time_ms)
        .with_parent(parent)
        .with_mentions(mentions)
        .with_text(&text))
}

/// The thread a post or comment belongs to: the post's own id, or the comment's
/// `link_id` (its `parent_id` when a listing omits it).
fn thread_space(data: &Data, id: &str, is_post: bool, dataset: &mut Dataset) -> SpaceIdx {
    let thread = match (is_post, data.link_id.as_deref()) {
        (true, _) => id,
        (false, Some(link)) => bare(link),
        (false, None) => data.parent_id.as_deref().map_or(id, bare),
    };
    dataset.intern_space(Space {
        id: thread.to_string(),
        name: data.title.as_deref().unwrap_or(thread).to_string(),
        parent: None,
        is_thread: false,
        infer_replies: false,
    })
}

/// A post's title and text (a link post's title is all it says), or a comment's body.
fn text_of(data: &Data, is_post: bool) -> String {
    let title = data.title.as_deref().unwrap_or("");
    match (is_post, data.selftext.as_deref()) {
        (true, Some(selftext)) => format!("{title}\n{selftext}"),
        (true, None) => title.to_string(),
        (false, _) => data.body.as_deref().unwrap_or("").to_string(),
    }
}

/// Usernames written as `u/name` or `/u/name` (3–20 letters, digits, `_`, `-`; markdown
/// escapes like `\_` undone), not inside a word or a longer path.
fn mentioned(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in text.match_indices("u/") {
        let before = text.get(..at).unwrap_or("");
        let before = before.strip_suffix('/').unwrap_or(before);
        if before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue;
        }
        let mut name = String::new();
        let mut chars = text.get(at + 2..).unwrap_or("").chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                name.push(c);
            } else if c == '\\' && chars.peek() == Some(&'_') {
                continue;
            } else {
                break;
            }
        }
        if (3..=20).contains(&name.len()) {
            names.push(name);
        }
    }
    names
}

/// Messages by deleted accounts are reported once for the whole export (the report's
/// placeholder count), not per file.
fn warn(file: &str, found: &Found, dataset: &mut Dataset) {
    if found.hidden > 0 {
        dataset.warnings.push(format!(
            "{file}: {} not loaded (Reddit 'more' stubs); add the /api/morechildren \
             responses to include them",
            plural(found.hidden, "comment", "comments")
        ));
    }
    if found.cut_chains > 0 {
        dataset.warnings.push(format!(
            "{file}: {} not loaded (Reddit 'continue this thread' links)",
            plural(
                found.cut_chains,
                "deeper reply chain",
                "deeper reply chains"
            )
        ));
    }
}

#[cfg(test)]
mod tests;
