//! Discourse topic and posts JSON through the public API: a hand-written topic whose
//! numbers were worked out by hand, a malformed file, and every real sample in
//! `../shared/samples/discourse` (ignored when `../shared/samples` is absent).

use crate::support::{fixture, metric, report, sample, samples};
use peerscope_core::import::{self, Format};
use peerscope_core::{model::options::Options, report::analyze};

/// Topic 42: mara (admin) asks; system pins (a notice, by a bot); tomas replies to the
/// topic and mentions lena; lena replies to tomas; mara to lena; ivo to tomas, mentioning
/// mara; tomas to ivo, mentioning ivo (the reply target, so no mention); lena replies to
/// the topic. Interactions: T→M, T→L(m), L→T, M→L, I→T, I→M(m), T→I, L→M.
#[test]
fn good_topic_counts_and_metrics() {
    let r = report(&[fixture("discourse_good.json")], &Options::default());
    let c = &r.counts;
    assert_eq!(c.messages, 7, "8 posts minus the bot's pin notice");
    assert_eq!((c.participants, c.members, c.hosts), (4, 3, 1));
    assert_eq!(c.bots_excluded, 1, "the system user (id -1)");
    assert_eq!((c.replies, c.mentions), (6, 2));
    assert_eq!(c.reactions, 3, "1 like on post 1, 2 on post 4");
    assert_eq!(c.days, 2);
    assert_eq!(r.hosts.len(), 1);
    assert_eq!(
        r.hosts[0].name, "Mara Quinn",
        "admin: the platform's host hint"
    );
    // host_share: T→M, M→L, I→M(m), L→M touch mara: 4 of 8 interactions.
    assert_eq!(metric(&r, "host_share"), (Some(0.5), Some(4.0), Some(8.0)));
    // peer_reply_share: L→T, I→T, T→I of the 6 replies.
    assert_eq!(
        metric(&r, "peer_reply_share"),
        (Some(0.5), Some(3.0), Some(6.0))
    );
    // connect_share: members' 7 interactions, 4 aimed at members (T→L, L→T, I→T, T→I).
    assert_eq!(metric(&r, "connect_share").1, Some(4.0));
    assert_eq!(metric(&r, "connect_share").2, Some(7.0));
}

#[test]
fn malformed_names_file_and_position() {
    let err = analyze(&[fixture("discourse_malformed.json")], &Options::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("discourse_malformed.json: line 7, column 27:"),
        "{err}"
    );
    assert!(err.contains("\"two\""), "{err}");
}

/// What one sample gives: (messages, participants, replies, mentions), or an error.
enum Expect {
    Counts(u64, u64, u64, u64),
    Refused(&'static str),
}

/// Counted by reading each file (not by running this code):
/// - topic: posts #1 samsaffron, #2 samsaffron "now pinned" (post_type 2, a notice), #3
///   stienman (no reply_to_post_number: reply to the topic → #1), #14 splattne
///   (reply_to_post_number 1). 3 messages, 3 people, 2 replies, no mention links.
/// - posts_latest: johndoe's #1 and #2 of topic 11 (#2 replies to the topic, i.e. to his
///   own post: a self-reply), and two posts by `system` (user_id -1, a bot). 2 messages,
///   1 person, 0 replies.
/// - posts_before: johndoe's #1 of topic 11 and the same two `system` posts. 1, 1, 0, 0.
/// - post_action_users and replies_and_topics are not conversations: refused clearly.
const EXPECTED: [(&str, Expect); 5] = [
    ("discourse_api_topic.json", Expect::Counts(3, 3, 2, 0)),
    (
        "discourse_api_posts_latest.json",
        Expect::Counts(2, 1, 0, 0),
    ),
    (
        "discourse_api_posts_before.json",
        Expect::Counts(1, 1, 0, 0),
    ),
    (
        "discourse_api_post_action_users.json",
        Expect::Refused("this is a Discourse list of who liked a post"),
    ),
    (
        "discourse_api_replies_and_topics.json",
        Expect::Refused("this is a Discourse list of one person's activity"),
    ),
];

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_sample_is_detected_and_read() {
    let dir = samples("discourse");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    assert_eq!(
        names.len(),
        EXPECTED.len(),
        "a new sample needs its hand count"
    );
    for (name, expect) in &EXPECTED {
        let input = sample(&dir, name);
        assert_eq!(
            import::detect(&input).ok(),
            Some(Format::Discourse),
            "{name}"
        );
        let result = analyze(std::slice::from_ref(&input), &Options::default());
        match (expect, result) {
            (Expect::Counts(m, p, r, n), Ok(a)) => {
                let c = &a.report.counts;
                let got = (c.messages, c.participants, c.replies, c.mentions);
                assert_eq!(got, (*m, *p, *r, *n), "{name}");
            }
            (Expect::Refused(start), Err(e)) => {
                let msg = e.to_string();
                assert!(msg.starts_with(&format!("{name}: {start}")), "{msg}");
            }
            (_, Ok(_)) => panic!("{name}: expected a clear error"),
            (_, Err(e)) => panic!("{name}: {e}"),
        }
    }
}

/// The 2013 topic marks all three posters as staff: all three are hosts.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn staff_are_host_hints() {
    let dir = samples("discourse");
    let r = report(
        &[sample(&dir, "discourse_api_topic.json")],
        &Options::default(),
    );
    assert_eq!((r.counts.hosts, r.counts.members), (3, 0));
    assert_eq!(r.counts.reactions, 10, "5 likes each on #3 and #14");
}

#[test]
fn detection_does_not_take_other_formats() {
    let discord = fixture("discord_lobby.json");
    assert!(!peerscope_core::import::discourse::detect(
        &discord.name,
        &discord.bytes
    ));
}

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn detection_does_not_take_a_reddit_sample() {
    let dir = samples("reddit");
    let other = sample(&dir, "praw_jlbw48_2022.json");
    assert!(!peerscope_core::import::discourse::detect(
        &other.name,
        &other.bytes
    ));
}
