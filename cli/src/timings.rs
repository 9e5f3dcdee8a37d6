//! `--timings`: how long each part of a run took, on standard error, so a benchmark can
//! tell the time to the verdict from the time to the interval, the layout or the output.
//!
//! One line per part, `peerscope: timing <part> <seconds>`, seconds since the run started
//! (three decimals) at the moment the part was done, in the order they were done. The
//! parts: `import` (every file read and parsed), `graph` (the conversation, the graph and
//! the hosts), `metrics` (the metrics and the verdict measured), `verdict` (the report
//! without its interval assembled), `interval` and `trend` (the two bootstraps; they run
//! beside `verdict` on a machine with more than one core, so any of the three may come
//! first), `report` (everything joined), `serialised` (the JSON or the summary written to
//! memory) and `output` (written out).

use std::io::Write;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use peerscope_core::report::analyze::Milestone;

/// The parts reached so far, with when.
pub struct Timings {
    start: Instant,
    reached: Mutex<Vec<(&'static str, Duration)>>,
}

impl Timings {
    /// Starts the clock.
    pub fn start() -> Timings {
        Timings {
            start: Instant::now(),
            reached: Mutex::new(Vec::new()),
        }
    }

    /// Notes that `part` is done now.
    pub fn mark(&self, part: &'static str) {
        let at = self.start.elapsed();
        if let Ok(mut reached) = self.reached.lock() {
            reached.push((part, at));
        }
    }

    /// Notes a milestone of the analysis.
    pub fn milestone(&self, milestone: Milestone) {
        self.mark(name_of(milestone));
    }

    /// The lines `--timings` prints, in the order the parts were done.
    pub fn lines(&self) -> String {
        let reached = match self.reached.lock() {
            Ok(reached) => reached.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        reached
            .iter()
            .map(|(part, at)| format!("peerscope: timing {part} {:.3}\n", at.as_secs_f64()))
            .collect()
    }

    /// Prints [`Timings::lines`] to standard error (a standard error that cannot be
    /// written to is left alone, as the error line is).
    pub fn print(&self) {
        let _ = std::io::stderr().lock().write_all(self.lines().as_bytes());
    }
}

/// The part a milestone ends, as `--timings` names it.
fn name_of(milestone: Milestone) -> &'static str {
    match milestone {
        Milestone::Graph => "graph",
        Milestone::Metrics => "metrics",
        Milestone::Verdict => "verdict",
        Milestone::Layout => "layout",
        Milestone::Interval => "interval",
        Milestone::Trend => "trend",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_each_part_in_the_order_done_with_growing_times() {
        let timings = Timings::start();
        timings.mark("import");
        std::thread::sleep(Duration::from_millis(5));
        timings.milestone(Milestone::Interval);
        let lines = timings.lines();
        let parts: Vec<(&str, f64)> = lines
            .lines()
            .map(|line| {
                let mut words = line.rsplitn(2, ' ');
                let seconds = words.next().unwrap().parse().unwrap();
                (words.next().unwrap(), seconds)
            })
            .collect();
        assert_eq!(parts[0].0, "peerscope: timing import");
        assert_eq!(parts[1].0, "peerscope: timing interval");
        assert!(parts[1].1 >= parts[0].1 + 0.004, "{lines}");
    }
}
