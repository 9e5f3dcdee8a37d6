//! Inputs the cases build on: DiscordChatExporter channels, a small good conversation, a
//! WhatsApp chat, PNG-like bytes and zips, all made in memory.

use std::io::Write;

use peerscope_core::report::analyze::Analysis;
use serde_json::{json, Value};

/// One DiscordChatExporter message: (id, author, timestamp, replied-to id).
pub type Msg<'a> = (&'a str, &'a str, &'a str, Option<&'a str>);

/// A DiscordChatExporter channel export; each author's name is also their id.
pub fn discord(messages: &[Msg]) -> Vec<u8> {
    let messages: Vec<Value> = messages
        .iter()
        .map(|&(id, author, time, parent)| {
            let mut m = json!({
                "id": id, "type": "Default", "timestamp": time, "content": "CONTENT",
                "author": {"id": author, "name": author, "nickname": author, "isBot": false},
                "reactions": [], "mentions": []
            });
            if let Some(p) = parent {
                m["reference"] = json!({"messageId": p, "channelId": "10"});
            }
            m
        })
        .collect();
    let export = json!({
        "guild": {"id": "1", "name": "Guild"},
        "channel": {"id": "10", "type": "GuildTextChat", "name": "general"},
        "messages": messages
    });
    serde_json::to_vec_pretty(&export).unwrap_or_default()
}

/// A small, well-formed conversation: Ann posts, Bo and Cy answer, Bo answers Cy.
pub fn lobby() -> Vec<u8> {
    discord(&[
        ("1", "Ann", "2024-01-01T10:00:00+00:00", None),
        ("2", "Bo", "2024-01-01T10:01:00+00:00", Some("1")),
        ("3", "Cy", "2024-01-01T10:02:00+00:00", Some("1")),
        ("4", "Bo", "2024-01-01T10:03:00+00:00", Some("3")),
    ])
}

/// `bytes` with the first `from` replaced by `to`.
pub fn replace_first(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .unwrap_or_else(|| panic!("{:?} not found", String::from_utf8_lossy(from)));
    let mut out = bytes.get(..at).unwrap_or_default().to_vec();
    out.extend_from_slice(to);
    out.extend_from_slice(bytes.get(at + from.len()..).unwrap_or_default());
    out
}

/// The start of a 1×1 PNG: signature and header chunk.
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

/// `len` bytes that start as a PNG and go on as noise.
pub fn png_like(len: usize) -> Vec<u8> {
    let mut bytes = PNG.to_vec();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    while bytes.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        bytes.extend_from_slice(&state.to_le_bytes());
    }
    bytes
}

/// A zip holding `entries`, each a name and its bytes.
pub fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in entries {
        writer
            .start_file(*name, options)
            .and_then(|()| writer.write_all(bytes).map_err(Into::into))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    writer
        .finish()
        .map(|c| c.into_inner())
        .unwrap_or_else(|e| panic!("zip: {e}"))
}

/// Every participant's name, in the report's order.
pub fn names(analysis: &Analysis) -> Vec<&str> {
    analysis
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect()
}

/// Two lines of an iPhone WhatsApp chat.
pub const CHAT: &str = "[1/15/24, 9:02:00 AM] Hana: Welcome?\n[1/15/24, 9:05:00 AM] Arjun: hi\n";
