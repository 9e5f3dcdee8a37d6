//! The hostile texts of `tests/hostile/texts.py` through the `peerscope` binary: inputs
//! that once cost quadratic time, swallowed rows without a word, or refused a whole export
//! over a field peerscope does not use (issue 21). Each case runs under a 4 GB
//! address-space limit (`prlimit --as`) and a 20 s timeout, and must end with exit 0 and
//! the warnings named here, or exit 2 and one line naming the file; never a panic.
//!
//! A debug build runs the corpus at a tenth of the sizes (a debug binary is about
//! 20 times slower), a release build (`cargo test --release`) at the full sizes. `make
//! test` writes the tenth into `target/hostile-texts` before the tests; when that folder
//! is missing, at another scale, or older than the script, the test writes its own.

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Address space allowed to one run: what the reproductions had.
const ADDRESS_SPACE: &str = "4294967296";
/// Seconds one case may take.
const SECONDS: &str = "20";
/// The corpus's scale (see the module doc).
const SCALE: &str = if cfg!(debug_assertions) { "0.1" } else { "1" };

/// What a case must end with.
enum Outcome {
    /// Exit 0; `counts.messages` when given, and a warning holding each fragment.
    Read(Option<u64>, &'static [&'static str]),
    /// Exit 2 and one line naming the file and holding the fragment.
    Refused(&'static str),
}

use Outcome::{Read, Refused};

const CASES: [(&str, Outcome); 19] = [
    (
        "wa_at_signs.txt",
        Read(None, &["were not read as mentions"]),
    ),
    ("wa_senders.txt", Read(None, &[])),
    ("slack_folders.zip", Read(None, &[])),
    ("slack_dm_members.zip", Read(Some(20), &[])),
    ("slack_reactors.zip", Read(Some(2), &[])),
    ("wa_cr_only.txt", Read(Some(300), &[])),
    ("wa_u2028.txt", Read(Some(300), &[])),
    ("wa_u2029.txt", Read(Some(300), &[])),
    (
        "csv_unclosed_quote.csv",
        Read(Some(999), &["line 12 opens a quote that is never closed"]),
    ),
    (
        "wa_invalid_utf8.txt",
        Refused("line 8, column 29: this is not UTF-8"),
    ),
    (
        "csv_invalid_utf8.csv",
        Refused("line 12, column 1: this row is not UTF-8"),
    ),
    ("discourse_raw_array.json", Read(Some(5), &[])),
    (
        "slack_bad_users.zip",
        Read(Some(6), &["users.json: line 1", "was skipped"]),
    ),
    (
        "slack_null_message.zip",
        Read(Some(6), &["1 entry of the message list was null"]),
    ),
    ("reddit_deep.json", Read(Some(10_001), &[])),
    (
        "csv_dates.csv",
        Read(
            Some(204),
            &[
                "2 messages are dated before 1990",
                "more than 30 days after every other",
            ],
        ),
    ),
    ("csv_wide.csv", Read(Some(5), &["'extra19' and "])),
    ("csv_channels.csv", Read(None, &[])),
    (
        "slack_orphan_replies.zip",
        Read(
            Some(9),
            &["3 thread replies belong to threads whose first message"],
        ),
    ),
];

fn repo() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The corpus: `make test`'s when it is complete, at [`SCALE`] and newer than the
/// script, else one written now.
fn corpus() -> PathBuf {
    let script = repo().join("tests/hostile/texts.py");
    let written = std::fs::metadata(&script).and_then(|m| m.modified()).ok();
    let made = repo().join("target/hostile-texts");
    let scale = std::fs::read_to_string(made.join("SCALE")).unwrap_or_default();
    let modified = std::fs::metadata(made.join("SCALE")).and_then(|m| m.modified());
    let fresh = matches!((modified, written), (Ok(m), Some(w)) if m >= w);
    if fresh && scale.trim() == SCALE {
        return made;
    }
    let own = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-texts-{SCALE}"));
    let status = Command::new("python3")
        .arg(&script)
        .arg(&own)
        .args(["--scale", SCALE])
        .status()
        .unwrap_or_else(|e| panic!("could not run python3 {}: {e}", script.display()));
    assert!(status.success(), "{} failed: {status}", script.display());
    own
}

/// `peerscope analyze FILE --json` under the limits, from the corpus folder.
fn run(dir: &Path, name: &str) -> std::process::Output {
    Command::new("prlimit")
        .arg(format!("--as={ADDRESS_SPACE}"))
        .args([
            "timeout",
            SECONDS,
            env!("CARGO_BIN_EXE_peerscope"),
            "analyze",
            "--json",
        ])
        .arg(name)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("could not run prlimit: {e}"))
}

fn check(name: &str, outcome: &Outcome, output: &std::process::Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{name}: a panic: {stderr}");
    let code = output.status.code();
    match outcome {
        Read(messages, fragments) => {
            assert_eq!(code, Some(0), "{name}: exit {code:?}: {stderr}");
            let report: Value = serde_json::from_slice(&output.stdout)
                .unwrap_or_else(|e| panic!("{name}: the JSON does not parse: {e}"));
            if let Some(n) = messages {
                assert_eq!(report["counts"]["messages"].as_u64(), Some(*n), "{name}");
            }
            let warnings = report["sources"]["warnings"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let warnings: Vec<&str> = warnings.iter().filter_map(Value::as_str).collect();
            for fragment in *fragments {
                assert!(
                    warnings.iter().any(|w| w.contains(fragment)),
                    "{name}: no warning holds {fragment:?}: {warnings:#?}"
                );
            }
            assert!(
                warnings.iter().all(|w| w.len() < 2_000),
                "{name}: a long warning"
            );
        }
        Refused(fragment) => {
            assert_eq!(code, Some(2), "{name}: exit {code:?}: {stderr}");
            let line = stderr.trim_end();
            assert!(!line.contains('\n'), "{name}: more than one line: {line}");
            assert!(line.contains(name), "{name}: the file is not named: {line}");
            assert!(
                line.contains(fragment),
                "{name}: expected {fragment:?} in {line}"
            );
        }
    }
}

#[test]
fn every_hostile_text_ends_in_time_and_says_what_it_skipped() {
    let dir = corpus();
    for (name, outcome) in &CASES {
        check(name, outcome, &run(&dir, name));
    }
}
