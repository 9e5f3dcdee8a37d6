//! YouTube live chat read as such, from bytes in memory and through the CLI's streaming
//! reader (yt-dlp's lines stream, a pretty-printed response is read whole), then analysed.
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let name = "video.live_chat.json";
    peerscope_fuzz::run(name, data, Some(Format::YouTubeLiveChat));
    peerscope_fuzz::run_stream_as(name, data, Format::YouTubeLiveChat);
});
