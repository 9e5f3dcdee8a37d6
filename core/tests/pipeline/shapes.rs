//! Generated groups of known shape: each of the six network types of docs/METRICS.md §6 is
//! recognised, and the verdict labels of §5 hold for broadcast, support, mesh and
//! audience-with-core groups.

use crate::groups::{clique, report};
use peerscope_core::model::schema::{Label, Report};

fn kind(r: &Report) -> &str {
    r.structure.kind.as_deref().unwrap_or("none")
}

#[test]
fn broadcast_is_an_audience() {
    let spokes: Vec<(usize, usize)> = (1..40).map(|p| (p, 0)).collect();
    let r = report(40, &spokes, Some(0));
    assert_eq!(kind(&r), "broadcast", "{}", r.structure.why);
    assert_eq!(r.verdict.label, Label::Audience);
}

#[test]
fn support_desk_is_an_audience() {
    let answers: Vec<(usize, usize)> = (1..40).map(|p| (0, p)).collect();
    let r = report(40, &answers, Some(0));
    assert_eq!(kind(&r), "support", "{}", r.structure.why);
    assert_eq!(r.verdict.label, Label::Audience);
}

#[test]
fn mostly_isolated_voices_are_brand_clusters() {
    let r = report(40, &[(1, 2), (3, 4), (5, 6), (7, 8)], None);
    assert_eq!(kind(&r), "brand_clusters", "{}", r.structure.why);
}

#[test]
fn two_camps_are_polarized() {
    let mut replies = clique(0..10);
    replies.extend(clique(10..20));
    replies.push((9, 10));
    let r = report(20, &replies, None);
    assert_eq!(kind(&r), "polarized", "{}", r.structure.why);
}

#[test]
fn several_groups_are_community_clusters() {
    let mut replies = Vec::new();
    for g in 0..4 {
        replies.extend(clique(g * 8..g * 8 + 8));
        replies.push((g * 8, (g * 8 + 8) % 32));
    }
    let r = report(32, &replies, None);
    assert_eq!(kind(&r), "community_clusters", "{}", r.structure.why);
}

#[test]
fn a_mesh_is_a_tight_crowd_and_a_community() {
    let r = report(12, &clique(0..12), Some(0));
    assert_eq!(kind(&r), "tight_crowd", "{}", r.structure.why);
    assert_eq!(r.verdict.label, Label::Community);
}

#[test]
fn audience_with_a_core_is_emerging() {
    // 60 people reply only to the host; 6 of them also talk among themselves.
    let mut replies: Vec<(usize, usize)> = (1..61).map(|p| (p, 0)).collect();
    replies.extend(clique(1..7));
    let r = report(61, &replies, Some(0));
    assert_eq!(r.funnel.core, 6);
    assert!(
        r.verdict.score.unwrap_or(100.0) < 35.0,
        "the core alone makes it emerging"
    );
    assert_eq!(r.verdict.label, Label::Emerging);
}
