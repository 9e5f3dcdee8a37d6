//! Newcomers, questions and absence against an independent computation:
//! `tests/newcomers_reference.py` generated `tests/fixtures/newcomers_export.json` and
//! computed its figures in plain Python into `tests/fixtures/newcomers_reference.json`.

use peerscope_core::import::Input;
use peerscope_core::model::metric::Metric;
use peerscope_core::model::options::{HostChoice, Options};
use peerscope_core::model::schema::Delay;
use peerscope_core::report::analyze;
use serde_json::Value;

const TOLERANCE: f64 = 1e-9;

fn fixture(name: &str) -> String {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn near(what: &str, ours: Option<f64>, theirs: &Value) {
    match (ours, theirs.as_f64()) {
        (Some(a), Some(b)) => assert!((a - b).abs() < TOLERANCE, "{what}: {a} against {b}"),
        (a, _) => assert!(
            a.is_none() && theirs.is_null(),
            "{what}: {a:?} against {theirs}"
        ),
    }
}

fn ratio(what: &str, ours: &Metric, theirs: &Value) {
    near(what, ours.value, &theirs["value"]);
    near(&format!("{what} num"), ours.num, &theirs["num"]);
    near(&format!("{what} den"), ours.den, &theirs["den"]);
}

fn delay(what: &str, ours: &Delay, theirs: &Value) {
    near(&format!("{what} p50"), ours.p50, &theirs["p50"]);
    near(&format!("{what} p90"), ours.p90, &theirs["p90"]);
    assert_eq!(Some(ours.count), theirs["count"].as_u64(), "{what} count");
}

#[test]
fn newcomer_figures_equal_the_python_reference() {
    let expected: Value = serde_json::from_str(&fixture("newcomers_reference.json")).unwrap();
    let input = Input::new(
        "newcomers_export.json",
        fixture("newcomers_export.json").into_bytes(),
    );
    let options = Options {
        hosts: HostChoice::Named(vec!["h".into()]),
        ..Options::default()
    };
    let r = analyze(&[input], &options).unwrap().report;
    let (m, n) = (&r.metrics, &r.newcomers);
    assert_eq!(Some(n.count), expected["newcomers"].as_u64());
    assert!(n.count >= 20, "the generated export holds newcomers");
    ratio(
        "welcome",
        &m.newcomer_welcome_share,
        &expected["newcomer_welcome_share"],
    );
    ratio(
        "peer welcome",
        &m.peer_welcome_share,
        &expected["peer_welcome_share"],
    );
    ratio(
        "return welcomed",
        &n.return_welcomed,
        &expected["return_welcomed"],
    );
    ratio(
        "return unwelcomed",
        &n.return_unwelcomed,
        &expected["return_unwelcomed"],
    );
    assert_eq!(Some(n.waiting_count), expected["waiting_count"].as_u64());
    ratio(
        "unanswered",
        &m.unanswered_question_share,
        &expected["unanswered_question_share"],
    );
    let f = &expected["first_response"];
    delay("all", &r.first_response.all, &f["all"]);
    delay("hosts", &r.first_response.hosts, &f["hosts"]);
    delay("members", &r.first_response.members, &f["members"]);
    let a = &expected["absence"];
    assert_eq!(r.absence.factor, a["factor"].as_u64());
    assert_eq!(Some(r.absence.interactions), a["interactions"].as_u64());
    let people = a["people"].as_array().unwrap();
    assert_eq!(r.absence.people.len(), people.len());
    for (ours, theirs) in r.absence.people.iter().zip(people) {
        // Ties in count may be ordered differently; each share is that person's own.
        near(&ours.id, Some(ours.share), &theirs["share"]);
        near(&ours.id, Some(ours.share), &a["shares"][&ours.id]);
    }
}
