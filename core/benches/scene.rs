//! Criterion benchmark of the canvas scene's build (`Scene::build`) at the size of the
//! 1 M-message export's network: about 49 000 people and 120 000 ties, seeded, with the
//! skewed degrees and weights of a chat (many people with one tie of weight 1, a few hubs).
//!
//! ```sh
//! cargo bench -p peerscope-core --bench scene
//! ```
//!
//! Times are CPU time of the benchmark thread, as in `benches/core.rs`. The page builds the
//! scene on the main thread whenever the people, the filters or the colours change, so this
//! is one task between two animation frames (issue 18's longest pause).

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};

#[path = "scene/network.rs"]
mod network;

/// Times `f` in CPU seconds of this thread (Linux's schedstat; wall time elsewhere), as
/// `benches/core.rs` does.
fn on_cpu<T>(b: &mut criterion::Bencher, mut f: impl FnMut() -> T) {
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

fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

fn scene_build(c: &mut Criterion) {
    let (network, selection) = network::drawn(network::TIES);
    c.bench_function("scene/build 49k people 120k ties", |b| {
        on_cpu(b, || {
            // The whole of it: the page files the ties in a later task.
            let scene = network::build(&network, &selection);
            scene.file();
            scene
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = scene_build
}
criterion_main!(benches);
