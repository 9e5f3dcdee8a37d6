//! The earlier report of a comparison is checked before anything of it is used: it is a
//! file someone kept, possibly edited or written by another tool, and what it holds goes
//! into sentences on the terminal. A label that is not one peerscope writes, or a number
//! out of its range (a score outside 0–100, a share outside 0–1, a negative count or time),
//! refuses the comparison with one sentence, instead of a 309-digit score or a line break
//! in the middle of the summary.

use serde_json::Value;

use crate::model::schema::Label;

/// The labels a report may carry.
const LABELS: [Label; 4] = [
    Label::Audience,
    Label::Emerging,
    Label::Community,
    Label::Undetermined,
];

/// The most a count (the funnel's stages) may be: the largest integer a JSON number holds
/// exactly.
const MOST_COUNT: f64 = 9_007_199_254_740_992.0;

/// The most minutes a time to an answer may be: a thousand years.
const MOST_MINUTES: f64 = 1000.0 * 366.0 * 24.0 * 60.0;

/// Checks the fields [`super::compare`] reads from `earlier`: the verdict's label and score,
/// each metric's value, the funnel's counts and the newcomer figures. A field that is absent or null is fine (it
/// is compared as missing); one of the wrong type or out of range gives the sentence, which
/// names the field and the range but never repeats the text found.
pub fn check(earlier: &Value) -> Result<(), String> {
    let verdict = earlier.get("verdict");
    if let Some(label) = verdict.and_then(|v| v.get("label")) {
        let known = label
            .as_str()
            .is_some_and(|l| LABELS.iter().any(|k| k.as_str() == l));
        if !known && !label.is_null() {
            return Err(format!(
                "its verdict label is not one peerscope writes ({})",
                LABELS.map(Label::as_str).join(", ")
            ));
        }
    }
    in_range(
        verdict.and_then(|v| v.get("score")),
        "verdict score",
        0.0,
        100.0,
    )?;
    if let Some(metrics) = earlier.get("metrics").and_then(Value::as_object) {
        for (key, metric) in metrics {
            let (low, high) = metric_range(key);
            let field = format!("{} value", key.replace('_', " "));
            in_range(metric.get("value"), &field, low, high)?;
        }
    }
    for path in super::arrivals::paths() {
        let (low, high) = if path.contains("return_") {
            (0.0, 1.0)
        } else if path.contains("minutes") || path.starts_with("first_response") {
            (0.0, MOST_MINUTES)
        } else {
            (0.0, MOST_COUNT)
        };
        let field = path.replace(['_', '.'], " ");
        in_range(super::arrivals::value_at(earlier, path), &field, low, high)?;
    }
    let funnel = earlier.get("funnel");
    for stage in ["audience", "engaged", "core"] {
        let field = format!("funnel's {stage} count");
        in_range(funnel.and_then(|f| f.get(stage)), &field, 0.0, MOST_COUNT)?;
    }
    Ok(())
}

/// What a metric's value may be: modularity −½ to 1, a median any time up to
/// [`MOST_MINUTES`], every other metric a share or a ratio of 0–1.
fn metric_range(key: &str) -> (f64, f64) {
    if key == "modularity" {
        (-0.5, 1.0)
    } else if key.starts_with("median_") {
        (0.0, MOST_MINUTES)
    } else {
        (0.0, 1.0)
    }
}

/// `Ok` when `value` is absent, null, or a finite number in `low..=high`.
fn in_range(value: Option<&Value>, field: &str, low: f64, high: f64) -> Result<(), String> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(());
    };
    let Some(number) = value.as_f64() else {
        return Err(format!("its {field} is not a number"));
    };
    if number.is_finite() && (low..=high).contains(&number) {
        return Ok(());
    }
    Err(format!(
        "its {field} is {}, outside {}–{}",
        short(number),
        short(low),
        short(high)
    ))
}

/// A number in a few characters: plain when it is small, else in scientific notation.
fn short(x: f64) -> String {
    if x.is_finite() && x.abs() < 1e7 {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_report_within_its_ranges_passes() {
        let ok = json!({
            "verdict": {"label": "emerging", "score": 59.2},
            "metrics": {"peer_reply_share": {"value": 0.4}, "modularity": {"value": -0.1},
                "median_minutes_to_host_answer": {"value": 60.0}, "continuation": {"value": null}},
            "funnel": {"audience": 5, "engaged": 3, "core": 0}
        });
        assert_eq!(check(&ok), Ok(()));
        assert_eq!(
            check(&json!({})),
            Ok(()),
            "missing fields compare as missing"
        );
    }

    #[test]
    fn out_of_range_numbers_are_refused_in_one_short_sentence() {
        let cases = [
            (
                json!({"verdict": {"score": 1e308}}),
                "its verdict score is 1e308, outside 0–100",
            ),
            (
                json!({"verdict": {"score": -0.5}}),
                "its verdict score is -0.5, outside 0–100",
            ),
            (
                json!({"metrics": {"peer_reply_share": {"value": -1e308}}}),
                "its peer reply share value is -1e308, outside 0–1",
            ),
            (
                json!({"metrics": {"host_share": {"value": 1.5}}}),
                "its host share value is 1.5, outside 0–1",
            ),
            (
                json!({"metrics": {"median_minutes_to_peer_answer": {"value": -3}}}),
                "its median minutes to peer answer value is -3, outside 0–5.27040e8",
            ),
            (
                json!({"funnel": {"core": -1}}),
                "its funnel's core count is -1, outside 0–9.007199254740992e15",
            ),
            (
                json!({"verdict": {"score": "high"}}),
                "its verdict score is not a number",
            ),
        ];
        for (report, want) in cases {
            let got = check(&report).err().unwrap_or_default();
            assert!(!got.contains('\n') && got.len() < 120, "{got}");
            assert_eq!(
                got.split(", outside").next(),
                want.split(", outside").next()
            );
        }
    }

    #[test]
    fn a_label_peerscope_never_writes_is_refused_without_repeating_it() {
        for label in [
            json!("community\n\u{1b}[31mhacked"),
            json!(7),
            json!("Community"),
        ] {
            let report = json!({"verdict": {"label": label}});
            let got = check(&report).err().unwrap_or_default();
            assert!(
                got.starts_with("its verdict label is not one peerscope writes"),
                "{got}"
            );
            assert!(!got.contains("hacked") && !got.contains('\u{1b}'), "{got}");
        }
        assert_eq!(check(&json!({"verdict": {"label": null}})), Ok(()));
    }
}
