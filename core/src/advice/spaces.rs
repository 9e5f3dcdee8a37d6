//! Per-space scores (docs/METRICS.md §7): each channel with at least 20 messages gets its own
//! score and label. Thread files fold into their parent channel when it is loaded.

use std::collections::BTreeMap;

use crate::advice::measured::Measured;
use crate::graph::interactions::Conversation;
use crate::graph::scope::Scope;
use crate::model::options::Options;
use crate::model::schema::SpaceReport;
use crate::model::{Dataset, SpaceIdx};

/// Channels with fewer messages than this get no score of their own.
pub const MIN_MESSAGES: u64 = 20;

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
    order.sort_unstable();
    order.dedup();
    if let [only] = order.as_slice() {
        return single(data, *only, whole);
    }
    let mut order: Vec<SpaceIdx> = group.clone();
    order.dedup();
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for top in order {
        if seen.contains(&top) {
            continue;
        }
        seen.push(top);
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
    let by_id: BTreeMap<&str, SpaceIdx> = data
        .spaces
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i as SpaceIdx))
        .collect();
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
