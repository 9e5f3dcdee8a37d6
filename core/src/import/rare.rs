//! The six rarest formats, which a build may leave out to stay small.
//!
//! Matrix, Zulip, GitHub, Mastodon and YouTube live chat cost the page's wasm 74,975 bytes
//! gzipped, 10% of it (measured on 2026-12-07: 730,044 B with them, 642,252 B without,
//! docs/PERFORMANCE.md "The rare formats on demand"). Reddit's thread JSON, which people
//! save by hand from an address they edit, joined them later for 8,094 bytes more
//! (653,745 B with it, 645,651 B without: "Reddit on demand, session 12"). Without the `all-formats` feature
//! their readers are never called, so the linker drops them; their detection stays, so a
//! build without them still recognises such a file and says so with
//! [`ImportError::LeftOut`], which the page's import worker answers by loading the build
//! that has them (`www/worker.js`).

use crate::import::error::ImportError;
use crate::import::Format;

/// Whether this build reads the six rarest formats (the `all-formats` feature, on by
/// default; the CLI and every test turn it on, only the page's wasm leaves it off).
pub const READS_RARE_FORMATS: bool = cfg!(feature = "all-formats");

/// The formats [`READS_RARE_FORMATS`] is about, in [`Format::ALL`]'s order.
pub const RARE_FORMATS: [Format; 6] = [
    Format::Reddit,
    Format::Mastodon,
    Format::YouTubeLiveChat,
    Format::GitHub,
    Format::Matrix,
    Format::Zulip,
];

/// Whether this build reads `format`.
pub fn reads(format: Format) -> bool {
    READS_RARE_FORMATS || !RARE_FORMATS.contains(&format)
}

/// The error for `file`, an export in `format`, which this build does not read.
pub(crate) fn left_out(file: &str, format: Format) -> ImportError {
    ImportError::LeftOut {
        file: file.to_string(),
        format,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_formats_are_always_read() {
        for format in Format::ALL {
            let rare = RARE_FORMATS.contains(&format);
            assert_eq!(reads(format), !rare || READS_RARE_FORMATS, "{format:?}");
        }
        assert!(reads(Format::Discord) && reads(Format::Csv));
    }

    /// Runs in a build without the feature:
    /// `cargo test -p peerscope-core --no-default-features --features bundled-sample --lib rare::`.
    #[cfg(not(feature = "all-formats"))]
    #[test]
    fn a_left_out_format_is_detected_and_named_not_read() {
        use crate::import::{import, Input};
        let matrix = br#"{"room_name":"r","room_creator":"@a:b","messages":[{"type":"m.room.message","sender":"@a:b","origin_server_ts":1700000000000,"event_id":"$1","content":{"body":"hi","msgtype":"m.text"}}]}"#;
        let input = Input::new("room.json", matrix.to_vec());
        assert_eq!(crate::import::detect(&input).ok(), Some(Format::Matrix));
        let error = import(&[input], None).err();
        assert_eq!(error, Some(left_out("room.json", Format::Matrix)));
        let lines = br#"{"replayChatItemAction":{"actions":[]}}"#.to_vec();
        let mut dataset = crate::model::Dataset::default();
        let streamed =
            crate::import::read_stream("live_chat.json", &lines[..], None, &mut dataset).err();
        assert_eq!(
            streamed,
            Some(left_out("live_chat.json", Format::YouTubeLiveChat))
        );
    }
}
