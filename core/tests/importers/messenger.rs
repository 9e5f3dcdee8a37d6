//! Facebook Messenger JSON: our own two-file conversation (every number worked out by hand
//! in the comments), the real sample in `../shared/samples/messenger` (ignored
//! when `../shared/samples` is absent), and detection that leaves other formats alone.

use crate::support::{file, fixture, ratio, report, samples};
use peerscope_core::import::{self, messenger, Format};
use peerscope_core::{
    import::Input, model::options::HostChoice, model::options::Options, report::analyze,
};

fn club() -> [Input; 2] {
    [
        fixture("messenger_good_message_1.json"),
        fixture("messenger_good_message_2.json"),
    ]
}

/// The "Soldering Club" in two files (message_1 newest, with a BOM; newest first inside
/// each; names and emoji in mojibake). In time order, minutes after 09:00 UTC:
///  0 Hana · 2 Zoë → Hana · 3 Omar → Zoë · 4 Omar → Zoë (his own 3 is skipped over)
/// 30 Hana (in both files: merged; Omar's 4 is 26 min old, no reply)
/// 31 Zoë → Hana, and mentions "@Omar Haddad" · 32 Omar → Zoë ("@Zoë Park" is the
/// reply target, not a mention); ❤ by Zoë, 👍 by Hana · 33 Hana adds Lee: a notice
/// 50 Lee (Omar's 32 is 18 min old, no reply) · 52 Hana → Lee
/// Messages 9 (10 distinct minus the notice), inferred replies 6, mentions 1.
#[test]
fn good_fixture_counts() {
    let r = report(&club(), &Options::default());
    assert_eq!(r.sources.format, "messenger");
    let c = &r.counts;
    assert_eq!(c.messages, 9);
    assert_eq!(c.participants, 4, "Hana, Zoë, Omar, Lee");
    assert_eq!((c.replies, c.mentions), (6, 1));
    assert_eq!(r.sources.inferred_replies, 6);
    assert_eq!(c.reactions, 2);
    let analysis = analyze(&club(), &Options::default()).ok();
    let names: Vec<String> = analysis
        .iter()
        .flat_map(|a| a.participants.iter().map(|p| p.name.clone()))
        .collect();
    assert!(names.contains(&"Zoë Park".to_string()), "{names:?}");
    assert_eq!(r.sources.files.len(), 2);
    assert!(r.sources.files.iter().all(|f| f.space == "Soldering Club"));
}

/// Each file alone: message_1 holds minutes 30, 31, 32, 33 (notice), 50, 52 → 5.
#[test]
fn one_file_alone() {
    let r = report(
        &[fixture("messenger_good_message_1.json")],
        &Options::default(),
    );
    assert_eq!(r.counts.messages, 5);
    // 31 Zoë → Hana, 32 Omar → Zoë, 52 Hana → Lee
    assert_eq!(r.counts.replies, 3);
}

/// With Hana as host, the 7 interactions are Z→H, O→Z, O→Z, Z→H, Z→O (mention), O→Z,
/// H→L.
#[test]
fn good_fixture_metrics_by_hand() {
    let options = Options {
        hosts: HostChoice::Named(vec!["Hana Sato".into()]),
        ..Options::default()
    };
    let r = report(&club(), &options);
    // host at either end: Z→H twice, H→L = 3 of 7
    assert_eq!(ratio(&r, "host_share"), (Some(3.0), Some(7.0)));
    // replies without Hana: O→Z three times = 3 of 6
    assert_eq!(ratio(&r, "peer_reply_share"), (Some(3.0), Some(6.0)));
    // by members: Z→H ×2, O→Z ×3, Z→O = 6; aimed at members: 4
    assert_eq!(ratio(&r, "connect_share"), (Some(4.0), Some(6.0)));
    // member arcs O→Z and Z→O: both reciprocated
    assert_eq!(ratio(&r, "reciprocity"), (Some(2.0), Some(2.0)));
}

#[test]
fn malformed_fixture_names_file_and_position() {
    let err = analyze(&[fixture("messenger_malformed.json")], &Options::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("messenger_malformed.json: line 10, column "),
        "{err}"
    );
    assert!(err.contains("expected i64"), "{err}");
}

/// chatanalytics_2A_7M.json, read by hand: 7 messages (newest first) by Alice and Bob,
/// no type field, no reactions, no "@". In time order (seconds after 1415147000):
/// 240 Bob, 254 Bob, 297 Alice → Bob (254), 308 Bob → Alice (297), 325 Bob → Alice (his
/// own 308 skipped; 28 s), 681 Bob → Alice (384 s ≤ 10 min), 732 Alice → Bob (681):
/// 5 inferred replies, 0 mentions, 2 participants.
const SAMPLE_COUNTS: [(&str, [u64; 4]); 1] = [("chatanalytics_2A_7M.json", [7, 2, 5, 0])];

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_sample_is_detected_and_counted() {
    let dir = samples("messenger");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let input = file(&entry.path());
        if !input.name.ends_with(".json") {
            continue;
        }
        let expected = SAMPLE_COUNTS.iter().find(|(n, _)| *n == input.name);
        let Some((_, [messages, participants, replies, mentions])) = expected else {
            panic!("{}: a new sample; count it by hand and add it", input.name);
        };
        assert_eq!(
            import::detect(&input).ok(),
            Some(Format::Messenger),
            "{}",
            input.name
        );
        let r = report(std::slice::from_ref(&input), &Options::default());
        let c = &r.counts;
        let got = [c.messages, c.participants, c.replies, c.mentions];
        assert_eq!(
            got,
            [*messages, *participants, *replies, *mentions],
            "{}",
            input.name
        );
        assert_eq!(r.sources.inferred_replies, *replies);
        seen += 1;
    }
    assert_eq!(seen, SAMPLE_COUNTS.len());
}

#[test]
fn detection_leaves_other_formats_alone() {
    let lobby = fixture("discord_lobby.json");
    assert!(!messenger::detect(&lobby.name, &lobby.bytes));
}

/// Nor any real export in another format's samples folder.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn detection_leaves_other_formats_samples_alone() {
    let root = samples("");
    for dir in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        if dir.file_name() == "messenger" || !dir.path().is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let input = file(&entry.path());
            assert!(
                !messenger::detect(&input.name, &input.bytes),
                "{}",
                entry.path().display()
            );
        }
    }
}
