//! A picked `File` fed to the core's streamed importer (`peerscope_core::import::fed`) as
//! its pieces arrive: each piece is read with `Blob.arrayBuffer()`, which does not block,
//! and the next one is asked for as soon as the parse starts on this one, so the browser
//! reads while wasm parses. Only DiscordChatExporter and Telegram chat exports are read
//! so (`import::feeds`); every other format goes through [`super::blob_reader`]. In the
//! import worker the pieces come from its reader worker (`www/reader.js`, [`read_piece`]),
//! which takes the delivery of the bytes off the parsing thread.
//!
//! Why not `FileReaderSync` as [`super::blob_reader`] does: the worker then sat in one
//! synchronous call for the whole import, waiting on each 16 MiB read with nothing to
//! parse, and V8, which moves a wasm function to its optimising tier only when it is
//! called again, ran the parse on its baseline tier to the end (docs/PERFORMANCE.md,
//! "Fed import in the worker, session 11"). Awaiting each piece ends the call into wasm
//! once a piece, so the parse is tiered up after the first few.
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use peerscope_core::import::fed::Fed;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use crate::import::blob_reader::{nudge_collector, unreadable};

/// The first piece: the file's first MiB, as much as the CLI's reader shows the importer
/// to tell the format, and small so that the parse starts soon.
const FIRST_PIECE: u64 = 1 << 20;

/// Every later piece. Each read is a round trip to the browser process with a fixed cost
/// (docs/PERFORMANCE.md, "Reading the file in the worker"); each piece is also one call
/// into wasm, and V8 tiers the parse up only between calls.
pub const PIECE_BYTES: u64 = 8 << 20;

/// A read under way: the file's bytes up to `end`, `len` of them.
struct Ahead {
    read: Result<JsFuture, JsValue>,
    end: u64,
    len: u64,
}

/// A `File` read front to back in pieces, one read always under way ahead of the parse,
/// calling `on_piece` with the bytes read from the file so far after every piece.
pub struct BlobFeed<'a, P> {
    file: &'a File,
    size: u64,
    /// Where in the file the next read starts.
    next: u64,
    ahead: Option<Ahead>,
    /// The piece being parsed, and how many of its bytes were handed out.
    piece: Option<js_sys::Uint8Array>,
    taken: u32,
    on_piece: P,
}

impl<'a, P: FnMut(u64)> BlobFeed<'a, P> {
    /// A feed at the start of `file`, its first piece asked for at once.
    pub fn new(file: &'a File, on_piece: P) -> Self {
        let mut feed = BlobFeed {
            file,
            size: file.size() as u64,
            next: 0,
            ahead: None,
            piece: None,
            taken: 0,
            on_piece,
        };
        feed.read_ahead();
        feed
    }

    /// A copy of the file's first bytes (its first piece, up to [`FIRST_PIECE`]), which
    /// the feed still hands out; empty for an empty file.
    pub async fn head(&mut self) -> io::Result<Vec<u8>> {
        std::future::poll_fn(|cx| self.poll_piece(cx)).await?;
        Ok(match &self.piece {
            Some(piece) => piece.subarray(self.taken, piece.length()).to_vec(),
            None => Vec::new(),
        })
    }

    /// Asks the browser for the next piece, unless the file is read to its end.
    fn read_ahead(&mut self) {
        if self.ahead.is_some() || self.next >= self.size {
            return;
        }
        let piece = if self.next == 0 {
            FIRST_PIECE
        } else {
            PIECE_BYTES
        };
        let end = self.size.min(self.next + piece);
        let read = read_piece(self.file, self.next, end);
        let len = end - self.next;
        self.ahead = Some(Ahead { read, end, len });
        self.next = end;
    }

    /// Makes sure the piece has bytes not handed out, waiting for the read under way when
    /// it has none; `false` at the end of the file.
    fn poll_piece(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<bool>> {
        if let Some(piece) = &self.piece {
            if self.taken < piece.length() {
                return Poll::Ready(Ok(true));
            }
        }
        let Some(ahead) = &mut self.ahead else {
            return Poll::Ready(Ok(false));
        };
        let buffer = match &mut ahead.read {
            Ok(read) => ready!(Pin::new(read).poll(cx)),
            Err(e) => Err(e.clone()),
        };
        let (end, len) = (ahead.end, ahead.len);
        self.ahead = None;
        let bytes = js_sys::Uint8Array::new(&buffer.map_err(unreadable)?);
        if u64::from(bytes.length()) != len {
            return Poll::Ready(Err(io::Error::other(
                "the file changed size while it was read; choose it again",
            )));
        }
        // The piece before is let go here, for the collector to take.
        self.piece = Some(bytes);
        self.taken = 0;
        nudge_collector(len as usize);
        (self.on_piece)(end);
        Poll::Ready(Ok(true))
    }
}

/// Asks for the bytes of `file` from `start` to `end`: from `www/worker.js`'s
/// `peerscopeReadPiece` when there is one (its reader worker reads them, and the next
/// [`PIECE_BYTES`] ahead, on a thread of its own), else with `Blob.arrayBuffer()` here.
fn read_piece(file: &File, start: u64, end: u64) -> Result<JsFuture, JsValue> {
    let elsewhere = js_sys::Reflect::get(&js_sys::global(), &"peerscopeReadPiece".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(elsewhere) = elsewhere else {
        let blob = file.slice_with_f64_and_f64(start as f64, end as f64)?;
        return Ok(JsFuture::from(blob.array_buffer()));
    };
    let [start, end, then] = [start, end, PIECE_BYTES].map(|n| JsValue::from(n as f64));
    let args = js_sys::Array::of4(file, &start, &end, &then);
    let promise = elsewhere.apply(&JsValue::NULL, &args)?;
    Ok(JsFuture::from(js_sys::Promise::resolve(&promise)))
}

impl<P: FnMut(u64)> Fed for BlobFeed<'_, P> {
    /// Copies from the piece straight into `into`; the next piece is asked for as soon as
    /// this one is being handed out.
    fn poll_read(&mut self, cx: &mut Context<'_>, into: &mut [u8]) -> Poll<io::Result<usize>> {
        let more = ready!(self.poll_piece(cx))?;
        self.read_ahead();
        let Some(piece) = self.piece.as_ref().filter(|_| more) else {
            return Poll::Ready(Ok(0));
        };
        let left = piece.length().saturating_sub(self.taken);
        let n = u32::try_from(into.len()).unwrap_or(u32::MAX).min(left);
        if let Some(into) = into.get_mut(..n as usize) {
            piece.subarray(self.taken, self.taken + n).copy_to(into);
        }
        self.taken += n;
        Poll::Ready(Ok(n as usize))
    }
}
