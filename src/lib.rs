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

pub mod analyze;
pub mod anonymise;
pub mod compare;
pub mod error;
pub mod export;
pub mod funnel;
pub mod graph;
pub mod hosts;
pub mod import;
pub mod interactions;
pub mod layout;
pub mod metric;
pub mod metrics;
pub mod model;
pub mod network_type;
pub mod options;
pub mod playbook;
pub mod random;
pub mod report;
pub mod sample;
pub mod scope;
pub mod spaces;
pub mod timeline;
pub mod verdict;
pub mod view;

#[cfg(feature = "web")]
pub mod ui;

pub use analyze::{analyze, Analysis, Input};
pub use error::ImportError;
pub use options::{Goal, HostChoice, Options, Profile};
pub use report::Report;
