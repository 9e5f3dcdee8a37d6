//! The report's metrics as a CSV table, one row per metric, for spreadsheets; and
//! [`each_metric`], the metrics by their report keys, which the progress snapshot shares.

use super::csv_text::CsvText;
use crate::model::metric::Metric;
use crate::model::schema::{Delay, Metrics, Report};

/// The header row.
pub const HEADER: [&str; 6] = ["metric", "value", "num", "den", "unit", "reason"];

/// Every metric with its key in the report's `metrics`, in the report's order.
///
/// Listed by hand rather than read back through serde: serialising the report in the
/// browser would add a serializer for every report type to the wasm. A unit test checks the
/// list against the report's own keys.
pub fn each_metric(m: &Metrics) -> [(&'static str, &Metric); 18] {
    [
        ("host_share", &m.host_share),
        ("centralization", &m.centralization),
        ("in_centralization", &m.in_centralization),
        ("out_centralization", &m.out_centralization),
        ("resilience", &m.resilience),
        ("peer_reply_share", &m.peer_reply_share),
        ("member_initiated_share", &m.member_initiated_share),
        ("reciprocity", &m.reciprocity),
        ("active_share", &m.active_share),
        ("peer_answer_share", &m.peer_answer_share),
        ("continuation", &m.continuation),
        ("connect_share", &m.connect_share),
        ("density", &m.density),
        ("modularity", &m.modularity),
        ("isolate_share", &m.isolate_share),
        ("newcomer_welcome_share", &m.newcomer_welcome_share),
        ("peer_welcome_share", &m.peer_welcome_share),
        ("unanswered_question_share", &m.unanswered_question_share),
    ]
}

/// The ratios outside `metrics` that the table also lists, by their report paths.
fn other_ratios(r: &Report) -> [(&'static str, &Metric); 2] {
    [
        ("newcomers.return_welcomed", &r.newcomers.return_welcomed),
        (
            "newcomers.return_unwelcomed",
            &r.newcomers.return_unwelcomed,
        ),
    ]
}

/// The waiting times of `first_response`, by their report paths.
fn delays(r: &Report) -> [(&'static str, &Delay); 3] {
    let f = &r.first_response;
    [
        ("first_response.all", &f.all),
        ("first_response.hosts", &f.hosts),
        ("first_response.members", &f.members),
    ]
}

/// `metric,value,num,den,unit,reason`: one row per metric in [`each_metric`] order, then
/// the newcomers' two return rates, then the `p50` and `p90` of each `first_response`
/// waiting time.
///
/// Ratios: `value` in 0..=1 with the counts `num` and `den` it came from, `unit` `ratio`
/// (`continuation` is a ratio of per-day rates); a thin one says why in `reason`. Waiting
/// times: `value` in minutes, `num` empty, `den` the number of answered questions, `unit`
/// `minutes`. A figure the export could not show has an empty `value` and a `reason`.
/// Every cell is safe to open in a spreadsheet (see [`cell`]). Never empty: the header is
/// always there.
pub fn metrics_csv(report: &Report) -> String {
    let mut w = CsvText::default();
    w.record(HEADER);
    let ratios = each_metric(&report.metrics)
        .into_iter()
        .chain(other_ratios(report));
    let mut rows: Vec<[String; 6]> = ratios
        .map(|(name, m)| {
            [
                name.to_string(),
                number(m.value),
                number(m.num),
                number(m.den),
                "ratio".to_string(),
                m.reason.clone().unwrap_or_default(),
            ]
        })
        .collect();
    for (name, d) in delays(report) {
        for (which, value) in [("p50", d.p50), ("p90", d.p90)] {
            rows.push([
                format!("{name}.{which}"),
                number(value),
                String::new(),
                d.count.to_string(),
                "minutes".to_string(),
                if value.is_none() {
                    "no member question got such a reply".to_string()
                } else {
                    String::new()
                },
            ]);
        }
    }
    for row in rows {
        // Numbers (columns 1–3) are written as they are, so a negative modularity stays a
        // number; only the text columns are guarded.
        w.record(row.iter().enumerate().map(|(i, c)| match i {
            1..=3 => c.clone(),
            _ => cell(c),
        }));
    }
    w.finish()
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
        for (key, metric) in each_metric(&report.metrics) {
            assert_eq!(metric.value, json[key]["value"].as_f64(), "{key}");
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
        assert_eq!(
            Some(rows.len()),
            metrics.as_object().map(|m| m.len() + 2 + 6),
            "the metrics, two return rates and six waiting times"
        );
        let peer = rows.iter().find(|r| r.get(0) == Some("peer_reply_share"));
        let Some(peer) = peer else {
            panic!("no peer_reply_share row in {text}")
        };
        let m = &report.metrics.peer_reply_share;
        assert_eq!(peer.get(2), m.num.map(|n| format!("{n:.0}")).as_deref());
        assert_eq!(peer.get(3), m.den.map(|n| format!("{n:.0}")).as_deref());
        assert_eq!(peer.get(4), Some("ratio"));
        let p50 = rows
            .iter()
            .find(|r| r.get(0) == Some("first_response.members.p50"));
        assert_eq!(p50.and_then(|r| r.get(4)), Some("minutes"));
        let count = report.first_response.members.count.to_string();
        assert_eq!(p50.and_then(|r| r.get(3)), Some(count.as_str()));
        assert!(text.starts_with("metric,value,num,den,unit,reason\n"));
    }
}
