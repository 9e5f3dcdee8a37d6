//! The worker's side of the page's `src/import/`, compiled from the page crate's own files.
//!
//! Why the same files and not a crate both depend on: the page's worker and this one must
//! speak exactly the same messages ([`messages`](crate::import::messages)) and read exactly
//! the same way ([`in_worker`](crate::import::in_worker)), and those files also serve the
//! page crate, whose other modules (`crate::import::...` paths, Yew components beside them)
//! would have to move with them.
//! Compiling them here under the same module names keeps one copy of every line, and this
//! crate free of Yew: its wasm holds the worker, the core and nothing of the page.

#[path = "../../src/import/blob_feed.rs"]
pub mod blob_feed;
#[path = "../../src/import/blob_reader.rs"]
pub mod blob_reader;
#[path = "../../src/import/in_worker.rs"]
pub mod in_worker;
#[path = "../../src/import/limit.rs"]
pub mod limit;
#[path = "../../src/import/loading.rs"]
pub mod loading;
#[path = "../../src/import/messages.rs"]
pub mod messages;
#[path = "../../src/import/network_wire.rs"]
pub mod network_wire;
#[path = "../../src/import/people_wire.rs"]
pub mod people_wire;
