//! YouTube comments through the public API: a hand-written yt-dlp info JSON and Data API
//! pages whose numbers were worked out by hand, a malformed file, and every real sample in
//! `../shared/samples/youtube` (ignored when `../shared/samples` is absent).

use crate::support::{fixture, metric, report, sample, samples};
use peerscope_core::import::{self, Format};
use peerscope_core::{model::options::Options, report::analyze};

/// yt-dlp, video by @thewoodshed (W, `author_is_uploader`). Thread A by @maple_rin (R):
/// W "@maple_rin …" → R; @oskar_b (O) "@thewoodshed …" → W (not the root's author);
/// W "@oskar_b …" → O; R "Thanks! @oskar_b …" answers her own root (dropped) and
/// mentions O. Thread B by @dara.k (D): O → D. Thread C by W: D "@maple_rin …" → R.
/// Interactions: W→R, O→W, W→O, R→O(m), O→D, D→R.
#[test]
fn good_ytdlp_counts_and_metrics() {
    let r = report(&[fixture("youtube_good.info.json")], &Options::default());
    let c = &r.counts;
    assert_eq!(c.messages, 9);
    assert_eq!((c.participants, c.members, c.hosts), (4, 3, 1));
    assert_eq!((c.replies, c.mentions), (5, 1));
    assert_eq!(c.reactions, 63, "likes 12+5+0+2+0+3+0+40+1");
    assert_eq!(c.days, 5, "2024-06-01 to 2024-06-05");
    assert_eq!(r.hosts[0].name, "@thewoodshed");
    // host_share: W→R, O→W, W→O of 6 interactions.
    assert_eq!(metric(&r, "host_share"), (Some(0.5), Some(3.0), Some(6.0)));
    // peer_reply_share: O→D, D→R of the 5 replies.
    assert_eq!(
        metric(&r, "peer_reply_share"),
        (Some(0.4), Some(2.0), Some(5.0))
    );
    // connect_share: members' O→W, R→O, O→D, D→R; 3 aimed at members.
    assert_eq!(
        metric(&r, "connect_share"),
        (Some(0.75), Some(3.0), Some(4.0))
    );
    assert!(r.sources.warnings.iter().any(|w| w.contains("estimates")));
}

/// API pages of one video: two threads with inline replies (crumb_lab C owns the
/// channel; lou_bakes L; pia.m P), then a `comments` page with one new reply (P
/// "@lou_bakes …" → L) and one already seen. Threads: L→C, C→L, L→P; page: P→L.
#[test]
fn good_api_pages_merge_into_one_video() {
    let threads = report(&[fixture("youtube_api_threads.json")], &Options::default());
    let c = &threads.counts;
    assert_eq!(
        (c.messages, c.participants, c.replies, c.mentions),
        (5, 3, 3, 0)
    );
    assert_eq!(threads.hosts[0].name, "@crumb_lab");
    assert!(threads
        .sources
        .warnings
        .iter()
        .any(|w| w.contains("1 reply not included")));
    let both = report(
        &[
            fixture("youtube_api_threads.json"),
            fixture("youtube_api_replies.json"),
        ],
        &Options::default(),
    );
    let c = &both.counts;
    assert_eq!(
        (c.messages, c.participants, c.replies, c.mentions),
        (6, 3, 4, 0)
    );
    // peer_reply_share: L→P and P→L of the 4 replies.
    assert_eq!(
        metric(&both, "peer_reply_share"),
        (Some(0.5), Some(2.0), Some(4.0))
    );
}

#[test]
fn malformed_names_file_and_position() {
    let err = analyze(
        &[fixture("youtube_malformed.info.json")],
        &Options::default(),
    )
    .err()
    .map(|e| e.to_string())
    .unwrap_or_default();
    assert!(
        err.starts_with("youtube_malformed.info.json: line 8, column 63: the file ends too early"),
        "{err}"
    );
}

/// (messages, participants, replies, mentions) of one sample file.
type Counts = (u64, u64, u64, u64);

/// Counted by reading each file:
/// - threads paged_1 and paged_2 (the same five threads of video F1UP7wRCPH8): five
///   top-level comments by five people, no inline replies (one thread says 2 replies
///   exist). 5 messages, 5 people, 0 replies, 0 mentions.
/// - threads_with_search: one top-level comment by DevRagz on channel UC_x5XG1OV2P6uZZ5FSM9Ttw.
/// - comments_by_parent paged_1: two replies by kun liu to a thread not in the file, so
///   they answer nobody loaded: 2, 1, 0, 0; paged_2: one more reply by kun liu: 1, 1, 0, 0.
const EXPECTED: [(&str, Counts); 5] = [
    (
        "pyyoutube_comment_threads_by_video_paged_1.json",
        (5, 5, 0, 0),
    ),
    (
        "pyyoutube_comment_threads_by_video_paged_2.json",
        (5, 5, 0, 0),
    ),
    ("pyyoutube_comment_threads_with_search.json", (1, 1, 0, 0)),
    ("pyyoutube_comments_by_parent_paged_1.json", (2, 1, 0, 0)),
    ("pyyoutube_comments_by_parent_paged_2.json", (1, 1, 0, 0)),
];

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn every_sample_is_detected_and_read() {
    let dir = samples("youtube");
    let count = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .count();
    assert_eq!(count, EXPECTED.len(), "a new sample needs its hand count");
    for (name, expected) in EXPECTED {
        let input = sample(&dir, name);
        assert_eq!(import::detect(&input).ok(), Some(Format::YouTube), "{name}");
        let c = report(std::slice::from_ref(&input), &Options::default()).counts;
        let got = (c.messages, c.participants, c.replies, c.mentions);
        assert_eq!(got, expected, "{name}");
    }
}

/// Pages of one video merge into one space, and repeated comments count once; the two
/// reply pages (one thread) join each other.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn pages_of_one_video_merge() {
    let dir = samples("youtube");
    let r = report(
        &[
            sample(&dir, "pyyoutube_comment_threads_by_video_paged_1.json"),
            sample(&dir, "pyyoutube_comment_threads_by_video_paged_2.json"),
        ],
        &Options::default(),
    );
    assert_eq!(r.counts.messages, 5);
    assert_eq!(r.sources.files.len(), 2);
    let replies = report(
        &[
            sample(&dir, "pyyoutube_comments_by_parent_paged_1.json"),
            sample(&dir, "pyyoutube_comments_by_parent_paged_2.json"),
        ],
        &Options::default(),
    );
    assert_eq!(
        (replies.counts.messages, replies.counts.participants),
        (3, 1)
    );
}

#[test]
fn detection_does_not_take_other_formats() {
    let discord = fixture("discord_lobby.json");
    assert!(!peerscope_core::import::youtube::detect(
        &discord.name,
        &discord.bytes
    ));
}

#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn detection_does_not_take_a_discourse_sample() {
    let dir = samples("discourse");
    let other = sample(&dir, "discourse_api_topic.json");
    assert!(!peerscope_core::import::youtube::detect(
        &other.name,
        &other.bytes
    ));
}
