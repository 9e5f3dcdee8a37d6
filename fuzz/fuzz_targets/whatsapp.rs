//! A WhatsApp chat (text or zip) read as WhatsApp and analysed.
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    peerscope_fuzz::run("chat.txt", data, Some(Format::WhatsApp));
});
