//! Conformance over every folder of `../shared/samples/`, real exports written by other
//! people, driven by one table: for each folder, the format detection must give, which
//! files are exports, how many there are, and which of them the reader refuses and in
//! what sentence. Every other export must read on its own to a report with messages and
//! people, named with its format. Folders of platforms peerscope does not read are rows
//! too: detection must refuse each of their files rather than take it for another format.
//!
//! The hand counts of each file are in the format's own module; this is what must hold
//! for every file, so a new export dropped into a folder is checked at once, and a new
//! folder fails [`every_samples_folder_has_a_row`] until it gets its row.

use std::path::PathBuf;

use crate::support::{samples, shared_samples};
use peerscope_core::import::{self, Format, Input};
use peerscope_core::{model::options::Options, report::analyze};

/// How detection refuses a file that is no export peerscope reads (after `<file>: `).
const NOT_AN_EXPORT: &str = "line 1, column 1: this is not an export peerscope reads (";

/// Slack's workspace lists, read alone (after `<file>: `): they name people and
/// channels, and their messages are in the day files.
const NO_MESSAGES: &str = "the export holds no messages, so there is nothing to measure.";

/// One folder of `../shared/samples/` and what must hold for the files in it.
struct Row {
    /// The folder's name.
    folder: &'static str,
    /// The format detection gives for its exports; `None` for a platform peerscope does
    /// not read, whose every file detection must refuse with [`NOT_AN_EXPORT`].
    format: Option<Format>,
    /// How an export's name ends. Any other file but `SOURCES.md` is a failure, so
    /// nothing in the folder goes unchecked.
    extensions: &'static [&'static str],
    /// How many exports the folder holds: one lost or added is noticed (a new one then
    /// needs its hand count in the format's module).
    exports: usize,
    /// Exports that do not read alone, each with the start of its one sentence after
    /// `<file>: `. Detection still gives the row's format, unless the sentence is
    /// [`NOT_AN_EXPORT`].
    refused: &'static [(&'static str, &'static str)],
}

const TABLE: [Row; 11] = [
    Row {
        folder: "discord",
        format: Some(Format::Discord),
        extensions: &[".json"],
        exports: 6,
        refused: &[],
    },
    Row {
        folder: "discourse",
        format: Some(Format::Discourse),
        extensions: &[".json"],
        exports: 5,
        refused: &[
            (
                "discourse_api_post_action_users.json",
                "this is a Discourse list of who liked a post",
            ),
            (
                "discourse_api_replies_and_topics.json",
                "this is a Discourse list of one person's activity",
            ),
        ],
    },
    Row {
        folder: "messenger",
        format: Some(Format::Messenger),
        extensions: &[".json"],
        exports: 1,
        refused: &[],
    },
    Row {
        folder: "reddit",
        format: Some(Format::Reddit),
        extensions: &[".json"],
        exports: 6,
        refused: &[],
    },
    Row {
        folder: "slack",
        format: Some(Format::Slack),
        extensions: &[".json", ".zip"],
        exports: 7,
        refused: &[
            ("slackdump_export_channels.json", NO_MESSAGES),
            ("slackdump_export_dms.json", NO_MESSAGES),
            ("slackdump_export_mpims.json", NO_MESSAGES),
        ],
    },
    Row {
        folder: "telegram",
        format: Some(Format::Telegram),
        extensions: &[".json"],
        exports: 4,
        refused: &[],
    },
    Row {
        folder: "whatsapp",
        format: Some(Format::WhatsApp),
        extensions: &[".txt", ".zip", ".json"],
        exports: 6,
        // whatstk's catalogue of header formats, not a chat (read by
        // `whatsapp::whatstk_header_catalogue`).
        refused: &[("whatstk_header_format_support.json", NOT_AN_EXPORT)],
    },
    Row {
        folder: "youtube",
        format: Some(Format::YouTube),
        extensions: &[".json"],
        exports: 5,
        refused: &[],
    },
    Row {
        folder: "github",
        format: Some(Format::GitHub),
        extensions: &[".json"],
        exports: 5,
        refused: &[],
    },
    Row {
        folder: "mastodon",
        format: Some(Format::Mastodon),
        extensions: &[".json"],
        exports: 2,
        refused: &[],
    },
    Row {
        folder: "youtube-live-chat",
        format: Some(Format::YouTubeLiveChat),
        extensions: &[".json"],
        exports: 1,
        refused: &[],
    },
];

/// Formats with no folder of real exports yet, and what stands in for one. When such a
/// folder appears, [`every_samples_folder_has_a_row`] asks for its row.
const NO_FOLDER: [(Format, &str); 3] = [
    (
        Format::Csv,
        "no public export in CSV was found; tests/fixtures/csv_*.csv are the conformance set",
    ),
    (
        Format::Matrix,
        "no licensed Matrix room export was found; tests/fixtures/matrix_*.json, written \
         from element-web's exporter, are the conformance set",
    ),
    (
        Format::Zulip,
        "no licensed real Zulip export was found; tests/fixtures/zulip_* are written from \
         Zulip's documented REST answer and export format",
    ),
];

/// The exports of a row's folder, sorted; a file that is neither an export nor
/// `SOURCES.md` is reported in `failures`.
fn exports(row: &Row, failures: &mut Vec<String>) -> Vec<Input> {
    let dir = samples(row.folder);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    paths.sort();
    let mut inputs = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if name == "SOURCES.md" {
            continue;
        }
        if !row.extensions.iter().any(|end| name.ends_with(end)) {
            failures.push(format!(
                "{}/{name}: not one of {:?}",
                row.folder, row.extensions
            ));
            continue;
        }
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        inputs.push(Input::new(name, bytes));
    }
    if inputs.len() != row.exports {
        failures.push(format!(
            "{}: {} exports, the table says {}",
            row.folder,
            inputs.len(),
            row.exports
        ));
    }
    inputs
}

/// The sentence `name` is refused with, when the table lists one.
fn refusal(row: &Row, name: &str) -> Option<&'static str> {
    row.refused
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, sentence)| *sentence)
}

/// Panics listing every failure at once, so one run shows all that broke.
fn report_all(failures: &[String]) {
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_export_is_detected_as_its_folders_format() {
    let mut failures = Vec::new();
    for row in &TABLE {
        for input in exports(row, &mut failures) {
            let at = format!("{}/{}", row.folder, input.name);
            let detected = import::detect(&input).map_err(|e| e.to_string());
            let refused = row.format.is_none() || refusal(row, &input.name) == Some(NOT_AN_EXPORT);
            match (refused, row.format, detected) {
                (true, _, Err(e)) if e.starts_with(&format!("{}: {NOT_AN_EXPORT}", input.name)) => {
                }
                (false, Some(format), Ok(got)) if got == format => {}
                (_, want, got) => failures.push(format!("{at}: detected {got:?}, want {want:?}")),
            }
        }
    }
    report_all(&failures);
}

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_export_reads_or_is_refused_in_its_sentence() {
    let mut failures = Vec::new();
    for row in &TABLE {
        for input in exports(row, &mut failures) {
            let at = format!("{}/{}", row.folder, input.name);
            let sentence = match (row.format, refusal(row, &input.name)) {
                (None, _) => Some(NOT_AN_EXPORT),
                (Some(_), listed) => listed,
            };
            let result = analyze(std::slice::from_ref(&input), &Options::default());
            match (sentence, result) {
                (Some(start), Err(e)) => {
                    let said = e.to_string();
                    if !said.starts_with(&format!("{}: {start}", input.name)) {
                        failures.push(format!("{at}: refused with {said:?}, want {start:?}"));
                    }
                }
                (Some(start), Ok(_)) => failures.push(format!("{at}: read, want {start:?}")),
                (None, Err(e)) => failures.push(format!("{at}: {e}")),
                (None, Ok(analysis)) => {
                    let r = &analysis.report;
                    let named = row.format.map(Format::as_str);
                    if r.counts.messages == 0 || r.counts.participants == 0 {
                        failures.push(format!("{at}: {:?}", r.counts));
                    }
                    if Some(r.sources.format.as_str()) != named {
                        failures.push(format!("{at}: read as {:?}", r.sources.format));
                    }
                }
            }
        }
    }
    report_all(&failures);
}

/// The table covers the samples folder exactly, and every format peerscope reads has a
/// folder or a reason for having none.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_samples_folder_has_a_row() {
    let root = samples("");
    let mut folders: Vec<String> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_dir())
        .filter_map(|path| path.file_name().map(|n| n.to_string_lossy().to_string()))
        .collect();
    folders.sort();
    let mut rows: Vec<String> = TABLE.iter().map(|row| row.folder.to_string()).collect();
    rows.sort();
    assert_eq!(
        folders, rows,
        "a folder of samples without a row, or the reverse"
    );

    for format in Format::ALL {
        let has_row = TABLE.iter().any(|row| row.format == Some(format));
        let excused = NO_FOLDER.iter().any(|(f, _)| *f == format);
        assert!(
            has_row != excused,
            "{format:?}: a row, or a reason for none"
        );
    }
    for (format, why) in NO_FOLDER {
        let folder = shared_samples().join(format.as_str());
        assert!(
            !folder.exists(),
            "{}: give it a row ({why})",
            folder.display()
        );
    }
}
