//! A Discourse topic or posts list read as Discourse and analysed.
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    peerscope_fuzz::run("posts.json", data, Some(Format::Discourse));
});
