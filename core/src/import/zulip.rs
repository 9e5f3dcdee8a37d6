//! Zulip: REST answers of `GET /api/v1/messages` (rendered HTML or Markdown), and the
//! organisation export — its `messages-NNNNNN.json` shards with `realm.json`, loose or
//! zipped. A topic archive's list of messages is read like a REST answer; its index
//! (`stream_index.json`) and the export's `.tar.gz` are refused, saying what to pick.
//!
//! Zulip records no reply pointer. A conversation is a (stream, topic) pair: each topic is
//! a space that infers its replies from timing as WhatsApp's chats do (docs/METRICS.md
//! §2), under its stream's space ([`spaces`]). A quote-reply ("Quote and reply") answers
//! the quoted message or person; `@**Name**` names a person ([`content`], [`messages`]).
//! Direct messages are read too, one space per conversation. Bots are the senders whose
//! address ends `-bot@…` or whom `realm.json` marks; Notification Bot's and Welcome Bot's
//! messages are notices. `realm.json`'s owners and administrators are host hints.
//!
//! One concept a file: `sniff` (what a file is), `raw` (the serde shape), `rest` and
//! `export` (the two message files), `realm`, `archive` (the zip), `people`, `spaces`,
//! `content` (quotes and mentions in the text) and `messages` (into the model).

mod archive;
mod content;
mod export;
mod messages;
mod people;
mod raw;
mod realm;
mod rest;
mod sniff;
mod spaces;

use std::collections::BTreeSet;

use crate::import::error::ImportError;
use crate::import::INFERRED_REPLIES;
use crate::model::words::plural;
use crate::model::{Dataset, FileSummary};
use messages::Tally;
use sniff::FileKind;

/// True for a Zulip file: a REST answer or topic archive list (message objects with
/// `sender_full_name` and a recipient or subject), an export shard or `realm.json` (or
/// another table of the export), a topic archive's index, the export's `.tar.gz` (named
/// for Zulip), or a zip holding `realm.json` or a shard. Looks at the first 8 KB.
pub fn detect(name: &str, bytes: &[u8]) -> bool {
    if archive::is_zip(bytes) {
        return archive::holds_export(bytes);
    }
    sniff::kind(name, bytes).is_some()
}

/// Reads one Zulip file into `dataset`. A file of no kind above is read as a REST answer,
/// which names what it lacks.
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    if archive::is_zip(bytes) {
        return archive::read(file, bytes, dataset);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let refuse = |what: &str| ImportError::Shape {
        file: file.to_string(),
        what: what.to_string(),
    };
    let first = dataset.messages.len();
    match sniff::kind(file, bytes).unwrap_or(FileKind::Rest) {
        FileKind::Rest => {
            let tally = rest::read(file, bytes, dataset)?;
            finish(file, &topics(dataset, first), tally, dataset);
        }
        FileKind::Shard => {
            let tally = export::read(file, bytes, dataset)?;
            finish(file, &topics(dataset, first), tally, dataset);
        }
        FileKind::Realm => {
            realm::read(file, bytes, dataset)?;
            push_summary(dataset, file, "organisation", 0);
        }
        FileKind::Ignored => push_summary(dataset, file, "organisation", 0),
        FileKind::ArchiveIndex => {
            return Err(refuse(
                "this is a Zulip topic archive's index, which lists topics but holds no \
                 messages; pick the archive's topic files or a REST messages answer instead",
            ))
        }
        FileKind::TarGz => {
            return Err(refuse(
                "this is Zulip's export packed as .tar.gz, which peerscope cannot unpack; \
                 unpack it and drop realm.json with the messages-*.json files",
            ))
        }
    }
    Ok(())
}

/// The file's summary and warnings: how replies are found, and names nobody has.
fn finish(file: &str, space: &str, tally: Tally, dataset: &mut Dataset) {
    if tally.messages > 0 {
        dataset.warnings.push(format!(
            "{file}: Zulip keeps no reply links beyond quote-replies, so within a topic \
             {INFERRED_REPLIES}"
        ));
    }
    if tally.unknown_names > 0 {
        let what = plural(
            tally.unknown_names,
            "mention or quote names someone by a name no loaded person has; it was left \
             out.",
            "mentions or quotes name someone by a name no loaded person has; they were left \
             out.",
        );
        dataset.warnings.push(format!("{file}: {what}"));
    }
    push_summary(dataset, file, space, tally.messages);
}

/// The one topic the messages from `first` on went to, or how many there were.
fn topics(dataset: &Dataset, first: usize) -> String {
    let spaces: BTreeSet<u32> = dataset
        .messages
        .get(first..)
        .unwrap_or_default()
        .iter()
        .map(|m| m.space)
        .collect();
    match spaces.iter().next() {
        Some(&only) if spaces.len() == 1 => dataset
            .spaces
            .get(only as usize)
            .map_or_else(String::new, |s| s.name.clone()),
        _ => format!("{} topics", spaces.len()),
    }
}

/// Records one file read: its name, its topic (or "organisation") and its message count.
fn push_summary(dataset: &mut Dataset, file: &str, space: &str, messages: u64) {
    dataset.files.push(FileSummary {
        name: file.to_string(),
        format: "zulip",
        space: space.to_string(),
        messages,
    });
}

#[cfg(test)]
mod tests;
