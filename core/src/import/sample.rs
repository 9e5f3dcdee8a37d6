//! The sample export the page opens on: a creator's Discord server, written for peerscope
//! (see `www/sample/README.md`), with a handful of regulars who talk to each other and many
//! people who only ever answer the creator.
//!
//! The page does not carry it in its wasm (it was about 33 KB of it gzipped): Trunk copies
//! `www/sample/` beside the app, and the page fetches [`FILES`] from there when it shows
//! the sample, so the browser caches them. Native code (tests, benchmarks) and the page's
//! own tests compile the files in with the `bundled-sample` feature, on by default.

#[cfg(feature = "bundled-sample")]
use crate::import::Input;

/// `(file name, address relative to the app)` of every file of the sample, in load order.
/// The address is also the file's path under `www/`.
pub const FILES: [(&str, &str); 3] = [
    (
        "Maker Corner - general [900000000000000001].json",
        "sample/general.json",
    ),
    (
        "Maker Corner - show-your-work [900000000000000002].json",
        "sample/show-your-work.json",
    ),
    (
        "Maker Corner - general - Weekly build log [1329256850230607941].json",
        "sample/weekly-build-log.json",
    ),
];

/// The contents of [`FILES`], in the same order.
#[cfg(feature = "bundled-sample")]
const CONTENTS: [&str; 3] = [
    include_str!("../../../www/sample/general.json"),
    include_str!("../../../www/sample/show-your-work.json"),
    include_str!("../../../www/sample/weekly-build-log.json"),
];

/// The sample as analysis inputs, compiled in.
#[cfg(feature = "bundled-sample")]
pub fn inputs() -> Vec<Input> {
    FILES
        .iter()
        .zip(CONTENTS)
        .map(|((name, _), text)| Input::new(*name, text.as_bytes().to_vec()))
        .collect()
}
