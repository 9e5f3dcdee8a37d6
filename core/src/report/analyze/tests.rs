use super::*;
use crate::import::sample;

/// The sample, imported.
fn sample_data() -> Dataset {
    import::import(&sample::inputs(), None).unwrap()
}

#[test]
fn stages_come_verdict_then_layout_then_interval_and_add_up_to_the_analysis() {
    let data = sample_data();
    let options = Options::default();
    let mut heard = Vec::new();
    let staged = analyze_in_stages(&data, &options, &mut |stage| {
        heard.push(match stage {
            Stage::Verdict(a) => {
                assert!(
                    a.network.nodes.is_empty(),
                    "the verdict comes before the layout"
                );
                assert!(a.report.verdict.interval.is_none());
                assert!(!a.participants.is_empty());
                "verdict"
            }
            Stage::Laid(network) => {
                assert!(!network.nodes.is_empty());
                "laid"
            }
            Stage::Interval(report) => {
                assert!(report.verdict.interval.is_some());
                assert!(report.trend.is_some(), "the trend comes with the interval");
                "interval"
            }
        });
    })
    .unwrap();
    assert_eq!(heard, vec!["verdict", "laid", "interval"]);
    let mut apart = analyze_dataset(&data, &options).unwrap();
    add_interval(&data, &options, &mut apart.report).unwrap();
    let json = |a: &Analysis| serde_json::to_string(a).unwrap();
    assert_eq!(
        json(&staged),
        json(&apart),
        "the stages add up to the one analysis"
    );
}

#[test]
fn a_host_that_is_nobody_fails_before_any_stage() {
    let data = sample_data();
    let options = Options {
        hosts: crate::model::options::HostChoice::Named(vec!["nobody-at-all".into()]),
        ..Options::default()
    };
    let mut heard = 0;
    assert!(analyze_in_stages(&data, &options, &mut |_| heard += 1).is_err());
    assert_eq!(heard, 0);
}

#[test]
fn the_report_without_interval_and_add_interval_make_the_clis_report() {
    let data = sample_data();
    let options = Options::default();
    let whole = report_in_milestones(&data, &options, true, &|_| {}).unwrap();
    let mut first = report_without_interval(&data, &options, true).unwrap();
    assert!(first.report.verdict.interval.is_none());
    assert!(first.report.trend.is_none());
    assert_eq!(first.participants, whole.participants);
    add_interval(&data, &options, &mut first.report).unwrap();
    assert_eq!(
        serde_json::to_string(&first.report).unwrap(),
        serde_json::to_string(&whole.report).unwrap()
    );
}
