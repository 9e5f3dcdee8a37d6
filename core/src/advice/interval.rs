//! How sure the score is (docs/METRICS.md §10): a seeded bootstrap over days or
//! conversations gives a 90% interval, and the interval says whether the label is
//! *confident* or *tentative*.
//!
//! A replicate draws as many units as there are, with replacement, takes each drawn
//! unit's interactions exactly as they were found on the whole export (no re-import, no
//! new inferred replies), rebuilds the graph and recomputes the seven score measures with
//! the same functions and floors as the report, then the score as the verdict computes it.

use crate::advice::verdict::{self, Context};
use crate::graph::scope::Scope;
use crate::graph::units::Units;
use crate::measure::continuation::{self, Day, Days};
use crate::measure::{direction, floors, structure, AwayParty};
use crate::model::metric::Metric;
use crate::model::options::Goal;
use crate::model::random::SplitMix;
use crate::model::schema::{Confidence, Estimate, Label, Metrics, Unit, Verdict};
use crate::model::shown;

mod tallies;

pub use tallies::{Tallies, Tally};

/// Replicates drawn on an export of up to [`FULL_UP_TO`] interactions.
pub const REPLICATES: u32 = 200;
/// Past [`FULL_UP_TO`] interactions, replicates shrink in proportion, never below this.
pub const MIN_REPLICATES: u32 = 50;
/// Reply and mention interactions up to which every replicate is computed in full.
pub const FULL_UP_TO: usize = 20_000;
/// Past this many interactions, the structural measures (resilience, centralization) of
/// a replicate are measured on a sample of its drawn units holding about this many:
/// rebuilding a million-tie graph 50 times would take seconds.
pub const STRUCTURE_SAMPLE: usize = 100_000;
/// The bootstrap's seed: the same export always gives the same interval.
pub const SEED: u64 = 0x5EED_2026_0010;
/// The interval's ends, as shares of the sorted replicate scores (5th and 95th
/// percentiles: a 90% interval).
const ENDS: [f64; 2] = [0.05, 0.95];

/// The bootstrap's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Interval {
    /// `[low, high]`, 0–100 unrounded, always containing the point score.
    pub bounds: [f64; 2],
    /// Replicates drawn (dropped ones included).
    pub replicates: u32,
    /// Replicates whose score was null (too little evidence in the draw), left out.
    pub dropped: u32,
    pub estimate: Estimate,
    pub unit: Unit,
}

/// The 90% interval of `point` (the score of `scope`) from a bootstrap seeded with
/// `seed`; `away` is who the "stop posting" tests took away on the whole export.
///
/// `None` with fewer than 10 units, or when every replicate's score was null.
pub fn bootstrap(scope: &Scope, away: &AwayParty, point: f64, seed: u64) -> Option<Interval> {
    let units = Units::of(scope);
    let k = units.count();
    if k < floors::VERDICT_UNITS {
        return None;
    }
    let total = scope.interactions.len();
    let replicates = if total <= FULL_UP_TO {
        REPLICATES
    } else {
        (u64::from(REPLICATES) * FULL_UP_TO as u64 / total as u64).max(u64::from(MIN_REPLICATES))
            as u32
    };
    // How many of a replicate's draws the structural measures see.
    let structure_draws = if total > STRUCTURE_SAMPLE {
        (k * STRUCTURE_SAMPLE / total).max(floors::VERDICT_UNITS)
    } else {
        k
    };
    let days = match units.unit {
        Unit::Day => continuation::per_day(scope, &away.mask).map(|span| {
            // What each day unit saw; a quiet day saw nothing.
            let seen = |d: &i64| {
                let at = span.active.binary_search_by_key(d, |x| x.0).ok();
                at.and_then(|i| span.active.get(i)).map(|x| x.1)
            };
            units
                .day
                .iter()
                .map(|d| seen(d).unwrap_or_default())
                .collect::<Vec<Day>>()
        }),
        Unit::Conversation => None,
    };
    let roots = direction::roots(scope.conv);
    let tallies = Tallies::of(scope, &units, &roots);
    let mut rng = SplitMix(seed);
    let mut scores = Vec::with_capacity(replicates as usize);
    for _ in 0..replicates {
        let draws: Vec<usize> = (0..k).map(|_| rng.below(k as u64) as usize).collect();
        let sample = draws.get(..structure_draws).unwrap_or(&draws);
        let replicate = Replicate {
            scope,
            units: &units,
            away,
            days: days.as_deref(),
            tallies: &tallies,
        };
        if let Some(score) = replicate.score(&draws, sample) {
            scores.push(score);
        }
    }
    let dropped = replicates - scores.len() as u32;
    let bounds = percentiles(&mut scores)?;
    Some(Interval {
        bounds: [bounds[0].min(point), bounds[1].max(point)],
        replicates,
        dropped,
        estimate: if structure_draws < k {
            Estimate::Sampled
        } else {
            Estimate::Full
        },
        unit: units.unit,
    })
}

/// The 5th and 95th percentiles of `scores` (linear between neighbours); `None` when empty.
fn percentiles(scores: &mut [f64]) -> Option<[f64; 2]> {
    scores.sort_unstable_by(f64::total_cmp);
    let last = scores.len().checked_sub(1)?;
    let at = |q: f64| {
        let pos = q * last as f64;
        let (below, above) = (pos.floor() as usize, pos.ceil() as usize);
        let (a, b) = (scores.get(below).copied(), scores.get(above).copied());
        a.zip(b).map(|(a, b)| a + (b - a) * (pos - below as f64))
    };
    Some([at(ENDS[0])?, at(ENDS[1])?])
}

/// What every replicate reads from the whole export.
struct Replicate<'s, 'a> {
    scope: &'s Scope<'a>,
    units: &'s Units,
    away: &'s AwayParty,
    /// Per day unit: what the continuation test saw that day (day units only).
    days: Option<&'s [Day]>,
    /// The counting measures' counts per unit, found once for every replicate.
    tallies: &'s Tallies,
}

impl Replicate<'_, '_> {
    /// The scope made of the drawn units, each as many times as drawn; with its graph
    /// only when `with_graph`.
    fn gather(&self, draws: &[usize], with_graph: bool) -> Scope<'_> {
        let mut messages = Vec::new();
        let mut interactions = Vec::new();
        for &u in draws {
            if let Some(list) = self.units.messages.get(u) {
                messages.extend_from_slice(list);
            }
            let found = self.units.interactions.get(u).into_iter().flatten();
            interactions.extend(found.filter_map(|&k| self.scope.interactions.get(k)));
        }
        let s = self.scope;
        Scope::of_parts(
            s.data,
            s.conv,
            s.is_host,
            (messages, interactions),
            with_graph,
        )
    }

    /// The replicate's score, `None` when the verdict would be undetermined on it.
    /// `sample` is the part of `draws` the structural measures are measured on.
    fn score(&self, draws: &[usize], sample: &[usize]) -> Option<f64> {
        let counts = self.tallies.sum(draws);
        let shape = self.gather(sample, true);
        // Participants only meet floors of 5 people: past the sample size the sample's
        // count stands for the replicate's (counting a million messages' authors for
        // each replicate would cost more than the measures).
        let participants = shape.graph.node_count();
        let continuation = match self.days {
            Some(days) => day_continuation(days, draws),
            None if sample.len() == draws.len() => {
                continuation::continuation(&shape, &self.away.mask).0
            }
            None => continuation::continuation(&self.gather(draws, false), &self.away.mask).0,
        };
        let not_scored = "not part of the score";
        let none = Metric::unobservable(not_scored);
        let mut metrics = Metrics {
            host_share: counts.host_share(),
            centralization: structure::centralization(&shape.graph),
            resilience: structure::resilience(&shape.graph, &self.away.nodes(&shape)),
            peer_reply_share: counts.peer_reply_share(),
            member_initiated_share: counts.member_initiated_share(),
            continuation,
            connect_share: counts.connect_share(),
            ..Metrics::every(none)
        };
        floors::apply(&mut metrics, participants);
        verdict::score(&Context {
            metrics: &metrics,
            core: 0,
            members: 0,
            goal: Goal::default(),
            stand_in: None,
            days: None,
            interactions: counts.interactions as u64,
            participants: participants as u64,
            units: None,
        })
    }
}

/// `continuation` over drawn days: each draw is a day of its own kind, so a day drawn
/// twice counts twice, on both sides of the ratio.
fn day_continuation(days: &[Day], draws: &[usize]) -> Metric {
    let (mut count, mut exchanges) = (Days::default(), Days::default());
    for day in draws.iter().filter_map(|&d| days.get(d)) {
        if day.host {
            count.host += 1;
            exchanges.host += day.exchanges;
        } else {
            count.silent += 1;
            exchanges.silent += day.exchanges;
        }
    }
    continuation::from_days(count, exchanges).0
}

/// Fills `verdict`'s interval fields from `interval` and decides its confidence.
///
/// `core` and `members` are the funnel's (the core rule of the label). With no interval
/// (`None`) a determined verdict stays `tentative` with the fields empty.
pub fn fill(verdict: &mut Verdict, interval: Option<&Interval>, core: u64, members: u64) {
    let Some(found) = interval.filter(|_| verdict.label != Label::Undetermined) else {
        return;
    };
    let [low, high] = found.bounds;
    let band = |s: f64| verdict::label(Some(s), core, members);
    let bands = bands(band(low), band(high));
    verdict.confidence = if bands == [verdict.label] {
        Confidence::Confident
    } else {
        Confidence::Tentative
    };
    verdict.interval = Some([low, high]);
    verdict.replicates = found.replicates;
    verdict.estimate = Some(found.estimate);
    verdict.unit = Some(found.unit);
    verdict.bands = bands;
}

/// Every label from `low`'s to `high`'s, lowest first. The band of an end is the label
/// its rounded score would get ([`verdict::label`] rounds it), so an *emerging* given by
/// the core rule has its own band below 60.
fn bands(low: Label, high: Label) -> Vec<Label> {
    let order = [Label::Audience, Label::Emerging, Label::Community];
    let rank = |l: Label| order.iter().position(|&o| o == l).unwrap_or(0);
    order
        .get(rank(low)..=rank(high).max(rank(low)))
        .map(<[Label]>::to_vec)
        .unwrap_or_default()
}

/// The interval as people read it: "52 (45–58) · fairly sure" when confident,
/// "52 (45–63) · between emerging and community" when tentative, with the rounded score
/// and ends; `None` while the verdict has no interval.
pub fn in_words(verdict: &Verdict) -> Option<String> {
    let (score, [low, high]) = verdict.score.zip(verdict.interval)?;
    let numbers = format!(
        "{} ({}–{})",
        shown::score_text(Some(score)),
        shown::score_text(Some(low)),
        shown::score_text(Some(high))
    );
    let sure = match (verdict.confidence, verdict.bands.as_slice()) {
        (Confidence::Confident, _) => "fairly sure".to_string(),
        (_, [one]) => format!("probably {}", one.as_str()),
        (_, [first, .., last]) => {
            format!("between {} and {}", first.as_str(), last.as_str())
        }
        (_, []) => "not sure yet".to_string(),
    };
    Some(format!("{numbers} · {sure}"))
}
