//! `peerscope-all-formats`: the import worker of the page (`src/import/in_worker.rs`) built
//! with every format, the six rarest included (core/src/import/rare.rs). The page's own
//! wasm leaves those out; when its worker meets one, `www/worker.js` loads this module in
//! the same worker and hands it the job ([`import::in_worker`]'s `takeOverImportWorker`).

/// The page's import modules the worker needs, from the same source files.
pub mod import;
