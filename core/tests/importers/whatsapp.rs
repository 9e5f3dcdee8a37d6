//! WhatsApp chat exports through the public API: a hand-written chat whose every number
//! was worked out by hand, a malformed one, every real export in
//! `../shared/samples/whatsapp/` (counted by hand, see the table), and the whatstk
//! catalogue of header formats.

use crate::support::{fixture, metric, report, sample, samples};
use peerscope_core::import::{self, whatsapp, Format};
use peerscope_core::{import::Input, model::options::Options, report::analyze};

/// whatsapp_good.txt: iOS shape, month/day (1/15/24 has a 15 in second place), 12-hour
/// times with U+202F before AM/PM, LRM marks, a phone-number sender in U+202A/U+202C.
/// Four notices (encryption, created, added, left) do not count; 11 messages by Hana,
/// Arjun, Bea, Chen and +44 7700 900123 (5 participants). Inferred replies (≤ 10 min to
/// the latest message by someone else): Arjun→Hana 9:05, Bea→Arjun 9:06, Chen→Hana 9:21
/// (Hana's 9:20 picture, not her 9:02), Bea→Chen 9:25 and 9:26 (a run answers the
/// message before it), Hana→+44 13:04; Hana 9:20 (14 min after Bea), +44 13:00, Arjun
/// and Chen the next morning answer nobody: 6 replies. Mentions: Chen→Bea (9:21),
/// +44→Hana, Chen→Arjun and Chen→Bea (next day); Hana's @+44 is the person she replies
/// to, so it is no extra mention: 4.
#[test]
fn good_chat_counts_and_metrics() {
    let r = report(&[fixture("whatsapp_good.txt")], &Options::default());
    assert_eq!(r.sources.format, "whatsapp");
    assert_eq!(r.counts.messages, 11);
    assert_eq!(r.counts.participants, 5);
    assert_eq!(r.counts.replies, 6);
    assert_eq!(r.counts.mentions, 4);
    assert_eq!(r.sources.inferred_replies, 6, "every reply is inferred");
    assert_eq!(r.counts.days, 2);
    // In-neighbours: Hana 3 (Arjun, Chen, +44), Arjun 2 (Bea, Chen), others 1. Hana is
    // the detected host, uncertain since 3 < 2 × 2.
    assert_eq!(r.hosts.first().map(|h| h.id.as_str()), Some("Hana"));
    assert!(r.hosts.first().is_some_and(|h| h.detected && h.uncertain));
    // host_share: A→H, C→H, H→+44 and the mention +44→H touch Hana: 4 of 10.
    assert_eq!(metric(&r, "host_share"), (Some(0.4), Some(4.0), Some(10.0)));
    // peer_reply_share: B→A, B→C, B→C of the 6 replies.
    assert_eq!(
        metric(&r, "peer_reply_share"),
        (Some(0.5), Some(3.0), Some(6.0))
    );
    // connect_share: of the 9 interactions by members (all but H→+44), 6 aim at members
    // (B→A, B→C ×2, and the mentions C→B ×2, C→A).
    let (value, num, den) = metric(&r, "connect_share");
    assert_eq!((num, den), (Some(6.0), Some(9.0)));
    assert!(value.is_some_and(|v| (v - 6.0 / 9.0).abs() < 1e-12));
    let warnings = r.sources.warnings.join("\n");
    assert!(warnings.contains("read as UTC"), "{warnings}");
    assert!(warnings.contains("replies are inferred"), "{warnings}");
    assert!(!warnings.contains("day or the month"), "{warnings}");
}

/// 30/2/21 is read day-first like the two lines before it: there is no 30 February.
#[test]
fn malformed_chat_names_file_line_and_column() {
    let err = analyze(&[fixture("whatsapp_malformed.txt")], &Options::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert_eq!(
        err,
        "whatsapp_malformed.txt: line 3, column 1: \"30/2/21, 09:00 -\" is not a real date \
         and time (read as day/month/year, as the rest of the chat is)"
    );
}

/// Counted by hand, by reading each file (`_chat.txt` inside the zip is the .txt with
/// CRLF line ends). Replies follow the 10-minute rule of docs/METRICS.md §2.
/// - 2A_5M: A, B alternate at 12:00, 12:01, 12:02, 12:03, plus A's out-of-order line at
///   12:02. In time order A, B, A, A, B: B→A, A→B, A→B (a run answers the message before
///   it), B→A = 4 replies. No `@`.
/// - 4A_11M: 3 notices (encryption, "created group", "added you"), 11 messages by Bob,
///   Eve, Alice, Mallory, Trent (5; the "4A" of the name is not ours). All within
///   23:55–23:56; each change of sender is a reply, a run answers the message before it:
///   Eve→Bob ×2, Alice→Eve ×2, Bob→Alice, Alice→Bob, Mallory→Alice, Trent→Mallory,
///   Mallory→Trent, Trent→Mallory = 10 (Bob's opening message answers nobody).
/// - whatstk_lorem: 500 lines, each a `[dd-mm-yy HH:MM:SS] Name:` header (no
///   continuation lines, no `@`), senders Mary, John, Giuseppe, +1 123 456 789. The
///   generator spaces messages at least 30 minutes apart, so no reply is inferred.
/// - whatstk_lorem-merge-part1: 300 `yyyy-mm-dd, HH:MM - Name:` lines, the same four
///   senders, again at least 30 minutes apart: no replies, no mentions.
const COUNTS: [(&str, u64, u64, u64, u64); 5] = [
    // (file, messages, participants, replies, mentions)
    ("chatanalytics_2A_5M.txt", 5, 2, 4, 0),
    ("chatanalytics_4A_11M.txt", 11, 5, 10, 0),
    ("chatanalytics_4A_11M.zip", 11, 5, 10, 0),
    ("whatstk_lorem.txt", 500, 4, 0, 0),
    ("whatstk_lorem-merge-part1.txt", 300, 4, 0, 0),
];

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_sample_is_detected_and_counted_by_hand() {
    let dir = samples("whatsapp");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name == "SOURCES.md" {
            continue;
        }
        let input = sample(&dir, &name);
        if name == "whatstk_header_format_support.json" {
            // A catalogue of formats, not a chat (read by `whatstk_header_catalogue`).
            assert!(!whatsapp::detect(&name, &input.bytes));
            continue;
        }
        assert_eq!(
            import::detect(&input).ok(),
            Some(Format::WhatsApp),
            "{name}"
        );
        let Some(&(_, messages, participants, replies, mentions)) =
            COUNTS.iter().find(|c| c.0 == name)
        else {
            panic!("{name}: a new sample; count it by hand and add it to COUNTS");
        };
        let c = report(&[input], &Options::default()).counts;
        let got = (c.messages, c.participants, c.replies, c.mentions);
        assert_eq!(got, (messages, participants, replies, mentions), "{name}");
        seen += 1;
    }
    assert_eq!(seen, COUNTS.len());
}

/// The .txt and the .zip of the same chat share a name, hence a space, and merge.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn txt_and_zip_of_one_chat_merge() {
    let dir = samples("whatsapp");
    let r = report(
        &[
            sample(&dir, "chatanalytics_4A_11M.txt"),
            sample(&dir, "chatanalytics_4A_11M.zip"),
        ],
        &Options::default(),
    );
    assert_eq!((r.counts.messages, r.counts.replies), (11, 10));
}

/// Every header format of whatstk's catalogue, written out for 25 March 2020 at
/// 14:07:09 (02:07:09 PM), reads back as that time. `%y` is written as 2020 when the
/// year comes first (no export writes a two-digit year first) and as 20 when it is last.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn whatstk_header_catalogue() {
    let dir = samples("whatsapp");
    let text = std::fs::read_to_string(dir.join("whatstk_header_format_support.json"));
    let catalogue: serde_json::Value =
        serde_json::from_str(&text.unwrap_or_default()).unwrap_or_default();
    let formats: Vec<&str> = catalogue
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["format"].as_str())
        .collect();
    assert_eq!(formats.len(), 96);
    const MIDNIGHT: i64 = 1_585_094_400_000; // 2020-03-25T00:00:00Z
    for format in formats {
        let year = if format.starts_with("%y") || format.starts_with("[%y") {
            "2020"
        } else {
            "20"
        };
        let line = format
            .replace("%y", year)
            .replace("%m", "03")
            .replace("%d", "25")
            .replace("%H", "14")
            .replace("%I", "02")
            .replace("%M", "07")
            .replace("%S", "09")
            .replace("%p", "PM")
            .replace("%name", "Ann")
            + " hello";
        let seconds = if format.contains("%S") { 9_000 } else { 0 };
        let want = MIDNIGHT + (14 * 60 + 7) * 60_000 + seconds;
        let data = import::import(&[Input::new("c.txt", line.clone().into_bytes())], None);
        let got = data
            .ok()
            .and_then(|d| d.messages.first().map(|m| m.time_ms));
        assert_eq!(got, Some(want), "{format} → {line}");
    }
}

/// Detection does not take other formats' files.
#[test]
fn detection_leaves_other_formats_alone() {
    let lobby = fixture("discord_lobby.json");
    assert!(!whatsapp::detect(&lobby.name, &lobby.bytes));
}

/// Nor real exports of other formats.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn detection_leaves_other_formats_samples_alone() {
    let dir = samples("whatsapp");
    for other in [
        "../telegram/chatanalytics_DM_2A_7M.json",
        "../slack/slackdump_source_export.zip",
        "../messenger/chatanalytics_2A_7M.json",
    ] {
        let bytes = std::fs::read(dir.join(other)).unwrap_or_else(|e| panic!("{other}: {e}"));
        assert!(!whatsapp::detect(other, &bytes), "{other}");
    }
}
