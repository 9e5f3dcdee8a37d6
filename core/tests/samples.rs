//! Conformance over real exports written by other people, in `../shared/samples/discord`
//! (not copied into this repository). Skipped, with a message, when the folder is absent.

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::PathBuf;

use peerscope_core::{import::Input, model::options::Options, report::analyze};

fn samples() -> Option<PathBuf> {
    // `PEERSCOPE_SAMPLES` names the samples folder when `../shared` is not beside the
    // checkout (a git worktree elsewhere).
    let root = std::env::var_os("PEERSCOPE_SAMPLES").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/samples"),
        PathBuf::from,
    );
    let dir = root.join("discord");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: {} is absent", dir.display());
        None
    }
}

fn read(dir: &std::path::Path, name: &str) -> Input {
    let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    Input::new(name, bytes)
}

#[test]
fn every_sample_reads_without_error() {
    let Some(dir) = samples() else { return };
    let mut read_any = 0;
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with(".json") {
            let result = analyze(&[read(&dir, &name)], &Options::default());
            assert!(result.is_ok(), "{name}: {:?}", result.err());
            read_any += 1;
        }
    }
    assert!(read_any >= 6);
}

/// dcef_general.json: replies via `reference` on `Default` messages, a ThreadCreated
/// notice, joins, mentions and reactions.
#[test]
fn dcef_general_has_every_observable_metric() {
    let Some(dir) = samples() else { return };
    let r = analyze(&[read(&dir, "dcef_general.json")], &Options::default()).map(|a| a.report);
    let r = r.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        r.counts.messages, 31,
        "35 messages minus 3 joins and the thread notice"
    );
    assert_eq!(r.counts.replies, 2);
    let json = serde_json::to_value(&r.metrics).unwrap_or_default();
    for (key, m) in json.as_object().into_iter().flatten() {
        if m["value"].is_null() {
            assert!(
                m["reason"].as_str().is_some_and(|s| !s.is_empty()),
                "{key} is null without a reason"
            );
        }
    }
    for key in [
        "host_share",
        "centralization",
        "resilience",
        "peer_reply_share",
        "connect_share",
        "density",
        "isolate_share",
    ] {
        assert!(json[key]["value"].is_number(), "{key}");
    }
}

/// The partial re-export of the same channel adds nothing new: duplicates merge.
#[test]
fn overlapping_exports_merge() {
    let Some(dir) = samples() else { return };
    let whole = analyze(&[read(&dir, "dcef_chill_talk.json")], &Options::default())
        .map(|a| a.report.counts.messages);
    let both = analyze(
        &[
            read(&dir, "dcef_chill_talk.json"),
            read(&dir, "dcef_chill_talk_partial.json"),
        ],
        &Options::default(),
    )
    .map(|a| a.report.counts.messages);
    assert_eq!(whole.ok(), both.ok());
}
