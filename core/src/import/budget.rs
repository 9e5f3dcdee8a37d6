//! The budgets of an import, in one place: how much a zip may unpack, how many entries it
//! may hold, and how much of one file is read whole. Past any of them the import stops
//! with one sentence naming the file (and the entry), never by running out of memory.
//! docs/LIMITS.md states the same numbers for people.
//!
//! Why these numbers: no real export comes near them (the largest WhatsApp chat text is a
//! few tens of MB; a Slack day file a few MB; a whole Slack export of a large workspace a
//! few GB unpacked), while a zip bomb passes them within its first megabytes. What an entry
//! unpacks to is counted as it is unpacked: the sizes a zip declares are never trusted.

use std::io::{self, Read};

/// The most one zip entry (a chat's text, a day file, `users.json`) may unpack to:
/// 256 MiB. Entries are unpacked one at a time and parsed before the next, so this is the
/// most unpacked text held at once.
pub const MAX_ENTRY_BYTES: u64 = 256 << 20;

/// The most all the entries read from one zip may unpack to together: 2 GiB.
pub const MAX_ZIP_BYTES: u64 = 2 << 30;

/// The most every zip of one drop (one CLI run, one pick or drop on the page) may unpack
/// to together: 4 GiB.
pub const MAX_DROP_UNPACKED_BYTES: u64 = 4 << 30;

/// The most an entry may unpack to per byte it takes in the zip, once past
/// [`RATIO_FROM_BYTES`]: 200. Text deflates 3 to 20 times; deflate's own ceiling is about
/// 1 032, which only crafted or degenerate data (a bomb, a file of one repeated byte)
/// approaches.
pub const MAX_INFLATE_RATIO: u64 = 200;

/// Entries that unpack to at most this many bytes (1 MiB) are never refused for their
/// ratio: a tiny file of repeated bytes compresses far past any ratio and costs nothing.
pub const RATIO_FROM_BYTES: u64 = 1 << 20;

/// The most entries one zip may hold: 1 000 000 (a Slack export holds one per channel and
/// day, so ten years of 250 channels is about as many).
pub const MAX_ZIP_ENTRIES: usize = 1_000_000;

/// The most bytes of one file read whole into memory: 2 GiB. DiscordChatExporter JSON
/// streams and is not held to it; every other format, and every zip, is read whole, and
/// a pipe or a device (`/dev/zero`) has no size to check beforehand, so this stops it.
pub const MAX_WHOLE_FILE_BYTES: u64 = 2 << 30;

/// The most bytes read from a stream in one call (64 KiB).
const CHUNK: usize = 64 << 10;

/// What [`read_at_most`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum Capped {
    /// The whole stream, within the limit.
    Whole(Vec<u8>),
    /// The stream holds more than the limit; what was read is dropped.
    Over,
}

/// Reads `reader` to its end when it holds at most `limit` bytes, never holding more than
/// `limit` plus one chunk. `expected` (a file's size, when known) sizes the first
/// allocation; it is a hint only, capped at `limit`.
///
/// Memory is reserved fallibly, so a stream bigger than the memory left is an error
/// ("out of memory") and not an abort. An empty stream is `Whole` of no bytes.
pub fn read_at_most(mut reader: impl Read, limit: u64, expected: u64) -> io::Result<Capped> {
    let mut bytes: Vec<u8> = Vec::new();
    reserve(
        &mut bytes,
        usize::try_from(expected.min(limit)).unwrap_or(0),
    )?;
    let mut chunk = vec![0u8; CHUNK];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => return Ok(Capped::Whole(bytes)),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if bytes.len() as u64 + n as u64 > limit {
            return Ok(Capped::Over);
        }
        let read = chunk.get(..n).unwrap_or_default();
        if bytes.capacity() - bytes.len() < n {
            // Double, as a Vec does, but never past the limit.
            let target = (bytes.len() * 2).max(bytes.len() + n).max(CHUNK);
            let target = target.min(usize::try_from(limit).unwrap_or(usize::MAX));
            let more = target - bytes.len();
            reserve(&mut bytes, more)?;
        }
        bytes.extend_from_slice(read);
    }
}

/// Reserves room for `more` bytes, or says there is not enough memory.
fn reserve(bytes: &mut Vec<u8>, more: usize) -> io::Result<()> {
    bytes
        .try_reserve_exact(more)
        .map_err(|_| io::Error::new(io::ErrorKind::OutOfMemory, "out of memory"))
}

/// `bytes` as people read sizes: "256 MiB", "2 GiB" (whole binary units, rounded down).
pub fn size_words(bytes: u64) -> String {
    if bytes >= 1 << 30 && bytes % (1 << 30) == 0 {
        format!("{} GiB", bytes >> 30)
    } else if bytes >= 1 << 20 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_within_the_limit_is_read_whole() {
        let data = vec![7u8; 200_000];
        let got = read_at_most(&data[..], 200_000, 0).ok();
        assert_eq!(got, Some(Capped::Whole(data)));
        assert_eq!(
            read_at_most(&b""[..], 0, 10).ok(),
            Some(Capped::Whole(vec![]))
        );
    }

    #[test]
    fn a_stream_past_the_limit_stops_there_without_reading_on() {
        // An endless stream: only the limit ends it.
        let got = read_at_most(io::repeat(0), 1_000_000, u64::MAX).ok();
        assert_eq!(got, Some(Capped::Over));
        let one_over = read_at_most(&[1u8; 11][..], 10, 11).ok();
        assert_eq!(one_over, Some(Capped::Over));
    }

    #[test]
    fn sizes_read_as_words() {
        assert_eq!(size_words(MAX_ENTRY_BYTES), "256 MiB");
        assert_eq!(size_words(MAX_ZIP_BYTES), "2 GiB");
        assert_eq!(size_words(512), "512 bytes");
    }
}
