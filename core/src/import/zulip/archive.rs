//! The organisation export zipped: `realm.json` and the `messages-NNNNNN.json` shards, at
//! the top or under the export's folder. Zulip itself packs the export as `.tar.gz`; a zip
//! is what people make of it after unpacking. `realm.json` is read first, then the shards
//! in name order, each unpacked on its own within the budgets of
//! [`budget`](crate::import::budget); no other entry is unpacked.

use super::messages::Tally;
use super::sniff::{base_name, is_shard_name};
use super::{export, finish, realm};
use crate::import::error::ImportError;
use crate::import::unzip::Zip;
use crate::model::Dataset;

/// True for the bytes of a zip.
pub(super) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// What an entry of the zip is to this importer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Entry {
    Realm,
    Shard,
}

fn entry_kind(name: &str) -> Option<Entry> {
    if name.contains("__MACOSX") {
        return None;
    }
    match base_name(name) {
        "realm.json" => Some(Entry::Realm),
        base if is_shard_name(base) => Some(Entry::Shard),
        _ => None,
    }
}

/// True when the zip opens and holds `realm.json` or a shard.
pub(super) fn holds_export(bytes: &[u8]) -> bool {
    Zip::open("", bytes).is_ok_and(|zip| {
        zip.names()
            .iter()
            .any(|(_, name)| entry_kind(name).is_some())
    })
}

/// Reads the export's zip: `realm.json` first, then every shard by name; one file
/// summary for the zip.
pub(super) fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let mut zip = Zip::open_to_read(file, bytes, "; download or zip the export again")?;
    let mut entries: Vec<(Entry, String, usize)> = zip
        .names()
        .into_iter()
        .filter_map(|(at, name)| entry_kind(&name).map(|kind| (kind, name, at)))
        .collect();
    if entries.is_empty() {
        return Err(ImportError::Shape {
            file: file.to_string(),
            what: "this zip holds no Zulip export (no realm.json or messages-NNNNNN.json)".into(),
        });
    }
    let wanted: Vec<usize> = entries.iter().map(|&(_, _, at)| at).collect();
    zip.refuse_overlaps(&wanted)?;
    entries.sort();
    let mut total = Tally::default();
    for (kind, name, at) in &entries {
        let content = zip.read(*at, dataset)?;
        let path = format!("{file}/{name}");
        match kind {
            Entry::Realm => realm::read(&path, &content, dataset)?,
            Entry::Shard => {
                let tally = export::read(&path, &content, dataset)?;
                total.messages += tally.messages;
                total.unknown_names += tally.unknown_names;
            }
        }
    }
    finish(file, "organisation", total, dataset);
    Ok(())
}
