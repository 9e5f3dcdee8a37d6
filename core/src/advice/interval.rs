//! How sure the score is (docs/METRICS.md §10): a seeded bootstrap over days or
//! conversations gives a 90% interval, and the interval says whether the label is
//! *confident* or *tentative*.
//!
//! A replicate draws as many units as there are, with replacement, takes each drawn
//! unit's interactions exactly as they were found on the whole export (no re-import, no
//! new inferred replies), rebuilds the graph and recomputes the seven score measures with
//! the same functions and floors as the report, then the score as the verdict computes it.

use crate::advice::verdict;
use crate::graph::scope::Scope;
use crate::graph::units::Units;
use crate::measure::{floors, AwayParty};
use crate::model::random::SplitMix;
use crate::model::schema::{Confidence, Estimate, Label, Unit, Verdict};
use crate::model::shown;
use crate::model::unstable_sort::UnstableSort;

mod halves;
mod resampler;
mod tallies;

pub use halves::in_two_halves;
pub use resampler::Resampler;
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
    let resampler = Resampler::new(scope, away, Units::of(scope));
    let k = resampler.count();
    if k < floors::VERDICT_UNITS {
        return None;
    }
    let replicates = replicates_for(scope.interactions.len());
    let mut scores: Vec<f64> = in_two_halves(
        replicates,
        SplitMix(seed),
        |rng| resampler.skip(rng),
        |rng| resampler.replicate(rng),
    )
    .into_iter()
    .flatten()
    .collect();
    let dropped = replicates - scores.len() as u32;
    let bounds = percentiles(&mut scores)?;
    Some(Interval {
        bounds: [bounds[0].min(point), bounds[1].max(point)],
        replicates,
        dropped,
        estimate: if resampler.structure_draws < k {
            Estimate::Sampled
        } else {
            Estimate::Full
        },
        unit: resampler.units.unit,
    })
}

/// Replicates for a scope of `total` reply and mention interactions: [`REPLICATES`] up
/// to [`FULL_UP_TO`], fewer in proportion past it, never below [`MIN_REPLICATES`].
pub fn replicates_for(total: usize) -> u32 {
    if total <= FULL_UP_TO {
        REPLICATES
    } else {
        (u64::from(REPLICATES) * FULL_UP_TO as u64 / total as u64).max(u64::from(MIN_REPLICATES))
            as u32
    }
}

/// The 5th and 95th percentiles of `scores` (linear between neighbours); `None` when empty.
pub fn percentiles(scores: &mut [f64]) -> Option<[f64; 2]> {
    scores.unstable_sort_by(f64::total_cmp);
    let last = scores.len().checked_sub(1)?;
    let at = |q: f64| {
        let pos = q * last as f64;
        let (below, above) = (pos.floor() as usize, pos.ceil() as usize);
        let (a, b) = (scores.get(below).copied(), scores.get(above).copied());
        a.zip(b).map(|(a, b)| a + (b - a) * (pos - below as f64))
    };
    Some([at(ENDS[0])?, at(ENDS[1])?])
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
    // The headline was written before the interval existed; an interval that reaches past
    // the label must not leave it saying the label flatly.
    verdict.headline = verdict::hedged(&verdict.headline, verdict.label, &verdict.bands);
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
