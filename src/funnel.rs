//! Funnel and people (ANALYSIS.md §7): audience → engaged → core → leaders.

use std::collections::HashSet;

use crate::graph::Csr;
use crate::model::PersonIdx;
use crate::report::{Bridge, Funnel, Leader};
use crate::scope::Scope;

/// Most leaders named.
pub const MAX_LEADERS: usize = 10;
/// Most bridges named.
pub const MAX_BRIDGES: usize = 10;
/// Replies to other members a member needs to be a leader.
pub const MIN_LEADER_REPLIES: u64 = 3;
/// Most work (people × ties in the member graph) spent on exact betweenness to break
/// leader ties; about 0.2 s natively.
pub const BETWEENNESS_WORK: usize = 20_000_000;

/// The funnel with the people behind each stage.
pub struct People {
    pub funnel: Funnel,
    /// Per graph node: in the 2-core of the member graph.
    pub core: Vec<bool>,
    /// Per graph node: tied to another member.
    pub engaged: Vec<bool>,
    /// Leaders as persons, best first.
    pub leaders: Vec<PersonIdx>,
}

/// audience = participants plus known reactors (non-bots); engaged = members with a tie
/// to another member; core = members in the 2-core of the member-only undirected simple
/// graph; leaders = up to 10 members with ≥ 3 replies to other members, ranked by those
/// replies, then betweenness in the member graph, then name.
///
/// `with_leaders: false` skips naming leaders (per-channel scores need only the core).
pub fn people(scope: &Scope, with_leaders: bool) -> People {
    let member_nodes = scope.member_nodes();
    let members: Csr = scope.graph.undirected_among(&member_nodes);
    let n = scope.graph.node_count() as u32;
    let engaged: Vec<bool> = (0..n).map(|v| members.degree(v) > 0).collect();
    let core = members.k_core(2);
    let leaders = if with_leaders {
        leaders(scope, &members)
    } else {
        Vec::new()
    };
    let funnel = Funnel {
        audience: audience(scope),
        engaged: engaged.iter().filter(|&&e| e).count() as u64,
        core: core.iter().filter(|&&c| c).count() as u64,
        bridges: bridges(scope, &members),
        leaders: leaders
            .iter()
            .map(|&(p, replies)| Leader {
                id: scope
                    .data
                    .people
                    .get(p as usize)
                    .map(|x| x.id.clone())
                    .unwrap_or_default(),
                name: scope.data.display(p).to_string(),
                peer_replies: replies,
            })
            .collect(),
    };
    People {
        funnel,
        core,
        engaged,
        leaders: leaders.iter().map(|l| l.0).collect(),
    }
}

/// Members whose removal splits the member graph, by how many they cut off, then name.
fn bridges(scope: &Scope, members: &Csr) -> Vec<Bridge> {
    let cuts = members.articulation_points();
    let mut found: Vec<Bridge> = cuts
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .filter_map(|(v, &cuts_off)| {
            let p = *scope.graph.people.get(v)?;
            Some(Bridge {
                id: scope
                    .data
                    .people
                    .get(p as usize)
                    .map(|x| x.id.clone())
                    .unwrap_or_default(),
                name: scope.data.display(p).to_string(),
                cuts_off,
            })
        })
        .collect();
    found.sort_by(|a, b| b.cuts_off.cmp(&a.cuts_off).then(a.name.cmp(&b.name)));
    found.truncate(MAX_BRIDGES);
    found
}

fn audience(scope: &Scope) -> u64 {
    let mut everyone: HashSet<PersonIdx> = scope.graph.people.iter().copied().collect();
    for &at in &scope.messages {
        for r in scope
            .message(at)
            .map(|m| m.reactions.as_slice())
            .unwrap_or(&[])
        {
            everyone.extend(
                r.reactors
                    .iter()
                    .copied()
                    .filter(|&p| !scope.data.is_bot(p)),
            );
        }
    }
    everyone.len() as u64
}

/// Whether two of the first `MAX_LEADERS + 1` candidates, by replies, have equal counts.
fn ties_matter(candidates: &[(u32, PersonIdx, u64)]) -> bool {
    let mut counts: Vec<u64> = candidates.iter().map(|c| c.2).collect();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    counts.truncate(MAX_LEADERS + 1);
    counts.windows(2).any(|w| w[0] == w[1])
}

fn leaders(scope: &Scope, members: &Csr) -> Vec<(PersonIdx, u64)> {
    let mut replies = vec![0u64; scope.data.people.len()];
    for i in scope.interactions.iter().filter(|i| i.kind.is_reply()) {
        if scope.member(i.from) && scope.member(i.to) {
            if let Some(r) = replies.get_mut(i.from as usize) {
                *r += 1;
            }
        }
    }
    let candidates: Vec<(u32, PersonIdx, u64)> = scope
        .graph
        .people
        .iter()
        .enumerate()
        .filter_map(|(node, &p)| {
            let r = replies.get(p as usize).copied().unwrap_or(0);
            (r >= MIN_LEADER_REPLIES).then_some((node as u32, p, r))
        })
        .collect();
    // Betweenness only breaks ties between equal reply counts, so it is computed only
    // when a tie decides an order. Exact Brandes is O(V·E): past BETWEENNESS_WORK it would
    // freeze the page for a tie-break, and ties fall back to name order (sampled
    // betweenness arrives with the diagnosis issue's scale work).
    let work = members.node_count().saturating_mul(members.edge_count());
    let betweenness = if ties_matter(&candidates) && work <= BETWEENNESS_WORK {
        members.betweenness()
    } else {
        Vec::new()
    };
    let mut ranked: Vec<(f64, &str, PersonIdx, u64)> = candidates
        .iter()
        .map(|&(node, p, r)| {
            (
                betweenness.get(node as usize).copied().unwrap_or(0.0),
                scope.data.display(p),
                p,
                r,
            )
        })
        .collect();
    ranked.sort_by(|a, b| b.3.cmp(&a.3).then(b.0.total_cmp(&a.0)).then(a.1.cmp(b.1)));
    ranked
        .into_iter()
        .take(MAX_LEADERS)
        .map(|(_, _, p, r)| (p, r))
        .collect()
}
