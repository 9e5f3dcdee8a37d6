//! peerscope: is the group around you an **audience** (people connected to you) or a
//! **community** (people connected to each other)?
//!
//! The core reads exports of a group's conversations and turns them into the report of
//! `ANALYSIS.md`, one way: import → model → interactions → graph → metrics → verdict →
//! playbook → report. Nothing here depends on the web; the `web` feature adds the Yew UI
//! in `ui`, and `src/bin/peerscope.rs` is the native CLI on the same entry point,
//! [`analyze`].
//!
//! ```
//! use peerscope::{analyze, Options};
//! let files = peerscope::sample::inputs();
//! let analysis = analyze(&files, &Options::default()).expect("the bundled sample reads");
//! assert_eq!(analysis.report.schema, "peerscope.report/1");
//! ```

// Analysis code never panics on what a file holds: no unwrap, expect or unchecked
// indexing (the few justified exceptions are allowed where they are, with the reason).
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod analyze;
pub mod anonymise;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod charts;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod compare;
pub mod error;
pub mod export;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod funnel;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod graph;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod hosts;
pub mod import;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod interactions;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod layout;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod metric;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod metrics;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod model;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod network_type;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod options;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod playbook;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod progress;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod random;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod report;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod sample;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod scope;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod share_card;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod spaces;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod timeline;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod verdict;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod view;
#[deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub mod wire;

#[cfg(feature = "web")]
pub mod ui;

pub use analyze::{analyze, Analysis, Input};
pub use error::ImportError;
pub use options::{Goal, HostChoice, Options, Profile};
pub use report::Report;
