//! The `.zip` WhatsApp makes when media are included: the chat's `.txt` (`_chat.txt` on
//! iOS, `WhatsApp Chat with X.txt` on Android) next to the photos and voice notes,
//! which are never unpacked (they are passed over by name).
//!
//! Chats are unpacked and read one at a time, each within the budgets of
//! [`budget`](crate::import::budget) (see [`Zip`]).

use super::{read_chat, starts_like_chat, stem, utf8, SNIFF};
use crate::import::error::ImportError;
use crate::import::unzip::Zip;
use crate::model::Dataset;

/// Why a zip without a chat is refused, with what a chat looks like.
const NO_CHAT: &str = "the zip holds no WhatsApp chat: expected a .txt such as _chat.txt or \
    \"WhatsApp Chat with ….txt\" whose lines start like \"31/12/20, 23:55 - Name: text\"";

/// Reads every chat in the zip. One chat per zip is the norm and takes the zip's name
/// as its space; several each get their own space. A zip with no chat is an error, and so
/// is one past a budget (named with the entry).
pub fn read(file: &str, bytes: &[u8], dataset: &mut Dataset) -> Result<(), ImportError> {
    let mut zip = Zip::open_to_read(file, bytes, "; export the chat again")?;
    let chats = chats(&mut zip);
    if chats.is_empty() {
        return Err(ImportError::Shape {
            file: file.to_string(),
            what: NO_CHAT.into(),
        });
    }
    let at: Vec<usize> = chats.iter().map(|(at, _)| *at).collect();
    zip.refuse_overlaps(&at)?;
    let several = chats.len() > 1;
    for (at, entry) in &chats {
        // One entry unpacked at a time: read, parsed, and dropped before the next.
        let data = zip.read(*at, dataset)?;
        let name = format!("{file}: {entry}");
        let space = if several {
            format!("{}/{}", stem(file), stem(entry))
        } else {
            stem(file)
        };
        read_chat(&name, &space, utf8(&name, &data)?, dataset)?;
    }
    Ok(())
}

/// True when the bytes open as a zip holding a `.txt` that starts like a chat (it looks
/// no further than the first).
pub fn holds_chat(bytes: &[u8]) -> bool {
    let Ok(mut zip) = Zip::open("", bytes) else {
        return false;
    };
    let texts = texts(&zip);
    texts.into_iter().any(|(at, _)| is_chat(&mut zip, at))
}

/// The `.txt` entries of a zip (index, name) whose first [`SNIFF`] bytes start like a
/// chat; only those bytes are unpacked. Entries that cannot be read (encrypted, damaged)
/// are passed over.
fn chats(zip: &mut Zip) -> Vec<(usize, String)> {
    let texts = texts(zip);
    texts
        .into_iter()
        .filter(|(at, _)| is_chat(zip, *at))
        .collect()
}

/// The `.txt` entries of a zip (index, name), by name only.
fn texts(zip: &Zip) -> Vec<(usize, String)> {
    zip.names()
        .into_iter()
        .filter(|(_, name)| name.to_ascii_lowercase().ends_with(".txt"))
        .collect()
}

/// True when entry `at` starts like a chat (its first [`SNIFF`] bytes unpacked).
fn is_chat(zip: &mut Zip, at: usize) -> bool {
    zip.head(at, SNIFF as u64)
        .is_some_and(|head| starts_like_chat(&String::from_utf8_lossy(&head)))
}

#[cfg(test)]
mod tests {
    use super::super::detect;
    use super::super::tests::CHAT;
    use super::*;
    use crate::model::MessageKind;
    use std::io::{Cursor, Write};

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
        assert_eq!(
            d.unpacked_bytes(),
            CHAT.len() as u64,
            "only the chat unpacked"
        );
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
        let bytes = zip_of(&[("a.txt", CHAT), ("b\\c.txt", CHAT)]);
        let d = load("two.zip", &bytes).unwrap_or_default();
        let ids: Vec<&str> = d.spaces.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["two/a", "two/c"]);
        assert!(!detect("c.zip", b"PK\x03\x04 broken"));
        let err = load("c.zip", b"PK\x03\x04 broken")
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.starts_with("c.zip: the zip cannot be opened")));
    }
}
