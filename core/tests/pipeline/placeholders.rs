//! Placeholders are not people (docs/METRICS.md §1, §10): a name standing for many
//! people is no node and is never named; a deleted account with its own id stays a
//! person but is never named in a step.
//!
//! Both fixtures hold the same talk, four rounds two days apart after one opening post by
//! olive (the host): ann, ben and cy answer each other, dee, eve and fay answer each
//! other, and a fourth voice X answers ann, ben, dee, eve and cy while cy and fay answer X
//! (20 of the 80 replies). A ninth voice, quill, only posts on its own (once on Reddit,
//! nine times on Discord), so the talk falls into the ten conversations a verdict needs.
//! In `reddit_deleted.json` X is `[deleted]`; in
//! `discord_deleted_user.json` X is "Deleted User" with its own id. Each test also runs
//! the same bytes with X renamed to a plain "kestrel", who then leads, bridges the two
//! groups and is named in steps: so each check below would catch X being treated as
//! someone.

use peerscope_core::model::options::{HostChoice, Options};
use peerscope_core::model::schema::Report;
use peerscope_core::{import::Input, report::analyze, report::analyze::Analysis};

fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

/// The fixture `name`, with `(from, to)` replaced everywhere when given, analysed with
/// olive as host.
fn analysed(name: &str, rename: Option<(&str, &str)>) -> Analysis {
    let mut text = String::from_utf8(fixture_bytes(name)).unwrap_or_default();
    if let Some((from, to)) = rename {
        text = text.replace(from, to);
    }
    let input = Input::new(name, text.into_bytes());
    let options = Options {
        hosts: HostChoice::Named(vec!["olive".into()]),
        ..Options::default()
    };
    analyze(&[input], &options).unwrap_or_else(|e| panic!("{e}"))
}

/// Whether any checklist step names `who` (in its people or anywhere in its text), or
/// the headline does.
fn named_in_advice(r: &Report, who: &str) -> bool {
    let steps = serde_json::to_string(&r.checklist).unwrap_or_default();
    steps.contains(who) || r.verdict.headline.contains(who)
}

fn leads_or_bridges(r: &Report, who: &str) -> bool {
    r.funnel.leaders.iter().any(|l| l.name == who) || r.funnel.bridges.iter().any(|b| b.name == who)
}

fn is_node(a: &Analysis, who: &str) -> bool {
    a.network.nodes.iter().any(|n| n.name == who) || a.participants.iter().any(|p| p.name == who)
}

#[test]
fn a_deleted_reddit_author_is_nobody_but_its_comments_count() {
    let a = analysed("reddit_deleted.json", None);
    let r = &a.report;
    let c = &r.counts;
    assert_eq!(c.messages, 82, "the post, 4 × 20 comments and quill's own");
    assert_eq!(c.placeholder_messages, 20, "X's 5 comments a round");
    // Each round: 13 replies between people; X's 5 and the 2 answers to X have no person
    // at one end.
    assert_eq!((c.replies, c.participants, c.members), (53, 8, 7));
    let warnings = r.sources.warnings.join("\n");
    assert!(
        warnings.contains("20 messages by deleted or unknown accounts count as messages"),
        "{warnings}"
    );
    assert!(!is_node(&a, "[deleted]"), "no node, not in the host picker");
    assert!(!leads_or_bridges(r, "[deleted]"));
    assert!(r.hosts.iter().all(|h| h.name == "olive"));
    assert!(!named_in_advice(r, "[deleted]"));
    assert!(!r.checklist.is_empty() && !r.funnel.leaders.is_empty());

    let someone = analysed("reddit_deleted.json", Some(("[deleted]", "kestrel")));
    let r = &someone.report;
    assert_eq!((r.counts.replies, r.counts.placeholder_messages), (81, 0));
    assert!(is_node(&someone, "kestrel"));
    assert_eq!(
        r.funnel.leaders.first().map(|l| l.name.as_str()),
        Some("kestrel")
    );
    assert!(r.funnel.bridges.iter().any(|b| b.name == "kestrel"));
    assert!(named_in_advice(r, "kestrel"), "the control names X");
}

#[test]
fn a_deleted_discord_account_is_a_person_never_named_in_a_step() {
    let a = analysed("discord_deleted_user.json", None);
    let r = &a.report;
    assert_eq!(r.counts.placeholder_messages, 0, "it kept its own id");
    assert_eq!((r.counts.replies, r.counts.participants), (80, 9));
    assert!(is_node(&a, "Deleted User"), "still a person in the graph");
    assert!(!named_in_advice(r, "Deleted User"));
    assert!(!named_in_advice(r, "555555555555555555"), "nor by its id");
    assert!(!r.checklist.is_empty());

    let someone = analysed(
        "discord_deleted_user.json",
        Some(("Deleted User", "kestrel")),
    );
    assert!(
        named_in_advice(&someone.report, "kestrel"),
        "the control names X"
    );
}

#[test]
fn discords_shared_deleted_account_is_a_placeholder() {
    // Discord credits erased authors to one shared account: many people, one id.
    let a = analysed(
        "discord_deleted_user.json",
        Some(("555555555555555555", "456226577798135808")),
    );
    let r = &a.report;
    assert_eq!(r.counts.placeholder_messages, 20);
    assert_eq!((r.counts.replies, r.counts.participants), (52, 8));
    assert!(!is_node(&a, "Deleted User"));
    assert!(!leads_or_bridges(r, "Deleted User"));
}
