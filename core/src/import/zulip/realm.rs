//! `realm.json` of the organisation export: who everyone is (names, bots, deactivated
//! accounts), who runs the organisation (owners and administrators, host hints) and what
//! each recipient id is (a stream by name, or direct messages). It holds no messages; read
//! before or after the shards, it names what they refer to by id.

use std::collections::HashMap;

use super::export::WITHOUT_REALM;
use super::people::{is_bot_email, set_from_realm};
use super::raw::{Realm, RealmUser};
use super::spaces::{rename_targets, stream_space};
use crate::import::error::ImportError;
use crate::import::json_error;
use crate::model::Dataset;

/// Roles at or under this run the organisation: 100 owner, 200 administrator.
const HOST_ROLE: u32 = 200;

/// Recipient types of `zerver_recipient`.
const PERSONAL: u32 = 1;
const STREAM: u32 = 2;

/// Reads `realm.json` into `dataset`.
pub(super) fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let realm: Realm<'_> =
        serde_json::from_slice(bytes).map_err(|e| json_error::from_serde(file, &e))?;
    for user in &realm.zerver_userprofile {
        add_user(dataset, user, false);
    }
    for user in &realm.zerver_userprofile_mirrordummy {
        add_user(dataset, user, false);
    }
    for user in &realm.zerver_userprofile_crossrealm {
        add_user(dataset, user, true);
    }
    name_targets(&realm, dataset);
    dataset.warnings.retain(|w| !w.ends_with(WITHOUT_REALM));
    Ok(())
}

/// One person; an owner or administrator who is no bot becomes a host hint.
fn add_user(dataset: &mut Dataset, user: &RealmUser<'_>, system: bool) {
    let email = user.email.as_deref().unwrap_or("");
    let name = user.full_name.as_deref().filter(|n| !n.trim().is_empty());
    let bot = system || user.is_bot.unwrap_or(false) || user.bot_type.is_some();
    let bot = bot || is_bot_email(email);
    let gone = user.is_active == Some(false);
    set_from_realm(dataset, user.id, name.unwrap_or(email), bot, gone);
    let runs = user.role.is_some_and(|r| r > 0 && r <= HOST_ROLE);
    if let Some(idx) = dataset.person_with_id(&user.id.to_string()) {
        if runs && !bot && !dataset.host_hints.contains(&idx) {
            dataset.host_hints.push(idx);
        }
    }
}

/// Names every recipient: `#stream`, `direct: Name` or `direct group N`. A stream's
/// own space is added now, so shards read after name their topics after it.
fn name_targets(realm: &Realm<'_>, dataset: &mut Dataset) {
    let streams: HashMap<u64, &str> = realm
        .zerver_stream
        .iter()
        .map(|s| (s.id, s.name.as_ref()))
        .collect();
    let mut names = HashMap::new();
    for r in &realm.zerver_recipient {
        let target = format!("r{}", r.id);
        let name = match r.kind {
            STREAM => {
                let name = streams
                    .get(&r.type_id)
                    .map_or_else(|| format!("stream {}", r.type_id), |n| format!("#{n}"));
                dataset.intern_space(stream_space(&format!("zulip/{target}"), &name));
                name
            }
            PERSONAL => {
                let who = dataset
                    .person_with_id(&r.type_id.to_string())
                    .map_or_else(|| r.type_id.to_string(), |p| dataset.display(p).to_string());
                format!("direct: {who}")
            }
            _ => format!("direct group {}", r.type_id),
        };
        names.insert(target, name);
    }
    rename_targets(dataset, &names);
}
