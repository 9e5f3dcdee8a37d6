//! The organisation export's message shards, `messages-NNNNNN.json`: rows of
//! `zerver_message` naming their sender and recipient by id only. With `realm.json` read
//! (before or after) people and streams get their names; without it they go by their ids,
//! and a warning says so.
//!
//! Zulip's exporter writes at most 1000 messages a shard, so a shard is parsed whole: the
//! stream reader (`import::stream`) would buy nothing at that size.

use super::messages::{millis, push_all, Incoming, Tally};
use super::people::{is_system_bot, person};
use super::raw::Shard;
use super::spaces::topic_space;
use crate::import::error::ImportError;
use crate::import::json_error;
use crate::model::Dataset;

/// How the warning for a shard read without `realm.json` ends; reading `realm.json`
/// withdraws it.
pub(super) const WITHOUT_REALM: &str = "was read without realm.json, so people go by \
    their Zulip user ids and streams by their recipient ids; add realm.json from the same \
    export to name them.";

/// Reads one shard into `dataset`.
pub(super) fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<Tally, ImportError> {
    let shard: Shard<'_> =
        serde_json::from_slice(bytes).map_err(|e| json_error::from_serde(file, &e))?;
    let mut strangers = false;
    let mut incoming = Vec::with_capacity(shard.zerver_message.len());
    for m in &shard.zerver_message {
        strangers |= dataset.person_with_id(&m.sender.to_string()).is_none();
        let author = person(dataset, m.sender, "", false);
        let notice = dataset
            .people
            .get(author as usize)
            .is_some_and(|p| p.is_bot && is_system_bot(&p.name));
        let space = topic_space(dataset, &format!("r{}", m.recipient), None, &m.subject);
        incoming.push(Incoming {
            id: m.id,
            author,
            time_ms: millis(m.date_sent),
            space,
            text: &m.content,
            html: false,
            notice,
        });
    }
    if strangers {
        dataset.warnings.push(format!("{file} {WITHOUT_REALM}"));
    }
    Ok(push_all(incoming, dataset))
}
