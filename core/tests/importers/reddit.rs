//! Reddit thread JSON through the public API: a hand-written thread whose numbers were
//! worked out by hand, a malformed file, and every real sample in
//! `../shared/samples/reddit` (ignored when `../shared/samples` is absent).

use crate::support::{fixture, metric, report, sample, samples};
use peerscope_core::import::{self, Format};
use peerscope_core::{model::options::Options, report::analyze};

/// Post by quill_maker (Q). k1 ink_and_oak (I) → post; k2 Q → k1, mentions u/ferrule_fan
/// (F); k3 F → k2; k4 I → k3 (then a "continue this thread" stub); k5 [deleted] (D) → k1;
/// a `more` stub hiding 4; k6 F → post, mentions /u/ink_and_oak; k7 AutoModerator (a bot)
/// → k6; k8 paper_moth (P) → k6. Interactions: I→Q, Q→I, Q→F(m), F→Q, I→F, F→Q,
/// F→I(m), P→F; D stands for many people, so D → I is none (docs/METRICS.md §2).
#[test]
fn good_thread_counts_and_metrics() {
    let r = report(&[fixture("reddit_good.json")], &Options::default());
    let c = &r.counts;
    assert_eq!(
        c.messages, 8,
        "the post and 8 comments minus AutoModerator's"
    );
    assert_eq!(
        (c.participants, c.members, c.hosts),
        (4, 3, 1),
        "D is nobody"
    );
    assert_eq!(c.bots_excluded, 1);
    assert_eq!(c.placeholder_messages, 1, "k5");
    assert_eq!((c.replies, c.mentions), (6, 2));
    assert_eq!(c.reactions, 0, "scores are not reactions");
    assert_eq!(c.days, 2);
    assert_eq!(r.hosts[0].name, "quill_maker", "the post's author");
    // host_share: I→Q, Q→I, Q→F, F→Q, F→Q touch Q: 5 of 8.
    assert_eq!(metric(&r, "host_share").1, Some(5.0));
    assert_eq!(metric(&r, "host_share").2, Some(8.0));
    // peer_reply_share: I→F, P→F of the 6 replies.
    assert_eq!(metric(&r, "peer_reply_share").1, Some(2.0));
    assert_eq!(metric(&r, "peer_reply_share").2, Some(6.0));
    let warnings = r.sources.warnings.join("\n");
    assert!(warnings.contains("4 comments not loaded (Reddit 'more' stubs)"));
    assert!(
        warnings.contains("1 message by a deleted or unknown account counts as a message"),
        "{warnings}"
    );
}

#[test]
fn malformed_names_file_and_position() {
    let err = analyze(&[fixture("reddit_malformed.json")], &Options::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("reddit_malformed.json: line 8, column 7: this is not valid JSON"),
        "{err}"
    );
}

/// (messages, participants, replies, mentions) of one sample file.
type Counts = (u64, u64, u64, u64);

/// Counted with a short Python walk over each file (the listings and every `replies`
/// listing), independent of this crate; small files also read by eye:
/// - go-reddit_post: post by testuser, testc1 by testuser → post, testc2 by testuser →
///   testc1. 3 messages, 1 person, 0 replies (both self-replies).
/// - "[deleted]" (22 comments in 3hahrw, 6 in 57dw9a, 1 in the morechildren response) is
///   nobody: its comments count as messages, but it is no participant and no end of a
///   reply (docs/METRICS.md §2); the replies below were recounted by a Python walk that
///   drops every reply with a "[deleted]" author or parent author.
/// - 3hahrw page: post + 470 t1. 361 distinct comment authors besides "[deleted]" + the
///   OP (who did not comment) = 362, + swim1929 named in "/u/swim1929" = 363. All 470
///   parents are loaded; 3 are self-replies, 41 have "[deleted]" at one end → 426.
///   Mentions: /u/swim1929
///   counts; /u/your_local_librarian is in a reply to that person's post (the reply
///   target); "u/a_poem_for_your_sprog" has 21 characters, longer than a username → 1.
/// - 3hahrw morechildren: 26 t1 whose parent (the post) is not in the file, 25 authors
///   besides "[deleted]".
/// - 57dw9a: post + 145 t1 = 146; 130 people besides "[deleted]" (the OP comments too);
///   145 − 3 self-replies − 13 with "[deleted]" at one end = 129; /u/ChrisHardwick in a reply to StanGibson18 counts, /u/chrishardwick in a
///   reply to ChrisHardwick is the reply target → 1.
/// - ablzuq: post + 1 t1 (sweatybeard → post) + 2 `more` stubs. 2, 2, 1, 0.
/// - jlbw48: post + 6 t1: 3 by the OP Watchful1BotTest answering themself, Watchful1 →
///   post, wapisagoodsong → Watchful1, KJ_Bot → wapisagoodsong. 7, 4, 3, 0.
const EXPECTED: [(&str, Counts); 6] = [
    ("go-reddit_post.json", (3, 1, 0, 0)),
    ("praw_3hahrw_funny_sort-old.json", (471, 363, 426, 1)),
    ("praw_3hahrw_morechildren_response.json", (26, 25, 0, 0)),
    ("praw_57dw9a_comment-context100.json", (146, 130, 129, 1)),
    ("praw_ablzuq_2020_limit1.json", (2, 2, 1, 0)),
    ("praw_jlbw48_2022.json", (7, 4, 3, 0)),
];

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_sample_is_detected_and_read() {
    let dir = samples("reddit");
    let count = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .count();
    assert_eq!(count, EXPECTED.len(), "a new sample needs its hand count");
    for (name, expected) in EXPECTED {
        let input = sample(&dir, name);
        assert_eq!(import::detect(&input).ok(), Some(Format::Reddit), "{name}");
        let c = report(std::slice::from_ref(&input), &Options::default()).counts;
        let got = (c.messages, c.participants, c.replies, c.mentions);
        assert_eq!(got, expected, "{name}");
    }
}

/// The morechildren response fills in the page's top-level `more` stub: its 26 comments
/// answer the post, and 25 of their authors are new (the 26th is "[deleted]", nobody).
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn morechildren_joins_its_thread() {
    let dir = samples("reddit");
    let r = report(
        &[
            sample(&dir, "praw_3hahrw_funny_sort-old.json"),
            sample(&dir, "praw_3hahrw_morechildren_response.json"),
        ],
        &Options::default(),
    );
    let c = &r.counts;
    assert_eq!(
        (c.messages, c.participants, c.replies, c.mentions),
        (497, 388, 451, 1)
    );
    let warnings = r.sources.warnings.join("\n");
    assert!(warnings.contains("61 comments not loaded"), "{warnings}");
    assert!(warnings.contains("6 deeper reply chains"), "{warnings}");
    assert!(!warnings.contains("not in the export"), "{warnings}");
}

#[test]
fn detection_does_not_take_other_formats() {
    let discord = fixture("discord_lobby.json");
    assert!(!peerscope_core::import::reddit::detect(
        &discord.name,
        &discord.bytes
    ));
}

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn detection_does_not_take_a_youtube_sample() {
    let dir = samples("youtube");
    let other = sample(&dir, "pyyoutube_comment_threads_by_video_paged_1.json");
    assert!(!peerscope_core::import::reddit::detect(
        &other.name,
        &other.bytes
    ));
}

/// "[deleted]" stands for many people (docs/METRICS.md §1): in every real sample its
/// comments count (placeholder messages counted by the same Python walk), but it is no
/// node, not in the host picker, never a host, leader or bridge, and no step or headline
/// names it.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn deleted_authors_are_counted_but_never_named() {
    let dir = samples("reddit");
    let expected = [
        ("go-reddit_post.json", 0),
        ("praw_3hahrw_funny_sort-old.json", 22),
        ("praw_3hahrw_morechildren_response.json", 1),
        ("praw_57dw9a_comment-context100.json", 6),
        ("praw_ablzuq_2020_limit1.json", 0),
        ("praw_jlbw48_2022.json", 0),
    ];
    for (name, placeholders) in expected {
        let a =
            analyze(&[sample(&dir, name)], &Options::default()).unwrap_or_else(|e| panic!("{e}"));
        let r = &a.report;
        assert_eq!(r.counts.placeholder_messages, placeholders, "{name}");
        let gone = "[deleted]";
        let names = a.network.nodes.iter().map(|n| &n.name);
        let names = names.chain(a.participants.iter().map(|p| &p.name));
        let names = names.chain(r.hosts.iter().map(|h| &h.name));
        let names = names.chain(r.funnel.leaders.iter().map(|l| &l.name));
        let mut names = names.chain(r.funnel.bridges.iter().map(|b| &b.name));
        assert!(names.all(|n| n != gone), "{name}");
        let steps = serde_json::to_string(&r.checklist).unwrap_or_default();
        assert!(!steps.contains(gone), "{name}");
        assert!(!r.verdict.headline.contains(gone), "{name}");
    }
}
