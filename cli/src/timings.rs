//! `--timings`: how long each part of a run took, on standard error, so a benchmark can
//! tell the time to the verdict from the time to the interval, the layout or the output.
//!
//! One line per part, `peerscope: timing <part> <seconds> <cpu>`: seconds since the run
//! started (three decimals) at the moment the part was done, and the CPU seconds the whole
//! process (every thread) had used by then (two decimals; read from `/proc/self/stat`,
//! so on Linux only: elsewhere the line ends after `<seconds>`). On a busy machine the
//! CPU column is the steadier one. Lines come in the order the parts were done. The
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
    reached: Mutex<Vec<(&'static str, Duration, Option<f64>)>>,
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
        let cpu = process_cpu_seconds();
        if let Ok(mut reached) = self.reached.lock() {
            reached.push((part, at, cpu));
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
            .map(|(part, at, cpu)| {
                let cpu = cpu.map(|cpu| format!(" {cpu:.2}")).unwrap_or_default();
                format!("peerscope: timing {part} {:.3}{cpu}\n", at.as_secs_f64())
            })
            .collect()
    }

    /// Prints [`Timings::lines`] to standard error (a standard error that cannot be
    /// written to is left alone, as the error line is).
    pub fn print(&self) {
        let _ = std::io::stderr().lock().write_all(self.lines().as_bytes());
    }
}

/// Clock ticks per second in `/proc/self/stat`: `USER_HZ`, 100 on every Linux ABI.
const TICKS_PER_SECOND: f64 = 100.0;

/// User plus system CPU seconds of this process, all threads, so far (to 10 ms); `None`
/// where `/proc/self/stat` cannot be read or parsed (not Linux).
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    cpu_seconds_of(&stat)
}

/// The `utime` and `stime` fields (14th and 15th) of a `/proc/PID/stat` line, in seconds.
/// The command name (2nd field) is in parentheses and may hold spaces, so fields are
/// counted from the last `)`.
fn cpu_seconds_of(stat: &str) -> Option<f64> {
    let (_, after_name) = stat.rsplit_once(')')?;
    let mut fields = after_name.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some((user + system) as f64 / TICKS_PER_SECOND)
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
                let words: Vec<&str> = line.split(' ').collect();
                (words[2], words[3].parse().unwrap())
            })
            .collect();
        assert_eq!(parts[0].0, "import");
        assert_eq!(parts[1].0, "interval");
        assert!(parts[1].1 >= parts[0].1 + 0.004, "{lines}");
    }

    #[test]
    fn reads_the_cpu_fields_after_a_name_with_spaces_and_parentheses() {
        let stat = "4242 (peer scope) x) R 1 2 3 4 5 6 7 8 9 10 250 37 0 0 20 0 3 0";
        assert_eq!(cpu_seconds_of(stat), Some(2.87));
        assert_eq!(cpu_seconds_of("4242 (cut short) R 1 2"), None);
        assert_eq!(cpu_seconds_of("no name at all"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_has_used_some_cpu_and_it_grows() {
        // Spins until the clock has moved two ticks, rather than for a set time: on a
        // loaded machine 60 ms of wall held less than 20 ms of CPU and the test failed.
        // The minute is only a bound on a clock that never moves.
        let before = process_cpu_seconds().unwrap();
        let spin = Instant::now();
        let mut x = 0u64;
        let mut now = before;
        while now < before + 0.02 && spin.elapsed() < Duration::from_secs(60) {
            for _ in 0..100_000 {
                x = std::hint::black_box(x.wrapping_add(1));
            }
            now = process_cpu_seconds().unwrap();
        }
        assert!(now >= before + 0.02, "{before} s → {now} s of CPU");
    }
}
