//! The zip Element makes when attachments are included (`matrix-export-….zip`): the room
//! as `export.json` next to `images/`, `files/`, `videos/`… The attachments are passed over
//! by name and never unpacked; the export is unpacked within the budgets of
//! [`budget`](crate::import::budget) (see [`Zip`]).

use super::read_json;
use crate::import::error::ImportError;
use crate::import::unzip::Zip;
use crate::model::Dataset;

/// How much of an entry is unpacked to tell whether it is a room export.
const SNIFF: u64 = 64 * 1024;

/// Why a zip without a room export is refused.
const NO_EXPORT: &str = "the zip holds no Matrix room export: expected the export.json \
    Element writes (Room info → Export chat → JSON, with attachments)";

/// True for bytes that start like a zip.
pub(super) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// True when the bytes open as a zip holding a `.json` entry that starts like a room
/// export (only its first [`SNIFF`] bytes are unpacked).
pub(super) fn holds_export(bytes: &[u8]) -> bool {
    let Ok(mut zip) = Zip::open("", bytes) else {
        return false;
    };
    !exports(&mut zip).is_empty()
}

/// Reads every room export in the zip (Element writes one), each named `zip: entry`.
pub(super) fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let mut zip = Zip::open_to_read(file, bytes, "; export the room again")?;
    let found = exports(&mut zip);
    if found.is_empty() {
        return Err(ImportError::Shape {
            file: file.to_string(),
            what: NO_EXPORT.into(),
        });
    }
    let at: Vec<usize> = found.iter().map(|(at, _)| *at).collect();
    zip.refuse_overlaps(&at)?;
    for (at, entry) in &found {
        // One entry unpacked at a time: read, parsed, and dropped before the next.
        let data = zip.read(*at, dataset)?;
        read_json(&format!("{file}: {entry}"), &data, dataset)?;
    }
    Ok(())
}

/// The `.json` entries (index, name) whose head looks like a room export; attachments
/// (any other name) are never unpacked.
fn exports(zip: &mut Zip) -> Vec<(usize, String)> {
    let names = zip.names();
    names
        .into_iter()
        .filter(|(_, name)| name.to_ascii_lowercase().ends_with(".json"))
        .filter(|(at, _)| {
            zip.head(*at, SNIFF)
                .is_some_and(|head| !is_zip(&head) && super::detect("", &head))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::detect;
    use super::*;
    use std::io::{Cursor, Write};

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in entries {
            let options = zip::write::SimpleFileOptions::default();
            assert!(w.start_file(*name, options).is_ok());
            assert!(w.write_all(bytes).is_ok());
        }
        w.finish().map(|c| c.into_inner()).unwrap_or_default()
    }

    const ROOM: &str = r#"{"room_name":"Lobby","room_creator":"Ann","topic":"",
      "export_date":"06/12/2026","exported_by":"Ann","messages":[
      {"type":"m.room.message","sender":"@ann:x.org","origin_server_ts":1700000000000,
       "event_id":"$1","room_id":"!r:x.org","content":{"msgtype":"m.text","body":"hi"}}]}"#;

    #[test]
    fn the_export_is_read_and_attachments_are_not_unpacked() {
        let bytes = zip_of(&[
            ("images/cat-06-12-2026.png", b"\x89PNG"),
            ("export.json", ROOM.as_bytes()),
        ]);
        assert!(detect("matrix-export.zip", &bytes));
        let mut d = Dataset::default();
        assert!(read("m.zip", &bytes, &mut d).is_ok());
        assert_eq!(d.messages.len(), 1);
        assert_eq!(d.files[0].name, "m.zip: export.json");
        assert_eq!(d.unpacked_bytes(), ROOM.len() as u64, "only the export");
    }

    #[test]
    fn a_zip_without_an_export_is_refused_in_one_sentence() {
        let bytes = zip_of(&[("notes.json", b"{\"a\":1}")]);
        assert!(!detect("x.zip", &bytes));
        let mut d = Dataset::default();
        let err = read("x.zip", &bytes, &mut d).err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.starts_with("x.zip: the zip holds no Matrix room export")));
        let err = read("c.zip", b"PK\x03\x04 broken", &mut d)
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.starts_with("c.zip: the zip cannot be opened")));
    }
}
