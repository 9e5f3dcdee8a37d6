//! A Reddit thread or morechildren response read as Reddit and analysed.
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    peerscope_fuzz::run("comments.json", data, Some(Format::Reddit));
});
