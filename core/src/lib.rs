//! peerscope's core: is the group around you an **audience** (people connected to you) or
//! a **community** (people connected to each other)?
//!
//! It reads exports of a group's conversations and turns them into one report, in one
//! direction: `import` → `model` → `graph` → `measure` → `advice` → `draw` → `report`.
//! As dependencies the layers run lowest first `model` < `import` < `graph` < `measure` <
//! `advice` < `draw` < `report` (the importers build the model's types): each may use its
//! own layer and those below it, never one above (`core/tests/layers.rs` checks every path
//! outside test code). The whole pipeline is one call:
//!
//! ```
//! use peerscope_core::{analyze, Options};
//! let files = peerscope_core::import::sample::inputs();
//! let analysis = analyze(&files, &Options::default()).expect("the bundled sample reads");
//! assert_eq!(analysis.report.schema, "peerscope.report/3");
//! ```
//!
//! Nothing here knows about the web: this crate has no browser dependency at all, so the
//! web crate (the workspace root) and the CLI (`cli/`) both call [`analyze`] on the same
//! code. The definitions it implements are stated in `docs/METRICS.md`.

// Declared in the order the data flows (blank lines keep rustfmt from sorting them).

/// Export files in, people and messages out: format detection and one reader per format.
pub mod import;

/// People, messages and the report's types (metrics, steps, the schema), plus options,
/// seeded randomness, time and wording helpers every later layer shares. The crate
/// `peerscope-model` (crates/peerscope-model).
pub use peerscope_model as model;

/// Who answered or mentioned whom: interactions, hosts, the scope, the CSR graph; and every
/// measure: reciprocity, density, cores, continuation, the funnel, timeline. The crate
/// `peerscope-analysis` (crates/peerscope-analysis), apart so that the page's wasm can
/// build it for speed and the rest for size (docs/PERFORMANCE.md).
pub use peerscope_analysis::{graph, measure};

/// The verdict (score, label, network type), per-channel scores and the checklist.
pub mod advice;

/// The view model, layout, charts and downloads.
pub mod draw;

/// The whole report assembled, and what uses whole reports (wire, compare, progress).
pub mod report;

pub use import::error::ImportError;
pub use import::Input;
pub use model::options::{Goal, HostChoice, Options, Profile};
pub use model::schema::Report;
pub use report::analyze::{analyze, Analysis};

/// A host named who is nobody in the export, reported as the import error the page and the
/// CLI already word.
impl From<graph::hosts::UnknownHost> for ImportError {
    fn from(unknown: graph::hosts::UnknownHost) -> ImportError {
        ImportError::UnknownHost(unknown.0)
    }
}
