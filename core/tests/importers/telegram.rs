//! Telegram Desktop JSON: our own fixtures (every number worked out by hand in the
//! comments), the real samples in `../shared/samples/telegram` (ignored when
//! `../shared/samples` is absent), and detection that leaves other formats alone.

use crate::support::{file, fixture, ratio, report, samples};
use peerscope_core::import::{self, telegram, Format};
use peerscope_core::{
    import::Input, model::options::HostChoice, model::options::Options, report::analyze,
};

/// telegram_good.json, a forum supergroup: Hana (user100) creates it and the topic "Show
/// and tell" (service 2); Bea opens the topic "Help desk" (service 8).
///   3 Hana in topic 2    → thread reply to Hana herself: dropped
///   4 Arjun in topic 2   → thread reply Arjun→Hana (not a reply to message 2's text)
///   5 Bea replies to 4   → Bea→Arjun
///   6 Arjun replies to 5, mention_name Bea → Arjun→Bea; the mention is the reply target
///   7 Chen, "@dara_k"    → mention Chen→Dara (Dara shows as "Dara K"); the `?` is in a link
///   9 Dara in topic 8    → thread reply Dara→Bea
///  10 Hana replies to 9  → Hana→Dara; 👍 by Dara and Bea
///  11 Chen replies to 9  → Chen→Dara
///  12 Hana, only `date`  → post, time zone assumed
///  14 Bea replies to 999 → parent missing, no interaction
///  15 Arjun, "@somebody_else" → matches nobody
/// Messages: 15 − 4 service = 11. Replies: 4, 5, 6, 9, 10, 11 = 6. Mentions: 7 = 1.
#[test]
fn good_fixture_counts() {
    let r = report(&[fixture("telegram_good.json")], &Options::default());
    assert_eq!(r.sources.format, "telegram");
    let c = &r.counts;
    assert_eq!(c.messages, 11);
    assert_eq!(c.participants, 5, "Hana, Arjun, Bea, Chen, Dara");
    assert_eq!((c.replies, c.mentions), (6, 1));
    assert_eq!(c.reactions, 2);
    assert_eq!(c.days, 1);
    let w = &r.sources.warnings;
    assert!(
        w.iter()
            .any(|w| w.contains("1 message time had no time zone")),
        "{w:?}"
    );
    assert!(
        w.iter()
            .any(|w| w.contains("1 @username mention matched nobody")),
        "{w:?}"
    );
    assert!(
        w.iter()
            .any(|w| w.starts_with("1 reply points to messages")),
        "{w:?}"
    );
}

/// With Hana as host, the 7 interactions are A→H, B→A, A→B, C→D (mention), D→B, H→D,
/// C→D (reply).
#[test]
fn good_fixture_metrics_by_hand() {
    let options = Options {
        hosts: HostChoice::Named(vec!["Hana".into()]),
        ..Options::default()
    };
    let r = report(&[fixture("telegram_good.json")], &options);
    // host at either end: A→H, H→D = 2 of 7
    assert_eq!(ratio(&r, "host_share"), (Some(2.0), Some(7.0)));
    // replies without Hana: B→A, A→B, D→B, C→D = 4 of 6
    assert_eq!(ratio(&r, "peer_reply_share"), (Some(4.0), Some(6.0)));
    // by members: A→H, B→A, A→B, C→D, D→B, C→D = 6; all but A→H aim at members = 5
    assert_eq!(ratio(&r, "connect_share"), (Some(5.0), Some(6.0)));
    // member arcs B→A, A→B, C→D, D→B: the pair A↔B is reciprocated = 2 of 4
    assert_eq!(ratio(&r, "reciprocity"), (Some(2.0), Some(4.0)));
    // undirected ties A–H, A–B, C–D, D–B, H–D = 5 among 5 people: 2·5 / (5·4)
    assert_eq!(ratio(&r, "density"), (Some(10.0), Some(20.0)));
}

#[test]
fn malformed_fixture_names_file_and_position() {
    let err = analyze(&[fixture("telegram_malformed.json")], &Options::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("telegram_malformed.json: line 10, column 4: this is not valid JSON"),
        "{err}"
    );
}

/// Hand counts of every sample. chatanalytics_DM_2A_7M.json is short enough to read:
/// 8 entries, 2 of them service (joined_telegram, phone_call), so 6 messages by Bob and
/// Alice, no reply_to_message_id, no mention entity. The tgif files are excerpts of one
/// supergroup, all `type: "message"`, no bot flag (so LaodeBot counts as a person); their
/// counts come from reading `from_id`, `reply_to_message_id` and the `mention` entities
/// (tallied with a throwaway jq/python pass over the raw JSON, not with this importer):
/// * coorporate-speak: 155 messages, 9 distinct from_id; 52 reply_to_message_id, of which
///   1 targets a message outside the excerpt and 1 is a self-reply → 50 replies;
///   mentions @jason_wihardja (10891, "Jason Wihardja") and @albilaga (10915,
///   "Albilaga", a reply to Reinaldy) → 2.
/// * software-testing: 197 messages, 12 from_id; 94 reply ids − 8 missing − 6 self = 80;
///   @RonnyGunawan (242714, "Ronny Gunawan ️") → 1; @dsnoor matches no name ("D Noor").
/// * tdd-and-clean-architecture (older export: `date` only): 191 messages, 7 from_id;
///   75 − 7 missing − 4 self = 64; @RonnyGunawan in 54900 (a self-reply by Kiro Honjou)
///   → 1; @okitas0uji and @Ramad987 match no name.
const SAMPLE_COUNTS: [(&str, [u64; 4]); 4] = [
    ("chatanalytics_DM_2A_7M.json", [6, 2, 0, 0]),
    ("tgif_coorporate-speak.json", [155, 9, 50, 2]),
    ("tgif_software-testing.json", [197, 12, 80, 1]),
    ("tgif_tdd-and-clean-architecture.json", [191, 7, 64, 1]),
];

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_sample_is_detected_and_counted() {
    let dir = samples("telegram");
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
            Some(Format::Telegram),
            "{}",
            input.name
        );
        let c = report(std::slice::from_ref(&input), &Options::default()).counts;
        let got = [c.messages, c.participants, c.replies, c.mentions];
        assert_eq!(
            got,
            [*messages, *participants, *replies, *mentions],
            "{}",
            input.name
        );
        seen += 1;
    }
    assert_eq!(seen, SAMPLE_COUNTS.len());
}

/// The dates of the DM sample are mixed: `date` only for the first three entries.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn mixed_dates_are_flagged() {
    let dir = samples("telegram");
    let r = report(
        &[file(&dir.join("chatanalytics_DM_2A_7M.json"))],
        &Options::default(),
    );
    assert!(r
        .sources
        .warnings
        .iter()
        .any(|w| w.contains(": 3 message times had no time zone")));
}

/// The tgif files are excerpts of one chat (same id 1712691810): loaded together they
/// make one space, and their message ids do not overlap, so the counts simply add up.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn excerpts_of_one_chat_share_a_space() {
    let dir = samples("telegram");
    let names = ["tgif_coorporate-speak.json", "tgif_software-testing.json"];
    let inputs: Vec<Input> = names.iter().map(|n| file(&dir.join(n))).collect();
    let r = report(&inputs, &Options::default());
    assert_eq!(r.counts.messages, 155 + 197);
    assert_eq!(r.counts.replies, 50 + 80);
    let spaces: Vec<&str> = r.spaces.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(spaces, vec!["1712691810"]);
}

#[test]
fn detection_leaves_other_formats_alone() {
    let lobby = fixture("discord_lobby.json");
    assert!(!telegram::detect(&lobby.name, &lobby.bytes));
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
        if dir.file_name() == "telegram" || !dir.path().is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let input = file(&entry.path());
            assert!(
                !telegram::detect(&input.name, &input.bytes),
                "{}",
                entry.path().display()
            );
        }
    }
}
