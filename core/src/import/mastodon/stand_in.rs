//! Stand-ins for the statuses a file's replies answer but the file leaves out (above all
//! the status a context was asked for): a system message by the author
//! `in_reply_to_account_id` names, so the replies reach that person while the stand-in
//! counts as no message.

use std::collections::BTreeMap;

use super::{Loaded, People, Thread};
use crate::model::words::plural;
use crate::model::{Dataset, Message, SpaceIdx};

/// What [`stand_ins`] left: stand-ins added, and answered statuses whose author is
/// unknown (their replies answer nothing loaded).
#[derive(Default)]
pub(super) struct Missing {
    stood_in: u64,
    unknown: u64,
}

/// Adds a stand-in for every status the file's statuses answer that is neither in the
/// file nor loaded, when its author is known.
pub(super) fn stand_ins(
    thread: &Thread,
    times: &[i64],
    queried: Option<&str>,
    space: SpaceIdx,
    people: &People,
    loaded: &Loaded,
    dataset: &mut Dataset,
) -> Missing {
    let in_file: Vec<&str> = thread.statuses.iter().map(|s| s.id.as_ref()).collect();
    // Answered id → (its author's account id, its earliest reply's time).
    let mut answered: BTreeMap<&str, (Option<&str>, i64)> = BTreeMap::new();
    for (status, &time) in thread.statuses.iter().zip(times) {
        let Some(parent) = status.in_reply_to_id.as_deref() else {
            continue;
        };
        if in_file.contains(&parent) || loaded.contains(parent) {
            continue;
        }
        let entry = answered
            .entry(parent)
            .or_insert((status.in_reply_to_account_id.as_deref(), time));
        entry.1 = entry.1.min(time);
    }
    let above = thread
        .ancestors
        .checked_sub(1)
        .and_then(|last| in_file.get(last));
    let mut missing = Missing::default();
    for (id, (account, time)) in answered {
        let Some(author) = account.and_then(|a| people.get(a)) else {
            missing.unknown += 1;
            continue;
        };
        // The status a context was asked for answers the last ancestor.
        let parent = above.filter(|_| Some(id) == queried);
        let stand_in = Message::new(space, id.to_string(), author, time)
            .with_time_estimated(true)
            .with_notice(true)
            .with_parent(parent.map(|p| p.to_string()));
        dataset.push_message(stand_in);
        missing.stood_in += 1;
    }
    missing
}

pub(super) fn warn(file: &str, missing: Missing, dataset: &mut Dataset) {
    if missing.stood_in > 0 {
        dataset.warnings.push(format!(
            "{file}: replies here answer {} the file leaves out (a context never holds the \
             status it was asked for); they still count as replies to its author, and \
             https://SERVER/api/v1/statuses/ID adds the status itself",
            plural(missing.stood_in, "status", "statuses"),
        ));
    }
    if missing.unknown > 0 {
        dataset.warnings.push(format!(
            "{file}: replies here answer {} the file leaves out, by accounts it never names, \
             so those replies answer nobody",
            plural(missing.unknown, "status", "statuses"),
        ));
    }
}
