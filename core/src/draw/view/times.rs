//! Where and when each tie was made, so the network view can show one space only or a
//! time window: [`TieTimes`] (carried in [`NetworkView::times`]) and [`recount`], which
//! gives every tie its weight counting only the interactions inside a [`Window`].
//!
//! Positions are never recomputed for a window: the picture keeps its layout and only
//! loses ties (and greys or hides the people left without one), so switching a filter
//! never makes it jump. Plain Rust, tested natively; the UI only reads its answers.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use super::NetworkView;

pub mod build;

/// When and where the interactions behind each tie happened, compactly.
///
/// Why this shape: one slot number per interaction, tie after tie, with each tie's share
/// implied by its weight, is the smallest simple form that answers any space and any
/// window. On the 100 k-message benchmark export (60 100 interactions over 27 358 ties,
/// 48 days, 54 297 distinct (tie, space, day) runs), `(space, day, count)` runs per tie
/// would need an offset per tie plus three numbers per run, about 0.4 MB of JSON
/// (estimated), a fifth of the whole analysis; one slot per interaction, counted by
/// repetition, measured 0.17 MB (+8.8 % on the analysis sent to the page) and costs
/// 4 bytes per interaction of wasm memory. A tie's slots are sorted, so a run of equal
/// numbers is one (space, day) with its count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TieTimes {
    /// Names of the spaces ties were made in (a thread counts as its channel when that is
    /// loaded, as in the report's `spaces`), in load order; what the space filter offers.
    pub spaces: Vec<String>,
    /// Per slot: its space, an index into `spaces`. Slots are the (space, day) pairs with
    /// at least one interaction, by space then day.
    pub slot_space: Vec<u32>,
    /// Per slot: its UTC day, in days since 1970-01-01.
    pub slot_day: Vec<i32>,
    /// One slot per interaction, tie after tie in the order of [`NetworkView::edges`]:
    /// tie `k` owns the next `edges[k].weight` entries, ascending.
    pub slots: Vec<u32>,
}

impl TieTimes {
    /// The first and last day any tie was made (days since 1970-01-01); `None` with no ties.
    pub fn days(&self) -> Option<(i64, i64)> {
        let first = self.slot_day.iter().min()?;
        let last = self.slot_day.iter().max()?;
        Some((i64::from(*first), i64::from(*last)))
    }

    /// The slots of the ties `kept` (indices into `edges`, ascending), for a network that
    /// keeps only those ties in that order (the "remove the host" view). Empty when the
    /// slots do not match `edges` (then no window can be applied).
    pub fn keep(&self, edges: &[super::EdgeView], kept: &[usize]) -> TieTimes {
        let mut slots = Vec::new();
        if let Some(starts) = starts(self, edges) {
            for &k in kept {
                let (from, to) = (starts.get(k), starts.get(k + 1));
                if let (Some(&from), Some(&to)) = (from, to) {
                    slots.extend_from_slice(self.slots.get(from..to).unwrap_or(&[]));
                }
            }
        }
        TieTimes {
            slots,
            ..self.clone()
        }
    }
}

/// Where each tie's slots start in `times.slots` (one more entry than ties), or `None`
/// when the weights do not add up to the slots held (an analysis made without them).
fn starts(times: &TieTimes, edges: &[super::EdgeView]) -> Option<Vec<usize>> {
    let mut starts = Vec::with_capacity(edges.len() + 1);
    let mut at = 0usize;
    starts.push(0);
    for e in edges {
        at = at.checked_add(e.weight as usize)?;
        starts.push(at);
    }
    (at == times.slots.len()).then_some(starts)
}

/// What part of the conversation the ties count: one space, a span of days, or both.
/// The default is everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Window {
    /// Index into [`TieTimes::spaces`]; `None` (or an index past the list) is every space.
    pub space: Option<u32>,
    /// First day counted, in days since 1970-01-01 (UTC), inclusive; `None`: no bound.
    pub from: Option<i64>,
    /// Last day counted, inclusive; `None`: no bound. Before `from`, nothing is counted.
    pub to: Option<i64>,
}

impl Window {
    /// Whether the window counts everything of `times` (no bound, no known space).
    pub fn is_everything(&self, times: &TieTimes) -> bool {
        self.space_in(times).is_none() && self.from.is_none() && self.to.is_none()
    }

    /// The space asked for, if it is one of `times.spaces`.
    fn space_in(&self, times: &TieTimes) -> Option<u32> {
        self.space.filter(|&s| (s as usize) < times.spaces.len())
    }

    /// Whether the interaction of `slot` is inside the window.
    fn holds(&self, times: &TieTimes, slot: usize) -> bool {
        let space = times.slot_space.get(slot).copied();
        let day = times.slot_day.get(slot).map(|&d| i64::from(d));
        let Some((space, day)) = space.zip(day) else {
            return false;
        };
        self.space_in(times).is_none_or(|s| s == space)
            && self.from.is_none_or(|from| day >= from)
            && self.to.is_none_or(|to| day <= to)
    }
}

/// Each tie's weight counting only the interactions inside `window` (0: none inside), in
/// the order of `network.edges`; `None` when the window counts everything, or when the
/// network carries no times (then the ties keep their weights).
///
/// Linear in interactions plus slots.
pub fn recount(network: &NetworkView, window: &Window) -> Option<Vec<u32>> {
    let times = &network.times;
    if window.is_everything(times) {
        return None;
    }
    let starts = starts(times, &network.edges)?;
    let inside: Vec<bool> = (0..times.slot_day.len())
        .map(|slot| window.holds(times, slot))
        .collect();
    let weights = starts
        .windows(2)
        .map(|pair| match pair {
            [from, to] => times.slots.get(*from..*to).map_or(0, |slots| {
                let held = slots
                    .iter()
                    .filter(|&&s| inside.get(s as usize) == Some(&true));
                held.count() as u32
            }),
            _ => 0,
        })
        .collect();
    Some(weights)
}

/// A day written `YYYY-MM-DD` (what `<input type="date">` holds) as days since
/// 1970-01-01; `None` for anything else, an empty text included.
pub fn parse_day(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let date = Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()?;
    // Julian day 2 440 588 is 1970-01-01.
    Some(i64::from(date.to_julian_day()) - 2_440_588)
}

#[cfg(test)]
mod tests;
