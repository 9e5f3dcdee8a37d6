//! Mastodon threads through the public API: a hand-written context and its root status
//! whose numbers were worked out by hand, a malformed file, and every real sample in
//! `../shared/samples/mastodon` (ignored when `../shared/samples` is absent).

use crate::support::{fixture, report, sample, samples};
use peerscope_core::import::{self, Format, Input};
use peerscope_core::model::options::Options;
use peerscope_core::report::analyze;

/// Hana (h.social, H) asks in status 100 (3 favourites; in its own file). Ari (a.social,
/// A) answers 100 → H; Bea (b.town, B) answers 100 → H; H answers A's 101 → A; A answers
/// B's 102 → B, naming B and H, both carried from 102 (B wrote it, it named H); another
/// "a" on other.zone (O, a fourth person) answers H's 103 → H, naming H (carried), A
/// (carried from 103) and B (added: the one mention). The context alone keeps 100 as a
/// stand-in, so its five replies still reach H.
#[test]
fn good_context_with_and_without_its_root() {
    let context = report(
        &[fixture("mastodon_good_context.json")],
        &Options::default(),
    );
    let c = &context.counts;
    assert_eq!(
        (c.messages, c.participants, c.replies, c.mentions),
        (5, 4, 5, 1)
    );
    assert_eq!(c.reactions, 1, "101's favourite");
    assert_eq!(context.hosts[0].name, "Hana Host");
    assert_eq!(context.sources.format, "mastodon");
    assert!(context
        .sources
        .warnings
        .iter()
        .any(|w| w.contains("answer 1 status the file leaves out")));
    for order in [
        ["mastodon_good_context.json", "mastodon_good_status.json"],
        ["mastodon_good_status.json", "mastodon_good_context.json"],
    ] {
        let inputs: Vec<Input> = order.iter().map(|name| fixture(name)).collect();
        let both = report(&inputs, &Options::default());
        let c = &both.counts;
        assert_eq!(
            (
                c.messages,
                c.participants,
                c.replies,
                c.mentions,
                c.reactions
            ),
            (6, 4, 5, 1, 4),
            "{order:?}"
        );
        assert_eq!(c.days, 3, "2024-06-01 to 2024-06-03");
    }
}

#[test]
fn malformed_names_file_and_position() {
    let err = analyze(&[fixture("mastodon_malformed.json")], &Options::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("mastodon_malformed.json: line 90, column 1: the file ends too early"),
        "{err}"
    );
}

/// (messages, participants, replies, mentions) of one sample file.
type Counts = (u64, u64, u64, u64);

/// Counted from each file (its `SOURCES.md` describes it):
/// - mastodon.social: 59 descendants by 50 accounts, the root (by austinkocher) left out.
///   43 answer the root and 16 other descendants; 2 of them are austinkocher answering
///   himself, so 57 replies. People: the 50 authors and 5 accounts only mentioned
///   (Gargron, Mastodon, Pwnallthethings, ryanstraight, paul_bentham) = 55. Mentions: 82
///   once the names Mastodon carries over from the answered status are left out.
/// - fosstodon.org: 3 descendants by 2 accounts answering schochastics's root (left out;
///   named only in mentions): 3 messages, 3 people, 2 replies (the third answers its
///   author's own status), no mention beyond the carried @schochastics.
const EXPECTED: [(&str, Counts); 2] = [
    (
        "rtoot_context_fosstodon.org_114026814291152535.json",
        (3, 3, 2, 0),
    ),
    (
        "rtoot_context_mastodon.social_109294719267373593.json",
        (59, 55, 57, 82),
    ),
];

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_sample_is_detected_and_read() {
    let dir = samples("mastodon");
    let count = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .count();
    assert_eq!(count, EXPECTED.len(), "a new sample needs its hand count");
    for (name, expected) in EXPECTED {
        let input = sample(&dir, name);
        assert_eq!(
            import::detect(&input).ok(),
            Some(Format::Mastodon),
            "{name}"
        );
        let r = report(std::slice::from_ref(&input), &Options::default());
        let c = &r.counts;
        assert_eq!(
            (c.messages, c.participants, c.replies, c.mentions),
            expected,
            "{name}"
        );
        assert_eq!(r.hosts.len(), 1, "{name}: the root's author");
    }
}

#[test]
fn detection_does_not_take_other_formats() {
    for name in [
        "discord_lobby.json",
        "discourse_good.json",
        "reddit_good.json",
    ] {
        let other = fixture(name);
        assert!(
            !peerscope_core::import::mastodon::detect(&other.name, &other.bytes),
            "{name}"
        );
    }
}
