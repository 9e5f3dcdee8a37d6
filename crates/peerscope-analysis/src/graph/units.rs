//! What the score's bootstrap resamples (docs/METRICS.md §10): UTC days when the
//! conversation spreads over enough of them, otherwise conversations.
//!
//! Each counting message of a scope belongs to exactly one unit, and each interaction to
//! the unit of the message that made it, so a drawn unit brings its interactions exactly
//! as they were found on the whole export.

use rustc_hash::FxHashMap;

use crate::graph::scope::Scope;
use crate::model::schema::Unit;
use crate::model::time::utc_day;

/// With at least this many active days (a day with a counting message), the units are
/// days; with fewer, conversations.
pub const DAY_UNITS_FROM: usize = 14;
/// Day units cover every day of the span up to this many days (a century, as the
/// timeline fills in); past it a stray date is assumed and only active days are units.
pub const DAY_SPAN_UP_TO: i64 = 36_525;

/// The scope cut into units.
#[derive(Debug, Clone)]
pub struct Units {
    pub unit: Unit,
    /// Per unit: its messages (indices into the dataset's messages). `u32`, as in
    /// [`crate::graph::interactions::Interaction`]: the trend holds the units of every
    /// period at once.
    pub messages: Vec<Vec<u32>>,
    /// Per unit: its interactions (indices into the scope's interactions, `u32` too).
    pub interactions: Vec<Vec<u32>>,
    /// Per unit, for day units: its UTC day number; empty for conversations.
    pub day: Vec<i64>,
}

impl Units {
    /// Cuts `scope` into days (every UTC day from the first message to the last, quiet
    /// days included, as the continuation test counts them; only the active days past a
    /// century) when it has at least 14 active days, else into conversations ([`conversation_of`]). An empty scope has no
    /// unit.
    pub fn of(scope: &Scope) -> Units {
        Units::cut(scope, false)
    }

    /// [`Units::of`] always in days, however few are active: the trend resamples the
    /// days of each period (docs/METRICS.md §11). An empty scope has no unit.
    pub fn by_day(scope: &Scope) -> Units {
        Units::cut(scope, true)
    }

    fn cut(scope: &Scope, always_days: bool) -> Units {
        let days: Vec<i64> = scope
            .messages
            .iter()
            .filter_map(|&at| scope.message(at).map(|m| utc_day(m.time_ms)))
            .collect();
        let mut active = days.clone();
        // The standard sort: a day per message, for every scope the interval resamples,
        // where the page's shared sort is several times slower (docs/PERFORMANCE.md).
        active.sort_unstable();
        active.dedup();
        let (unit, slot_of, day) =
            if !active.is_empty() && (always_days || active.len() >= DAY_UNITS_FROM) {
                let (first, last) = (active.first().copied(), active.last().copied());
                let (first, last) = (first.unwrap_or(0), last.unwrap_or(0));
                // Every day of the span, unless a stray date stretches it past a century:
                // then only the active days.
                let day: Vec<i64> = if last - first <= DAY_SPAN_UP_TO {
                    (first..=last).collect()
                } else {
                    active.clone()
                };
                let slot = |d: &i64| day.binary_search(d).unwrap_or(0);
                (Unit::Day, days.iter().map(slot).collect(), day)
            } else {
                (Unit::Conversation, conversation_of(scope), Vec::new())
            };
        let count = slot_of
            .iter()
            .map(|&s| s + 1)
            .max()
            .unwrap_or(0)
            .max(day.len());
        let mut messages = vec![Vec::new(); count];
        // A slot per dataset message: looked up once per interaction, no hashing.
        // `u32` (4 bytes, not 8): it is made while the trend holds all its periods.
        let mut unit_of_message = vec![u32::MAX; scope.data.messages.len()];
        for (&at, &slot) in scope.messages.iter().zip(&slot_of) {
            if let (Some(u), Ok(slot)) = (unit_of_message.get_mut(at), u32::try_from(slot)) {
                *u = slot;
            }
            if let (Some(list), Ok(at)) = (messages.get_mut(slot), u32::try_from(at)) {
                list.push(at);
            }
        }
        let mut interactions = vec![Vec::new(); count];
        for (k, i) in scope.interactions.iter().enumerate() {
            let slot = unit_of_message.get(i.at()).copied();
            let slot = slot.filter(|&s| s != u32::MAX).map(|s| s as usize);
            let list = slot.and_then(|s| interactions.get_mut(s));
            if let (Some(list), Ok(k)) = (list, u32::try_from(k)) {
                list.push(k);
            }
        }
        Units {
            unit,
            messages,
            interactions,
            day,
        }
    }

    pub fn count(&self) -> usize {
        self.messages.len()
    }
}

/// Per message of `scope.messages` (same order), its conversation as a dense number.
///
/// A conversation is a top-level message with every message below it in the reply tree
/// (replies, replies to replies, thread messages). Where one tree holds every message of
/// its space and more than one (a Reddit post, a Discourse topic, a thread file), its
/// top message is a conversation alone and each direct answer to it, with everything
/// below, is one. A message under a reply cycle counts as its own conversation.
pub fn conversation_of(scope: &Scope) -> Vec<usize> {
    let (top, branch) = tops(scope);
    // Messages per tree and per space, to find the trees that fill their space.
    let mut tree_size: FxHashMap<usize, usize> = FxHashMap::default();
    let mut space_size: FxHashMap<usize, usize> = FxHashMap::default();
    for &at in scope.messages.iter() {
        let t = top.get(at).copied().unwrap_or(at);
        *tree_size.entry(t).or_default() += 1;
        if let Some(m) = scope.message(at) {
            *space_size.entry(m.space as usize).or_default() += 1;
        }
    }
    let fills_space = |t: usize| {
        let size = tree_size.get(&t).copied().unwrap_or(0);
        let space = scope.message(t).map(|m| m.space as usize);
        size > 1 && space.and_then(|s| space_size.get(&s)) == Some(&size)
    };
    let mut number: FxHashMap<usize, usize> = FxHashMap::default();
    scope
        .messages
        .iter()
        .map(|&at| {
            let t = top.get(at).copied().unwrap_or(at);
            let key = if fills_space(t) {
                branch.get(at).copied().unwrap_or(at)
            } else {
                t
            };
            let next = number.len();
            *number.entry(key).or_insert(next)
        })
        .collect()
}

/// Per message of the dataset: the top of its reply tree, and the message just below the
/// top on its way up (itself for the top). Messages on a reply cycle (bad data) are their
/// own top.
fn tops(scope: &Scope) -> (Vec<usize>, Vec<usize>) {
    const UNSEEN: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let parent = &scope.conv.tree_parent;
    let n = parent.len();
    let mut top: Vec<usize> = (0..n).collect();
    let mut branch: Vec<usize> = (0..n).collect();
    let mut state = vec![UNSEEN; n];
    let mut path = Vec::new();
    for start in 0..n {
        // Walk up until a resolved message, a top, or a message met on this very walk.
        let mut at = start;
        let mut cycle = false;
        while let Some(&s) = state.get(at) {
            if s != UNSEEN {
                cycle = s == OPEN;
                break;
            }
            if let Some(slot) = state.get_mut(at) {
                *slot = OPEN;
            }
            path.push(at);
            match scope.conv.parent_of(at) {
                Some(p) => at = p,
                None => break,
            }
        }
        // Resolve from the highest message down: each takes its parent's top.
        while let Some(m) = path.pop() {
            let up = scope.conv.parent_of(m).filter(|_| !cycle);
            let (t, b) = match up {
                Some(p) => {
                    let t = top.get(p).copied().unwrap_or(p);
                    let b = if t == p {
                        m
                    } else {
                        branch.get(p).copied().unwrap_or(m)
                    };
                    (t, b)
                }
                None => (m, m),
            };
            if let (Some(ts), Some(bs), Some(st)) =
                (top.get_mut(m), branch.get_mut(m), state.get_mut(m))
            {
                *ts = t;
                *bs = b;
                *st = DONE;
            }
        }
    }
    (top, branch)
}
