//! A Telegram Desktop export read as Telegram and analysed.
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    peerscope_fuzz::run("result.json", data, Some(Format::Telegram));
});
