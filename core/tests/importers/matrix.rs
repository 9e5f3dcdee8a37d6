//! Matrix rooms through the public API: a room written the way element-web's JSON
//! exporter writes one (the room's fields, then every event as the client holds it), whose
//! numbers were worked out by hand; its zip; a malformed copy; and detection that leaves
//! every other format's fixtures alone. No licensed real export was found, so there is no
//! samples folder (see `conformance::NO_FOLDER`).

use std::io::{Cursor, Write};

use crate::support::{fixture, fixtures_dir, metric, report};
use peerscope_core::import::{self, Format, Input};
use peerscope_core::{model::options::Options, report::analyze};

/// matrix_good.json, "Riverside Community Garden", 32 events over two days. Maya creates
/// the room (`m.room.create`: the host hint). By event number:
///   1–7 create, Maya's join, name, topic, joins of Tom, Lena, Raj → system
///   8  Maya asks who brings tools                      post (question)
///   9  Tom replies to 8 (fallback quote holds the `?`)   Tom→Maya
///  10  Lena replies to 8                                  Lena→Maya
///  11  Tom edits 9                                        folded: 9's text is the edit's
///  12  Raj asks about the tap, names Maya (list + link)   mention Raj→Maya
///  13  Sam joins, no display name                         system
///  14  Maya replies to 12                                 Maya→Raj
///  15  Lena starts a thread                               post
///  16  Tom in the thread (falling back)                   thread reply Tom→Lena
///  17  Raj in the thread (falling back to 16)             thread reply Raj→Lena
///  18  Lena really replies to 16 in the thread            Lena→Tom (question)
///  19  Sam in the thread (falling back)                   thread reply Sam→Lena
///  20  the bot joins; 21 its `m.notice`                   system, system
///  22  Sam's deleted message; 23 Maya's redaction         system, system
///  24  Tom replies to the deleted 22                      Tom→Sam
///  25  Raj links Tom and Lena                             mentions Raj→Tom, Raj→Lena
///  26  Lena replies to 25, naming Raj (the reply target)  Lena→Raj (question), no mention
///  27  Lena edits 15                                      folded
///  28  Maya's photo                                       post, no text
///  29  Tom replies to 28                                  Tom→Maya
///  30  Raj "edits" 8, not his                             folded, ignored
///  31  Sam's emote                                        post
///  32  Raj renames himself "Raj P."                       system
/// Messages: 32 − 3 edits − 13 system = 16, by Maya, Tom, Lena, Raj, Sam. Replies: 7
/// explicit + 3 in the thread = 10. Mentions: 12, 25 (two) = 3. Interactions: 13.
#[test]
fn good_room_counts_and_metrics() {
    let r = report(&[fixture("matrix_good.json")], &Options::default());
    assert_eq!(r.sources.format, "matrix");
    let c = &r.counts;
    assert_eq!(c.messages, 16);
    assert_eq!((c.participants, c.members, c.hosts), (5, 4, 1));
    assert_eq!((c.replies, c.mentions, c.reactions), (10, 3, 0));
    assert_eq!(c.days, 2);
    assert_eq!(r.hosts[0].name, "Maya Chen", "the room's creator");
    // Maya at either end: Tom→M, Lena→M, Raj→M (m), M→Raj, Tom→M (29) = 5 of 13.
    assert_eq!(metric(&r, "host_share").1, Some(5.0));
    assert_eq!(metric(&r, "host_share").2, Some(13.0));
    // Replies without Maya: 16, 17, 18, 19, 24, 26 = 6 of 10.
    assert_eq!(metric(&r, "peer_reply_share").1, Some(6.0));
    assert_eq!(metric(&r, "peer_reply_share").2, Some(10.0));
    // Members sent 12 (all but M→Raj), 8 of them to members (not the 4 to Maya).
    assert_eq!(metric(&r, "connect_share").1, Some(8.0));
    assert_eq!(metric(&r, "connect_share").2, Some(12.0));
    let w = &r.sources.warnings;
    assert!(
        w.iter()
            .any(|w| w.contains(": 1 deleted (redacted) message counts nowhere")),
        "{w:?}"
    );
}

/// Who is who: the latest display name, the id for Sam who has none; what the edits and
/// the fallback quotes leave of the text.
#[test]
fn good_room_people_and_text() {
    let input = fixture("matrix_good.json");
    let d = import::import(&[input], None).unwrap_or_else(|e| panic!("{e}"));
    let shown = |id: &str| d.person_with_id(id).map(|p| d.display(p).to_string());
    assert_eq!(shown("@raj:example.org").as_deref(), Some("Raj P."));
    assert_eq!(shown("@sam:tchncs.de").as_deref(), Some("@sam:tchncs.de"));
    assert_eq!(
        shown("@gardenbot:matrix.org").as_deref(),
        Some("Garden Bot")
    );
    let message = |id: &str| d.messages.iter().find(|m| m.id == id);
    let edited = "I can bring two spades, a rake and the wheelbarrow.";
    assert_eq!(
        message("$m02").map(|m| m.text_len),
        Some(edited.len() as u32)
    );
    let own = "Count me in, I have gloves for six.";
    assert_eq!(
        message("$m03").map(|m| (m.text_len, m.is_question)),
        Some((own.len() as u32, false)),
        "the quoted question is not asked again"
    );
    let first = "Welcome everyone! Planting day is Saturday. Who can bring tools?";
    assert_eq!(
        message("$m01").map(|m| m.text_len),
        Some(first.len() as u32)
    );
    let asked = d.messages.iter().filter(|m| m.is_question).count();
    assert_eq!(asked, 4, "8, 12, 18 and 26");
    assert_eq!(d.files[0].messages, 29, "every event but the 3 edits");
    assert_eq!(d.spaces[0].name, "Riverside Community Garden");
}

/// Element zips the room as `export.json` when attachments are included.
#[test]
fn the_zip_reads_as_the_json() {
    let json = std::fs::read(fixtures_dir().join("matrix_good.json")).unwrap_or_default();
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    assert!(w
        .start_file("images/garden-2025-03-05-2026.jpg", options)
        .is_ok());
    assert!(w.write_all(b"\xFF\xD8\xFF").is_ok());
    assert!(w.start_file("export.json", options).is_ok());
    assert!(w.write_all(&json).is_ok());
    let bytes = w.finish().map(|c| c.into_inner()).unwrap_or_default();
    let input = Input::new("matrix-export-03-05-2026.zip", bytes);
    assert_eq!(import::detect(&input).ok(), Some(Format::Matrix));
    let r = report(&[input], &Options::default());
    assert_eq!((r.counts.messages, r.counts.replies), (16, 10));
}

#[test]
fn malformed_room_names_file_and_position() {
    let err = analyze(&[fixture("matrix_malformed.json")], &Options::default())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("matrix_malformed.json: line 129, column 5: this is not valid JSON"),
        "{err}"
    );
}

/// No other format's fixture is taken for a Matrix room, and the room is taken for
/// nothing else.
#[test]
fn detection_leaves_other_formats_alone() {
    for entry in std::fs::read_dir(fixtures_dir())
        .into_iter()
        .flatten()
        .flatten()
    {
        let path = entry.path();
        let name = path.file_name().map(|n| n.to_string_lossy().to_string());
        let Some(name) = name.filter(|_| path.is_file()) else {
            continue;
        };
        let input = Input::new(name.as_str(), std::fs::read(&path).unwrap_or_default());
        let detected = import::detect(&input).ok();
        assert_eq!(
            detected == Some(Format::Matrix),
            name.starts_with("matrix_"),
            "{name}: {detected:?}"
        );
    }
}

/// Element's other exports. Plain text writes each event as `<local date, time> - <text>`,
/// which is a WhatsApp chat's line: it is read as one, by display name, with replies
/// inferred (the reply ids are gone from the text). HTML comes as a zip of pages, which no
/// importer takes: refused in one sentence naming the file.
#[test]
fn element_text_and_html_exports() {
    let text = "5/2/2026, 10:00:00 AM - Maya Chen created and configured the room.\n\
        5/2/2026, 10:12:00 AM - Maya Chen: Welcome everyone! Who can bring tools?\n\
        5/2/2026, 10:15:00 AM - Tom Okafor: <@maya:matrix.org \"Welcome everyone! Who can b...\"> \
        I can bring two spades.\n\
        5/2/2026, 10:16:00 AM - Lena Fischer: Count me in.\n";
    let input = Input::new("Riverside Community Garden.txt", text.as_bytes().to_vec());
    assert_eq!(import::detect(&input).ok(), Some(Format::WhatsApp));
    let r = report(&[input], &Options::default());
    assert_eq!(
        (r.counts.messages, r.counts.replies),
        (3, 2),
        "the room's creation is system"
    );
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, body) in [
        (
            "messages.html",
            "<!DOCTYPE html><html><body><ol></ol></body></html>",
        ),
        ("css/style.css", "body{margin:0}"),
    ] {
        assert!(w.start_file(name, options).is_ok());
        assert!(w.write_all(body.as_bytes()).is_ok());
    }
    let bytes = w.finish().map(|c| c.into_inner()).unwrap_or_default();
    let input = Input::new("matrix - Riverside - Chat Export.zip", bytes);
    let err = import::detect(&input).err().map(|e| e.to_string());
    assert!(
        err.as_deref().is_some_and(|e| e.starts_with(
            "matrix - Riverside - Chat Export.zip: this zip holds no export peerscope reads"
        )),
        "{err:?}"
    );
}
