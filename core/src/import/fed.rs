//! A byte stream that may have to wait for its next bytes: what the streamed walks
//! (`discord_stream.rs`, `telegram/stream.rs`) read through their [`JsonWindow`], so one
//! walk serves a reader that always has bytes (the CLI's files, bytes in memory) and the
//! browser worker's file, whose pieces arrive from asynchronous reads while the pieces
//! before them are parsed.
//!
//! Why the walks are `async fn`s rather than a hand-written state machine fed piece by
//! piece: the compiler writes the state machine (before the object, between its members,
//! inside `messages`, in a value cut by a piece's end), and a reader that is never
//! pending runs it to the end in one poll ([`block_on`]), as the plain loop did.
//! The worker awaits it instead (`src/import/blob_feed.rs`): each piece then ends the
//! call into wasm, so the browser reads the next piece while this one is parsed, and V8,
//! which moves a function to its optimising tier only between calls, tiers the parse up
//! after the first pieces instead of never.
//!
//! [`JsonWindow`]: super::json_window::JsonWindow

use std::future::Future;
use std::io::{self, Read};
use std::pin::{pin, Pin};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use super::error::ImportError;

/// Bytes that come when they come.
pub trait Fed {
    /// Copies the next bytes of the stream into `into` (at most `into.len()`): how many,
    /// 0 at the end (or for an empty `into`); `Pending` while none have arrived, `cx`'s
    /// waker being woken when some have.
    fn poll_read(&mut self, cx: &mut Context<'_>, into: &mut [u8]) -> Poll<io::Result<usize>>;
}

impl<T: Fed + ?Sized> Fed for &mut T {
    fn poll_read(&mut self, cx: &mut Context<'_>, into: &mut [u8]) -> Poll<io::Result<usize>> {
        (**self).poll_read(cx, into)
    }
}

/// A file's walk under way, boxed so that its state machine is compiled once, whether
/// [`block_on`] runs it or the browser worker's task awaits it (each inlined its own
/// copy of the walk otherwise).
pub type Walk<'a> = Pin<Box<dyn Future<Output = Result<(), ImportError>> + 'a>>;

/// A reader whose bytes are always there: a file, bytes in memory. Never pending.
pub struct Ready<R>(pub R);

impl<R: Read> Fed for Ready<R> {
    fn poll_read(&mut self, _: &mut Context<'_>, into: &mut [u8]) -> Poll<io::Result<usize>> {
        Poll::Ready(self.0.read(into))
    }
}

/// Runs `future` to its end on this thread, polling it again whenever it is pending.
///
/// Only for futures over [`Ready`] readers, which are never pending, so one poll does it:
/// a future that waits on something else would spin here until that came.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let waker = Waker::from(Arc::new(NoWake));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
}

/// Reads and drops the next `n` bytes of `reader` (fewer at its end).
pub async fn skip(reader: &mut dyn Fed, n: usize) -> io::Result<()> {
    let mut dropped = [0u8; 16];
    let mut left = n;
    while left > 0 {
        let into = dropped.get_mut(..left.min(16)).unwrap_or_default();
        match std::future::poll_fn(|cx| reader.poll_read(cx, into)).await {
            Ok(0) => break,
            Ok(read) => left = left.saturating_sub(read),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// A waker with nothing to wake: [`block_on`] polls again without being told to.
struct NoWake;

impl Wake for NoWake {
    fn wake(self: Arc<Self>) {}
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Bytes handed out in pieces of the given sizes (in turn), each piece pending once
    /// before it comes: the worker's file, for tests.
    pub(crate) struct Trickle<'a> {
        bytes: &'a [u8],
        pieces: &'a [usize],
        served: usize,
        waited: bool,
        /// Bytes of the current piece not handed out yet.
        left: usize,
    }

    impl<'a> Trickle<'a> {
        pub(crate) fn new(bytes: &'a [u8], pieces: &'a [usize]) -> Self {
            Trickle {
                bytes,
                pieces,
                served: 0,
                waited: false,
                left: 0,
            }
        }
    }

    impl Fed for Trickle<'_> {
        fn poll_read(&mut self, cx: &mut Context<'_>, into: &mut [u8]) -> Poll<io::Result<usize>> {
            if self.left == 0 {
                if !self.waited {
                    self.waited = true;
                    cx.waker().wake_by_ref();
                    return Poll::Pending;
                }
                self.waited = false;
                let size = self.pieces.get(self.served % self.pieces.len().max(1));
                self.left = size.copied().unwrap_or(1).max(1);
            }
            let n = into.len().min(self.left).min(self.bytes.len());
            into[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            self.left -= n;
            self.served += usize::from(self.left == 0);
            Poll::Ready(Ok(n))
        }
    }

    #[test]
    fn a_trickle_hands_out_every_byte_in_its_pieces() {
        let text = b"0123456789";
        let mut trickle = Trickle::new(text, &[3, 1]);
        let mut out = Vec::new();
        let mut pending = 0;
        let waker = Waker::from(Arc::new(NoWake));
        let mut cx = Context::from_waker(&waker);
        loop {
            let mut into = [0u8; 2];
            match trickle.poll_read(&mut cx, &mut into) {
                Poll::Pending => pending += 1,
                Poll::Ready(Ok(0)) => break,
                Poll::Ready(Ok(n)) => out.extend_from_slice(&into[..n]),
                Poll::Ready(Err(e)) => panic!("{e}"),
            }
        }
        assert_eq!(out, text);
        assert!(pending >= 5, "pieces of 3, 1, 3, 1, 2 each waited once");
    }
}
