//! Reading files in the browser: the three ways in, the import worker, limits and progress.

pub mod blob_feed;
pub mod blob_reader;
pub mod drop;
pub mod fallback;
pub mod format;
pub mod import_status;
pub mod importer;
pub mod in_worker;
pub mod input;
pub mod limit;
pub mod loading;
pub mod messages;
pub mod network_wire;
pub mod people_later;
pub mod people_wire;
pub mod read;
pub mod sample;
pub mod unpacked;
pub mod worker;
