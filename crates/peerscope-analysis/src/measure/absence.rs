//! The absence factor (docs/METRICS.md §11, after CHAOSS's contributor absence factor):
//! how few members write half of what members say to each other.
//!
//! What members say to each other is every reply and mention interaction from one member
//! to another (hosts, bots and placeholders are no members); each counts for the member
//! who wrote it. Members are taken most writing first (person index on ties, so the
//! result is the same on every run) until they hold at least half of them.

use crate::graph::scope::Scope;
use crate::model::schema::{Absence, AbsentPerson};
use crate::model::stable_sort::StableSort;

/// The absence factor of `scope`: `factor` null and `people` empty when no member
/// replied to or mentioned another member. Shares are in 0..=1 and sum to at least ½.
pub fn measure(scope: &Scope) -> Absence {
    let mut wrote = vec![0u64; scope.data.people.len()];
    let mut total = 0u64;
    for i in scope.interactions.iter() {
        if scope.member(i.from) && scope.member(i.to) {
            if let Some(w) = wrote.get_mut(i.from as usize) {
                *w += 1;
                total += 1;
            }
        }
    }
    let mut ranked: Vec<(u64, u32)> = wrote
        .iter()
        .enumerate()
        .filter(|(_, &w)| w > 0)
        .map(|(p, &w)| (w, p as u32))
        .collect();
    let writers = ranked.len() as u64;
    ranked.stable_sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut people = Vec::new();
    let mut held = 0u64;
    // "At least half": 2 × held ≥ total, in integers.
    for (w, p) in ranked {
        if 2 * held >= total {
            break;
        }
        held += w;
        people.push(AbsentPerson {
            id: scope.data.id_of(p).to_string(),
            name: scope.data.display(p).to_string(),
            share: w as f64 / total as f64,
        });
    }
    Absence {
        factor: (total > 0).then_some(people.len() as u64),
        people,
        interactions: total,
        writers,
    }
}
