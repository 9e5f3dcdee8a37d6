//! What a zip says it unpacks to, read from its end alone: the end-of-central-directory
//! record, then the central directory, whose records state each entry's unpacked size. The
//! page reads these few bytes of a picked zip to weigh it before reading the rest
//! (`src/import/limit.rs`); what the entries really unpack to is still counted as they are
//! unpacked ([`Zip::read`](super::Zip::read) stops an entry at its declared size and at the
//! budgets of [`budget`](crate::import::budget)).
//!
//! Read by hand rather than through the `zip` crate: the crate states an entry's sizes only
//! through `by_index*`, which reads the entry's local header, somewhere in the whole file
//! (a 337 MB Slack export to weigh would be read whole), while its central directory sits
//! at the end: 1.97 MB, 71.5 bytes an entry, in the 336.7 MB Slack zip of
//! `benches/gen_formats.py --format slack --mb 1900` (27 602 entries). Records are parsed
//! in place: nothing is kept per entry. Layout: PKWARE's APPNOTE.TXT, sections 4.3.12 to
//! 4.3.16 and 4.5.3.

/// The most bytes at a zip's end that hold its end record: the record (22 bytes) with the
/// longest comment (65 535), after the zip64 locator (20) and zip64 record (56).
pub const TAIL_BYTES: u64 = 22 + 65_535 + 20 + 56;

/// What a zip's central directory declares its entries unpack to, in bytes, by what reads
/// them: every count saturates at `u64::MAX`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Declared {
    /// Entries listed, folders included.
    pub entries: u64,
    /// `.json` entries (Slack's day and workspace files, Element's and Zulip's exports).
    pub json: u64,
    /// `.txt` entries (WhatsApp's chats).
    pub text: u64,
    /// Every other entry (media, attachments): never unpacked by an importer.
    pub other: u64,
}

/// Where the central directory of the zip of `len` bytes starts, from `tail`, its last
/// bytes (at most [`TAIL_BYTES`] are looked at); `None` when `tail` holds no end record,
/// or one that points outside the file (not a zip, or a damaged one).
pub fn directory_start(len: u64, tail: &[u8]) -> Option<u64> {
    let from = len.checked_sub(tail.len() as u64)?;
    let (at, record) = end_record(tail)?;
    let (size, offset) = (u32_at(record, 12)?, u32_at(record, 16)?);
    let end_at = from + at as u64;
    if size == u32::MAX || offset == u32::MAX {
        return zip64_start(tail, from, at);
    }
    // The directory ends where the end record starts: a zip with bytes before it (a
    // self-extracting one) has offsets that do not count them.
    end_at.checked_sub(u64::from(size))
}

/// What the central directory in `bytes` declares, `bytes` being the zip's bytes from
/// `from` (a [`directory_start`]) to its end; `None` when they hold no end record.
/// Records past a damaged one are not counted: the importer will say what is wrong.
pub fn declared(len: u64, from: u64, bytes: &[u8]) -> Option<Declared> {
    let start = directory_start(len, bytes)?;
    let mut at = usize::try_from(start.checked_sub(from)?).ok()?;
    let mut declared = Declared::default();
    while let Some((size, name, next)) = record_at(bytes, at) {
        declared.entries = declared.entries.saturating_add(1);
        let ends = |suffix: &[u8]| {
            let end = name
                .len()
                .checked_sub(suffix.len())
                .and_then(|at| name.get(at..));
            end.is_some_and(|end| end.eq_ignore_ascii_case(suffix))
        };
        let sum = if ends(b"/") || ends(b"\\") {
            None
        } else if name.windows(8).any(|w| w.eq_ignore_ascii_case(b"__macosx")) {
            Some(&mut declared.other)
        } else if ends(b".json") {
            Some(&mut declared.json)
        } else if ends(b".txt") {
            Some(&mut declared.text)
        } else {
            Some(&mut declared.other)
        };
        if let Some(sum) = sum {
            *sum = sum.saturating_add(size);
        }
        at = next;
    }
    Some(declared)
}

/// The end record in `tail` (its offset in `tail`, and it from there on): the last
/// signature whose comment fits in what follows it.
fn end_record(tail: &[u8]) -> Option<(usize, &[u8])> {
    let last = tail.len().checked_sub(22)?;
    let first = last.saturating_sub(65_535);
    (first..=last).rev().find_map(|at| {
        let record = tail.get(at..)?;
        let comment = usize::from(u16_at(record, 20)?);
        (record.starts_with(b"PK\x05\x06") && 22 + comment <= record.len()).then_some((at, record))
    })
}

/// The directory's start from a zip64 end record, found through the locator just before
/// the end record at `at` of `tail` (which starts at `from` in the file).
fn zip64_start(tail: &[u8], from: u64, at: usize) -> Option<u64> {
    let locator = tail.get(at.checked_sub(20)?..at)?;
    if !locator.starts_with(b"PK\x06\x07") {
        return None;
    }
    // The zip64 record sits just before the locator, unless it carries extensible data:
    // then where the locator says (an offset that does not count bytes before the zip).
    let stated = u64_at(locator, 8)?.checked_sub(from);
    let just_before = at.checked_sub(20 + 56).map(|at| at as u64);
    [just_before, stated]
        .into_iter()
        .flatten()
        .find_map(|record_at| {
            let record = tail.get(usize::try_from(record_at).ok()?..)?;
            let start = (from + record_at).checked_sub(u64_at(record, 40)?)?;
            record.starts_with(b"PK\x06\x06").then_some(start)
        })
}

/// The central directory record at `at` of `bytes`: the entry's declared unpacked size,
/// its name, and where the next record starts; `None` past the last record.
fn record_at(bytes: &[u8], at: usize) -> Option<(u64, &[u8], usize)> {
    let record = bytes.get(at..)?;
    if !record.starts_with(b"PK\x01\x02") {
        return None;
    }
    let name_len = usize::from(u16_at(record, 28)?);
    let extra_len = usize::from(u16_at(record, 30)?);
    let comment_len = usize::from(u16_at(record, 32)?);
    let name = record.get(46..46 + name_len)?;
    let extra = record.get(46 + name_len..46 + name_len + extra_len)?;
    let mut size = u64::from(u32_at(record, 24)?);
    if size == u64::from(u32::MAX) {
        // The zip64 extra field holds the real size, first of its fields.
        size = zip64_size(extra).unwrap_or(size);
    }
    let next = at + 46 + name_len + extra_len + comment_len;
    Some((size, name, next))
}

/// The unpacked size in a record's zip64 extra field (id 1), when there is one.
fn zip64_size(mut extra: &[u8]) -> Option<u64> {
    while extra.len() >= 4 {
        let (id, len) = (u16_at(extra, 0)?, usize::from(u16_at(extra, 2)?));
        let data = extra.get(4..4 + len)?;
        if id == 1 {
            return u64_at(data, 0);
        }
        extra = extra.get(4 + len..)?;
    }
    None
}

/// The little-endian `u16` at `at` of `bytes`.
fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

/// The little-endian `u32` at `at` of `bytes`.
fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// The little-endian `u64` at `at` of `bytes`.
fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    use super::*;

    /// A zip of `entries` (name, bytes), deflated.
    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in entries {
            let options = zip::write::SimpleFileOptions::default();
            if name.ends_with('/') {
                assert!(w.add_directory(*name, options).is_ok());
                continue;
            }
            assert!(w.start_file(*name, options).is_ok());
            assert!(w.write_all(bytes).is_ok());
        }
        w.finish().map(|c| c.into_inner()).unwrap_or_default()
    }

    /// `zip` with the unpacked size its directory states for every entry set to `size`.
    fn declaring(mut zip: Vec<u8>, size: u32) -> Vec<u8> {
        let records: Vec<usize> = zip
            .windows(4)
            .enumerate()
            .filter(|(_, w)| *w == b"PK\x01\x02")
            .map(|(at, _)| at)
            .collect();
        for at in records {
            zip[at + 24..at + 28].copy_from_slice(&size.to_le_bytes());
        }
        zip
    }

    /// `zip` (one without a comment) rewritten as zip64 writes it: each directory record's
    /// unpacked size in a zip64 extra field, and the zip64 end records before the end record.
    fn as_zip64(zip: &[u8]) -> Vec<u8> {
        let end = zip.len() - 22;
        let start = u32::from_le_bytes(zip[end + 16..end + 20].try_into().unwrap()) as usize;
        let mut out = zip[..start].to_vec();
        let (mut at, mut count) = (start, 0u64);
        while zip[at..].starts_with(b"PK\x01\x02") {
            let field = |o: usize| u16::from_le_bytes([zip[at + o], zip[at + o + 1]]) as usize;
            let (name, extra, comment) = (field(28), field(30), field(32));
            let mut fixed = zip[at..at + 46].to_vec();
            let size = u32::from_le_bytes(fixed[24..28].try_into().unwrap());
            fixed[24..28].copy_from_slice(&u32::MAX.to_le_bytes());
            fixed[30..32].copy_from_slice(&((extra + 12) as u16).to_le_bytes());
            out.extend_from_slice(&fixed);
            out.extend_from_slice(&zip[at + 46..at + 46 + name]);
            out.extend_from_slice(&[1, 0, 8, 0]);
            out.extend_from_slice(&u64::from(size).to_le_bytes());
            out.extend_from_slice(&zip[at + 46 + name..at + 46 + name + extra + comment]);
            at += 46 + name + extra + comment;
            count += 1;
        }
        let (record_at, size) = (out.len() as u64, (out.len() - start) as u64);
        out.extend_from_slice(b"PK\x06\x06");
        out.extend_from_slice(&44u64.to_le_bytes());
        out.extend_from_slice(&[45, 0, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        for value in [count, count, size, start as u64] {
            out.extend_from_slice(&value.to_le_bytes());
        }
        out.extend_from_slice(b"PK\x06\x07\0\0\0\0");
        out.extend_from_slice(&record_at.to_le_bytes());
        out.extend_from_slice(&1u32.to_le_bytes());
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0\xff\xff\xff\xff");
        out.extend_from_slice(&[0xff; 8]);
        out.extend_from_slice(&[0, 0]);
        out
    }

    /// What the page finds: the tail first, then the directory from where it starts.
    fn weighed(zip: &[u8]) -> Option<Declared> {
        let len = zip.len() as u64;
        let tail = &zip[zip.len().saturating_sub(TAIL_BYTES as usize)..];
        let start = directory_start(len, tail)?;
        declared(len, start, &zip[start as usize..])
    }

    const EXPORT: [(&str, &[u8]); 6] = [
        ("export/", b""),
        ("export/users.json", b"[]"),
        ("export/general/2024-03-01.json", b"[{\"ts\": \"1\"}]"),
        ("WhatsApp Chat with A.TXT", b"1/1/21, 10:00 - a: hello"),
        ("IMG-0001.jpg", b"\xff\xd8\xff"),
        ("__MACOSX/export/._users.json", b"junk"),
    ];

    #[test]
    fn a_zip_is_weighed_by_the_sizes_its_directory_declares() {
        let big = declaring(zip_of(&EXPORT), 3_000_000_000);
        assert!(big.len() < 2_000, "a small zip: {} bytes", big.len());
        let found = weighed(&big);
        assert_eq!(
            found,
            Some(Declared {
                entries: 6,
                json: 6_000_000_000,
                text: 3_000_000_000,
                other: 6_000_000_000,
            }),
            "two .json, one .txt (any case), media and macOS litter apart, folders not counted"
        );
        let honest = weighed(&zip_of(&EXPORT)).unwrap_or_default();
        assert_eq!((honest.json, honest.text, honest.other), (15, 24, 7));
    }

    #[test]
    fn zip64_sizes_and_bytes_before_the_zip_are_read() {
        let zip = as_zip64(&declaring(zip_of(&EXPORT), 5));
        assert!(zip.windows(4).any(|w| w == b"PK\x06\x06"), "a zip64 end");
        let mut prefixed = b"#!/bin/sh\nexit 0\n".to_vec();
        prefixed.extend_from_slice(&zip);
        for bytes in [&zip, &prefixed] {
            let found = weighed(bytes).unwrap_or_default();
            assert_eq!((found.entries, found.json, found.text), (6, 10, 5));
        }
    }

    #[test]
    fn what_is_not_a_zip_or_is_damaged_declares_nothing_or_less() {
        assert_eq!(directory_start(0, b""), None);
        assert_eq!(weighed(b"{\"messages\": []}"), None);
        assert_eq!(weighed(&[0u8; 100]), None, "no end record");
        let zip = zip_of(&EXPORT);
        let mut cut = zip.clone();
        let second = zip.windows(4).filter(|w| *w == b"PK\x01\x02").count();
        assert_eq!(second, 6);
        // The third directory record's signature broken: two records are counted.
        let third = zip
            .windows(4)
            .enumerate()
            .filter(|(_, w)| *w == b"PK\x01\x02")
            .nth(2)
            .map_or(0, |(at, _)| at);
        cut[third] = b'X';
        assert_eq!(weighed(&cut).map(|d| d.entries), Some(2));
        // An end record pointing before the file's start.
        let mut lying = zip.clone();
        let end = zip.len() - 22;
        lying[end + 12..end + 16].copy_from_slice(&u32::MAX.to_le_bytes().map(|b| b & 0x7f));
        assert_eq!(weighed(&lying), None);
    }
}
