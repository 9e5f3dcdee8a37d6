//! A Slack file read as Slack: the name (a day file, `users.json`, a zip…) is picked by the
//! first byte, since Slack reads a file by what its name says it is.
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (name, body) = peerscope_fuzz::named(data);
    peerscope_fuzz::run(name, body, Some(Format::Slack));
});
