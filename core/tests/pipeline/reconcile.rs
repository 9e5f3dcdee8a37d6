//! The label and the network type tell one story (docs/METRICS.md §6): on generated groups
//! where they seem to disagree, `verdict.reconcile` says how both hold; where they agree,
//! it says nothing. (Audience beside polarized or community clusters is covered by the
//! unit test of `advice::verdict::reconcile`: no small generated group reaches it.)

use crate::groups::{clique, export, report};
use crate::quotes::holds;
use peerscope_core::import::Input;
use peerscope_core::model::options::{HostChoice, Options};
use peerscope_core::model::schema::{Label, Report};
use peerscope_core::report::analyze;

/// Both ways between `hub` and each of `leaves`.
fn star(hub: usize, leaves: std::ops::Range<usize>) -> Vec<(usize, usize)> {
    leaves.flat_map(|p| [(hub, p), (p, hub)]).collect()
}

/// Both ways along the path `from`, `from + 1`, …, `to`.
fn path(from: usize, to: usize) -> Vec<(usize, usize)> {
    (from..to).flat_map(|p| [(p, p + 1), (p + 1, p)]).collect()
}

/// `pairs` repeated `n` times.
fn times(pairs: &[(usize, usize)], n: usize) -> Vec<(usize, usize)> {
    (0..n).flat_map(|_| pairs.iter().copied()).collect()
}

/// The report holds `label` and `kind`, and its reconciling sentence contains `says`.
fn tells(name: &str, r: &Report, label: Label, kind: &str, says: &str) {
    holds(name, r, &[]);
    assert_eq!(r.verdict.label, label, "{name}: {:?}", r.verdict.score);
    assert_eq!(r.structure.kind.as_deref(), Some(kind), "{name}");
    let said = r.verdict.reconcile.as_deref().unwrap_or("");
    assert!(said.contains(says), "{name}: {said:?}");
}

/// The group of [`crate::groups::export`] with one more unanswered post by each person, the
/// host given by its index.
fn padded_report(people: usize, replies: &[(usize, usize)], host: usize) -> Report {
    let input = export(people, replies);
    let mut json: serde_json::Value = serde_json::from_slice(&input.bytes).unwrap();
    let messages = json["messages"].as_array_mut().unwrap();
    for p in 0..people {
        messages.push(serde_json::json!({
            "id": format!("extra{p}"),
            "timestamp": "2024-06-27T12:00:00+00:00",
            "content": "anyone?",
            "author": {"id": format!("u{p}"), "name": format!("person{p}")}
        }));
    }
    let bytes = serde_json::to_vec(&json).unwrap();
    let options = Options {
        hosts: HostChoice::Named(vec![format!("u{host}")]),
        ..Options::default()
    };
    analyze(&[Input::new("padded.json", bytes)], &options)
        .unwrap()
        .report
}

/// Members 2..30 in a ring, one member (1) beside them, the host (0) barely there.
fn ring_with(hub: Vec<(usize, usize)>) -> Report {
    let mut replies = hub;
    replies.extend((2..30).map(|p| (p, if p == 29 { 2 } else { p + 1 })));
    replies.extend([(0, 1), (1, 0)]);
    report(30, &replies, Some(0))
}

#[test]
fn a_community_with_a_help_desk() {
    let r = ring_with((2..30).map(|p| (1, p)).collect());
    tells(
        "help desk",
        &r,
        Label::Community,
        "support",
        "like a help desk",
    );
}

#[test]
fn a_community_around_one_person() {
    let r = ring_with((2..30).map(|p| (p, 1)).collect());
    tells(
        "hub",
        &r,
        Label::Community,
        "broadcast",
        "members also answer",
    );
}

#[test]
fn a_community_among_silent_voices() {
    let mut replies = clique(1..13);
    replies.extend([(0, 1), (2, 0)]);
    let r = report(40, &replies, Some(0));
    tells(
        "few talk",
        &r,
        Label::Community,
        "brand_clusters",
        "those who do talk",
    );
}

#[test]
fn an_audience_in_a_tight_crowd() {
    // Four members in a row, the host talking with each of them eight times as much; each
    // person also posts once more with no answer, so the talk falls into ten conversations
    // (enough units for the score's interval) without a new tie.
    let mut replies = path(1, 4);
    replies.extend(times(&star(0, 1..5), 8));
    let r = padded_report(5, &replies, 0);
    tells(
        "tight",
        &r,
        Label::Audience,
        "tight_crowd",
        "still goes through you",
    );
}

#[test]
fn an_emerging_tight_crowd() {
    let mut replies = clique(1..9);
    replies.extend(clique(9..17));
    replies.push((8, 9));
    replies.extend(times(&star(0, 1..17), 10));
    let r = report(17, &replies, Some(0));
    tells(
        "emerging",
        &r,
        Label::Emerging,
        "tight_crowd",
        "not yet grown",
    );
}

#[test]
fn agreeing_stories_need_no_reconciling() {
    let mesh = report(12, &clique(0..12), Some(0));
    assert_eq!(
        (mesh.verdict.label, mesh.structure.kind.as_deref()),
        (Label::Community, Some("tight_crowd"))
    );
    let spokes: Vec<(usize, usize)> = (1..40).map(|p| (p, 0)).collect();
    let broadcast = report(40, &spokes, Some(0));
    assert_eq!(broadcast.verdict.label, Label::Audience);
    for r in [mesh, broadcast] {
        assert_eq!(r.verdict.reconcile, None, "{}", r.structure.why);
    }
}
