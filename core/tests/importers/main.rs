//! Every importer through the public API, one module per format: hand-written fixtures in
//! `tests/fixtures/` whose numbers were worked out by hand, real exports by other people
//! in `../shared/samples/<format>/` (counted by hand too), and detection that takes no
//! other format's file. [`conformance`] runs one table over every samples folder;
//! [`absent`] checks what each format makes of deleted and unknown authors.
//!
//! The tests that read `../shared/samples/` are ignored, with the reason, when it is not
//! in the checkout (`core/build.rs` sets `cfg(samples_absent)`); see [`support`].
//!
//! ```text
//! cargo test -p peerscope-core --test importers
//! ```

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod support;

mod absent;
mod conformance;
mod csv;
mod discord;
mod discourse;
mod github;
mod linear;
mod mastodon;
mod matrix;
mod messenger;
mod reddit;
mod slack;
mod telegram;
mod whatsapp;
mod youtube;
mod youtube_live_chat;
mod zips;
mod zulip;
