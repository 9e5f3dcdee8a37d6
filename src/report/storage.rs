//! Progress in the browser's `localStorage`: one [`Snapshot`] per group, under
//! `peerscope.progress/1/<group key>`.
//!
//! Only what [`Snapshot`] holds is written — numbers, the date and step ids, never message
//! text or names. Storage can be missing or refuse writes (private windows, a full quota,
//! storage turned off): then nothing is remembered and the page works as before.

use peerscope_core::report::progress::{Snapshot, SCHEMA};

/// The storage key for a group.
pub fn key(group: &str) -> String {
    format!("{SCHEMA}/{group}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The snapshot stored for `group`, if any and readable.
pub fn load(group: &str) -> Option<Snapshot> {
    let text = storage()?.get_item(&key(group)).ok().flatten()?;
    Snapshot::from_json(&text).filter(|s| s.group == group)
}

/// Stores `snapshot` under its group; silently does nothing when storage refuses.
pub fn save(snapshot: &Snapshot) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(&key(&snapshot.group), &snapshot.to_json());
    }
}

/// Today in UTC as `YYYY-MM-DD` (the browser's clock).
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.get(..10).unwrap_or_default().to_string()
}
