//! Zips through every way in (the page's main thread and `analyze`, the worker's stream,
//! the CLI's sized read): a bomb is the same one sentence naming the zip and the entry
//! everywhere, and names written with `\` (Windows PowerShell) read as folders.

use std::cell::Cell;
use std::io::{Cursor, Write};

use peerscope_core::import::{self, Input};
use peerscope_core::model::options::Options;
use peerscope_core::model::Dataset;
use peerscope_core::report::analyze;

use crate::support::{counts, fixtures_dir, report};

/// A zip of `entries` (name, bytes), deflated.
fn zip_of(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        w.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A WhatsApp zip whose chat is a header and then 16 MiB of one letter.
fn chat_bomb() -> Vec<u8> {
    let mut chat = b"12/09/20, 23:55 - Ann: hi\n12/09/20, 23:56 - Bo: ".to_vec();
    chat.resize(16 << 20, b'a');
    zip_of(&[("_chat.txt".into(), chat)])
}

const BOMB: &str = "bomb.zip: _chat.txt: this entry unpacks to more than 200 times its packed \
    size, which no export does (a zip bomb?); download the export again";

#[test]
fn a_bomb_is_one_sentence_on_every_way_in() {
    let bytes = chat_bomb();
    let whole = analyze(
        &[Input::new("bomb.zip", bytes.clone())],
        &Options::default(),
    );
    assert_eq!(whole.err().map(|e| e.to_string()).as_deref(), Some(BOMB));
    let mut dataset = Dataset::default();
    let (messages, slices) = (Cell::new(0), std::io::BufReader::new(&bytes[..]));
    let streamed = import::read_stream_counting("bomb.zip", slices, None, &mut dataset, &messages);
    assert_eq!(streamed.err().map(|e| e.to_string()).as_deref(), Some(BOMB));
    let size = bytes.len() as u64;
    let sized = import::read_sized("bomb.zip", size, &bytes[..], None, &mut dataset, &messages);
    assert_eq!(sized.err().map(|e| e.to_string()).as_deref(), Some(BOMB));
}

/// tests/fixtures/slack_export/ zipped from its folder, names joined by `separator`.
fn slack_zip(separator: &str) -> Input {
    let files = [
        "users.json",
        "channels.json",
        "general/2024-03-01.json",
        "general/2024-03-02.json",
        "random/2024-03-02.json",
    ];
    let root = fixtures_dir().join("slack_export");
    let entries: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|f| {
            let name = format!("slack_export/{f}").replace('/', separator);
            (name, std::fs::read(root.join(f)).unwrap())
        })
        .collect();
    Input::new("slack.zip", zip_of(&entries))
}

#[test]
fn backslash_names_read_as_folders() {
    let options = Options::default();
    let windows = report(&[slack_zip("\\")], &options);
    let unix = report(&[slack_zip("/")], &options);
    assert!(counts(&windows).0 > 0);
    assert_eq!(counts(&windows), counts(&unix));
    assert_eq!(windows.spaces.len(), unix.spaces.len());
}
