//! A zip bomb given to the page: the same one sentence as the CLI, naming the zip and its
//! entries, and the last good report stays on screen (the page calls the importers of the
//! core, budgets and all; docs/LIMITS.md).

use super::*;

/// A stored zip whose one WhatsApp chat (longer than the 8 KiB detection looks at) is
/// listed twice in the central directory, as `_chat.txt` and `again.txt`: two entries,
/// one payload. Its CRC is left at zero, since nothing may read that far.
fn overlapping_zip() -> Vec<u8> {
    let chat = b"12/09/20, 23:55 - Ann: hi\n".repeat(400);
    let size = u32::try_from(chat.len()).unwrap();
    let mut zip = Vec::new();
    let name = b"_chat.txt";
    let header = |zip: &mut Vec<u8>, signature: u32, central: bool| {
        zip.extend(signature.to_le_bytes());
        if central {
            zip.extend(20u16.to_le_bytes()); // made by
        }
        // version, flags, stored, time, date (1980-01-01), CRC, sizes, name length, extra
        for half in [20u16, 0, 0, 0, 0x21] {
            zip.extend(half.to_le_bytes());
        }
        for word in [0u32, size, size] {
            zip.extend(word.to_le_bytes());
        }
        zip.extend(9u16.to_le_bytes());
        zip.extend(0u16.to_le_bytes());
    };
    header(&mut zip, 0x0403_4b50, false);
    zip.extend_from_slice(name);
    zip.extend_from_slice(&chat);
    let directory_at = u32::try_from(zip.len()).unwrap();
    for entry in [&name[..], b"again.txt"] {
        header(&mut zip, 0x0201_4b50, true);
        // comment length, disk, internal and external attributes, the local header at 0
        for half in [0u16, 0, 0] {
            zip.extend(half.to_le_bytes());
        }
        zip.extend(0u32.to_le_bytes());
        zip.extend(0u32.to_le_bytes());
        zip.extend_from_slice(entry);
    }
    let directory_size = u32::try_from(zip.len()).unwrap() - directory_at;
    zip.extend(0x0605_4b50u32.to_le_bytes());
    for half in [0u16, 0, 2, 2] {
        zip.extend(half.to_le_bytes());
    }
    zip.extend(directory_size.to_le_bytes());
    zip.extend(directory_at.to_le_bytes());
    zip.extend(0u16.to_le_bytes());
    zip
}

#[wasm_bindgen_test]
async fn a_zip_bomb_is_one_sentence_and_the_last_report_stays() {
    let root = page_with_a_report_and(Input::new("bomb.zip", overlapping_zip()));
    flush().await;
    let error = text(&root, "#error");
    assert!(
        error.contains(
            "bomb.zip: the entries \"_chat.txt\" and \"again.txt\" share the same packed data"
        ),
        "{error}"
    );
    assert_eq!(
        find(&root, "#verdict")
            .get_attribute("data-label")
            .as_deref(),
        Some("community"),
        "the last good report stays on screen"
    );
}
