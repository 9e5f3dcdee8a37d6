//! The trend's bootstrap (docs/METRICS.md §11): each replicate resamples the days of
//! every eligible period with replacement, scores each period as the score's own
//! bootstrap does ([`Resampler`]), and takes the Theil–Sen slope of those scores.

use super::slope::theil_sen;
use super::{Slice, MIN_PERIODS, SEED};
use crate::advice::interval::{in_two_halves, percentiles, replicates_for, Resampler};
use crate::graph::units::Units;
use crate::measure::AwayParty;
use crate::model::random::SplitMix;

/// What the replicates found.
pub struct Found {
    /// One slope per replicate that scored at least [`MIN_PERIODS`] periods.
    pub slopes: Vec<f64>,
    /// Per eligible period, in order: the 90% interval of its replicate scores, widened
    /// to hold its own score; `None` when no replicate scored it.
    pub intervals: Vec<Option<[f64; 2]>>,
}

/// Runs the replicates over `eligible`; `total` is the whole export's reply and mention
/// interactions, which sets how many replicates (as for the score's interval).
///
/// A period whose draw is undetermined drops out of that replicate's slope only; a
/// replicate left with fewer than [`MIN_PERIODS`] scored periods gives no slope.
pub(super) fn run(eligible: &[&Slice], total: usize) -> Found {
    let aways: Vec<AwayParty> = eligible.iter().map(|s| AwayParty::of(&s.scope)).collect();
    let resamplers: Vec<Resampler> = eligible
        .iter()
        .zip(&aways)
        .map(|(s, away)| Resampler::new(&s.scope, away, Units::by_day(&s.scope)))
        .collect();
    // Per replicate, each period's score (`None` where its draw was undetermined).
    let drawn = in_two_halves(
        replicates_for(total),
        SplitMix(SEED),
        |rng| resamplers.iter().for_each(|r| r.skip(rng)),
        |rng| -> Vec<Option<f64>> { resamplers.iter().map(|r| r.replicate(rng)).collect() },
    );
    let mut scores: Vec<Vec<f64>> = vec![Vec::new(); eligible.len()];
    let mut slopes = Vec::new();
    for replicate in drawn {
        let mut points = Vec::with_capacity(eligible.len());
        for ((s, y), kept) in eligible.iter().zip(replicate).zip(&mut scores) {
            if let Some(y) = y {
                kept.push(y);
                points.push((s.period.index as f64, y));
            }
        }
        if points.len() >= MIN_PERIODS {
            slopes.extend(theil_sen(&points));
        }
    }
    let intervals = eligible
        .iter()
        .zip(&mut scores)
        .map(|(s, kept)| {
            let [low, high] = percentiles(kept)?;
            let point = s.score()?;
            Some([low.min(point), high.max(point)])
        })
        .collect();
    Found { slopes, intervals }
}
