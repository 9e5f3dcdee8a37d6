//! Which space a channel's messages go to. Slack's `ts` is unique only within a channel,
//! so every day file of one channel must land in one space for its threads to join.
//!
//! A channel's id from `channels.json` when it is known, else its folder name; a loose
//! day file of a folder whose channel is already loaded joins that channel; day files
//! given without a folder share one space ([`LOOSE_SPACE`]).

use std::collections::HashMap;

use super::companion::ChannelInfo;
use super::LOOSE_SPACE;
use crate::model::{work, Dataset, Space, SpaceIdx};

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

/// Loaded channels by name, for day files whose folder is a channel's name: built once
/// from the dataset and kept up to date by [`channel_space`], so finding a folder's space
/// is a map look-up rather than a pass over every space.
pub(super) struct ChannelNames(HashMap<String, SpaceIdx>);

impl ChannelNames {
    /// The loaded spaces whose id looks like a Slack channel id, by name (the first one
    /// of a name wins).
    pub fn of(dataset: &Dataset) -> ChannelNames {
        let mut names = ChannelNames(HashMap::new());
        for (at, space) in dataset.spaces.iter().enumerate() {
            names.note(space, at as SpaceIdx);
        }
        names
    }

    fn note(&mut self, space: &Space, at: SpaceIdx) {
        work::add(1);
        if is_channel_id(&space.id) {
            self.0.entry(space.name.clone()).or_insert(at);
        }
    }
}

/// The space of a channel folder. With the channel known (zip), its id; otherwise a
/// space already loaded for that folder (by id, or a channel of that name), else a new
/// space named after the folder.
pub(super) fn channel_space(
    dataset: &mut Dataset,
    names: &mut ChannelNames,
    folder: &str,
    known: Option<&ChannelInfo>,
) -> SpaceIdx {
    work::add(1);
    if let Some(channel) = known {
        if let Some(at) = dataset
            .space_with_id(&channel.id)
            .or_else(|| dataset.space_with_id(folder))
        {
            return at;
        }
        return added(dataset, names, space(&channel.id, &channel.name));
    }
    if let Some(at) = dataset.space_with_id(folder) {
        return at;
    }
    if let Some(&at) = names.0.get(folder) {
        return at;
    }
    let name = if folder == LOOSE_SPACE {
        "Slack channel"
    } else {
        folder
    };
    added(dataset, names, space(folder, name))
}

/// Adds `space` to the dataset and to `names`.
fn added(dataset: &mut Dataset, names: &mut ChannelNames, space: Space) -> SpaceIdx {
    let at = dataset.intern_space(space);
    if let Some(space) = dataset.spaces.get(at as usize) {
        names.note(space, at);
    }
    at
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
        let mut names = ChannelNames::of(&d);
        assert_eq!(channel_space(&mut d, &mut names, "general", None), general);
        let notes = channel_space(&mut d, &mut names, "notes", None);
        assert_ne!(notes, general);
        assert_eq!(channel_space(&mut d, &mut names, "notes", None), notes);
        let loose = channel_space(&mut d, &mut names, LOOSE_SPACE, None);
        assert_eq!(space_name(&d, loose), "Slack channel");
        assert_eq!(space_name(&d, 99), "");
    }
}
