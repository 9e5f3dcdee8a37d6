//! The export's workspace files: `users.json` (people, their names, who is a bot) and the
//! channel lists (`channels.json`, `groups.json`, `mpims.json`, `dms.json`). They hold no
//! messages; they name what the day files refer to by id.

use std::collections::{HashMap, HashSet};

use super::raw::{RawChannel, RawUser};
use super::{strip_bom, FileKind, SLACKBOT};
use crate::import::error::ImportError;
use crate::import::json_error;
use crate::model::work;

/// What `users.json` says about one person.
#[derive(Debug, Clone, Default)]
pub(super) struct UserInfo {
    pub name: String,
    pub display: String,
    pub is_bot: bool,
    /// Deactivated (`deleted` in `users.json`): a person never named in advice.
    pub deleted: bool,
}

/// A channel as the export's channel lists name it.
#[derive(Debug, Clone)]
pub(super) struct ChannelInfo {
    pub id: String,
    pub name: String,
    /// For a channel without a name (a direct message): its members' ids.
    pub members: Vec<String>,
}

/// The zip's `users.json` and channel lists, for resolving its day files.
#[derive(Default)]
pub(super) struct Directory {
    pub users: HashMap<String, UserInfo>,
    /// By folder name (a channel's name, a DM's id) and by id.
    pub channels: HashMap<String, ChannelInfo>,
}

impl Directory {
    /// Adds the channels of one list; a channel without a name (a direct message) is
    /// named after its members, so read `users.json` first.
    pub fn add_channels(&mut self, channels: Vec<ChannelInfo>) {
        for mut channel in channels {
            if !channel.members.is_empty() {
                channel.name = members_name(&channel.members, &self.users);
            }
            self.channels.insert(channel.name.clone(), channel.clone());
            self.channels.insert(channel.id.clone(), channel);
        }
    }
}

/// The export's workspace files, by name.
pub(super) fn companion_kind(base: &str) -> Option<FileKind> {
    match base.to_ascii_lowercase().as_str() {
        "users.json" | "org_users.json" => Some(FileKind::Users),
        "channels.json" | "groups.json" | "mpims.json" | "dms.json" => Some(FileKind::Channels),
        "integration_logs.json" | "canvases.json" => Some(FileKind::Ignored),
        _ => None,
    }
}

/// Reads `users.json`: each person's id and names (display name, else real name).
pub(super) fn parse_users(
    file: &str,
    bytes: &[u8],
) -> Result<Vec<(String, UserInfo)>, ImportError> {
    let raw: Vec<RawUser> =
        serde_json::from_slice(strip_bom(bytes)).map_err(|e| json_error::from_serde(file, &e))?;
    Ok(raw
        .iter()
        .map(|u| {
            let profile = u.profile.as_ref();
            let display = first_filled(&[
                profile.and_then(|p| p.display_name.as_deref()),
                profile.and_then(|p| p.real_name.as_deref()),
                u.real_name.as_deref(),
            ]);
            let info = UserInfo {
                name: u.name.as_deref().unwrap_or("").to_string(),
                display: display.to_string(),
                is_bot: u.is_bot.unwrap_or(false) || u.id == SLACKBOT,
                deleted: u.deleted.unwrap_or(false),
            };
            (u.id.to_string(), info)
        })
        .collect())
}

/// Reads a channel list: each channel's id and name (its id when it has none, and then
/// its members, to name it after them).
pub(super) fn parse_channels(file: &str, bytes: &[u8]) -> Result<Vec<ChannelInfo>, ImportError> {
    let raw: Vec<RawChannel> =
        serde_json::from_slice(strip_bom(bytes)).map_err(|e| json_error::from_serde(file, &e))?;
    Ok(raw
        .iter()
        .map(|c| {
            let name = c.name.as_deref().filter(|n| !n.is_empty());
            ChannelInfo {
                id: c.id.to_string(),
                name: name.unwrap_or(&c.id).to_string(),
                members: match name {
                    Some(_) => Vec::new(),
                    None => c.members.iter().flatten().map(|m| m.to_string()).collect(),
                },
            }
        })
        .collect())
}

/// Members named in a direct message's name; the rest are counted ("and 5 others"), so
/// a conversation of 200 000 members does not get a name of megabytes.
pub(super) const NAMED_MEMBERS: usize = 8;

/// A direct message's name: its members, as `users.json` names them, each once, the
/// first [`NAMED_MEMBERS`] of them by name and the rest as a count.
fn members_name(members: &[String], users: &HashMap<String, UserInfo>) -> String {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut names: Vec<&str> = Vec::new();
    for id in members {
        work::add(1);
        let name = users.get(id).map_or(id.as_str(), |u| {
            first_filled(&[Some(u.display.as_str()), Some(u.name.as_str())])
        });
        let name = if name.is_empty() { id.as_str() } else { name };
        if seen.insert(name) {
            names.push(name);
        }
    }
    let others = names.len().saturating_sub(NAMED_MEMBERS);
    let shown = names.get(..NAMED_MEMBERS).unwrap_or(&names).join(", ");
    match others {
        0 => shown,
        1 => format!("{shown} and 1 other"),
        n => format!("{shown} and {n} others"),
    }
}

/// The first non-empty text, else "".
pub(super) fn first_filled<'s>(candidates: &[Option<&'s str>]) -> &'s str {
    candidates
        .iter()
        .flatten()
        .copied()
        .find(|s| !s.trim().is_empty())
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_direct_message_is_named_after_its_members_once_each() {
        let users = br#"[{"id": "U1", "name": "ann", "profile": {"display_name": "Ann"}},
                         {"id": "U2", "name": "bo", "real_name": "Bo Park"}]"#;
        let dms = br#"[{"id": "D1", "members": ["U1", "U2", "U1", "U9"]},
                       {"id": "C1", "name": "general", "members": ["U1"]}]"#;
        let mut dir = Directory::default();
        dir.users
            .extend(parse_users("users.json", users).unwrap_or_default());
        dir.add_channels(parse_channels("dms.json", dms).unwrap_or_default());
        let name = |key: &str| dir.channels.get(key).map(|c| c.name.clone());
        assert_eq!(name("D1").as_deref(), Some("Ann, Bo Park, U9"));
        assert_eq!(
            name("Ann, Bo Park, U9").as_deref(),
            Some("Ann, Bo Park, U9")
        );
        assert_eq!(name("general").as_deref(), Some("general"));
        assert_eq!(name("C1").as_deref(), Some("general"));
    }

    #[test]
    fn bad_lists_name_the_file() {
        let err = parse_users("users.json", b"{\"id\": 1}")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("users.json: line 1, column "), "{err}");
        assert!(err.contains("expected a sequence"), "{err}");
    }
}
