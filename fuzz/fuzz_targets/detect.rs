//! Format detection on anything: a name picked by the first byte, the rest as the file,
//! detected and analysed.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (name, body) = peerscope_fuzz::named(data);
    peerscope_fuzz::run(name, body, None);
});
