//! A list of people with each one once.

use crate::{work, PersonIdx};

/// `people` without repeats, in order of first appearance. A set beside the list keeps
/// this linear: a message naming 200 000 people must not compare each with all others.
pub fn distinct(people: impl IntoIterator<Item = PersonIdx>) -> Vec<PersonIdx> {
    let mut seen = rustc_hash::FxHashSet::default();
    let mut out = Vec::new();
    for p in people {
        work::add(1);
        if seen.insert(p) {
            out.push(p);
        }
    }
    out
}
