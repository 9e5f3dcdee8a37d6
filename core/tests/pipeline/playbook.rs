//! The checklist on generated groups: for broadcast, support, mesh and
//! audience-with-core groups and every profile, steps are ordered by their signals, every
//! *why* carries the group's own numbers, and the people named as leaders are the funnel's.

use crate::groups::{clique, report_for};
use peerscope_core::model::options::Profile;
use peerscope_core::model::schema::Report;

/// A generated group: name, people, replies `(from, to)`, host.
type Group = (&'static str, usize, Vec<(usize, usize)>, Option<usize>);

fn groups() -> Vec<Group> {
    let broadcast: Vec<(usize, usize)> = (1..40).map(|p| (p, 0)).collect();
    let support: Vec<(usize, usize)> = (1..40).map(|p| (0, p)).collect();
    let mut with_core: Vec<(usize, usize)> = (1..61).map(|p| (p, 0)).collect();
    with_core.extend(clique(1..7));
    vec![
        ("broadcast", 40, broadcast, Some(0)),
        ("support", 40, support, Some(0)),
        ("mesh", 12, clique(0..12), Some(0)),
        ("audience with a core", 61, with_core, Some(0)),
    ]
}

fn check(name: &str, profile: Profile, r: &Report) {
    let steps = &r.checklist;
    assert!(
        steps.len() >= 7,
        "{name}/{}: {} steps",
        profile.as_str(),
        steps.len()
    );
    assert!(
        steps.windows(2).all(|w| w[0].priority >= w[1].priority),
        "{name}/{}: not ordered by priority",
        profile.as_str()
    );
    for step in steps {
        assert!(
            step.profile == profile.as_str() || step.profile == "all",
            "{name}: {} is {}",
            step.id,
            step.profile
        );
        assert!(
            step.why.chars().any(|c| c.is_ascii_digit()),
            "{name}/{}: no number in {:?}",
            step.id,
            step.why
        );
        assert!(
            !step.why.contains('?'),
            "{name}/{}: an unknown number in {:?}",
            step.id,
            step.why
        );
        assert!((0.0..=100.0).contains(&step.priority));
        assert!(
            step.how.len() >= 2,
            "{name}/{}: fewer than two actions",
            step.id
        );
    }
    let leaders: Vec<&str> = r.funnel.leaders.iter().map(|l| l.id.as_str()).collect();
    for step in steps
        .iter()
        .filter(|s| matches!(s.id.as_str(), "recognise-leaders" | "keep-it-theirs"))
    {
        for person in &step.people {
            assert!(
                leaders.contains(&person.id.as_str()),
                "{name}/{}: {} is not a leader",
                step.id,
                person.name
            );
        }
    }
}

#[test]
fn every_profile_on_every_shape() {
    for (name, people, replies, host) in groups() {
        for profile in Profile::ALL {
            let r = report_for(people, &replies, host, profile);
            check(name, profile, &r);
        }
    }
}

#[test]
fn the_biggest_gap_comes_first() {
    // A pure broadcast: nobody answers anybody but the host, so stepping back (no member
    // is left connected) outranks recognising leaders (there are none).
    let broadcast: Vec<(usize, usize)> = (1..40).map(|p| (p, 0)).collect();
    let r = report_for(40, &broadcast, Some(0), Profile::Startup);
    let first = r.checklist.first().map(|s| s.priority).unwrap_or(0.0);
    assert!(
        first >= 90.0,
        "{:?}",
        r.checklist
            .iter()
            .map(|s| (&s.id, s.priority))
            .collect::<Vec<_>>()
    );
    // A mesh is already a community: keeping it one comes first.
    let mesh = report_for(12, &clique(0..12), Some(0), Profile::Creator);
    assert_eq!(
        mesh.checklist.first().map(|s| s.id.as_str()),
        Some("keep-it-theirs")
    );
}
