//! The checklist on generated groups: for broadcast, support, mesh and
//! audience-with-core groups, every profile and both goals, priorities are distinct and
//! ordered within the goal's plan, no step rests on an empty premise, every *why* carries
//! the group's own numbers, the people named as leaders are the funnel's, the goal changes
//! the first step, and a gap seen on more conversation ranks higher.

use crate::groups::{clique, report_for, report_goal};
use peerscope_core::advice::playbook::deleted_account;
use peerscope_core::model::options::{Goal, Profile};
use peerscope_core::model::schema::{Label, Report};

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
        steps.len() >= 3,
        "{name}/{}: {} steps",
        profile.as_str(),
        steps.len()
    );
    plan_holds(&format!("{name}/{}", profile.as_str()), r);
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

/// What holds of any report's checklist: distinct priorities in 0..=100; no step on an
/// empty premise, on a null or thin measure, or naming a deleted account.
pub fn plan_holds(name: &str, r: &Report) {
    let steps = &r.checklist;
    let mut tenths: Vec<i64> = steps
        .iter()
        .map(|s| (s.priority * 10.0).round() as i64)
        .collect();
    tenths.sort_unstable();
    let before = tenths.len();
    tenths.dedup();
    assert_eq!(
        tenths.len(),
        before,
        "{name}: priorities repeat: {:?}",
        ids(r)
    );
    for step in steps {
        let at = format!("{name}/{}", step.id);
        assert!(
            (0.0..=100.0).contains(&step.priority),
            "{at}: {}",
            step.priority
        );
        for empty in [
            "0 form",
            "0 members form",
            "Members started 0 ",
            " of 0 ",
            "Too little conversation to measure",
            "Not measurable in this export",
        ] {
            // "80 members form" is no "0 members form": a match must not continue a number.
            let found = step.why.match_indices(empty).any(|(i, _)| {
                !step.why[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_digit())
            });
            assert!(!found, "{at}: {:?}", step.why);
        }
        for person in &step.people {
            assert!(!deleted_account(&person.name), "{at} names {}", person.name);
        }
    }
    let has = |id: &str| steps.iter().any(|s| s.id == id);
    if r.funnel.core == 0 {
        for id in ["dedicated-space", "peer-chapters", "skill-sharing"] {
            assert!(!has(id), "{name}: {id} without a core");
        }
    }
    if r.funnel.leaders.is_empty() {
        assert!(!has("recognise-leaders"), "{name}: no leader to recognise");
    }
    let introduce = steps.iter().find(|s| s.id == "introduce-people");
    assert!(
        introduce.is_none_or(|s| !s.why.starts_with("0 ")),
        "{name}: nobody to introduce"
    );
    // The verb agrees with the count: "1 of 20 members has talked", never "have".
    assert!(
        introduce.is_none_or(|s| !s.why.starts_with("1 of ") || s.why.contains(" has talked")),
        "{name}: {:?}",
        introduce.map(|s| &s.why)
    );
    // Members already answer every question first, and none waits: nothing to hand over.
    assert!(
        !steps
            .iter()
            .any(|s| s.id == "redirect-questions" && s.why.ends_with("(100%).")),
        "{name}: questions to redirect when members answer all of them"
    );
    if r.verdict.label == Label::Undetermined {
        let only: Vec<&str> = steps.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(only, ["export-longer", "add-channels"], "{name}");
    }
}

fn ids(r: &Report) -> Vec<(&str, f64)> {
    r.checklist
        .iter()
        .map(|s| (s.id.as_str(), s.priority))
        .collect()
}

#[test]
fn every_profile_on_every_shape() {
    for (name, people, replies, host) in groups() {
        for profile in Profile::ALL {
            let r = report_for(people, &replies, host, profile);
            check(name, profile, &r);
            let reach = report_goal(people, &replies, host, profile, Goal::Reach);
            check(name, profile, &reach);
        }
    }
}

/// The goal changes the plan: reach leads with a step that grows the audience,
/// connection with one that connects members, so the first steps differ.
#[test]
fn reach_and_connection_start_differently() {
    const OUTWARD: &[&str] = &[
        "bring-a-friend",
        "showcase-members",
        "participatory-live",
        "open-roadmap",
        "member-meetups",
        "collective-impact",
    ];
    for (name, people, replies, host) in groups() {
        for profile in Profile::ALL {
            let at = format!("{name}/{}", profile.as_str());
            let reach = report_goal(people, &replies, host, profile, Goal::Reach);
            let connection = report_goal(people, &replies, host, profile, Goal::Connection);
            let first = |r: &Report| r.checklist.first().map(|s| s.id.clone());
            assert_ne!(first(&reach), first(&connection), "{at}: {:?}", ids(&reach));
            let lead = first(&reach).unwrap_or_default();
            assert!(
                OUTWARD.contains(&lead.as_str()),
                "{at}: reach starts with {lead}"
            );
        }
    }
}

/// The same gap weighs more on more conversation: members who never answer each other,
/// seen on 32 replies (evidence 32 ÷ 80) and on 399 (evidence 1).
#[test]
fn a_gap_on_more_conversation_ranks_higher() {
    let priority = |people: usize| {
        let broadcast: Vec<(usize, usize)> = (1..people).map(|p| (p, 0)).collect();
        let r = report_for(people, &broadcast, Some(0), Profile::Creator);
        let step = r.checklist.iter().find(|s| s.id == "peer-call-to-action");
        step.map(|s| s.priority)
            .unwrap_or_else(|| panic!("{:?}", ids(&r)))
    };
    let (small, large) = (priority(33), priority(400));
    assert_eq!(large, 100.0);
    assert!((39.0..=41.0).contains(&small), "{small}");
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

/// One member who has only talked with the host is "1 of N members has talked", and the
/// step names that member.
#[test]
fn one_lonely_member_reads_in_the_singular() {
    // A mesh of 12 (the host is 0) and person 12, who has only answered the host.
    let mut replies = clique(0..12);
    replies.extend([(12, 0), (12, 0), (0, 12)]);
    let r = report_for(13, &replies, Some(0), Profile::Creator);
    let step = r
        .checklist
        .iter()
        .find(|s| s.id == "introduce-people")
        .expect("a member to introduce");
    assert!(
        step.why.starts_with("1 of 12 members has talked"),
        "{:?}",
        step.why
    );
    assert_eq!(step.people.len(), 1, "{:?}", step.people);
}
