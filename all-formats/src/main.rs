//! The binary Trunk builds into `dist/peerscope-all-formats_bg.wasm`. Nothing runs at
//! start: `www/worker.js` calls the exported `takeOverImportWorker` when it is needed.

// The worker entry lives in the library; naming the crate links it in.
use peerscope_all_formats as _;

fn main() {}
