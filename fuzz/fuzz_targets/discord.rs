//! DiscordChatExporter JSON read as Discord, whole (the web page, the CLI up to 256 MB)
//! and streamed (the CLI above), then analysed.
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    peerscope_fuzz::run("general.json", data, Some(Format::Discord));
    peerscope_fuzz::run_stream("general.json", data);
});
