//! `--timings`: one line per part of the run on standard error, and the report on
//! standard output unchanged.

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::HashMap;
use std::process::{Command, Output};

const FIXTURE: &str = "tests/fixtures/discord_lobby.json";

fn peerscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peerscope"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args(args)
        .output()
        .unwrap()
}

/// The `peerscope: timing <part> <seconds> [<cpu>]` lines of `stderr`, as part →
/// seconds; fails on any other line or a part given twice. On Linux each line has the CPU
/// seconds too.
fn parts(stderr: &str) -> HashMap<String, f64> {
    let mut parts = HashMap::new();
    for line in stderr.lines() {
        let rest = line.strip_prefix("peerscope: timing ").expect(line);
        let words: Vec<&str> = rest.split(' ').collect();
        let (part, seconds) = (words[0], words[1]);
        let seconds: f64 = seconds.parse().expect(line);
        let cpu = words.get(2).map(|cpu| cpu.parse::<f64>().expect(line));
        assert_eq!(cpu.is_some(), cfg!(target_os = "linux"), "{line}");
        assert!(words.len() <= 3, "{line}");
        assert!(seconds >= 0.0, "{line}");
        assert!(
            parts.insert(part.to_string(), seconds).is_none(),
            "{line} twice"
        );
    }
    parts
}

#[test]
fn each_part_is_timed_in_order_and_the_report_is_the_same() {
    for json in [true, false] {
        let plain: &[&str] = if json {
            &["analyze", "--json", FIXTURE]
        } else {
            &["analyze", FIXTURE]
        };
        let timed = [plain, &["--timings"]].concat();
        let (before, after) = (peerscope(plain), peerscope(&timed));
        assert_eq!(after.status.code(), Some(0));
        assert_eq!(
            after.stdout, before.stdout,
            "the report changed with --timings"
        );
        let stderr = String::from_utf8(after.stderr).unwrap();
        let parts = parts(&stderr);
        let at = |part: &str| {
            *parts
                .get(part)
                .unwrap_or_else(|| panic!("no {part}: {stderr}"))
        };
        assert_eq!(parts.len(), 9, "{stderr}");
        // Parts that follow each other; verdict, interval and trend may come in any order.
        for beside in ["verdict", "interval", "trend"] {
            for (earlier, later) in [("import", "graph"), ("graph", "metrics")] {
                assert!(
                    at(earlier) <= at(later),
                    "{earlier} after {later}: {stderr}"
                );
            }
            assert!(at("metrics") <= at(beside), "{stderr}");
            assert!(at(beside) <= at("report"), "{stderr}");
        }
        assert!(at("report") <= at("serialised"), "{stderr}");
        assert!(at("serialised") <= at("output"), "{stderr}");
    }
}

#[test]
fn without_the_flag_nothing_is_timed() {
    let out = peerscope(&["analyze", "--json", FIXTURE]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
}

#[test]
fn a_file_that_cannot_be_read_says_so_and_times_nothing() {
    let out = peerscope(&["analyze", "--timings", "no/such/export.json"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("peerscope: no/such/export.json"),
        "{stderr}"
    );
}
