//! Facebook Messenger JSON ("Download your information", JSON format): each conversation
//! is a folder `messages/inbox/<name>_<id>/` of `message_1.json`, `message_2.json`, …
//!
//! * The files of one conversation share `thread_path`, which is the space id, so loading
//!   all of them merges them into one chat.
//! * Messages are newest first (and `message_1.json` is the newest file). Order does not
//!   matter here: the model keeps times, and reply inference sorts by time.
//! * Every string is mojibake: UTF-8 bytes written as `\u00XX` escapes, one per byte
//!   ("LÃ¸ye" for "Løye"). It is repaired after parsing; files may also start with a BOM.
//! * There are no reply data and no ids. Replies are inferred from timing by the core
//!   (the space has `infer_replies`); a person's id is their name (deleted accounts all
//!   share "Facebook User"); a message's id is its `timestamp_ms` plus its rank among the
//!   file's messages with the same time, so the same message read twice merges.
//! * Mentions are `@Full Name` in the text, matched against the names in the file.

use crate::model::stable_sort::StableSort;
use std::borrow::Cow;
use std::collections::HashMap;

use serde::Deserialize;

use super::json_error;
use crate::import::absent;
use crate::import::error::ImportError;
use crate::model::words::plural;
use crate::model::{Dataset, FileSummary, Message, Person, PersonIdx, Reaction, Space, SpaceIdx};

#[derive(Deserialize)]
struct Thread<'a> {
    #[serde(borrow, default)]
    participants: Vec<Participant<'a>>,
    #[serde(borrow)]
    messages: Vec<RawMessage<'a>>,
    #[serde(borrow, default)]
    title: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    thread_path: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Participant<'a> {
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct RawMessage<'a> {
    #[serde(borrow, default)]
    sender_name: Option<Cow<'a, str>>,
    #[serde(default)]
    timestamp_ms: Option<i64>,
    #[serde(borrow, default)]
    content: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    reactions: Vec<RawReaction<'a>>,
    #[serde(borrow, rename = "type", default)]
    kind: Option<Cow<'a, str>>,
    #[serde(default)]
    is_unsent: bool,
    #[serde(default)]
    call_duration: Option<i64>,
}

#[derive(Deserialize)]
struct RawReaction<'a> {
    #[serde(borrow, default)]
    reaction: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    actor: Option<Cow<'a, str>>,
}

/// True when the bytes look like a Messenger conversation file: an object whose messages
/// have `sender_name` and `timestamp_ms`, or that opens with `participants: [{name}]`
/// and has `messages`.
pub fn detect(_name: &str, bytes: &[u8]) -> bool {
    let head = super::telegram::compact_head(bytes);
    let messages = head.contains("\"sender_name\":") && head.contains("\"timestamp_ms\":");
    let opening =
        head.starts_with("{\"participants\":[{\"name\":") && head.contains("\"messages\":[");
    head.starts_with('{') && (messages || opening)
}

/// Reads one `message_N.json` into `dataset`: one space per conversation.
///
/// A file with no messages adds its conversation and nothing else. Errors name the file
/// with the line and column of JSON that is broken or not shaped like a conversation.
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let thread: Thread =
        serde_json::from_slice(bytes).map_err(|e| json_error::from_serde(file, &e))?;
    let title = thread
        .title
        .as_deref()
        .map(repair)
        .filter(|t| !t.is_empty());
    let path = thread
        .thread_path
        .as_deref()
        .map(repair)
        .filter(|p| !p.is_empty());
    let name = title
        .as_deref()
        .or(path.as_deref())
        .unwrap_or(file)
        .to_string();
    let space = dataset.intern_space(Space {
        id: path
            .as_deref()
            .or(title.as_deref())
            .unwrap_or(file)
            .to_string(),
        name: name.clone(),
        parent: None,
        is_thread: false,
        infer_replies: true,
    });
    let mut names: Vec<String> = thread
        .participants
        .iter()
        .filter_map(|p| p.name.as_deref().map(|n| repair(n).into_owned()))
        .chain(
            thread
                .messages
                .iter()
                .filter_map(|m| m.sender_name.as_deref().map(|n| repair(n).into_owned())),
        )
        .filter(|n| !n.is_empty())
        .collect();
    // Longest first, so "@Ann Lee" is Ann Lee even when someone is called just "Ann".
    names.stable_sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    names.dedup();
    let mut same_time: HashMap<i64, u32> = HashMap::new();
    let mut skipped = 0usize;
    for raw in &thread.messages {
        match convert(raw, space, &names, &mut same_time, dataset) {
            Some(message) => {
                dataset.push_message(message);
            }
            None => skipped += 1,
        }
    }
    if skipped > 0 {
        let what = plural(
            skipped as u64,
            "message without a sender name or a time was skipped",
            "messages without a sender name or a time were skipped",
        );
        dataset.warnings.push(format!("{file}: {what}"));
    }
    dataset.files.push(FileSummary {
        name: file.to_string(),
        format: "messenger",
        space: name,
        messages: thread.messages.len() as u64,
    });
    Ok(())
}

/// One message, or `None` when it has no sender or no time.
fn convert(
    raw: &RawMessage,
    space: SpaceIdx,
    names: &[String],
    same_time: &mut HashMap<i64, u32>,
    dataset: &mut Dataset,
) -> Option<Message> {
    let sender = raw
        .sender_name
        .as_deref()
        .map(repair)
        .filter(|s| !s.is_empty())?;
    let time_ms = raw.timestamp_ms?;
    let rank = same_time.entry(time_ms).or_insert(0);
    let id = format!("{time_ms}-{rank}");
    *rank += 1;
    let author = dataset.intern_person(person(&sender));
    let content = raw.content.as_deref().map(repair).unwrap_or_default();
    // Joins, leaves and calls are notices; an unsent message was withdrawn, so nobody can
    // have answered what it said.
    let notice = matches!(
        raw.kind.as_deref(),
        Some("Subscribe" | "Unsubscribe" | "Call")
    );
    let system = notice || raw.call_duration.is_some() || raw.is_unsent;
    Some(
        Message::new(space, id, author, time_ms)
            .with_notice(system)
            .with_mentions(mentions(&content, names, dataset))
            .with_reactions(reactions(&raw.reactions, dataset))
            .with_text(&content),
    )
}

/// Messenger knows people only by their full name: it is their id too. "Facebook User"
/// stands for every deleted account, so it is a placeholder (docs/METRICS.md §1).
fn person(name: &str) -> Person {
    Person::named(name, name).with_placeholder(absent::is_placeholder(name, name))
}

/// People named as `@Full Name` in the text, each once; at each `@` the longest name wins.
fn mentions(content: &str, names: &[String], dataset: &mut Dataset) -> Vec<PersonIdx> {
    let mut found: Vec<PersonIdx> = Vec::new();
    for (at, _) in content.match_indices('@') {
        let rest = content.get(at + 1..).unwrap_or("");
        if let Some(name) = names.iter().find(|n| rest.starts_with(n.as_str())) {
            let idx = dataset.intern_person(person(name));
            if !found.contains(&idx) {
                found.push(idx);
            }
        }
    }
    found
}

/// Reactions grouped by emoji, each with the people who gave it.
fn reactions(raw: &[RawReaction], dataset: &mut Dataset) -> Vec<Reaction> {
    let mut out: Vec<Reaction> = Vec::new();
    for r in raw {
        let emoji = r
            .reaction
            .as_deref()
            .map(repair)
            .unwrap_or_default()
            .into_owned();
        let actor = r.actor.as_deref().map(repair).filter(|a| !a.is_empty());
        let actor = actor.map(|a| dataset.intern_person(person(&a)));
        let at = match out.iter().position(|x| x.emoji == emoji) {
            Some(at) => at,
            None => {
                out.push(Reaction {
                    emoji,
                    count: 0,
                    reactors: Vec::new(),
                });
                out.len() - 1
            }
        };
        if let Some(reaction) = out.get_mut(at) {
            reaction.count += 1;
            if let Some(a) = actor.filter(|a| !reaction.reactors.contains(a)) {
                reaction.reactors.push(a);
            }
        }
    }
    out
}

/// Undoes Facebook's mojibake: when every character is at most U+00FF, they are the bytes
/// of a UTF-8 string; decode them. Text that is not mojibake (a character above U+00FF,
/// or bytes that are not UTF-8, such as a real "é" alone) is kept as it is.
fn repair(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let bytes: Option<Vec<u8>> = s.chars().map(|c| u8::try_from(c).ok()).collect();
    match bytes.and_then(|b| String::from_utf8(b).ok()) {
        Some(fixed) => Cow::Owned(fixed),
        None => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MessageKind;

    /// Newest first, mojibake names and emoji, a reaction, a mention, a call notice.
    const CHAT: &str = "\u{feff}{\"participants\":[{\"name\":\"L\\u00c3\\u00b8ye\"},\
         {\"name\":\"Bo\"},{\"name\":\"Bo Kim\"}],
      \"messages\":[
        {\"sender_name\":\"Bo\",\"timestamp_ms\":3000,\
         \"content\":\"thanks @L\\u00c3\\u00b8ye and @Bo Kim?\"},
        {\"sender_name\":\"Bo\",\"timestamp_ms\":2000,\
         \"content\":\"You called L\\u00c3\\u00b8ye.\",\"type\":\"Call\",\"call_duration\":5},
        {\"sender_name\":\"L\\u00c3\\u00b8ye\",\"timestamp_ms\":1000,\
         \"content\":\"hej \\u00f0\\u009f\\u0098\\u0080\",
         \"reactions\":[{\"reaction\":\"\\u00e2\\u009d\\u00a4\",\"actor\":\"Bo\"},\
         {\"reaction\":\"\\u00e2\\u009d\\u00a4\",\"actor\":\"Bo Kim\"}]},
        {\"sender_name\":\"Bo\",\"timestamp_ms\":1000,\"content\":\"same ms\"},
        {\"timestamp_ms\":500,\"content\":\"no sender\"}
      ],\"title\":\"Friends\",\"thread_path\":\"inbox/friends_123\"}";

    fn load(text: &str) -> Result<Dataset, ImportError> {
        let mut d = Dataset::default();
        read("message_1.json", text.as_bytes(), &mut d).map(|()| d)
    }

    #[test]
    fn repairs_text_and_reads_messages() {
        let d = load(CHAT).unwrap_or_default();
        let m = &d.messages;
        assert_eq!(m.len(), 4, "the message with no sender is skipped");
        assert_eq!(d.display(m[2].author), "Løye");
        assert_eq!(
            m[2].text_len, 5,
            "\"hej 😀\" is five characters once repaired, not 8 bytes"
        );
        assert_eq!(m[2].reactions.len(), 1);
        assert_eq!(
            (m[2].reactions[0].emoji.as_str(), m[2].reactions[0].count),
            ("❤", 2)
        );
        assert_eq!(m[1].kind, MessageKind::System);
        let named: Vec<&str> = m[0].mentions.iter().map(|&p| d.display(p)).collect();
        assert_eq!(named, vec!["Løye", "Bo Kim"], "the longest name wins");
        assert!(m[0].is_question);
        assert_eq!((m[2].id.as_str(), m[3].id.as_str()), ("1000-0", "1000-1"));
        assert!(d.spaces[0].infer_replies);
        assert_eq!(d.spaces[0].id, "inbox/friends_123");
        assert_eq!(d.files[0].space, "Friends");
        assert_eq!(d.files[0].messages, 5);
        assert!(d
            .warnings
            .iter()
            .any(|w| w.starts_with("message_1.json: 1 message without")));
    }

    #[test]
    fn two_files_of_one_chat_merge() {
        let mut d = Dataset::default();
        let older = CHAT.replace("3000", "9000");
        let ok = read("message_1.json", CHAT.as_bytes(), &mut d)
            .and_then(|()| read("message_2.json", older.as_bytes(), &mut d));
        assert!(ok.is_ok());
        assert_eq!(d.spaces.len(), 1);
        assert_eq!(d.messages.len(), 5, "only the 9000 message is new");
    }

    #[test]
    fn repair_leaves_real_text_alone() {
        assert_eq!(
            repair("caf\u{e9}"),
            "caf\u{e9}",
            "a lone é is not UTF-8 bytes"
        );
        assert_eq!(repair("L\u{c3}\u{b8}ye"), "Løye");
        assert_eq!(repair("Løye ✓"), "Løye ✓");
        assert_eq!(repair("plain"), "plain");
    }

    #[test]
    fn errors_name_the_file_and_position() {
        let cut = CHAT.get(..120).unwrap_or("");
        let err = load(cut).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.starts_with("message_1.json: line "), "{err}");
        let err = load("{\"participants\":[]}").err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("missing field `messages`")));
    }

    #[test]
    fn detection() {
        assert!(detect("m.json", CHAT.as_bytes()));
        assert!(detect(
            "m.json",
            b"{\"participants\":[{\"name\":\"A\"}],\"messages\":[]}"
        ));
        assert!(!detect(
            "m.json",
            b"{\"guild\":{},\"channel\":{},\"messages\":[]}"
        ));
        assert!(!detect(
            "m.json",
            b"{\"name\":\"A\",\"type\":\"personal_chat\",\"id\":1,\"messages\":[]}"
        ));
        assert!(!detect("m.json", b""));
    }
}
