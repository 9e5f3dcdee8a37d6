//! The Slack fixture workspace and ways to look into a dataset, shared by
//! [`crate::slack`] (zip, folder and day files) and [`crate::slack::samples`] (real
//! exports and the one-file shapes).
//!
//! `tests/fixtures/slack_export/` is a small hand-written workspace (`channels.json`,
//! `users.json` and the day files of [`DAY_FILES`]); [`export_zip`] builds its zip in
//! memory. What the messages hold is told at the top of `slack.rs`.

use std::io::Write;
use std::path::PathBuf;

use peerscope_core::graph::interactions::{Conversation, InteractionKind};
use peerscope_core::import;
use peerscope_core::import::Input;
use peerscope_core::model::{Dataset, Message, Person};

/// The workspace's day files, as `<channel>/<day>.json`.
pub const DAY_FILES: [&str; 3] = [
    "general/2024-03-01.json",
    "general/2024-03-02.json",
    "random/2024-03-02.json",
];

/// `tests/fixtures/slack_export/`, the hand-written workspace.
pub fn workspace_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/slack_export")
}

/// The bytes of one workspace file, `name` relative to [`workspace_dir`]. Panics if it
/// cannot be read.
pub fn workspace_file(name: &str) -> Vec<u8> {
    std::fs::read(workspace_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A zip of `entries` (name, bytes), deflated, as Slack's "Export data" writes it. A name
/// ending in `/` becomes a folder entry (its bytes are ignored).
pub fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in entries {
        if name.ends_with('/') {
            writer
                .add_directory(*name, options)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            continue;
        }
        writer
            .start_file(*name, options)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        writer
            .write_all(bytes)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    writer
        .finish()
        .unwrap_or_else(|e| panic!("zip: {e}"))
        .into_inner()
}

/// The fixture workspace as one zip, with a folder entry and macOS litter as real zips have.
pub fn export_zip() -> Vec<u8> {
    let mut entries = vec![
        ("channels.json", workspace_file("channels.json")),
        ("users.json", workspace_file("users.json")),
        ("general/", Vec::new()),
        (
            "__MACOSX/general/._2024-03-01.json",
            b"\0\x05\x16\x07".to_vec(),
        ),
    ];
    entries.extend(DAY_FILES.iter().map(|&d| (d, workspace_file(d))));
    zip_of(&entries)
}

/// The workspace's day files as loose inputs named `<prefix><channel>/<day>.json`.
pub fn loose_inputs(prefix: &str) -> Vec<Input> {
    DAY_FILES
        .iter()
        .map(|&d| Input::new(format!("{prefix}{d}"), workspace_file(d)))
        .collect()
}

/// The dataset the importer makes of `inputs`; panics with the error if it fails.
pub fn load(inputs: &[Input]) -> Dataset {
    import::import(inputs, None).unwrap_or_else(|e| panic!("{e}"))
}

/// The person with this platform id; panics if there is none.
pub fn person<'d>(d: &'d Dataset, id: &str) -> &'d Person {
    d.people
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("{id} is not in the dataset"))
}

/// The index of the person with this platform id; panics if there is none.
pub fn person_idx(d: &Dataset, id: &str) -> u32 {
    d.people
        .iter()
        .position(|p| p.id == id)
        .map(|at| at as u32)
        .unwrap_or_else(|| panic!("{id} is not in the dataset"))
}

/// The message with this `ts` in the space with this id; panics if there is none.
pub fn message<'d>(d: &'d Dataset, space: &str, ts: &str) -> &'d Message {
    d.messages
        .iter()
        .find(|m| {
            m.id == ts
                && d.spaces
                    .get(m.space as usize)
                    .is_some_and(|s| s.id == space)
        })
        .unwrap_or_else(|| panic!("{space}/{ts} is not in the dataset"))
}

/// Every interaction as "from → to (kind)" by display name, sorted.
pub fn interactions(d: &Dataset) -> Vec<String> {
    let conv = Conversation::build(d);
    let mut out: Vec<String> = conv
        .interactions
        .iter()
        .map(|i| {
            let kind = match i.kind {
                InteractionKind::Reply => "reply",
                InteractionKind::ThreadReply => "thread",
                InteractionKind::InferredReply => "inferred",
                InteractionKind::Mention => "mention",
            };
            format!("{} → {} ({kind})", d.display(i.from), d.display(i.to))
        })
        .collect();
    out.sort();
    out
}
