//! A picked `File` as the import worker reads it: [`READ_BYTES`] at a time with
//! `FileReaderSync` (synchronous, and allowed only in workers), each slice copied into wasm
//! memory once, straight into the buffer of whoever reads it.
//!
//! Why not `BufReader` over the core's `SlicedReader`, as before: the slice went into the
//! `BufReader`'s 16 MiB buffer and the parse window (`core/src/import/json_window.rs`),
//! asking for about 1 MiB at a time, copied it from there, so every byte of the file
//! crossed wasm memory twice. Here the slice stays a JS `Uint8Array` until it is read, and
//! each read copies its part into the caller's buffer. A byte is copied into wasm memory a
//! second time only where the caller asks to look at bytes without taking them
//! ([`BufRead::fill_buf`]: the importer's look at the file's start, and yt-dlp's lines).
use std::io::{self, BufRead, Read};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{File, FileReaderSync};

/// How many bytes the worker reads from the file at once: 16 MiB.
///
/// Why not the core's 1 MiB [`peerscope_core::import::sliced::SLICE_BYTES`]: each read is
/// a `Blob.slice` read by `FileReaderSync`, a round trip to the browser process with a
/// fixed cost. Reading the 136 MB export took 1.0–1.4 s inside those reads in 1 MiB
/// slices and 0.27–0.50 s in 16 MiB ones; the whole import, about a tenth less
/// (docs/PERFORMANCE.md, "Reading the file in the worker"). Progress still moves every
/// 16 MiB, under a second at the slowest rate measured (28 MB/s).
pub const READ_BYTES: u64 = 16 << 20;

/// How many elements each throw-away JS array [`nudge_collector`] makes (64 KiB of V8's
/// heap with compressed pointers): one such array per MiB read.
const NUDGE_ELEMENTS: u32 = 16_384;

/// A `File` read front to back in slices of at most [`READ_BYTES`], calling `on_slice`
/// with the bytes read from the file so far after every slice.
pub struct BlobReader<'a, P> {
    file: &'a File,
    reader: &'a FileReaderSync,
    size: u64,
    /// Where in the file the next slice starts.
    next: u64,
    /// The slice being read, and how many of its bytes were handed out.
    slice: Option<js_sys::Uint8Array>,
    taken: u32,
    /// Bytes [`BufRead::fill_buf`] copied out of the slice, and how many of them were
    /// consumed; read before the rest of the slice.
    looked: Vec<u8>,
    consumed: usize,
    on_slice: P,
}

impl<'a, P: FnMut(u64)> BlobReader<'a, P> {
    /// A reader at the start of `file`, reading it with `reader`.
    pub fn new(file: &'a File, reader: &'a FileReaderSync, on_slice: P) -> Self {
        BlobReader {
            file,
            reader,
            size: file.size() as u64,
            next: 0,
            slice: None,
            taken: 0,
            looked: Vec::new(),
            consumed: 0,
            on_slice,
        }
    }

    /// The slice's bytes not handed out yet, reading the next slice when it has none
    /// left; `None` at the end of the file.
    fn unread(&mut self) -> io::Result<Option<(js_sys::Uint8Array, u32)>> {
        let left = |slice: &js_sys::Uint8Array, taken: u32| slice.length().saturating_sub(taken);
        match &self.slice {
            Some(slice) if left(slice, self.taken) > 0 => {}
            _ if self.next >= self.size => return Ok(None),
            _ => {
                let end = self.size.min(self.next + READ_BYTES);
                self.slice = Some(self.read_slice(self.next, end)?);
                self.taken = 0;
                self.next = end;
                (self.on_slice)(end);
            }
        }
        Ok(self.slice.clone().map(|slice| {
            let left = left(&slice, self.taken);
            (slice, left)
        }))
    }

    /// Bytes `at..end` of the file, as a fresh JS array.
    fn read_slice(&self, at: u64, end: u64) -> io::Result<js_sys::Uint8Array> {
        let slice = self
            .file
            .slice_with_f64_and_f64(at as f64, end as f64)
            .map_err(unreadable)?;
        let buffer = self
            .reader
            .read_as_array_buffer(&slice)
            .map_err(unreadable)?;
        let bytes = js_sys::Uint8Array::new(&buffer);
        if u64::from(bytes.length()) != end - at {
            return Err(io::Error::other(
                "the file changed size while it was read; choose it again",
            ));
        }
        nudge_collector(bytes.length() as usize);
        Ok(bytes)
    }

    /// Copies the next `into.len()` bytes at most of the slice into `into`; how many.
    fn copy_from_slice(&mut self, into: &mut [u8]) -> io::Result<usize> {
        let Some((slice, left)) = self.unread()? else {
            return Ok(0);
        };
        let n = u32::try_from(into.len()).unwrap_or(u32::MAX).min(left);
        if let Some(into) = into.get_mut(..n as usize) {
            slice.subarray(self.taken, self.taken + n).copy_to(into);
        }
        self.taken += n;
        Ok(n as usize)
    }
}

impl<P: FnMut(u64)> Read for BlobReader<'_, P> {
    /// Reads what [`BufRead::fill_buf`] copied out first, then straight from the slice.
    fn read(&mut self, into: &mut [u8]) -> io::Result<usize> {
        let looked = self.looked.get(self.consumed..).unwrap_or_default();
        if looked.is_empty() {
            return self.copy_from_slice(into);
        }
        let n = looked.len().min(into.len());
        if let (Some(into), Some(from)) = (into.get_mut(..n), looked.get(..n)) {
            into.copy_from_slice(from);
        }
        self.consume(n);
        Ok(n)
    }
}

impl<P: FnMut(u64)> BufRead for BlobReader<'_, P> {
    /// The bytes copied out before and not consumed yet, or else the rest of the slice
    /// (reading the next one when it is done) copied out now; empty at the end.
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.consumed >= self.looked.len() {
            self.looked.clear();
            self.consumed = 0;
            if let Some((_, left)) = self.unread()? {
                let mut looked = std::mem::take(&mut self.looked);
                looked.resize(left as usize, 0);
                let copied = self.copy_from_slice(&mut looked);
                looked.truncate(*copied.as_ref().unwrap_or(&0));
                self.looked = looked;
                copied?;
            }
        }
        Ok(self.looked.get(self.consumed..).unwrap_or_default())
    }

    fn consume(&mut self, n: usize) {
        self.consumed = (self.consumed + n).min(self.looked.len());
    }
}

/// Allocates a little of the JS heap after each slice is read: one 64 KiB array per MiB of
/// the `read` bytes (at least one), so the JS heap grows by as much per byte read as it
/// did with 1 MiB reads, in arrays of the size that was measured.
///
/// Why: the buffers `FileReaderSync` returns live outside V8's heap, and while the import
/// holds the worker in one synchronous call, V8 sees too little allocation on its own heap
/// to collect them (nor does handing the buffer back with `ArrayBuffer.transfer(0)`, which
/// was measured to change nothing). Reading the 1.38 GB export in 1 MiB slices from a plain
/// JS worker, the renderer's private memory peaked at 1 338 MB; with this 64 KiB array
/// after each slice, at 89 MB, the time the same (docs/PERFORMANCE.md, "Big files in the
/// browser").
pub(crate) fn nudge_collector(read: usize) {
    for _ in 0..(read >> 20).max(1) {
        drop(js_sys::Array::new_with_length(NUDGE_ELEMENTS));
    }
}

/// The error for a read the browser refused (this reader's and `blob_feed.rs`'s).
pub(crate) fn unreadable(e: JsValue) -> io::Error {
    let why = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "the browser refused".into());
    io::Error::other(format!(
        "the file changed or went away while it was read: {why}"
    ))
}
