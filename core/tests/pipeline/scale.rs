//! Scale check: the whole analysis of a 100 k-person, 1 M-reply conversation, and the
//! score's interval on it.
//! Not a timed assertion (speed targets live in `make bench`); run it by hand:
//!
//! ```sh
//! cargo test --release -p peerscope-core --test pipeline scale:: -- --ignored --nocapture
//! ```

use std::time::Instant;

use peerscope_core::model::options::Options;
use peerscope_core::model::{Dataset, Message, MessageKind, Person, Space};
use peerscope_core::report::analyze::{add_interval, analyze_dataset, report_dataset};

/// 100 k people; each message replies to a recent one, with a preference for a few
/// hubs (the host and regulars), as real servers do. Seeded, so every run is the same.
fn big(people: u32, messages: usize) -> Dataset {
    let mut d = Dataset::default();
    let space = d.intern_space(Space {
        id: "c".into(),
        name: "c".into(),
        parent: None,
        is_thread: false,
        infer_replies: false,
    });
    for p in 0..people {
        d.intern_person(Person::named(p.to_string(), &format!("p{p}")).with_display_name(""));
    }
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move |bound: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % bound
    };
    for i in 0..messages {
        let author = if next(10) == 0 {
            next(50) as u32
        } else {
            next(u64::from(people)) as u32
        };
        let parent = (i > 0).then(|| (i as u64 - 1 - next((i as u64).min(500))).to_string());
        d.push_message(Message {
            space,
            id: i.to_string().into(),
            author,
            time_ms: 1_700_000_000_000 + i as i64 * 2_000,
            time_estimated: false,
            kind: if parent.is_some() {
                MessageKind::Reply
            } else {
                MessageKind::Post
            },
            parent: parent.map(String::into_boxed_str),
            thread_root: None,
            addressee: None,
            mentions: Box::default(),
            reactions: Box::default(),
            text_len: 10,
            is_question: i % 9 == 0,
            time_outlier: false,
        });
    }
    d
}

/// Seconds this thread has spent on a CPU (Linux; `None` elsewhere): on a busy machine
/// the wall clock also counts other programs' turns, this does not.
fn cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

/// Wall and CPU seconds since `start`.
fn took(start: (Instant, Option<f64>)) -> String {
    let wall = start.0.elapsed().as_secs_f64();
    match (start.1, cpu_seconds()) {
        (Some(a), Some(b)) => format!("{wall:.2} s ({:.2} s CPU)", b - a),
        _ => format!("{wall:.2} s"),
    }
}

#[test]
#[ignore = "a measurement, run by hand with --release"]
fn hundred_thousand_people_one_million_replies() {
    let start = Instant::now();
    let data = big(100_000, 1_000_000);
    println!(
        "built the dataset in {:.2} s",
        start.elapsed().as_secs_f64()
    );
    let start = (Instant::now(), cpu_seconds());
    let r = report_dataset(&data, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "analysed {} messages, {} participants, {} replies in {}: {} ({:.1})",
        r.counts.messages,
        r.counts.participants,
        r.counts.replies,
        took(start),
        r.verdict.label.as_str(),
        r.verdict.score.unwrap_or(0.0)
    );
    assert!(r.counts.participants > 99_000);
    let start = (Instant::now(), cpu_seconds());
    let mut with = r.clone();
    add_interval(&data, &Options::default(), &mut with).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "the score's interval: {} ({} replicates, {:?})",
        took(start),
        with.verdict.replicates,
        with.verdict.interval
    );
    let start = (Instant::now(), cpu_seconds());
    let analysis = analyze_dataset(&data, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "the same with the network laid out for drawing: {} ({} nodes, {} ties)",
        took(start),
        analysis.network.nodes.len(),
        analysis.network.edges.len()
    );
}
