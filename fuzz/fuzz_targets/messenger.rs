//! A Messenger export read as Messenger and analysed.
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    peerscope_fuzz::run("message_1.json", data, Some(Format::Messenger));
});
