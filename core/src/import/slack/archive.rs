//! The export as Slack's "Export data" downloads it: one zip holding the workspace files
//! at the top (or under the one folder the zip was made from) and a folder per channel
//! of `YYYY-MM-DD.json` day files. macOS litter (`__MACOSX/`) is skipped.

use std::io::{Cursor, Read};

use ::zip::ZipArchive;

use super::companion::{companion_kind, parse_channels, parse_users, Directory};
use super::day::read_day;
use super::names::{base_name, is_day_name};
use super::space::{channel_space, ChannelNames};
use super::{push_summary, FileKind};
use crate::import::error::ImportError;
use crate::model::Dataset;

/// An open zip over the bytes given.
type Archive<'b> = ZipArchive<Cursor<&'b [u8]>>;

/// A day file of the zip: (its channel folder, its path, its index in the zip).
type DayEntry = (String, String, usize);

/// True for the bytes of a zip (a local file header, or the end record of an empty one).
pub(super) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// True when the zip opens and holds `users.json`, a channel list or a day file.
pub(super) fn zip_is_slack(bytes: &[u8]) -> bool {
    let Ok(archive) = ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    let found = archive.file_names().any(|name| {
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
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| unreadable(file, format!("the zip cannot be opened ({e})")))?;
    let (mut companions, mut days) = list_entries(&archive);
    if days.is_empty() && companions.is_empty() {
        return Err(unreadable(
            file,
            "this zip holds no Slack export (no users.json, channels.json or \
             <channel>/YYYY-MM-DD.json)"
                .into(),
        ));
    }
    // People first, so direct messages can be named after them.
    companions.sort_by_key(|&(_, kind)| kind != FileKind::Users);
    let dir = read_directory(file, &mut archive, &companions, &mut dataset.warnings)?;
    days.sort();
    let mut total = 0u64;
    let mut names = ChannelNames::of(dataset);
    // Sorted by folder, so each channel's days are adjacent and a new folder is a new
    // channel.
    let mut channels: Vec<&str> = Vec::new();
    for (folder, _, at) in &days {
        let (path, content) = entry(file, &mut archive, *at)?;
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

/// The zip's workspace files (index, kind) and day files, in the zip's order.
fn list_entries(archive: &Archive) -> (Vec<(usize, FileKind)>, Vec<DayEntry>) {
    let mut companions = Vec::new();
    let mut days = Vec::new();
    for at in 0..archive.len() {
        let Some(name) = archive.name_for_index(at) else {
            continue;
        };
        if let Some(folder) = zip_day_folder(name) {
            days.push((folder.to_string(), name.to_string(), at));
        } else if let Some(kind) = zip_companion(name) {
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
    archive: &mut Archive,
    companions: &[(usize, FileKind)],
    warnings: &mut Vec<String>,
) -> Result<Directory, ImportError> {
    let mut dir = Directory::default();
    for &(at, kind) in companions {
        let (path, content) = entry(file, archive, at)?;
        let read = match kind {
            FileKind::Users => parse_users(&path, &content).map(|u| dir.users.extend(u)),
            FileKind::Channels => parse_channels(&path, &content).map(|c| dir.add_channels(c)),
            FileKind::Ignored | FileKind::Day => Ok(()),
        };
        if let Err(e) = read {
            warnings.push(skipped_companion(&e));
        }
    }
    Ok(dir)
}

/// The warning for a workspace file that could not be read.
pub(super) fn skipped_companion(error: &ImportError) -> String {
    format!("{error}; this file was skipped, so the people or channels it names go by their ids.")
}

/// One entry unpacked: its path (`<zip>/<entry>`, for errors) and its bytes.
fn entry(file: &str, archive: &mut Archive, at: usize) -> Result<(String, Vec<u8>), ImportError> {
    let mut f = archive
        .by_index(at)
        .map_err(|e| unreadable(file, format!("entry {} cannot be read ({e})", at + 1)))?;
    let path = format!("{file}/{}", f.name());
    let mut content = Vec::with_capacity(usize::try_from(f.size()).unwrap_or(0).min(1 << 26));
    f.read_to_end(&mut content)
        .map_err(|e| unreadable(&path, format!("cannot be unpacked ({e})")))?;
    Ok((path, content))
}

/// The error for a zip (or an entry of it) that cannot be read as one.
fn unreadable(file: &str, what: String) -> ImportError {
    ImportError::Shape {
        file: file.to_string(),
        what,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
