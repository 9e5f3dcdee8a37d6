//! The score's interval and confidence (docs/METRICS.md §10) on generated groups spread
//! over weeks: clear shapes keep their label and are confident, a longer export narrows
//! the interval, the interval holds the point score, the same export gives the same
//! interval, and too few conversations make the verdict undetermined.

use crate::groups::{clique, export};
use peerscope_core::import::{self, Input};
use peerscope_core::model::options::{HostChoice, Options};
use peerscope_core::model::random::SplitMix;
use peerscope_core::model::schema::{Confidence, Estimate, Label, Report, Unit};
use peerscope_core::report::analyze::{add_interval, report_dataset, report_with_interval};

/// A DiscordChatExporter file over `days` UTC days: each day every person posts once,
/// then `replies(day)` gives that day's `(from, to)` pairs, each a reply by `from` to
/// `to`'s post of the day, a minute apart.
fn over_days(people: usize, days: usize, replies: impl Fn(usize) -> Vec<(usize, usize)>) -> Input {
    let stamp = |day: usize, minute: usize| {
        format!(
            "2024-{:02}-{:02}T{:02}:{:02}:00+00:00",
            1 + day / 28,
            1 + day % 28,
            minute / 60 % 24,
            minute % 60
        )
    };
    let author = |p: usize| format!(r#"{{"id":"u{p}","name":"person{p}"}}"#);
    let mut messages = Vec::new();
    for day in 0..days {
        for p in 0..people {
            messages.push(format!(
                r#"{{"id":"{day}-{p}","timestamp":"{}","content":"hello","author":{}}}"#,
                stamp(day, p),
                author(p)
            ));
        }
        for (i, (from, to)) in replies(day).into_iter().enumerate() {
            messages.push(format!(
                r#"{{"id":"{day}-r{i}","timestamp":"{}","content":"re","author":{},"reference":{{"messageId":"{day}-{to}"}}}}"#,
                stamp(day, people + i),
                author(from)
            ));
        }
    }
    let text = format!(
        r#"{{"guild":{{"id":"g"}},"channel":{{"id":"c","name":"gen"}},"messages":[{}]}}"#,
        messages.join(",")
    );
    Input::new("over-days.json", text.into_bytes())
}

fn options(host: Option<usize>) -> Options {
    Options {
        hosts: match host {
            Some(h) => HostChoice::Named(vec![format!("u{h}")]),
            None => HostChoice::None,
        },
        ..Options::default()
    }
}

fn with_interval(input: Input, host: Option<usize>) -> Report {
    let data = import::import(&[input], None).unwrap();
    report_with_interval(&data, &options(host)).unwrap()
}

/// Each day a random mix: members answer the host's post or each other's, the host
/// answers some of them (seeded per day, so a longer export repeats the same days).
fn mixed(day: usize) -> Vec<(usize, usize)> {
    let mut rng = SplitMix(day as u64 * 7919 + 1);
    let peer_share = rng.unit();
    (0..20)
        .map(|_| {
            let from = 1 + rng.below(11) as usize;
            if rng.unit() < peer_share {
                let to = 1 + (from + rng.below(10) as usize) % 11;
                (from, to)
            } else if rng.unit() < 0.5 {
                (from, 0)
            } else {
                (0, from)
            }
        })
        .collect()
}

fn width(r: &Report) -> f64 {
    let [low, high] = r.verdict.interval.unwrap();
    high - low
}

/// The interval holds the point score and the fields agree with each other.
fn consistent(name: &str, r: &Report) {
    let v = &r.verdict;
    let (score, [low, high]) = (v.score.unwrap(), v.interval.unwrap());
    assert!(
        low <= score && score <= high,
        "{name}: {low} ≤ {score} ≤ {high}"
    );
    assert!((0.0..=100.0).contains(&low) && high <= 100.0, "{name}");
    assert!(v.replicates >= 50, "{name}");
    assert!(v.bands.contains(&v.label), "{name}: {:?}", v.bands);
    assert_eq!(v.confidence == Confidence::Confident, v.bands == [v.label]);
}

#[test]
fn clear_shapes_over_weeks_keep_their_label_and_are_confident() {
    let broadcast = over_days(40, 20, |_| (1..40).map(|p| (p, 0)).collect());
    let support = over_days(40, 20, |_| (1..40).map(|p| (0, p)).collect());
    let mesh = over_days(12, 20, |_| clique(0..12));
    let cases = [
        ("broadcast", broadcast, Label::Audience),
        ("support", support, Label::Audience),
        ("mesh", mesh, Label::Community),
    ];
    for (name, input, label) in cases {
        let r = with_interval(input, Some(0));
        assert_eq!(r.verdict.label, label, "{name}");
        assert_eq!(r.verdict.confidence, Confidence::Confident, "{name}");
        assert_eq!(r.verdict.unit, Some(Unit::Day), "{name}");
        assert_eq!(r.verdict.estimate, Some(Estimate::Full), "{name}");
        assert_eq!(r.verdict.replicates, 200, "{name}");
        assert_eq!(r.verdict.bands, [label], "{name}");
        consistent(name, &r);
    }
}

#[test]
fn a_longer_export_narrows_the_interval() {
    let short = with_interval(over_days(12, 30, mixed), Some(0));
    let long = with_interval(over_days(12, 60, mixed), Some(0));
    consistent("short", &short);
    consistent("long", &long);
    assert!(width(&short) > 1.0, "the mix varies from day to day");
    assert!(
        width(&long) < width(&short),
        "60 days {:?} against 30 days {:?}",
        long.verdict.interval,
        short.verdict.interval
    );
}

#[test]
fn the_interval_holds_the_point_score_on_every_shape() {
    let days: [(&str, Input); 3] = [
        ("mixed 14 days", over_days(12, 14, mixed)),
        ("mixed 45 days", over_days(12, 45, mixed)),
        ("one busy day", export(30, &clique(0..30))),
    ];
    for (name, input) in days {
        let r = with_interval(input, None);
        consistent(name, &r);
    }
    let one_day = with_interval(export(30, &clique(0..30)), None);
    assert_eq!(one_day.verdict.unit, Some(Unit::Conversation));
}

#[test]
fn the_same_export_gives_the_same_interval_and_the_verdict_comes_first() {
    let data = import::import(&[over_days(12, 30, mixed)], None).unwrap();
    let once = report_with_interval(&data, &options(Some(0))).unwrap();
    let twice = report_with_interval(&data, &options(Some(0))).unwrap();
    assert_eq!(once.verdict.interval, twice.verdict.interval);
    assert!(once.verdict.interval.is_some());
    // The verdict alone has no interval; adding it later gives the same one.
    let mut first = report_dataset(&data, &options(Some(0))).unwrap();
    assert_eq!(first.verdict.interval, None);
    assert_eq!(first.verdict.confidence, Confidence::Tentative);
    add_interval(&data, &options(Some(0)), &mut first).unwrap();
    assert_eq!(
        serde_json::to_value(&first.verdict).unwrap(),
        serde_json::to_value(&once.verdict).unwrap()
    );
}

#[test]
fn fewer_than_ten_conversations_are_undetermined() {
    // Plenty of conversation (56 replies among 8 people), but all of it in 8 threads.
    let r = with_interval(export(8, &clique(0..8)), None);
    assert_eq!(r.verdict.label, Label::Undetermined);
    assert_eq!(r.verdict.confidence, Confidence::Undetermined);
    assert_eq!(r.verdict.interval, None);
    assert!(
        r.verdict
            .reason
            .as_deref()
            .is_some_and(|w| w.contains("8 separate conversations")),
        "{:?}",
        r.verdict.reason
    );
    // Ten of them are enough.
    let ten = with_interval(export(10, &clique(0..10)), None);
    assert_ne!(ten.verdict.label, Label::Undetermined);
    assert_eq!(ten.verdict.unit, Some(Unit::Conversation));
    consistent("ten", &ten);
}
