//! [`in_two_halves`]: a bootstrap's replicates split between two threads with the same
//! draws as one after another, so the interval and the trend are the same wherever they
//! run.
//!
//! Each replicate takes a fixed number of draws from the seeded generator (one per unit
//! of each scope it resamples), so the second half's generator is the first's advanced
//! past the first half's draws: found by drawing them and throwing them away, a few
//! nanoseconds each against the milliseconds a replicate is scored in.

use crate::graph::both::both;
use crate::model::random::SplitMix;

/// Runs `replicate` `count` times on draws from `rng`, results in order, as a loop
/// would: natively the second half beside the first (see [`both`]). `skip` must take
/// exactly the draws one call of `replicate` takes, without doing its work.
pub fn in_two_halves<T: Send>(
    count: u32,
    rng: SplitMix,
    skip: impl Fn(&mut SplitMix),
    replicate: impl Fn(&mut SplitMix) -> T + Sync,
) -> Vec<T> {
    let first_half = count / 2;
    let mut second_rng = rng.clone();
    for _ in 0..first_half {
        skip(&mut second_rng);
    }
    let run = |mut rng: SplitMix, times: u32| -> Vec<T> {
        (0..times).map(|_| replicate(&mut rng)).collect()
    };
    let (mut found, rest) = both(
        || run(rng, first_half),
        || run(second_rng, count - first_half),
    );
    found.extend(rest);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A replicate that draws `draws` numbers and returns them.
    fn drawn(rng: &mut SplitMix, draws: usize) -> Vec<u64> {
        (0..draws).map(|_| rng.below(1000)).collect()
    }

    #[test]
    fn the_same_results_in_the_same_order_as_one_loop() {
        for count in [0, 1, 2, 7, 50] {
            let mut one = SplitMix(42);
            let looped: Vec<Vec<u64>> = (0..count).map(|_| drawn(&mut one, 3)).collect();
            let halves = in_two_halves(
                count,
                SplitMix(42),
                |rng| {
                    drawn(rng, 3);
                },
                |rng| drawn(rng, 3),
            );
            assert_eq!(halves, looped, "{count} replicates");
        }
    }
}
