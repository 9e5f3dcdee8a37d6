//! The export as Slack's "Export data" downloads it: one zip holding the workspace files
//! at the top (or under the one folder the zip was made from) and a folder per channel
//! of `YYYY-MM-DD.json` day files. macOS litter (`__MACOSX/`) is skipped, and so is every
//! entry whose name is neither a workspace file nor a day file, without being unpacked.
//! Entry names may use `\` as the folder separator (Windows PowerShell's zips).
//!
//! Entries are unpacked and parsed one at a time, each within the budgets of
//! [`budget`](crate::import::budget) (see [`Zip`]).

use super::companion::{companion_kind, parse_channels, parse_users, Directory};
use super::day::read_day;
use super::names::{base_name, is_day_name};
use super::space::{channel_space, ChannelNames};
use super::{push_summary, FileKind};
use crate::import::error::ImportError;
use crate::import::unzip::Zip;
use crate::model::stable_sort::StableSort;
use crate::model::Dataset;

/// A day file of the zip: (its channel folder, its path, its index in the zip).
type DayEntry = (String, String, usize);

/// True for the bytes of a zip (a local file header, or the end record of an empty one).
pub(super) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// True when the zip opens and holds `users.json`, a channel list or a day file.
pub(super) fn zip_is_slack(bytes: &[u8]) -> bool {
    let Ok(zip) = Zip::open("", bytes) else {
        return false;
    };
    let found = zip.names().iter().any(|(_, name)| {
        zip_day_folder(name).is_some()
            || matches!(
                zip_companion(name),
                Some(FileKind::Users | FileKind::Channels)
            )
    });
    found
}

/// Where a day file of a zip goes: the folder holding `YYYY-MM-DD.json`.
fn zip_day_folder(entry: &str) -> Option<&str> {
    if entry.contains("__MACOSX") {
        return None;
    }
    let mut parts = entry.rsplit('/');
    let base = parts.next()?;
    let folder = parts.next().filter(|f| !f.is_empty())?;
    is_day_name(base).then_some(folder)
}

/// A workspace file of a zip: at the top, or under the one folder the zip was made from.
fn zip_companion(entry: &str) -> Option<FileKind> {
    if entry.contains("__MACOSX") || entry.matches('/').count() > 1 {
        return None;
    }
    companion_kind(base_name(entry))
}

/// Reads a whole export zip: the workspace files first (people before channel lists),
/// then every day file, by channel; the zip's one file summary names its channel, or
/// says how many it held.
pub(super) fn read_zip(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let mut zip = Zip::open_to_read(file, bytes, "")?;
    let (mut companions, mut days) = list_entries(&zip);
    if days.is_empty() && companions.is_empty() {
        return Err(unreadable(
            file,
            "this zip holds no Slack export (no users.json, channels.json or \
             <channel>/YYYY-MM-DD.json)"
                .into(),
        ));
    }
    let wanted: Vec<usize> = companions
        .iter()
        .map(|&(at, _)| at)
        .chain(days.iter().map(|&(_, _, at)| at))
        .collect();
    zip.refuse_overlaps(&wanted)?;
    // People first, so direct messages can be named after them.
    companions.stable_sort_by_key(|&(_, kind)| kind != FileKind::Users);
    let dir = read_directory(file, &mut zip, &companions, dataset)?;
    days.stable_sort();
    let mut total = 0u64;
    let mut names = ChannelNames::of(dataset);
    // Sorted by folder, so each channel's days are adjacent and a new folder is a new
    // channel.
    let mut channels: Vec<&str> = Vec::new();
    for (folder, name, at) in &days {
        // One entry unpacked at a time: read, parsed, and dropped before the next.
        let content = zip.read(*at, dataset)?;
        let path = format!("{file}/{name}");
        let known = dir.channels.get(folder.as_str());
        let space = channel_space(dataset, &mut names, folder, known);
        total += read_day(&path, &content, space, Some(&dir), dataset)?;
        if channels.last() != Some(&folder.as_str()) {
            channels.push(folder);
        }
    }
    let what = match channels.as_slice() {
        [one] => dir
            .channels
            .get(*one)
            .map_or_else(|| one.to_string(), |c| c.name.clone()),
        many => format!("{} channels", many.len()),
    };
    push_summary(dataset, file, &what, total);
    Ok(())
}

/// The zip's workspace files that name people or channels (index, kind) and its day
/// files, in the zip's order; other workspace files are not read.
fn list_entries(zip: &Zip) -> (Vec<(usize, FileKind)>, Vec<DayEntry>) {
    let mut companions = Vec::new();
    let mut days = Vec::new();
    for (at, name) in zip.names() {
        if let Some(folder) = zip_day_folder(&name) {
            days.push((folder.to_string(), name.clone(), at));
        } else if let Some(kind @ (FileKind::Users | FileKind::Channels)) = zip_companion(&name) {
            companions.push((at, kind));
        }
    }
    (companions, days)
}

/// Reads the workspace files, in the order given, into a directory. One that is not
/// what it should be is skipped with a warning naming it: the messages do not need it,
/// they only lose names.
fn read_directory(
    file: &str,
    zip: &mut Zip,
    companions: &[(usize, FileKind)],
    dataset: &mut Dataset,
) -> Result<Directory, ImportError> {
    let mut dir = Directory::default();
    for &(at, kind) in companions {
        // Past a budget the zip is refused; a companion that does not parse is skipped.
        let content = zip.read(at, dataset)?;
        let path = format!("{file}/{}", zip.name(at));
        let read = match kind {
            FileKind::Users => parse_users(&path, &content).map(|u| dir.users.extend(u)),
            FileKind::Channels => parse_channels(&path, &content).map(|c| dir.add_channels(c)),
            FileKind::Ignored | FileKind::Day => Ok(()),
        };
        if let Err(e) = read {
            dataset.warnings.push(skipped_companion(&e));
        }
    }
    Ok(dir)
}

/// The warning for a workspace file that could not be read.
pub(super) fn skipped_companion(error: &ImportError) -> String {
    format!("{error}; this file was skipped, so the people or channels it names go by their ids.")
}

/// The error for a zip that holds no export.
fn unreadable(file: &str, what: String) -> ImportError {
    ImportError::Shape {
        file: file.to_string(),
        what,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::unzip::normal_name;

    #[test]
    fn entries_by_place() {
        assert_eq!(zip_day_folder("general/2024-03-01.json"), Some("general"));
        assert_eq!(
            zip_day_folder("export/general/2024-03-01.json"),
            Some("general")
        );
        assert_eq!(zip_day_folder("2024-03-01.json"), None);
        assert_eq!(zip_day_folder("__MACOSX/general/2024-03-01.json"), None);
        assert_eq!(zip_companion("users.json"), Some(FileKind::Users));
        assert_eq!(zip_companion("export/dms.json"), Some(FileKind::Channels));
        assert_eq!(zip_companion("export/general/users.json"), None);
        let windows = normal_name("export\\general\\2024-03-01.json");
        assert_eq!(zip_day_folder(&windows), Some("general"));
    }

    #[test]
    fn not_a_zip_says_so() {
        let err = read_zip(
            "x.zip",
            b"PK\x03\x04 and then nothing",
            &mut Dataset::default(),
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
        assert!(err.starts_with("x.zip: the zip cannot be opened"), "{err}");
    }
}
