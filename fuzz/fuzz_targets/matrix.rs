//! A Matrix room (Element's JSON export, its zip, or `/messages` pages) read as Matrix and
//! analysed.
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    peerscope_fuzz::run("export.json", data, Some(Format::Matrix));
});
