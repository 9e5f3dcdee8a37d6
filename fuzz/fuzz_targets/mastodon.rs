//! Mastodon JSON read as Mastodon and analysed: the bytes as one file, and, split at the
//! first zero byte, as a context and a status loaded together in both orders (the status
//! takes its stand-in's place, whichever comes first).
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let format = Some(Format::Mastodon);
    peerscope_fuzz::run("context.json", data, format);
    if let Some(at) = data.iter().position(|&b| b == 0) {
        let (context, rest) = data.split_at(at);
        let status = rest.get(1..).unwrap_or_default();
        let files = [("context.json", context), ("status.json", status)];
        peerscope_fuzz::run_files(&files, format);
        peerscope_fuzz::run_files(&[files[1], files[0]], format);
    }
});
