//! DiscordChatExporter JSON against real exports written by other people, in
//! `../shared/samples/discord` (not copied into this repository; ignored when it is
//! absent). That every file there reads is a row of [`crate::conformance`]; the
//! hand-written fixtures are read by the pipeline tests.

use crate::support::{sample, samples};
use peerscope_core::{model::options::Options, report::analyze};

/// dcef_general.json: replies via `reference` on `Default` messages, a ThreadCreated
/// notice, joins, mentions and reactions.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn dcef_general_has_every_observable_metric() {
    let dir = samples("discord");
    let r = analyze(&[sample(&dir, "dcef_general.json")], &Options::default()).map(|a| a.report);
    let r = r.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        r.counts.messages, 31,
        "35 messages minus 3 joins and the thread notice"
    );
    assert_eq!(r.counts.replies, 2);
    let json = serde_json::to_value(&r.metrics).unwrap_or_default();
    for (key, m) in json.as_object().into_iter().flatten() {
        if m["value"].is_null() {
            assert!(
                m["reason"].as_str().is_some_and(|s| !s.is_empty()),
                "{key} is null without a reason"
            );
        }
    }
    for key in [
        "host_share",
        "centralization",
        "resilience",
        "peer_reply_share",
        "connect_share",
        "density",
        "isolate_share",
    ] {
        assert!(json[key]["value"].is_number(), "{key}");
    }
}

/// The partial re-export of the same channel adds nothing new: duplicates merge.
#[test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
fn overlapping_exports_merge() {
    let dir = samples("discord");
    let whole = analyze(&[sample(&dir, "dcef_chill_talk.json")], &Options::default())
        .map(|a| a.report.counts.messages);
    let both = analyze(
        &[
            sample(&dir, "dcef_chill_talk.json"),
            sample(&dir, "dcef_chill_talk_partial.json"),
        ],
        &Options::default(),
    )
    .map(|a| a.report.counts.messages);
    assert_eq!(whole.ok(), both.ok());
}
