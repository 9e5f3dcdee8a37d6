//! Bad-input corpus (issue 8): hostile and broken files through `peerscope::analyze` and
//! through the `peerscope` binary.
//!
//! Every case must end in one of two ways, never in a panic, a hang or a stack overflow:
//! an error that is one line, starts with the file's name and says what to do (each case
//! names a fragment it expects), or, where the data is usable, a report with the counts the
//! case predicts. The CLI must exit 2 with one line on stderr, or 0 with the JSON report.
//!
//! Inputs are generated here, in memory; the CLI gets them through a per-case temporary
//! folder. The million-participant case is slow in a debug build and is ignored there:
//!
//! ```sh
//! cargo test --release --no-default-features --test bad_input -- --include-ignored
//! ```

use std::any::Any;
use std::fmt::Write as _;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::{Command, Output};
use std::time::Instant;

use peerscope::export::{gexf, nodes_csv};
use peerscope::import::Format;
use peerscope::{analyze, Analysis, HostChoice, Input, Options};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------

fn panic_text(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_string())
}

/// `analyze` with a panic turned into a test failure that names the case.
fn analyze_case(case: &str, inputs: &[Input], options: &Options) -> Result<Analysis, String> {
    match catch_unwind(AssertUnwindSafe(|| analyze(inputs, options))) {
        Ok(result) => result.map_err(|e| e.to_string()),
        Err(payload) => panic!("{case}: analyze panicked: {}", panic_text(payload.as_ref())),
    }
}

/// One line, starting with the file's name, holding `fragment`.
fn assert_sentence(case: &str, file: &str, message: &str, fragment: &str) {
    assert!(
        !message.contains('\n') && !message.contains('\r'),
        "{case}: the error is more than one line: {message:?}"
    );
    assert!(
        message.starts_with(&format!("{file}: ")),
        "{case}: the error does not start with the file name {file:?}: {message}"
    );
    assert!(
        message.contains(fragment),
        "{case}: expected {fragment:?} in: {message}"
    );
}

fn options(format: Option<Format>) -> Options {
    Options {
        format,
        ..Options::default()
    }
}

/// Writes `bytes` as `file` in a folder of its own and runs `peerscope analyze file
/// --json ARGS…` there.
fn cli(case: &str, file: &str, bytes: &[u8], args: &[&str]) -> Output {
    let slug: String = case
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let dir = std::env::temp_dir().join(format!("peerscope-bad-{}-{slug}", std::process::id()));
    let written =
        std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join(file), bytes));
    if let Err(e) = written {
        panic!("{case}: could not write {file}: {e}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_peerscope"))
        .arg("analyze")
        .arg(file)
        .arg("--json")
        .args(args)
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| panic!("{case}: could not run peerscope: {e}"));
    let _ = std::fs::remove_dir_all(&dir);
    out
}

fn format_args(format: Option<Format>) -> Vec<&'static str> {
    format.map_or_else(Vec::new, |f| vec!["--format", f.as_str()])
}

/// The case must be refused, by `analyze` and by the CLI, with one line naming `file`
/// and holding `fragment`. Returns the library's sentence.
fn refused(
    case: &str,
    file: &str,
    bytes: Vec<u8>,
    format: Option<Format>,
    fragment: &str,
) -> String {
    let out = cli(case, file, &bytes, &format_args(format));
    let message = match analyze_case(case, &[Input::new(file, bytes)], &options(format)) {
        Ok(a) => panic!(
            "{case}: expected an error, got a report of {} messages",
            a.report.counts.messages
        ),
        Err(message) => message,
    };
    assert_sentence(case, file, &message, fragment);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{case}: the CLI panicked: {err}");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{case}: CLI exit status; stderr: {err}"
    );
    assert_eq!(err.lines().count(), 1, "{case}: CLI stderr: {err}");
    let line = err.trim_end().strip_prefix("peerscope: ").unwrap_or(&err);
    assert_sentence(&format!("{case} (CLI)"), file, line, fragment);
    assert!(out.stdout.is_empty(), "{case}: CLI wrote a report too");
    println!("{case} → {message}");
    message
}

/// The case must be read, by `analyze` and by the CLI (with `args`), into a report.
/// Returns the analysis and the CLI's JSON report; the caller checks the counts.
fn read(
    case: &str,
    file: &str,
    bytes: Vec<u8>,
    opts: &Options,
    args: &[&str],
) -> (Analysis, Value) {
    let out = cli(case, file, &bytes, args);
    let analysis = analyze_case(case, &[Input::new(file, bytes)], opts)
        .unwrap_or_else(|e| panic!("{case}: expected a report, got: {e}"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{case}: the CLI panicked: {err}");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{case}: CLI exit status; stderr: {err}"
    );
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{case}: the CLI's report is not JSON: {e}"));
    assert_eq!(
        report["counts"]["messages"].as_u64(),
        Some(analysis.report.counts.messages),
        "{case}: the CLI and the library disagree"
    );
    (analysis, report)
}

// ---------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------

/// One DiscordChatExporter message: (id, author, timestamp, replied-to id).
type Msg<'a> = (&'a str, &'a str, &'a str, Option<&'a str>);

/// A DiscordChatExporter channel export; each author's name is also their id.
fn discord(messages: &[Msg]) -> Vec<u8> {
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
fn lobby() -> Vec<u8> {
    discord(&[
        ("1", "Ann", "2024-01-01T10:00:00+00:00", None),
        ("2", "Bo", "2024-01-01T10:01:00+00:00", Some("1")),
        ("3", "Cy", "2024-01-01T10:02:00+00:00", Some("1")),
        ("4", "Bo", "2024-01-01T10:03:00+00:00", Some("3")),
    ])
}

/// `bytes` with the first `from` replaced by `to`.
fn replace_first(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .unwrap_or_else(|| panic!("{:?} not found", String::from_utf8_lossy(from)));
    let mut out = bytes.get(..at).unwrap_or_default().to_vec();
    out.extend_from_slice(to);
    out.extend_from_slice(bytes.get(at + from.len()..).unwrap_or_default());
    out
}

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

fn png_like(len: usize) -> Vec<u8> {
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

fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
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

fn names(analysis: &Analysis) -> Vec<&str> {
    analysis
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect()
}

// ---------------------------------------------------------------------------------------
// Nothing there, or not text
// ---------------------------------------------------------------------------------------

#[test]
fn empty_and_whitespace_only() {
    refused(
        "empty file",
        "empty.json",
        Vec::new(),
        None,
        "the file is empty",
    );
    refused(
        "whitespace only",
        "blank.txt",
        b" \n\t\r\n  ".to_vec(),
        None,
        "the file is empty",
    );
    refused(
        "empty file, format forced",
        "empty.json",
        Vec::new(),
        Some(Format::Discord),
        "the file is empty",
    );
}

#[test]
fn binary_image() {
    refused(
        "PNG",
        "screenshot.png",
        png_like(4096),
        None,
        "not an export peerscope reads: it is not text",
    );
    refused(
        "PNG named .json",
        "export.json",
        png_like(4096),
        None,
        "not an export peerscope reads: it is not text",
    );
}

const CHAT: &str = "[1/15/24, 9:02:00 AM] Hana: Welcome?\n[1/15/24, 9:05:00 AM] Arjun: hi\n";

#[test]
fn zip_of_images_and_broken_zips() {
    let photos = zip_of(&[
        ("IMG_0001.png", png_like(2000)),
        ("IMG_0002.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF\0".to_vec()),
    ]);
    refused(
        "zip of images",
        "photos.zip",
        photos.clone(),
        None,
        "this zip holds no export peerscope reads",
    );
    refused(
        "zip of images as WhatsApp",
        "photos.zip",
        photos.clone(),
        Some(Format::WhatsApp),
        "the zip holds no WhatsApp chat",
    );
    refused(
        "zip of images as Slack",
        "photos.zip",
        photos,
        Some(Format::Slack),
        "this zip holds no Slack export",
    );
    let whole = zip_of(&[("WhatsApp Chat with Hana.txt", CHAT.repeat(50).into_bytes())]);
    let (analysis, _) = read(
        "whole chat zip",
        "chat.zip",
        whole.clone(),
        &Options::default(),
        &[],
    );
    assert_eq!(analysis.report.counts.messages, 100);
    let cut = whole.get(..whole.len() / 2).unwrap_or_default().to_vec();
    refused(
        "chat zip cut in half",
        "chat.zip",
        cut,
        None,
        "or it is damaged; pick the export's zip, or download it again",
    );
    let mut junk = b"PK\x03\x04".to_vec();
    junk.extend(png_like(500));
    refused(
        "zip header then junk",
        "junk.zip",
        junk,
        None,
        "this zip holds no export peerscope reads",
    );
}

// ---------------------------------------------------------------------------------------
// JSON that is broken, or of another shape
// ---------------------------------------------------------------------------------------

#[test]
fn truncated_json_in_mid_string() {
    let whole = lobby();
    let at = whole
        .windows(b"CONTENT".len())
        .rposition(|w| w == b"CONTENT")
        .unwrap_or(0);
    let cut = whole.get(..at + 3).unwrap_or_default().to_vec();
    let message = refused(
        "truncated in mid-string",
        "cut.json",
        cut,
        None,
        "truncated",
    );
    assert!(message.starts_with("cut.json: line "), "{message}");
}

#[test]
fn valid_json_of_another_shape() {
    for (i, text) in ["{\"a\":1}", "[1,2,3]", "\"text\"", "null", "{}", "[]", "42"]
        .into_iter()
        .enumerate()
    {
        refused(
            &format!("other shape {text}"),
            &format!("shape{i}.json"),
            text.as_bytes().to_vec(),
            None,
            "not an export peerscope reads",
        );
    }
    // A Slack day file is known by its name; its content must still be messages.
    refused(
        "numbers in a Slack day file",
        "2024-01-01.json",
        b"[1,2,3]".to_vec(),
        None,
        "2024-01-01.json: line 1",
    );
    // Forced formats: the shape is refused with a position.
    for format in Format::ALL {
        refused(
            &format!("{{\"a\":1}} as {}", format.as_str()),
            "a.json",
            b"{\"a\":1}".to_vec(),
            Some(format),
            "a.json: ",
        );
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    const DEPTH: usize = 100_000;
    let mut deep = "[".repeat(DEPTH);
    deep.push_str(&"]".repeat(DEPTH));
    refused(
        "100 000 brackets",
        "deep.json",
        deep.clone().into_bytes(),
        None,
        "not an export peerscope reads",
    );
    for format in Format::ALL {
        refused(
            &format!("100 000 brackets as {}", format.as_str()),
            "deep.json",
            deep.clone().into_bytes(),
            Some(format),
            "deep.json: line 1",
        );
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `[[[…]]]`, `depth` deep.
fn brackets(depth: usize) -> String {
    "[".repeat(depth) + &"]".repeat(depth)
}

/// Past detection, in fields the importers skip: serde_json skips a value without
/// recursing, so a well-formed export with deep junk in it is read.
#[test]
fn deep_nesting_in_skipped_fields_is_read() {
    let junk = format!("\"junk\": {},", brackets(100_000));
    // Last in the top object (detection reads the head), and before a key of the first
    // message, post or comment.
    let with_junk = |bytes: &[u8], key: &str| {
        let end = bytes.iter().rposition(|&b| b == b'}').unwrap_or(0);
        let (body, close) = bytes.split_at(end);
        let top = [
            body,
            format!(",{junk}").trim_end_matches(',').as_bytes(),
            close,
        ]
        .concat();
        let key = format!("\"{key}\"");
        replace_first(&top, key.as_bytes(), format!("{junk}{key}").as_bytes())
    };
    let cases = [
        ("Discord", "deep.json", lobby(), "author"),
        (
            "Messenger",
            "message_1.json",
            fixture("messenger_good_message_1.json"),
            "sender_name",
        ),
        (
            "Discourse",
            "topic.json",
            fixture("discourse_good.json"),
            "cooked",
        ),
        (
            "YouTube",
            "comments.json",
            fixture("youtube_api_threads.json"),
            "textDisplay",
        ),
        (
            "Telegram",
            "result.json",
            fixture("telegram_good.json"),
            "date_unixtime",
        ),
    ];
    for (format, file, bytes, key) in cases {
        let case = format!("deep junk in {format}");
        let plain = analyze_case(
            &case,
            &[Input::new(file, bytes.clone())],
            &Options::default(),
        )
        .map(|a| a.report.counts.messages);
        let (analysis, _) = read(
            &case,
            file,
            with_junk(&bytes, key),
            &Options::default(),
            &[],
        );
        assert_eq!(Ok(analysis.report.counts.messages), plain, "{case}");
    }
}

/// Past detection, in values the importers parse into a tree or try several shapes of
/// (Slack's `blocks`, Telegram's `text`, Reddit's `replies`): serde_json's limit of 128
/// levels turns them into an error, not a stack overflow.
#[test]
fn deep_nesting_in_parsed_values_is_an_error() {
    let deep = brackets(100_000);
    let slack = format!(
        r#"[{{"type":"message","ts":"1704103200.000100","user":"U1","text":"hi","blocks":{deep}}}]"#
    );
    let telegram = format!(
        r#"{{"name":"G","type":"private_group","id":1,"messages":[{{"id":1,"type":"message",
        "date":"2024-01-01T10:00:00","date_unixtime":"1704103200","from":"A","from_id":"user1","text":{deep}}}]}}"#
    );
    let mut reddit = String::from(
        r#"[{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"id":"p","name":"t3_p","author":"op","title":"t","created_utc":1714550400.0}}]}},{"kind":"Listing","data":{"children":["#,
    );
    const LEVELS: usize = 100_000;
    for k in 0..LEVELS {
        let _ = write!(
            reddit,
            r#"{{"kind":"t1","data":{{"id":"c{k}","name":"t1_c{k}","author":"a{}","link_id":"t3_p","created_utc":1714551000.0,"body":"x","replies":{{"kind":"Listing","data":{{"children":["#,
            k % 2
        );
    }
    reddit.push_str(&"]}}}}".repeat(LEVELS));
    reddit.push_str("]}}]");
    for (format, file, text) in [
        ("Slack", "2024-01-01.json", slack),
        ("Telegram", "result.json", telegram),
        ("Reddit", "thread.json", reddit),
    ] {
        refused(
            &format!("deep nesting in {format}"),
            file,
            text.into_bytes(),
            None,
            "nested too deeply",
        );
    }
}

#[test]
fn fifty_megabytes_on_one_line() {
    let line = vec![b'a'; 50 * 1024 * 1024];
    let start = Instant::now();
    refused(
        "50 MB of a",
        "aaaa.txt",
        line.clone(),
        None,
        "not an export peerscope reads",
    );
    for format in [Format::Discord, Format::WhatsApp, Format::Csv] {
        refused(
            &format!("50 MB of a as {}", format.as_str()),
            "aaaa.txt",
            line.clone(),
            Some(format),
            "aaaa.txt: line 1",
        );
    }
    println!(
        "50 MB line, four runs: {:.2} s",
        start.elapsed().as_secs_f64()
    );
}

// ---------------------------------------------------------------------------------------
// Encodings
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Ids, replies and times that make no sense
// ---------------------------------------------------------------------------------------

#[test]
fn duplicate_message_ids_merge() {
    let text = discord(&[
        ("1", "Ann", "2024-01-01T10:00:00+00:00", None),
        ("2", "Bo", "2024-01-01T10:01:00+00:00", Some("1")),
        ("2", "Bo", "2024-01-01T10:01:00+00:00", Some("1")),
        ("1", "Cy", "2024-01-01T10:02:00+00:00", None),
    ]);
    let (analysis, _) = read(
        "duplicate ids",
        "dupes.json",
        text,
        &Options::default(),
        &[],
    );
    let counts = &analysis.report.counts;
    assert_eq!((counts.messages, counts.replies), (2, 1), "{counts:?}");
}

#[test]
fn reply_cycles_and_self_replies_end() {
    let text = discord(&[
        ("1", "Ann", "2024-01-01T10:00:00+00:00", Some("2")),
        ("2", "Bo", "2024-01-01T10:01:00+00:00", Some("1")),
        ("3", "Cy", "2024-01-01T10:02:00+00:00", Some("3")),
        ("4", "Di", "2024-01-01T10:03:00+00:00", Some("5")),
        ("5", "Ed", "2024-01-01T10:04:00+00:00", Some("6")),
        ("6", "Fa", "2024-01-01T10:05:00+00:00", Some("4")),
        ("7", "Ann", "2024-01-01T10:06:00+00:00", Some("7")),
    ]);
    let (analysis, _) = read(
        "reply cycles",
        "cycles.json",
        text,
        &Options::default(),
        &[],
    );
    let counts = &analysis.report.counts;
    // Ann ↔ Bo and the three-cycle Di → Ed → Fa → Di; the self-replies are no replies,
    // but Cy, who only answered themself, still took part.
    assert_eq!((counts.messages, counts.replies), (7, 5), "{counts:?}");
    assert_eq!(counts.participants, 6, "{counts:?}");
}

#[test]
fn timestamps_at_the_edges() {
    let text = discord(&[
        ("1", "Ann", "1970-01-01T00:00:00+00:00", None),
        ("2", "Bo", "2024-01-01T10:01:00", Some("1")),
        ("3", "Cy", "9999-12-31T23:59:59.9999999+00:00", Some("2")),
    ]);
    let start = Instant::now();
    let (analysis, report) = read(
        "1970, 9999, no zone",
        "times.json",
        text,
        &Options::default(),
        &[],
    );
    let counts = &analysis.report.counts;
    assert_eq!((counts.messages, counts.replies), (3, 2), "{counts:?}");
    assert_eq!(counts.days, 2_932_897, "1970-01-01 to 9999-12-31 inclusive");
    let warnings = report["sources"]["warnings"].to_string();
    assert!(warnings.contains("no time zone"), "{warnings}");
    assert!(
        warnings.contains("run from 1970-01-01 to 9999-12-31: some dates are probably wrong"),
        "{warnings}"
    );
    let points = analysis.report.timeline.points.len();
    assert_eq!(
        points, 3,
        "only the months with messages, not 96 000 empty ones"
    );
    println!("1970 to 9999: {:.2} s", start.elapsed().as_secs_f64());
}

/// Times no calendar holds (Messenger's `timestamp_ms` is any integer, Telegram's
/// `date_unixtime` any number of seconds) must not overflow or spin the timeline.
#[test]
fn timestamps_beyond_any_calendar() {
    let messenger = format!(
        r#"{{"participants":[{{"name":"A"}},{{"name":"B"}}],"messages":[
          {{"sender_name":"A","timestamp_ms":{},"content":"first?"}},
          {{"sender_name":"A","timestamp_ms":{},"content":"last"}},
          {{"sender_name":"B","timestamp_ms":0,"content":"middle"}}
        ],"title":"Edges","thread_path":"inbox/edges_1"}}"#,
        i64::MIN,
        i64::MAX
    );
    let start = Instant::now();
    let (analysis, _) = read(
        "Messenger at i64::MIN and i64::MAX",
        "message_1.json",
        messenger.into_bytes(),
        &Options::default(),
        &[],
    );
    assert_eq!(analysis.report.counts.messages, 3);
    let telegram = r#"{"name":"Far","type":"private_group","id":1,"messages":[
        {"id":1,"type":"message","date":"2024-01-01T10:00:00","date_unixtime":"9223372036854775","from":"A","from_id":"user1","text":"far future?"},
        {"id":2,"type":"message","date":"2024-01-01T10:00:00","date_unixtime":"-9223372036854775","from":"B","from_id":"user2","text":"far past","reply_to_message_id":1}
    ]}"#;
    let (analysis, _) = read(
        "Telegram at the ends of i64 seconds",
        "result.json",
        telegram.as_bytes().to_vec(),
        // No host, so the question is a member's and its answer time is measured.
        &Options {
            hosts: HostChoice::None,
            ..Options::default()
        },
        &["--host", "none"],
    );
    assert_eq!(analysis.report.counts.messages, 2);
    assert_eq!(analysis.report.counts.replies, 1);
    assert!(analysis.report.timeline.points.len() <= 1_000);
    println!(
        "beyond any calendar: {:.2} s",
        start.elapsed().as_secs_f64()
    );
}

// ---------------------------------------------------------------------------------------
// Names that look like markup
// ---------------------------------------------------------------------------------------

const HOSTILE: [&str; 6] = [
    "<img src=x onerror=alert(1)>",
    "\"><script>alert(1)</script>",
    "Tom & Jerry's \"<b>\"",
    "\u{202E}gnp.exe\u{202C}",
    "zero\u{200B}width\u{200D}joiner\u{FEFF}",
    "مرحبا שלום",
];

#[test]
fn names_with_markup_rtl_and_zero_width_stay_plain_text() {
    let mut messages = vec![("0", HOSTILE[0], "2024-01-01T10:00:00+00:00", None)];
    let ids: Vec<String> = (1..=12).map(|i| i.to_string()).collect();
    for (i, id) in ids.iter().enumerate() {
        let author = HOSTILE.get((i + 1) % HOSTILE.len()).copied().unwrap_or("x");
        let parent = if i == 0 {
            "0"
        } else {
            ids.get(i - 1).map_or("0", String::as_str)
        };
        let time = ["2024-01-01T10:01:00+00:00", "2024-01-01T10:02:00+00:00"][i % 2];
        messages.push((id.as_str(), author, time, Some(parent)));
    }
    let text = discord(&messages);
    let host = Options {
        hosts: HostChoice::Named(vec![HOSTILE[0].to_string()]),
        ..Options::default()
    };
    let (analysis, report) = read(
        "hostile names",
        "names.json",
        text,
        &host,
        &["--host", HOSTILE[0]],
    );
    let mut people = names(&analysis);
    people.sort_unstable();
    let mut expected = HOSTILE.to_vec();
    expected.sort_unstable();
    assert_eq!(people, expected, "names come through verbatim");
    assert_eq!(
        analysis.report.hosts.first().map(|h| h.name.as_str()),
        Some(HOSTILE[0])
    );
    assert_eq!(report["hosts"][0]["name"], HOSTILE[0]);
    let doc = gexf(&analysis.network);
    for name in HOSTILE {
        let escaped = name
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&apos;");
        assert!(
            doc.contains(&format!("label=\"{escaped}\"")),
            "GEXF label of {name:?}"
        );
    }
    assert!(!doc.contains("<script") && !doc.contains("<img") && !doc.contains("<b>"));
    let labels = doc.matches(" label=\"").count();
    assert_eq!(
        labels,
        HOSTILE.len(),
        "one label per node, no attribute broken out"
    );
    let table = nodes_csv(&analysis.network);
    let mut rows = csv::Reader::from_reader(table.as_bytes());
    let mut in_table: Vec<String> = rows
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| r.get(2).map(str::to_string))
        .collect();
    in_table.sort_unstable();
    assert_eq!(in_table, expected, "CSV cells round-trip");
}

// ---------------------------------------------------------------------------------------
// Found by fuzzing (`make fuzz`)
// ---------------------------------------------------------------------------------------

/// Every input a fuzz target crashed on, kept under `tests/fixtures/bad/<target>/` under the
/// name it arrives as: read as the folder's format (`detect`: detected) it must give a
/// report or a one-line error naming the file, from the library and from the CLI. New crash
/// inputs only need copying there (without the fuzzer's leading name byte for `detect` and
/// `slack`); `fuzz/seed.py` also seeds the corpora with them.
#[test]
fn fuzz_crash_inputs_end_in_a_report_or_one_line() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut seen = 0;
    for folder in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        let target = folder.file_name().to_string_lossy().into_owned();
        let format = if target == "detect" {
            None
        } else {
            Some(Format::parse(&target).unwrap_or_else(|| panic!("{target}: not a format")))
        };
        for file in std::fs::read_dir(folder.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = file.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(file.path()).unwrap_or_else(|e| panic!("{name}: {e}"));
            let case = format!("fuzz {target}/{name}");
            let out = cli(&case, &name, &bytes, &format_args(format));
            let err = String::from_utf8_lossy(&out.stderr);
            match analyze_case(&case, &[Input::new(name.as_str(), bytes)], &options(format)) {
                Ok(_) => assert_eq!(out.status.code(), Some(0), "{case}: {err}"),
                Err(message) => {
                    assert_sentence(&case, &name, &message, "");
                    assert_eq!(out.status.code(), Some(2), "{case}: {err}");
                    assert_eq!(err.lines().count(), 1, "{case}: CLI stderr: {err}");
                }
            }
            seen += 1;
        }
    }
    assert!(seen > 0, "no crash inputs under {}", root.display());
}

/// Fuzz `csv`: a quoted time cell holding a line break made the "is not a time" error two
/// lines; values from the export are now quoted with their controls escaped.
#[test]
fn a_line_break_inside_a_quoted_value_stays_on_one_line() {
    let text = b"id,author,time\n1,kai,\"first line\nsecond line\"\n".to_vec();
    refused(
        "line break in a time cell",
        "times.csv",
        text,
        None,
        "line 2, column 3: column 'time': \"first line\\nsecond line\" is not a time",
    );
    let long = format!("id,author,time\n1,kai,{}\n", "9".repeat(100_000)).into_bytes();
    let message = refused(
        "100 000-digit time",
        "long.csv",
        long,
        None,
        "is not a time",
    );
    assert!(
        message.len() < 300,
        "the value is cut: {} bytes",
        message.len()
    );
}

/// Fuzz `detect`: errors inside a zip name the entry (`export.zip/<path>: …`), and an
/// entry's path may hold a line break; it is escaped like any other quoted value.
#[test]
fn a_zip_entry_named_with_a_line_break_stays_on_one_line() {
    let zip = zip_of(&[("general\n/2024-03-01.json", b"[{\"ts\": ".to_vec())]);
    let case = "zip entry with a line break";
    let out = cli(case, "slack.zip", &zip, &[]);
    let message = analyze_case(case, &[Input::new("slack.zip", zip)], &options(None))
        .err()
        .unwrap_or_else(|| panic!("{case}: expected an error"));
    let entry = "slack.zip/general\\n/2024-03-01.json: line 1";
    assert!(message.starts_with(entry), "{case}: {message}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{case}: {err}");
    assert_eq!(err.lines().count(), 1, "{case}: {err}");
    assert!(
        err.starts_with(&format!("peerscope: {entry}")),
        "{case}: {err}"
    );
}

// ---------------------------------------------------------------------------------------
// Size
// ---------------------------------------------------------------------------------------

/// A CSV of `n` people with one message each: person 0 posts, person `i` answers
/// person `(i - 1) / 2`, so the replies form a binary tree.
fn million_rows(n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n * 48);
    out.extend_from_slice(b"id,author,time,reply_to\n");
    for i in 0..n {
        let minute = i / 60 % 60;
        let hour = i / 3600 % 24;
        let day = 1 + i / 86_400 % 28;
        let _ = write!(
            out,
            "{i},p{i},2024-02-{day:02}T{hour:02}:{minute:02}:{:02}Z,",
            i % 60
        );
        if i > 0 {
            let _ = write!(out, "{}", (i - 1) / 2);
        }
        out.push(b'\n');
    }
    out
}

#[test]
fn ten_thousand_participants() {
    let (analysis, _) = read(
        "10 000 participants",
        "people.csv",
        million_rows(10_000),
        &Options::default(),
        &[],
    );
    let counts = &analysis.report.counts;
    assert_eq!(
        (counts.messages, counts.participants, counts.replies),
        (10_000, 10_000, 9_999)
    );
}

#[test]
#[ignore = "slow in debug; run with --release"]
fn a_million_participants_with_one_message_each() {
    const N: usize = 1_000_000;
    let bytes = million_rows(N);
    let start = Instant::now();
    let analysis = analyze_case(
        "a million participants",
        &[Input::new("million.csv", bytes.clone())],
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("a million participants: {e}"));
    println!(
        "analyze, a million participants: {:.2} s",
        start.elapsed().as_secs_f64()
    );
    let counts = &analysis.report.counts;
    assert_eq!(
        (counts.messages, counts.participants, counts.replies),
        (N as u64, N as u64, N as u64 - 1)
    );
    let start = Instant::now();
    let out = cli("a million participants", "million.csv", &bytes, &[]);
    println!(
        "CLI, a million participants: {:.2} s",
        start.elapsed().as_secs_f64()
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
