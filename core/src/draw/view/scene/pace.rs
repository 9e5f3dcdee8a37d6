//! How many ties a canvas frame may draw, learnt from how long frames take, so a large
//! network never freezes the page on a slow machine (software WebGL, an old laptop) and is
//! drawn whole on a fast one.
//!
//! A tie costs its length in pixels to fill, and 100 000 of them overlapping across the
//! picture cost about a second per frame in a software renderer. While the picture moves,
//! frames draw the heaviest ties that fit in [`MOVING_MS`]; once it is still, one frame
//! draws up to [`STILL_FRAMES`] times as many (everything, on a GPU). The time a frame
//! took is the gap to the next `requestAnimationFrame` callback: the browser delays that
//! callback until the previous frame is on screen.

/// A moving frame aims at this many milliseconds (40 frames a second, with room to spare
/// under the 30 the view must keep).
pub const MOVING_MS: f64 = 25.0;
/// A still frame may cost this many moving frames (about 75 ms: one short pause when the
/// picture stops, for every tie in view on a fast renderer, under the 100 ms a pause of the
/// page may last; six, 150 ms, was over it when a big network first showed on the 2D canvas).
pub const STILL_FRAMES: f64 = 3.0;
/// A frame on time takes at most this long (a 60 Hz refresh plus slack): its cost is
/// unknown but small, so the budget may grow.
const ON_TIME_MS: f64 = 20.0;
/// The budget grows only after this many frames on time in a row: the browser may show a
/// frame's cost a frame or two late, and one quick gap proves little.
const STREAK: u32 = 3;
/// Gaps are counted as at most this long: a hidden tab's pause is not a frame's cost.
const LONGEST_MS: f64 = 1_000.0;
/// What a new canvas starts with, before any frame was timed.
const FIRST: f64 = 8_000.0;
/// Moving frames always draw at least this many ties (the heaviest), so the network's
/// shape stays readable while it moves.
const LEAST: f64 = 500.0;

/// The learnt budget, in ties per moving frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    budget: f64,
    /// Frames on time in a row since the budget last changed.
    streak: u32,
}

impl Default for Pace {
    fn default() -> Self {
        Pace {
            budget: FIRST,
            streak: 0,
        }
    }
}

impl Pace {
    /// A pace that draws every tie in every frame, whatever it costs: for measuring, with
    /// `?detail=full` in the page's address.
    pub fn unlimited() -> Pace {
        Pace {
            budget: f64::INFINITY,
            streak: 0,
        }
    }

    /// Whether a query string (with or without its `?`) asks for [`Pace::unlimited`].
    pub fn asks_full(query: &str) -> bool {
        query
            .trim_start_matches('?')
            .split('&')
            .any(|pair| pair.eq_ignore_ascii_case("detail=full"))
    }

    /// Learns from a frame that drew `drawn` ties and took `ms` milliseconds until the
    /// next callback: a slow frame cuts the budget at once (to what fits at the pace just
    /// seen, by at most four times), a streak of [`STREAK`] frames on time lets it grow by
    /// a quarter. Frames with no tie and numbers that are not finite teach nothing.
    pub fn learn(&mut self, drawn: usize, ms: f64) {
        if drawn == 0 || !ms.is_finite() || ms <= 0.0 || self.budget.is_infinite() {
            return;
        }
        let (drawn, ms) = (drawn as f64, ms.min(LONGEST_MS));
        // What fits in a moving frame at the pace just seen (fixed costs count against
        // the ties, so this errs low).
        let fits = drawn / ms * MOVING_MS;
        if ms <= ON_TIME_MS {
            self.streak += 1;
            if self.streak >= STREAK {
                self.streak = 0;
                self.budget = self.budget.max(fits).max(drawn * 1.25);
            }
        } else {
            self.streak = 0;
            self.budget = self.budget.min(fits.max(self.budget / 4.0));
        }
        self.budget = self.budget.max(LEAST);
    }

    /// Ties a moving frame may draw, of `total` in view.
    pub fn moving(&self, total: usize) -> usize {
        total.min(self.budget as usize)
    }

    /// Ties a still frame may draw, of `total` in view.
    pub fn still(&self, total: usize) -> usize {
        total.min((self.budget * STILL_FRAMES) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slow_renderer_settles_on_what_fits_in_a_moving_frame() {
        let mut pace = Pace::default();
        // A software renderer: 100 ties a millisecond.
        for _ in 0..30 {
            let drawn = pace.moving(100_000);
            pace.learn(drawn, drawn as f64 / 100.0 + 4.0);
        }
        let settled = pace.moving(100_000);
        assert!((1_000..=2_500).contains(&settled), "{settled}");
        assert_eq!(pace.still(100_000), (pace.budget * STILL_FRAMES) as usize);
        assert!(pace.still(100_000) < 20_000);
    }

    #[test]
    fn a_fast_renderer_grows_to_everything() {
        let mut pace = Pace::default();
        for _ in 0..30 {
            let drawn = pace.still(100_000);
            pace.learn(drawn, 16.7);
        }
        assert_eq!(pace.moving(100_000), 100_000);
        assert_eq!(pace.moving(10), 10, "never more than there are");
    }

    #[test]
    fn the_address_can_ask_for_every_tie() {
        assert!(Pace::asks_full("?renderer=webgl2&detail=full"));
        assert!(!Pace::asks_full("?detail=fuller") && !Pace::asks_full(""));
        let mut full = Pace::unlimited();
        full.learn(100_000, 1_000.0);
        assert_eq!(full.moving(100_000), 100_000);
    }

    #[test]
    fn empty_frames_and_nonsense_teach_nothing_and_long_gaps_cut_by_four_at_most() {
        let mut pace = Pace::default();
        for (drawn, ms) in [(0, 500.0), (10, f64::NAN), (10, -1.0), (10, 0.0)] {
            pace.learn(drawn, ms);
        }
        assert_eq!(pace, Pace::default());
        pace.learn(8_000, 16.0);
        pace.learn(8_000, 16.0);
        assert_eq!(
            pace.moving(100_000),
            8_000,
            "two quick frames are no streak"
        );
        pace.learn(8_000, 60_000.0);
        assert_eq!(
            pace.moving(100_000),
            2_000,
            "a hidden tab's pause cuts by four"
        );
        for _ in 0..10 {
            pace.learn(100, 1_000.0);
        }
        assert_eq!(pace.moving(100_000), LEAST as usize);
    }
}
