//! How sure the answer is (docs/METRICS.md §10), as the command line tells it: a tiny group is
//! undetermined and says why; a thin measure is marked, never quoted; no placeholder ever
//! stands where a number belongs; the label always matches the score shown; a report of
//! schema `/1` still compares. Over the hand-written fixtures and every real sample.

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn peerscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_peerscope"))
        .args(args)
        // Run from the workspace root, so paths read as a user types them.
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap_or_else(|e| panic!("could not run peerscope: {e}"))
}

/// The summary and the JSON report of one run over `files`, or `None` when peerscope
/// refuses the files (exit status 2: not an export it reads).
fn analyse(files: &[&str]) -> Option<(String, serde_json::Value)> {
    let text = peerscope(&[&["analyze"], files].concat());
    if text.status.code() == Some(2) {
        return None;
    }
    assert!(text.status.success(), "{files:?}: {text:?}");
    let json = peerscope(&[&["analyze"], files, &["--json"]].concat());
    let report = serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("{e}"));
    Some((String::from_utf8_lossy(&text.stdout).to_string(), report))
}

/// Words that would stand where a number belongs: a question mark, `NaN`, `null`,
/// `undefined`, `inf` (alone, or before `%`). Names and message text never reach these
/// lines as whole words in the fixtures and samples checked here.
fn placeholders(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| ",.;:()".contains(c)))
        .filter(|w| {
            let w = w.trim_end_matches('%');
            ["?", "NaN", "null", "undefined", "inf", "-inf"].contains(&w)
        })
        .map(str::to_string)
        .collect()
}

/// The summary's "Verdict: <label> (score <n> of 100)" agrees with the report: the label is
/// the one the shown (rounded) score gives (§5, §10), and an undetermined verdict shows no
/// score.
fn label_matches_the_shown_score(name: &str, summary: &str, report: &serde_json::Value) {
    let line = summary
        .lines()
        .find(|l| l.starts_with("Verdict: "))
        .unwrap_or_else(|| panic!("{name}: no verdict line in {summary}"));
    let label = report["verdict"]["label"].as_str().unwrap_or_default();
    assert!(
        line.starts_with(&format!("Verdict: {label} (")),
        "{name}: {line}"
    );
    let Some(score) = report["verdict"]["score"].as_f64() else {
        assert_eq!(label, "undetermined", "{name}: a label without a score");
        assert_eq!(line, "Verdict: undetermined (no score yet)", "{name}");
        return;
    };
    let shown = score.round();
    assert!(
        line.contains(&format!("(score {shown} of 100)")),
        "{name}: {line}"
    );
    let core = report["funnel"]["core"].as_f64().unwrap_or(0.0);
    let members = report["counts"]["members"].as_f64().unwrap_or(0.0);
    let strong_core = core >= 5.0 && core >= 0.02 * members;
    let want = if shown >= 60.0 {
        "community"
    } else if shown >= 35.0 || strong_core {
        "emerging"
    } else {
        "audience"
    };
    assert_eq!(label, want, "{name}: score {score} is shown as {shown}");
}

/// A thin measure's numbers appear nowhere in the headline, why lines or checklist: its
/// "<num> of <den>" and its percentage (a percentage could also belong to another
/// measure with the same share, so only the "num of den" pair is held to that).
fn thin_is_never_quoted(name: &str, summary: &str, report: &serde_json::Value) {
    let told: String = summary
        .lines()
        .filter(|l| !l.trim_start().starts_with("- ") || !l.contains(": thin: "))
        .collect::<Vec<_>>()
        .join("\n");
    for (key, m) in report["metrics"].as_object().into_iter().flatten() {
        if m["thin"] != true {
            continue;
        }
        assert!(
            m["reason"].is_string(),
            "{name}: {key} is thin without a reason"
        );
        let pair = format!("{} of {}", m["num"], m["den"]);
        let shown_elsewhere = report["metrics"]
            .as_object()
            .into_iter()
            .flatten()
            .any(|(k, o)| {
                k != key && o["thin"] != true && format!("{} of {}", o["num"], o["den"]) == pair
            });
        if !shown_elsewhere {
            assert!(
                !told.contains(&pair),
                "{name}: thin {key} quoted as {pair:?}:\n{told}"
            );
        }
        let name_line = format!("{}: thin: ", key.replace('_', " "));
        assert!(
            summary.contains(&name_line),
            "{name}: {key} not marked thin:\n{summary}"
        );
    }
}

fn check(name: &str, summary: &str, report: &serde_json::Value) {
    assert_eq!(report["schema"], "peerscope.report/3", "{name}");
    let found = placeholders(summary);
    assert!(found.is_empty(), "{name}: {found:?} in\n{summary}");
    label_matches_the_shown_score(name, summary, report);
    thin_is_never_quoted(name, summary, report);
    no_line_gives_one_reason_twice(name, summary);
    no_step_echoes_another_sentence(name, report);
}

/// A checklist step's *why* says something of its own: it is neither a sentence the
/// verdict's evidence already gives nor another step's *why* (the fallback of "step back"
/// once repeated the verdict's resilience sentence word for word).
fn no_step_echoes_another_sentence(name: &str, report: &serde_json::Value) {
    let listed = |v: &serde_json::Value, key: &str| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x[key].as_str().map(str::to_string))
            .collect()
    };
    let evidence = listed(&report["verdict"]["evidence"], "sentence");
    let whys = listed(&report["checklist"], "why");
    for (i, why) in whys.iter().enumerate() {
        assert!(
            !evidence.contains(why),
            "{name}: the step says the verdict's {why:?}"
        );
        assert!(
            !whys[i + 1..].contains(why),
            "{name}: two steps say {why:?}"
        );
    }
}

/// A line says each "thin: …" reason once: two figures thin for the same reason share it
/// (the newcomers' return shares did not).
fn no_line_gives_one_reason_twice(name: &str, summary: &str) {
    for line in summary.lines() {
        let reasons: Vec<&str> = line
            .split("thin: ")
            .skip(1)
            .map(|r| r.split([';', ')']).next().unwrap_or(r))
            .collect();
        for (i, reason) in reasons.iter().enumerate() {
            assert!(
                !reasons[i + 1..].contains(reason),
                "{name}: {reason:?} twice in {line:?}"
            );
        }
    }
}

#[test]
fn a_tiny_group_is_undetermined_and_says_why() {
    let (summary, report) = analyse(&["tests/fixtures/discord_lobby.json"]).unwrap();
    check("discord_lobby.json", &summary, &report);
    assert_eq!(report["verdict"]["label"], "undetermined");
    assert_eq!(report["verdict"]["confidence"], "undetermined");
    assert!(report["verdict"]["score"].is_null());
    assert!(report["verdict"]["interval"].is_null());
    assert!(
        summary.contains("Verdict: undetermined (no score yet)"),
        "{summary}"
    );
    assert!(
        summary.contains(
            "Too little conversation to judge yet: 6 replies and mentions among 5 people"
        ),
        "{summary}"
    );
    assert!(
        summary
            .contains("peer reply share: thin: only 5 replies in this export (at least 20 needed)"),
        "{summary}"
    );
    let steps: Vec<&str> = report["checklist"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(steps, ["export-longer", "add-channels"]);
    // The emerging verdict this export had in `/1` quoted "0 of 1" conversations.
    assert!(!summary.contains(" of 1 "), "{summary}");
}

#[test]
fn every_fixture_reads_plainly() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures"));
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !path.is_file() || name.starts_with("report_") || name.starts_with("networkx") {
            continue;
        }
        if let Some((summary, report)) = analyse(&[&path.display().to_string()]) {
            check(&name, &summary, &report);
            checked += 1;
        }
    }
    assert!(checked >= 15, "only {checked} fixtures analysed");
}

/// `../shared/samples/` beside the repository: `core/build.rs`, which the CLI runs too, sets
/// `samples_absent` when it is not there, and the test is then ignored with the reason.
fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/samples")
}

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_real_sample_reads_plainly() {
    let root = samples();
    let mut checked = Vec::new();
    let formats = std::fs::read_dir(&root).into_iter().flatten().flatten();
    for format in formats.filter(|f| f.path().is_dir()) {
        for entry in std::fs::read_dir(format.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = entry.path();
            let name = path.display().to_string();
            if !path.is_file() || name.ends_with(".md") {
                continue;
            }
            if let Some((summary, report)) = analyse(&[&name]) {
                check(&name, &summary, &report);
                checked.push(name);
            }
        }
    }
    assert!(
        checked.len() >= 20,
        "only {} samples analysed: {checked:?}",
        checked.len()
    );
}

/// The Telegram samples read together: a report whose newcomers' return shares are both
/// thin for one reason, which the summary once said twice on one line.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn the_telegram_samples_together_read_plainly() {
    let files: Vec<String> = std::fs::read_dir(samples().join("telegram"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|f| f.path().display().to_string())
        .filter(|name| name.ends_with(".json"))
        .collect();
    let names: Vec<&str> = files.iter().map(String::as_str).collect();
    let (summary, report) = analyse(&names).expect("the Telegram samples read together");
    check("telegram samples", &summary, &report);
    let returns = &report["newcomers"];
    assert_eq!(returns["return_welcomed"]["thin"], true, "{summary}");
    assert_eq!(returns["return_unwelcomed"]["thin"], true, "{summary}");
}

#[test]
fn a_report_of_schema_1_still_compares() {
    let earlier = "tests/fixtures/report_v1_discord_lobby.json";
    let out = peerscope(&[
        "analyze",
        "tests/fixtures/discord_lobby.json",
        "--json",
        "--compare",
        earlier,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let c = &report["comparison"];
    assert_eq!(c["label_before"], "emerging");
    assert_eq!(c["label_now"], "undetermined");
    assert_eq!(
        c["metrics"]["peer_reply_share"]["before"].as_f64(),
        Some(0.4)
    );
    assert_eq!(c["summary"][0], "Verdict emerging → undetermined.");
    let text = peerscope(&[
        "analyze",
        "tests/fixtures/discord_lobby.json",
        "--compare",
        earlier,
    ]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("  - Verdict emerging → undetermined."),
        "{text}"
    );
}

#[test]
fn a_report_of_schema_2_still_compares() {
    let earlier = "tests/fixtures/report_v2_discord_lobby.json";
    let out = peerscope(&[
        "analyze",
        "tests/fixtures/discord_lobby.json",
        "tests/fixtures/discord_lobby_thread.json",
        "--host",
        "Hana",
        "--json",
        "--compare",
        earlier,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let c = &report["comparison"];
    assert_eq!(
        c["newcomers"]["first_response.hosts.p50"]["before"].as_f64(),
        Some(60.0)
    );
    assert_eq!(c["newcomers"]["newcomers.count"]["now"].as_f64(), Some(0.0));
}
