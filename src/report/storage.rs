//! Progress in the browser's `localStorage`: one [`Snapshot`] per group, under
//! `peerscope.progress/1/<group key>`, for the [`MAX_GROUPS`] groups used most recently
//! (saving one more forgets the one used longest ago, see [`forget`]).
//!
//! Only what [`Snapshot`] holds is written — numbers, the date and step ids, never message
//! text or names. Storage can be missing or refuse writes (private windows, a full quota,
//! storage turned off): then older groups are forgotten to make room, and if that is not
//! enough nothing is remembered and the page works as before.

mod forget;

pub use forget::{to_forget, MAX_GROUPS};

use peerscope_core::report::progress::{Snapshot, SCHEMA};

/// The storage key for a group.
pub fn key(group: &str) -> String {
    format!("{SCHEMA}/{group}")
}

/// Whether `key` is one of [`key`]'s (another schema's or another script's is not).
pub fn is_progress_key(key: &str) -> bool {
    key.strip_prefix(SCHEMA)
        .is_some_and(|group| group.starts_with('/'))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The snapshot stored for `group`, if any and readable.
pub fn load(group: &str) -> Option<Snapshot> {
    let text = storage()?.get_item(&key(group)).ok().flatten()?;
    Snapshot::from_json(&text).filter(|s| s.group == group)
}

/// Stores `snapshot` under its group, first forgetting the groups past [`MAX_GROUPS`];
/// when storage refuses the write (full), forgets the other groups one at a time, oldest
/// first, until it fits. Silently does nothing when storage refuses anyway.
pub fn save(snapshot: &Snapshot) {
    let Some(storage) = storage() else {
        return;
    };
    let (key, value) = (key(&snapshot.group), snapshot.to_json());
    let stored = progress_entries(&storage);
    let today = snapshot.taken.as_str();
    let over = to_forget(&stored, &key, today, MAX_GROUPS);
    for old in &over {
        let _ = storage.remove_item(old);
    }
    if storage.set_item(&key, &value).is_ok() {
        return;
    }
    // The same order, further: the first `over.len()` are gone already.
    for old in to_forget(&stored, &key, today, 1)
        .into_iter()
        .skip(over.len())
    {
        let _ = storage.remove_item(old);
        if storage.set_item(&key, &value).is_ok() {
            return;
        }
    }
}

/// Every progress key stored, with its value (unreadable ones included).
fn progress_entries(storage: &web_sys::Storage) -> Vec<(String, String)> {
    let count = storage.length().unwrap_or(0);
    let mut entries = Vec::new();
    for at in 0..count {
        let Some(key) = storage.key(at).ok().flatten() else {
            continue;
        };
        if is_progress_key(&key) {
            let value = storage.get_item(&key).ok().flatten().unwrap_or_default();
            entries.push((key, value));
        }
    }
    entries
}

/// Today in UTC as `YYYY-MM-DD` (the browser's clock).
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.get(..10).unwrap_or_default().to_string()
}
