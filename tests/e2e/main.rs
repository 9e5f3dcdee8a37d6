//! End to end: the release build (`dist/`) in headless Chromium, driven through ChromeDriver,
//! checked against the core run in-process on the same bytes. One test binary, one module
//! per part of the page, all on the harness in [`support`] (so fantoccini and tokio are
//! linked once).
//!
//! `make test` runs every module last, after `trunk build --release`:
//!
//! ```text
//! cargo test -p peerscope-web --test e2e -- --ignored --test-threads=1
//! ```
//!
//! and one module by its name, e.g. `cargo test -p peerscope-web --test e2e canvas:: --
//! --ignored --test-threads=1`. The browser tests are `#[ignore]`d only so a plain
//! `cargo test` does not need a browser; when run, a missing `dist/`,
//! `/usr/bin/chromedriver` or `/usr/bin/chromium` (override with the `CHROMEDRIVER` and
//! `CHROMIUM` variables) fails them with a message, never skips them. The page is reached
//! through its stable ids (`#file-input`, `#verdict[data-label]`, `#network[data-nodes]`,
//! `#checklist li`, `#error`, and each module's own), and every wait polls the page until
//! it shows what is expected or a timeout passes; nothing sleeps for a fixed time.
//! One test at a time (`--test-threads=1`): each starts its own ChromeDriver and Chromium,
//! and some measure frame timing.

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![cfg(not(target_arch = "wasm32"))]

mod support;

mod anonymise;
mod api_interval;
mod bad_input;
mod bombs;
mod canvas;
mod charts;
mod embed;
mod evidence;
mod explore;
mod filters;
mod hostile;
mod hostile_exports;
mod import;
mod months;
mod network;
mod phone;
mod phone_tools;
mod progress;
mod rare_formats;
mod readable;
mod resettle;
mod samples;
mod smoke;
mod touch;
mod verdict_first;
mod worker_memory;
mod zips_weighed;
