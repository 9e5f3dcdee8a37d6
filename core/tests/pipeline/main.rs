//! The analysis after import, one module per concern: the whole pipeline on hand-written
//! fixtures ([`fixtures`]), generated groups of known shape ([`shapes`], [`playbook`] on
//! [`groups`]), the graph measures against NetworkX ([`networkx`]), the charts, share card
//! and metrics CSV ([`charts`]), placeholder and deleted authors ([`placeholders`]), and a
//! 1 M-reply measurement run by hand ([`scale`]), the trend on generated months ([`trend`])
//! and against pandas and scipy ([`trend_reference`]).
//! One binary, so the core is linked once for all of them.
//!
//! ```text
//! cargo test -p peerscope-core --test pipeline
//! ```

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod groups;

mod anonymise;
mod charts;
mod evidence;
mod fixtures;
mod interval;
mod networkx;
mod newcomers;
mod newcomers_reference;
mod placeholders;
mod plan;
mod playbook;
mod quotes;
mod reconcile;
mod scale;
mod shapes;
mod tallies;
mod trend;
mod trend_reference;
