//! YouTube live chat through the public API: a hand-written yt-dlp `live_chat.json`
//! whose numbers were worked out by hand, a malformed one, the CLI's streaming reader,
//! and the real sample in `../shared/samples/youtube-live-chat` (ignored when
//! `../shared/samples` is absent).

use std::cell::Cell;

use crate::support::{fixture, report, sample, samples};
use peerscope_core::import::{self, Format};
use peerscope_core::model::{options::Options, Dataset};
use peerscope_core::report::analyze;

/// @HostChannel (owner badge, H) welcomes; @ann (A) waves (an emoji); @bob (B, a
/// moderator, not a host) asks; H "@bob …" answers B; @cyd (C) "@ann …" answers A; B's
/// Super Chat names @HostChannel after a space (a mention); A's membership is a system
/// message; a placeholder is not read; @dee (D) "@eve hi" names nobody known (a post); C
/// sends a Super Sticker (a post without text). Counting: 8 messages by 5 people, 2
/// replies, 1 mention.
#[test]
fn good_chat_counts() {
    let r = report(
        &[fixture("youtube_live_chat_good.live_chat.json")],
        &Options::default(),
    );
    let c = &r.counts;
    assert_eq!(
        (c.messages, c.participants, c.replies, c.mentions, c.hosts),
        (8, 5, 2, 1, 1)
    );
    assert_eq!(r.hosts[0].name, "@HostChannel");
    assert_eq!(r.sources.format, "youtube-live-chat");
    assert_eq!(r.sources.files[0].messages, 9, "the membership item too");
    assert_eq!(r.sources.inferred_replies, 0, "no replies from timing");
}

/// The CLI's reader streams the lines and reads what the whole file reads.
#[test]
fn streamed_lines_read_as_the_whole_file() {
    let input = fixture("youtube_live_chat_good.live_chat.json");
    assert!(import::streams(&input.bytes, None));
    let mut streamed = Dataset::default();
    let counted = Cell::new(0);
    let read = import::read_stream_counting(
        &input.name,
        input.bytes.as_slice(),
        None,
        &mut streamed,
        &counted,
    );
    assert!(read.is_ok(), "{read:?}");
    let whole = import::import(std::slice::from_ref(&input), None).unwrap();
    assert_eq!(streamed.messages, whole.messages);
    assert_eq!(counted.get(), 9);
    assert_eq!(streamed.detections[0].confidence, "certain");
}

#[test]
fn malformed_names_file_and_position() {
    let err = analyze(
        &[fixture("youtube_live_chat_malformed.live_chat.json")],
        &Options::default(),
    )
    .err()
    .map(|e| e.to_string())
    .unwrap_or_default();
    assert!(
        err.starts_with(
            "youtube_live_chat_malformed.live_chat.json: line 2, column 150: the file ends \
             too early"
        ),
        "{err}"
    );
}

/// pytchat's recorded replay response (pretty-printed, read whole): 49 actions, 47 text
/// messages and 1 Super Chat by 24 channels, and a placeholder; nobody opens with an
/// `@name` of a known author and nobody carries the owner badge, so no reply, no mention
/// and no host.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn the_replay_sample_reads_47_texts_and_1_super_chat() {
    let dir = samples("youtube-live-chat");
    let input = sample(&dir, "pytchat_chatreplay.json");
    assert_eq!(import::detect(&input).ok(), Some(Format::YouTubeLiveChat));
    assert!(
        !import::streams(&input.bytes, None),
        "pretty-printed: whole"
    );
    let r = report(std::slice::from_ref(&input), &Options::default());
    let c = &r.counts;
    assert_eq!(
        (c.messages, c.participants, c.replies, c.mentions, c.hosts),
        (48, 24, 0, 0, 0)
    );
}

#[test]
fn detection_does_not_take_other_formats() {
    for name in [
        "discord_lobby.json",
        "youtube_good.info.json",
        "youtube_api_threads.json",
    ] {
        let other = fixture(name);
        assert!(
            !peerscope_core::import::youtube_live_chat::detect(&other.name, &other.bytes),
            "{name}"
        );
    }
}
