//! Who "me" is (docs/METRICS.md §2): the user's choice, or detection.

use crate::graph::Graph;
use crate::model::options::HostChoice;
use crate::model::schema::HostInfo;
use crate::model::unstable_sort::UnstableSort;
use crate::model::{Dataset, PersonIdx};

/// A host the person named who is nobody in the export: the name as given. The core
/// reports it as its import error `UnknownHost`, with the sentence the page shows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no one in the export has the id or name \"{0}\"")]
pub struct UnknownHost(pub String);

/// The hosts in use and how they were chosen.
#[derive(Debug, Clone, Default)]
pub struct Hosts {
    pub people: Vec<PersonIdx>,
    pub info: Vec<HostInfo>,
}

impl Hosts {
    /// Per person: one of the hosts.
    pub fn mask(&self, person_count: usize) -> Vec<bool> {
        let mut mask = vec![false; person_count];
        for &p in &self.people {
            if let Some(slot) = mask.get_mut(p as usize) {
                *slot = true;
            }
        }
        mask
    }
}

/// Applies the user's choice, or detects the host on the whole-export graph `g`.
///
/// A named host matches a person's id, account name or display name exactly; every
/// non-bot person that matches is a host. A name that matches nobody is an error.
pub fn choose(data: &Dataset, g: &Graph, choice: &HostChoice) -> Result<Hosts, UnknownHost> {
    match choice {
        HostChoice::None => Ok(Hosts::default()),
        HostChoice::Named(names) => named(data, names),
        HostChoice::Detect => Ok(detect(data, g)),
    }
}

fn named(data: &Dataset, names: &[String]) -> Result<Hosts, UnknownHost> {
    let mut hosts = Hosts::default();
    for wanted in names {
        let matches: Vec<PersonIdx> = (0..data.people.len() as PersonIdx)
            .filter(|&p| {
                data.people.get(p as usize).is_some_and(|person| {
                    !person.is_bot
                        && !person.placeholder
                        && (person.id == *wanted
                            || person.name == *wanted
                            || person.display_name == *wanted)
                })
            })
            .collect();
        if matches.is_empty() {
            return Err(UnknownHost(wanted.clone()));
        }
        for p in matches {
            if !hosts.people.contains(&p) {
                hosts.people.push(p);
                hosts
                    .info
                    .push(info(data, p, false, false, "chosen by you"));
            }
        }
    }
    Ok(hosts)
}

/// How a host the export itself points out is described.
const HINTED: &str = "pointed out by the export itself: owner, staff or the thread's author";

/// Platform hints first; otherwise the participant the most distinct people reply to or
/// mention. The pick is *uncertain* when that count is below twice the runner-up's.
/// Nobody is picked when no one is replied to or mentioned at all.
fn detect(data: &Dataset, g: &Graph) -> Hosts {
    let hinted: Vec<PersonIdx> = data
        .host_hints
        .iter()
        .copied()
        .filter(|&p| !data.is_bot(p) && !data.is_placeholder(p))
        .collect();
    if !hinted.is_empty() {
        let info = hinted
            .iter()
            // The importers' hints differ (a channel's owner, forum staff, a room's
            // creator, a thread's first author): the note names them all.
            .map(|&p| info(data, p, true, false, HINTED))
            .collect();
        return Hosts {
            people: hinted,
            info,
        };
    }
    let ranked = rank_by_reach(g);
    let Some(&(top_reach, _, node)) = ranked.first() else {
        return Hosts::default();
    };
    if top_reach == 0 {
        return Hosts::default();
    }
    let runner_up = ranked.get(1).map_or(0, |r| r.0);
    let uncertain = top_reach < 2 * runner_up;
    let Some(&person) = g.people.get(node as usize) else {
        return Hosts::default();
    };
    let who = if top_reach == 1 {
        "1 person".to_string()
    } else {
        format!("{top_reach} different people")
    };
    let how = format!(
        "detected: {who} replied to or mentioned them{}",
        if uncertain {
            format!(", close to the next person's {runner_up}; please confirm")
        } else {
            String::new()
        }
    );
    Hosts {
        people: vec![person],
        info: vec![info(data, person, true, uncertain, &how)],
    }
}

/// Nodes by distinct in-neighbours, then total interactions received, then node number:
/// `(distinct people, interactions, node)`, best first.
pub fn rank_by_reach(g: &Graph) -> Vec<(usize, u64, u32)> {
    let n = g.node_count();
    // Each (from, to) pair is one arc, so counting arcs into a node counts distinct
    // in-neighbours (a self-tie counts once, as a person who answered themself).
    let mut reach = vec![(0usize, 0u64); n];
    for (&(_, to), &w) in &g.arcs {
        if let Some((people, total)) = reach.get_mut(to as usize) {
            *people += 1;
            *total += u64::from(w);
        }
    }
    let mut ranked: Vec<(usize, u64, u32)> = reach
        .into_iter()
        .enumerate()
        .map(|(v, (people, total))| (people, total, v as u32))
        .collect();
    ranked.unstable_sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    ranked
}

fn info(data: &Dataset, p: PersonIdx, detected: bool, uncertain: bool, how: &str) -> HostInfo {
    HostInfo {
        id: data.id_of(p).to_string(),
        name: data.display(p).to_string(),
        detected,
        uncertain,
        how: how.to_string(),
    }
}
