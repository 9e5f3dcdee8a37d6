//! A step before ranking: its words, the gap it closes, the evidence that gap rests on,
//! and which way it points (outward to new people, between members, or inward).

use crate::model::metric::{Counted, Metric};
use crate::model::quoted::Quoted;
use crate::model::schema::{PersonRef, Step};

/// Which way a step points; the goal orders the plan by it (docs/METRICS.md §10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aim {
    /// Grows the audience while keeping members talking: featuring members' work,
    /// members bringing a friend, open events. First for the goal `reach`.
    Outward,
    /// Connects members with each other. First for the goal `connection`.
    Peer,
    /// Works on the group's own shape (a space for the core, recognition, stepping
    /// back) or asks for more conversation.
    Inward,
}

/// What a step's gap was measured on: a measure's denominator and that measure's floor,
/// or nothing to weigh (steps that need no judgement of the group).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Basis {
    Measure { den: f64, floor: f64 },
    Fixed,
}

impl Basis {
    /// The basis of a counted measure with floor `floor`.
    pub fn of(c: &Counted, floor: f64) -> Basis {
        Basis::Measure { den: c.den, floor }
    }
}

/// The fixed words of a step: who gets it, its id, title, aim and two or three actions.
pub struct Spec {
    /// `creator`, `startup`, `nonprofit`, or `all`.
    pub profile: &'static str,
    pub id: &'static str,
    pub title: &'static str,
    pub aim: Aim,
    pub how: &'static [&'static str],
}

/// A step offered to this group, not yet ranked.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The step as the report shows it; `priority` is set by the ranking.
    pub step: Step,
    /// 0..=1: how far the group is from what the step aims at.
    pub gap: f64,
    pub basis: Basis,
    pub aim: Aim,
}

impl Draft {
    /// A step with its *why* (and the numbers it quotes) and the people it names; `gap`
    /// is clamped to 0..=1.
    pub fn new(spec: &Spec, basis: Basis, gap: f64, why: Quoted, people: Vec<PersonRef>) -> Draft {
        Draft {
            step: Step {
                profile: spec.profile.to_string(),
                id: spec.id.to_string(),
                title: spec.title.to_string(),
                why: why.text,
                quotes: why.quotes,
                how: spec.how.iter().map(|h| h.to_string()).collect(),
                priority: 0.0,
                people,
            },
            gap: if gap.is_nan() {
                0.0
            } else {
                gap.clamp(0.0, 1.0)
            },
            basis,
            aim: spec.aim,
        }
    }
}

/// The counted numbers of `metric` and its basis, or `None` when it does not count (null
/// or thin): a step resting on it then has no premise and is not offered.
pub fn resting_on(metric: &Metric, floor: f64) -> Option<(Counted, Basis)> {
    metric.counted().map(|c| (c, Basis::of(&c, floor)))
}
