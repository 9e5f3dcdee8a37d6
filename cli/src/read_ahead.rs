//! [`ReadAhead`]: a regular file read on a thread of its own, a few MiB ahead of the
//! parser, so that copying the file out of the kernel (about a tenth of the import's CPU
//! on a big export) runs beside parsing instead of before each window of it.
//!
//! Costs one more copy of every byte (the thread's buffer to the parser's window), a
//! memcpy at several GB/s against a parse at well under one, and [`DEPTH`] ×
//! [`CHUNK_BYTES`] of memory.

use std::io::{self, Read};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread;

/// Bytes the reading thread asks the kernel for at a time: the parser's window takes
/// reads of at least 1 MiB (`core/src/import/json_window.rs`).
const CHUNK_BYTES: usize = 1 << 20;

/// Chunks read ahead and not yet taken by the parser (at most this many, 4 MiB).
const DEPTH: usize = 4;

/// A reader that hands out, in order, what a thread reads from `inner` ahead of it.
///
/// Reads end (`Ok(0)`) where `inner` ends; an error of `inner` is returned once, where it
/// happened, and the reader ends after it. Dropping it stops the thread at its next chunk.
pub struct ReadAhead {
    chunks: Receiver<io::Result<Vec<u8>>>,
    /// Emptied chunks sent back to the thread to be filled again.
    spare: SyncSender<Vec<u8>>,
    current: Vec<u8>,
    /// How much of `current` was handed out.
    taken: usize,
}

impl ReadAhead {
    /// Starts reading `inner` on a thread of its own.
    pub fn new(inner: impl Read + Send + 'static) -> ReadAhead {
        let (to_reader, chunks) = mpsc::sync_channel(DEPTH);
        let (spare, spares) = mpsc::sync_channel(DEPTH + 1);
        thread::spawn(move || fill(inner, &to_reader, &spares));
        ReadAhead {
            chunks,
            spare,
            current: Vec::new(),
            taken: 0,
        }
    }
}

/// The thread's loop: fills a chunk (a spare one when there is one), sends it, until
/// `inner` ends or fails or the reader is dropped.
fn fill(
    mut inner: impl Read,
    to_reader: &SyncSender<io::Result<Vec<u8>>>,
    spares: &Receiver<Vec<u8>>,
) {
    loop {
        let mut chunk = spares.try_recv().unwrap_or_default();
        chunk.resize(CHUNK_BYTES, 0);
        let (filled, failed) = read_up_to(&mut inner, &mut chunk);
        chunk.truncate(filled);
        // The bytes before an error first, then the error; the end is the thread stopping.
        if filled > 0 && to_reader.send(Ok(chunk)).is_err() {
            return; // the reader was dropped
        }
        if let Some(e) = failed {
            let _ = to_reader.send(Err(e));
            return;
        }
        if filled == 0 {
            return;
        }
    }
}

/// Reads into `chunk` until it is full, `inner` ends or fails: the bytes read, and the
/// error if it failed.
fn read_up_to(inner: &mut impl Read, chunk: &mut [u8]) -> (usize, Option<io::Error>) {
    let mut filled = 0;
    while let Some(rest) = chunk.get_mut(filled..).filter(|rest| !rest.is_empty()) {
        match inner.read(rest) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return (filled, Some(e)),
        }
    }
    (filled, None)
}

impl Read for ReadAhead {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.taken == self.current.len() {
            let next = match self.chunks.recv() {
                Ok(next) => next?,
                // The thread has stopped: the file ended (or failed, already said).
                Err(_) => return Ok(0),
            };
            let done = std::mem::replace(&mut self.current, next);
            self.taken = 0;
            // A thread that has stopped takes no more spares; the chunk is then dropped.
            let _ = self.spare.try_send(done);
        }
        let left = self.current.get(self.taken..).unwrap_or_default();
        let n = left.len().min(buf.len());
        if let (Some(to), Some(from)) = (buf.get_mut(..n), left.get(..n)) {
            to.copy_from_slice(from);
        }
        self.taken += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives `bytes` a few at a time, then fails once if `fails`.
    struct Trickle {
        bytes: Vec<u8>,
        at: usize,
        fails: bool,
    }

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(7).min(self.bytes.len() - self.at);
            if n == 0 && self.fails {
                self.fails = false;
                return Err(io::Error::other("the disk went away"));
            }
            buf[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    fn bytes(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 31 % 251) as u8).collect()
    }

    #[test]
    fn hands_out_every_byte_in_order_across_chunks() {
        for len in [0, 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 12_345] {
            let source = bytes(len);
            let inner = Trickle {
                bytes: source.clone(),
                at: 0,
                fails: false,
            };
            let mut read = Vec::new();
            ReadAhead::new(inner).read_to_end(&mut read).unwrap();
            assert_eq!(read, source, "{len} bytes");
        }
    }

    #[test]
    fn an_error_is_returned_after_the_bytes_before_it() {
        let source = bytes(CHUNK_BYTES + 5);
        let inner = Trickle {
            bytes: source.clone(),
            at: 0,
            fails: true,
        };
        let mut ahead = ReadAhead::new(inner);
        let mut read = vec![0; source.len()];
        ahead.read_exact(&mut read).unwrap();
        assert_eq!(read, source);
        let failed = ahead.read(&mut [0; 8]).unwrap_err();
        assert_eq!(failed.to_string(), "the disk went away");
        assert_eq!(ahead.read(&mut [0; 8]).unwrap(), 0);
    }
}
