//! GitHub Discussions pages and REST comments read as GitHub and analysed.
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    peerscope_fuzz::run("comments.json", data, Some(Format::GitHub));
});
