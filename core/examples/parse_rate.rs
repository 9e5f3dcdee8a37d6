//! How fast the CLI's importer reads an export, for `make bench` (benches/run.py) and for
//! profiling the parser alone.
//!
//! ```sh
//! cargo run --release -p peerscope-core --example parse_rate -- [--whole] [--runs N] FILE
//! ```
//!
//! Reads FILE as the CLI reads it (`import::read_sized`: streamed where the format can
//! stream, else read whole), or with `--whole` as the JS API reads bytes it is handed (the
//! file read whole into memory, then `import::read_input`), `--runs` times (default 1). Prints one JSON line per run: `bytes`, `messages`,
//! `wall_s` and `cpu_s` (this process's user + system time, from /proc; the wall time
//! where /proc is absent) and `mb_per_s` (bytes over CPU seconds, decimal megabytes).

// A measuring tool: a failure ends it with the reason.
#![allow(clippy::expect_used)]

use std::cell::Cell;
use std::time::Instant;

use peerscope_core::import;
use peerscope_core::model::Dataset;

/// CPU seconds this process has used (user + system), when /proc says.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name: state, ppid, ... utime (12th), stime (13th), in ticks.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// One read of `path`; (messages, wall seconds, CPU seconds).
fn one_run(path: &str, whole: bool) -> (u64, f64, f64) {
    let file = std::fs::File::open(path).expect("the file opens");
    let size = file.metadata().expect("the file has a size").len();
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    let mut dataset = Dataset::default();
    let read = if whole {
        let bytes = std::fs::read(path).expect("the file reads");
        import::read_input(&import::Input::new(path, bytes), None, &mut dataset)
    } else {
        import::read_sized(path, size, file, None, &mut dataset, &Cell::new(0))
    };
    if let Err(e) = read {
        eprintln!("{e}");
        std::process::exit(2);
    }
    let wall = wall.elapsed().as_secs_f64();
    let cpu = match (cpu, cpu_seconds()) {
        (Some(a), Some(z)) => z - a,
        _ => wall,
    };
    (dataset.messages.len() as u64, wall, cpu)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut whole, mut runs, mut path) = (false, 1, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--whole" => whole = true,
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            _ => path = Some(arg),
        }
    }
    let path = path.expect("usage: parse_rate [--whole] [--runs N] FILE");
    let bytes = std::fs::metadata(&path).expect("the file exists").len();
    for _ in 0..runs {
        let (messages, wall, cpu) = one_run(&path, whole);
        let rate = bytes as f64 / 1e6 / cpu.max(1e-9);
        println!(
            "{{\"bytes\": {bytes}, \"messages\": {messages}, \"whole\": {whole}, \
             \"wall_s\": {wall:.3}, \"cpu_s\": {cpu:.3}, \"mb_per_s\": {rate:.0}}}"
        );
    }
}
