//! How sure the answer is (docs/METRICS.md §10) on generated groups and the fixtures: tiny
//! groups are undetermined, the shapes keep their labels, the label always matches the
//! score as shown, and a thin measure is never quoted.

use std::path::PathBuf;

use crate::groups::{clique, report};
use peerscope_core::advice::verdict::{self, SCORE_MEASURES};
use peerscope_core::import::Input;
use peerscope_core::model::options::{HostChoice, Options};
use peerscope_core::model::random::SplitMix;
use peerscope_core::model::schema::{Confidence, Label, Report};
use peerscope_core::report::analyze;

/// Everything §10 holds of any report, whatever its size.
fn holds(name: &str, r: &Report) {
    let v = &r.verdict;
    // The label is the one the shown (rounded) score gives; no score only when undetermined.
    match v.score {
        Some(score) => {
            let want = verdict::label(Some(score.round()), r.funnel.core, r.counts.members);
            assert_eq!(v.label, want, "{name}: score {score}");
            assert_eq!(
                v.label,
                verdict::label(Some(score), r.funnel.core, r.counts.members)
            );
            assert_eq!(v.confidence, Confidence::Tentative, "{name}");
            assert_eq!(v.reason, None, "{name}");
        }
        None => {
            assert_eq!(v.label, Label::Undetermined, "{name}");
            assert_eq!(v.confidence, Confidence::Undetermined, "{name}");
            assert!(
                v.reason
                    .as_deref()
                    .is_some_and(|r| r.starts_with("Too little")),
                "{name}"
            );
            let steps: Vec<&str> = r.checklist.iter().map(|s| s.id.as_str()).collect();
            assert_eq!(steps, ["export-longer", "add-channels"], "{name}");
        }
    }
    assert_eq!(
        (v.interval, v.replicates, v.bands.len()),
        (None, 0, 0),
        "{name}"
    );
    // Only measures that count speak: no thin or null one in the evidence…
    let metrics = serde_json::to_value(&r.metrics).unwrap();
    for e in &v.evidence {
        assert!(
            SCORE_MEASURES.contains(&e.metric.as_str()),
            "{name}: {}",
            e.metric
        );
        let m = &metrics[&e.metric];
        assert!(
            m["value"].is_number() && m["thin"] != true,
            "{name}: {} {m}",
            e.metric
        );
    }
    // …and no sentence quotes a thin measure's "num of den" or shows a placeholder.
    let said: Vec<&str> = std::iter::once(v.headline.as_str())
        .chain(v.evidence.iter().map(|e| e.sentence.as_str()))
        .chain(r.checklist.iter().map(|s| s.why.as_str()))
        .collect();
    let counted_pairs: Vec<String> = metrics
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(_, m)| m["thin"] != true && m["num"].is_number())
        .map(|(_, m)| format!("{} of {}", m["num"], m["den"]))
        .collect();
    for (key, m) in metrics.as_object().into_iter().flatten() {
        if m["thin"] != true {
            continue;
        }
        assert!(
            m["value"].is_number() && m["reason"].is_string(),
            "{name}: {key}"
        );
        let pair = format!("{} of {}", m["num"], m["den"]);
        if counted_pairs.contains(&pair) {
            continue; // the same numbers belong to a measure that counts
        }
        for line in &said {
            assert!(
                !line.contains(&pair),
                "{name}: thin {key} quoted in {line:?}"
            );
        }
    }
    for line in &said {
        assert!(
            !line.contains('?') && !line.contains("NaN"),
            "{name}: {line:?}"
        );
    }
    if r.metrics.in_centralization.thin || r.metrics.out_centralization.thin {
        assert_eq!(r.structure.kind, None, "{name}: {}", r.structure.why);
    }
    for space in &r.spaces {
        assert_eq!(
            space.score.is_none(),
            space.label == Label::Undetermined,
            "{name}"
        );
    }
}

#[test]
fn tiny_groups_are_undetermined() {
    // The brand-cluster generator of `shapes.rs`: 40 people, 4 replies.
    let brand = report(40, &[(1, 2), (3, 4), (5, 6), (7, 8)], None);
    holds("brand clusters", &brand);
    assert_eq!(brand.verdict.label, Label::Undetermined);
    assert_eq!(
        brand.verdict.reason.as_deref(),
        Some("Too little conversation to judge yet: 4 replies and mentions among 40 people; a verdict needs at least 30 among 5 or more people.")
    );
    assert_eq!(brand.structure.kind.as_deref(), Some("brand_clusters"));
    // Four friends answering each other a lot: plenty of replies, too few people.
    let mut four = clique(0..4);
    four.extend(clique(0..4));
    four.extend(clique(0..4));
    let four = report(4, &four, Some(0));
    holds("four friends", &four);
    assert_eq!(four.verdict.label, Label::Undetermined);
    assert!(four.metrics.centralization.thin);
    assert_eq!(
        four.structure.kind, None,
        "thin centralizations: no network type"
    );
    let lobby = analyze(&[fixture("discord_lobby.json")], &Options::default()).unwrap();
    holds("discord_lobby.json", &lobby.report);
    assert_eq!(lobby.report.verdict.label, Label::Undetermined);
}

#[test]
fn the_shapes_keep_their_labels() {
    let broadcast: Vec<(usize, usize)> = (1..40).map(|p| (p, 0)).collect();
    let support: Vec<(usize, usize)> = (1..40).map(|p| (0, p)).collect();
    let mut with_core: Vec<(usize, usize)> = (1..61).map(|p| (p, 0)).collect();
    with_core.extend(clique(1..7));
    for (name, r, want) in [
        (
            "broadcast",
            report(40, &broadcast, Some(0)),
            Label::Audience,
        ),
        ("support", report(40, &support, Some(0)), Label::Audience),
        (
            "mesh",
            report(12, &clique(0..12), Some(0)),
            Label::Community,
        ),
        (
            "with a core",
            report(61, &with_core, Some(0)),
            Label::Emerging,
        ),
    ] {
        holds(name, &r);
        assert_eq!(r.verdict.label, want, "{name}: {:?}", r.verdict.score);
    }
}

/// Random groups of every size from 3 to 60 people, with a host or without: the rules
/// hold on each, and both sides of the undetermined line are reached.
#[test]
fn the_rules_hold_on_random_groups() {
    let mut rng = SplitMix(0x00E1_1DE2);
    let (mut undetermined, mut determined) = (0, 0);
    for round in 0..80 {
        let people = 3 + rng.below(58) as usize;
        let replies: Vec<(usize, usize)> = (0..rng.below(4 * people as u64 + 1))
            .map(|_| {
                let hub = rng.unit() < 0.4;
                let from = rng.below(people as u64) as usize;
                let to = if hub {
                    0
                } else {
                    rng.below(people as u64) as usize
                };
                (from, to)
            })
            .filter(|(a, b)| a != b)
            .collect();
        let host = (round % 3 != 0).then_some(0);
        let r = report(people, &replies, host);
        holds(&format!("round {round}: {people} people"), &r);
        if r.verdict.score.is_some() {
            determined += 1;
        } else {
            undetermined += 1;
        }
    }
    assert!(
        undetermined >= 5 && determined >= 5,
        "{undetermined} / {determined}"
    );
}

#[test]
fn the_rules_hold_on_every_fixture() {
    let mut checked = 0;
    for entry in std::fs::read_dir(fixtures_dir()).unwrap().flatten() {
        let path = entry.path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !path.is_file() || name.starts_with("report_") {
            continue;
        }
        let input = Input::new(name.clone(), std::fs::read(&path).unwrap());
        for hosts in [HostChoice::Detect, HostChoice::None] {
            let options = Options {
                hosts,
                ..Options::default()
            };
            if let Ok(a) = analyze(std::slice::from_ref(&input), &options) {
                holds(&name, &a.report);
                checked += 1;
            }
        }
    }
    assert!(checked >= 30, "{checked}");
}

/// A DiscordChatExporter channel `id` where `people` post once each and then answer
/// `replies` (from, to), each a minute after the last.
fn channel(id: &str, people: usize, replies: &[(usize, usize)]) -> Input {
    let mut messages = Vec::new();
    let stamp = |i: usize| format!("2024-06-01T{:02}:{:02}:00+00:00", i / 60 % 24, i % 60);
    let author = |p: usize| format!(r#"{{"id":"u{p}","name":"person{p}"}}"#);
    for p in 0..people {
        messages.push(format!(
            r#"{{"id":"{id}{p}","timestamp":"{}","content":"hello","author":{}}}"#,
            stamp(p),
            author(p)
        ));
    }
    for (i, &(from, to)) in replies.iter().enumerate() {
        messages.push(format!(
            r#"{{"id":"{id}r{i}","timestamp":"{}","content":"re","author":{},"reference":{{"messageId":"{id}{to}"}}}}"#,
            stamp(people + i),
            author(from)
        ));
    }
    let text = format!(
        r#"{{"guild":{{"id":"g"}},"channel":{{"id":"{id}","name":"{id}"}},"messages":[{}]}}"#,
        messages.join(",")
    );
    Input::new(format!("{id}.json"), text.into_bytes())
}

/// The same rules per channel: a busy channel is judged, a quiet one is undetermined.
#[test]
fn a_quiet_channel_is_undetermined_on_its_own() {
    let busy = channel("busy", 10, &clique(0..10));
    let quiet = channel("quiet", 24, &[(1, 2), (3, 4)]);
    let options = Options {
        hosts: HostChoice::Named(vec!["u0".into()]),
        ..Options::default()
    };
    let r = analyze(&[busy, quiet], &options).unwrap().report;
    holds("two channels", &r);
    let label = |id: &str| {
        r.spaces
            .iter()
            .find(|s| s.id == id)
            .map(|s| (s.label, s.score.is_some()))
    };
    assert_eq!(label("busy"), Some((Label::Community, true)));
    assert_eq!(label("quiet"), Some((Label::Undetermined, false)));
}

/// `tests/fixtures/`, the hand-written inputs kept in the repository.
fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

/// The fixture `tests/fixtures/<name>` as an input named `name`.
fn fixture(name: &str) -> Input {
    let path = fixtures_dir().join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Input::new(name, bytes)
}
