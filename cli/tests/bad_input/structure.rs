//! JSON that is broken or of another shape: cut off mid-string, valid but not an export,
//! and nested 100 000 deep, at the top, in fields the importers skip and in values they
//! parse.

use std::fmt::Write as _;

use peerscope_core::import::Format;
use peerscope_core::{import::Input, model::options::Options};

use super::generate::{lobby, replace_first};
use super::harness::{analyze_case, read, refused};

#[test]
fn truncated_json_in_mid_string() {
    let whole = lobby();
    let at = whole
        .windows(b"CONTENT".len())
        .rposition(|w| w == b"CONTENT")
        .unwrap_or(0);
    let cut = whole.get(..at + 3).unwrap_or_default().to_vec();
    let message = refused(
        "truncated in mid-string",
        "cut.json",
        cut,
        None,
        "truncated",
    );
    assert!(message.starts_with("cut.json: line "), "{message}");
}

#[test]
fn valid_json_of_another_shape() {
    for (i, text) in ["{\"a\":1}", "[1,2,3]", "\"text\"", "null", "{}", "[]", "42"]
        .into_iter()
        .enumerate()
    {
        refused(
            &format!("other shape {text}"),
            &format!("shape{i}.json"),
            text.as_bytes().to_vec(),
            None,
            "not an export peerscope reads",
        );
    }
    // A Slack day file is known by its name; its content must still be messages.
    refused(
        "numbers in a Slack day file",
        "2024-01-01.json",
        b"[1,2,3]".to_vec(),
        None,
        "2024-01-01.json: line 1",
    );
    // Forced formats: the shape is refused with a position.
    for format in Format::ALL {
        refused(
            &format!("{{\"a\":1}} as {}", format.as_str()),
            "a.json",
            b"{\"a\":1}".to_vec(),
            Some(format),
            "a.json: ",
        );
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    const DEPTH: usize = 100_000;
    let mut deep = "[".repeat(DEPTH);
    deep.push_str(&"]".repeat(DEPTH));
    refused(
        "100 000 brackets",
        "deep.json",
        deep.clone().into_bytes(),
        None,
        "not an export peerscope reads",
    );
    for format in Format::ALL {
        refused(
            &format!("100 000 brackets as {}", format.as_str()),
            "deep.json",
            deep.clone().into_bytes(),
            Some(format),
            "deep.json: line 1",
        );
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    std::fs::read(path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `[[[…]]]`, `depth` deep.
fn brackets(depth: usize) -> String {
    "[".repeat(depth) + &"]".repeat(depth)
}

/// Past detection, in fields the importers skip: serde_json skips a value without
/// recursing, so a well-formed export with deep junk in it is read.
#[test]
fn deep_nesting_in_skipped_fields_is_read() {
    let junk = format!("\"junk\": {},", brackets(100_000));
    // Last in the top object (detection reads the head), and before a key of the first
    // message, post or comment.
    let with_junk = |bytes: &[u8], key: &str| {
        let end = bytes.iter().rposition(|&b| b == b'}').unwrap_or(0);
        let (body, close) = bytes.split_at(end);
        let top = [
            body,
            format!(",{junk}").trim_end_matches(',').as_bytes(),
            close,
        ]
        .concat();
        let key = format!("\"{key}\"");
        replace_first(&top, key.as_bytes(), format!("{junk}{key}").as_bytes())
    };
    let cases = [
        ("Discord", "deep.json", lobby(), "author"),
        (
            "Messenger",
            "message_1.json",
            fixture("messenger_good_message_1.json"),
            "sender_name",
        ),
        (
            "Discourse",
            "topic.json",
            fixture("discourse_good.json"),
            "cooked",
        ),
        (
            "YouTube",
            "comments.json",
            fixture("youtube_api_threads.json"),
            "textDisplay",
        ),
        (
            "Telegram",
            "result.json",
            fixture("telegram_good.json"),
            "date_unixtime",
        ),
        (
            "GitHub",
            "issues.json",
            fixture("github_issues.json"),
            "body",
        ),
    ];
    for (format, file, bytes, key) in cases {
        let case = format!("deep junk in {format}");
        let plain = analyze_case(
            &case,
            &[Input::new(file, bytes.clone())],
            &Options::default(),
        )
        .map(|a| a.report.counts.messages);
        let (analysis, _) = read(
            &case,
            file,
            with_junk(&bytes, key),
            &Options::default(),
            &[],
        );
        assert_eq!(Ok(analysis.report.counts.messages), plain, "{case}");
    }
}

/// Past detection, in values the importers parse into a tree or try several shapes of
/// (Slack's `blocks`, Telegram's `text`): serde_json's limit of 128 levels turns them into
/// an error, not a stack overflow. Reddit's `replies` nest once per reply of a chain, so a
/// deep chain is read flattened instead, whatever its depth.
#[test]
fn deep_nesting_in_parsed_values_is_an_error() {
    let deep = brackets(100_000);
    let slack = format!(
        r#"[{{"type":"message","ts":"1704103200.000100","user":"U1","text":"hi","blocks":{deep}}}]"#
    );
    let telegram = format!(
        r#"{{"name":"G","type":"private_group","id":1,"messages":[{{"id":1,"type":"message",
        "date":"2024-01-01T10:00:00","date_unixtime":"1704103200","from":"A","from_id":"user1","text":{deep}}}]}}"#
    );
    let mut reddit = String::from(
        r#"[{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"id":"p","name":"t3_p","author":"op","title":"t","created_utc":1714550400.0}}]}},{"kind":"Listing","data":{"children":["#,
    );
    const LEVELS: usize = 100_000;
    for k in 0..LEVELS {
        let _ = write!(
            reddit,
            r#"{{"kind":"t1","data":{{"id":"c{k}","name":"t1_c{k}","author":"a{}","link_id":"t3_p","created_utc":1714551000.0,"body":"x","replies":{{"kind":"Listing","data":{{"children":["#,
            k % 2
        );
    }
    reddit.push_str(&"]}}}}".repeat(LEVELS));
    reddit.push_str("]}}]");
    let (analysis, _) = read(
        "a Reddit chain 100 000 deep",
        "thread.json",
        reddit.into_bytes(),
        &Options::default(),
        &[],
    );
    assert_eq!(analysis.report.counts.messages, 100_001);
    for (format, file, text) in [
        ("Slack", "2024-01-01.json", slack),
        ("Telegram", "result.json", telegram),
    ] {
        refused(
            &format!("deep nesting in {format}"),
            file,
            text.into_bytes(),
            None,
            "nested too deeply",
        );
    }
}
