//! DiscordChatExporter JSON read as Discord, from bytes in memory (the JS API) and
//! streamed (the CLI and the page's worker), then analysed.
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    peerscope_fuzz::run("general.json", data, Some(Format::Discord));
    peerscope_fuzz::run_stream("general.json", data);
});
