//! Slack workspace export: the zip as downloaded, a channel folder's day files, or one
//! day file; `users.json` and `channels.json` (and `groups.json`, `mpims.json`,
//! `dms.json`) read on their own add names and bot flags but no messages.
//!
//! A day file (`<channel>/YYYY-MM-DD.json`) is an array of messages. The message id is
//! `ts`, unique within a channel; a reply has `thread_ts != ts` and sits in the day file
//! of the reply, not of its root, so every day file of a channel goes into one space and
//! the thread is joined there. `thread_broadcast` (a reply also shown in the channel) is a
//! reply like any other, and a second copy of it merges by `ts`. A deleted thread root
//! survives as a `tombstone`: a system message that replies still find. Mentions come
//! from `<@U…>` in the text and `user` elements of rich-text blocks; reactions list
//! their users. Subtypes other than plain conversation (joins, topic and name changes,
//! pins, …) are system messages.
//!
//! Space ids: a channel's id from `channels.json` when it is known, else its folder
//! name; a loose day file of a folder whose channel is already loaded joins that channel.
//! Day files given without a folder (a browser gives names only) share one space, so
//! their threads still join.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{Cursor, Read};

use serde::Deserialize;
use serde_json::Value;

use super::json_error;
use crate::error::ImportError;
use crate::model::{
    Dataset, FileSummary, Message, MessageKind, Person, PersonIdx, Reaction, Space, SpaceIdx,
};

/// Slackbot: `users.json` does not flag it as a bot, and it authors tombstones.
const SLACKBOT: &str = "USLACKBOT";

/// The space of day files given without a channel folder.
const LOOSE_SPACE: &str = "slack-channel";

/// Subtypes that are conversation; every other subtype is a notice.
const CONVERSATION: [&str; 8] = [
    "thread_broadcast",
    "reply_broadcast",
    "bot_message",
    "me_message",
    "file_share",
    "file_comment",
    "file_mention",
    "slackbot_response",
];

#[derive(Deserialize)]
struct RawMessage<'a> {
    #[serde(borrow)]
    ts: Cow<'a, str>,
    #[serde(borrow, default)]
    subtype: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    thread_ts: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    user: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    bot_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    username: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    parent_user_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    user_profile: Option<Profile<'a>>,
    #[serde(borrow, default)]
    bot_profile: Option<BotProfile<'a>>,
    /// Kept loose: blocks nest many element kinds and only `user` elements matter.
    #[serde(default)]
    blocks: Option<Value>,
    #[serde(borrow, default)]
    reactions: Option<Vec<RawReaction<'a>>>,
    /// The thread root a `thread_broadcast` carries along.
    #[serde(borrow, default)]
    root: Option<Root<'a>>,
}

#[derive(Deserialize)]
struct Profile<'a> {
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    display_name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    real_name: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct BotProfile<'a> {
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct RawReaction<'a> {
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    users: Option<Vec<Cow<'a, str>>>,
    #[serde(default)]
    count: Option<u32>,
}

#[derive(Deserialize)]
struct Root<'a> {
    #[serde(borrow, default)]
    ts: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    user: Option<Cow<'a, str>>,
}

/// One entry of `users.json`.
#[derive(Deserialize)]
struct RawUser<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    real_name: Option<Cow<'a, str>>,
    #[serde(default)]
    is_bot: Option<bool>,
    #[serde(borrow, default)]
    profile: Option<Profile<'a>>,
}

/// One entry of `channels.json`, `groups.json`, `mpims.json` or `dms.json`.
#[derive(Deserialize)]
struct RawChannel<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
    /// Who is in it: the only way to name a direct message (`dms.json` has no names).
    #[serde(borrow, default)]
    members: Option<Vec<Cow<'a, str>>>,
}

/// What `users.json` says about one person.
#[derive(Debug, Clone, Default)]
struct UserInfo {
    name: String,
    display: String,
    is_bot: bool,
}

/// A channel as the export's channel lists name it.
#[derive(Debug, Clone)]
struct ChannelInfo {
    id: String,
    name: String,
    /// For a channel without a name (a direct message): its members' ids.
    members: Vec<String>,
}

/// The zip's `users.json` and channel lists, for resolving its day files.
#[derive(Default)]
struct Directory {
    users: HashMap<String, UserInfo>,
    /// By folder name (a channel's name, a DM's id) and by id.
    channels: HashMap<String, ChannelInfo>,
}

/// What a JSON file of the export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Users,
    Channels,
    /// Other workspace files (`integration_logs.json`, `canvases.json`): no messages.
    Ignored,
    Day,
}

/// True when the bytes are a Slack export: a zip holding `users.json`, `channels.json`
/// or `<folder>/YYYY-MM-DD.json`; a day file (an array named `YYYY-MM-DD.json`, or whose
/// first message has `ts` and `"type": "message"`); or one of the export's workspace
/// files.
pub fn detect(name: &str, bytes: &[u8]) -> bool {
    if is_zip(bytes) {
        return zip_is_slack(bytes);
    }
    let head = head_text(bytes);
    let base = base_name(name);
    if !head.starts_with('[') {
        return companion_kind(base).is_some() && head.starts_with('{');
    }
    // A day file is named for its day; its first message may be longer than the head.
    companion_kind(base).is_some() || is_day_name(base) || content_kind(&head).is_some()
}

/// Reads one file (a zip, a day file or a workspace file) into `dataset`.
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    if is_zip(bytes) {
        return read_zip(file, bytes, dataset);
    }
    let bytes = strip_bom(bytes);
    let head = head_text(bytes);
    let kind = companion_kind(base_name(file))
        .or_else(|| content_kind(&head))
        .unwrap_or(FileKind::Day);
    match kind {
        FileKind::Users => {
            let users = parse_users(file, bytes)?;
            for (id, info) in &users {
                // users.json has the last word on who is a bot.
                let idx = add_person(dataset, id, info, false);
                if let Some(p) = dataset.people.get_mut(idx as usize) {
                    p.is_bot = info.is_bot;
                }
            }
            push_summary(dataset, file, "workspace", 0);
        }
        FileKind::Channels => {
            for channel in parse_channels(file, bytes)? {
                dataset.intern_space(space(&channel.id, &channel.name));
            }
            push_summary(dataset, file, "workspace", 0);
        }
        FileKind::Ignored => push_summary(dataset, file, "workspace", 0),
        FileKind::Day => {
            let folder = loose_folder(file);
            let space = channel_space(dataset, &folder, None);
            let name = space_name(dataset, space);
            let count = read_day(file, bytes, space, None, dataset)?;
            push_summary(dataset, file, &name, count);
        }
    }
    Ok(())
}

fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The first few kilobytes as text, from the first visible character.
fn head_text(bytes: &[u8]) -> String {
    let bytes = strip_bom(bytes);
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or(bytes);
    String::from_utf8_lossy(head).trim_start().to_string()
}

/// The last component of a path, with `/` or `\` as separators.
fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The export's workspace files, by name.
fn companion_kind(base: &str) -> Option<FileKind> {
    match base.to_ascii_lowercase().as_str() {
        "users.json" | "org_users.json" => Some(FileKind::Users),
        "channels.json" | "groups.json" | "mpims.json" | "dms.json" => Some(FileKind::Channels),
        "integration_logs.json" | "canvases.json" => Some(FileKind::Ignored),
        _ => None,
    }
}

/// What an array's first element says the file is, when it says anything Slack.
fn content_kind(head: &str) -> Option<FileKind> {
    if !head.starts_with('[') {
        return None;
    }
    let first = head.get(1..).unwrap_or("").trim_start();
    if !first.starts_with('{') {
        return None;
    }
    if has_key(first, "ts") && has_pair(first, "type", "message") {
        Some(FileKind::Day)
    } else if has_key(first, "is_bot") && has_key(first, "profile") {
        Some(FileKind::Users)
    } else if has_key(first, "id")
        && has_key(first, "created")
        && [
            "members",
            "is_channel",
            "is_mpim",
            "is_im",
            "name_normalized",
        ]
        .iter()
        .any(|k| has_key(first, k))
    {
        Some(FileKind::Channels)
    } else {
        None
    }
}

/// The text holds `"key"` followed by a colon.
fn has_key(text: &str, key: &str) -> bool {
    let quoted = format!("\"{key}\"");
    text.match_indices(&quoted).any(|(at, _)| {
        text.get(at + quoted.len()..)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// The text holds `"key": "value"`, with any spacing.
fn has_pair(text: &str, key: &str, value: &str) -> bool {
    let quoted = format!("\"{key}\"");
    let wanted = format!("\"{value}\"");
    text.match_indices(&quoted).any(|(at, _)| {
        text.get(at + quoted.len()..)
            .and_then(|rest| rest.trim_start().strip_prefix(':'))
            .is_some_and(|rest| rest.trim_start().starts_with(&wanted))
    })
}

/// `YYYY-MM-DD.json`: a day file's name.
fn is_day_name(base: &str) -> bool {
    base.strip_suffix(".json").is_some_and(is_date)
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// Where a day file of a zip goes: the folder holding `YYYY-MM-DD.json`.
fn zip_day_folder(entry: &str) -> Option<&str> {
    if entry.contains("__MACOSX") {
        return None;
    }
    let mut parts = entry.rsplit('/');
    let base = parts.next()?;
    let folder = parts.next().filter(|f| !f.is_empty())?;
    is_day_name(base).then_some(folder)
}

/// A workspace file of a zip: at the top, or under the one folder the zip was made from.
fn zip_companion(entry: &str) -> Option<FileKind> {
    if entry.contains("__MACOSX") || entry.matches('/').count() > 1 {
        return None;
    }
    companion_kind(base_name(entry))
}

fn zip_is_slack(bytes: &[u8]) -> bool {
    let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    let found = archive.file_names().any(|name| {
        zip_day_folder(name).is_some()
            || matches!(
                zip_companion(name),
                Some(FileKind::Users | FileKind::Channels)
            )
    });
    found
}

/// The channel a loose file belongs to: its folder when the name says it is a day file
/// in one; else the file's name without a trailing date; a bare `YYYY-MM-DD.json` goes
/// to the shared space of folderless day files.
fn loose_folder(file: &str) -> String {
    let base = base_name(file);
    let stem = base.strip_suffix(".json").unwrap_or(base);
    if is_date(stem) {
        let mut parts = file.rsplit(['/', '\\']);
        parts.next();
        return match parts.next() {
            Some(folder) if !folder.is_empty() && folder != "." && folder != ".." => {
                folder.to_string()
            }
            _ => LOOSE_SPACE.to_string(),
        };
    }
    let trimmed = match stem
        .len()
        .checked_sub(10)
        .and_then(|at| stem.split_at_checked(at))
    {
        Some((before, date)) if is_date(date) => before.trim_end_matches(['_', '-', ' ', '.']),
        _ => stem,
    };
    if trimmed.is_empty() {
        stem.to_string()
    } else {
        trimmed.to_string()
    }
}

fn space(id: &str, name: &str) -> Space {
    Space {
        id: id.to_string(),
        name: name.to_string(),
        parent: None,
        is_thread: false,
        infer_replies: false,
    }
}

/// Looks like a Slack conversation id (`C…`, `G…`, `D…`).
fn is_channel_id(id: &str) -> bool {
    id.len() >= 7
        && id.starts_with(['C', 'G', 'D'])
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// The space of a channel folder. With the channel known (zip), its id; otherwise a
/// space already loaded for that folder (by id, or a channel of that name), else a new
/// space named after the folder.
fn channel_space(dataset: &mut Dataset, folder: &str, known: Option<&ChannelInfo>) -> SpaceIdx {
    let existing = |id: &str| {
        dataset
            .spaces
            .iter()
            .position(|s| s.id == id)
            .map(|at| at as SpaceIdx)
    };
    if let Some(channel) = known {
        if let Some(at) = existing(&channel.id).or_else(|| existing(folder)) {
            return at;
        }
        return dataset.intern_space(space(&channel.id, &channel.name));
    }
    if let Some(at) = existing(folder) {
        return at;
    }
    if let Some(at) = dataset
        .spaces
        .iter()
        .position(|s| s.name == folder && is_channel_id(&s.id))
    {
        return at as SpaceIdx;
    }
    let name = if folder == LOOSE_SPACE {
        "Slack channel"
    } else {
        folder
    };
    dataset.intern_space(space(folder, name))
}

fn space_name(dataset: &Dataset, space: SpaceIdx) -> String {
    dataset
        .spaces
        .get(space as usize)
        .map(|s| s.name.clone())
        .unwrap_or_default()
}

fn push_summary(dataset: &mut Dataset, file: &str, space: &str, messages: u64) {
    dataset.files.push(FileSummary {
        name: file.to_string(),
        format: "slack",
        space: space.to_string(),
        messages,
    });
}

fn parse_users(file: &str, bytes: &[u8]) -> Result<Vec<(String, UserInfo)>, ImportError> {
    let raw: Vec<RawUser> =
        serde_json::from_slice(strip_bom(bytes)).map_err(|e| json_error::from_serde(file, &e))?;
    Ok(raw
        .iter()
        .map(|u| {
            let profile = u.profile.as_ref();
            let display = first_filled(&[
                profile.and_then(|p| p.display_name.as_deref()),
                profile.and_then(|p| p.real_name.as_deref()),
                u.real_name.as_deref(),
            ]);
            let info = UserInfo {
                name: u.name.as_deref().unwrap_or("").to_string(),
                display: display.to_string(),
                is_bot: u.is_bot.unwrap_or(false) || u.id == SLACKBOT,
            };
            (u.id.to_string(), info)
        })
        .collect())
}

fn parse_channels(file: &str, bytes: &[u8]) -> Result<Vec<ChannelInfo>, ImportError> {
    let raw: Vec<RawChannel> =
        serde_json::from_slice(strip_bom(bytes)).map_err(|e| json_error::from_serde(file, &e))?;
    Ok(raw
        .iter()
        .map(|c| {
            let name = c.name.as_deref().filter(|n| !n.is_empty());
            ChannelInfo {
                id: c.id.to_string(),
                name: name.unwrap_or(&c.id).to_string(),
                members: match name {
                    Some(_) => Vec::new(),
                    None => c.members.iter().flatten().map(|m| m.to_string()).collect(),
                },
            }
        })
        .collect())
}

/// The first non-empty text, else "".
fn first_filled<'s>(candidates: &[Option<&'s str>]) -> &'s str {
    candidates
        .iter()
        .flatten()
        .copied()
        .find(|s| !s.trim().is_empty())
        .unwrap_or("")
}

fn read_zip(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let unreadable = |what: String| ImportError::Shape {
        file: file.to_string(),
        what,
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("the zip cannot be opened ({e})")))?;
    let mut companions: Vec<(usize, FileKind)> = Vec::new();
    let mut days: Vec<(String, String, usize)> = Vec::new();
    for at in 0..archive.len() {
        let Some(name) = archive.name_for_index(at) else {
            continue;
        };
        if let Some(folder) = zip_day_folder(name) {
            days.push((folder.to_string(), name.to_string(), at));
        } else if let Some(kind) = zip_companion(name) {
            companions.push((at, kind));
        }
    }
    if days.is_empty() && companions.is_empty() {
        return Err(unreadable(
            "this zip holds no Slack export (no users.json, channels.json or \
             <channel>/YYYY-MM-DD.json)"
                .into(),
        ));
    }
    let mut entry = |at: usize| -> Result<(String, Vec<u8>), ImportError> {
        let mut f = archive
            .by_index(at)
            .map_err(|e| unreadable(format!("entry {} cannot be read ({e})", at + 1)))?;
        let path = format!("{file}/{}", f.name());
        let mut content = Vec::with_capacity(usize::try_from(f.size()).unwrap_or(0).min(1 << 26));
        f.read_to_end(&mut content)
            .map_err(|e| ImportError::Shape {
                file: path.clone(),
                what: format!("cannot be unpacked ({e})"),
            })?;
        Ok((path, content))
    };
    let mut dir = Directory::default();
    // People first, so direct messages can be named after them.
    companions.sort_by_key(|&(_, kind)| kind != FileKind::Users);
    for &(at, kind) in &companions {
        let (path, content) = entry(at)?;
        match kind {
            FileKind::Users => dir.users.extend(parse_users(&path, &content)?),
            FileKind::Channels => {
                for mut channel in parse_channels(&path, &content)? {
                    if !channel.members.is_empty() {
                        channel.name = members_name(&channel.members, &dir.users);
                    }
                    dir.channels.insert(channel.name.clone(), channel.clone());
                    dir.channels.insert(channel.id.clone(), channel);
                }
            }
            FileKind::Ignored | FileKind::Day => {}
        }
    }
    days.sort();
    let mut total = 0u64;
    let mut channels: Vec<String> = Vec::new();
    for (folder, _, at) in &days {
        let (path, content) = entry(*at)?;
        let space = channel_space(dataset, folder, dir.channels.get(folder.as_str()));
        total += read_day(&path, &content, space, Some(&dir), dataset)?;
        if !channels.contains(folder) {
            channels.push(folder.clone());
        }
    }
    let what = match channels.as_slice() {
        [one] => dir
            .channels
            .get(one)
            .map_or_else(|| one.clone(), |c| c.name.clone()),
        many => format!("{} channels", many.len()),
    };
    push_summary(dataset, file, &what, total);
    Ok(())
}

/// A direct message's name: its members, as `users.json` names them.
fn members_name(members: &[String], users: &HashMap<String, UserInfo>) -> String {
    let mut names: Vec<&str> = Vec::new();
    for id in members {
        let name = users.get(id).map_or(id.as_str(), |u| {
            first_filled(&[Some(u.display.as_str()), Some(u.name.as_str())])
        });
        let name = if name.is_empty() { id.as_str() } else { name };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

/// Reads one day file into `space`; returns how many messages it holds.
fn read_day(
    file: &str,
    bytes: &[u8],
    space: SpaceIdx,
    dir: Option<&Directory>,
    dataset: &mut Dataset,
) -> Result<u64, ImportError> {
    let raw: Vec<RawMessage> =
        serde_json::from_slice(strip_bom(bytes)).map_err(|e| json_error::from_serde(file, &e))?;
    for (number, message) in raw.iter().enumerate() {
        let message = convert(file, number, message, space, dir, dataset)?;
        dataset.push_message(message);
    }
    Ok(raw.len() as u64)
}

fn convert(
    file: &str,
    number: usize,
    raw: &RawMessage,
    space: SpaceIdx,
    dir: Option<&Directory>,
    dataset: &mut Dataset,
) -> Result<Message, ImportError> {
    let time_ms = ts_millis(&raw.ts).ok_or_else(|| ImportError::Shape {
        file: file.to_string(),
        what: format!(
            "message {}: the time stamp \"{}\" is not Slack's seconds.microseconds",
            number + 1,
            raw.ts
        ),
    })?;
    let subtype = raw.subtype.as_deref().filter(|s| !s.is_empty());
    let (author, known_author) = author(raw, dir, dataset);
    let thread_root = raw
        .thread_ts
        .as_deref()
        .or_else(|| {
            raw.root
                .as_ref()
                .filter(|_| subtype == Some("thread_broadcast"))
                .and_then(|r| r.ts.as_deref())
        })
        .filter(|t| !t.is_empty() && *t != raw.ts)
        .map(str::to_string);
    let system = !known_author || subtype.is_some_and(|s| !CONVERSATION.contains(&s));
    let kind = match (system, thread_root.is_some()) {
        (true, _) => MessageKind::System,
        (false, true) => MessageKind::Reply,
        (false, false) => MessageKind::Post,
    };
    let addressee = thread_root.as_ref().and_then(|_| {
        raw.parent_user_id
            .as_deref()
            .or_else(|| raw.root.as_ref().and_then(|r| r.user.as_deref()))
            .filter(|id| !id.is_empty())
            .map(|id| named(dataset, dir, id, ""))
    });
    let text = raw.text.as_deref().unwrap_or("");
    let mut mentions: Vec<PersonIdx> = Vec::new();
    let mut mentioned = |id: &str, hint: &str, dataset: &mut Dataset| {
        let idx = named(dataset, dir, id, hint);
        if !mentions.contains(&idx) {
            mentions.push(idx);
        }
    };
    for (id, hint) in text_mentions(text) {
        mentioned(id, hint, dataset);
    }
    let mut block_users = Vec::new();
    if let Some(blocks) = &raw.blocks {
        collect_block_users(blocks, &mut block_users);
    }
    for id in block_users {
        mentioned(id, "", dataset);
    }
    let reactions = raw
        .reactions
        .iter()
        .flatten()
        .map(|r| reaction(r, dir, dataset))
        .collect();
    let plain = unescape_len(text);
    Ok(Message {
        space,
        id: raw.ts.to_string(),
        author,
        time_ms,
        time_estimated: false,
        kind,
        parent: None,
        thread_root,
        addressee,
        mentions,
        reactions,
        text_len: plain.min(u32::MAX as usize) as u32,
        is_question: text.contains('?'),
    })
}

/// The author of a message, and whether the source names one at all.
///
/// A message by a user is theirs; a bot's message without a user is the bot's (`bot_id`,
/// named by `username` or the bot profile). A user's message carrying a `bot_id` was
/// posted by an app: its author is a bot when `users.json` says so, or, without
/// `users.json`, when the message has no user profile (people's messages have one; an
/// app posting for a person keeps the person's).
fn author(raw: &RawMessage, dir: Option<&Directory>, dataset: &mut Dataset) -> (PersonIdx, bool) {
    let bot_name = first_filled(&[
        raw.username.as_deref(),
        raw.bot_profile.as_ref().and_then(|b| b.name.as_deref()),
    ]);
    let bot_message = raw.subtype.as_deref() == Some("bot_message");
    let Some(user) = raw.user.as_deref().filter(|u| !u.is_empty()) else {
        let id = raw
            .bot_id
            .as_deref()
            .filter(|b| !b.is_empty())
            .unwrap_or(bot_name);
        if id.is_empty() {
            let unknown = UserInfo {
                name: "unknown".into(),
                ..UserInfo::default()
            };
            return (add_person(dataset, "unknown", &unknown, false), false);
        }
        let info = UserInfo {
            name: bot_name.to_string(),
            display: bot_name.to_string(),
            is_bot: true,
        };
        return (add_person(dataset, id, &info, false), true);
    };
    let listed = dir.and_then(|d| d.users.get(user));
    let mut info = listed.cloned().unwrap_or_default();
    let profile = raw.user_profile.as_ref();
    if let Some(p) = profile {
        if info.name.is_empty() {
            info.name = p.name.as_deref().unwrap_or("").to_string();
        }
        let display = first_filled(&[p.display_name.as_deref(), p.real_name.as_deref()]);
        if !display.is_empty() {
            info.display = display.to_string();
        }
    } else if info.name.is_empty() && info.display.is_empty() {
        info.name = bot_name.to_string();
    }
    info.is_bot = match listed {
        Some(l) => l.is_bot || bot_message,
        None => bot_message || user == SLACKBOT || (raw.bot_id.is_some() && profile.is_none()),
    };
    (add_person(dataset, user, &info, profile.is_some()), true)
}

/// A person by id, named from `users.json` when the zip has it, else by `hint`.
fn named(dataset: &mut Dataset, dir: Option<&Directory>, id: &str, hint: &str) -> PersonIdx {
    let info = match dir.and_then(|d| d.users.get(id)) {
        Some(info) => info.clone(),
        None => UserInfo {
            name: hint.to_string(),
            display: String::new(),
            is_bot: id == SLACKBOT,
        },
    };
    add_person(dataset, id, &info, false)
}

/// Interns a person; a name fills one that is missing, and `prefer_display` (a message's
/// own profile, the newest word on a name) replaces the display name.
fn add_person(dataset: &mut Dataset, id: &str, info: &UserInfo, prefer_display: bool) -> PersonIdx {
    let idx = dataset.intern_person(Person {
        id: id.to_string(),
        name: info.name.clone(),
        display_name: info.display.clone(),
        is_bot: info.is_bot,
    });
    if let Some(p) = dataset.people.get_mut(idx as usize) {
        if p.name.is_empty() && !info.name.is_empty() {
            p.name.clone_from(&info.name);
        }
        if prefer_display && !info.display.is_empty() {
            p.display_name.clone_from(&info.display);
        }
    }
    idx
}

fn reaction(raw: &RawReaction, dir: Option<&Directory>, dataset: &mut Dataset) -> Reaction {
    let mut reactors: Vec<PersonIdx> = Vec::new();
    for user in raw.users.iter().flatten().filter(|u| !u.is_empty()) {
        let idx = named(dataset, dir, user, "");
        if !reactors.contains(&idx) {
            reactors.push(idx);
        }
    }
    Reaction {
        emoji: raw.name.as_deref().unwrap_or("").to_string(),
        count: raw.count.unwrap_or(0).max(reactors.len() as u32),
        reactors,
    }
}

/// `"1736554801.872639"` → milliseconds. Digits only; any number of fraction digits.
fn ts_millis(ts: &str) -> Option<i64> {
    let ts = ts.trim();
    let (secs, frac) = ts.split_once('.').unwrap_or((ts, ""));
    if secs.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs: i64 = secs.parse().ok()?;
    let mut ms = 0i64;
    for i in 0..3 {
        let digit = frac.as_bytes().get(i).map_or(0, |b| i64::from(b - b'0'));
        ms = ms * 10 + digit;
    }
    secs.checked_mul(1000)?.checked_add(ms)
}

/// `<@U123>` and `<@U123|name>` in a message's text: (id, name given or "").
fn text_mentions(text: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("<@") {
        rest = rest.get(at + 2..).unwrap_or("");
        let Some(end) = rest.find('>') else { break };
        let inner = rest.get(..end).unwrap_or("");
        let (id, name) = inner.split_once('|').unwrap_or((inner, ""));
        if !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric()) {
            found.push((id, name));
        }
        rest = rest.get(end + 1..).unwrap_or("");
    }
    found
}

/// Every `{"type": "user", "user_id": …}` element, at any depth of the blocks.
fn collect_block_users<'v>(value: &'v Value, out: &mut Vec<&'v str>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_block_users(v, out)),
        Value::Object(map) => {
            if map.get("type").and_then(Value::as_str) == Some("user") {
                if let Some(id) = map.get("user_id").and_then(Value::as_str) {
                    if !id.is_empty() {
                        out.push(id);
                    }
                }
            }
            if let Some(elements) = map.get("elements") {
                collect_block_users(elements, out);
            }
        }
        _ => {}
    }
}

/// Length in characters of Slack's text once `&lt;`, `&gt;` and `&amp;` are undone.
fn unescape_len(text: &str) -> usize {
    let entities = text.matches("&lt;").count() * 3
        + text.matches("&gt;").count() * 3
        + text.matches("&amp;").count() * 4;
    text.chars().count().saturating_sub(entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ts_to_millis() {
        assert_eq!(ts_millis("1736554801.872639"), Some(1_736_554_801_872));
        assert_eq!(ts_millis("1651292573.7973935"), Some(1_651_292_573_797));
        assert_eq!(ts_millis("1651292573.5"), Some(1_651_292_573_500));
        assert_eq!(ts_millis("1651292573"), Some(1_651_292_573_000));
        assert_eq!(ts_millis("soon"), None);
        assert_eq!(ts_millis("12.x"), None);
        assert_eq!(ts_millis(".5"), None);
    }

    #[test]
    fn mentions_in_text() {
        let found = text_mentions("hi <@U1> and <@W2|bo>, not <!here> or <#C1|x> <@ bad> <@U3");
        assert_eq!(found, vec![("U1", ""), ("W2", "bo")]);
    }

    #[test]
    fn mentions_in_nested_blocks() {
        let blocks: Value = serde_json::json!([{"type": "rich_text", "elements": [
            {"type": "rich_text_list", "elements": [
                {"type": "rich_text_section", "elements": [
                    {"type": "user", "user_id": "U1"}, {"type": "text", "text": "x"}]}]},
            {"type": "rich_text_quote", "elements": [{"type": "user", "user_id": "U2"},
                {"type": "broadcast", "range": "here"}]}]}]);
        let mut out = Vec::new();
        collect_block_users(&blocks, &mut out);
        assert_eq!(out, vec!["U1", "U2"]);
    }

    #[test]
    fn loose_files_find_their_channel() {
        assert_eq!(loose_folder("export/general/2024-01-01.json"), "general");
        assert_eq!(loose_folder(r"C:\export\random\2024-01-01.json"), "random");
        assert_eq!(loose_folder("2024-01-01.json"), LOOSE_SPACE);
        assert_eq!(loose_folder("./2024-01-01.json"), LOOSE_SPACE);
        assert_eq!(
            loose_folder("slackdump_B75B4C7_2025-01-11.json"),
            "slackdump_B75B4C7"
        );
        assert_eq!(loose_folder("dump/messages.json"), "messages");
    }

    #[test]
    fn detection_by_shape() {
        let day = br#"[ {"type" : "message", "user": "U1", "text": "hi", "ts": "1.2"} ]"#;
        assert!(detect("anything.json", day));
        assert!(detect("users.json", b"[]"));
        assert!(detect("x/channels.json", b"[{\"id\":\"C1\"}]"));
        assert!(detect(
            "u.json",
            br#"[{"id":"U1","name":"a","profile":{"real_name":"A"},"is_bot":false}]"#
        ));
        assert!(detect(
            "d.json",
            br#"[{"id":"D1","created":1,"members":["U1","U2"]}]"#
        ));
        assert!(!detect("x.json", br#"[{"ts":"1.2","text":"no type"}]"#));
        assert!(!detect("x.json", br#"{"type":"message","ts":"1.2"}"#));
        assert!(!detect("x.json", br#"[{"kind":"Listing","data":{}}]"#));
        assert!(!detect("x.json", b"[1,2]"));
        assert!(!detect("chat.txt", b"12/01/2024, 10:00 - Ann: hi"));
    }

    #[test]
    fn system_and_conversation_subtypes() {
        let day = br#"[
          {"type":"message","subtype":"channel_join","user":"U1","text":"joined","ts":"1.000001"},
          {"type":"message","subtype":"me_message","user":"U1","text":"waves","ts":"2.000001"},
          {"type":"message","subtype":"huddle_thread","user":"U1","text":"","ts":"3.000001"},
          {"type":"message","text":"who wrote this?","ts":"4.000001"}
        ]"#;
        let mut d = Dataset::default();
        assert!(read("c/2024-01-01.json", day, &mut d).is_ok());
        let kinds: Vec<MessageKind> = d.messages.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            vec![
                MessageKind::System,
                MessageKind::Post,
                MessageKind::System,
                MessageKind::System
            ]
        );
    }

    #[test]
    fn bad_ts_names_the_message() {
        let day = br#"[{"type":"message","user":"U1","text":"a","ts":"1.1"},
                      {"type":"message","user":"U1","text":"b","ts":"later"}]"#;
        let err = read("c/2024-01-01.json", day, &mut Dataset::default())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(
            err,
            "c/2024-01-01.json: message 2: the time stamp \"later\" is not Slack's \
             seconds.microseconds"
        );
    }
}
