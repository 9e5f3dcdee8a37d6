//! Criterion micro-benchmarks of the core's hot paths, on the bundled sample and on the
//! seeded 10 k- and 100 k-message DiscordChatExporter exports (`benches/gen_discord.py`).
//!
//! ```sh
//! cargo bench --bench core                 # what `make bench` runs, after generating
//! PEERSCOPE_BENCH_DIR=some/folder cargo bench --bench core
//! ```
//!
//! The exports are read from `target/bench/discord-{10k,100k}.json` (or the folder in
//! `PEERSCOPE_BENCH_DIR`); a missing one is skipped with a note, so `cargo bench` works in
//! a fresh clone too. Each path is timed alone:
//!
//! - `parse`: bytes → dataset (detection, JSON, the model), whole buffer and streamed;
//! - `graph`: dataset → interactions → the conversation graph G (CSR);
//! - `metrics`: every metric of ANALYSIS.md §3–§4 on G (Louvain included);
//! - `funnel`: engaged, 2-core and leaders (betweenness) of §7;
//! - `layout`: the network layout of `src/layout.rs`, whole (it has no public step);
//! - `analyze`: the whole pipeline after import, report and layout included.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use peerscope::analyze::analyze_dataset;
use peerscope::funnel;
use peerscope::hosts;
use peerscope::import;
use peerscope::interactions::Conversation;
use peerscope::layout::layout;
use peerscope::metrics::{measure, AwayParty};
use peerscope::model::Dataset;
use peerscope::scope::Scope;
use peerscope::{Input, Options};

/// The inputs benchmarked: the bundled sample, and the generated exports that are there.
fn corpora() -> Vec<(String, Vec<Input>)> {
    let mut out = vec![("sample".to_string(), peerscope::sample::inputs())];
    let dir = std::env::var_os("PEERSCOPE_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench"));
    for (size, messages) in [("10k", 10_000), ("100k", 100_000)] {
        let name = format!("discord-{size}");
        let path = dir.join(format!("{name}.json"));
        match std::fs::read(&path) {
            Ok(bytes) => out.push((
                name.clone(),
                vec![Input::new(format!("{name}.json"), bytes)],
            )),
            Err(e) => eprintln!(
                "skipping {name}: {} ({e}); generate it with \
                 `python3 benches/gen_discord.py --messages {messages} --out {}`",
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
        b.iter(|| imported(black_box(inputs)))
    });
    group.bench_function(format!("{name}/streamed"), |b| {
        b.iter(|| {
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
        b.iter(|| {
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
    let scope = Scope {
        is_host: &mask,
        ..whole
    };
    c.bench_function(&format!("metrics/{name}"), |b| {
        b.iter(|| {
            let away = AwayParty::of(black_box(&scope));
            measure(&scope, &away)
        })
    });
    c.bench_function(&format!("funnel/{name}"), |b| {
        b.iter(|| funnel::people(black_box(&scope), true).funnel)
    });
    c.bench_function(&format!("layout/{name}"), |b| {
        b.iter(|| layout(black_box(&scope.graph.undirected)))
    });
    let options = Options::default();
    c.bench_function(&format!("analyze/{name}"), |b| {
        b.iter(|| match analyze_dataset(black_box(data), &options) {
            Ok(a) => a.report.counts.messages,
            Err(e) => panic!("analysis failed: {e}"),
        })
    });
}

fn hot_paths(c: &mut Criterion) {
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
