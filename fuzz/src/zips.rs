//! A zip archive built from the fuzzer's bytes, entry by entry, so the fuzzer explores
//! archives as a whole (which entries, under which names, packed how, how big, sharing
//! data or not, with which declared sizes) instead of spending its time rediscovering the
//! zip format. The `zips` target analyses what this builds.
//!
//! The bytes are read as a sequence of entries, each an operation byte and its fields:
//!
//! - `op % 4 == 0`: a file: name, packing, then its body (a length byte and bytes);
//! - `op % 4 == 1`: a file of one byte repeated (up to [`MAX_REPEAT`] bytes): name,
//!   packing, the byte, the count (two bytes, in KiB);
//! - `op % 4 == 2`: a second central-directory record for the last file, under a new name
//!   (two entries sharing one payload, as a zip bomb has);
//! - `op % 4 == 3`: a folder.
//!
//! An operation byte of `0xFF` ends the entries; every pair of bytes after it (offset,
//! value) is XOR-ed into the finished archive, so declared sizes, offsets and counts lie.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The most bytes a repeated entry holds (2 MiB): past the budgets' ratio floor (1 MiB),
/// small enough to keep executions fast (29 a second, against 16 at 4 MiB, on a busy
/// 2-core machine).
pub const MAX_REPEAT: usize = 2 << 20;

/// Name templates that steer the importers (`{n}` is the entry's number): WhatsApp
/// chats and media, Slack workspace and day files at the top, under a folder, with `\`
/// separators and in macOS litter.
const NAMES: [&str; 14] = [
    "_chat.txt",
    "WhatsApp Chat with {n}.txt",
    "notes{n}.txt",
    "IMG-{n}.jpg",
    "users.json",
    "channels.json",
    "dms.json",
    "export/users.json",
    "export/integration_logs.json",
    "c{n}/2024-03-01.json",
    "export/general/2024-03-0{n}.json",
    "export\\general\\2024-04-0{n}.json",
    "__MACOSX/general/2024-03-01.json",
    "deep/er/c{n}/2024-03-01.json",
];

/// The fuzzer's bytes, read from the front.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn bytes(&mut self, n: usize) -> &'a [u8] {
        let (head, rest) = self.0.split_at(n.min(self.0.len()));
        self.0 = rest;
        head
    }
}

/// The archive the bytes describe (see the module).
pub fn archive(data: &[u8]) -> Vec<u8> {
    let mut input = Reader(data);
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    let mut last: Option<String> = None;
    let mut n = 0u32;
    while let Some(op) = input.byte() {
        if op == 0xFF {
            break;
        }
        n += 1;
        let name = name(&mut input, n);
        let options = packing(input.byte().unwrap_or(0));
        // Refusals (a name used twice, a copy with nothing to copy) just skip the entry.
        let _ = match op % 4 {
            0 => {
                let len = usize::from(input.byte().unwrap_or(0));
                let body = input.bytes(len);
                last = Some(name.clone());
                w.start_file(name.as_str(), options)
                    .and_then(|()| Ok(w.write_all(body)?))
            }
            1 => {
                let byte = input.byte().unwrap_or(b'a');
                let kib =
                    u16::from_le_bytes([input.byte().unwrap_or(0), input.byte().unwrap_or(0)]);
                let body = vec![byte; (usize::from(kib) << 10).min(MAX_REPEAT)];
                last = Some(name.clone());
                w.start_file(name.as_str(), options)
                    .and_then(|()| Ok(w.write_all(&body)?))
            }
            2 => match &last {
                Some(source) => w.shallow_copy_file(source, &name),
                None => Ok(()),
            },
            _ => w.add_directory(name.as_str(), options),
        };
    }
    let mut bytes = w.finish().map(Cursor::into_inner).unwrap_or_default();
    while let (Some(at), Some(value)) = (input.byte(), input.byte()) {
        let len = bytes.len().max(1);
        // The offset counts from the end half the time: the central directory is there.
        let index = if at.is_multiple_of(2) {
            usize::from(at) % len
        } else {
            len - 1 - usize::from(at) % len
        };
        if let Some(b) = bytes.get_mut(index) {
            *b ^= value;
        }
    }
    bytes
}

/// An entry's name: a template of [`NAMES`], or (for a byte past the table) the next
/// bytes as a name of their own.
fn name(input: &mut Reader, n: u32) -> String {
    let pick = usize::from(input.byte().unwrap_or(0));
    match NAMES.get(pick) {
        Some(template) => template.replace("{n}", &n.to_string()),
        None => {
            let len = pick % 32;
            String::from_utf8_lossy(input.bytes(len)).into_owned()
        }
    }
}

/// Stored, or deflated at a level from 0 to 9, as `b` says.
fn packing(b: u8) -> SimpleFileOptions {
    let options = SimpleFileOptions::default();
    if b.is_multiple_of(2) {
        options.compression_method(CompressionMethod::Stored)
    } else {
        options
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(i64::from(b % 10)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use peerscope_core::import::Input;
    use peerscope_core::{model::options::Options, report::analyze};

    /// An entry of the byte language: operation, name template, packing, then the body.
    fn entry(op: u8, name: u8, packing: u8, body: &[u8]) -> Vec<u8> {
        let mut out = vec![op, name, packing];
        if op.is_multiple_of(4) {
            out.push(u8::try_from(body.len()).unwrap());
        }
        out.extend_from_slice(body);
        out
    }

    fn messages(bytes: &[u8]) -> Result<u64, String> {
        let inputs = [Input::new("export.zip", archive(bytes))];
        analyze(&inputs, &Options::default())
            .map(|a| a.report.counts.messages)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn the_byte_language_builds_real_exports_and_bombs() {
        let chat = b"12/09/20, 23:55 - Ann: hi Bo\n12/09/20, 23:56 - Bo: hi Ann @Cy\n";
        assert_eq!(messages(&entry(0, 0, 1, chat)), Ok(2));
        let day = br#"[{"type":"message","user":"U1","text":"hi <@U2>","ts":"1.1"}]"#;
        let users = br#"[{"id":"U1","name":"a"},{"id":"U2","name":"b"}]"#;
        let slack = [entry(0, 4, 1, users), entry(0, 11, 0, day)].concat();
        assert_eq!(messages(&slack), Ok(1), "a backslash day file");
        let shared = [entry(0, 0, 1, chat), entry(2, 1, 0, b"")].concat();
        let err = messages(&shared).unwrap_err();
        assert!(err.contains("share the same packed data"), "{err}");
        // A .txt that does not start like a chat is never unpacked past its head.
        let media = [entry(0, 0, 1, chat), entry(1, 1, 1, b"a\xff\xff")].concat();
        assert_eq!(messages(&media), Ok(2));
        // A day file of 2 MiB of one byte, deflated: past the ratio budget.
        let err = messages(&entry(1, 9, 1, b"a\xff\xff")).unwrap_err();
        assert!(err.contains("times its packed size"), "{err}");
    }
}
