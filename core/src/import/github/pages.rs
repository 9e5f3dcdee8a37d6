//! The pages of a saved response, one after another: `gh api --paginate` writes each page
//! as its own JSON value (an array for REST, an object for GraphQL), and `--slurp` wraps
//! them in one array.
//!
//! Each value is read on its own through the same `serde_json` reader type whether it is
//! an object or an array, so the objects' deserializer is compiled once (an enum of the two
//! read through a visitor would compile it twice, which the page's wasm pays for).

use serde_json::Deserializer;

use super::shape::Node;
use crate::import::error::ImportError;
use crate::import::json_error;

/// Where the next page starts, with its line and column for errors.
pub(super) struct Pages<'a> {
    bytes: &'a [u8],
    offset: usize,
    /// Line breaks before `offset`.
    lines: usize,
    /// Bytes between the last line break and `offset`.
    column: usize,
}

impl<'a> Pages<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Pages<'a> {
        Pages {
            bytes,
            offset: 0,
            lines: 0,
            column: 0,
        }
    }

    /// The objects of the next page (one for an object, every entry for an array), or
    /// `None` after the last. Fails with the file's line and column on bad JSON.
    pub(super) fn next_page(&mut self, file: &str) -> Result<Option<Vec<Node<'a>>>, ImportError> {
        let blank = self.bytes.get(self.offset..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_whitespace()).count()
        });
        self.advance(blank);
        let rest = self.bytes.get(self.offset..).unwrap_or(&[]);
        if rest.is_empty() {
            return Ok(None);
        }
        let at_error =
            |e: serde_json::Error| json_error::from_serde_at(file, &e, self.lines, self.column);
        let (nodes, used) = if rest.first() == Some(&b'[') {
            let mut stream = Deserializer::from_slice(rest).into_iter::<Vec<Node>>();
            let nodes = stream.next().transpose().map_err(at_error)?;
            (nodes.unwrap_or_default(), stream.byte_offset())
        } else {
            let mut stream = Deserializer::from_slice(rest).into_iter::<Node>();
            let node = stream.next().transpose().map_err(at_error)?;
            (node.into_iter().collect(), stream.byte_offset())
        };
        // A value always takes at least one byte; stepping one more guards the loop.
        self.advance(used.max(1));
        Ok(Some(nodes))
    }

    /// Moves `count` bytes on, keeping the line and column.
    fn advance(&mut self, count: usize) {
        let end = self.offset.saturating_add(count).min(self.bytes.len());
        let passed = self.bytes.get(self.offset..end).unwrap_or(&[]);
        match passed.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                self.lines += passed.iter().filter(|&&b| b == b'\n').count();
                self.column = passed.len() - last - 1;
            }
            None => self.column += passed.len(),
        }
        self.offset = end;
    }
}
