//! Every metric of ANALYSIS.md §3–§4, one family per file, measured on a [`Scope`].

pub mod continuation;
pub mod direction;
pub mod engagement;
pub mod structure;

use crate::hosts::rank_by_reach;
use crate::metric::Metric;
use crate::report::Metrics;
use crate::scope::Scope;

pub use continuation::Continuation;

/// Who the "stop posting" tests take away: the hosts, or, with no host, the most
/// central participant (most distinct people talking to them), as ANALYSIS.md §5 asks.
pub struct AwayParty {
    /// Per person: taken away.
    pub mask: Vec<bool>,
    /// The stand-in's name when there is no host.
    pub stand_in: Option<String>,
}

impl AwayParty {
    pub fn of(scope: &Scope) -> AwayParty {
        let people = scope.data.people.len();
        if scope.hosts_present() {
            return AwayParty {
                mask: scope.is_host.to_vec(),
                stand_in: None,
            };
        }
        let mut mask = vec![false; people];
        let top = rank_by_reach(&scope.graph).first().copied();
        let person = top
            .filter(|t| t.0 > 0)
            .and_then(|t| scope.graph.people.get(t.2 as usize).copied());
        let stand_in = person.map(|p| {
            if let Some(slot) = mask.get_mut(p as usize) {
                *slot = true;
            }
            scope.data.display(p).to_string()
        });
        AwayParty { mask, stand_in }
    }

    /// Per graph node of `scope`: taken away.
    pub fn nodes(&self, scope: &Scope) -> Vec<bool> {
        scope
            .graph
            .people
            .iter()
            .map(|&p| self.mask.get(p as usize).copied().unwrap_or(false))
            .collect()
    }
}

/// All metrics of one scope, plus the day detail behind `continuation`.
pub fn measure(scope: &Scope, away: &AwayParty) -> (Metrics, Option<Continuation>) {
    let g = &scope.graph;
    let answers = engagement::answers(scope);
    let (continuation, detail) = continuation::continuation(scope, &away.mask);
    let metrics = Metrics {
        host_share: structure::host_share(scope),
        centralization: structure::centralization(g),
        in_centralization: structure::directed_centralization(g, true),
        out_centralization: structure::directed_centralization(g, false),
        resilience: structure::resilience(g, &away.nodes(scope)),
        peer_reply_share: direction::peer_reply_share(scope),
        member_initiated_share: direction::member_initiated_share(scope),
        reciprocity: direction::reciprocity(scope),
        active_share: engagement::active_share(scope),
        peer_answer_share: answers.peer_answer_share,
        continuation,
        connect_share: direction::connect_share(scope),
        density: structure::density(g),
        modularity: Metric::unobservable(
            "not computed yet: community detection (Louvain) arrives with the network-type diagnosis",
        ),
        isolate_share: structure::isolate_share(g),
        median_minutes_to_peer_answer: answers.to_peer,
        median_minutes_to_host_answer: answers.to_host,
    };
    (metrics, detail)
}
