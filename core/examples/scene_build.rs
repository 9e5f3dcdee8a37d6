//! Times the canvas scene's build ([`peerscope_core::draw::view::scene::Scene::build`])
//! and the ties' filing after it (`Scene::file`) on the 49 000-person network of
//! `benches/scene.rs`, natively or in wasm (what the page runs), and prints for each the
//! first, the median and the range in milliseconds (wall time).
//!
//! ```sh
//! cargo run --release -p peerscope-core --example scene_build [RUNS] [TIES]
//! cargo build --release -p peerscope-core --example scene_build --target wasm32-wasip1
//! CARGO_PROFILE_RELEASE_OPT_LEVEL=z  (as the page is built), then:
//! node core/examples/scene_build_wasi.mjs target/wasm32-wasip1/release/examples/scene_build.wasm 15 [TIES]
//! ```

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::hint::black_box;
use std::time::Instant;

#[path = "../benches/scene/network.rs"]
mod network;

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(15)
        .max(1);
    let ties: usize = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(network::TIES);
    let (net, selection) = network::drawn(ties);
    // The build and the ties' filing, which the page runs in two tasks (`Scene::file`).
    let (builds, files): (Vec<f64>, Vec<f64>) = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let scene = black_box(network::build(&net, &selection));
            let built = start.elapsed().as_secs_f64() * 1000.0;
            scene.file();
            black_box(&scene);
            (built, start.elapsed().as_secs_f64() * 1000.0 - built)
        })
        .unzip();
    println!("{} people, {ties} ties, {runs} runs:", network::PEOPLE);
    report("scene build", builds);
    report("ties filed", files);
}

/// The first time (which also grows the memory, as the page's one build after a change
/// does), the median and the range, in ms.
fn report(what: &str, mut times: Vec<f64>) {
    let (first, runs) = (times[0], times.len());
    times.sort_by(f64::total_cmp);
    println!(
        "  {what}: first {first:.1} ms, median {:.1} ms, range {:.1}–{:.1} ms",
        times[runs / 2],
        times[0],
        times[runs - 1]
    );
}
