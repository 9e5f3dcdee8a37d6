//! Zulip through the public API: a hand-written REST answer and a hand-written
//! organisation export (a shard and `realm.json`), loose and zipped, whose numbers were
//! worked out by hand; a malformed file; and detection that takes no other format's
//! file. No licensed real Zulip export was found, so there is no samples folder.

use std::io::{Cursor, Write};

use crate::support::{counts, file, fixture, fixtures_dir, report, samples};
use peerscope_core::import::{self, zulip, Format, Input};
use peerscope_core::{model::options::Options, report::analyze};

/// `zulip_good_messages.json`: 30 messages of #dev and #help, two topics each, rendered
/// HTML. Minutes after 10:00, by topic (counting messages only; → is the reply):
///
/// - dev > build: 0 Ann · 2 Bo → Ann · 5 Cy quotes Ann's 0 (link names it) and mentions
///   Bo · 6 Bo → Cy · 30 Ann (Bo's 6 is 24 min old) · 31 Ann (her own run: still Bo's 6)
///   · 50 Eli quotes Cy's 5 · 52 Cy → Eli · 53 Dee → Cy, silently mentioning Bo; the
///   CI bot's two posts (3, 29) are a bot's: 9 messages, 6 replies, 2 mentions.
/// - dev > release: 1 Dee · 4 Eli → Dee (his `@Dee` is the reply target, no mention) ·
///   7 Ann → Eli · 8 Dee quotes Ann's 7 · 40 Eli (32 min after Dee) ; Notification Bot's
///   notice at 9: 5 messages, 3 replies.
/// - help > install: 10 Cy · 12 Bo → Cy · 13 Bo → Cy (skips his own 12) · 15 Cy quotes Bo
///   with no message link: answers Bo's latest, 13 · 16 Eli → Cy, mentioning Cy (the
///   target) and Ann · 18 Cy → Eli (`@all` is nobody): 6 messages, 5 replies, 1 mention.
/// - help > login (and "✔ login", the same topic resolved): 20 Dee · 21 Ann → Dee · 22
///   Dee → Ann · 24 Ann → Dee, mentioning Bo · 25 Bo quotes Ann's 24 · 27 Dee → Bo (the
///   resolve notice at 26 is skipped): 6 messages, 5 replies, 1 mention.
///
/// In all: 26 messages, 5 people, 19 replies (5 quotes, 14 inferred), 4 mentions.
#[test]
fn rest_answer_counts() {
    let r = report(&[fixture("zulip_good_messages.json")], &Options::default());
    assert_eq!(r.sources.format, "zulip");
    assert_eq!(counts(&r), (26, 5, 19, 4));
    assert_eq!(r.sources.inferred_replies, 14);
    assert_eq!(r.counts.bots_excluded, 2, "the CI bot and Notification Bot");
    assert_eq!(r.sources.files.len(), 1);
    assert_eq!(r.sources.files[0].space, "4 topics");
}

fn export_files() -> [Input; 2] {
    let dir = fixtures_dir().join("zulip_export");
    [
        file(&dir.join("realm.json")),
        file(&dir.join("messages-000001.json")),
    ]
}

/// `zulip_export/`: 12 messages, Markdown, minutes after 10:00 on 5 March 2024.
///
/// - #dev > ci: 0 Ann · 1 Bo → Ann, mentioning Cy by id · 3 Cy quotes Ann's 0 · 4 the
///   GitHub bot · 5 Ann → Cy (the bot's post skipped).
/// - #general > hello: 10 Dee (deactivated) · 11 Notification Bot's notice · 12 Ann → Dee
///   (`@**Dee Ng**` is the target) · 14 Cy → Ann.
/// - a group direct message: 20 Bo · 22 Ann → Bo · 23 Cy quotes Ann's 22.
///
/// With realm.json: 10 messages, 4 people, 7 replies (2 quotes, 5 inferred), 1 mention; Ann (owner)
/// and Bo (administrator) are the hosts, whichever file comes first.
#[test]
fn export_with_realm_counts() {
    let [realm, shard] = export_files();
    for inputs in [[realm.clone(), shard.clone()], [shard, realm]] {
        let r = report(&inputs, &Options::default());
        assert_eq!(r.sources.format, "zulip");
        assert_eq!(counts(&r), (10, 4, 7, 1));
        assert_eq!(r.sources.inferred_replies, 5);
        assert_eq!(r.counts.hosts, 2);
        let mut hosts: Vec<&str> = r.hosts.iter().map(|h| h.name.as_str()).collect();
        hosts.sort_unstable();
        assert_eq!(hosts, ["Ann Lee", "Bo Park"]);
        assert!(
            r.sources
                .warnings
                .iter()
                .all(|w| !w.contains("without realm.json")),
            "{:?}",
            r.sources.warnings
        );
    }
}

/// The shard alone: ids as names, and nobody is known as a bot, so all 12 count. #dev:
/// Bo → Ann, Cy quotes Ann, the bot (21) → Cy, Ann → 21; #general: 30 → Dee, Ann → 30
/// (`@**Dee Ng**` names nobody known), Cy → Ann; the DM as before: 9 replies, 6 people,
/// 1 mention.
#[test]
fn a_shard_alone_goes_by_ids() {
    let [_, shard] = export_files();
    let r = report(&[shard], &Options::default());
    assert_eq!(counts(&r), (12, 6, 9, 1));
    let said = |part: &str| r.sources.warnings.iter().any(|w| w.contains(part));
    assert!(said("without realm.json"), "{:?}", r.sources.warnings);
    assert!(
        said("1 mention or quote names someone"),
        "{:?}",
        r.sources.warnings
    );
}

/// The export zipped under its folder reads as the two files do.
#[test]
fn the_export_zipped() {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for input in export_files() {
        let name = format!("zulip-export-x1/{}", input.name);
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(&input.bytes).unwrap();
    }
    w.start_file(
        "zulip-export-x1/avatars/records.json",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    w.write_all(b"[]").unwrap();
    let zip = Input::new("export.zip", w.finish().unwrap().into_inner());
    assert_eq!(import::detect(&zip).ok(), Some(Format::Zulip));
    let r = report(&[zip], &Options::default());
    assert_eq!(counts(&r), (10, 4, 7, 1));
    assert_eq!(r.sources.files.len(), 1);
    assert_eq!(r.sources.files[0].messages, 12);
}

#[test]
fn malformed_fixture_names_file_and_position() {
    let err = analyze(&[fixture("zulip_malformed.json")], &Options::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("zulip_malformed.json: line 9, column "),
        "{err}"
    );
    assert!(err.contains("expected f64"), "{err}");
}

/// The export's .tar.gz and a topic archive's index are refused in one sentence naming
/// the file.
#[test]
fn other_shapes_are_refused_by_name() {
    let refusal = |name: &str, bytes: &[u8]| {
        analyze(&[Input::new(name, bytes.to_vec())], &Options::default())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    let tar = refusal("zulip-export-x1.tar.gz", &[0x1f, 0x8b, 8, 0, 0, 0]);
    assert!(
        tar.starts_with("zulip-export-x1.tar.gz: this is Zulip's export packed as .tar.gz"),
        "{tar}"
    );
    assert!(tar.contains("unpack it"), "{tar}");
    let index = br#"{"streams": {"dev": {"id": 3, "topic_data": {"build": {"size": 4}}}}}"#;
    let index = refusal("stream_index.json", index);
    assert!(
        index.starts_with("stream_index.json: this is a Zulip topic archive's index"),
        "{index}"
    );
}

#[test]
fn detection_leaves_other_formats_fixtures_alone() {
    for entry in std::fs::read_dir(fixtures_dir())
        .into_iter()
        .flatten()
        .flatten()
    {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if !path.is_file() || name.starts_with("zulip") {
            continue;
        }
        let input = file(&path);
        assert!(!zulip::detect(&input.name, &input.bytes), "{name}");
    }
}

/// Nor any real export in the samples folders.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn detection_leaves_other_formats_samples_alone() {
    let root = samples("");
    for dir in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        if !dir.path().is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if !entry.path().is_file() {
                continue;
            }
            let input = file(&entry.path());
            assert!(
                !zulip::detect(&input.name, &input.bytes),
                "{}",
                entry.path().display()
            );
        }
    }
}
