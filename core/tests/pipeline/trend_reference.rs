//! The trend against pandas and scipy, on the export and figures that
//! `tests/trend_reference.py` wrote to `tests/fixtures/trend_export.csv` and
//! `tests/fixtures/trend_reference.json`: the calendar months, their coverage, messages
//! and interactions, which pass the 80% and 30-interaction rules, and the Theil–Sen
//! slope and change of the eligible scores, to 1e-9.

use peerscope_core::import::{self, Input};
use peerscope_core::model::options::{HostChoice, Options};
use peerscope_core::report::analyze::report_with_interval;
use serde_json::Value;

const TOLERANCE: f64 = 1e-9;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= TOLERANCE,
        "{what}: peerscope {a}, reference {b}"
    );
}

#[test]
fn periods_slope_and_change_match_pandas_and_scipy() {
    let reference: Value = serde_json::from_slice(&fixture("trend_reference.json")).unwrap();
    let name = reference["export"].as_str().unwrap();
    let data = import::import(&[Input::new(name, fixture(name))], None).unwrap();
    let options = Options {
        hosts: HostChoice::Named(vec![reference["host"].as_str().unwrap().to_string()]),
        ..Options::default()
    };
    let report = report_with_interval(&data, &options).unwrap();
    let trend = report.trend.unwrap();
    let expected = reference["periods"].as_array().unwrap();
    assert_eq!(trend.periods.len(), expected.len());
    for (got, want) in trend.periods.iter().zip(expected) {
        assert_eq!(got.start, want["start"].as_str().unwrap());
        assert_eq!(got.end, want["end"].as_str().unwrap());
        assert_eq!(got.counts.days, want["days"].as_u64().unwrap());
        assert_eq!(
            got.counts.covered_days,
            want["covered_days"].as_u64().unwrap()
        );
        assert_eq!(got.counts.messages, want["messages"].as_u64().unwrap());
        assert_eq!(
            got.counts.interactions,
            want["interactions"].as_u64().unwrap()
        );
        // Each passing month is scored here: eligible exactly when it passes.
        assert_eq!(
            got.eligible,
            want["passes_checks"].as_bool().unwrap(),
            "{got:?}"
        );
    }
    let eligible: Vec<u64> = trend
        .periods
        .iter()
        .filter(|p| p.eligible)
        .map(|p| u64::from(p.index))
        .collect();
    let want: Vec<u64> = reference["eligible"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_u64().unwrap())
        .collect();
    assert_eq!(eligible, want);
    let scores = reference["scores"].as_array().unwrap();
    for (&i, s) in eligible.iter().zip(scores) {
        let got = trend.periods[i as usize].score.unwrap();
        close(
            got,
            s.as_f64().unwrap(),
            "a period's score (regenerate the reference?)",
        );
    }
    close(
        trend.slope.unwrap(),
        reference["slope"].as_f64().unwrap(),
        "slope",
    );
    close(
        trend.change.unwrap(),
        reference["change"].as_f64().unwrap(),
        "change",
    );
}
