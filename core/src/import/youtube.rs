//! YouTube comments, as yt-dlp writes them (`--write-comments`, the video's `.info.json`)
//! and as the YouTube Data API returns them (`commentThreads` and `comments` lists); the
//! two shapes are read in [`sources`].
//!
//! A video is a space (its id), so the pages of one video merge and repeated comments
//! count once. Top-level comments are posts; a reply is a thread reply to its top-level
//! comment (`thread_root`), and when its text starts with `@handle` naming a known author
//! it addresses that person instead (YouTube threads are two levels deep, so this is how
//! people answer a reply). Other `@handle`s naming known authors are mentions. The video's
//! channel (`author_is_uploader`, or the author's channel is the video's) is the host
//! hint. Likes are reactions with a count and no reactor ids; yt-dlp's times are
//! estimates from "2 years ago" and are flagged.

pub(super) mod names;
mod sources;

use std::collections::HashMap;

use crate::import::absent;
use crate::import::error::ImportError;
use crate::model::words::plural;
use crate::model::{Dataset, FileSummary, Message, Person, Reaction, Space, SpaceIdx};
use names::Names;
use sources::{Comment, Top};

use super::json_error;

/// True when the first few kilobytes look like YouTube comments: an API comment list
/// (`youtube#commentThreadListResponse`, `youtube#commentListResponse`) or a yt-dlp info
/// JSON (its `formats` list with `format_id`s comes first; `author_is_uploader` marks
/// its comments).
pub fn detect(_name: &str, bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('{')
        && (t.contains("\"youtube#commentThreadListResponse\"")
            || t.contains("\"youtube#commentListResponse\"")
            || t.contains("\"author_is_uploader\"")
            || (t.contains("\"formats\"") && t.contains("\"format_id\"")))
}

/// Reads one API page or yt-dlp info JSON into `dataset`.
///
/// A page with no items (an empty `items` list) adds only its file summary. Errors name
/// the file and a position: line and column for JSON errors, the comment number and id
/// for an unusable value (an unreadable date); an info JSON without comments is refused
/// with the yt-dlp option that adds them.
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let top: Top = serde_json::from_slice(bytes).map_err(|e| json_error::from_serde(file, &e))?;
    let parsed = sources::comments(file, &top)?;
    for comment in &parsed.comments {
        let idx = dataset.intern_person(commenter(comment));
        if comment.by_owner && !dataset.host_hints.contains(&idx) {
            dataset.host_hints.push(idx);
        }
    }
    let names = Names::of(dataset);
    // Where each loaded comment lives, so replies fetched without a video id (API
    // `comments` lists) join their top-level comment's video, and a comment seen again
    // merges with its first copy.
    let mut placed: HashMap<String, SpaceIdx> = dataset
        .messages
        .iter()
        .map(|m| (m.id.to_string(), m.space))
        .collect();
    let mut orphans = 0u64;
    for comment in &parsed.comments {
        let space = place(comment, &placed, dataset);
        placed.entry(comment.id.to_string()).or_insert(space);
        let parent_known = comment.parent.is_none_or(|p| placed.contains_key(p));
        orphans += u64::from(!parent_known);
        let message = convert(comment, space, &names, dataset);
        dataset.push_message(message);
    }
    warn(file, &parsed, orphans, dataset);
    dataset.files.push(FileSummary {
        name: file.to_string(),
        format: "youtube",
        space: parsed.summary.clone(),
        messages: parsed.comments.len() as u64,
    });
    Ok(())
}

/// The space of a comment: where it was already loaded, else its top-level comment's,
/// else its video's (or channel's), else a space for the replies to that one comment.
fn place(comment: &Comment, placed: &HashMap<String, SpaceIdx>, dataset: &mut Dataset) -> SpaceIdx {
    let known = placed
        .get(comment.id)
        .or_else(|| comment.parent.and_then(|p| placed.get(p)));
    if let Some(&space) = known {
        return space;
    }
    let (id, name) = match (&comment.space, comment.parent) {
        (Some((id, name)), _) => (id.clone(), name.clone()),
        (None, Some(parent)) => (parent.to_string(), format!("replies to comment {parent}")),
        (None, None) => (comment.id.to_string(), format!("comment {}", comment.id)),
    };
    dataset.intern_space(Space {
        id,
        name,
        parent: None,
        is_thread: false,
        infer_replies: false,
    })
}

fn convert(comment: &Comment, space: SpaceIdx, names: &Names, dataset: &mut Dataset) -> Message {
    let author = dataset.intern_person(commenter(comment));
    let text = comment.text;
    let addressee = comment
        .parent
        .and_then(|_| text.strip_prefix('@'))
        .and_then(|rest| names.resolve(rest));
    let mentions = names.mentioned(text, addressee);
    Message::new(space, comment.id.to_string(), author, comment.time_ms)
        .with_time_estimated(comment.time_estimated)
        .with_thread_root(comment.parent.map(str::to_string))
        .with_addressee(addressee)
        .with_mentions(mentions)
        .with_reactions(likes(comment.likes))
        .with_text(text)
}

/// The person who wrote `comment`: their channel id, or their name when the source has none.
/// Without either, the author is unknown: a placeholder (docs/METRICS.md §1).
fn commenter(comment: &Comment) -> Person {
    Person::named(comment.author_id, comment.author_name).with_placeholder(absent::is_placeholder(
        comment.author_id,
        comment.author_name,
    ))
}

/// A comment's likes as one reaction: YouTube counts one like per person but never says
/// who, so there are no reactor ids.
fn likes(count: u64) -> Vec<Reaction> {
    if count == 0 {
        return Vec::new();
    }
    vec![Reaction {
        emoji: "👍".into(),
        count: count.min(u64::from(u32::MAX)) as u32,
        reactors: Vec::new(),
    }]
}

fn warn(file: &str, parsed: &sources::Parsed, orphans: u64, dataset: &mut Dataset) {
    if parsed.times_estimated {
        dataset.warnings.push(format!(
            "{file}: comment times are yt-dlp's estimates from YouTube's \"2 years ago\" \
             labels, so older comments can be off by months"
        ));
    }
    if parsed.replies_not_included > 0 {
        dataset.warnings.push(format!(
            "{file}: {} not included (the API sends at most 5 per thread); add the \
             comments?parentId=… pages for them",
            plural(parsed.replies_not_included, "reply", "replies")
        ));
    }
    if orphans > 0 {
        dataset.warnings.push(format!(
            "{file}: {} to top-level comments that are not loaded; add the video's \
             commentThreads pages (before this file) to place them",
            plural(orphans, "reply", "replies")
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MessageKind;

    const YTDLP: &str = r#"{"id":"vid1","title":"Knots","formats":[{"format_id":"18"}],
      "channel_id":"UCowner","uploader":"Rope Lab","comments":[
      {"id":"a","parent":"root","text":"Which knot?","author":"@june","author_id":"UCjune",
       "author_is_uploader":false,"like_count":4,"timestamp":1700000000},
      {"id":"a.b","parent":"a","text":"@june the bowline","author":"@ropelab","author_id":"UCowner",
       "author_is_uploader":true,"like_count":0,"timestamp":1700000100},
      {"id":"a.c","parent":"a","text":"@RopeLab: thanks! cc @kit","author":"@june",
       "author_id":"UCjune",
       "timestamp":1700000200},
      {"id":"k","parent":"root","text":"great","author":"@kit","author_id":"UCkit",
       "timestamp":1700000300}]}"#;

    const REPLIES: &str = r#"{"kind":"youtube#commentListResponse","items":[
      {"kind":"youtube#comment","id":"a.d","snippet":{"authorDisplayName":"Kun Liu",
       "authorChannelId":{"value":"UCkun"},"textOriginal":"@kit agreed","parentId":"a",
       "likeCount":0,"publishedAt":"2023-11-15T00:00:00Z"}}]}"#;

    fn load(text: &str) -> Result<Dataset, ImportError> {
        let mut d = Dataset::default();
        read("y.json", text.as_bytes(), &mut d).map(|()| d)
    }

    #[test]
    fn ytdlp_replies_address_handles() {
        let d = load(YTDLP).unwrap_or_default();
        let m = &d.messages;
        assert_eq!(m.len(), 4);
        assert_eq!(
            (m[0].kind, m[0].thread_root.as_deref()),
            (MessageKind::Post, None)
        );
        assert_eq!(m[0].reactions[0].count, 4);
        assert!(m[0].time_estimated);
        assert_eq!(m[1].thread_root.as_deref(), Some("a"));
        assert_eq!(m[1].addressee, Some(m[0].author), "@june");
        assert_eq!(
            m[2].addressee,
            Some(m[1].author),
            "@RopeLab: matches @ropelab"
        );
        assert_eq!(m[2].mentions, [m[3].author].into(), "cc @kit");
        assert_eq!(d.host_hints, vec![m[1].author]);
        assert_eq!(d.spaces[0].id, "vid1");
        assert!(d.warnings[0].contains("estimates"));
    }

    #[test]
    fn api_replies_join_their_video_and_merge() {
        let mut d = Dataset::default();
        assert!(read("a.json", YTDLP.as_bytes(), &mut d).is_ok());
        assert!(read("b.json", REPLIES.as_bytes(), &mut d).is_ok());
        assert!(read("c.json", REPLIES.as_bytes(), &mut d).is_ok());
        assert_eq!(d.messages.len(), 5, "the repeated page merges");
        assert_eq!(d.spaces.len(), 1, "the reply joins video vid1");
        let last = d.messages.last();
        assert_eq!(last.and_then(|m| m.addressee), Some(d.messages[3].author));
        assert!(!d.warnings.iter().any(|w| w.contains("not loaded")));
    }

    #[test]
    fn orphan_replies_get_a_space_and_a_warning() {
        let d = load(REPLIES).unwrap_or_default();
        assert_eq!(d.spaces[0].name, "replies to comment a");
        assert_eq!(d.messages[0].addressee, None, "no kit loaded");
        assert!(d.warnings[0].starts_with("y.json: 1 reply to top-level comments"));
    }

    #[test]
    fn errors_name_position_or_comment() {
        let err = load(YTDLP.get(..120).unwrap_or(""))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("y.json: line "), "{err}");
        let bad = YTDLP.replace("\"timestamp\":1700000200", "\"when\":0");
        let err = load(&bad).err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(err, "y.json: comment 3 (id a.c): no timestamp");
        let bad = REPLIES.replace("2023-11-15T00:00:00Z", "");
        let err = load(&bad).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            err.contains("item 1 (comment a.d): the publishedAt"),
            "{err}"
        );
        let err = load(r#"{"id":"v","title":"t","formats":[]}"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("--write-comments"), "{err}");
    }

    #[test]
    fn detection() {
        assert!(detect("y.json", YTDLP.as_bytes()));
        assert!(detect("y.json", REPLIES.as_bytes()));
        assert!(!detect(
            "d.json",
            br#"{"guild":{},"channel":{},"messages":[]}"#
        ));
        assert!(!detect("r.json", br#"[{"kind":"Listing","data":{}}]"#));
    }
}
