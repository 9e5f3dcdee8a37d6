//! Slack export importer: the zip, loose day files with or without `users.json` and
//! `channels.json`, and the real exports in `../shared/samples/slack`.
//!
//! `tests/fixtures/slack_export/` is a small hand-written workspace; the zip is built from
//! it in memory. Its two channels hold (numbers are the messages, in `ts` order):
//!
//! general, 2024-03-01: 1 Ann asks "Who is new here?" and starts a thread (reactions:
//! wave ×3, Bo and Cy listed); 2 Cy joins (system); 3 Bo replies in the thread and
//! mentions Cy; 4 deploybot (bot_message, no user); 5 Cy thanks Bo (text and blocks, both
//! twice) and mentions Ann (blocks only).
//! general, 2024-03-02: 6 Cy's `thread_broadcast` into Ann's thread; 7 a tombstone
//! (Slackbot) with 8 Dee's reply; 9 a topic change (system); 10 the helper bot (a bot
//! user with `bot_id`); 11 Bo replies in Ann's thread a day later; 12 Ann replies in
//! her own thread and mentions Cy.
//! random, 2024-03-02: 13 Bo asks "lunch?" (same `ts` as message 6 of general); 14 Ann's
//! `thread_broadcast` reply, listed twice.
//!
//! `tests/fixtures/slack_untyped_thread.json`, `slack_lone_message.json` and
//! `slack_lone_message_malformed.json` are the one-file shapes detected by content: a
//! day without `"type"`, and a lone message object (whole, and cut short).

use std::io::Write;
use std::path::{Path, PathBuf};

use peerscope::import::{self, slack, Format};
use peerscope::interactions::{Conversation, InteractionKind};
use peerscope::model::{Dataset, MessageKind};
use peerscope::{analyze, Input, Options};

const DAY_FILES: [&str; 3] = [
    "general/2024-03-01.json",
    "general/2024-03-02.json",
    "random/2024-03-02.json",
];

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/slack_export")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A fixture at the top of `tests/fixtures/` (the one-file shapes, beside the workspace).
fn top_fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A zip of `entries` (name, bytes), deflated, as Slack's "Export data" writes it.
fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in entries {
        if name.ends_with('/') {
            writer
                .add_directory(*name, options)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            continue;
        }
        writer
            .start_file(*name, options)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        writer
            .write_all(bytes)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    writer
        .finish()
        .unwrap_or_else(|e| panic!("zip: {e}"))
        .into_inner()
}

/// The fixture workspace as one zip, with a folder entry and macOS litter as real zips have.
fn export_zip() -> Vec<u8> {
    let mut entries = vec![
        ("channels.json", fixture("channels.json")),
        ("users.json", fixture("users.json")),
        ("general/", Vec::new()),
        (
            "__MACOSX/general/._2024-03-01.json",
            b"\0\x05\x16\x07".to_vec(),
        ),
    ];
    entries.extend(DAY_FILES.iter().map(|&d| (d, fixture(d))));
    zip_of(&entries)
}

fn load(inputs: &[Input]) -> Dataset {
    import::import(inputs, None).unwrap_or_else(|e| panic!("{e}"))
}

fn person<'d>(d: &'d Dataset, id: &str) -> &'d peerscope::model::Person {
    d.people
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("{id} is not in the dataset"))
}

fn message<'d>(d: &'d Dataset, space: &str, ts: &str) -> &'d peerscope::model::Message {
    d.messages
        .iter()
        .find(|m| {
            m.id == ts
                && d.spaces
                    .get(m.space as usize)
                    .is_some_and(|s| s.id == space)
        })
        .unwrap_or_else(|| panic!("{space}/{ts} is not in the dataset"))
}

/// Every interaction as "from → to (kind)" by display name, sorted.
fn interactions(d: &Dataset) -> Vec<String> {
    let conv = Conversation::build(d);
    let mut out: Vec<String> = conv
        .interactions
        .iter()
        .map(|i| {
            let kind = match i.kind {
                InteractionKind::Reply => "reply",
                InteractionKind::ThreadReply => "thread",
                InteractionKind::InferredReply => "inferred",
                InteractionKind::Mention => "mention",
            };
            format!("{} → {} ({kind})", d.display(i.from), d.display(i.to))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_zip_is_detected_by_its_entries() {
    let zip = export_zip();
    let input = Input::new("Acme Slack export Mar 1 2024 - Mar 2 2024.zip", zip.clone());
    assert_eq!(import::detect(&input).ok(), Some(Format::Slack));
    assert!(
        slack::detect("export.bin", &zip),
        "the name does not matter"
    );
    let day_only = zip_of(&[("general/2024-03-01.json", fixture(DAY_FILES[0]))]);
    assert!(slack::detect("x.zip", &day_only));
    let whatsapp = zip_of(&[
        ("_chat.txt", b"[01/03/2024, 10:00:00] Ann: hi".to_vec()),
        ("IMG-20240301-WA0001.jpg", vec![0xff, 0xd8]),
    ]);
    assert!(!slack::detect("chat.zip", &whatsapp));
    assert!(!slack::detect("broken.zip", b"PK\x03\x04 and then nothing"));
}

#[test]
fn the_zip_reads_channels_people_threads_and_kinds() {
    let d = load(&[Input::new("export.zip", export_zip())]);
    let spaces: Vec<(&str, &str)> = d
        .spaces
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    assert_eq!(
        spaces,
        vec![("C0GENERAL", "general"), ("C0RANDOM", "random")],
        "channel ids come from channels.json"
    );
    assert_eq!(
        d.messages.len(),
        14,
        "15 entries; the second copy of the broadcast merges"
    );
    assert_eq!(d.files.len(), 1);
    assert_eq!(
        (d.files[0].space.as_str(), d.files[0].messages),
        ("2 channels", 15)
    );

    let root = message(&d, "C0GENERAL", "1709280000.000100");
    assert_eq!(
        (root.kind, root.thread_root.as_deref()),
        (MessageKind::Post, None)
    );
    assert!(root.is_question);
    assert_eq!(root.time_ms, 1_709_280_000_000);
    assert_eq!(root.reactions.len(), 1);
    assert_eq!(root.reactions[0].emoji, "wave");
    assert_eq!(
        root.reactions[0].count, 3,
        "the count is kept when it exceeds the users listed"
    );
    assert_eq!(root.reactions[0].reactors.len(), 2);

    let broadcast = message(&d, "C0GENERAL", "1709366400.000600");
    assert_eq!(broadcast.kind, MessageKind::Reply);
    assert_eq!(broadcast.thread_root.as_deref(), Some("1709280000.000100"));
    assert_eq!(
        broadcast.parent, None,
        "Slack replies name a thread, not a message"
    );

    let tombstone = message(&d, "C0GENERAL", "1709366460.000700");
    assert_eq!(tombstone.kind, MessageKind::System);
    let orphan = message(&d, "C0GENERAL", "1709366520.000800");
    assert_eq!(
        (orphan.kind, orphan.thread_root.as_deref()),
        (MessageKind::Reply, Some("1709366460.000700"))
    );

    for system in ["1709280060.000200", "1709366580.000900"] {
        assert_eq!(
            message(&d, "C0GENERAL", system).kind,
            MessageKind::System,
            "{system}"
        );
    }
    let lunch = message(&d, "C0RANDOM", "1709366400.000600");
    assert_eq!(
        d.display(lunch.author),
        "Bo Park",
        "same ts in another channel is another message"
    );

    let thanks = message(&d, "C0GENERAL", "1709280240.000500");
    let mentioned: Vec<&str> = thanks.mentions.iter().map(|&p| d.display(p)).collect();
    assert_eq!(
        mentioned,
        vec!["Bo Park", "Ann"],
        "text and blocks, each person once"
    );
    assert_eq!(
        thanks.text_len,
        "thanks <@U0BO|bo> & <@U0BO>".chars().count() as u32
    );

    assert_eq!(
        person(&d, "U0ANN").display_name,
        "Ann",
        "the message's profile wins"
    );
    assert_eq!(person(&d, "U0ANN").name, "ann");
    assert_eq!(
        d.display(message(&d, "C0GENERAL", "1709366520.000800").author),
        "Dee Roy",
        "no profile on the message: users.json names her"
    );
    assert_eq!(person(&d, "B0DEPLOY").display_name, "deploybot");
    let bots: Vec<&str> = d
        .people
        .iter()
        .filter(|p| p.is_bot)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(bots, vec!["B0DEPLOY", "USLACKBOT", "U0HELPER"]);
    assert!(
        d.people.iter().all(|p| p.id != "U0IDLE"),
        "users who never appear are not added from a zip"
    );
}

#[test]
fn threads_join_across_day_files_and_channels_keep_their_own() {
    let d = load(&[Input::new("export.zip", export_zip())]);
    assert_eq!(
        interactions(&d),
        vec![
            "Ann → Bo Park (thread)",
            "Ann → cy (mention)",
            "Bo Park → Ann (thread)",
            "Bo Park → Ann (thread)",
            "Bo Park → cy (mention)",
            "cy → Ann (mention)",
            "cy → Ann (thread)",
            "cy → Bo Park (mention)",
        ],
        "Bo's reply of 2024-03-02 reaches Ann's root of 2024-03-01; Ann's lunch reply \
         finds Bo's root in random, not Cy's message of the same ts in general; replies \
         to the tombstone go to Slackbot and are dropped, as is Ann's reply in her own thread"
    );
}

#[test]
fn the_report_counts_what_was_said() {
    let analysis = analyze(
        &[Input::new("export.zip", export_zip())],
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let c = &analysis.report.counts;
    assert_eq!(c.messages, 9, "14 minus 3 system messages and 2 by bots");
    assert_eq!(c.replies, 4);
    assert_eq!(c.mentions, 4);
    assert_eq!(c.reactions, 3);
    assert_eq!(c.bots_excluded, 3, "deploybot, the helper and Slackbot");
    assert_eq!(c.participants, 4, "Ann, Bo, Cy and Dee");
    assert_eq!(c.days, 2);
}

fn loose_inputs(prefix: &str) -> Vec<Input> {
    DAY_FILES
        .iter()
        .map(|&d| Input::new(format!("{prefix}{d}"), fixture(d)))
        .collect()
}

#[test]
fn a_folder_of_day_files_with_its_workspace_files_reads_like_the_zip() {
    let zip = load(&[Input::new("export.zip", export_zip())]);
    for companions_first in [true, false] {
        let mut inputs = loose_inputs("slack_export/");
        let companions = [
            Input::new("slack_export/channels.json", fixture("channels.json")),
            Input::new("slack_export/users.json", fixture("users.json")),
        ];
        if companions_first {
            inputs.splice(0..0, companions);
        } else {
            inputs.extend(companions);
        }
        for input in &inputs {
            assert_eq!(
                import::detect(input).ok(),
                Some(Format::Slack),
                "{}",
                input.name
            );
        }
        let d = load(&inputs);
        assert_eq!(d.messages.len(), zip.messages.len());
        assert_eq!(interactions(&d), interactions(&zip), "{companions_first}");
        assert_eq!(d.display(person_idx(&d, "U0DEE")), "Dee Roy");
        assert!(person(&d, "U0HELPER").is_bot);
        assert!(!person(&d, "U0BO").is_bot);
        assert!(
            person(&d, "U0IDLE").is_bot,
            "users.json read alone adds everyone"
        );
        if companions_first {
            let ids: Vec<&str> = d.spaces.iter().map(|s| s.id.as_str()).collect();
            assert_eq!(
                ids,
                vec!["C0GENERAL", "C0RANDOM"],
                "day files join the channels named in channels.json"
            );
        } else {
            let ids: Vec<&str> = d.spaces.iter().take(2).map(|s| s.id.as_str()).collect();
            assert_eq!(ids, vec!["general", "random"]);
        }
    }
}

fn person_idx(d: &Dataset, id: &str) -> u32 {
    d.people
        .iter()
        .position(|p| p.id == id)
        .map(|at| at as u32)
        .unwrap_or_else(|| panic!("{id} is not in the dataset"))
}

#[test]
fn day_files_without_a_folder_still_join_their_threads() {
    // A browser gives file names only.
    let inputs = [
        Input::new("2024-03-01.json", fixture(DAY_FILES[0])),
        Input::new("2024-03-02.json", fixture(DAY_FILES[1])),
    ];
    let d = load(&inputs);
    assert_eq!(d.spaces.len(), 1);
    let thread_replies = interactions(&d)
        .into_iter()
        .filter(|i| i.ends_with("(thread)"))
        .count();
    assert_eq!(thread_replies, 3, "Bo twice and Cy, into Ann's thread");
    assert_eq!(
        d.display(person_idx(&d, "U0DEE")),
        "U0DEE",
        "no profile and no users.json: the id"
    );
    assert!(
        person(&d, "U0HELPER").is_bot,
        "a bot_id without a user profile marks a bot"
    );
    assert!(person(&d, "USLACKBOT").is_bot);
}

#[test]
fn users_json_alone_adds_people_and_no_messages() {
    let mut d = Dataset::default();
    let read = slack::read("users.json", &fixture("users.json"), &mut d);
    assert!(read.is_ok(), "{read:?}");
    assert_eq!(d.people.len(), 7);
    assert!(d.messages.is_empty());
    assert_eq!(d.display(person_idx(&d, "U0BO")), "Bo Park");
    assert_eq!(d.display(person_idx(&d, "U0CY")), "cy");
    let bots: Vec<&str> = d
        .people
        .iter()
        .filter(|p| p.is_bot)
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(bots, vec!["U0HELPER", "U0IDLE", "USLACKBOT"]);
    let err = import::import(&[Input::new("users.json", fixture("users.json"))], None)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("holds no messages"), "{err}");
}

#[test]
fn direct_messages_are_named_after_their_members() {
    let dms = br#"[{"id": "D0ANNBO", "created": 1709251200, "members": ["U0ANN", "U0BO"]}]"#;
    let day =
        br#"[{"type": "message", "user": "U0BO", "text": "ping", "ts": "1709366400.000100"}]"#;
    let zip = zip_of(&[
        ("dms.json", dms.to_vec()),
        ("users.json", fixture("users.json")),
        ("D0ANNBO/2024-03-02.json", day.to_vec()),
    ]);
    let d = load(&[Input::new("dm.zip", zip)]);
    let spaces: Vec<(&str, &str)> = d
        .spaces
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    assert_eq!(spaces, vec![("D0ANNBO", "ann.l, Bo Park")]);
}

#[test]
fn a_day_file_is_known_by_its_name_when_its_first_message_is_long() {
    let long = format!(
        r#"[{{"user": "U0ANN", "text": "{}", "type": "message", "ts": "1709366400.000100"}}]"#,
        "a".repeat(20_000)
    );
    let input = Input::new("general/2024-03-02.json", long.clone().into_bytes());
    assert_eq!(import::detect(&input).ok(), Some(Format::Slack));
    assert!(!slack::detect("general/notes.json", long.as_bytes()));
    let d = load(&[input]);
    assert_eq!(d.messages.first().map(|m| m.text_len), Some(20_000));
}

#[test]
fn a_truncated_day_file_names_file_and_position() {
    let bytes = fixture(DAY_FILES[1]);
    let cut = bytes.get(..bytes.len() / 2).unwrap_or(&bytes).to_vec();
    let err = import::import(&[Input::new("general/2024-03-02.json", cut.clone())], None)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.starts_with("general/2024-03-02.json: line "), "{err}");
    assert!(err.contains("truncated"), "{err}");

    let zip = zip_of(&[
        ("users.json", fixture("users.json")),
        ("general/2024-03-02.json", cut),
    ]);
    let err = import::import(&[Input::new("export.zip", zip)], None)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("export.zip/general/2024-03-02.json: line "),
        "{err}"
    );
}

// ---- Real exports written by other people (not copied into this repository) ----

fn samples() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/samples/slack");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: {} is absent", dir.display());
        None
    }
}

fn sample(dir: &Path, name: &str) -> Input {
    let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    Input::new(name, bytes)
}

/// Every slackdump file is recognised and read; the workspace files add no messages.
#[test]
fn every_slackdump_sample_is_detected_and_read() {
    let Some(dir) = samples() else { return };
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

/// Counts of one analysis: (messages, participants, replies, mentions).
fn counts(inputs: &[Input]) -> (u64, u64, u64, u64) {
    let c = analyze(inputs, &Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .report
        .counts;
    (c.messages, c.participants, c.replies, c.mentions)
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
fn the_zulip_samples_are_slack_and_counted_by_hand() {
    let Some(dir) = samples() else { return };
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
    assert_eq!(counts(std::slice::from_ref(&thread)), (3, 2, 2, 0));
    assert_eq!(counts(std::slice::from_ref(&single)), (1, 2, 0, 1));

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
    let thread = Input::new(
        "slack_untyped_thread.json",
        top_fixture("slack_untyped_thread.json"),
    );
    let lone = Input::new(
        "slack_lone_message.json",
        top_fixture("slack_lone_message.json"),
    );
    for input in [&thread, &lone] {
        assert_eq!(
            import::detect(input).ok(),
            Some(Format::Slack),
            "{}",
            input.name
        );
    }
    assert_eq!(counts(std::slice::from_ref(&thread)), (4, 3, 2, 1));
    assert_eq!(counts(std::slice::from_ref(&lone)), (1, 3, 0, 2));
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
    let bytes = top_fixture("slack_lone_message_malformed.json");
    let input = Input::new("slack_lone_message_malformed.json", bytes);
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
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| !p.to_string_lossy().contains("slack_"))
        .collect();
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    for format in std::fs::read_dir(&shared).into_iter().flatten().flatten() {
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
fn slackdump_zip() {
    let Some(dir) = samples() else { return };
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
    let r = analyze(&[input], &Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .report;
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
fn slackdump_day_file_alone_and_with_the_workspace_files() {
    let Some(dir) = samples() else { return };
    let day = sample(&dir, "slackdump_B75B4C7_2025-01-11.json");
    let r = analyze(std::slice::from_ref(&day), &Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .report;
    assert_eq!(
        r.counts.messages, 9,
        "11 minus a channel_join and a tombstone"
    );
    assert_eq!(r.counts.replies, 2);
    let with = analyze(
        &[
            sample(&dir, "slackdump_export_channels.json"),
            sample(&dir, "slackdump_export_dms.json"),
            sample(&dir, "slackdump_export_mpims.json"),
            day,
        ],
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"))
    .report;
    assert_eq!(with.counts.messages, 9);
    assert_eq!(with.sources.files.len(), 4);
}
