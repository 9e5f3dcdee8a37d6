//! `peerscope analyze --anonymise`: no original name, id, file or channel name in what it
//! prints, and the same pseudonyms as the page's Anonymise switch (the core's `anonymise`
//! of the page's analysis).

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::process::{Command, Output};

use peerscope_core::import::Input;
use peerscope_core::report::analyze::analyze_with_interval;
use peerscope_core::report::anonymise::anonymise;
use peerscope_core::Options;

const FILES: [&str; 2] = [
    "tests/fixtures/e2e_upload.json",
    "tests/fixtures/distinctive_names.json",
];

fn peerscope(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_peerscope"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap_or_else(|e| panic!("could not run peerscope: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_slice(&peerscope(args).stdout).unwrap()
}

/// The names and ids a report shows: people, files, channels.
fn named(report: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut take = |list: &serde_json::Value, keys: &[&str]| {
        for item in list.as_array().into_iter().flatten() {
            for key in keys {
                out.extend(item[key].as_str().map(str::to_string));
            }
        }
    };
    take(&report["hosts"], &["id", "name"]);
    take(&report["funnel"]["leaders"], &["id", "name"]);
    take(&report["funnel"]["bridges"], &["id", "name"]);
    take(&report["spaces"], &["id", "name"]);
    take(&report["sources"]["files"], &["name", "space"]);
    for step in report["checklist"].as_array().into_iter().flatten() {
        take(&step["people"], &["id", "name"]);
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn anonymise_prints_no_original_name_id_file_or_channel() {
    let plain = json(&[&["analyze", "--json"][..], &FILES].concat());
    let originals = named(&plain);
    assert!(originals.len() > 10, "{originals:?}");
    assert!(originals.iter().any(|o| o == "general"));
    let mut args = vec!["analyze", "--anonymise", "--json"];
    args.extend(FILES);
    let hidden = String::from_utf8_lossy(&peerscope(&args).stdout).to_string();
    args.retain(|a| *a != "--json");
    let text = String::from_utf8_lossy(&peerscope(&args).stdout).to_string();
    for original in &originals {
        for (what, out) in [("JSON", &hidden), ("summary", &text)] {
            let quoted = format!("\"{original}\"");
            let word = format!(" {original} ");
            let found = out.contains(&quoted) || (original.len() > 7 && out.contains(original));
            assert!(
                !found && !out.contains(&word),
                "{original:?} in the {what}:\n{out}"
            );
        }
    }
    assert!(
        text.contains("Host: ") && !text.contains("Host: Sam"),
        "{text}"
    );
}

#[test]
fn anonymise_gives_the_pages_pseudonyms() {
    let mut args = vec!["analyze", "--anonymize", "--json"];
    args.extend(FILES);
    let cli = json(&args);
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let inputs: Vec<Input> = FILES
        .iter()
        .map(|name| Input::new(*name, std::fs::read(format!("{root}/{name}")).unwrap()))
        .collect();
    let page = anonymise(&analyze_with_interval(&inputs, &Options::default()).unwrap());
    let page = serde_json::to_value(&page.report).unwrap();
    assert_eq!(named(&cli), named(&page));
    assert_eq!(cli["hosts"], page["hosts"]);
    assert_eq!(cli["sources"]["files"], page["sources"]["files"]);
    assert_eq!(cli["checklist"], page["checklist"]);
}
