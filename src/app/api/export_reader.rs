//! The export handed to `analyze()`, read front to back in pieces straight into the
//! importer's buffer, as the CLI reads a file: a `Uint8Array` or `ArrayBuffer` is copied
//! into wasm memory a piece at a time, a string is encoded to UTF-8 a piece at a time.
//!
//! Why not the whole input at once, as before: a string crossed through wasm-bindgen's
//! `as_string`, which scans it in JavaScript and, at the first non-ASCII character, makes
//! room for three bytes per character left: on the 136 MB export 2.3–3.1 s (at load 8–10)
//! and 549 MB of wasm memory, against 0.34–0.38 s and 166 MB for its bytes. Bytes were
//! copied whole into a `Vec` (137 MB of fresh wasm memory) and then again, piece by piece,
//! into the parse window (`core/src/import/json_window.rs`). docs/PERFORMANCE.md, "JS API,
//! session 10", has the measurements.

use std::io::{self, Read};

use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// The browser's `TextEncoder`, bound here because web-sys's `encodeInto` takes a Rust
    /// `&str`, i.e. the very copy of the whole string this file avoids.
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, source: &JsString, into: &Uint8Array) -> Encoded;

    /// `encodeInto`'s answer: UTF-16 units read, bytes written.
    type Encoded;
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> f64;
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> f64;
}

/// What `analyze()` was given, as something to read.
enum Given {
    Bytes(Uint8Array),
    Text {
        text: JsString,
        encoder: TextEncoder,
        /// Where the encoder writes before the bytes are copied into wasm memory:
        /// [`TEXT_PIECE`] bytes.
        scratch: Uint8Array,
    },
}

/// The input of `analyze()` as an [`io::Read`]: `at` counts bytes of a `Uint8Array` or
/// UTF-16 units of a string. Wrap it in a `BufReader` for the importer.
pub struct ExportReader {
    given: Given,
    at: u32,
    len: u32,
    /// Bytes encoded for a read smaller than one character could need, not handed out yet.
    carry: Vec<u8>,
}

/// The fewest bytes a read must have room for to take any character: a surrogate pair
/// is 4 bytes of UTF-8.
const CHARACTER_ROOM: usize = 4;

/// How many UTF-16 units (and at most bytes) of a string are encoded at once: 128 KiB.
/// Measured in Chromium on the 136 MB export's text (UTF-16: its first non-ASCII
/// character is its 1 235th), `encodeInto` took 0.74–0.86 s over the whole in 64–256 KiB
/// pieces, 1.3–1.5 s in 1 MiB ones and 1.0–1.2 s at once (load 9–10).
const TEXT_PIECE: u32 = 128 << 10;

impl ExportReader {
    /// A reader of a string, a `Uint8Array` or an `ArrayBuffer`; `None` for anything else.
    /// A `Uint8Array` longer than 4 GiB (more than wasm32 can hold) is an error sentence.
    pub fn of(input: &JsValue) -> Option<Result<ExportReader, String>> {
        let given = if let Some(text) = input.dyn_ref::<JsString>() {
            Given::Text {
                text: text.clone(),
                encoder: TextEncoder::new(),
                scratch: Uint8Array::new_with_length(TEXT_PIECE),
            }
        } else if let Some(bytes) = input.dyn_ref::<Uint8Array>() {
            Given::Bytes(bytes.clone())
        } else {
            let buffer = input.dyn_ref::<js_sys::ArrayBuffer>()?;
            Given::Bytes(Uint8Array::new(buffer))
        };
        let len = match &given {
            Given::Bytes(bytes) => js_sys::Reflect::get(bytes, &"length".into()),
            Given::Text { text, .. } => Ok(JsValue::from(text.length())),
        };
        let len = len.ok().and_then(|n| n.as_f64()).unwrap_or(0.0);
        if len > f64::from(u32::MAX) {
            return Some(Err(format!(
                "the export holds {len} bytes, more than the 4 GiB a page's wasm can hold"
            )));
        }
        Some(Ok(ExportReader {
            given,
            at: 0,
            len: len as u32,
            carry: Vec::new(),
        }))
    }

    /// How big the input is: bytes, or UTF-16 units of a string (at least a third of its
    /// UTF-8 bytes), as the importer's size hint.
    pub fn size_hint(&self) -> u64 {
        u64::from(self.len)
    }

    /// Copies the next bytes into `into` (at least [`CHARACTER_ROOM`] long); how many
    /// (0 only at the end).
    fn fill(&mut self, into: &mut [u8]) -> usize {
        match &mut self.given {
            Given::Bytes(bytes) => {
                let room = u32::try_from(into.len()).unwrap_or(u32::MAX);
                let end = self.at.saturating_add(room).min(self.len);
                let n = (end - self.at) as usize;
                if let Some(into) = into.get_mut(..n) {
                    bytes.subarray(self.at, end).copy_to(into);
                }
                self.at = end;
                n
            }
            Given::Text {
                text,
                encoder,
                scratch,
            } => {
                let mut written = 0;
                while self.at < self.len && into.len() - written >= CHARACTER_ROOM {
                    let room = (into.len() - written).min(TEXT_PIECE as usize) as u32;
                    let end = piece_end(self.at, self.len, room, |i| text.char_code_at(i));
                    let piece = text.substring(self.at, end);
                    let done = encoder.encode_into(&piece, &scratch.subarray(0, room));
                    let n = (done.written() as usize).min(into.len() - written);
                    if let Some(into) = into.get_mut(written..written + n) {
                        scratch.subarray(0, n as u32).copy_to(into);
                    }
                    written += n;
                    self.at = self.at.saturating_add(done.read() as u32).min(self.len);
                }
                written
            }
        }
    }
}

/// Where the piece of a string that starts at UTF-16 unit `at` ends (exclusive) so that
/// it takes at most `room` units (each is at least one byte of UTF-8) and never ends
/// between the two halves of a surrogate pair, which would encode as two U+FFFD instead
/// of one character; `code_at(i)` is the unit at `i`. With `room` of 2 or more and
/// `at < len` the piece is never empty.
fn piece_end(at: u32, len: u32, room: u32, code_at: impl Fn(u32) -> f64) -> u32 {
    let end = at.saturating_add(room).min(len);
    let high_surrogate = |unit: f64| (f64::from(0xD800)..f64::from(0xDC00)).contains(&unit);
    if end < len && end > at + 1 && high_surrogate(code_at(end - 1)) {
        end - 1
    } else {
        end
    }
}

impl Read for ExportReader {
    fn read(&mut self, into: &mut [u8]) -> io::Result<usize> {
        if !self.carry.is_empty() {
            let n = self.carry.len().min(into.len());
            if let (Some(to), Some(from)) = (into.get_mut(..n), self.carry.get(..n)) {
                to.copy_from_slice(from);
            }
            self.carry.drain(..n);
            return Ok(n);
        }
        if into.is_empty() || self.at >= self.len {
            return Ok(0);
        }
        if into.len() >= CHARACTER_ROOM {
            return Ok(self.fill(into));
        }
        // A read too small for one character (std's `read_to_end` probes with 32 bytes,
        // but a reader may ask for less): encode into the carry and hand out its start.
        let mut piece = [0u8; CHARACTER_ROOM];
        let n = self.fill(&mut piece);
        self.carry
            .extend_from_slice(piece.get(..n).unwrap_or_default());
        self.read(into)
    }
}

#[cfg(test)]
mod tests {
    use super::piece_end;

    #[test]
    fn a_piece_never_ends_inside_a_surrogate_pair() {
        // "a😀b": 'a', the pair D83D DE00, 'b'.
        let units = [0x61, 0xD83D, 0xDE00, 0x62];
        let code_at = |i: u32| f64::from(units[i as usize]);
        assert_eq!(
            piece_end(0, 4, 2, code_at),
            1,
            "ends before the pair's high half"
        );
        assert_eq!(piece_end(0, 4, 3, code_at), 3, "takes the whole pair");
        assert_eq!(piece_end(1, 4, 2, code_at), 3);
        assert_eq!(piece_end(2, 4, 10, code_at), 4, "stops at the end");
        // A high half at the very end has no partner to wait for: it is taken.
        let lone = [0x61, 0xD83D];
        assert_eq!(piece_end(0, 2, 2, |i| f64::from(lone[i as usize])), 2);
        // Room for one unit still moves on.
        assert_eq!(piece_end(1, 4, 1, code_at), 2);
    }
}
