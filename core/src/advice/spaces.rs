//! Per-space scores (docs/METRICS.md §7): each channel with at least 20 messages gets its own
//! score and label. Thread files fold into their parent channel when it is loaded.

use crate::model::stable_sort::StableSort;
use crate::model::unstable_sort::UnstableSort;
use std::collections::BTreeMap;

use crate::advice::measured::Measured;
use crate::graph::interactions::Conversation;
use crate::graph::scope::Scope;
use crate::model::options::Options;
use crate::model::schema::SpaceReport;
use crate::model::{work, Dataset, SpaceIdx};

/// Channels with fewer messages than this get no score of their own.
pub const MIN_MESSAGES: u64 = 20;
/// At most this many channels get a score of their own (each costs a pass over the
/// whole export): the busiest ones.
pub const MAX_SCORED_SPACES: usize = 100;

/// Scores per channel, in the order the channels were loaded.
///
/// With a single channel its score is the whole export's, `whole`, which is not computed
/// twice (on a million messages that would double the analysis).
pub fn spaces(
    data: &Dataset,
    conv: &Conversation,
    is_host: &[bool],
    options: &Options,
    whole: &Measured,
) -> Vec<SpaceReport> {
    let group = groups(data);
    let mut order: Vec<SpaceIdx> = group.clone();
    order.unstable_sort();
    order.dedup();
    if let [only] = order.as_slice() {
        return single(data, *only, whole);
    }
    let mut out = Vec::new();
    for top in scored(data, &group) {
        let scope = Scope::new(data, conv, is_host, |m| {
            group.get(m.space as usize) == Some(&top)
        });
        let messages = scope.messages.len() as u64;
        if messages < MIN_MESSAGES {
            continue;
        }
        let measured = Measured::of(&scope, options, false);
        let Some(space) = data.spaces.get(top as usize) else {
            continue;
        };
        out.push(SpaceReport {
            id: space.id.clone(),
            name: space.name.clone(),
            messages,
            score: measured.verdict.score,
            label: measured.verdict.label,
        });
    }
    out
}

/// The channels to score, in the order they first appear in `group`: those with at least [`MIN_MESSAGES`] counting
/// messages, at most [`MAX_SCORED_SPACES`] of them (the busiest; the earlier loaded on a
/// tie). Counted in one pass over the messages, since each scored channel costs a pass of
/// its own and an export of 100 000 small channels must not cost 100 000 passes.
fn scored(data: &Dataset, group: &[SpaceIdx]) -> Vec<SpaceIdx> {
    let mut counts = vec![0u64; data.spaces.len()];
    for m in data.messages.iter().filter(|m| data.counts(m)) {
        work::add(1);
        if let Some(top) = group.get(m.space as usize) {
            if let Some(n) = counts.get_mut(*top as usize) {
                *n += 1;
            }
        }
    }
    let mut busy: Vec<SpaceIdx> = (0..counts.len() as SpaceIdx)
        .filter(|&s| counts.get(s as usize).is_some_and(|&n| n >= MIN_MESSAGES))
        .collect();
    busy.stable_sort_by_key(|&s| (std::cmp::Reverse(counts.get(s as usize).copied()), s));
    busy.truncate(MAX_SCORED_SPACES);
    let mut chosen = vec![false; counts.len()];
    for &s in &busy {
        if let Some(flag) = chosen.get_mut(s as usize) {
            *flag = true;
        }
    }
    // In the order the channels first appear as a group, as they were loaded.
    let mut order = Vec::with_capacity(busy.len());
    for &top in group {
        if let Some(flag) = chosen.get_mut(top as usize).filter(|f| **f) {
            *flag = false;
            order.push(top);
        }
    }
    order
}

/// The one channel of a single-channel export, scored as the whole export.
fn single(data: &Dataset, only: SpaceIdx, whole: &Measured) -> Vec<SpaceReport> {
    let messages = data.messages.iter().filter(|m| data.counts(m)).count() as u64;
    match data.spaces.get(only as usize) {
        Some(space) if messages >= MIN_MESSAGES => vec![SpaceReport {
            id: space.id.clone(),
            name: space.name.clone(),
            messages,
            score: whole.verdict.score,
            label: whole.verdict.label,
        }],
        _ => Vec::new(),
    }
}

/// Per space: the space it is scored with (its parent channel when that is loaded).
pub(crate) fn groups(data: &Dataset) -> Vec<SpaceIdx> {
    // Inserted, not collected: collecting sorts first, one more sort in the wasm. On a
    // repeated id the later space wins, as it would in a collect.
    let mut by_id: BTreeMap<&str, SpaceIdx> = BTreeMap::new();
    for (i, s) in data.spaces.iter().enumerate() {
        by_id.insert(s.id.as_str(), i as SpaceIdx);
    }
    data.spaces
        .iter()
        .enumerate()
        .map(|(i, s)| {
            s.parent
                .as_deref()
                .and_then(|p| by_id.get(p).copied())
                .unwrap_or(i as SpaceIdx)
        })
        .collect()
}
