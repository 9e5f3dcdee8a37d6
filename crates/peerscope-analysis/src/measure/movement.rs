//! Members' levels within one period and how they moved between two (docs/METRICS.md
//! §11, the levels of §7): not active < audience < engaged < core < leader.

use crate::graph::scope::Scope;
use crate::measure::funnel::People;

/// A member's level in one period, lowest first (the order is what `up` and `down`
/// compare).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Neither wrote, was answered or mentioned, nor reacted in the period.
    #[default]
    NotActive,
    /// In the period's audience: took part in the conversation or reacted.
    Audience,
    /// Tied to another member in the period.
    Engaged,
    /// In the 2-core of the period's member graph.
    Core,
    /// One of the period's leaders.
    Leader,
}

/// Per person of the dataset, their level in `scope` (one period) given the funnel
/// `people` found there. Hosts, bots and placeholders are not members: they stay
/// [`Level::NotActive`], as does everyone in an empty scope.
pub fn levels(scope: &Scope, people: &People) -> Vec<Level> {
    let mut level = vec![Level::NotActive; scope.data.people.len()];
    let mut raise = |p: u32, to: Level| {
        if scope.member(p) {
            if let Some(l) = level.get_mut(p as usize) {
                *l = (*l).max(to);
            }
        }
    };
    for &at in scope.messages.iter() {
        for r in scope.message(at).map_or(&[][..], |m| &*m.reactions) {
            for &p in &r.reactors {
                raise(p, Level::Audience);
            }
        }
    }
    for (node, &p) in scope.graph.people.iter().enumerate() {
        let flag = |of: &[bool]| of.get(node).copied().unwrap_or(false);
        let to = if flag(&people.core) {
            Level::Core
        } else if flag(&people.engaged) {
            Level::Engaged
        } else {
            Level::Audience
        };
        raise(p, to);
    }
    for &p in &people.leaders {
        raise(p, Level::Leader);
    }
    level
}

/// Moves between two periods' levels, each member active in either counted once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Moves {
    pub up: u64,
    pub held: u64,
    pub down: u64,
    /// Active before, not after.
    pub left: u64,
    /// Active after, not before.
    pub new: u64,
}

/// Compares `before` and `after` (per person, as [`levels`] gives them; a missing
/// entry is not active). Two empty lists give no move.
pub fn moves(before: &[Level], after: &[Level]) -> Moves {
    let mut out = Moves::default();
    for at in 0..before.len().max(after.len()) {
        let a = before.get(at).copied().unwrap_or_default();
        let b = after.get(at).copied().unwrap_or_default();
        match (a, b) {
            (Level::NotActive, Level::NotActive) => {}
            (Level::NotActive, _) => out.new += 1,
            (_, Level::NotActive) => out.left += 1,
            _ if b > a => out.up += 1,
            _ if b < a => out.down += 1,
            _ => out.held += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Level::*;

    #[test]
    fn each_member_counts_once_by_how_their_level_changed() {
        let before = [NotActive, Audience, Engaged, Core, Leader, Core, NotActive];
        let after = [Audience, Core, Engaged, Engaged, NotActive, Leader];
        let m = moves(&before, &after);
        assert_eq!(
            m,
            Moves {
                up: 2,
                held: 1,
                down: 1,
                left: 1,
                new: 1
            }
        );
        assert_eq!(moves(&[], &[]), Moves::default());
    }

    #[test]
    fn levels_are_ordered_from_not_active_to_leader() {
        assert!(NotActive < Audience && Audience < Engaged);
        assert!(Engaged < Core && Core < Leader);
    }
}
