use std::io::Write;

use super::*;

/// A zip of `entries` (name, bytes), deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        let options = zip::write::SimpleFileOptions::default();
        assert!(w.start_file(*name, options).is_ok());
        assert!(w.write_all(bytes).is_ok());
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// A zip whose one entry `a.txt` is listed twice in the central directory, the second
/// time as `b.txt`: two entries, one payload.
fn overlapping() -> Vec<u8> {
    let one = zip_of(&[("a.txt", b"1/1/21, 10:00 - a: hello")]);
    let cd = one.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    let eocd = one.windows(4).position(|w| w == b"PK\x05\x06").unwrap();
    let record = &one[cd..eocd];
    let mut twin = record.to_vec();
    let name_at = 46;
    twin[name_at] = b'b';
    let mut out = one[..cd].to_vec();
    out.extend_from_slice(record);
    out.extend_from_slice(&twin);
    let mut end = one[eocd..].to_vec();
    end[8..10].copy_from_slice(&2u16.to_le_bytes());
    end[10..12].copy_from_slice(&2u16.to_le_bytes());
    let size = (2 * record.len()) as u32;
    end[12..16].copy_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&end);
    out
}

#[test]
fn entries_that_share_packed_data_are_refused() {
    let bytes = overlapping();
    let mut zip = Zip::open_to_read("bomb.zip", &bytes, "").unwrap();
    assert_eq!(zip.names().len(), 2);
    let err = zip.refuse_overlaps(&[0, 1]).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some(
            "bomb.zip: the entries \"a.txt\" and \"b.txt\" share the same packed data, which \
             no real export does (a zip bomb?); download the export again"
        )
    );
    assert!(zip.refuse_overlaps(&[1]).is_ok(), "one entry alone is fine");
}

#[test]
fn separate_entries_pass_and_are_unpacked_and_counted() {
    let bytes = zip_of(&[("a\\b.txt", b"one"), ("c/", b""), ("d.txt", b"two")]);
    let mut zip = Zip::open_to_read("ok.zip", &bytes, "").unwrap();
    let names: Vec<String> = zip.names().into_iter().map(|(_, n)| n).collect();
    assert_eq!(
        names,
        ["a/b.txt", "d.txt"],
        "backslashes are folders; folders skipped"
    );
    assert!(zip.refuse_overlaps(&[0, 2]).is_ok());
    let mut dataset = Dataset::default();
    assert_eq!(zip.read(2, &mut dataset).ok(), Some(b"two".to_vec()));
    assert_eq!(zip.read(0, &mut dataset).ok(), Some(b"one".to_vec()));
    assert_eq!(dataset.unpacked_bytes(), 6);
    assert_eq!(zip.head(0, 2), Some(b"on".to_vec()));
    zip.unpacked = MAX_ZIP_BYTES - 1;
    assert_eq!(
        zip.head(2, 2),
        Some(b"t".to_vec()),
        "heads count against the zip"
    );
    assert_eq!(zip.head(2, 2), None, "and stop when it is spent");
}

#[test]
fn an_entry_past_the_inflate_ratio_is_refused_naming_it() {
    // 8 MiB of one byte deflates about a thousandfold.
    let bomb = vec![b'a'; 8 << 20];
    let bytes = zip_of(&[("x/_chat.txt", &bomb)]);
    let mut zip = Zip::open_to_read("b.zip", &bytes, "").unwrap();
    let err = zip
        .read(0, &mut Dataset::default())
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some(
            "b.zip: x/_chat.txt: this entry unpacks to more than 200 times its packed size, \
             which no export does (a zip bomb?); download the export again"
        )
    );
}

#[test]
fn the_tightest_budget_is_the_one_named() {
    let empty = Dataset::default();
    assert_eq!(
        limit_of(1 << 30, 0, &empty),
        (MAX_ENTRY_BYTES, Budget::Entry)
    );
    assert_eq!(limit_of(10, 0, &empty), (RATIO_FROM_BYTES, Budget::Ratio));
    assert_eq!(
        limit_of(1 << 30, MAX_ZIP_BYTES - 5, &empty),
        (5, Budget::Zip)
    );
    let mut full = Dataset::default();
    full.add_unpacked_bytes(MAX_DROP_UNPACKED_BYTES - 3);
    assert_eq!(limit_of(1 << 30, 0, &full), (3, Budget::Drop));
    assert!(over_budget(Budget::Drop).contains("more than 4 GiB together"));
    assert!(over_budget(Budget::Zip).contains("more than 2 GiB by this entry"));
}

#[test]
fn the_drop_budget_spans_the_zips_of_one_dataset() {
    let bytes = zip_of(&[("a.txt", b"one")]);
    let mut zip = Zip::open_to_read("late.zip", &bytes, "").unwrap();
    let mut dataset = Dataset::default();
    dataset.add_unpacked_bytes(MAX_DROP_UNPACKED_BYTES - 2);
    let err = zip.read(0, &mut dataset).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some(
            "late.zip: a.txt: the zips given unpack to more than 4 GiB together by this entry, \
             more than peerscope reads at once; analyse fewer files together"
        )
    );
}

#[test]
fn too_many_entries_are_refused_by_count() {
    assert!(entries_within_budget("z.zip", MAX_ZIP_ENTRIES).is_ok());
    let err = entries_within_budget("z.zip", MAX_ZIP_ENTRIES + 1)
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some(
            "z.zip: the zip holds 1000001 entries, more than the 1000000 peerscope reads from \
             one zip; export a shorter period or fewer channels"
        )
    );
}

#[test]
fn a_broken_zip_says_it_cannot_be_opened() {
    let err = Zip::open_to_read("c.zip", b"PK\x03\x04 broken", "; export it again")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("c.zip: the zip cannot be opened ("),
        "{err}"
    );
    assert!(err.ends_with("); export it again"), "{err}");
}

#[test]
fn a_stored_entry_with_one_byte_changed_fails_its_checksum() {
    let text = b"1/1/21, 10:00 - a: hello, a line long enough to be worth a checksum";
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    assert!(w.start_file("chat.txt", stored).is_ok());
    assert!(w.write_all(text).is_ok());
    let mut bytes = w.finish().map(|c| c.into_inner()).unwrap_or_default();
    let at = bytes.windows(5).position(|w| w == b"hello").unwrap();
    let mut dataset = Dataset::default();
    let mut zip = Zip::open_to_read("s.zip", &bytes, "").unwrap();
    assert_eq!(
        zip.read(0, &mut dataset).ok(),
        Some(text.to_vec()),
        "intact, it reads"
    );
    bytes[at] = b'j';
    let mut zip = Zip::open_to_read("s.zip", &bytes, "").unwrap();
    let err = zip.read(0, &mut dataset).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("s.zip: chat.txt: this entry of the zip cannot be unpacked (Invalid checksum)")
    );
}

#[test]
fn an_entry_unpacking_past_its_declared_size_is_stopped_there() {
    let mut bytes = zip_of(&[("chat.txt", b"1/1/21, 10:00 - a: hello there")]);
    let cd = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    // The directory says 4 bytes; the data inflates to 30, which the page never weighed.
    bytes[cd + 24..cd + 28].copy_from_slice(&4u32.to_le_bytes());
    let mut zip = Zip::open_to_read("liar.zip", &bytes, "").unwrap();
    let mut dataset = Dataset::default();
    let err = zip.read(0, &mut dataset).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some(
            "liar.zip: chat.txt: this entry unpacks to more than the zip says it does, which \
             no export does (a damaged or crafted zip); download the export again"
        )
    );
    assert_eq!(dataset.unpacked_bytes(), 0, "nothing of it counted");
}
