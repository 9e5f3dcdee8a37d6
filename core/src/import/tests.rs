use super::*;

#[test]
fn unknown_text_is_rejected_with_a_position() {
    let input = Input::new(
        "chat.txt",
        b"\n  Dear diary, nothing happened today.".to_vec(),
    );
    let msg = detect(&input)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        msg.starts_with("chat.txt: line 2, column 3: this is not an export peerscope reads"),
        "{msg}"
    );
}

#[test]
fn utf16_with_a_mark_becomes_utf8() {
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("{\"é\":🚀}".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain("a\n".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let text = |b: &[u8]| from_utf16("u.json", b).map(|t| t.into_owned());
    assert_eq!(text(&le), Ok("{\"é\":🚀}".as_bytes().to_vec()));
    assert_eq!(text(&be), Ok(b"a\n".to_vec()));
    assert_eq!(text(b"plain"), Ok(b"plain".to_vec()));
    assert_eq!(
        text(&[0xFF, 0xFE, 0x00, 0xD8]),
        Ok("\u{FFFD}".as_bytes().to_vec())
    );
    let odd = text(&[0xFF, 0xFE, b'a']).err().map(|e| e.to_string());
    assert!(odd.is_some_and(|m| m.starts_with("u.json: the file starts like UTF-16")));
    let blank = Input::new("b.txt", vec![0xFF, 0xFE, b' ', 0, b'\n', 0]);
    assert!(detect(&blank).is_err_and(|e| e
        .to_string()
        .starts_with("b.txt: the file is empty; export")));
}

#[test]
fn refusals_say_what_the_file_is() {
    let said = |bytes: &[u8]| {
        detect(&Input::new("f", bytes.to_vec()))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    assert!(said(b"PK\x03\x04\x14\0junk").starts_with("f: this zip holds no export"));
    assert!(said(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("it is not text"));
    assert!(said(b"\xFF\xD8\xFF\xE0 JFIF").contains("it is not text"));
    assert!(said(b"h\0i\0 \0t\0h\0e\0r\0e\0").contains("UTF-16 text without"));
    assert!(said("caf\u{e9} ".as_bytes()).contains("line 1, column 1: this is not an export"));
    assert_eq!(
        Content::of(b"a cut \xC3"),
        Content::Text,
        "é cut at the head's end"
    );
}

#[test]
fn empty_inputs() {
    let msg = import(&[Input::new("e.json", b"  \n".to_vec())], None)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert_eq!(
        msg,
        "e.json: the file is empty; export the chat again, or pick the file the export \
         wrote (for Slack, the .zip)"
    );
    assert!(import(&[], None).is_err());
    let no_messages = br#"{"guild":{},"channel":{"id":"1"},"messages":[]}"#.to_vec();
    let msg = import(&[Input::new("n.json", no_messages)], None)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(msg.contains("holds no messages"), "{msg}");
}
