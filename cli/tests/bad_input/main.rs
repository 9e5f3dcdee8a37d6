//! Bad-input corpus (a file from anyone must end in a report or in one sentence, never in a
//! crash): hostile and broken files through `peerscope_core::report::analyze` and
//! through the `peerscope` binary.
//!
//! Every case must end in one of two ways, never in a panic, a hang or a stack overflow:
//! an error that is one line, starts with the file's name and says what to do (each case
//! names a fragment it expects), or, where the data is usable, a report with the counts the
//! case predicts. The CLI must exit 2 with one line on stderr, or 0 with the JSON report.
//!
//! Inputs are generated here, in memory; the CLI gets them through a per-case temporary
//! folder. The million-participant case is slow in a debug build and is ignored there:
//!
//! ```sh
//! cargo test --release -p peerscope-cli --test bad_input -- --include-ignored
//! ```
//!
//! The cases are grouped by theme in this folder, on a shared harness (the library
//! and the CLI on the same bytes) and shared generators:
//!
//! - `not_text`: nothing there, images, zips of images, damaged zips;
//! - `structure`: JSON cut off, of another shape, or nested 100 000 deep;
//! - `encoding`: bytes that are not UTF-8, UTF-16, mojibake;
//! - `ids_and_times`: duplicate ids, reply cycles, times at and beyond the calendar's edges;
//! - `names`: names that look like markup, turn text around or hide characters;
//! - `size`: 50 MB on one line, ten thousand and a million participants;
//! - `fuzz_found`: every crash input `make fuzz` found, and what each taught.

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod generate;
mod harness;

mod encoding;
mod fuzz_found;
mod ids_and_times;
mod names;
mod not_text;
mod size;
mod structure;
