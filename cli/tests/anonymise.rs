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

/// A zip holding `entries`, each a name and its bytes.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        writer
            .start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn anonymise_hides_the_zip_entry_an_error_names() {
    let dir = std::env::temp_dir().join(format!("peerscope-anon-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let chat: &[u8] = b"12/01/2024, 10:00 - Ann Smith: hi\n\xff";
    let day: &[u8] = b"[{\"type\":\"message\",\"user\":\"U1\",\"text\":\"hi\",\"ts\":\"1.0\"}";
    let cases = [
        (
            "Ann Smith chat.zip",
            "WhatsApp Chat with Ann Smith.txt",
            chat,
            "Ann Smith",
        ),
        (
            "workspace.zip",
            "secret-plans/2024-01-02.json",
            day,
            "secret-plans",
        ),
    ];
    for (zip, entry, bytes, original) in cases {
        let path = dir.join(zip);
        std::fs::write(&path, zip_of(&[(entry, bytes)])).unwrap();
        let path = path.display().to_string();
        let run = |extra: &[&str]| {
            let mut args = vec!["analyze"];
            args.extend(extra);
            args.push(&path);
            let out = Command::new(env!("CARGO_BIN_EXE_peerscope"))
                .args(&args)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2));
            String::from_utf8_lossy(&out.stderr).into_owned()
        };
        let plain = run(&[]);
        assert!(plain.contains(entry), "{plain}");
        let hidden = run(&["--anonymise"]);
        assert!(
            !hidden.contains(original) && !hidden.contains(zip) && hidden.contains("file-"),
            "{hidden}"
        );
        assert_eq!(hidden.lines().count(), 1, "{hidden}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
