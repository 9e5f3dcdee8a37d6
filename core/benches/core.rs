//! Criterion micro-benchmarks of the core's hot paths, on the bundled sample and on the
//! seeded 10 k- and 100 k-message DiscordChatExporter exports (`benches/gen_discord.py`).
//!
//! ```sh
//! cargo bench -p peerscope-core --bench core     # what `make bench` runs, after generating
//! PEERSCOPE_BENCH_DIR=some/folder cargo bench -p peerscope-core --bench core
//! ```
//!
//! The exports are read from `target/bench/discord-{10k,100k}.json` and
//! `target/bench/replies-1m.csv` (`benches/gen_replies.py`: 1 M replies among 100 k
//! people, the scale peerscope is built for) (or the folder in
//! `PEERSCOPE_BENCH_DIR`); a missing one is skipped with a note, so `cargo bench` works in
//! a fresh clone too. Times are CPU time of the benchmark thread (see `on_cpu`). Each path
//! is timed alone:
//!
//! - `parse`: bytes → dataset (detection, JSON, the model), whole buffer and streamed;
//! - `graph`: dataset → interactions → the conversation graph G (CSR);
//! - `metrics`: every metric of docs/METRICS.md §3–§4 on G (Louvain included);
//! - `funnel`: engaged, 2-core and leaders (betweenness) of §7;
//! - `layout`: the network layout of `core/src/draw/layout.rs`, whole (it has no public step);
//! - `analyze`: the whole pipeline after import, report and layout included;
//! - `report`: the same without the layout (the verdict's first answer);
//! - `interval`: the score's bootstrap interval added to that report (docs/METRICS.md §10;
//!   the CLI runs `report` then this);
//! - `fa2/step`: one ForceAtlas2 iteration on the seeded 10 k-node / 100 k-edge graph that
//!   `benches/fa2_graphology.mjs` builds (same SplitMix64 stream, same starting
//!   positions), with graphology's inferred settings for a graph that size.

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::HashSet;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Bencher, Criterion, Throughput};
use peerscope_core::draw::layout::{layout, ForceAtlas2, Settings};
use peerscope_core::graph::hosts;
use peerscope_core::graph::interactions::Conversation;
use peerscope_core::graph::scope::Scope;
use peerscope_core::import;
use peerscope_core::measure::funnel;
use peerscope_core::measure::{measure, AwayParty};
use peerscope_core::model::random::SplitMix;
use peerscope_core::model::Dataset;
use peerscope_core::report::analyze::{add_interval, analyze_dataset, report_dataset};
use peerscope_core::{import::Input, model::options::Options};

/// Times `f` in CPU seconds of this thread (Linux's schedstat; wall time elsewhere): the
/// machine these run on is small and shared, and the peers (NetworkX, graphology) are
/// measured in CPU time too, so the ratios compare like with like.
fn on_cpu<T>(b: &mut Bencher, mut f: impl FnMut() -> T) {
    b.iter_custom(|iters| {
        let (wall, cpu) = (Instant::now(), thread_cpu());
        for _ in 0..iters {
            black_box(f());
        }
        match (cpu, thread_cpu()) {
            (Some(a), Some(z)) => z.saturating_sub(a),
            _ => wall.elapsed(),
        }
    });
}

/// CPU time this thread has used, when the system says.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// The inputs benchmarked: the bundled sample, and the generated exports that are there.
fn corpora() -> Vec<(String, Vec<Input>)> {
    let mut out = vec![(
        "sample".to_string(),
        peerscope_core::import::sample::inputs(),
    )];
    let dir = std::env::var_os("PEERSCOPE_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench"));
    let generated = [
        ("discord-10k.json", "gen_discord.py --messages 10000"),
        ("discord-100k.json", "gen_discord.py --messages 100000"),
        // The scale target's graph: 1 M replies among 100 k people.
        ("replies-1m.csv", "gen_replies.py"),
    ];
    for (file, how) in generated {
        let path = dir.join(file);
        let name = file.split('.').next().unwrap_or(file).to_string();
        match std::fs::read(&path) {
            Ok(bytes) => out.push((name, vec![Input::new(file, bytes)])),
            Err(e) => eprintln!(
                "skipping {name}: {} ({e}); generate it with `python3 benches/{how} --out {}`",
                path.display(),
                path.display()
            ),
        }
    }
    out
}

fn imported(inputs: &[Input]) -> Dataset {
    match import::import(inputs, None) {
        Ok(data) => data,
        Err(e) => panic!("the benchmark input does not import: {e}"),
    }
}

fn parse(c: &mut Criterion, name: &str, inputs: &[Input]) {
    let bytes: usize = inputs.iter().map(|i| i.bytes.len()).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(format!("{name}/whole"), |b| {
        on_cpu(b, || imported(black_box(inputs)))
    });
    group.bench_function(format!("{name}/streamed"), |b| {
        on_cpu(b, || {
            let mut data = Dataset::default();
            for input in inputs {
                let reader = std::io::BufReader::new(input.bytes.as_slice());
                if let Err(e) = import::read_stream(&input.name, reader, None, &mut data) {
                    panic!("the benchmark input does not stream: {e}");
                }
            }
            data
        })
    });
    group.finish();
}

fn graph_and_metrics(c: &mut Criterion, name: &str, data: &Dataset) {
    c.bench_function(&format!("graph/{name}"), |b| {
        on_cpu(b, || {
            let conv = Conversation::build(black_box(data));
            let nobody = vec![false; data.people.len()];
            let scope = Scope::new(data, &conv, &nobody, |_| true);
            scope.graph.node_count()
        })
    });

    let conv = Conversation::build(data);
    let nobody = vec![false; data.people.len()];
    let whole = Scope::new(data, &conv, &nobody, |_| true);
    let chosen = match hosts::choose(data, &whole.graph, &Options::default().hosts) {
        Ok(h) => h,
        Err(e) => panic!("host detection failed: {e}"),
    };
    let mask = chosen.mask(data.people.len());
    let scope = whole.with_hosts(&mask);
    c.bench_function(&format!("metrics/{name}"), |b| {
        on_cpu(b, || {
            let away = AwayParty::of(black_box(&scope));
            measure(&scope, &away)
        })
    });
    c.bench_function(&format!("funnel/{name}"), |b| {
        on_cpu(b, || funnel::people(black_box(&scope), true).funnel)
    });
    c.bench_function(&format!("layout/{name}"), |b| {
        on_cpu(b, || layout(black_box(&scope.graph.undirected)))
    });
    let options = Options::default();
    c.bench_function(&format!("analyze/{name}"), |b| {
        on_cpu(b, || match analyze_dataset(black_box(data), &options) {
            Ok(a) => a.report.counts.messages,
            Err(e) => panic!("analysis failed: {e}"),
        })
    });
    c.bench_function(&format!("report/{name}"), |b| {
        on_cpu(b, || match report_dataset(black_box(data), &options) {
            Ok(r) => r.counts.messages,
            Err(e) => panic!("analysis failed: {e}"),
        })
    });
    // The score's interval alone (docs/METRICS.md §10), beside `report` above: what the
    // page waits for after the verdict shows.
    let report = match report_dataset(data, &options) {
        Ok(r) => r,
        Err(e) => panic!("analysis failed: {e}"),
    };
    c.bench_function(&format!("interval/{name}"), |b| {
        on_cpu(b, || {
            let mut r = report.clone();
            if let Err(e) = add_interval(black_box(data), &options, &mut r) {
                panic!("interval failed: {e}");
            }
            r.verdict.replicates
        })
    });
}

/// Starting positions, one per node.
type Positions = Vec<(f64, f64)>;
/// `(a, b, weight)` ties.
type Ties = Vec<(u32, u32, f64)>;

/// The graph of `benches/fa2_graphology.mjs`, draw for draw: `nodes` starting positions
/// (two draws each, in 0..1000), then edges until `edges` distinct ones, each with one end
/// uniform and the other, half the time, an end of an earlier edge (preferential).
fn graphology_graph(nodes: usize, edges: usize) -> (Positions, Ties) {
    let mut rng = SplitMix(0x9E37_79B9_7F4A_7C15);
    let positions: Vec<(f64, f64)> = (0..nodes)
        .map(|_| (rng.unit() * 1000.0, rng.unit() * 1000.0))
        .collect();
    let (mut seen, mut ends, mut list) = (HashSet::new(), Vec::new(), Vec::new());
    while list.len() < edges {
        let a = (rng.unit() * nodes as f64) as u32;
        // JavaScript's `&&` short-circuits: no coin is drawn while `ends` is empty
        let b = if !ends.is_empty() && rng.unit() < 0.5 {
            ends[(rng.unit() * ends.len() as f64) as usize]
        } else {
            (rng.unit() * nodes as f64) as u32
        };
        if a != b && seen.insert((a.min(b), a.max(b))) {
            list.push((a, b, 1.0));
            ends.extend([a, b]);
        }
    }
    (positions, list)
}

fn fa2_step(c: &mut Criterion) {
    let (positions, edges) = graphology_graph(10_000, 100_000);
    // What benches/fa2_graphology.mjs draws (first and last edge): the same graph, or stop.
    let ends = |e: Option<&(u32, u32, f64)>| e.map(|&(a, b, _)| (a, b));
    assert_eq!(
        ends(edges.first()),
        Some((3867, 5615)),
        "not graphology's graph"
    );
    assert_eq!(
        ends(edges.last()),
        Some((2955, 9594)),
        "not graphology's graph"
    );
    // graphology's inferSettings for more than 2 000 nodes, and its default theta.
    let settings = Settings {
        scaling: 10.0,
        gravity: 0.05,
        strong_gravity: true,
        theta: 0.5,
        ..Settings::default()
    };
    let mut fa2 = ForceAtlas2::from_positions(positions, &edges, settings);
    c.bench_function("fa2/step 10k nodes 100k edges", |b| {
        on_cpu(b, || fa2.step())
    });
}

fn hot_paths(c: &mut Criterion) {
    fa2_step(c);
    for (name, inputs) in corpora() {
        parse(c, &name, &inputs);
        let data = imported(&inputs);
        graph_and_metrics(c, &name, &data);
    }
}

criterion_group! {
    name = benches;
    // Short runs: the machine is small and shared; the medians are what `make bench` reads.
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = hot_paths
}
criterion_main!(benches);
