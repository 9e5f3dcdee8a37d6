//! Ranking the steps (docs/METRICS.md §10, "The checklist and evidence"): priority = gap ×
//! evidence, the goal's steps first, ties by the profile's own order, every priority
//! distinct.

use super::draft::{Aim, Basis, Draft};
use crate::model::options::Goal;
use crate::model::schema::Step;
use crate::model::stable_sort::StableSort;

/// How many times its floor a measure's denominator must reach to weigh fully.
pub const FULL_WEIGHT: f64 = 4.0;

/// 0..=1: min(1, den ÷ (4 × floor)); 1 for a step that rests on no measure. A floor of 0
/// or less weighs fully (nothing to fall short of).
pub fn evidence(basis: Basis) -> f64 {
    match basis {
        Basis::Fixed => 1.0,
        Basis::Measure { floor, .. } if floor <= 0.0 => 1.0,
        Basis::Measure { den, floor } => (den / (FULL_WEIGHT * floor)).clamp(0.0, 1.0),
    }
}

/// Priority in tenths of a point, 0..=1000: gap × evidence × 100, rounded.
fn tenths(d: &Draft) -> i64 {
    (d.gap * evidence(d.basis) * 1000.0).round() as i64
}

/// The aim the goal puts first: outward steps for `reach`, steps between members for
/// `connection`.
fn led_by(goal: Goal) -> Aim {
    match goal {
        Goal::Reach => Aim::Outward,
        Goal::Connection => Aim::Peer,
    }
}

/// Below this priority (in tenths) a step of the goal's aim does not jump ahead of more
/// urgent steps, unless it is the goal's most urgent one: a gap that is nearly closed is
/// not this week's work.
pub const LEAD_MIN: i64 = 100;

/// The steps in the order the page shows them, priorities set. `drafts` are in the
/// profile's own order. Priorities are made distinct in priority order (ties broken by
/// the profile's order). The goal then orders the plan: its most urgent step of its aim
/// first, with the other steps of that aim whose priority is at least 10; then the rest
/// by priority, except that for `connection` outward steps come last. A priority thus
/// always says how big the gap is, whatever the goal. Empty in, empty out.
pub fn order(drafts: Vec<Draft>, goal: Goal) -> Vec<Step> {
    let mut keyed: Vec<(i64, usize, Draft)> = drafts
        .into_iter()
        .enumerate()
        .map(|(at, d)| (tenths(&d), at, d))
        .collect();
    keyed.stable_sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let raw: Vec<i64> = keyed.iter().map(|k| k.0).collect();
    let lead = led_by(goal);
    let mut led = false;
    let mut steps: Vec<(u8, Step)> = Vec::with_capacity(keyed.len());
    for ((_, _, d), p) in keyed.into_iter().zip(distinct(&raw)) {
        let tier = if d.aim == lead && (!led || p >= LEAD_MIN) {
            led = true;
            0
        } else if goal == Goal::Connection && d.aim == Aim::Outward {
            2
        } else {
            1
        };
        let priority = p as f64 / 10.0;
        steps.push((tier, Step { priority, ..d.step }));
    }
    // Stable: within a tier the priority order stays.
    steps.stable_sort_by_key(|(tier, _)| *tier);
    steps.into_iter().map(|(_, step)| step).collect()
}

/// Priorities in tenths (0..=1000), in display order, made strictly decreasing and kept
/// within 0..=1000 while moving each as little as the order allows: a tie drops one
/// tenth below the one before it, and the last ones rise just enough to stay at or
/// above 0.
pub fn distinct(raw: &[i64]) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::with_capacity(raw.len());
    for &p in raw {
        let p = p.clamp(0, 1000);
        out.push(out.last().map_or(p, |&before| p.min(before - 1)));
    }
    let count = out.len() as i64;
    for (at, p) in out.iter_mut().enumerate() {
        // The i-th from the end needs at least i tenths below it to stay distinct.
        *p = (*p).max(count - 1 - at as i64);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_and_zeros_become_distinct_and_stay_in_range() {
        assert_eq!(distinct(&[500, 500, 500]), [500, 499, 498]);
        assert_eq!(distinct(&[0, 0, 0]), [2, 1, 0]);
        assert_eq!(distinct(&[1000, 1000]), [1000, 999]);
        assert_eq!(distinct(&[200, 900, 100]), [200, 199, 100]);
        assert!(distinct(&[]).is_empty());
    }

    #[test]
    fn evidence_is_full_at_four_times_the_floor() {
        assert_eq!(
            evidence(Basis::Measure {
                den: 80.0,
                floor: 20.0
            }),
            1.0
        );
        assert_eq!(
            evidence(Basis::Measure {
                den: 400.0,
                floor: 20.0
            }),
            1.0
        );
        assert_eq!(
            evidence(Basis::Measure {
                den: 20.0,
                floor: 20.0
            }),
            0.25
        );
        assert_eq!(evidence(Basis::Fixed), 1.0);
    }
}
