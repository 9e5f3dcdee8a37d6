//! What the page and its import worker say to each other.
//!
//! Messages are plain JS objects made with serde-wasm-bindgen and structured-cloned by
//! `postMessage`. The `File` handles going in pass through as JS objects
//! ([`serde_wasm_bindgen::preserve`]): a `File` clones as a handle, no bytes are copied.
//!
//! The analysis coming out is a plain JS object too (serde-wasm-bindgen on both sides),
//! chosen over bytes for the wasm's size. Measured on a 100 k-message export (4 932 people,
//! 27 421 ties), in the worker and the page at opt-level "z": as an object, 50 ms out and
//! 60–70 ms in; as JSON (1.9 MB), 53 ms out and 82 ms in (natively 3 ms and 10 ms);
//! MessagePack (rmp-serde with named fields, since the report skips absent fields, which
//! bincode and postcard cannot read back) 1.25 MB, natively 2 ms and 3 ms. All are small
//! next to the analysis (0.45–0.7 s), so size decided: reading JSON back compiled serde's
//! struct-as-array paths for every report type and needed serde_json's exact float parser,
//! 21 KB more of gzipped wasm than reading an object, and MessagePack would add a crate.
//! Numbers cross as JS numbers, exactly.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::import::loading::{Loading, Stats};
use peerscope_core::model::options::Options;

/// One request for the worker: import `files` (unless it still holds the import of the
/// same `key` and format) and analyse them with `options`.
#[derive(Debug, Serialize, Deserialize)]
pub struct Job {
    /// The page's request id; every answer carries it.
    pub id: u32,
    /// Which files these are (`crate::app::state::Picked::key`).
    pub key: u32,
    pub options: Options,
    /// The most bytes of these files that may be read whole (a file that will not stream
    /// is refused past it; see [`crate::import::limit::check_whole`]).
    pub max_whole_bytes: u64,
    /// The `File` objects, in the order they were picked.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub files: js_sys::Array,
}

/// What the worker answers.
#[derive(Debug, Serialize, Deserialize)]
pub enum FromWorker {
    /// Initialised: jobs may come.
    Ready,
    /// The worker could not initialise (sent by `www/worker.js`); the page reads on the
    /// main thread instead.
    Unusable { error: String },
    /// How far job `id` is.
    Progress { id: u32, loading: Loading },
    /// Job `id`'s [`peerscope_core::report::analyze::Analysis`] as a JS object (read it
    /// with [`from_js`]), with what it cost. With `network_follows`, its network is empty
    /// and its interval and trend missing: [`FromWorker::Laid`], then [`FromWorker::Interval`] bring
    /// them for the same job; and its participants may then be only the first few, every
    /// one of them in `people` ([`crate::import::people_wire`]; null when there are no
    /// more).
    Done {
        id: u32,
        #[serde(with = "serde_wasm_bindgen::preserve")]
        analysis: JsValue,
        #[serde(with = "serde_wasm_bindgen::preserve")]
        people: JsValue,
        stats: Stats,
        network_follows: bool,
    },
    /// Job `id`'s network, laid out: a [`peerscope_core::draw::view::NetworkView`] as
    /// [`crate::import::network_wire`] writes it (its ties as typed arrays).
    Laid {
        id: u32,
        #[serde(with = "serde_wasm_bindgen::preserve")]
        network: JsValue,
    },
    /// Job `id`'s report with the score's interval and the trend: a
    /// [`peerscope_core::model::schema::Report`] as a JS object.
    Interval {
        id: u32,
        #[serde(with = "serde_wasm_bindgen::preserve")]
        report: JsValue,
    },
    /// Job `id` failed; one sentence naming the file.
    Failed { id: u32, error: String },
}

/// `value` as a JS object, or why not (a sentence for the person).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, String> {
    serde_wasm_bindgen::to_value(value)
        .map_err(|e| format!("the page could not talk to its import worker ({e})."))
}

/// The message in `value`, or why it is not one.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| format!("the page and its import worker misunderstood each other ({e})."))
}
