//! The report's metrics as a CSV table, one row per metric, for spreadsheets; and
//! [`each_metric`], the metrics by their report keys, which the progress snapshot shares.

use crate::model::metric::Metric;
use crate::model::schema::{Median, Metrics, Report};

/// The header row.
pub const HEADER: [&str; 6] = ["metric", "value", "num", "den", "unit", "reason"];

/// One metric of the report: a ratio or a median duration.
#[derive(Debug, Clone, Copy)]
pub enum Measure<'a> {
    Ratio(&'a Metric),
    Median(&'a Median),
}

impl Measure<'_> {
    /// The value: a ratio (usually 0..=1) or minutes; `None` when not observable.
    pub fn value(&self) -> Option<f64> {
        match self {
            Measure::Ratio(m) => m.value,
            Measure::Median(m) => m.value,
        }
    }

    /// True for a ratio below its floor (medians have no floor).
    pub fn is_thin(&self) -> bool {
        matches!(self, Measure::Ratio(m) if m.thin)
    }
}

/// Every metric with its key in the report's `metrics`, in the report's order.
///
/// Listed by hand rather than read back through serde: serialising the report in the
/// browser would add a serializer for every report type to the wasm. A unit test checks the
/// list against the report's own keys.
pub fn each_metric(m: &Metrics) -> [(&'static str, Measure<'_>); 17] {
    use Measure::{Median as D, Ratio as R};
    [
        ("host_share", R(&m.host_share)),
        ("centralization", R(&m.centralization)),
        ("in_centralization", R(&m.in_centralization)),
        ("out_centralization", R(&m.out_centralization)),
        ("resilience", R(&m.resilience)),
        ("peer_reply_share", R(&m.peer_reply_share)),
        ("member_initiated_share", R(&m.member_initiated_share)),
        ("reciprocity", R(&m.reciprocity)),
        ("active_share", R(&m.active_share)),
        ("peer_answer_share", R(&m.peer_answer_share)),
        ("continuation", R(&m.continuation)),
        ("connect_share", R(&m.connect_share)),
        ("density", R(&m.density)),
        ("modularity", R(&m.modularity)),
        ("isolate_share", R(&m.isolate_share)),
        (
            "median_minutes_to_peer_answer",
            D(&m.median_minutes_to_peer_answer),
        ),
        (
            "median_minutes_to_host_answer",
            D(&m.median_minutes_to_host_answer),
        ),
    ]
}

/// `metric,value,num,den,unit,reason`, one row per metric in [`each_metric`] order.
///
/// Ratios: `value` in 0..=1 with the counts `num` and `den` it came from, `unit` `ratio`
/// (`continuation` is a ratio of per-day rates). Medians: `value` in minutes, `num` empty,
/// `den` the number of answers measured, `unit` `minutes`. A metric the export could not
/// show has an empty `value` and its `reason`. Every cell is safe to open in a spreadsheet
/// (see [`cell`]). Never empty: the header is always there.
pub fn metrics_csv(report: &Report) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(HEADER);
    for (name, measure) in each_metric(&report.metrics) {
        let row = match measure {
            Measure::Ratio(m) => [
                name.to_string(),
                number(m.value),
                number(m.num),
                number(m.den),
                "ratio".to_string(),
                m.reason.clone().unwrap_or_default(),
            ],
            Measure::Median(m) => [
                name.to_string(),
                number(m.value),
                String::new(),
                m.count.to_string(),
                m.unit.to_string(),
                m.reason.clone().unwrap_or_default(),
            ],
        };
        // Numbers (columns 1–3) are written as they are, so a negative modularity stays a
        // number; only the text columns are guarded.
        let _ = w.write_record(row.iter().enumerate().map(|(i, c)| match i {
            1..=3 => c.clone(),
            _ => cell(c),
        }));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A number as text (integers without `.0`, as in the report's JSON); none or not finite:
/// empty.
fn number(v: Option<f64>) -> String {
    match v.filter(|x| x.is_finite()) {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => format!("{}", x as i64),
        Some(x) => format!("{x}"),
        None => String::new(),
    }
}

/// A cell a spreadsheet will not run (see [`super::tables::spreadsheet_safe`]: the one
/// rule for every CSV the product writes). Empty stays empty.
pub fn cell(text: &str) -> String {
    super::tables::spreadsheet_safe(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{import::sample, model::options::Options, report::analyze};

    #[test]
    fn the_metric_list_is_the_reports() {
        let report = match analyze(&sample::inputs(), &Options::default()) {
            Ok(a) => a.report,
            Err(e) => panic!("the sample analyses: {e}"),
        };
        let json = serde_json::to_value(&report.metrics).unwrap_or_default();
        let mut keys: Vec<&str> = json
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, _)| k.as_str())
            .collect();
        let mut listed: Vec<&str> = each_metric(&report.metrics).iter().map(|m| m.0).collect();
        keys.sort_unstable();
        listed.sort_unstable();
        assert_eq!(
            listed, keys,
            "each_metric must list every metric of the report"
        );
        for (key, measure) in each_metric(&report.metrics) {
            assert_eq!(measure.value(), json[key]["value"].as_f64(), "{key}");
        }
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("0.5"), "0.5");
        assert_eq!(cell(""), "");
        // a negative number in a number column stays a number
        let mut report = analyze(&sample::inputs(), &Options::default())
            .unwrap_or_else(|e| panic!("{e}"))
            .report;
        report.metrics.modularity = crate::model::metric::Metric::observed(-0.25, -0.25, 1.0);
        let text = metrics_csv(&report);
        assert!(text.contains("modularity,-0.25,-0.25,1,"), "{text}");
    }

    #[test]
    fn one_row_per_metric_with_its_numbers() {
        let report = match analyze(&sample::inputs(), &Options::default()) {
            Ok(a) => a.report,
            Err(e) => panic!("the sample analyses: {e}"),
        };
        let text = metrics_csv(&report);
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = rows.records().filter_map(Result::ok).collect();
        let metrics = serde_json::to_value(&report.metrics).unwrap_or_default();
        assert_eq!(Some(rows.len()), metrics.as_object().map(|m| m.len()));
        let peer = rows.iter().find(|r| r.get(0) == Some("peer_reply_share"));
        let Some(peer) = peer else {
            panic!("no peer_reply_share row in {text}")
        };
        let m = &report.metrics.peer_reply_share;
        assert_eq!(peer.get(2), m.num.map(|n| format!("{n:.0}")).as_deref());
        assert_eq!(peer.get(3), m.den.map(|n| format!("{n:.0}")).as_deref());
        assert_eq!(peer.get(4), Some("ratio"));
        let median = rows
            .iter()
            .find(|r| r.get(0) == Some("median_minutes_to_peer_answer"));
        assert_eq!(median.and_then(|r| r.get(4)), Some("minutes"));
        assert!(text.starts_with("metric,value,num,den,unit,reason\n"));
    }
}
