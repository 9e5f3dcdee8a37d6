//! A `result.json` parsed whole by serde_json: the full-account export, and a chat export
//! whose name, type or id come after its messages (Telegram Desktop writes them first).
//!
//! Why these are not streamed: an account export's chats sit two levels down
//! (`chats.list[].messages`) after the sections that say who the exporter and their bots
//! are, and a chat cannot be read before its id is known (every message id is stored
//! under it). Held whole, such a file costs about 4 bytes of memory per byte (the bytes
//! and every raw message at once; docs/LIMITS.md).

use std::collections::HashSet;

use super::chat::{add_names, ChatReader, Known};
use super::raw::{Account, Chat, Header, Root};
use super::text::Names;
use super::Tally;
use crate::import::error::ImportError;
use crate::import::json_error;
use crate::model::Dataset;

/// Reads `bytes` (without a BOM) whole into `dataset`; the file's summary name for its
/// space (the chat's, or "N chats"), or a sentence naming the file and the position.
pub(super) fn read(
    file: &str,
    bytes: &[u8],
    dataset: &mut Dataset,
    tally: &mut Tally,
) -> Result<String, ImportError> {
    let root: Root = serde_json::from_slice(bytes).map_err(|e| json_error::from_serde(file, &e))?;
    let account = Account::of(&root);
    if let Some(messages) = root.messages {
        let chat = Chat {
            name: root.name,
            kind: root.kind,
            id: root.id,
            category: None,
            messages,
        };
        read_chat(file, &chat, &account, dataset, tally)?;
        return Ok(Header::of(&chat).shown_name());
    }
    if root.chats.is_none() && root.left_chats.is_none() {
        return Err(ImportError::Shape {
            file: file.to_string(),
            what: super::NO_CHAT.into(),
        });
    }
    let lists = root.chats.iter().chain(&root.left_chats);
    for chat in lists.flat_map(|l| &l.list) {
        read_chat(file, chat, &account, dataset, tally)?;
    }
    Ok(format!("{} chats", tally.chats))
}

/// Reads one chat into its own space, its names and topics known before its messages.
fn read_chat(
    file: &str,
    chat: &Chat,
    account: &Account,
    dataset: &mut Dataset,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    let known = Known {
        names: names_of(chat, account),
        topics: chat
            .messages
            .iter()
            .filter(|m| m.action.as_deref() == Some("topic_created"))
            .map(|m| m.id.text())
            .collect::<HashSet<_>>(),
    };
    let header = Header::of(chat);
    let mut reader = ChatReader::start(file, &header, &account.bots, Some(known), dataset, tally);
    for raw in &chat.messages {
        reader.add(raw, dataset, tally)?;
    }
    reader.finish(account.me.as_ref(), dataset, tally);
    Ok(())
}

/// Everyone the chat shows by name, plus the exporter, for matching `@username` text.
fn names_of(chat: &Chat, account: &Account) -> Names {
    let mut names = Names::default();
    for m in &chat.messages {
        add_names(&mut names, m);
    }
    if let Some((id, handle, name)) = &account.me {
        names.add(id.clone(), name);
        names.claim(handle, id, name);
    }
    names
}
