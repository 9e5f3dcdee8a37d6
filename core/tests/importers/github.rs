//! GitHub Discussions and REST comments through the public API: hand-written fixtures
//! whose numbers were worked out by hand, a malformed file, and every real sample in
//! `../shared/samples/github` (ignored when `../shared/samples` is absent).

use crate::support::{counts, fixture, report, sample, samples};
use peerscope_core::import::{self, Format, Input};
use peerscope_core::{model::options::Options, report::analyze};

/// Two pages as `gh api graphql --paginate` writes them, one after the other. Discussion
/// D_1 by eve: ann (OWNER) comments, naming eve (her reply target, so no mention); eve
/// and a deleted account reply to ann; the bot renovate comments. D_2 by a deleted
/// account: fay comments (answering nobody), naming gus; gus replies to fay.
/// Interactions: A→E, E→A, G→F, F→G(m).
#[test]
fn discussions_fixture_counts() {
    let r = report(&[fixture("github_discussions.json")], &Options::default());
    assert_eq!(counts(&r), (7, 4, 3, 1), "8 messages less the bot's");
    let c = &r.counts;
    assert_eq!((c.bots_excluded, c.placeholder_messages), (1, 2));
    assert_eq!(r.hosts.len(), 1);
    assert_eq!(r.hosts[0].name, "ann", "OWNER: the platform's host hint");
    assert_eq!(r.sources.format, "github");
    assert!(
        r.sources
            .warnings
            .iter()
            .any(|w| w.contains("1 comment and 1 reply are on later pages of their discussions")),
        "{:?}",
        r.sources.warnings
    );
}

/// Issue #7 by ann (OWNER), pull request #8 by Bo; comments: cy on #7 naming bo, ann on
/// #7 naming cy (a self-reply, so only the mention), a bot on #7, dee (COLLABORATOR) on
/// #8; review comments on #8: ann (naming `@param` in code), bo answering ann, ghost
/// answering bo. Interactions: C→A, C→B(m), A→C(m), D→B, A→B, B→A.
#[test]
fn issues_and_comments_fixture_counts() {
    let inputs = [
        fixture("github_issues.json"),
        fixture("github_comments.json"),
    ];
    let r = report(&inputs, &Options::default());
    assert_eq!(counts(&r), (8, 4, 4, 2));
    let c = &r.counts;
    assert_eq!((c.bots_excluded, c.placeholder_messages), (1, 1));
    assert_eq!((c.hosts, c.members), (2, 2), "ann and dee maintain");
    assert_eq!(c.reactions, 2, "two thumbs up on cy's comment");
    assert_eq!(c.spaces, 2);
}

/// The comments alone: each thread's first loaded comment stands in for its issue. #7:
/// cy first, ann answers cy (also named: no mention); #8: dee first, ann's review comment
/// answers dee, bo answers ann, ghost nobody. cy names bo while answering nobody.
#[test]
fn comments_without_their_issues_answer_the_first_comment() {
    let r = report(&[fixture("github_comments.json")], &Options::default());
    assert_eq!(counts(&r), (6, 4, 3, 1));
}

#[test]
fn malformed_names_file_and_position() {
    let err = analyze(&[fixture("github_malformed.json")], &Options::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("github_malformed.json: line 6, column 5: this is not valid JSON"),
        "{err}"
    );
}

/// Counted by reading each file with a short script of our own (not this code): every
/// discussion, comment and reply is a message; people are the distinct logins; replies
/// are comment→discussion and reply→comment pairs whose two authors are known and
/// differ. The issue comments answer the first comment of their issue in the file
/// (`issue_url`); three name someone with `@`: Lyloa once (a mention), bilderbuchi twice,
/// each time in a comment by bilderbuchi or answering them (so no mention).
/// (file, messages, people, replies, mentions, messages by deleted accounts).
const EXPECTED: [(&str, u64, u64, u64, u64, u64); 5] = [
    ("pygithub_discussions_graphql_page1.json", 81, 38, 33, 0, 1),
    ("pygithub_discussions_graphql_page2.json", 61, 35, 23, 0, 1),
    ("pygithub_discussions_graphql_page3.json", 9, 6, 4, 0, 0),
    ("pygithub_issue_comments_page1.json", 30, 7, 9, 1, 0),
    ("pygithub_issue_comments_page2.json", 30, 5, 13, 0, 0),
];

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_sample_is_detected_and_read() {
    let dir = samples("github");
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
    for (name, messages, people, replies, mentions, deleted) in EXPECTED {
        let input = sample(&dir, name);
        assert_eq!(import::detect(&input).ok(), Some(Format::GitHub), "{name}");
        let r = report(&[input], &Options::default());
        let got = (counts(&r), r.counts.placeholder_messages);
        assert_eq!(
            got,
            ((messages, people, replies, mentions), deleted),
            "{name}"
        );
    }
}

/// The acceptance numbers: the three Discussions pages load together into one network
/// (65 discussions, 55 comments, 31 replies; 75 logins; 22 answers to oneself and 4
/// touching a deleted account are no interaction).
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn the_three_discussions_pages_read_together() {
    let dir = samples("github");
    let pages: Vec<Input> = (1..=3)
        .map(|n| sample(&dir, &format!("pygithub_discussions_graphql_page{n}.json")))
        .collect();
    let r = report(&pages, &Options::default());
    assert_eq!(r.sources.format, "github");
    assert_eq!(counts(&r), (151, 75, 60, 0));
    assert_eq!(r.counts.placeholder_messages, 2);
    assert_eq!(r.counts.spaces, 65);
}

/// Both pages of issue comments: 60 comments on 24 issues by 9 people, with Lyloa named
/// once (10 people).
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn the_two_issue_comment_pages_read_together() {
    let dir = samples("github");
    let pages: Vec<Input> = (1..=2)
        .map(|n| sample(&dir, &format!("pygithub_issue_comments_page{n}.json")))
        .collect();
    let r = report(&pages, &Options::default());
    assert_eq!(counts(&r), (60, 10, 22, 1));
    assert_eq!(r.counts.spaces, 24);
}

/// No fixture of another format is taken for GitHub.
#[test]
fn detection_does_not_take_other_formats() {
    let others = [
        "discord_lobby.json",
        "discourse_good.json",
        "reddit_good.json",
        "telegram_good.json",
        "youtube_good.info.json",
        "youtube_api_threads.json",
        "messenger_good_message_1.json",
        "slack_lone_message.json",
        "whatsapp_good.txt",
        "csv_messages.csv",
    ];
    for name in others {
        let input = fixture(name);
        assert!(!import::github::detect(&input.name, &input.bytes), "{name}");
    }
}
