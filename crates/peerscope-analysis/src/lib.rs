//! peerscope's analysis between the import and the verdict: the conversation graph and
//! every measure (docs/METRICS.md §2–§4). `peerscope-core` re-exports both modules as
//! `graph` and `measure`, so its paths read `crate::graph::…` as they did when the code
//! lived there; `graph` sits below `measure` and never uses it (`core/tests/layers.rs`).
//!
//! A crate of its own for one reason: the page's wasm compiles it at opt-level "s" (the
//! rest at "z"), and Cargo's only stable per-code knob is the package (docs/PERFORMANCE.md,
//! "The verdict's hot path at opt-level \"s\", session 12"). It reads the model only and
//! has no web crate.

// The model under the name the core gives it, so the moved files keep their
// `crate::model::…` paths.
use peerscope_model as model;

/// Who answered or mentioned whom: interactions, hosts, the scope, the CSR graph.
pub mod graph;

/// Every measure: reciprocity, density, cores, continuation, the funnel, timeline.
pub mod measure;
