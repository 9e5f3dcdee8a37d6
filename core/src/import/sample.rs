//! The bundled sample export the page opens on: a creator's Discord server, written for
//! peerscope (see `www/sample/README.md`), with a handful of regulars who talk to each other
//! and many people who only ever answer the creator.

use crate::import::Input;

/// `(file name, contents)` of every file of the sample, in load order.
pub const FILES: &[(&str, &str)] = &[
    (
        "Maker Corner - general [900000000000000001].json",
        include_str!("../../../www/sample/general.json"),
    ),
    (
        "Maker Corner - show-your-work [900000000000000002].json",
        include_str!("../../../www/sample/show-your-work.json"),
    ),
    (
        "Maker Corner - general - Weekly build log [1329256850230607941].json",
        include_str!("../../../www/sample/weekly-build-log.json"),
    ),
];

/// The sample as analysis inputs.
pub fn inputs() -> Vec<Input> {
    FILES
        .iter()
        .map(|(name, text)| Input::new(*name, text.as_bytes().to_vec()))
        .collect()
}
