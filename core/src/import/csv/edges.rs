//! An edge list (`source,target[,weight][,time]`) as messages: one root post per target
//! and channel, and `weight` replies by the source to it, so the core counts each unit
//! of weight as one reply interaction source → target.

use std::collections::{HashMap, HashSet};

use super::{values, Role, Table};
use crate::import::error::ImportError;
use crate::import::plain::excerpt;
use crate::model::{Dataset, Message, Person, PersonIdx};

/// The most replies one file may expand to: a larger sum of weights is refused rather
/// than filling memory.
const MAX_REPLIES: u64 = 2_000_000;

/// One row, read.
struct Edge {
    line: usize,
    source: PersonIdx,
    target: PersonIdx,
    weight: u64,
    time: (i64, bool),
    space: u32,
}

impl Table<'_> {
    /// Reads an edge list; returns the rows read and the channels they fill.
    pub(super) fn edges(&self, dataset: &mut Dataset) -> Result<(u64, Vec<String>), ImportError> {
        let has_time = self.columns.at(Role::Time).is_some();
        let mut edges = Vec::new();
        let mut total = 0u64;
        self.rows.each(|line, row| {
            let text = self.cell(row, Role::Weight);
            let weight = values::weight(text, MAX_REPLIES).ok_or_else(|| {
                let what = format!(
                    "\"{}\" is not a whole number of interactions (0 to {MAX_REPLIES})",
                    excerpt(text)
                );
                self.error(line, Role::Weight, what)
            })?;
            total += weight;
            if total > MAX_REPLIES {
                let what = format!("the weights add up to more than {MAX_REPLIES} interactions");
                return Err(self.error(line, Role::Weight, what));
            }
            edges.push(Edge {
                line,
                source: self.person(line, row, Role::Source, dataset)?,
                target: self.person(line, row, Role::Target, dataset)?,
                weight,
                time: if has_time {
                    self.time(line, row)?
                } else {
                    (0, true)
                },
                space: self.space(row, dataset, false),
            });
            Ok(())
        })?;
        self.expand(&edges, dataset);
        self.explain(has_time, dataset);
        // Each channel once, in order, through a set: 100 000 channels stay linear.
        let (mut spaces, mut named): (Vec<String>, HashSet<String>) = Default::default();
        for e in &edges {
            let space = dataset.spaces.get(e.space as usize);
            if let Some(space) = space.filter(|s| !named.contains(&s.name)) {
                named.insert(space.name.clone());
                spaces.push(space.name.clone());
            }
        }
        Ok((edges.len() as u64, spaces))
    }

    /// The person named in the `role` cell (their id is the name as written).
    fn person(
        &self,
        line: usize,
        row: &::csv::StringRecord,
        role: Role,
        dataset: &mut Dataset,
    ) -> Result<PersonIdx, ImportError> {
        let name = self.cell(row, role);
        if name.is_empty() {
            let what = format!("the cell is empty; every row needs a {}", role.label());
            return Err(self.error(line, role, what));
        }
        Ok(dataset.intern_person(Person::named(name, name)))
    }

    /// Pushes the root posts (dated at the earliest row naming their target) and the
    /// replies.
    fn expand(&self, edges: &[Edge], dataset: &mut Dataset) {
        let mut first: HashMap<(u32, PersonIdx), (i64, bool)> = HashMap::new();
        // A weight of 0 is a pair that never interacted: no post, no reply.
        let edges: Vec<&Edge> = edges.iter().filter(|e| e.weight > 0).collect();
        for e in &edges {
            let at = first.entry((e.space, e.target)).or_insert(e.time);
            if e.time.0 < at.0 {
                *at = e.time;
            }
        }
        let mut rooted: HashSet<(u32, PersonIdx)> = HashSet::new();
        for e in edges {
            let target_id = dataset
                .people
                .get(e.target as usize)
                .map_or("", |p| p.id.as_str());
            let root = format!("edge-root/{target_id}");
            if rooted.insert((e.space, e.target)) {
                let time = first.get(&(e.space, e.target)).copied().unwrap_or(e.time);
                dataset.push_message(edge_message(e, root.clone(), e.target, time, None));
            }
            for k in 0..e.weight {
                let id = format!("{}:{}/{k}", self.file, e.line);
                dataset.push_message(edge_message(e, id, e.source, e.time, Some(root.clone())));
            }
        }
    }

    fn explain(&self, has_time: bool, dataset: &mut Dataset) {
        let file = self.file;
        dataset.warnings.push(format!("{file}: {EDGE_LIST}"));
        if !has_time {
            dataset.warnings.push(format!("{file}: {NO_TIME}"));
        }
    }
}

/// How an edge list becomes messages, as its warning says.
const EDGE_LIST: &str = "this is an edge list: each row counts as `weight` replies (1 when \
    empty) from source to target, and every target gets one post for them to answer, so \
    messages are those posts plus the replies.";

/// The warning for an edge list without times.
const NO_TIME: &str = "the edge list has no time column, so every interaction is dated \
    1970-01-01 and measures over time say nothing.";

fn edge_message(
    e: &Edge,
    id: String,
    author: PersonIdx,
    time: (i64, bool),
    parent: Option<String>,
) -> Message {
    Message::new(e.space, id, author, time.0)
        .with_time_estimated(time.1)
        .with_parent(parent)
}
