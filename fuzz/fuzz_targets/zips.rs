//! Zip archives as a whole: entries, names, packing, sizes and shared payloads built from
//! the fuzzer's bytes (see `peerscope_fuzz::zips`), then detected, or read as Slack or as
//! WhatsApp (the first byte picks), and analysed. Budgets must hold: no abort, no hang.
#![no_main]

use peerscope_core::import::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let format = match first % 3 {
        0 => None,
        1 => Some(Format::Slack),
        _ => Some(Format::WhatsApp),
    };
    let archive = peerscope_fuzz::zips::archive(rest);
    peerscope_fuzz::run("export.zip", &archive, format);
});
