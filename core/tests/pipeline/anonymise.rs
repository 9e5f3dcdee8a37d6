//! Anonymise hides everything it promises (README, docs/USING.md): with it on, the report's
//! JSON, the network and the participants hold no person's name or id, no file name and
//! no channel, chat or group name or id of the export. Checked on hand-written fixtures
//! and on every real export of `../shared/samples/`.

use std::path::{Path, PathBuf};

use peerscope_core::import::Input;
use peerscope_core::report::analyze::{analyze, Analysis};
use peerscope_core::report::anonymise::anonymise;
use peerscope_core::Options;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn input(path: &Path, name: &str) -> Input {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Input::new(name, bytes)
}

/// What the original analysis names: (text, may it appear as an ordinary word?). Names of
/// people, files and spaces, and the ids of people and spaces.
fn originals(analysis: &Analysis) -> Vec<String> {
    let report = &analysis.report;
    let mut out: Vec<String> = Vec::new();
    for p in analysis
        .participants
        .iter()
        .chain(report.checklist.iter().flat_map(|s| s.people.iter()))
    {
        out.extend([p.name.clone(), p.id.clone()]);
    }
    for n in &analysis.network.nodes {
        out.extend([n.name.clone(), n.id.clone()]);
    }
    for h in &report.hosts {
        out.extend([h.name.clone(), h.id.clone()]);
    }
    for s in &report.spaces {
        out.extend([s.name.clone(), s.id.clone()]);
    }
    for f in &report.sources.files {
        out.extend([f.name.clone(), f.space.clone()]);
    }
    out.extend(analysis.network.times.spaces.iter().cloned());
    out.retain(|text| !text.is_empty());
    out.sort();
    out.dedup();
    out
}

/// Every string in a JSON value.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => {
            map.values().for_each(|v| strings(v, out));
        }
        _ => {}
    }
}

/// Whether `needle` stands in `text` as a whole word (no letter or digit either side).
fn has_word(text: &str, needle: &str) -> bool {
    text.match_indices(needle).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Fails, naming the text and where it stands, when anything `original` names survives in
/// `anonymise(original)`. Returns how many originals were looked for.
fn assert_hidden(original: &Analysis, what: &str) -> usize {
    let hidden = anonymise(original);
    let mut texts = Vec::new();
    for value in [
        serde_json::to_value(&hidden.report),
        serde_json::to_value(&hidden.network),
        serde_json::to_value(&hidden.participants),
    ] {
        strings(&value.unwrap(), &mut texts);
    }
    let originals = originals(original);
    for name in &originals {
        // A lowercase word or a short number ("general", "7") may be a word of a sentence
        // ("in general", "7 replies"): only a whole field may not hold it.
        let ordinary = name.bytes().all(|b| b.is_ascii_lowercase())
            || (name.len() <= 5 && name.bytes().all(|b| b.is_ascii_digit()));
        let found = texts
            .iter()
            .find(|text| *text == name || (!ordinary && has_word(text, name)));
        assert!(found.is_none(), "{what}: {name:?} survives in {found:?}");
    }
    originals.len()
}

#[test]
fn a_fixture_keeps_no_name_id_file_or_channel() {
    let slack = fixtures().join("slack_export");
    let mut inputs: Vec<Input> = ["channels.json", "users.json", "general/2024-03-01.json"]
        .iter()
        .map(|name| input(&slack.join(name), &format!("Team Secret/{name}")))
        .collect();
    inputs.push(input(
        &slack.join("random/2024-03-02.json"),
        "Team Secret/random/2024-03-02.json",
    ));
    let slack = analyze(&inputs, &Options::default()).unwrap();
    assert!(assert_hidden(&slack, "slack_export") > 10);
    let hidden = anonymise(&slack);
    let json = serde_json::to_string(&hidden.report).unwrap();
    assert!(!json.contains("Team Secret"), "the folder survives: {json}");
    assert!(hidden.report.sources.files[0].name.starts_with("file-"));
    let spaces: Vec<&str> = hidden
        .report
        .sources
        .files
        .iter()
        .map(|f| f.space.as_str())
        .collect();
    assert_eq!(spaces, ["Channel 1", "Channel 1", "Channel 2", "Channel 3"]);

    for name in [
        "e2e_upload.json",
        "distinctive_names.json",
        "whatsapp_good.txt",
    ] {
        let renamed = format!("Chat with Someone Private {name}");
        let analysis = analyze(
            &[input(&fixtures().join(name), &renamed)],
            &Options::default(),
        );
        let analysis = analysis.unwrap();
        assert!(assert_hidden(&analysis, name) > 5);
        let json = serde_json::to_string(&anonymise(&analysis).report).unwrap();
        assert!(
            !json.contains("Someone Private"),
            "the file name survives: {json}"
        );
    }
}

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn no_real_sample_keeps_a_name_id_file_or_channel() {
    let root = std::env::var_os("PEERSCOPE_SAMPLES").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/samples"),
        PathBuf::from,
    );
    let mut checked = 0;
    for folder in std::fs::read_dir(&root).unwrap().flatten() {
        let Ok(files) = std::fs::read_dir(folder.path()) else {
            continue;
        };
        for file in files.flatten() {
            let name = file.file_name().to_string_lossy().to_string();
            if name.ends_with(".md") {
                continue;
            }
            let Ok(analysis) = analyze(&[input(&file.path(), &name)], &Options::default()) else {
                // Unread formats are the conformance test's business.
                continue;
            };
            let looked_for = assert_hidden(&analysis, &name);
            assert!(looked_for > 1, "{name}: nothing to hide?");
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} samples analysed");
}
