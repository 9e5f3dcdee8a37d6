//! The score's counting measures per bootstrap unit, so that a replicate adds up the
//! counts of its drawn units instead of gathering and re-reading every interaction.
//!
//! Four of the seven score measures are ratios of counts (`host_share`,
//! `peer_reply_share`, `connect_share`, `member_initiated_share`): a replicate's
//! numerator and denominator are sums over its draws, each unit as many times as drawn,
//! which is exactly what the measure functions count on the gathered replicate. On the
//! 1 M-reply export this turns each replicate's pass over a million interactions into a
//! pass over its few hundred drawn units.
//!
//! The one count that does not split by unit is who *started a conversation*: a message
//! starts one when someone else's message below it in the reply tree is in the replicate
//! too, and that answer can sit in another unit (a reply the next day). Such starters are
//! kept apart ([`Spread`]) and checked per replicate against the drawn units.

use crate::graph::scope::Scope;
use crate::graph::units::Units;
use crate::measure::{direction, structure};
use crate::model::metric::Metric;
use crate::model::unstable_sort::UnstableSort;

/// The counts of one unit (or, summed, of one replicate).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Reply and mention interactions.
    pub interactions: usize,
    /// ... with a host at either end.
    pub with_host: usize,
    /// Replies.
    pub replies: usize,
    /// ... between two members.
    pub peer_replies: usize,
    /// Interactions made by members.
    pub by_members: usize,
    /// ... aimed at members.
    pub to_members: usize,
    /// Messages that started a conversation (answered by someone else in the same unit).
    pub starts: usize,
    /// ... written by members.
    pub member_starts: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally, times: usize) {
        self.interactions += other.interactions * times;
        self.with_host += other.with_host * times;
        self.replies += other.replies * times;
        self.peer_replies += other.peer_replies * times;
        self.by_members += other.by_members * times;
        self.to_members += other.to_members * times;
        self.starts += other.starts * times;
        self.member_starts += other.member_starts * times;
    }

    pub fn host_share(&self) -> Metric {
        structure::host_share_of(self.with_host, self.interactions)
    }

    pub fn peer_reply_share(&self) -> Metric {
        direction::peer_reply_share_of(self.peer_replies, self.replies)
    }

    pub fn connect_share(&self) -> Metric {
        direction::connect_share_of(self.to_members, self.by_members)
    }

    pub fn member_initiated_share(&self) -> Metric {
        direction::member_initiated_share_of(self.member_starts, self.starts)
    }
}

/// A conversation starter whose answers by someone else all sit in other units.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Spread {
    /// The unit of the starting message.
    unit: usize,
    /// Written by a member (not a host).
    by_member: bool,
    /// The units holding someone else's answers below it, without repeats.
    answered_in: Vec<usize>,
}

/// Per unit counts, found once per bootstrap.
#[derive(Debug, Clone, Default)]
pub struct Tallies {
    per_unit: Vec<Tally>,
    spread: Vec<Spread>,
}

/// [`Tallies::of`]'s mark for a message in no unit.
const NO_UNIT: u32 = u32::MAX;

/// The unit of message `at` as an index, `usize::MAX` for none.
fn unit_number(unit_of: &[u32], at: usize) -> usize {
    match unit_of.get(at).copied() {
        Some(u) if u != NO_UNIT => u as usize,
        _ => usize::MAX,
    }
}

impl Tallies {
    /// Counts every unit of `units` (cut from `scope`); `roots` is each dataset
    /// message's reply-tree root, as `direction::roots` gives it. Empty units give an
    /// empty table.
    pub fn of(scope: &Scope, units: &Units, roots: &[u32]) -> Tallies {
        let mut per_unit = vec![Tally::default(); units.count()];
        // A slot per dataset message, `u32` (4 bytes, not 8: it is made while the trend
        // holds all its periods); `NO_UNIT` for a message of no unit.
        let mut unit_of = vec![NO_UNIT; scope.data.messages.len()];
        for (u, list) in units.messages.iter().enumerate() {
            let Ok(u) = u32::try_from(u) else { break };
            for &at in list {
                if let Some(slot) = unit_of.get_mut(at as usize) {
                    *slot = u;
                }
            }
        }
        for (u, list) in units.interactions.iter().enumerate() {
            let Some(tally) = per_unit.get_mut(u) else {
                continue;
            };
            for i in list
                .iter()
                .filter_map(|&k| scope.interactions.get(k as usize))
            {
                let (from_host, to_host) = (scope.host(i.from), scope.host(i.to));
                tally.interactions += 1;
                tally.with_host += usize::from(from_host || to_host);
                if i.kind.is_reply() {
                    tally.replies += 1;
                    tally.peer_replies += usize::from(!from_host && !to_host);
                }
                if !from_host {
                    tally.by_members += 1;
                    tally.to_members += usize::from(!to_host);
                }
            }
        }
        let spread = starters(scope, &unit_of, roots, &mut per_unit);
        Tallies { per_unit, spread }
    }

    /// The counts of a replicate that drew `draws` (unit numbers, repeats allowed).
    pub fn sum(&self, draws: &[usize]) -> Tally {
        let mut times = vec![0usize; self.per_unit.len()];
        for &u in draws {
            if let Some(t) = times.get_mut(u) {
                *t += 1;
            }
        }
        let mut total = Tally::default();
        for (tally, &n) in self.per_unit.iter().zip(&times).filter(|(_, &n)| n > 0) {
            total.add(tally, n);
        }
        let drawn = |u: &usize| times.get(*u).copied().unwrap_or(0) > 0;
        for s in &self.spread {
            let n = times.get(s.unit).copied().unwrap_or(0);
            if n > 0 && s.answered_in.iter().any(drawn) {
                total.starts += n;
                total.member_starts += n * usize::from(s.by_member);
            }
        }
        total
    }
}

/// Adds to `per_unit` the starters answered within their own unit and returns the
/// others. A starter is a scope message that is the root of someone else's scope
/// message, as `direction::member_initiated_share_on` counts them.
fn starters(scope: &Scope, unit_of: &[u32], roots: &[u32], per_unit: &mut [Tally]) -> Vec<Spread> {
    // Per root message: the units of its answers by someone else (few per root).
    let mut answers: Vec<(usize, usize)> = Vec::new();
    for &at in scope.messages.iter() {
        let (Some(m), Some(root)) = (scope.message(at), direction::root_of(roots, at)) else {
            continue;
        };
        let in_scope = unit_of.get(root).is_some_and(|&u| u != NO_UNIT);
        let other = scope.message(root).is_some_and(|r| r.author != m.author);
        if in_scope && other {
            answers.push((root, unit_number(unit_of, at)));
        }
    }
    answers.unstable_sort();
    answers.dedup();
    let mut spread = Vec::new();
    for group in answers.chunk_by(|a, b| a.0 == b.0) {
        let Some(&(root, _)) = group.first() else {
            continue;
        };
        let unit = unit_number(unit_of, root);
        let by_member = scope.message(root).is_some_and(|r| !scope.host(r.author));
        let answered_in: Vec<usize> = group.iter().map(|&(_, u)| u).collect();
        if answered_in.contains(&unit) {
            if let Some(tally) = per_unit.get_mut(unit) {
                tally.starts += 1;
                tally.member_starts += usize::from(by_member);
            }
        } else {
            spread.push(Spread {
                unit,
                by_member,
                answered_in,
            });
        }
    }
    spread
}
