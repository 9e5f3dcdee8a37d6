//! Which stored snapshots to forget, so the page's memory stays bounded: at most
//! [`MAX_GROUPS`] groups, the ones used longest ago going first.
//!
//! Pure: it works on the `(key, value)` pairs read from storage and names the keys to
//! remove, so native tests check it without a browser.

use peerscope_core::report::progress::Snapshot;

/// Most groups whose progress the page keeps. A snapshot is about 1 KB (5 KB with the most
/// ticks a snapshot holds), so a full memory is at most 0.5 MB of the 5 MB or so a browser
/// gives a site. The About your data panel (`privacy.rs`) and docs/USING.md quote it.
pub const MAX_GROUPS: usize = 100;

/// The stored progress keys to remove, oldest first, so that at most `keep` groups remain
/// once `saving` (a key of [`super::key`]'s form) is stored.
///
/// `stored` is every `(key, value)` of storage; keys that are not
/// [progress keys](super::is_progress_key) belong to someone else and are never named, nor
/// is `saving`, which always counts as one kept group (so `keep` 0 acts as 1). Values that
/// no longer read as the snapshot of their key's group go first (nothing can load them),
/// then groups by the day they were last saved (their [`Snapshot::taken`], which every
/// analysis and every tick renews), oldest first, ties by key. A day after `today` counts
/// as `today`, so a clock that was once wrong cannot pin an entry; an empty `today` leaves
/// days as they are. No value is parsed when the groups already fit.
pub fn to_forget<'a>(
    stored: &'a [(String, String)],
    saving: &str,
    today: &str,
    keep: usize,
) -> Vec<&'a str> {
    let others = || {
        stored
            .iter()
            .filter(|(key, _)| super::is_progress_key(key) && key != saving)
    };
    let excess = (others().count() + 1).saturating_sub(keep.max(1));
    if excess == 0 {
        return Vec::new();
    }
    let mut candidates: Vec<(Option<String>, &str)> = others()
        .map(|(key, value)| (last_used(key, value, today), key.as_str()))
        .collect();
    let mut oldest_first = Vec::with_capacity(excess);
    // Picks the oldest `excess` times rather than sorting: a sort would bring another
    // ~15 KB of code to the wasm, and the list is at most a hundred or so long.
    while oldest_first.len() < excess {
        let Some(at) = position_of_oldest(&candidates) else {
            break;
        };
        oldest_first.push(candidates.swap_remove(at).1);
    }
    oldest_first
}

/// The day the snapshot stored under `key` was last saved, at most `today`; `None` when
/// `value` is not the snapshot of that key's group.
fn last_used(key: &str, value: &str, today: &str) -> Option<String> {
    let snapshot = Snapshot::from_json(value)?;
    if super::key(&snapshot.group) != key {
        return None;
    }
    let future = !today.is_empty() && snapshot.taken.as_str() > today;
    Some(if future {
        today.to_string()
    } else {
        snapshot.taken
    })
}

/// Where the smallest `(day, key)` is (`None` before any day); `None` for an empty list.
fn position_of_oldest(candidates: &[(Option<String>, &str)]) -> Option<usize> {
    let mut oldest: Option<(usize, &(Option<String>, &str))> = None;
    for (at, candidate) in candidates.iter().enumerate() {
        if oldest.is_none_or(|(_, best)| candidate < best) {
            oldest = Some((at, candidate));
        }
    }
    oldest.map(|(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::super::key;
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// A stored snapshot of `group`, last saved on `taken`.
    fn entry(group: &str, taken: &str) -> (String, String) {
        let snapshot = Snapshot {
            schema: peerscope_core::report::progress::SCHEMA.to_string(),
            group: group.to_string(),
            taken: taken.to_string(),
            score: Some(42.0),
            label: "emerging".to_string(),
            metrics: BTreeMap::new(),
            thin: BTreeSet::new(),
            funnel: Default::default(),
            ticked: BTreeSet::new(),
        };
        (key(group), snapshot.to_json())
    }

    fn groups(n: usize, taken: &str) -> Vec<(String, String)> {
        (0..n).map(|i| entry(&format!("g{i:03}"), taken)).collect()
    }

    #[test]
    fn nothing_is_forgotten_while_the_groups_fit() {
        let stored = groups(MAX_GROUPS - 1, "2026-12-01");
        assert!(to_forget(&stored, &key("new"), "2026-12-07", MAX_GROUPS).is_empty());
        // Saving a group already stored does not count it twice.
        let stored = groups(MAX_GROUPS, "2026-12-01");
        assert!(to_forget(&stored, &key("g000"), "2026-12-07", MAX_GROUPS).is_empty());
    }

    #[test]
    fn one_group_too_many_forgets_the_one_used_longest_ago() {
        let mut stored = groups(MAX_GROUPS - 1, "2026-12-01");
        stored.push(entry("old", "2025-01-31"));
        stored.push(entry("older", "2024-06-30"));
        let forgotten = to_forget(&stored, &key("new"), "2026-12-07", MAX_GROUPS);
        assert_eq!(forgotten, [key("older"), key("old")]);
        assert_eq!(stored.len() + 1 - forgotten.len(), MAX_GROUPS);
    }

    #[test]
    fn the_group_being_saved_is_never_forgotten() {
        let stored = vec![entry("a", "2026-12-01"), entry("b", "2020-01-01")];
        assert_eq!(to_forget(&stored, &key("b"), "2026-12-07", 1), [key("a")]);
        assert_eq!(to_forget(&stored, &key("b"), "2026-12-07", 0), [key("a")]);
    }

    #[test]
    fn unreadable_and_misfiled_values_go_first_and_others_keys_never() {
        let mut stored = groups(3, "2026-11-01");
        stored.push((key("broken"), "{\"schema\":".to_string()));
        // A readable snapshot under another group's key: load() would never return it.
        stored.push((key("elsewhere"), entry("g001", "2026-12-06").1));
        stored.push(("theme".to_string(), "dark".to_string()));
        stored.push(("peerscope.other/1/x".to_string(), "{}".to_string()));
        stored.push(("peerscope.progress/10/x".to_string(), "{}".to_string()));
        let forgotten = to_forget(&stored, &key("new"), "2026-12-07", 1);
        assert_eq!(forgotten.len(), 5, "{forgotten:?}");
        let (first, rest) = forgotten.split_at(2);
        let mut first = first.to_vec();
        first.sort_unstable();
        assert_eq!(first, [key("broken"), key("elsewhere")]);
        assert_eq!(rest, [key("g000"), key("g001"), key("g002")]);
    }

    #[test]
    fn a_day_in_the_future_counts_as_today() {
        let stored = vec![
            entry("clock-ahead", "2099-01-01"),
            entry("yesterday", "2026-12-06"),
            entry("today", "2026-12-07"),
        ];
        let forgotten = to_forget(&stored, &key("new"), "2026-12-07", 2);
        assert_eq!(forgotten, [key("yesterday"), key("clock-ahead")]);
    }

    #[test]
    fn a_tighter_bound_extends_the_same_order() {
        // save() forgets down to the bound, then (storage full) on down to one: the second
        // list must start with the first, so nothing is skipped or removed twice.
        let mut stored: Vec<_> = (0..40)
            .map(|i| {
                entry(
                    &format!("g{i:02}"),
                    &format!("2026-11-{:02}", 1 + (i * 7) % 28),
                )
            })
            .collect();
        stored.push((key("broken"), String::new()));
        let bounded = to_forget(&stored, &key("new"), "2026-12-07", 10);
        let all = to_forget(&stored, &key("new"), "2026-12-07", 1);
        assert_eq!((bounded.len(), all.len()), (32, 41));
        assert_eq!(all.get(..bounded.len()), Some(bounded.as_slice()));
    }
}
