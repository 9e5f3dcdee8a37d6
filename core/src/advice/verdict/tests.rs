//! Unit tests of the verdict: labels, score, reasons and the undetermined state.

use super::*;

#[test]
fn labels_follow_the_rounded_score_and_core() {
    assert_eq!(label(Some(60.0), 0, 100), Label::Community);
    assert_eq!(label(Some(59.5), 0, 100), Label::Community, "shown as 60");
    assert_eq!(label(Some(59.4), 0, 100), Label::Emerging);
    assert_eq!(label(Some(34.5), 0, 100), Label::Emerging, "shown as 35");
    assert_eq!(label(Some(34.4), 0, 100), Label::Audience);
    assert_eq!(
        label(Some(20.0), 5, 250),
        Label::Emerging,
        "core of 5 is 2% of 250"
    );
    assert_eq!(
        label(Some(20.0), 5, 251),
        Label::Audience,
        "core below 2% of members"
    );
    assert_eq!(label(Some(20.0), 4, 10), Label::Audience);
    assert_eq!(label(None, 9, 10), Label::Undetermined);
}

/// Every metric observed as `value` over 100 (well above every floor).
fn metrics(value: f64) -> Metrics {
    let m = Metric::observed(value, value * 100.0, 100.0);
    Metrics::every(m)
}

fn context(metrics: &Metrics, interactions: u64, participants: u64) -> Context<'_> {
    Context {
        metrics,
        core: 0,
        members: participants.saturating_sub(1),
        goal: Goal::Connection,
        stand_in: None,
        days: Some((10, 10)),
        interactions,
        participants,
        units: Some(100),
    }
}

#[test]
fn thin_and_null_measures_drop_out_of_the_score() {
    let mut m = metrics(0.8);
    m.host_share = Metric::observed(0.25, 25.0, 100.0);
    m.centralization = Metric::observed(0.5, 5.0, 10.0);
    let all = judge(&context(&m, 100, 20));
    // weights 2,2,2,1,1,1,1 over 0.8 ×5, 0.75, 0.5
    let expected = 100.0 * (0.8 * 8.0 + 0.75 + 0.5) / 10.0;
    assert!((all.score.unwrap_or(0.0) - expected).abs() < 1e-9);
    assert_eq!(all.confidence, Confidence::Tentative);
    assert_eq!(all.reason, None);
    m.centralization = m.centralization.thinned("only 4 people took part");
    m.continuation = Metric::unobservable("too few days");
    let fewer = judge(&context(&m, 100, 20));
    let expected = 100.0 * (0.8 * 6.0 + 0.75) / 7.0;
    assert!((fewer.score.unwrap_or(0.0) - expected).abs() < 1e-9);
    assert!(fewer
        .evidence
        .iter()
        .all(|e| e.metric != "centralization" && e.metric != "continuation"));
}

#[test]
fn too_little_conversation_is_undetermined_and_says_why() {
    let m = metrics(0.9);
    let v = judge(&context(&m, 14, 4));
    assert_eq!((v.label, v.score), (Label::Undetermined, None));
    assert_eq!(v.confidence, Confidence::Undetermined);
    assert_eq!(
        v.reason.as_deref(),
        Some("Too little conversation to judge yet: 14 replies and mentions among 4 people; a verdict needs at least 30 among 5 or more people.")
    );
    assert!(
        v.headline.starts_with("Too early to tell"),
        "{}",
        v.headline
    );
    assert_eq!(judge(&context(&m, 29, 50)).label, Label::Undetermined);
    assert_eq!(judge(&context(&m, 30, 5)).label, Label::Community);
}

#[test]
fn fewer_than_three_counted_measures_is_undetermined() {
    let mut m = metrics(0.9);
    let thin = |x: &Metric| x.clone().thinned("thin");
    m.peer_reply_share = thin(&m.peer_reply_share);
    m.resilience = thin(&m.resilience);
    m.connect_share = thin(&m.connect_share);
    m.member_initiated_share = thin(&m.member_initiated_share);
    let three = judge(&context(&m, 40, 8));
    assert_ne!(
        three.label,
        Label::Undetermined,
        "continuation, host share and centralization count"
    );
    m.host_share = Metric::unobservable("none");
    let two = judge(&context(&m, 40, 8));
    assert_eq!(two.label, Label::Undetermined);
    assert!(
        two.reason
            .as_deref()
            .is_some_and(|r| r.contains("only 2 of the 7 measures")),
        "{:?}",
        two.reason
    );
}

#[test]
fn a_thin_measure_is_never_quoted() {
    let mut m = metrics(0.2);
    m.host_share = Metric::observed(0.83, 10.0, 12.0).thinned("only 12");
    m.peer_reply_share = Metric::observed(0.17, 2.0, 12.0).thinned("only 12");
    let v = judge(&context(&m, 40, 8));
    assert_eq!(v.label, Label::Audience);
    let text: Vec<&str> = std::iter::once(v.headline.as_str())
        .chain(v.evidence.iter().map(|e| e.sentence.as_str()))
        .collect();
    for line in text {
        assert!(!line.contains("83%") && !line.contains("17%"), "{line}");
        assert!(!line.contains(" of 12") && !line.contains('?'), "{line}");
    }
}

#[test]
fn with_no_host_the_test_names_the_person_it_removes() {
    let m = metrics(0.7);
    let ctx = Context {
        stand_in: Some("Arjun"),
        ..context(&m, 100, 20)
    };
    let v = judge(&ctx);
    let resilience = v.evidence.iter().find(|e| e.metric == "resilience");
    assert!(resilience.is_some_and(|e| e
        .sentence
        .contains("most connected person, Arjun: 70 of 100")));
}
