//! Size: 50 MB on one line, ten thousand and a million participants.

use std::io::Write as _;
use std::time::Instant;

use peerscope_core::import::Format;
use peerscope_core::{import::Input, model::options::Options};

use super::harness::{analyze_case, cli, read, refused};

#[test]
fn fifty_megabytes_on_one_line() {
    let line = vec![b'a'; 50 * 1024 * 1024];
    let start = Instant::now();
    refused(
        "50 MB of a",
        "aaaa.txt",
        line.clone(),
        None,
        "not an export peerscope reads",
    );
    for format in [Format::Discord, Format::WhatsApp, Format::Csv] {
        refused(
            &format!("50 MB of a as {}", format.as_str()),
            "aaaa.txt",
            line.clone(),
            Some(format),
            "aaaa.txt: line 1",
        );
    }
    println!(
        "50 MB line, four runs: {:.2} s",
        start.elapsed().as_secs_f64()
    );
}

/// A CSV of `n` people with one message each: person 0 posts, person `i` answers
/// person `(i - 1) / 2`, so the replies form a binary tree.
fn million_rows(n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n * 48);
    out.extend_from_slice(b"id,author,time,reply_to\n");
    for i in 0..n {
        let minute = i / 60 % 60;
        let hour = i / 3600 % 24;
        let day = 1 + i / 86_400 % 28;
        let _ = write!(
            out,
            "{i},p{i},2024-02-{day:02}T{hour:02}:{minute:02}:{:02}Z,",
            i % 60
        );
        if i > 0 {
            let _ = write!(out, "{}", (i - 1) / 2);
        }
        out.push(b'\n');
    }
    out
}

#[test]
fn ten_thousand_participants() {
    let (analysis, _) = read(
        "10 000 participants",
        "people.csv",
        million_rows(10_000),
        &Options::default(),
        &[],
    );
    let counts = &analysis.report.counts;
    assert_eq!(
        (counts.messages, counts.participants, counts.replies),
        (10_000, 10_000, 9_999)
    );
}

#[test]
#[ignore = "slow in debug; run with --release"]
fn a_million_participants_with_one_message_each() {
    const N: usize = 1_000_000;
    let bytes = million_rows(N);
    let start = Instant::now();
    let analysis = analyze_case(
        "a million participants",
        &[Input::new("million.csv", bytes.clone())],
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("a million participants: {e}"));
    println!(
        "analyze, a million participants: {:.2} s",
        start.elapsed().as_secs_f64()
    );
    let counts = &analysis.report.counts;
    assert_eq!(
        (counts.messages, counts.participants, counts.replies),
        (N as u64, N as u64, N as u64 - 1)
    );
    let start = Instant::now();
    let out = cli("a million participants", "million.csv", &bytes, &[]);
    println!(
        "CLI, a million participants: {:.2} s",
        start.elapsed().as_secs_f64()
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
