//! yt-dlp's info JSON or a Data API page read as YouTube and analysed.
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    peerscope_fuzz::run("video.info.json", data, Some(Format::YouTube));
});
