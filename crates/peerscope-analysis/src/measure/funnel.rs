//! Funnel and people (docs/METRICS.md §7): audience → engaged → core → leaders.

use crate::model::stable_sort::StableSort;
use crate::model::unstable_sort::UnstableSort;
use rustc_hash::FxHashSet;

use crate::graph::scope::Scope;
use crate::graph::Csr;
use crate::model::quoted::{Quoted, Quoter};
use crate::model::schema::{Bridge, Funnel, Leader};
use crate::model::PersonIdx;

/// Most leaders named.
pub const MAX_LEADERS: usize = 10;
/// Most bridges named.
pub const MAX_BRIDGES: usize = 10;
/// Replies to other members a member needs to be a leader.
pub const MIN_LEADER_REPLIES: u64 = 3;
/// Most work (people × (people + ties) in the member graph: one breadth-first search per
/// source) spent on exact betweenness to break leader ties; about 20 ms natively, 50 ms
/// in the browser. Past it, betweenness is sampled from as many members as this work
/// allows. Measured: at 20 M (counted as people × ties) the exact tie-break of a 100 k-
/// message export (4 954 people) was 29% of the whole CLI run, for a tie-break.
pub const BETWEENNESS_WORK: usize = 2_000_000;
/// Fewest members a sampled betweenness starts from, however big the network.
pub const MIN_BETWEENNESS_SOURCES: usize = 16;
/// Seed of the sampled betweenness, so the same export names the same leaders.
const BETWEENNESS_SEED: u64 = 0xB7EE_2E55_0000_5EED;

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
    let (leaders, leader_order) = if with_leaders {
        leaders(scope, &members)
    } else {
        (Vec::new(), String::new())
    };
    let audience = audience(scope);
    let participants = scope.graph.node_count() as u64;
    let said = audience_why(audience, participants);
    let funnel = Funnel {
        audience,
        reactors: audience.saturating_sub(participants),
        audience_why: said.text,
        audience_quotes: said.quotes,
        engaged: engaged.iter().filter(|&&e| e).count() as u64,
        core: core.iter().filter(|&&c| c).count() as u64,
        // Counted with the checklist's signals, which name these members.
        only_with_hosts: 0,
        bridges: bridges(scope, &members),
        leaders: leaders
            .iter()
            .map(|&(p, replies)| Leader {
                id: scope.data.id_of(p).to_string(),
                name: scope.data.display(p).to_string(),
                peer_replies: replies,
            })
            .collect(),
        leader_order,
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
                id: scope.data.id_of(p).to_string(),
                name: scope.data.display(p).to_string(),
                cuts_off,
            })
        })
        .collect();
    found.stable_sort_by(|a, b| b.cuts_off.cmp(&a.cuts_off).then(a.name.cmp(&b.name)));
    found.truncate(MAX_BRIDGES);
    found
}

/// What the audience stage counts, in the words and numbers the counts use: the people in
/// the conversation (`counts.participants`: everyone who wrote, was answered or was
/// mentioned) plus those who only reacted (`funnel.reactors`).
pub fn audience_why(audience: u64, participants: u64) -> Quoted {
    let mut q = Quoter::default();
    let reactors = audience.saturating_sub(participants);
    let text = if reactors == 0 {
        format!(
            "{} in the audience: the {} people in the conversation; nobody else is known to have reacted.",
            q.count("funnel.audience", audience as f64),
            q.count("counts.participants", participants as f64),
        )
    } else {
        format!(
            "{} in the audience: the {} people in the conversation, and {} who only reacted.",
            q.count("funnel.audience", audience as f64),
            q.count("counts.participants", participants as f64),
            q.count("funnel.reactors", reactors as f64),
        )
    };
    q.say(text)
}

/// Participants plus the non-bot people who reacted to a message in the scope.
fn audience(scope: &Scope) -> u64 {
    let mut everyone: FxHashSet<PersonIdx> = scope.graph.people.iter().copied().collect();
    for &at in scope.messages.iter() {
        for r in scope.message(at).map(|m| &*m.reactions).unwrap_or(&[]) {
            everyone.extend(
                r.reactors
                    .iter()
                    .copied()
                    .filter(|&p| !scope.data.is_bot(p) && !scope.data.is_placeholder(p)),
            );
        }
    }
    everyone.len() as u64
}

/// Whether two of the first `MAX_LEADERS + 1` candidates, by replies, have equal counts.
fn ties_matter(candidates: &[(u32, PersonIdx, u64)]) -> bool {
    let mut counts: Vec<u64> = candidates.iter().map(|c| c.2).collect();
    counts.unstable_sort_by(|a, b| b.cmp(a));
    counts.truncate(MAX_LEADERS + 1);
    counts.windows(2).any(|w| w.first() == w.last())
}

/// Leaders best first with their replies to members, and how equal counts were ordered.
fn leaders(scope: &Scope, members: &Csr) -> (Vec<(PersonIdx, u64)>, String) {
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
    // when a tie decides an order.
    let (betweenness, leader_order) = if ties_matter(&candidates) {
        tie_breaker(members)
    } else {
        (
            Vec::new(),
            "No two leaders gave the same number of replies.".to_string(),
        )
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
    ranked.stable_sort_by(|a, b| b.3.cmp(&a.3).then(b.0.total_cmp(&a.0)).then(a.1.cmp(b.1)));
    let named = ranked
        .into_iter()
        .take(MAX_LEADERS)
        .map(|(_, _, p, r)| (p, r))
        .collect();
    (named, leader_order)
}

/// Betweenness in the member graph, exact when it fits in [`BETWEENNESS_WORK`], else
/// estimated from a seeded sample of members (exact Brandes is O(V·E): on a big server
/// it would freeze the page for a tie-break); with the sentence saying which.
fn tie_breaker(members: &Csr) -> (Vec<f64>, String) {
    tie_breaker_within(members, BETWEENNESS_WORK)
}

/// [`tie_breaker`] with `work` in place of [`BETWEENNESS_WORK`].
fn tie_breaker_within(members: &Csr, work: usize) -> (Vec<f64>, String) {
    let n = members.node_count();
    let per_source = n + members.edge_count();
    if n.saturating_mul(per_source) <= work {
        return (
            members.betweenness(),
            "Equal reply counts were ordered by betweenness in the member network.".to_string(),
        );
    }
    let k = (work / per_source.max(1))
        .max(MIN_BETWEENNESS_SOURCES)
        .min(n);
    (
        members.betweenness_sampled(k, BETWEENNESS_SEED),
        format!(
            "Equal reply counts were ordered by betweenness estimated from {k} of {n} people (a \
             seeded sample: the exact value would take too long on a network this size)."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audience_says_where_reactors_come_in() {
        let said = audience_why(150, 122);
        assert_eq!(
            said.text,
            "150 in the audience: the 122 people in the conversation, and 28 who only reacted."
        );
        let fields: Vec<&str> = said.quotes.iter().map(|q| q.field.as_str()).collect();
        assert_eq!(
            fields,
            ["funnel.audience", "counts.participants", "funnel.reactors"]
        );
        assert!(audience_why(12, 12).text.contains("nobody else"));
    }

    #[test]
    fn small_member_networks_break_ties_exactly() {
        let path = Csr::undirected(4, [(0, 1), (1, 2), (2, 3)].into_iter());
        let (scores, how) = tie_breaker(&path);
        assert_eq!(scores, vec![0.0, 2.0, 2.0, 0.0]);
        assert!(how.contains("betweenness in the member network"), "{how}");
    }

    #[test]
    fn big_member_networks_sample_and_say_so() {
        // a star of 200 leaves: 201 × (201 + 200) > 16 040, so 16 040 / 401 = 40 sources
        let star = Csr::undirected(201, (1..201).map(|v| (0, v)));
        let (scores, how) = tie_breaker_within(&star, 16_040);
        assert!(how.contains("estimated from 40 of 201 people"), "{how}");
        let centre = scores.first().copied().unwrap_or(0.0);
        assert!(scores.iter().skip(1).all(|&s| s < centre));
    }
}
