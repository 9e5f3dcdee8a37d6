//! Ids, replies and times that make no sense: duplicate ids, reply cycles, self-replies,
//! and times at and beyond the edges of the calendar.

use std::time::Instant;

use peerscope_core::{model::options::HostChoice, model::options::Options};

use super::generate::discord;
use super::harness::read;

#[test]
fn duplicate_message_ids_merge() {
    let text = discord(&[
        ("1", "Ann", "2024-01-01T10:00:00+00:00", None),
        ("2", "Bo", "2024-01-01T10:01:00+00:00", Some("1")),
        ("2", "Bo", "2024-01-01T10:01:00+00:00", Some("1")),
        ("1", "Cy", "2024-01-01T10:02:00+00:00", None),
    ]);
    let (analysis, _) = read(
        "duplicate ids",
        "dupes.json",
        text,
        &Options::default(),
        &[],
    );
    let counts = &analysis.report.counts;
    assert_eq!((counts.messages, counts.replies), (2, 1), "{counts:?}");
}

#[test]
fn reply_cycles_and_self_replies_end() {
    let text = discord(&[
        ("1", "Ann", "2024-01-01T10:00:00+00:00", Some("2")),
        ("2", "Bo", "2024-01-01T10:01:00+00:00", Some("1")),
        ("3", "Cy", "2024-01-01T10:02:00+00:00", Some("3")),
        ("4", "Di", "2024-01-01T10:03:00+00:00", Some("5")),
        ("5", "Ed", "2024-01-01T10:04:00+00:00", Some("6")),
        ("6", "Fa", "2024-01-01T10:05:00+00:00", Some("4")),
        ("7", "Ann", "2024-01-01T10:06:00+00:00", Some("7")),
    ]);
    let (analysis, _) = read(
        "reply cycles",
        "cycles.json",
        text,
        &Options::default(),
        &[],
    );
    let counts = &analysis.report.counts;
    // Ann ↔ Bo and the three-cycle Di → Ed → Fa → Di; the self-replies are no replies,
    // but Cy, who only answered themself, still took part.
    assert_eq!((counts.messages, counts.replies), (7, 5), "{counts:?}");
    assert_eq!(counts.participants, 6, "{counts:?}");
}

#[test]
fn timestamps_at_the_edges() {
    let text = discord(&[
        ("1", "Ann", "1970-01-01T00:00:00+00:00", None),
        ("2", "Bo", "2024-01-01T10:01:00", Some("1")),
        ("3", "Cy", "9999-12-31T23:59:59.9999999+00:00", Some("2")),
    ]);
    let start = Instant::now();
    let (analysis, report) = read(
        "1970, 9999, no zone",
        "times.json",
        text,
        &Options::default(),
        &[],
    );
    let counts = &analysis.report.counts;
    assert_eq!((counts.messages, counts.replies), (3, 2), "{counts:?}");
    // 1970 and 9999 are implausible (docs/METRICS.md §1): counted, but on no day.
    assert_eq!(counts.days, 1, "only 2024-01-01 is a plausible day");
    let warnings = report["sources"]["warnings"].to_string();
    assert!(warnings.contains("no time zone"), "{warnings}");
    assert!(
        warnings.contains("2 messages are dated before 1990 or after 2100"),
        "{warnings}"
    );
    let points = analysis.report.timeline.points.len();
    assert_eq!(points, 1, "only the week of the plausible message");
    println!("1970 to 9999: {:.2} s", start.elapsed().as_secs_f64());
}

/// Times no calendar holds (Messenger's `timestamp_ms` is any integer, Telegram's
/// `date_unixtime` any number of seconds) must not overflow or spin the timeline.
#[test]
fn timestamps_beyond_any_calendar() {
    let messenger = format!(
        r#"{{"participants":[{{"name":"A"}},{{"name":"B"}}],"messages":[
          {{"sender_name":"A","timestamp_ms":{},"content":"first?"}},
          {{"sender_name":"A","timestamp_ms":{},"content":"last"}},
          {{"sender_name":"B","timestamp_ms":0,"content":"middle"}}
        ],"title":"Edges","thread_path":"inbox/edges_1"}}"#,
        i64::MIN,
        i64::MAX
    );
    let start = Instant::now();
    let (analysis, _) = read(
        "Messenger at i64::MIN and i64::MAX",
        "message_1.json",
        messenger.into_bytes(),
        &Options::default(),
        &[],
    );
    assert_eq!(analysis.report.counts.messages, 3);
    assert_eq!(
        analysis.report.counts.days, 0,
        "no time is plausible: no day"
    );
    let telegram = r#"{"name":"Far","type":"private_group","id":1,"messages":[
        {"id":1,"type":"message","date":"2024-01-01T10:00:00","date_unixtime":"9223372036854775","from":"A","from_id":"user1","text":"far future?"},
        {"id":2,"type":"message","date":"2024-01-01T10:00:00","date_unixtime":"-9223372036854775","from":"B","from_id":"user2","text":"far past","reply_to_message_id":1}
    ]}"#;
    let (analysis, _) = read(
        "Telegram at the ends of i64 seconds",
        "result.json",
        telegram.as_bytes().to_vec(),
        // No host, so the question is a member's and its answer time is measured.
        &Options {
            hosts: HostChoice::None,
            ..Options::default()
        },
        &["--host", "none"],
    );
    assert_eq!(analysis.report.counts.messages, 2);
    assert_eq!(analysis.report.counts.replies, 1);
    assert!(analysis.report.timeline.points.len() <= 1_000);
    println!(
        "beyond any calendar: {:.2} s",
        start.elapsed().as_secs_f64()
    );
}
