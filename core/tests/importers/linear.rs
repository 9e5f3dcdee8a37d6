//! Linear time on hostile shapes (issue 21): each input is generated at two sizes, the
//! second twice the first, and the work the core counts (`model::work`: look-ups,
//! comparisons, messages walked) may grow at most 2.5 times. Never a timing.

use peerscope_core::import::{self, Input};
use peerscope_core::model::options::Options;
use peerscope_core::model::work;
use peerscope_core::report::analyze;

use crate::support::slack::zip_of;

/// The largest growth of work allowed when the input doubles.
const MAX_GROWTH: f64 = 2.5;

/// The work of reading (and, with `whole`, analysing) `make(n)` and `make(2n)`; fails
/// when the second is more than [`MAX_GROWTH`] times the first.
fn assert_linear(what: &str, n: usize, whole: bool, make: impl Fn(usize) -> (String, Vec<u8>)) {
    let steps = |n: usize| {
        let (name, bytes) = make(n);
        work::reset();
        if whole {
            let input = Input::new(&name, bytes);
            analyze(&[input], &Options::default()).unwrap_or_else(|e| panic!("{what} at {n}: {e}"));
        } else {
            import::import(&[Input::new(&name, bytes)], None)
                .unwrap_or_else(|e| panic!("{what} at {n}: {e}"));
        }
        work::steps()
    };
    let (small, large) = (steps(n), steps(2 * n));
    assert!(small > 0, "{what}: no work counted at {n}");
    let growth = large as f64 / small as f64;
    assert!(
        growth <= MAX_GROWTH,
        "{what}: work grew {growth:.2}× ({small} → {large}) when the input doubled"
    );
}

/// A WhatsApp line `minute` minutes into 1 Jan 2024.
fn whatsapp_line(minute: usize, sender: &str, text: &str) -> String {
    let (hour, minute) = (minute / 60 % 24, minute % 60);
    format!("1/1/24, {hour:02}:{minute:02} - {sender}: {text}\n")
}

#[test]
fn whatsapp_mentions_grow_linearly_with_senders_and_signs() {
    // One message naming every sender: n senders and n @ signs.
    assert_linear("one message of @", 400, false, |n| {
        let mut text: String = (0..n)
            .map(|i| whatsapp_line(i % 1000, &format!("Person {i}"), "hi"))
            .collect();
        let all: Vec<String> = (0..n).map(|i| format!("@Person {i}")).collect();
        text.push_str(&whatsapp_line(1000, "Person 0", &all.join(" ")));
        ("chat.txt".into(), text.into_bytes())
    });
}

#[test]
fn whatsapp_distinct_senders_grow_linearly() {
    assert_linear("distinct senders", 2_000, false, |n| {
        let text: String = (0..n)
            .map(|i| whatsapp_line(i / 10, &format!("Sender {i}"), &format!("hi @Sender {i}")))
            .collect();
        ("chat.txt".into(), text.into_bytes())
    });
}

#[test]
fn csv_channels_grow_linearly() {
    assert_linear("CSV channels", 2_000, true, |n| {
        let mut text = String::from("id,author,time,channel,text\n");
        for i in 0..n {
            text.push_str(&format!(
                "m{i},u{},{},chan{i},hi\n",
                i % 50,
                1_700_000_000 + i
            ));
        }
        ("channels.csv".into(), text.into_bytes())
    });
}

/// A Slack day file of one message by `user` at second `at`.
fn slack_day(at: usize, user: &str) -> Vec<u8> {
    format!(
        r#"[{{"type":"message","user":"{user}","text":"hi","ts":"{}.000100"}}]"#,
        1_700_000_000 + at
    )
    .into_bytes()
}

#[test]
fn slack_channel_folders_grow_linearly() {
    // Through the whole analysis, so per-channel scoring is counted too; a tenth of the
    // channels are busy enough to be scored.
    assert_linear("channel folders", 1_000, true, |n| {
        let names: Vec<String> = (0..n)
            .map(|i| format!("channel-{i}/2024-01-{:02}.json", 1 + i % 28))
            .collect();
        let mut entries: Vec<(&str, Vec<u8>)> = Vec::new();
        for (i, name) in names.iter().enumerate() {
            entries.push((name, slack_day(i, if i % 2 == 0 { "U1" } else { "U2" })));
        }
        ("export.zip".into(), zip_of(&entries))
    });
}

#[test]
fn slack_direct_message_members_grow_linearly() {
    assert_linear("DM members", 20_000, false, |n| {
        let members: Vec<String> = (0..n).map(|i| format!("\"U{i:07}\"")).collect();
        let dms = format!(r#"[{{"id":"D0000001","members":[{}]}}]"#, members.join(","));
        let reactors = format!(
            r#"[{{"type":"message","user":"U1","text":"vote","ts":"1.000100","reactions":[{{"name":"+1","count":1,"users":[{}]}}]}}]"#,
            members.join(",")
        );
        let entries = [
            ("users.json", b"[]".to_vec()),
            ("dms.json", dms.into_bytes()),
            ("D0000001/2024-01-01.json", reactors.into_bytes()),
        ];
        ("export.zip".into(), zip_of(&entries))
    });
}
