//! Reading a file in slices: a byte source that can only be read range by range (a browser
//! `Blob` read with `FileReaderSync` inside a worker) becomes a [`std::io::Read`], so the
//! streaming importers ([`super::read_stream_counting`]) parse a 1 GB export without ever
//! holding it whole, and the reader says after every slice how far it got.
//!
//! The plan is plain arithmetic ([`next_slice`]), shared with the page's main-thread
//! fallback, which reads the same slices asynchronously.

use std::io::{self, Read};
use std::ops::Range;

/// How many bytes one slice holds: big enough that the per-slice cost of a browser read
/// (a `Blob.slice` and a copy into wasm memory, tens of microseconds) is noise, small
/// enough that progress moves every few hundred milliseconds of parsing even at wasm speed
/// (a 40 MB export is 40 slices).
pub const SLICE_BYTES: u64 = 1024 * 1024;

/// The next range to read: from `at`, at most `want` bytes (the caller's buffer) and at most
/// `slice` bytes, never past `size`.
///
/// Empty (`at..at`) when `at >= size` (the end), or when `want` or `slice` is 0.
///
/// ```
/// use peerscope_core::import::sliced::next_slice;
/// assert_eq!(next_slice(0, 10, 100, 4), 0..4);
/// assert_eq!(next_slice(8, 10, 100, 4), 8..10);
/// assert_eq!(next_slice(10, 10, 100, 4), 10..10);
/// ```
pub fn next_slice(at: u64, size: u64, want: usize, slice: u64) -> Range<u64> {
    let left = size.saturating_sub(at);
    let take = left.min(slice).min(u64::try_from(want).unwrap_or(u64::MAX));
    at..at + take
}

/// Every slice of a file of `size` bytes, in order, each `slice` bytes but the last.
/// Nothing for an empty file; a `slice` of 0 counts as 1 byte.
pub fn plan(size: u64, slice: u64) -> impl Iterator<Item = Range<u64>> {
    let slice = slice.max(1);
    let mut at = 0;
    std::iter::from_fn(move || {
        let range = next_slice(at, size, usize::MAX, slice);
        at = range.end;
        (!range.is_empty()).then_some(range)
    })
}

/// A byte source read range by range.
pub trait Slices {
    /// The source's size in bytes.
    fn size(&self) -> u64;
    /// Fills `into` with the bytes at `at..at + into.len()` (always inside the source).
    fn read_at(&mut self, at: u64, into: &mut [u8]) -> io::Result<()>;
}

/// A byte slice is a source too (the tests', and any bytes already in memory).
impl Slices for &[u8] {
    fn size(&self) -> u64 {
        self.len() as u64
    }

    fn read_at(&mut self, at: u64, into: &mut [u8]) -> io::Result<()> {
        let start = usize::try_from(at).map_err(io::Error::other)?;
        let part = self
            .get(start..start + into.len())
            .ok_or_else(|| io::Error::other("a slice past the end of the source"))?;
        into.copy_from_slice(part);
        Ok(())
    }
}

/// Reads `source` front to back, at most `slice` bytes per read, calling `on_slice` with
/// the bytes read so far after every read.
pub struct SlicedReader<S, P> {
    source: S,
    at: u64,
    slice: u64,
    on_slice: P,
}

impl<S: Slices, P: FnMut(u64)> SlicedReader<S, P> {
    /// A reader at the start of `source`; `slice` is clamped to at least 1 byte.
    pub fn new(source: S, slice: u64, on_slice: P) -> Self {
        SlicedReader {
            source,
            at: 0,
            slice: slice.max(1),
            on_slice,
        }
    }

    /// Bytes read so far.
    pub fn position(&self) -> u64 {
        self.at
    }
}

impl<S: Slices, P: FnMut(u64)> Read for SlicedReader<S, P> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let range = next_slice(self.at, self.source.size(), buf.len(), self.slice);
        let n = (range.end - range.start) as usize;
        if n == 0 {
            return Ok(0);
        }
        let into = buf
            .get_mut(..n)
            .ok_or_else(|| io::Error::other("a slice longer than the buffer"))?;
        self.source.read_at(range.start, into)?;
        self.at = range.end;
        (self.on_slice)(self.at);
        Ok(n)
    }

    /// Reserves what is left once, so a file read whole (formats that cannot stream) is
    /// copied into wasm memory once, without the doubling a growing `Vec` would cost.
    fn read_to_end(&mut self, buf: &mut Vec<u8>) -> io::Result<usize> {
        let left = usize::try_from(self.source.size().saturating_sub(self.at))
            .map_err(io::Error::other)?;
        buf.try_reserve_exact(left).map_err(io::Error::other)?;
        let start = buf.len();
        buf.resize(start + left, 0);
        let mut filled = start;
        while let Some(rest) = buf.get_mut(filled..).filter(|rest| !rest.is_empty()) {
            match self.read(rest)? {
                0 => break,
                n => filled += n,
            }
        }
        buf.truncate(filled);
        Ok(filled - start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_cover_the_file_once_in_order() {
        let ranges: Vec<_> = plan(10, 4).collect();
        assert_eq!(ranges, vec![0..4, 4..8, 8..10]);
        assert_eq!(plan(8, 4).count(), 2, "no empty slice at an exact end");
        assert_eq!(plan(0, 4).count(), 0, "an empty file has no slice");
        assert_eq!(plan(3, 0).count(), 3, "a zero slice reads byte by byte");
        let big = 5 * SLICE_BYTES + 1;
        let total: u64 = plan(big, SLICE_BYTES).map(|r| r.end - r.start).sum();
        assert_eq!((plan(big, SLICE_BYTES).count(), total), (6, big));
    }

    #[test]
    fn next_slice_respects_buffer_slice_and_end() {
        assert_eq!(next_slice(0, 100, 3, 10), 0..3, "the buffer is smaller");
        assert_eq!(next_slice(95, 100, 64, 10), 95..100, "the end is nearer");
        assert_eq!(next_slice(120, 100, 64, 10), 120..120, "past the end");
        assert_eq!(next_slice(0, 100, 0, 10), 0..0, "no room");
    }

    #[test]
    fn reads_everything_and_reports_each_slice() {
        let data: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let mut seen = Vec::new();
        let mut out = Vec::new();
        let mut reader = SlicedReader::new(data.as_slice(), 300, |at| seen.push(at));
        reader.read_to_end(&mut out).unwrap();
        assert_eq!(reader.position(), 1000);
        assert_eq!(out, data);
        assert_eq!(seen, vec![300, 600, 900, 1000]);
        assert_eq!(out.capacity(), 1000, "reserved once, exactly");
    }

    #[test]
    fn small_reads_never_cross_the_buffer() {
        let data = b"hello, slices".as_slice();
        let mut reader = SlicedReader::new(data, 4, |_| {});
        let mut two = [0u8; 2];
        assert_eq!(reader.read(&mut two).unwrap(), 2);
        assert_eq!(&two, b"he");
        let mut rest = String::new();
        reader.read_to_string(&mut rest).unwrap();
        assert_eq!(rest, "llo, slices");
        assert_eq!(reader.read(&mut two).unwrap(), 0, "the end reads nothing");
    }

    /// The sample, streamed through odd slices (cutting UTF-8 characters and JSON tokens)
    /// and a tiny buffer, reads into the same report as the whole files, and the counter
    /// ends at the files' message count.
    #[test]
    fn streaming_in_slices_reads_what_the_whole_file_reads() {
        use std::cell::Cell;
        let options = crate::model::options::Options::default();
        let inputs = crate::import::sample::inputs();
        let whole = crate::import::import(&inputs, None).unwrap();
        let mut streamed = crate::model::Dataset::default();
        let counted = Cell::new(0);
        let mut reports = Vec::new();
        for input in &inputs {
            let reader = SlicedReader::new(input.bytes.as_slice(), 13, |at| reports.push(at));
            let buffered = io::BufReader::with_capacity(7, reader);
            let name = &input.name;
            crate::import::read_stream_counting(name, buffered, None, &mut streamed, &counted)
                .unwrap();
        }
        let json = |d: &crate::model::Dataset| {
            serde_json::to_string(&crate::report::analyze::report_dataset(d, &options).unwrap())
                .unwrap()
        };
        assert_eq!(json(&streamed), json(&whole));
        let files: u64 = whole.files.iter().map(|f| f.messages).sum();
        assert_eq!(counted.get(), files);
        assert!(reports.windows(2).filter(|w| w[1] < w[0]).count() < inputs.len());
    }

    /// [`crate::import::read_sized`] reads the same whether the size it is told is the
    /// file's or none (a pipe's `u64::MAX`): the same report and the same count.
    #[test]
    fn read_sized_reads_the_same_whole_or_streamed() {
        use std::cell::Cell;
        let inputs = crate::import::sample::inputs();
        let report = |big: bool| {
            let mut dataset = crate::model::Dataset::default();
            let counted = Cell::new(0);
            for input in &inputs {
                let size = if big {
                    u64::MAX
                } else {
                    input.bytes.len() as u64
                };
                let reader = SlicedReader::new(input.bytes.as_slice(), 4096, |_| {});
                crate::import::read_sized(&input.name, size, reader, None, &mut dataset, &counted)
                    .unwrap();
            }
            let options = crate::model::options::Options::default();
            let report = crate::report::analyze::report_dataset(&dataset, &options).unwrap();
            (serde_json::to_string(&report).unwrap(), counted.get())
        };
        let (whole, streamed) = (report(false), report(true));
        assert_eq!(whole, streamed);
        assert!(
            whole.1 > 100,
            "the sample's messages are counted: {}",
            whole.1
        );
    }
}
