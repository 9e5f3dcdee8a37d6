//! Discourse JSON as the forum's API serves it: a topic (`/t/{id}.json`), more posts of a
//! topic (`/t/{id}/posts.json?post_ids[]=…`), or the latest posts across topics
//! (`/posts.json`).
//!
//! A message's id is `{topic_id}/{post_number}`, not the global post id: replies name
//! their parent by post number (`reply_to_post_number`), and the parent may sit in another
//! file of the same topic (the topic JSON holds only the first ~20 posts), so an id built
//! from the number resolves across files without an index. Post 1 is the topic's root;
//! a later post with no `reply_to_post_number` replied "to the topic", which is a thread
//! reply to post 1. Mentions are `<a class="mention" href="/u/name">@name</a>` in the
//! rendered HTML (`cooked`). Likes are counts only (who liked is a separate request), so
//! reactions carry no reactor ids. Staff (`admin`, `moderator`, `staff`) are host hints;
//! negative user ids are Discourse's own bots (`system`, `discobot`).

use std::collections::BTreeSet;

pub(crate) mod html;
mod shape;

use super::json_error;
use super::timestamp::parse_iso;
use crate::import::absent;
use crate::import::error::ImportError;
use crate::import::plain::excerpt;
use crate::model::words::plural;
use crate::model::{distinct, Dataset, FileSummary, Message, Person, PersonIdx, Reaction, Space};
use html::{mentioned, visible_text};
use shape::{Post, Top};

/// `actions_summary` id of a like; the other ids are flags and bookmarks.
const LIKE_ACTION: u32 = 2;
/// `post_type` values that are notices, not conversation: moderator actions ("this topic
/// is now pinned") and small actions ("closed the topic").
const NOTICE_POST_TYPES: [u32; 2] = [2, 3];

/// True when the first few kilobytes look like Discourse API JSON: an object naming a
/// `post_stream`, `latest_posts`, or posts (`cooked` and `post_number`); also the
/// auxiliary lists (`post_action_users`, `user_actions`), which [`read`] then refuses with
/// a clear message rather than letting another importer misread them.
pub fn detect(_name: &str, bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('{')
        && (t.contains("\"post_stream\"")
            || t.contains("\"latest_posts\"")
            || (t.contains("\"cooked\"") && t.contains("\"post_number\""))
            || t.contains("\"post_action_users\"")
            || (t.contains("\"user_actions\"") && t.contains("\"action_type\"")))
}

/// Reads one topic or posts file into `dataset`: one space per topic.
///
/// A topic with no posts (an empty `posts` array) adds its space and nothing else. Errors
/// name the file and a position: line and column for JSON errors, the post number and id
/// for a well-formed but unusable value (an unreadable date, a post with no topic).
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let top: Top = serde_json::from_slice(bytes).map_err(|e| json_error::from_serde(file, &e))?;
    let shape = |what: String| ImportError::Shape {
        file: file.to_string(),
        what,
    };
    let posts = match (&top.post_stream, &top.latest_posts) {
        (Some(stream), _) => stream.posts.as_slice(),
        (None, Some(latest)) => latest.as_slice(),
        (None, None) => return Err(shape(not_a_conversation(&top))),
    };
    for post in posts {
        intern_author(post, dataset);
    }
    let mut topics = BTreeSet::new();
    for (number, post) in posts.iter().enumerate() {
        let topic = post.topic_id.or(top.id).ok_or_else(|| {
            shape(format!(
                "post {} (id {}): no topic_id, so its topic is unknown",
                number + 1,
                post.id
            ))
        })?;
        let title = post.topic_title.as_deref().or(top.title.as_deref());
        let space = dataset.intern_space(space_of(topic, title));
        topics.insert(topic);
        let message = convert(file, number, post, topic, space, dataset)?;
        dataset.push_message(message);
    }
    warn_unloaded(file, &top, dataset);
    dataset.files.push(FileSummary {
        name: file.to_string(),
        format: "discourse",
        space: summary_space(&top, &topics),
        messages: posts.len() as u64,
    });
    Ok(())
}

/// Why valid JSON without posts is not readable: names the auxiliary lists precisely.
fn not_a_conversation(top: &Top) -> String {
    if top.post_action_users.is_some() {
        "this is a Discourse list of who liked a post (post_action_users.json), not a \
         conversation, and it does not say which post; load topic files (/t/{id}.json) instead"
            .into()
    } else if top.user_actions.is_some() {
        "this is a Discourse list of one person's activity (user_actions.json) with excerpts \
         only, not a conversation; load the topics it names (/t/{id}.json) instead"
            .into()
    } else {
        "expected a Discourse topic (\"post_stream\": {\"posts\": […]}) or a posts list \
         (\"latest_posts\": […])"
            .into()
    }
}

/// Interns the author first, so display names come from authors rather than mentions.
fn intern_author(post: &Post, dataset: &mut Dataset) -> PersonIdx {
    let username = post.username.as_deref().unwrap_or("");
    let display_name = post
        .name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(username);
    // Discourse gives its own accounts (system, discobot) negative ids.
    let is_bot = post.user_id.is_some_and(|id| id < 0);
    let idx = dataset.intern_person(
        Person::named(username.to_lowercase(), username)
            .with_display_name(display_name)
            .with_bot(is_bot)
            // A post whose account is gone names nobody: a placeholder (docs/METRICS.md §1).
            .with_placeholder(absent::is_placeholder(username, username)),
    );
    let staff =
        post.admin == Some(true) || post.moderator == Some(true) || post.staff == Some(true);
    if staff && !dataset.is_bot(idx) && !dataset.host_hints.contains(&idx) {
        dataset.host_hints.push(idx);
    }
    idx
}

fn space_of(topic: u64, title: Option<&str>) -> Space {
    Space {
        id: topic.to_string(),
        name: title.map_or_else(|| format!("topic {topic}"), str::to_string),
        parent: None,
        is_thread: false,
        infer_replies: false,
    }
}

fn convert(
    file: &str,
    number: usize,
    post: &Post,
    topic: u64,
    space: u32,
    dataset: &mut Dataset,
) -> Result<Message, ImportError> {
    let time = parse_iso(&post.created_at).ok_or_else(|| ImportError::Shape {
        file: file.to_string(),
        what: format!(
            "post {} (id {}): the created_at \"{}\" is not a date",
            number + 1,
            post.id,
            excerpt(&post.created_at)
        ),
    })?;
    let author = intern_author(post, dataset);
    let notice = post.action_code.is_some()
        || post
            .post_type
            .is_some_and(|t| NOTICE_POST_TYPES.contains(&t));
    // Reply-to-topic (no number) answers post 1 as a thread reply; a number is a parent.
    let parent = post
        .reply_to_post_number
        .filter(|&n| n != post.post_number)
        .map(|n| format!("{topic}/{n}"));
    let thread_root = (parent.is_none() && post.post_number > 1).then(|| format!("{topic}/1"));
    let html = post.cooked.as_deref().unwrap_or("");
    let text = text_of(post);
    Ok(Message::new(
        space,
        format!("{topic}/{}", post.post_number),
        author,
        time.ms,
    )
    .with_time_estimated(time.zone_assumed)
    .with_notice(notice)
    .with_parent(parent)
    .with_thread_root(thread_root)
    .with_mentions(mentions(html, dataset))
    .with_reactions(reactions(post))
    .with_text(&text))
}

/// What the post says: the rendered HTML's visible text, or the markdown when an endpoint
/// sent no HTML.
fn text_of(post: &Post) -> String {
    match post.cooked.as_deref().filter(|html| !html.is_empty()) {
        Some(html) => visible_text(html),
        None => post
            .raw
            .as_ref()
            .and_then(|raw| raw.text())
            .unwrap_or("")
            .to_string(),
    }
}

/// The people a post's mention links name, each once. A name seen only in a mention
/// gets no display name, so the author's own posts can supply it later.
fn mentions(html: &str, dataset: &mut Dataset) -> Vec<PersonIdx> {
    let mut people: Vec<PersonIdx> = Vec::new();
    for name in mentioned(html) {
        people.push(
            dataset.intern_person(Person::named(name.to_lowercase(), name).with_display_name("")),
        );
    }
    distinct(people)
}

/// Likes (counts only) and, with the discourse-reactions plugin, its emoji reactions. The
/// plugin reports likes as its `heart` too, so likes are added only when it has none.
fn reactions(post: &Post) -> Vec<Reaction> {
    let clamp = |n: u64| n.min(u64::from(u32::MAX)) as u32;
    let mut out: Vec<Reaction> = post
        .reactions
        .iter()
        .filter(|r| r.count > 0)
        .map(|r| Reaction {
            emoji: r.id.to_string(),
            count: clamp(r.count),
            reactors: Vec::new(),
        })
        .collect();
    let likes: u64 = post
        .actions_summary
        .iter()
        .filter(|a| a.id == LIKE_ACTION)
        .filter_map(|a| a.count)
        .sum();
    if likes > 0 && !out.iter().any(|r| r.emoji == "heart") {
        out.push(Reaction {
            emoji: "❤".into(),
            count: clamp(likes),
            reactors: Vec::new(),
        });
    }
    out
}

/// Says how many posts of a topic file are not in it: Discourse sends only the first ~20
/// posts with the topic and lists the rest by id in `stream`.
fn warn_unloaded(file: &str, top: &Top, dataset: &mut Dataset) {
    let Some(stream) = &top.post_stream else {
        return;
    };
    // Inserted, not collected: collecting into a set sorts first, one more sort in the wasm.
    let mut loaded: BTreeSet<u64> = BTreeSet::new();
    for post in &stream.posts {
        loaded.insert(post.id);
    }
    let missing = stream
        .stream
        .iter()
        .filter(|id| !loaded.contains(id))
        .count();
    if missing > 0 {
        let topic = top
            .id
            .map_or_else(|| "{id}".to_string(), |id| id.to_string());
        dataset.warnings.push(format!(
            "{file}: {} of the topic not in this file (Discourse sends the first 20); add \
             /t/{topic}/posts.json?post_ids[]=… pages for the rest",
            plural(missing as u64, "post", "posts")
        ));
    }
}

fn summary_space(top: &Top, topics: &BTreeSet<u64>) -> String {
    match (top.title.as_deref(), topics.len()) {
        (Some(title), _) => title.to_string(),
        (None, 1) => topics
            .iter()
            .next()
            .map_or_else(String::new, |t| format!("topic {t}")),
        (None, n) => format!("latest posts ({n} topics)"),
    }
}

#[cfg(test)]
mod tests;
