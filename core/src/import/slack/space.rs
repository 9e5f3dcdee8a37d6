//! Which space a channel's messages go to. Slack's `ts` is unique only within a channel,
//! so every day file of one channel must land in one space for its threads to join.
//!
//! A channel's id from `channels.json` when it is known, else its folder name; a loose
//! day file of a folder whose channel is already loaded joins that channel; day files
//! given without a folder share one space ([`LOOSE_SPACE`]).

use super::companion::ChannelInfo;
use super::LOOSE_SPACE;
use crate::model::{Dataset, Space, SpaceIdx};

/// A top-level channel (Slack threads live inside their channel, not in a space).
pub(super) fn space(id: &str, name: &str) -> Space {
    Space {
        id: id.to_string(),
        name: name.to_string(),
        parent: None,
        is_thread: false,
        infer_replies: false,
    }
}

/// Looks like a Slack conversation id (`C…`, `G…`, `D…`).
fn is_channel_id(id: &str) -> bool {
    id.len() >= 7
        && id.starts_with(['C', 'G', 'D'])
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// The space of a channel folder. With the channel known (zip), its id; otherwise a
/// space already loaded for that folder (by id, or a channel of that name), else a new
/// space named after the folder.
pub(super) fn channel_space(
    dataset: &mut Dataset,
    folder: &str,
    known: Option<&ChannelInfo>,
) -> SpaceIdx {
    if let Some(channel) = known {
        if let Some(at) = space_by_id(dataset, &channel.id).or_else(|| space_by_id(dataset, folder))
        {
            return at;
        }
        return dataset.intern_space(space(&channel.id, &channel.name));
    }
    if let Some(at) = space_by_id(dataset, folder) {
        return at;
    }
    if let Some(at) = dataset
        .spaces
        .iter()
        .position(|s| s.name == folder && is_channel_id(&s.id))
    {
        return at as SpaceIdx;
    }
    let name = if folder == LOOSE_SPACE {
        "Slack channel"
    } else {
        folder
    };
    dataset.intern_space(space(folder, name))
}

/// The space already loaded with this id.
fn space_by_id(dataset: &Dataset, id: &str) -> Option<SpaceIdx> {
    dataset
        .spaces
        .iter()
        .position(|s| s.id == id)
        .map(|at| at as SpaceIdx)
}

/// A space's name, or "" for an index that is not there.
pub(super) fn space_name(dataset: &Dataset, space: SpaceIdx) -> String {
    dataset
        .spaces
        .get(space as usize)
        .map(|s| s.name.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loose_folder_joins_the_channel_of_its_name() {
        let mut d = Dataset::default();
        let general = d.intern_space(space("C0GENERAL", "general"));
        assert_eq!(channel_space(&mut d, "general", None), general);
        let notes = channel_space(&mut d, "notes", None);
        assert_ne!(notes, general);
        assert_eq!(channel_space(&mut d, "notes", None), notes);
        let loose = channel_space(&mut d, LOOSE_SPACE, None);
        assert_eq!(space_name(&d, loose), "Slack channel");
        assert_eq!(space_name(&d, 99), "");
    }
}
