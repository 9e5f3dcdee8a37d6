//! A Zulip file read as Zulip: the first byte picks the name it arrives under, since the
//! export's `realm.json` and shards are told apart by name as well as by content; the
//! zipped export carries both.
#![no_main]

use peerscope_core::import::Format;

/// Names a Zulip file arrives under; `fuzz/seed.py` (`ZULIP_NAMES`) prefixes each seed with
/// its index. Append only: the order is part of every corpus file.
const NAMES: [&str; 5] = [
    "messages.json",
    "realm.json",
    "messages-000001.json",
    "zulip-export.zip",
    "stream_index.json",
];

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (index, body) = match data.split_first() {
        Some((&first, rest)) => (usize::from(first) % NAMES.len(), rest),
        None => (0, data),
    };
    let name = NAMES.get(index).copied().unwrap_or("messages.json");
    peerscope_fuzz::run(name, body, Some(Format::Zulip));
});
