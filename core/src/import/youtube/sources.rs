//! The two shapes YouTube comments arrive in, read into one list of [`Comment`]s.
//!
//! - YouTube Data API v3: a `commentThreads` list (`youtube#commentThreadListResponse`:
//!   each item a top-level comment with up to five `replies.comments`) or a `comments`
//!   list (`youtube#commentListResponse`: replies fetched by `parentId`, which carry no
//!   video id).
//! - yt-dlp `--write-comments`: the video's `.info.json`, whose `comments` array is flat,
//!   replies after their top-level comment (`parent` is `"root"` or that comment's id).

use std::borrow::Cow;

use serde::Deserialize;

use super::super::timestamp::parse_iso;
use crate::import::error::ImportError;
use crate::import::plain::excerpt;

/// One file: either shape, told apart by `kind` (API) or `comments` (yt-dlp).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Top<'a> {
    #[serde(borrow, default)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    items: Vec<ApiItem<'a>>,
    #[serde(borrow, default)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    title: Option<Cow<'a, str>>,
    #[serde(borrow, default, rename = "channel_id")]
    channel_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    comments: Option<Vec<YtDlpComment<'a>>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ApiItem<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    snippet: Snippet<'a>,
    #[serde(borrow, default)]
    replies: Option<ApiReplies<'a>>,
}

#[derive(Deserialize)]
struct ApiReplies<'a> {
    #[serde(borrow, default)]
    comments: Vec<ApiItem<'a>>,
}

/// A thread's snippet and a comment's snippet in one struct (all fields optional).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Snippet<'a> {
    #[serde(borrow, default)]
    video_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    channel_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    top_level_comment: Option<Box<ApiItem<'a>>>,
    #[serde(default)]
    total_reply_count: Option<u64>,
    #[serde(borrow, default)]
    author_display_name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    author_channel_id: Option<ChannelRef<'a>>,
    #[serde(borrow, default)]
    text_original: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    text_display: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    parent_id: Option<Cow<'a, str>>,
    #[serde(default)]
    like_count: Option<u64>,
    #[serde(borrow, default)]
    published_at: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct ChannelRef<'a> {
    #[serde(borrow)]
    value: Cow<'a, str>,
}

#[derive(Deserialize)]
struct YtDlpComment<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow, default)]
    parent: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    author: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    author_id: Option<Cow<'a, str>>,
    #[serde(default)]
    author_is_uploader: Option<bool>,
    #[serde(default)]
    like_count: Option<u64>,
    /// Epoch seconds, estimated by yt-dlp from "2 years ago".
    #[serde(default)]
    timestamp: Option<f64>,
}

/// A comment in either shape, ready to become a message.
pub(super) struct Comment<'d> {
    pub id: &'d str,
    /// The top-level comment a reply belongs to.
    pub parent: Option<&'d str>,
    pub author_id: &'d str,
    pub author_name: &'d str,
    pub text: &'d str,
    pub likes: u64,
    pub time_ms: i64,
    pub time_estimated: bool,
    /// The video's channel wrote it (yt-dlp `author_is_uploader`, or the author's channel
    /// is the one the API names as the video's).
    pub by_owner: bool,
    /// The video (or, for channel discussions, the channel) it was written under.
    pub space: Option<(String, String)>,
}

/// What a file holds besides its comments.
pub(super) struct Parsed<'d> {
    pub comments: Vec<Comment<'d>>,
    pub times_estimated: bool,
    /// Replies the API counted on threads but did not include.
    pub replies_not_included: u64,
    pub summary: String,
}

/// Reads the parsed file into comments; errors name the comment by number and id.
pub(super) fn comments<'d>(file: &str, top: &'d Top) -> Result<Parsed<'d>, ImportError> {
    let kind = top.kind.as_deref().unwrap_or("");
    if let Some(list) = &top.comments {
        return ytdlp(file, top, list);
    }
    if kind == "youtube#commentThreadListResponse" || kind == "youtube#commentListResponse" {
        return api(file, top);
    }
    let what = if top.id.is_some() && top.kind.is_none() {
        "this yt-dlp info JSON holds no comments; download it again with --write-comments"
    } else {
        "expected a YouTube Data API comment list (youtube#commentThreadListResponse or \
         youtube#commentListResponse) or a yt-dlp info JSON with comments"
    };
    Err(ImportError::Shape {
        file: file.to_string(),
        what: what.into(),
    })
}

fn ytdlp<'d>(
    file: &str,
    top: &'d Top,
    list: &'d [YtDlpComment],
) -> Result<Parsed<'d>, ImportError> {
    let video = top.id.as_deref().unwrap_or("video");
    let title = top.title.as_deref().unwrap_or(video);
    let mut comments = Vec::with_capacity(list.len());
    for (number, c) in list.iter().enumerate() {
        let Some(seconds) = c.timestamp.filter(|t| t.is_finite()) else {
            return Err(ImportError::Shape {
                file: file.to_string(),
                what: format!("comment {} (id {}): no timestamp", number + 1, c.id),
            });
        };
        let author_name = c.author.as_deref().unwrap_or("");
        let author_id = c.author_id.as_deref().filter(|a| !a.is_empty());
        let by_owner = c.author_is_uploader == Some(true)
            || (author_id.is_some() && author_id == top.channel_id.as_deref());
        comments.push(Comment {
            id: &c.id,
            parent: c
                .parent
                .as_deref()
                .filter(|p| *p != "root" && !p.is_empty()),
            author_id: author_id.unwrap_or(author_name),
            author_name,
            text: c.text.as_deref().unwrap_or(""),
            likes: c.like_count.unwrap_or(0),
            time_ms: (seconds * 1000.0).round() as i64,
            time_estimated: true,
            by_owner,
            space: Some((video.to_string(), title.to_string())),
        });
    }
    Ok(Parsed {
        comments,
        times_estimated: !list.is_empty(),
        replies_not_included: 0,
        summary: title.to_string(),
    })
}

fn api<'d>(file: &str, top: &'d Top) -> Result<Parsed<'d>, ImportError> {
    let mut parsed = Parsed {
        comments: Vec::with_capacity(top.items.len()),
        times_estimated: false,
        replies_not_included: 0,
        summary: String::new(),
    };
    for (number, item) in top.items.iter().enumerate() {
        let thread = &item.snippet;
        let Some(first) = thread.top_level_comment.as_deref() else {
            // A `comments` list item: a reply (or a top-level comment fetched by id).
            parsed
                .comments
                .push(api_comment(file, number, item, thread)?);
            continue;
        };
        parsed
            .comments
            .push(api_comment(file, number, first, thread)?);
        let inline = item
            .replies
            .as_ref()
            .map_or(&[][..], |r| r.comments.as_slice());
        for reply in inline {
            parsed
                .comments
                .push(api_comment(file, number, reply, thread)?);
        }
        let total = thread.total_reply_count.unwrap_or(0);
        parsed.replies_not_included += total.saturating_sub(inline.len() as u64);
    }
    parsed.summary = parsed
        .comments
        .iter()
        .find_map(|c| c.space.as_ref().map(|s| s.1.clone()))
        .unwrap_or_else(|| "replies".into());
    Ok(parsed)
}

/// One API comment; `thread` is its thread's snippet (or its own for a `comments` list).
fn api_comment<'d>(
    file: &str,
    number: usize,
    item: &'d ApiItem,
    thread: &'d Snippet,
) -> Result<Comment<'d>, ImportError> {
    let s = &item.snippet;
    let published = s.published_at.as_deref().unwrap_or("");
    let time = parse_iso(published).ok_or_else(|| ImportError::Shape {
        file: file.to_string(),
        what: format!(
            "item {} (comment {}): the publishedAt \"{}\" is not a date",
            number + 1,
            excerpt(&item.id),
            excerpt(published)
        ),
    })?;
    let author_name = s.author_display_name.as_deref().unwrap_or("");
    let author_id = s.author_channel_id.as_ref().map(|c| c.value.as_ref());
    let owner = s.channel_id.as_deref().or(thread.channel_id.as_deref());
    let video = s.video_id.as_deref().or(thread.video_id.as_deref());
    let space = match (video, owner) {
        (Some(v), _) => Some((v.to_string(), format!("video {v}"))),
        (None, Some(c)) if s.parent_id.is_none() => Some((c.to_string(), format!("channel {c}"))),
        _ => None,
    };
    Ok(Comment {
        id: &item.id,
        parent: s.parent_id.as_deref(),
        author_id: author_id.unwrap_or(author_name),
        author_name,
        // textOriginal is the plain text; textDisplay is HTML and only a fallback.
        text: s
            .text_original
            .as_deref()
            .or(s.text_display.as_deref())
            .unwrap_or(""),
        likes: s.like_count.unwrap_or(0),
        time_ms: time.ms,
        time_estimated: time.zone_assumed,
        by_owner: author_id.is_some() && author_id == owner,
        space,
    })
}
