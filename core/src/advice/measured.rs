//! [`Measured`]: the metrics, funnel, verdict and network type of one scope, the unit the
//! whole report and each channel's own score are built from.

use crate::advice::verdict::{self, judge};
use crate::graph::both::both;
use crate::graph::scope::Scope;
use crate::graph::units::Units;
use crate::measure::first_response::Questions;
use crate::measure::funnel::{self, People};
use crate::measure::network_type;
use crate::measure::newcomers::Figures;
use crate::measure::{measure, AwayParty};
use crate::model::options::Options;
use crate::model::schema::{Metrics, Structure, Verdict};
use crate::model::unstable_sort::UnstableSort;

/// Metrics, funnel and verdict of one scope: what per-space scores reuse.
pub struct Measured {
    pub metrics: Metrics,
    pub people: People,
    pub verdict: Verdict,
    pub structure: Structure,
    /// Louvain community per graph node (what `modularity` measured).
    pub communities: Vec<u32>,
    /// Per graph node: taken away by the "stop posting" tests.
    pub away: Vec<bool>,
    /// Days behind `continuation`: (silent days, host days); `None` when it could not run.
    pub days: Option<(usize, usize)>,
    /// Newcomers and their welcome (docs/METRICS.md §11).
    pub newcomers: Figures,
    /// Member questions and their first replies (docs/METRICS.md §11).
    pub questions: Questions,
}

/// Sizes of the Louvain communities among participants with at least one tie, largest
/// first.
fn community_sizes(scope: &Scope, communities: &[u32]) -> Vec<usize> {
    // Louvain labels are 0.. dense, so a vector indexed by label holds the counts.
    let mut sizes = vec![0usize; communities.len()];
    for (v, &c) in communities.iter().enumerate() {
        if scope.graph.undirected.degree(v as u32) > 0 {
            if let Some(size) = sizes.get_mut(c as usize) {
                *size += 1;
            }
        }
    }
    sizes.retain(|&s| s > 0);
    sizes.unstable_sort_by(|a, b| b.cmp(a));
    sizes
}

impl Measured {
    /// `with_leaders: false` leaves `people.leaders` empty (per-channel scores).
    pub fn of(scope: &Scope, options: &Options, with_leaders: bool) -> Measured {
        let away = AwayParty::of(scope);
        // The funnel reads the scope alone: natively it runs beside the metrics.
        let ((metrics, detail), people) = both(
            || measure(scope, &away),
            || funnel::people(scope, with_leaders),
        );
        let days = detail.continuation.map(|d| (d.silent_days, d.host_days));
        let mut verdict = judge(&verdict::Context {
            metrics: &metrics,
            core: people.funnel.core,
            members: scope.member_count() as u64,
            goal: options.goal,
            stand_in: away.stand_in.as_deref(),
            days,
            interactions: scope.interactions.len() as u64,
            participants: scope.graph.node_count() as u64,
            units: Some(Units::of(scope).count() as u64),
        });
        let structure =
            network_type::classify(&metrics, &community_sizes(scope, &detail.communities));
        verdict.reconcile = verdict::reconcile(verdict.label, structure.kind.as_deref());
        Measured {
            metrics,
            people,
            verdict,
            structure,
            away: away.nodes(scope),
            days,
            communities: detail.communities,
            newcomers: detail.newcomers,
            questions: detail.questions,
        }
    }
}
