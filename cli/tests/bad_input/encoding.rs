//! Encodings: bytes that are not UTF-8, UTF-16 with a byte-order mark, and mojibake.

use peerscope_core::import::Format;
use peerscope_core::model::options::Options;

use super::generate::{discord, lobby, names, replace_first, CHAT};
use super::harness::{options, read, refused};

#[test]
fn invalid_utf8_in_a_discord_string() {
    let bad = replace_first(&lobby(), b"CONTENT", b"caf\xE9 \xFF\xFE");
    refused(
        "Latin-1 byte in a Discord message",
        "latin1.json",
        bad,
        None,
        "not UTF-8",
    );
}

#[test]
fn invalid_utf8_in_a_whatsapp_chat() {
    let chat = "[1/15/24, 9:02:00 AM] Hana: Welcome!\n[1/15/24, 9:05:00 AM] Arjun: caf\u{e9}\n";
    let bad = replace_first(chat.as_bytes(), "\u{e9}".as_bytes(), b"\xE9");
    let message = refused(
        "Latin-1 byte in a WhatsApp chat",
        "WhatsApp Chat with Hana.txt",
        bad,
        None,
        "not UTF-8",
    );
    assert!(message.contains("line 2, column 33"), "{message}");
}

fn utf16(text: &[u8], big_endian: bool) -> Vec<u8> {
    let text = String::from_utf8_lossy(text);
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        let bytes = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        out.extend_from_slice(&bytes);
    }
    out
}

/// UTF-16 with a byte-order mark (Windows Notepad's "Unicode", PowerShell 5's `>`) is read
/// as the same text in UTF-8.
#[test]
fn utf16_with_bom_is_read() {
    for big_endian in [false, true] {
        let case = format!("Discord as UTF-16{}", if big_endian { "BE" } else { "LE" });
        let text = discord(&[
            ("1", "Zoë", "2024-01-01T10:00:00+00:00", None),
            ("2", "Bo 🚀", "2024-01-01T10:01:00+00:00", Some("1")),
        ]);
        let (analysis, report) = read(
            &case,
            "utf16.json",
            utf16(&text, big_endian),
            &Options::default(),
            &[],
        );
        assert_eq!(analysis.report.counts.messages, 2, "{case}");
        assert_eq!(analysis.report.counts.replies, 1, "{case}");
        assert_eq!(report["sources"]["format"], "discord", "{case}");
        let mut people = names(&analysis);
        people.sort_unstable();
        assert_eq!(people, ["Bo 🚀", "Zoë"], "{case}");
    }
    let (analysis, _) = read(
        "WhatsApp as UTF-16LE",
        "chat.txt",
        utf16(CHAT.as_bytes(), false),
        &Options::default(),
        &[],
    );
    assert_eq!(analysis.report.counts.messages, 2);
    // A forced format reads it too.
    let (analysis, _) = read(
        "Discord as UTF-16LE, format forced",
        "forced.json",
        utf16(&lobby(), false),
        &options(Some(Format::Discord)),
        &["--format", "discord"],
    );
    assert_eq!(analysis.report.counts.messages, 4);
    // An odd number of bytes is not UTF-16: say so.
    let mut odd = utf16(&lobby(), false);
    odd.push(b'}');
    refused("UTF-16 with an odd byte", "odd.json", odd, None, "UTF-16");
}

/// Mojibake (UTF-8 read as Latin-1 and saved again) is valid text: it comes through as
/// written, except in Messenger exports, whose names are always double-encoded and are
/// repaired.
#[test]
fn mojibake() {
    let text = discord(&[
        ("1", "JosÃ© Ã‰milie", "2024-01-01T10:00:00+00:00", None),
        ("2", "â€œBoâ€\u{9d}", "2024-01-01T10:01:00+00:00", Some("1")),
    ]);
    let (analysis, _) = read(
        "Discord mojibake",
        "moji.json",
        text,
        &Options::default(),
        &[],
    );
    let mut people = names(&analysis);
    people.sort_unstable();
    assert_eq!(people, ["JosÃ© Ã‰milie", "â€œBoâ€\u{9d}"]);
    // Messenger's double encoding, including sequences that cannot be repaired: a cut
    // four-byte sequence, a lone continuation byte, bytes never valid in UTF-8.
    let messenger = r#"{"participants":[{"name":"Zo\u00c3\u00ab"},{"name":"Bad \u00f0\u009f"}],
      "messages":[
        {"sender_name":"Zo\u00c3\u00ab","timestamp_ms":1704103260000,"content":"\u0080 \u00ff\u00fe ok?"},
        {"sender_name":"Bad \u00f0\u009f","timestamp_ms":1704103200000,"content":"\u00f0\u009f\u0098"}
      ],"title":"T\u00c3","thread_path":"inbox/t_1"}"#;
    let (analysis, _) = read(
        "Messenger mojibake",
        "message_1.json",
        messenger.as_bytes().to_vec(),
        &Options::default(),
        &[],
    );
    assert_eq!(analysis.report.counts.messages, 2);
    assert!(names(&analysis).contains(&"Zoë"), "{:?}", names(&analysis));
}
