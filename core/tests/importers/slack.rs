//! Slack export importer, reading the workspace: the zip, and loose day files with or
//! without `users.json` and `channels.json`. The real exports and the one-file shapes are
//! in [`samples`].
//!
//! `tests/fixtures/slack_export/` is a small hand-written workspace; the zip is built from
//! it in memory ([`crate::support::slack::export_zip`]). Its two channels hold (numbers
//! are the messages, in `ts` order):
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

mod samples;

use crate::support::slack::{
    export_zip, interactions, load, loose_inputs, message, person, person_idx, workspace_file,
    zip_of, DAY_FILES,
};
use peerscope_core::import::{self, slack, Format};
use peerscope_core::model::{Dataset, MessageKind};
use peerscope_core::{import::Input, model::options::Options, report::analyze};

#[test]
fn the_zip_is_detected_by_its_entries() {
    let zip = export_zip();
    let input = Input::new("Acme Slack export Mar 1 2024 - Mar 2 2024.zip", zip.clone());
    assert_eq!(import::detect(&input).ok(), Some(Format::Slack));
    assert!(
        slack::detect("export.bin", &zip),
        "the name does not matter"
    );
    let day_only = zip_of(&[("general/2024-03-01.json", workspace_file(DAY_FILES[0]))]);
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

#[test]
fn a_folder_of_day_files_with_its_workspace_files_reads_like_the_zip() {
    let zip = load(&[Input::new("export.zip", export_zip())]);
    for companions_first in [true, false] {
        let mut inputs = loose_inputs("slack_export/");
        let companions = [
            Input::new(
                "slack_export/channels.json",
                workspace_file("channels.json"),
            ),
            Input::new("slack_export/users.json", workspace_file("users.json")),
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

#[test]
fn day_files_without_a_folder_still_join_their_threads() {
    // A browser gives file names only.
    let inputs = [
        Input::new("2024-03-01.json", workspace_file(DAY_FILES[0])),
        Input::new("2024-03-02.json", workspace_file(DAY_FILES[1])),
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
    let read = slack::read("users.json", &workspace_file("users.json"), &mut d);
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
    let err = import::import(
        &[Input::new("users.json", workspace_file("users.json"))],
        None,
    )
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
        ("users.json", workspace_file("users.json")),
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
    let bytes = workspace_file(DAY_FILES[1]);
    let cut = bytes.get(..bytes.len() / 2).unwrap_or(&bytes).to_vec();
    let err = import::import(&[Input::new("general/2024-03-02.json", cut.clone())], None)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.starts_with("general/2024-03-02.json: line "), "{err}");
    assert!(err.contains("truncated"), "{err}");

    let zip = zip_of(&[
        ("users.json", workspace_file("users.json")),
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
