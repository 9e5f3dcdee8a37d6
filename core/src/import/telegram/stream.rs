//! Reads a Telegram chat export (`{name, type, id, messages}`) message by message, so a
//! 1 GB `result.json` never exists in memory as a whole: each element of `messages` is
//! parsed in place in a [`JsonWindow`] (strings borrowed from the window's bytes),
//! converted into the model and dropped before the next one is read. The chat's
//! `@username` mentions wait for its last message ([`ChatReader::finish`]); the file is
//! never read twice.
//!
//! Only the shape [`streams`] accepts is read here; every error is serde_json's sentence
//! at the file's line and column, as when the file is read whole (`whole.rs`).

use std::borrow::Cow;

use super::chat::ChatReader;
use super::raw::{Account, ChatList, Header, Id, Personal, RawMessage};
use super::syntax::{not_json, wrong_after_key};
use super::Tally;
use crate::import::error::ImportError;
use crate::import::fed::Fed;
use crate::import::json_scan::{Cursor, Stop};
use crate::import::json_window::{FromWindow, JsonWindow, Skipped};
use crate::model::Dataset;

/// Whether a file starting with `head` (a BOM allowed) is a chat export whose `name`,
/// `type` (strings; the name may be `null`) and `id` all come before its `messages` array, each once, as
/// Telegram Desktop writes them (`name` may be missing for Saved Messages and Replies, which have none).
///
/// Only the first 64 KiB are looked at. Any other shape, the full-account export among
/// them, is read whole: a chat's messages cannot be stored before its id is known.
pub(super) fn streams(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let head = head.get(..head.len().min(64 * 1024)).unwrap_or(head);
    let mut seen = [false; 3];
    let mut unnamed = false;
    let mut array = false;
    let mut cursor = Cursor::new(head);
    // The walk stops at `messages` (or at anything unsure) with an error by design.
    let _stopped = cursor.members(|cursor, key| {
        let slot = match key {
            b"messages" => {
                array = cursor.peek() == Ok(b'[');
                return Err(Stop::Unsure);
            }
            b"name" => 0,
            b"type" => 1,
            b"id" => 2,
            _ => return cursor.skip(),
        };
        match seen.get_mut(slot) {
            Some(seen) if !*seen => *seen = true,
            _ => return Err(Stop::Unsure),
        }
        match slot {
            0 if cursor.null()? => Ok(()),
            0 => cursor.string().map(drop),
            1 => {
                unnamed = matches!(cursor.string()?.as_ref(), "saved_messages" | "replies");
                Ok(())
            }
            _ => cursor.skip(),
        }
    });
    let [name, kind, id] = seen;
    array && kind && id && (name || unnamed)
}

struct Key;
impl FromWindow for Key {
    type Of<'a> = Cow<'a, str>;
}
struct IdValue;
impl FromWindow for IdValue {
    type Of<'a> = Option<Id<'a>>;
}
struct MessageValue;
impl FromWindow for MessageValue {
    type Of<'a> = RawMessage<'a>;
}
struct PersonalValue;
impl FromWindow for PersonalValue {
    type Of<'a> = Option<Personal<'a>>;
}
struct ListValue;
impl FromWindow for ListValue {
    type Of<'a> = Option<ChatList<'a>>;
}

/// The top-level keys read; the others are skipped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Type,
    Id,
    Messages,
    Personal,
    Contacts,
    Chats,
    Other,
}

impl Field {
    /// The key as written (`chats` for both lists of chats; empty for the others).
    fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Type => "type",
            Field::Id => "id",
            Field::Messages => "messages",
            Field::Personal => "personal_information",
            Field::Contacts => "frequent_contacts",
            Field::Chats => "chats",
            Field::Other => "",
        }
    }

    fn of(key: &str) -> Field {
        match key {
            "name" => Field::Name,
            "type" => Field::Type,
            "id" => Field::Id,
            "messages" => Field::Messages,
            "personal_information" => Field::Personal,
            "frequent_contacts" => Field::Contacts,
            "chats" | "left_chats" => Field::Chats,
            _ => Field::Other,
        }
    }
}

/// The chat as read so far.
struct Walk<'f, 'd> {
    file: &'f str,
    dataset: &'d mut Dataset,
    tally: Tally,
    header: Header,
    account: Account,
    /// The chat, from its `messages` on, and the name its file is summed up by.
    chat: Option<(ChatReader<'f>, String)>,
    /// Keys of the chat header read, so that one given twice fails as serde_json fails.
    seen: Vec<Field>,
}

/// Reads one chat export from `reader` (a leading BOM already skipped) into `dataset`,
/// adding one to `counted` per message read; the chat's name and the file's counts, or
/// the first error (a sentence naming the file and the position).
///
/// The reader is taken as `dyn Fed` so that the walk is compiled once for bytes in memory
/// and for streams alike: each generic copy cost the page's wasm a few KB, and a virtual
/// call per read of at least 1 MiB costs nothing measurable.
pub(super) async fn read_export(
    file: &str,
    reader: &mut dyn Fed,
    dataset: &mut Dataset,
    counted: &std::cell::Cell<u64>,
) -> Result<(String, Tally), ImportError> {
    read_window(JsonWindow::new(file, reader), dataset, counted).await
}

/// [`read_export`] from `window`.
async fn read_window<R: Fed>(
    mut window: JsonWindow<'_, R>,
    dataset: &mut Dataset,
    counted: &std::cell::Cell<u64>,
) -> Result<(String, Tally), ImportError> {
    let mut walk = Walk {
        file: window.file(),
        dataset,
        tally: Tally::default(),
        header: Header::default(),
        account: Account::default(),
        chat: None,
        seen: Vec::new(),
    };
    match window.peek().await? {
        Some(b'{') => window.consume(1),
        found => return Err(not_json(&window, found, "expected a chat export object")),
    }
    walk.members(&mut window, counted).await?;
    if let Some(found) = window.peek().await? {
        return Err(not_json(&window, Some(found), "trailing characters"));
    }
    let Some((reader, space)) = walk.chat.take() else {
        return Err(ImportError::Shape {
            file: walk.file.to_string(),
            what: super::NO_CHAT.into(),
        });
    };
    reader.finish(walk.account.me.as_ref(), walk.dataset, &mut walk.tally);
    Ok((space, walk.tally))
}

impl Walk<'_, '_> {
    /// The top-level object's members, after its `{` up to and including its `}`.
    async fn members<R: Fed>(
        &mut self,
        window: &mut JsonWindow<'_, R>,
        counted: &std::cell::Cell<u64>,
    ) -> Result<(), ImportError> {
        if window.peek().await? == Some(b'}') {
            window.consume(1);
            return Ok(());
        }
        loop {
            match window.peek().await? {
                Some(b'"') => {}
                found => return Err(not_json(window, found, "key must be a string")),
            }
            let Some(field) = window.next::<Key, _>(|key| Field::of(&key)).await? else {
                return Err(not_json(window, None, ""));
            };
            self.no_second(window, field)?;
            match window.peek().await? {
                Some(b':') => window.consume(1),
                found => return Err(not_json(window, found, "expected `:`")),
            }
            self.value(window, field, counted).await?;
            match window.peek().await? {
                Some(b',') => window.consume(1),
                Some(b'}') => {
                    window.consume(1);
                    return Ok(());
                }
                found => return Err(not_json(window, found, "expected `,` or `}`")),
            }
            match window.peek().await? {
                Some(b'"') => {}
                Some(b'}') => return Err(not_json(window, Some(b'}'), "trailing comma")),
                found => return Err(not_json(window, found, "key must be a string")),
            }
        }
    }

    /// Fails on a key of the chat read twice, as serde_json does (just after the key).
    fn no_second<R: Fed>(
        &mut self,
        window: &JsonWindow<'_, R>,
        field: Field,
    ) -> Result<(), ImportError> {
        if field == Field::Other || field == Field::Chats {
            return Ok(());
        }
        if self.seen.contains(&field) {
            let what = format!("duplicate field `{}`", field.key());
            return Err(wrong_after_key(window, &what));
        }
        self.seen.push(field);
        Ok(())
    }

    /// Reads the value of `field`, the window just past its `:`.
    async fn value<R: Fed>(
        &mut self,
        window: &mut JsonWindow<'_, R>,
        field: Field,
        counted: &std::cell::Cell<u64>,
    ) -> Result<(), ImportError> {
        let read = match field {
            // One parse for the three (each copy of it costs the page's wasm): `streams`
            // made sure the name and type are strings.
            Field::Name | Field::Type | Field::Id => window
                .next::<IdValue, _>(|id| id.map(|id| id.to_owned()))
                .await?
                .map(|value| self.header.set(field.key(), value)),
            Field::Personal => {
                window
                    .next::<PersonalValue, _>(|p| {
                        self.account.me = p.as_ref().and_then(Account::me_of);
                    })
                    .await?
            }
            // Another shape's chats are read (and checked) as the whole file would be.
            Field::Contacts | Field::Chats => window
                .next::<ListValue, _>(|list| list.as_ref().map(Account::bots_of))
                .await?
                .map(|bots| {
                    if field == Field::Contacts {
                        self.account.bots = bots.unwrap_or_default();
                    }
                }),
            Field::Other => window.next::<Skipped, _>(|_| ()).await?,
            Field::Messages => return self.messages(window, counted).await,
        };
        read.ok_or_else(|| not_json(window, None, ""))
    }

    /// The `messages` array, one element at a time (`streams` made sure it is one).
    async fn messages<R: Fed>(
        &mut self,
        window: &mut JsonWindow<'_, R>,
        counted: &std::cell::Cell<u64>,
    ) -> Result<(), ImportError> {
        match window.peek().await? {
            Some(b'[') => window.consume(1),
            found => return Err(not_json(window, found, "expected `[`")),
        }
        let Walk {
            file,
            dataset,
            tally,
            header,
            account,
            ..
        } = self;
        let mut chat = ChatReader::start(file, header, &account.bots, None, dataset, tally);
        let space = header.shown_name();
        if window.peek().await? == Some(b']') {
            window.consume(1);
            self.chat = Some((chat, space));
            return Ok(());
        }
        loop {
            let added = window
                .next::<MessageValue, _>(|raw| chat.add(&raw, dataset, tally))
                .await?;
            match added {
                Some(added) => added?,
                None => return Err(not_json(window, None, "")),
            }
            counted.set(counted.get().saturating_add(1));
            match window.peek().await? {
                Some(b',') => window.consume(1),
                Some(b']') => {
                    window.consume(1);
                    self.chat = Some((chat, space));
                    return Ok(());
                }
                found => return Err(not_json(window, found, "expected `,` or `]`")),
            }
            if window.peek().await? == Some(b']') {
                return Err(not_json(window, Some(b']'), "trailing comma"));
            }
        }
    }
}

#[cfg(test)]
mod tests;
