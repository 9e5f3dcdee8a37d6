//! CSV files through the public API: a message list, an edge list and a
//! DiscordChatExporter-style CSV, each with every number worked out by hand, and a
//! malformed file. There is no folder of real CSV samples: these fixtures are the
//! conformance set ([`crate::conformance`] fails when `../shared/samples/csv` appears, so
//! it gets its row).

use crate::support::{counts, fixture, metric, report, samples};
use peerscope_core::import::{self, Format};
use peerscope_core::{model::options::Options, report::analyze};

/// csv_messages.csv: 7 messages by maya, leo, ines, omar (4 participants); m2's text
/// spans two lines in quotes, m4's holds doubled quotes. Replies: leo→maya (m2),
/// ines→leo (m3), omar→maya (m4), leo→omar (m5), maya→ines (m6) = 5; m7 answers m9,
/// which is not in the file. Mentions: ines→maya (m3 replies to leo), omar→ines (m4
/// replies to maya) = 2.
#[test]
fn message_list() {
    let r = report(&[fixture("csv_messages.csv")], &Options::default());
    assert_eq!(r.sources.format, "csv");
    assert_eq!(counts(&r), (7, 4, 5, 2));
    assert_eq!(r.sources.inferred_replies, 0);
    // In-neighbours: maya 3 (leo, omar, ines), ines 2, leo 1, omar 1: maya hosts.
    assert_eq!(r.hosts.first().map(|h| h.id.as_str()), Some("maya"));
    // host_share: leo→maya, omar→maya, maya→ines, ines→maya of the 7 interactions.
    let (value, num, den) = metric(&r, "host_share");
    assert_eq!((num, den), (Some(4.0), Some(7.0)));
    assert!(value.is_some_and(|v| (v - 4.0 / 7.0).abs() < 1e-12));
    // peer_reply_share: ines→leo and leo→omar of the 5 replies.
    assert_eq!(
        metric(&r, "peer_reply_share"),
        (Some(0.4), Some(2.0), Some(5.0))
    );
    let warnings = r.sources.warnings.join("\n");
    assert!(
        warnings.contains(
            "csv_messages.csv: CSV columns used: id ← 'message_id', author ← 'user', \
             time ← 'created_at', reply_to ← 'parent_id', mentions ← 'mentions', \
             text ← 'content'; ignored: 'score'."
        ),
        "{warnings}"
    );
    assert!(warnings.contains("1 reply points to messages that are not in the export"));
}

/// csv_edges.csv: ana→ben ×3, ben→ana ×1, cleo→ana ×2, dev→ana ×1 (empty weight = 1),
/// ben→cleo ×0. Messages: one post each for ben and ana (cleo's row has weight 0) plus
/// 3 + 1 + 2 + 1 replies = 9. Participants ana, ben, cleo, dev. Replies 7, no mentions.
#[test]
fn edge_list() {
    let r = report(&[fixture("csv_edges.csv")], &Options::default());
    assert_eq!(counts(&r), (9, 4, 7, 0));
    // ana is reached by ben, cleo, dev (3), ben by ana alone (1): a clear host.
    let host = r.hosts.first();
    assert!(host.is_some_and(|h| h.id == "ana" && !h.uncertain));
    // Every interaction touches ana.
    assert_eq!(metric(&r, "host_share"), (Some(1.0), Some(7.0), Some(7.0)));
    // Ties ana–ben, ana–cleo, ana–dev among 4 people: 2 × 3 / (4 × 3) = 0.5.
    assert_eq!(metric(&r, "density").0, Some(0.5));
}

/// csv_discord.csv, in DiscordChatExporter's CSV shape (all fields quoted, a content
/// cell over two lines, CRLF): 4 messages by rin, sol, tao. No reply column, so replies
/// are inferred: sol→rin (3 min), tao→sol (1 min); rin's "gg" comes 56 minutes after
/// tao. Reactions: 👍 2 + 🎉 1 + 👍 1 = 4.
#[test]
fn discord_style_csv() {
    let r = report(&[fixture("csv_discord.csv")], &Options::default());
    assert_eq!(counts(&r), (4, 3, 2, 0));
    assert_eq!(r.sources.inferred_replies, 2);
    assert_eq!(r.counts.reactions, 4);
    let warnings = r.sources.warnings.join("\n");
    assert!(warnings.contains("ignored: 'Attachments'"), "{warnings}");
    assert!(!warnings.contains("no time zone"), "{warnings}");
}

/// The bad time is on line 5: the quoted text of row 1 spans lines 2–3, line 4 is blank.
#[test]
fn malformed_csv_names_file_line_and_column() {
    let err = analyze(&[fixture("csv_malformed.csv")], &Options::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert_eq!(
        err,
        "csv_malformed.csv: line 5, column 3: column 'time': \"yesterday\" is not a time; \
         expected ISO 8601 (2024-01-31T18:05:00Z) or unix seconds or milliseconds"
    );
}

#[test]
fn fixtures_are_detected_as_csv() {
    for name in [
        "csv_messages.csv",
        "csv_edges.csv",
        "csv_discord.csv",
        "csv_malformed.csv",
    ] {
        assert_eq!(
            import::detect(&fixture(name)).ok(),
            Some(Format::Csv),
            "{name}"
        );
    }
}

/// Detection does not take other formats' files.
#[test]
fn detection_leaves_other_formats_alone() {
    let lobby = fixture("discord_lobby.json");
    assert!(!import::csv::detect(&lobby.name, &lobby.bytes));
    let good = fixture("whatsapp_good.txt");
    assert!(!import::csv::detect(&good.name, &good.bytes));
}

/// Nor real exports of other formats.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn detection_leaves_other_formats_samples_alone() {
    let root = samples("");
    for other in [
        "whatsapp/chatanalytics_4A_11M.txt",
        "whatsapp/whatstk_lorem.txt",
        "telegram/chatanalytics_DM_2A_7M.json",
        "slack/slackdump_source_export.zip",
    ] {
        let bytes = std::fs::read(root.join(other)).unwrap_or_else(|e| panic!("{other}: {e}"));
        assert!(!import::csv::detect(other, &bytes), "{other}");
    }
}
