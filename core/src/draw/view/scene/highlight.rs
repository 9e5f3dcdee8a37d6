//! What is lit over the dimmed picture when someone is pointed at, pinned or found by the
//! search: their dot, their drawn ties and the people at the other end, drawn again on top.
//! Each person's ties are indexed on the first focus, not when the scene is built.

use std::cmp::Reverse;

use super::{Dot, Scene, Tie};
use crate::model::unstable_sort::UnstableSort;

/// A lit tie's opacity, whatever its weight (the SVG's `line.lit`).
const LIT: f32 = 0.9;

/// What is lit over the dimmed picture: the focused person, their drawn ties and the
/// people at the other end, and the search's matches (ringed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlight {
    /// Dots drawn again on top, as [`Dot`]s (matches with `ring` set), in drawing order.
    pub dots: Vec<Dot>,
    /// Ties drawn again on top in the accent colour.
    pub ties: Vec<Tie>,
}

impl Highlight {
    /// Whether anything is lit (then the rest of the picture is dimmed).
    pub fn is_empty(&self) -> bool {
        self.dots.is_empty() && self.ties.is_empty()
    }
}

impl Scene {
    /// What to light for `focus` (the person pointed at or pinned) and the search's
    /// `matches` (indices into `network.nodes`); people not drawn are skipped.
    pub fn highlight(&self, focus: Option<usize>, matches: &[usize]) -> Highlight {
        let mut slots: Vec<(u32, bool)> = Vec::new();
        let mut ties = Vec::new();
        if let Some(f) = focus.filter(|&f| self.dot_of(f).is_some()) {
            let (starts, ids) = self
                .by_person
                .get_or_init(|| by_person(self.people, &self.ties));
            let from = starts.get(f).copied().unwrap_or(0) as usize;
            let to = starts.get(f + 1).copied().unwrap_or(0) as usize;
            for &t in ids.get(from..to).unwrap_or(&[]) {
                let Some(tie) = self.ties.get(t as usize) else {
                    continue;
                };
                ties.push(Tie { alpha: LIT, ..*tie });
                let other = if tie.a as usize == f { tie.b } else { tie.a };
                slots.extend(self.slot.get(other as usize).map(|&s| (s, false)));
            }
            slots.extend(self.slot.get(f).map(|&s| (s, false)));
        }
        slots.extend(
            matches
                .iter()
                .filter_map(|&m| self.slot.get(m).map(|&s| (s, true))),
        );
        // Drawing order, and a match's ring wins over the same dot lit by the focus.
        slots.unstable_sort_by_key(|&(s, ring)| (s, Reverse(ring)));
        slots.dedup_by_key(|&mut (s, _)| s);
        let dots = slots
            .into_iter()
            .filter_map(|(s, ring)| {
                let d = self.dots.get(s as usize)?;
                Some(Dot {
                    ring: d.ring || ring,
                    ..*d
                })
            })
            .collect();
        Highlight { dots, ties }
    }
}

/// Each person's ties (positions in `ties`), as a compressed list over `people` people.
fn by_person(people: usize, ties: &[Tie]) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0u32; people + 1];
    let mut count = |v: u32| {
        if let Some(s) = starts.get_mut(v as usize + 1) {
            *s += 1;
        }
    };
    for t in ties {
        count(t.a);
        count(t.b);
    }
    let mut total = 0;
    for s in starts.iter_mut() {
        total += *s;
        *s = total;
    }
    let mut fill = starts.clone();
    let mut ids = vec![0u32; total as usize];
    // Two calls rather than a loop over `[t.a, t.b]`, which the page's opt-level leaves
    // as an iterator call per end.
    let mut file = |v: u32, k: usize| {
        if let Some(at) = fill.get_mut(v as usize) {
            if let Some(slot) = ids.get_mut(*at as usize) {
                *slot = k as u32;
            }
            *at += 1;
        }
    };
    for (k, t) in ties.iter().enumerate() {
        file(t.a, k);
        file(t.b, k);
    }
    (starts, ids)
}
