//! The `peerscope` command: exit codes, the JSON report's shape, one-line errors.

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::process::{Command, Output};

fn peerscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peerscope"))
        .args(args)
        // Run from the workspace root, so paths read as a user types them.
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap_or_else(|e| panic!("could not run peerscope: {e}"))
}

const TOP_LEVEL: [&str; 16] = [
    "schema",
    "sources",
    "counts",
    "hosts",
    "profile",
    "goal",
    "metrics",
    "verdict",
    "structure",
    "funnel",
    "spaces",
    "timeline",
    "checklist",
    "newcomers",
    "first_response",
    "absence",
];

#[test]
fn json_report_has_every_top_level_key_and_metric_shape() {
    let out = peerscope(&[
        "analyze",
        "tests/fixtures/discord_lobby.json",
        "tests/fixtures/discord_lobby_thread.json",
        "--json",
        "--host",
        "Hana",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(report["schema"], "peerscope.report/3");
    for key in TOP_LEVEL {
        assert!(report.get(key).is_some(), "missing top-level key {key}");
    }
    let metrics = report["metrics"].as_object().cloned().unwrap_or_default();
    assert!(metrics.len() >= 18);
    assert!(
        metrics.keys().all(|k| !k.starts_with("median_")),
        "replaced in /3"
    );
    for (key, m) in &metrics {
        let observed = m["value"].is_number() && m["num"].is_number() && m["den"].is_number();
        let explained = m["value"].is_null() && m["reason"].is_string();
        assert!(observed || explained, "{key}: {m}");
    }
    assert_eq!(report["counts"]["replies"], 8);
    for group in ["all", "hosts", "members"] {
        let delay = &report["first_response"][group];
        assert!(delay["count"].is_u64(), "{group}: {delay}");
        assert!(delay.get("p50").is_some() && delay.get("p90").is_some());
    }
    assert!(report["newcomers"]["count"].is_u64());
    assert!(report["newcomers"]["waiting"].is_array());
    assert!(report["absence"]["people"].is_array());
    assert_eq!(report["hosts"][0]["name"], "Hana");
}

#[test]
fn options_change_the_checklist_and_goal() {
    // A group big enough to judge: an undetermined one gets only the steps for everyone.
    let out = peerscope(&[
        "analyze",
        "tests/fixtures/e2e_upload.json",
        "--json",
        "--profile",
        "nonprofit",
        "--goal",
        "reach",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(report["profile"], "nonprofit");
    assert_eq!(report["goal"], "reach");
    let profiles: Vec<&str> = report["checklist"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["profile"].as_str())
        .collect();
    assert!(profiles.contains(&"nonprofit") && profiles.contains(&"all"));
    assert!(!profiles.contains(&"creator"));
}

#[test]
fn human_summary_without_json() {
    let out = peerscope(&[
        "analyze",
        "tests/fixtures/discord_lobby.json",
        "tests/fixtures/discord_lobby_thread.json",
        "--host",
        "none",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Verdict: "), "{text}");
    assert!(text.contains("What to do (creator):"), "{text}");
}

/// `[deleted]` wrote 20 of the fixture's 82 messages: the summary counts them apart and
/// never names it (docs/METRICS.md §10, placeholders are not people).
#[test]
fn summary_counts_placeholder_messages_and_names_no_placeholder() {
    let out = peerscope(&["analyze", "tests/fixtures/reddit_deleted.json"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("82 messages among 8 people"), "{text}");
    assert!(
        text.contains("Messages by deleted or unknown accounts (nobody in the graph): 20."),
        "{text}"
    );
    let json = peerscope(&["analyze", "--json", "tests/fixtures/reddit_deleted.json"]);
    let report = String::from_utf8_lossy(&json.stdout);
    assert!(report.contains("\"placeholder_messages\": 20"), "{report}");
    assert_eq!(report.matches("[deleted]").count(), 0, "named nowhere");
}

fn assert_one_line_error(out: &Output, starts: &str) {
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with(starts), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn truncated_json_exits_2_naming_file_and_position() {
    let out = peerscope(&["analyze", "tests/fixtures/discord_truncated.json"]);
    assert_one_line_error(
        &out,
        "peerscope: tests/fixtures/discord_truncated.json: line ",
    );
}

#[test]
fn non_json_and_missing_files_exit_2() {
    let out = peerscope(&["analyze", "Cargo.toml"]);
    assert_one_line_error(
        &out,
        "peerscope: Cargo.toml: line 1, column 1: this is not an export peerscope reads",
    );
    let out = peerscope(&["analyze", "no-such-file.json"]);
    assert_one_line_error(&out, "peerscope: no-such-file.json: cannot be read");
    let out = peerscope(&[
        "analyze",
        "tests/fixtures/discord_lobby.json",
        "--host",
        "Nobody",
    ]);
    assert_one_line_error(
        &out,
        "peerscope: no one in the export has the id or name \"Nobody\"",
    );
}

#[test]
fn compare_with_an_earlier_report_says_what_moved() {
    let dir = std::env::temp_dir().join(format!("peerscope-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let earlier = dir.join("earlier.json");
    let out = peerscope(&[
        "analyze",
        "tests/fixtures/discord_lobby.json",
        "--json",
        "--host",
        "Hana",
    ]);
    std::fs::write(&earlier, &out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let path = earlier.display().to_string();
    let out = peerscope(&[
        "analyze",
        "tests/fixtures/discord_lobby.json",
        "--json",
        "--host",
        "none",
        "--compare",
        &path,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let peer = &report["comparison"]["metrics"]["peer_reply_share"];
    // lobby alone, host Hana: 2 of its 5 replies are between members
    assert_eq!(peer["before"].as_f64(), Some(0.4));
    assert_eq!(peer["now"].as_f64(), Some(1.0));
    let text = peerscope(&[
        "analyze",
        "tests/fixtures/discord_lobby.json",
        "--compare",
        &path,
    ]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("Since the earlier report:"));
    let out = peerscope(&[
        "analyze",
        "tests/fixtures/discord_lobby.json",
        "--compare",
        "Cargo.toml",
    ]);
    assert_one_line_error(&out, "peerscope: Cargo.toml: line 1, column ");
    let _ = std::fs::remove_dir_all(&dir);
}

/// An earlier report out of range, or with a label peerscope never writes, is refused in
/// one line naming it: never a 309-digit score, "-inf%" or a label's line break on screen.
#[test]
fn compare_refuses_an_earlier_report_out_of_range() {
    let dir = std::env::temp_dir().join(format!("peerscope-cli-range-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let saved = peerscope(&["analyze", "tests/fixtures/discord_lobby.json", "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&saved.stdout).unwrap();
    let edits: [(&str, &[&str], serde_json::Value, &str); 4] = [
        (
            "score",
            &["verdict", "score"],
            1e308.into(),
            "its verdict score is 1e308, outside 0–100",
        ),
        (
            "share",
            &["metrics", "peer_reply_share", "value"],
            (-1e308).into(),
            "its peer reply share value is -1e308, outside 0–1",
        ),
        (
            "label",
            &["verdict", "label"],
            "community\n\u{1b}[2Jgone".into(),
            "its verdict label is not",
        ),
        (
            "count",
            &["funnel", "core"],
            (-4).into(),
            "its funnel's core count is -4",
        ),
    ];
    for (name, path, value, says) in edits {
        let mut edited = report.clone();
        let (last, parents) = path.split_last().unwrap();
        let parent = parents.iter().fold(&mut edited, |v, k| &mut v[*k]);
        parent[*last] = value;
        let file = dir.join(format!("{name}.json"));
        std::fs::write(&file, serde_json::to_vec(&edited).unwrap()).unwrap();
        let path = file.display().to_string();
        for json in [false, true] {
            let mut args = vec![
                "analyze",
                "tests/fixtures/discord_lobby.json",
                "--compare",
                &path,
            ];
            if json {
                args.push("--json");
            }
            let out = peerscope(&args);
            assert_one_line_error(&out, &format!("peerscope: {path}: {says}"));
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!err.contains("gone") && !err.contains('\u{1b}'), "{err}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Characters that would let a name rewrite the terminal: C0 and C1 controls (ESC, BEL,
/// CSI) and the bidirectional overrides and isolates. Line breaks are the summary's own.
fn terminal_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A DiscordChatExporter channel where `names[0]` posts and everyone else answers them.
fn discord_export(names: &[&str]) -> String {
    let messages: Vec<serde_json::Value> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut m = serde_json::json!({
                "id": (i + 1).to_string(), "type": "Default",
                "timestamp": format!("2024-01-01T10:{i:02}:00+00:00"), "content": "hi",
                "author": {"id": format!("u{i}"), "name": name, "isBot": false},
                "reactions": [], "mentions": []
            });
            if i > 0 {
                m["reference"] = serde_json::json!({"messageId": "1"});
            }
            m
        })
        .collect();
    serde_json::json!({
        "guild": {"id": "1", "name": "G"},
        "channel": {"id": "10", "type": "GuildTextChat", "name": "general"},
        "messages": messages
    })
    .to_string()
}

#[test]
fn names_and_file_names_cannot_rewrite_the_terminal() {
    let host = "\u{1b}[2J\u{1b}]0;owned\u{7}Eve";
    let names = [host, "\u{202E}gnp.exe", "Bo\u{9b}31m\r\nCy", "Dee\u{2066}"];
    let dir = std::env::temp_dir().join(format!("peerscope-cli-esc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let export = dir.join("chat.json");
    std::fs::write(&export, discord_export(&names)).unwrap_or_else(|e| panic!("{e}"));
    let path = export.display().to_string();
    let out = peerscope(&["analyze", &path, "--host", "u0"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.chars().any(terminal_unsafe), "{text:?}");
    assert!(
        text.contains("Host: \\u{1b}[2J\\u{1b}]0;owned\\u{7}Eve ("),
        "the host's name, escaped: {text}"
    );
    // A file whose name holds an escape sequence, and no messages: the error line too.
    let named = dir.join("x\u{1b}[31m.json");
    std::fs::write(&named, discord_export(&[])).unwrap_or_else(|e| panic!("{e}"));
    let out = peerscope(&["analyze", &named.display().to_string()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.chars().any(terminal_unsafe), "{err:?}");
    assert!(err.contains("x\\u{1b}[31m.json"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The summary's newcomer, question and absence lines carry the report's own figures
/// (docs/METRICS.md §11), and a thin one says "thin" instead of a number.
#[test]
fn summary_shows_newcomers_and_the_absence_factor() {
    let args = [
        "analyze",
        "tests/fixtures/newcomers_export.json",
        "--host",
        "h",
    ];
    let text = String::from_utf8_lossy(&peerscope(&args).stdout).into_owned();
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let report: serde_json::Value =
        serde_json::from_slice(&peerscope(&json_args).stdout).unwrap_or_default();
    let welcome = &report["metrics"]["newcomer_welcome_share"];
    let line = format!(
        "Newcomers: {}; answered within three days: {}% ({} of {});",
        report["newcomers"]["count"],
        (welcome["value"].as_f64().unwrap_or(f64::NAN) * 100.0).round(),
        welcome["num"],
        welcome["den"]
    );
    assert!(text.contains(&line), "{line:?} not in\n{text}");
    // The return shares: one sentence when both are thin for the same reason.
    let (back, away) = (
        &report["newcomers"]["return_welcomed"],
        &report["newcomers"]["return_unwelcomed"],
    );
    let once = back["thin"] == true && away["thin"] == true && back["reason"] == away["reason"];
    let said = if once {
        "Came back within thirty days, welcomed or not: thin: "
    } else {
        "Came back within thirty days: welcomed "
    };
    assert!(text.contains(said), "{said:?} not in\n{text}");
    let absence = format!("Absence factor: {} members (", report["absence"]["factor"]);
    assert!(text.contains(&absence), "{absence:?} not in\n{text}");
    assert!(text.contains("Member questions unanswered after three days: "));
    let few = peerscope(&["analyze", "tests/fixtures/discord_lobby.json"]);
    let few = String::from_utf8_lossy(&few.stdout);
    assert!(
        few.contains("Newcomers: Not observable in this export: it covers"),
        "{few}"
    );
}
