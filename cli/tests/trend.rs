//! The trend in the command's output (docs/METRICS.md §11): the summary's line, the JSON's
//! `trend` and `movement`, and `--compare` saying when the direction changed.

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn peerscope(args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_peerscope"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("could not run peerscope: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A Discord export of `days` days from 2024-01-01: each day the host (u0) and 10
/// members post, then 20 replies, the share between members rising from 10% to 90% over
/// the export by a fixed pattern (no randomness).
fn rising_export(dir: &Path, days: usize) -> PathBuf {
    let author = |p: usize| format!(r#"{{"id":"u{p}","name":"person{p}"}}"#);
    let mut messages = Vec::new();
    for day in 0..days {
        let date = 19_723 + day as i64; // 2024-01-01 onwards
        let (y, m, d) = civil(date);
        let stamp = |minute: usize| {
            format!(
                "{y:04}-{m:02}-{d:02}T{:02}:{:02}:00+00:00",
                minute / 60,
                minute % 60
            )
        };
        for p in 0..=10 {
            messages.push(format!(
                r#"{{"id":"{day}-{p}","timestamp":"{}","content":"hi","author":{}}}"#,
                stamp(p),
                author(p)
            ));
        }
        let peers = 2 + 16 * day / days; // of 20 replies
        for i in 0..20 {
            let from = 1 + (day * 7 + i * 3) % 10;
            let to = if i < peers { 1 + (from + i) % 10 } else { 0 };
            let to = if to == from { 1 + from % 10 } else { to };
            messages.push(format!(
                r#"{{"id":"{day}-r{i}","timestamp":"{}","content":"re","author":{},"reference":{{"messageId":"{day}-{to}"}}}}"#,
                stamp(11 + i),
                author(from)
            ));
        }
    }
    let path = dir.join(format!("rising-{days}.json"));
    let text = format!(
        r#"{{"guild":{{"id":"g"}},"channel":{{"id":"c","name":"gen"}},"messages":[{}]}}"#,
        messages.join(",")
    );
    std::fs::write(&path, text).unwrap();
    path
}

/// (year, month, day) of a UTC day number (days since 1970-01-01).
fn civil(day: i64) -> (i64, i64, i64) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[test]
fn the_summary_json_and_comparison_carry_the_trend() {
    let dir = std::env::temp_dir().join(format!("peerscope-trend-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let six = rising_export(&dir, 182);
    let file = six.display().to_string();
    let (json, _) = peerscope(&["analyze", &file, "--json", "--host", "u0"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let trend = &report["trend"];
    assert_eq!(trend["direction"], "up", "{trend}");
    assert_eq!(trend["periods"].as_array().unwrap().len(), 6);
    assert!(trend["slope"].as_f64().unwrap() > 2.0);
    assert_eq!(report["movement"].as_array().unwrap().len(), 5);
    for key in ["from", "to", "up", "held", "down", "left", "new"] {
        assert!(
            report["movement"][0].get(key).is_some(),
            "movement lacks {key}"
        );
    }
    let (text, _) = peerscope(&["analyze", &file, "--host", "u0"]);
    let line = text.lines().find(|l| l.starts_with("Trend: ")).unwrap();
    assert!(line.starts_with("Trend: up, "), "{line}");
    assert!(line.contains(" since January ("), "{line}");
    // Two months earlier: too few periods for a direction; now up.
    let two = rising_export(&dir, 60).display().to_string();
    let (earlier, _) = peerscope(&["analyze", &two, "--json", "--host", "u0"]);
    let saved = dir.join("earlier.json");
    std::fs::write(&saved, &earlier).unwrap();
    let earlier: serde_json::Value = serde_json::from_str(&earlier).unwrap();
    assert_eq!(earlier["trend"]["direction"], "unclear");
    assert!(earlier["trend"]["slope"].is_null());
    let saved = saved.display().to_string();
    let (json, _) = peerscope(&[
        "analyze",
        &file,
        "--json",
        "--host",
        "u0",
        "--compare",
        &saved,
    ]);
    let compared: serde_json::Value = serde_json::from_str(&json).unwrap();
    let c = &compared["comparison"]["trend"];
    assert_eq!(c["direction_before"], "unclear");
    assert_eq!(c["direction_now"], "up");
    let (text, _) = peerscope(&["analyze", &file, "--host", "u0", "--compare", &saved]);
    assert!(text.contains("  - Trend unclear → up."), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}
