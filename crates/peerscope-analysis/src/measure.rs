//! Every metric of docs/METRICS.md §3–§4, one family per file, measured on a
//! [`Scope`](crate::graph::scope::Scope).

pub mod absence;
pub mod continuation;
pub mod direction;
pub mod engagement;
pub mod first_response;
pub mod floors;
pub mod funnel;
pub mod louvain;
pub mod movement;
pub mod network_type;
pub mod newcomers;
pub mod periods;
pub mod span;
pub mod structure;
pub mod timeline;
pub mod weighted;

use crate::graph::both::both;
use crate::graph::hosts::rank_by_reach;
use crate::graph::scope::Scope;
use crate::graph::Graph;
use crate::model::metric::Metric;
use crate::model::schema::Metrics;

pub use continuation::Continuation;

/// Who the "stop posting" tests take away: the hosts, or, with no host, the most
/// central participant (most distinct people talking to them), as docs/METRICS.md §5 asks.
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

/// What the metrics were computed from, for the verdict and the network type.
pub struct Detail {
    /// Days behind `continuation`, when observable.
    pub continuation: Option<Continuation>,
    /// Louvain community per graph node.
    pub communities: Vec<u32>,
    /// Newcomers and their welcome (docs/METRICS.md §11).
    pub newcomers: newcomers::Figures,
    /// Member questions and their first replies (docs/METRICS.md §11).
    pub questions: first_response::Questions,
}

/// All metrics of one scope, plus the detail behind them; measures below their floor are
/// marked thin ([`floors::apply`]).
pub fn measure(scope: &Scope, away: &AwayParty) -> (Metrics, Detail) {
    let g = &scope.graph;
    // Louvain and resilience read the graph alone, the largest of the measures on a big
    // export: natively they run beside the rest.
    let (
        (peer_answer_share, (continuation, detail), newcomers, questions),
        (partitioned, resilience),
    ) = both(
        || {
            (
                engagement::peer_answer_share(scope),
                continuation::continuation(scope, &away.mask),
                newcomers::measure(scope),
                first_response::measure(scope),
            )
        },
        || (partition(g), structure::resilience(g, &away.nodes(scope))),
    );
    let (modularity, communities) = partitioned;
    let mut metrics = Metrics {
        host_share: structure::host_share(scope),
        centralization: structure::centralization(g),
        in_centralization: structure::directed_centralization(g, true),
        out_centralization: structure::directed_centralization(g, false),
        resilience,
        peer_reply_share: direction::peer_reply_share(scope),
        member_initiated_share: direction::member_initiated_share(scope),
        reciprocity: direction::reciprocity(scope),
        active_share: engagement::active_share(scope),
        peer_answer_share,
        continuation,
        connect_share: direction::connect_share(scope),
        density: structure::density(g),
        modularity,
        isolate_share: structure::isolate_share(g),
        newcomer_welcome_share: newcomers.welcome_share.clone(),
        peer_welcome_share: newcomers.peer_welcome_share.clone(),
        unanswered_question_share: questions.unanswered_share.clone(),
    };
    floors::apply(&mut metrics, g.node_count());
    let detail = Detail {
        continuation: detail,
        communities,
        newcomers,
        questions,
    };
    (metrics, detail)
}

/// Modularity of the Louvain partition of G's undirected projection, edges weighted by
/// interaction counts (both directions summed), resolution 1, fixed seed.
///
/// Modularity is not a ratio: `num` repeats the value and `den` is 1. Null when nobody
/// is tied to anyone.
pub fn partition(g: &Graph) -> (Metric, Vec<u32>) {
    let ties = g.arcs.iter().map(|(&(a, b), &w)| (a, b, f64::from(w)));
    let weighted = louvain::Weighted::new(g.node_count(), ties);
    let communities = louvain::louvain(&weighted);
    let metric = match louvain::modularity(&weighted, &communities) {
        Some(q) => Metric::observed(q, q, 1.0),
        None => Metric::unobservable(
            "nobody replied to or mentioned anyone, so there are no groups to find",
        ),
    };
    (metric, communities)
}
