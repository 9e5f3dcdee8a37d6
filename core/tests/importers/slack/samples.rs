//! Slack importer against real exports written by other people, in
//! `../shared/samples/slack` (not copied into this repository; those tests are ignored
//! when `../shared/samples` is absent), the one-file shapes detected by content, and
//! Slack's detection leaving other formats alone.
//!
//! `tests/fixtures/slack_untyped_thread.json`, `slack_lone_message.json` and
//! `slack_lone_message_malformed.json` are the one-file shapes: a day without `"type"`,
//! and a lone message object (whole, and cut short). The workspace fixture is read in
//! [`crate::slack`].

use std::path::PathBuf;

use crate::support::slack::{load, message, person_idx};
use crate::support::{counts, fixture, fixtures_dir, report, sample, samples, shared_samples};
use peerscope_core::import::{self, slack, Format};
use peerscope_core::model::options::Options;
use peerscope_core::model::{Dataset, MessageKind};

/// Every slackdump file is recognised and read; the workspace files add no messages.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_slackdump_sample_is_detected_and_read() {
    let dir = samples("slack");
    let mut read_any = 0;
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if !name.starts_with("slackdump_") {
            continue;
        }
        let input = sample(&dir, &name);
        assert_eq!(import::detect(&input).ok(), Some(Format::Slack), "{name}");
        let mut d = Dataset::default();
        let read = slack::read(&name, &input.bytes, &mut d);
        assert!(read.is_ok(), "{name}: {read:?}");
        read_any += 1;
    }
    assert!(read_any >= 5);
}

/// The zulip files are a Slack importer's test inputs: a thread without
/// `"type": "message"`, and one message object that is not in an array. Both are Slack
/// by their content (a `ts` of Slack's shape), whatever their name.
///
/// Counted by hand from the files:
///
/// - `zulip_thread_with_broadcast_reply.json`: 3 messages, none a notice, no bots (no
///   `bot_id`, no subtype but `thread_broadcast`, which is conversation). U061A5N1G
///   posts the root (`thread_ts == ts`); U061A1R2R answers it twice, once as a plain
///   reply (`parent_user_id` U061A5N1G) and once as a `thread_broadcast` whose `root`
///   is U061A5N1G's: 2 replies. No `<@…>` and no blocks: 0 mentions. Participants: the
///   two authors, 2.
/// - `zulip_message_with_user_mentions.json`: 1 message by U06NU4E26M9 (a person: it
///   has a `user_profile`). Its text and its blocks both name U06NU4E26M9 (the author
///   itself, which is no interaction) and U074VRHQ11T: 1 mention, 0 replies.
///   Participants: the author and the person mentioned, 2.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn the_zulip_samples_are_slack_and_counted_by_hand() {
    let dir = samples("slack");
    let thread = sample(&dir, "zulip_thread_with_broadcast_reply.json");
    let single = sample(&dir, "zulip_message_with_user_mentions.json");
    for input in [&thread, &single] {
        assert!(slack::detect(&input.name, &input.bytes), "{}", input.name);
        assert!(slack::detect("any.json", &input.bytes), "{}", input.name);
        assert_eq!(
            import::detect(input).ok(),
            Some(Format::Slack),
            "{}",
            input.name
        );
    }
    assert_eq!(
        counts(&report(std::slice::from_ref(&thread), &Options::default())),
        (3, 2, 2, 0)
    );
    assert_eq!(
        counts(&report(std::slice::from_ref(&single), &Options::default())),
        (1, 2, 0, 1)
    );

    let d = load(std::slice::from_ref(&thread));
    let kinds: Vec<MessageKind> = d.messages.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        vec![MessageKind::Post, MessageKind::Reply, MessageKind::Reply]
    );
    let d = load(std::slice::from_ref(&single));
    let mentioned: Vec<&str> = d
        .messages
        .iter()
        .flat_map(|m| m.mentions.iter().map(|&p| d.display(p)))
        .collect();
    assert_eq!(
        mentioned,
        vec!["Peter", "U074VRHQ11T"],
        "the model keeps the self-mention; the interactions drop it"
    );
    assert_eq!(d.files.first().map(|f| f.messages), Some(1));
}

/// The two shapes again, hand-written so they are tested when the samples are absent.
///
/// `slack_untyped_thread.json` (no `type` anywhere): Ann's root, Bo's reply, Cy's
/// `thread_broadcast` with a `root` but no `thread_ts`, mentioning Bo, and Ann's answer
/// in her own thread. 4 messages; replies Bo → Ann and Cy → Ann (Ann's own is no
/// interaction): 2; mentions Cy → Bo: 1; participants Ann, Bo, Cy: 3.
///
/// `slack_lone_message.json` (one object): Ann names herself, Bo and Cy in text and
/// blocks, and `<!here>` (no one): 1 message, 0 replies, 2 mentions, 3 participants.
#[test]
fn a_day_without_types_and_a_lone_message_are_read() {
    let thread = fixture("slack_untyped_thread.json");
    let lone = fixture("slack_lone_message.json");
    for input in [&thread, &lone] {
        assert_eq!(
            import::detect(input).ok(),
            Some(Format::Slack),
            "{}",
            input.name
        );
    }
    assert_eq!(
        counts(&report(std::slice::from_ref(&thread), &Options::default())),
        (4, 3, 2, 1)
    );
    assert_eq!(
        counts(&report(std::slice::from_ref(&lone), &Options::default())),
        (1, 3, 0, 2)
    );
    let d = load(std::slice::from_ref(&thread));
    let broadcast = message(&d, "slack_untyped_thread", "1709280120.000300");
    assert_eq!(
        (broadcast.kind, broadcast.thread_root.as_deref()),
        (MessageKind::Reply, Some("1709280000.000100"))
    );
    let d = load(std::slice::from_ref(&lone));
    assert_eq!(
        d.display(person_idx(&d, "U0BO")),
        "bo",
        "the name <@U0BO|bo> gives"
    );
    assert_eq!(d.display(person_idx(&d, "U0ANN")), "Ann");
}

/// A lone message cut short is still taken for Slack, and the error says where it ends.
#[test]
fn a_truncated_lone_message_names_file_and_position() {
    let input = fixture("slack_lone_message_malformed.json");
    assert_eq!(import::detect(&input).ok(), Some(Format::Slack));
    let err = import::import(&[input], None)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("slack_lone_message_malformed.json: line 5, column "),
        "{err}"
    );
    assert!(err.contains("truncated"), "{err}");
}

/// Slack's looser detection takes no other format's file: every other sample and fixture
/// is detected as what it is, not as Slack.
#[test]
fn other_formats_are_not_taken_for_slack() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| !p.to_string_lossy().contains("slack_"))
        .collect();
    for format in std::fs::read_dir(shared_samples())
        .into_iter()
        .flatten()
        .flatten()
    {
        if format.file_name() == "slack" {
            continue;
        }
        let inside = std::fs::read_dir(format.path())
            .into_iter()
            .flatten()
            .flatten();
        files.extend(inside.map(|e| e.path()).filter(|p| p.is_file()));
    }
    let mut checked = 0;
    for path in &files {
        let name = path.to_string_lossy();
        if name.ends_with("SOURCES.md") {
            continue;
        }
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!slack::detect(&name, &bytes), "{name}");
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} files");
}

/// slackdump's source_export.zip: 16 messages in one channel over four day files; a
/// channel_join and a tombstone (system), one bot message (a bot in users.json).
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn slackdump_zip() {
    let dir = samples("slack");
    let input = sample(&dir, "slackdump_source_export.zip");
    let d = load(std::slice::from_ref(&input));
    assert_eq!(d.messages.len(), 16);
    assert_eq!(d.spaces.len(), 1);
    assert_eq!(
        (d.spaces[0].id.as_str(), d.spaces[0].name.as_str()),
        ("CO69735E8A", "B75B4C7")
    );
    let system = d
        .messages
        .iter()
        .filter(|m| m.kind == MessageKind::System)
        .count();
    assert_eq!(system, 2);
    let r = report(&[input], &Options::default());
    assert_eq!(r.counts.messages, 13);
    assert_eq!(
        r.counts.replies, 3,
        "the reply of 2025-01-11 reaches its root of 2025-01-10; a reply in one's own \
         thread is no interaction"
    );
    assert_eq!(r.counts.bots_excluded, 1);
}

/// The day file of 2025-01-11 alone: two of its four replies belong to a thread whose
/// root is in the day before, so they stay without a target.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn slackdump_day_file_alone_and_with_the_workspace_files() {
    let dir = samples("slack");
    let day = sample(&dir, "slackdump_B75B4C7_2025-01-11.json");
    let r = report(std::slice::from_ref(&day), &Options::default());
    assert_eq!(
        r.counts.messages, 9,
        "11 minus a channel_join and a tombstone"
    );
    assert_eq!(r.counts.replies, 2);
    let with = report(
        &[
            sample(&dir, "slackdump_export_channels.json"),
            sample(&dir, "slackdump_export_dms.json"),
            sample(&dir, "slackdump_export_mpims.json"),
            day,
        ],
        &Options::default(),
    );
    assert_eq!(with.counts.messages, 9);
    assert_eq!(with.sources.files.len(), 4);
}
