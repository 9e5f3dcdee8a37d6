//! A CSV of messages or an edge list read as Csv and analysed.
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    peerscope_fuzz::run("messages.csv", data, Some(Format::Csv));
});
