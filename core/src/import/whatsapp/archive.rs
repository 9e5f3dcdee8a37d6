//! The `.zip` WhatsApp makes when media are included: the chat's `.txt` (`_chat.txt` on
//! iOS, `WhatsApp Chat with X.txt` on Android) next to the photos and voice notes,
//! which are not read.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::{read_chat, starts_like_chat, stem, utf8, SNIFF};
use crate::import::error::ImportError;
use crate::model::Dataset;

/// A chat's text is a few MB at most; a larger entry is refused rather than unpacked
/// into memory.
const MAX_ENTRY: u64 = 256 << 20;

/// Why a zip without a chat is refused, with what a chat looks like.
const NO_CHAT: &str = "the zip holds no WhatsApp chat: expected a .txt such as _chat.txt or \
    \"WhatsApp Chat with ….txt\" whose lines start like \"31/12/20, 23:55 - Name: text\"";

/// Reads every chat in the zip. One chat per zip is the norm and takes the zip's name
/// as its space; several each get their own space. A zip with no chat is an error.
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let chats = chats(bytes, MAX_ENTRY + 1).map_err(|e| ImportError::Shape {
        file: file.to_string(),
        what: format!("this zip cannot be opened ({e}); export the chat again"),
    })?;
    if chats.is_empty() {
        return Err(ImportError::Shape {
            file: file.to_string(),
            what: NO_CHAT.into(),
        });
    }
    let several = chats.len() > 1;
    for (entry, data) in &chats {
        let name = format!("{file}: {entry}");
        if data.len() as u64 > MAX_ENTRY {
            return Err(ImportError::Shape {
                file: name,
                what: "the chat is larger than 256 MB, which no WhatsApp export is".into(),
            });
        }
        // One chat per zip is the norm; several become one space each.
        let space = if several {
            format!("{}/{}", stem(file), stem(entry))
        } else {
            stem(file)
        };
        read_chat(&name, &space, utf8(&name, data)?, dataset)?;
    }
    Ok(())
}

/// The `.txt` entries of a zip that start like a chat, each read up to `limit` bytes.
/// Entries that cannot be read (encrypted, damaged) are passed over.
pub fn chats(bytes: &[u8], limit: u64) -> zip::result::ZipResult<Vec<(String, Vec<u8>)>> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))?;
    let mut chats = Vec::new();
    for i in 0..archive.len() {
        let Ok(entry) = archive.by_index(i) else {
            continue;
        };
        let name = entry.name().to_string();
        if entry.is_dir() || !name.to_ascii_lowercase().ends_with(".txt") {
            continue;
        }
        let mut data = Vec::new();
        if entry.take(limit).read_to_end(&mut data).is_err() {
            continue;
        }
        let head = data.get(..data.len().min(SNIFF)).unwrap_or(&data);
        if starts_like_chat(&String::from_utf8_lossy(head)) {
            chats.push((name, data));
        }
    }
    Ok(chats)
}

#[cfg(test)]
mod tests {
    use super::super::detect;
    use super::super::tests::CHAT;
    use super::*;
    use crate::model::MessageKind;
    use std::io::Write;

    fn load(name: &str, bytes: &[u8]) -> Result<Dataset, ImportError> {
        let mut d = Dataset::default();
        read(name, bytes, &mut d).map(|()| d)
    }

    fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, text) in entries {
            let options = zip::write::SimpleFileOptions::default();
            assert!(w.start_file(*name, options).is_ok());
            assert!(w.write_all(text.as_bytes()).is_ok());
        }
        w.finish().map(|c| c.into_inner()).unwrap_or_default()
    }

    #[test]
    fn zips_hold_the_chat_and_media() {
        let bytes = zip_of(&[
            ("IMG-20200913-WA0001.jpg", "\u{FF}\u{D8}"),
            ("WhatsApp Chat with Hikes.txt", CHAT),
        ]);
        assert!(detect("x.zip", &bytes));
        let d = load("WhatsApp Chat - Hikes.zip", &bytes).unwrap_or_default();
        assert_eq!(d.messages.len(), 5);
        assert_eq!(d.messages[0].kind, MessageKind::System);
        assert_eq!(d.files[0].space, "Hikes");
        let none = zip_of(&[("notes.txt", "just notes")]);
        assert!(!detect("x.zip", &none));
        let err = load("x.zip", &none).err().map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.starts_with("x.zip: the zip holds no WhatsApp chat")));
        let bad = zip_of(&[("_chat.txt", "1/1/21, 10:00 - a: b\n1/1/21, 99:00 - a: c")]);
        let err = load("c.zip", &bad).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some(
                "c.zip: _chat.txt: line 2, column 9: \"1/1/21, 99:00 -\" is not a real date and \
                 time (read as day/month/year, as the rest of the chat is)"
            )
        );
    }

    #[test]
    fn several_chats_are_several_spaces_and_broken_zips_say_so() {
        let bytes = zip_of(&[("a.txt", CHAT), ("b/c.txt", CHAT)]);
        let d = load("two.zip", &bytes).unwrap_or_default();
        let ids: Vec<&str> = d.spaces.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["two/a", "two/c"]);
        assert!(!detect("c.zip", b"PK\x03\x04 broken"));
        let err = load("c.zip", b"PK\x03\x04 broken")
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.starts_with("c.zip: this zip cannot be opened")));
    }
}
