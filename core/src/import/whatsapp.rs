//! WhatsApp chat export: the `.txt` ("Export chat" → "Without media"), or the `.zip`
//! holding `_chat.txt` / `WhatsApp Chat with X.txt` and the media.
//!
//! Every message starts with a header line (`12/9/20, 23:55 - Alice: hi`, see
//! [`header`]); any other line continues the message above it. The export has no message
//! ids, no reply or reaction data and no user ids: a person's id is the sender's name or
//! number as the exporting phone wrote it, and replies are inferred from timing by the
//! core (the space is flagged `infer_replies`, docs/METRICS.md §2).
//!
//! **Space id = the file name without its extension** (for a zip, the zip's name), so two
//! exports of the same chat merge only when they carry the same name; parts given under
//! different names stay separate chats. Message ids are built from time, sender and the
//! count of that sender's earlier messages in the same minute (or second), so a later
//! export of the same chat under the same name merges with the earlier one.

mod archive;
mod header;
mod lines;
mod mentions;
mod repeats;
mod text;

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use crate::import::error::ImportError;
use crate::import::INFERRED_REPLIES;
use crate::model::words::plural;
use crate::model::{Dataset, FileSummary, Message, MessageId, Person, PersonIdx, Space};
use header::normalise;
use mentions::{Senders, Tally, MAX_MENTIONS_PER_MESSAGE};
use repeats::Repeats;
use text::Content;

/// How much of a file detection looks at.
const SNIFF: usize = 8192;
/// The author of notices (joins, renames, the encryption notice); never a participant,
/// since its messages are all system messages.
const SYSTEM_ID: &str = "(system)";

/// True when the first non-blank line (invisible marks aside) is a WhatsApp header, or
/// for a zip, when a `.txt` inside starts that way. Looks at the first 8 KB.
pub fn detect(_name: &str, bytes: &[u8]) -> bool {
    if bytes.starts_with(b"PK\x03\x04") {
        return archive::holds_chat(bytes);
    }
    let head = bytes.get(..bytes.len().min(SNIFF)).unwrap_or(bytes);
    starts_like_chat(&String::from_utf8_lossy(head))
}

/// The first non-blank line is a header.
fn starts_like_chat(text: &str) -> bool {
    lines::split(text)
        .map(|l| normalise(l).0)
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| header::parse(&l).is_some())
}

/// Reads one `.txt` or `.zip` into `dataset`.
///
/// Errors name the file (and the entry inside a zip) with the line and column of a
/// header whose date or time is impossible, or of bytes that are not UTF-8. Empty text,
/// or text with no header line at all, is an error at line 1.
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return archive::read(file, bytes, dataset);
    }
    read_chat(file, &stem(file), utf8(file, bytes)?, dataset)
}

/// The file's name without folders and extension: the chat's space id.
fn stem(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match base.rfind('.') {
        Some(dot) if dot > 0 => base.get(..dot).unwrap_or(base).to_string(),
        _ => base.to_string(),
    }
}

fn utf8<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, ImportError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let tail = String::from_utf8_lossy(good.get(start..).unwrap_or_default());
        ImportError::Syntax {
            file: file.to_string(),
            line: good.iter().filter(|&&b| b == b'\n').count() + 1,
            column: tail.chars().count() + 1,
            what: "this is not UTF-8 text, which WhatsApp exports are; export the chat again"
                .into(),
        }
    })
}

/// Reads one chat's text as the space `space` (see the module doc for why the file name).
///
/// Reads the text in passes (the header shape, the date order, every time and the
/// senders, then the messages) instead of holding every message between them: a big
/// chat then costs its messages in the model, not several copies on the way.
fn read_chat(
    file: &str,
    space: &str,
    text: &str,
    dataset: &mut Dataset,
) -> Result<(), ImportError> {
    let shape = lines::shape(file, text)?;
    let all = || lines::entries(text, shape);
    let (order, guessed) = header::infer_order(all().map(|e| e.header));
    // Every time is checked before anything is added, so a chat with an impossible date
    // adds nothing.
    let (mut names, mut seen): (Vec<String>, HashSet<String>) = (Vec::new(), HashSet::new());
    let mut entries = all();
    let mut count = 0usize;
    for e in entries.by_ref() {
        lines::time(file, &e, order)?;
        if let Content::Said { author, .. } = text::classify(&e.body, e.marked) {
            crate::model::work::add(1);
            if !seen.contains(author) {
                seen.insert(author.to_string());
                names.push(author.to_string());
            }
        }
        count += 1;
    }
    let before = entries.before;
    let space_idx = dataset.intern_space(Space {
        id: space.to_string(),
        name: chat_name(space),
        parent: None,
        is_thread: false,
        infer_replies: true,
    });
    // Room for the messages in one go: growing by doubling briefly holds two copies.
    dataset.messages.reserve(count);
    let senders: Vec<&str> = names.iter().map(String::as_str).collect();
    let tally = push_all(space_idx, all(), order, &senders, dataset);
    mention_warnings(file, &tally, &mut dataset.warnings);
    let year_first = all().next().is_some_and(|e| e.header.year_first());
    let guessed = guessed.then_some(order.pattern(year_first));
    finish(file, space, count, (before, guessed), dataset);
    Ok(())
}

/// Adds the messages of one chat, whose times were checked, from `senders` (in order of
/// first appearance). Ids are `time/person/k` (the sender's index among the people, k
/// counting the sender's earlier messages at the same time), so re-exports of a chat
/// merge; the index rather than the name keeps most ids short enough for the allocator's
/// smallest block. Returns what the mention budgets left unread.
fn push_all<'a>(
    space: u32,
    entries: impl Iterator<Item = lines::Entry<'a>>,
    order: header::Order,
    senders: &[&str],
    dataset: &mut Dataset,
) -> Tally {
    let people: HashMap<&str, PersonIdx> = senders
        .iter()
        .map(|&name| (name, dataset.intern_person(person(name))))
        .collect();
    let by_index: Vec<PersonIdx> = senders
        .iter()
        .filter_map(|name| people.get(name).copied())
        .collect();
    let index = Senders::new(senders);
    let mut tally = Tally::default();
    // Per (time, author; WhatsApp's own person for its notices): messages so far.
    let mut repeats = Repeats::new(dataset);
    // One buffer for every id: each is copied into its message (see `MessageId`).
    let mut id = String::new();
    for e in entries {
        let ms = e.header.millis(order).unwrap_or_default();
        let message = match text::classify(&e.body, e.marked) {
            Content::System => system_message(space, ms, dataset),
            Content::Said { author, text } => {
                let who = people.get(author).copied().unwrap_or_default();
                let mentions = index
                    .mentions(text, &mut tally)
                    .into_iter()
                    .filter_map(|i| by_index.get(i).copied())
                    .collect();
                said(space, ms, who, text, mentions)
            }
        };
        let author = message.author;
        let k = repeats.next(ms, author, dataset);
        id.clear();
        // Writing to a String cannot fail.
        let _ = write!(id, "{ms}/{author}/{k}");
        let added = dataset.push_message(Message {
            id: MessageId::from(id.as_str()),
            ..message
        });
        if !added {
            repeats.merged(ms, author);
        }
    }
    tally
}

/// The warnings for `@` signs the mention budgets left unread (none when all were read).
fn mention_warnings(file: &str, tally: &Tally, warnings: &mut Vec<String>) {
    if tally.past_message_cap > 0 {
        warnings.push(format!(
            "{file}: {} messages hold more than {MAX_MENTIONS_PER_MESSAGE} @ signs; the {} \
             past that were not read as mentions.",
            tally.capped_messages, tally.past_message_cap
        ));
    }
    if tally.past_budget > 0 {
        warnings.push(format!(
            "{file}: finding who the @ signs name took too long; the last {} were not read \
             as mentions.",
            tally.past_budget
        ));
    }
}

/// WhatsApp knows people only by the name the phone shows: it is their id too.
fn person(name: &str) -> Person {
    Person::named(name, name)
}

fn said(space: u32, ms: i64, author: PersonIdx, text: &str, mentions: Vec<PersonIdx>) -> Message {
    // A message edited since 2023 carries this suffix; it is not part of what was said.
    let text = text
        .trim_end()
        .trim_end_matches("<This message was edited>")
        .trim();
    Message::new(space, String::new(), author, ms)
        .with_time_estimated(true)
        .with_mentions(mentions)
        .with_text(text)
}

fn system_message(space: u32, ms: i64, dataset: &mut Dataset) -> Message {
    let author = person(SYSTEM_ID).with_display_name("WhatsApp");
    said(space, ms, dataset.intern_person(author), "", Vec::new()).with_notice(true)
}

/// The chat's name as people know it: the export names it "WhatsApp Chat with X".
fn chat_name(stem: &str) -> String {
    let base = stem.rsplit('/').next().unwrap_or(stem);
    ["WhatsApp Chat with ", "WhatsApp Chat - "]
        .iter()
        .find_map(|p| base.strip_prefix(p))
        .unwrap_or(base)
        .to_string()
}

/// Records the file and the warnings every WhatsApp chat needs.
fn finish(
    file: &str,
    space: &str,
    messages: usize,
    (skipped, guessed): (usize, Option<&str>),
    dataset: &mut Dataset,
) {
    dataset.files.push(FileSummary {
        name: file.to_string(),
        format: "whatsapp",
        space: chat_name(space),
        messages: messages as u64,
    });
    let w = &mut dataset.warnings;
    if skipped > 0 {
        let what = plural(
            skipped as u64,
            "line before the first message was skipped.",
            "lines before the first message were skipped.",
        );
        w.push(format!("{file}: {what}"));
    }
    if let Some(pattern) = guessed {
        w.push(format!(
            "{file}: no date shows whether the day or the month comes first; they were read as \
             {pattern}, the order in which the messages run most nearly in time order."
        ));
    }
    w.push(format!(
        "{file}: WhatsApp writes local times with no time zone; they were read as UTC."
    ));
    w.push(format!(
        "{file}: WhatsApp does not record who answers whom, so {INFERRED_REPLIES}"
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MessageKind;

    pub(super) const CHAT: &str = "\u{FEFF}12/9/20, 23:16 - Alice created group \"Hikes\"\r\n\
        12/9/20, 23:55 - Alice: first line\r\n\
        10.11.2020 12.30 - see you there\r\n\
        13/9/20, 08:00 - Bob: <Media omitted>\r\n\
        13/9/20, 08:01 - Alice: @Bob where? <This message was edited>\r\n\
        13/9/20, 08:01 - Alice: and when";

    fn load(name: &str, bytes: &[u8]) -> Result<Dataset, ImportError> {
        let mut d = Dataset::default();
        read(name, bytes, &mut d).map(|()| d)
    }

    #[test]
    fn messages_notices_continuations_and_mentions() {
        let d = load("exports/Hikes.txt", CHAT.as_bytes()).unwrap_or_default();
        let kinds: Vec<MessageKind> = d.messages.iter().map(|m| m.kind).collect();
        use MessageKind::{Post, System};
        assert_eq!(kinds, [System, Post, Post, Post, Post]);
        let first = &d.messages[1];
        assert_eq!(
            first.text_len, 43,
            "a line of another shape continues the message"
        );
        assert!(first.time_estimated);
        assert_eq!(d.messages[3].mentions, [d.messages[2].author].into());
        assert!(d.messages[3].is_question);
        assert_eq!(d.messages[3].text_len, 11, "the edit note is dropped");
        assert_eq!(
            d.messages[3].id,
            format!("1599984060000/{}/0", d.messages[3].author)
        );
        assert_eq!(
            d.messages[4].id,
            format!("1599984060000/{}/1", d.messages[3].author)
        );
        assert_eq!(d.spaces[0].id, "Hikes");
        assert!(d.spaces[0].infer_replies);
        assert_eq!(d.files[0].messages, 5);
        assert!(d.warnings.iter().any(|w| w.contains("read as UTC")));
        assert!(d.warnings.iter().any(|w| w.contains("inferred")));
    }

    #[test]
    fn the_same_chat_twice_merges() {
        let mut d = Dataset::default();
        assert!(read("a/Hikes.txt", CHAT.as_bytes(), &mut d).is_ok());
        assert!(read("b/Hikes.txt", CHAT.as_bytes(), &mut d).is_ok());
        assert_eq!(d.messages.len(), 5);
        assert!(read("Hikes part 2.txt", CHAT.as_bytes(), &mut d).is_ok());
        assert_eq!(d.messages.len(), 10, "another name is another chat");
    }

    #[test]
    fn bad_input_names_the_position() {
        let err = load("c.txt", b"1/1/21, 10:00 - a: b\n1/1/21, 10:01 - a: \xFF").err();
        assert_eq!(
            err.map(|e| e.to_string()).as_deref(),
            Some(
                "c.txt: line 2, column 20: this is not UTF-8 text, which WhatsApp exports are; \
                 export the chat again"
            )
        );
        let err = load("c.txt", b"hello\nworld").err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.starts_with("c.txt: line 1, column 1: no line starts like")));
        let d = load("c.txt", b"junk\n\n1/1/21, 10:00 - a: b").unwrap_or_default();
        assert!(d
            .warnings
            .iter()
            .any(|w| w == "c.txt: 1 line before the first message was skipped."));
    }

    #[test]
    fn detection() {
        assert!(detect("c.txt", CHAT.as_bytes()));
        assert!(detect(
            "c.txt",
            "\u{200E}[15/01/20 02:22:56] Mary: hi".as_bytes()
        ));
        assert!(!detect("c.txt", b"{\"messages\": []}"));
        assert!(!detect(
            "c.csv",
            b"id,author,time\n1,ann,2024-01-01T00:00:00Z"
        ));
        assert!(!detect("c.txt", b"  12/01/2024, 10:00 - Ann: hi"));
    }
}
