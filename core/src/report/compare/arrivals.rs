//! The figures of newcomers, questions and absence (docs/METRICS.md §11) before and now.
//!
//! Reports of `/1` and `/2` have no such block: their newcomer figures compare as missing,
//! except that a `/2` report's `median_minutes_to_peer_answer` and
//! `median_minutes_to_host_answer` stand in for `first_response.members.p50` and
//! `first_response.hosts.p50` (the same waits; a median of an even count is the mean of
//! the two middle waits where the nearest rank takes the lower one).

use std::collections::BTreeMap;

use serde_json::Value;

use super::{Change, Comparison};

/// Each figure by its report path, and where a `/2` report kept a stand-in for it.
const FIGURES: [(&str, Option<&str>); 9] = [
    ("newcomers.count", None),
    ("newcomers.unwelcomed", None),
    ("newcomers.return_welcomed.value", None),
    ("newcomers.return_unwelcomed.value", None),
    ("newcomers.waiting_count", None),
    ("absence.factor", None),
    ("first_response.all.p50", None),
    (
        "first_response.members.p50",
        Some("metrics.median_minutes_to_peer_answer.value"),
    ),
    (
        "first_response.hosts.p50",
        Some("metrics.median_minutes_to_host_answer.value"),
    ),
];

/// The value at `path` (dot-separated) in `report`, if any.
pub fn value_at<'v>(report: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(report, |v, k| v.get(k))
}

/// The number at `path` (dot-separated) in `report`, if any.
fn at(report: &Value, path: &str) -> Option<f64> {
    value_at(report, path).and_then(Value::as_f64)
}

/// The paths [`changes`] reads, with the stand-ins of older reports: what
/// `earlier::check` holds to a range.
pub fn paths() -> impl Iterator<Item = &'static str> {
    FIGURES
        .iter()
        .flat_map(|(path, old)| std::iter::once(*path).chain(*old))
}

/// Every figure of [`FIGURES`] before (`earlier`) and now (`now`, the report as JSON), by
/// path without a trailing `.value`.
pub fn changes(earlier: &Value, now: &Value) -> BTreeMap<String, Change> {
    let mut out = BTreeMap::new();
    for (path, old) in FIGURES {
        let before = at(earlier, path).or_else(|| old.and_then(|o| at(earlier, o)));
        let key = path.strip_suffix(".value").unwrap_or(path);
        out.insert(key.to_string(), Change::of(before, at(now, path)));
    }
    out
}

impl Comparison {
    /// Sentences for the newcomer figures that moved: the count of newcomers, the absence
    /// factor and the median first reply to member questions; empty when none moved or a
    /// side is missing. Apart from `summary`, which the page's progress also writes from
    /// its snapshots (they hold none of these).
    pub fn newcomer_sentences(&self) -> Vec<String> {
        let moved = |key: &str| {
            let c = self.newcomers.get(key)?;
            c.before.zip(c.now).filter(|(b, n)| b.round() != n.round())
        };
        let mut out = Vec::new();
        if let Some((b, n)) = moved("newcomers.count") {
            out.push(format!("Newcomers: {b} → {n}."));
        }
        if let Some((b, n)) = moved("absence.factor") {
            out.push(format!(
                "Members who write half of what members say to each other: {b} → {n}."
            ));
        }
        if let Some((b, n)) = moved("first_response.all.p50") {
            out.push(format!(
                "Median first reply to a member question: {} → {} minutes.",
                b.round(),
                n.round()
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_v2_median_stands_in_for_the_p50() {
        let earlier = json!({"metrics": {"median_minutes_to_peer_answer": {"value": 12.5}},
            "absence": null});
        let now = json!({"first_response": {"members": {"p50": 10.0}},
            "absence": {"factor": 3}});
        let c = changes(&earlier, &now);
        let p50 = &c["first_response.members.p50"];
        assert_eq!(
            (p50.before, p50.now, p50.delta),
            (Some(12.5), Some(10.0), Some(-2.5))
        );
        assert_eq!(c["absence.factor"].before, None);
    }

    #[test]
    fn moved_figures_are_told() {
        let two = json!({"absence": {"factor": 2}, "newcomers": {"count": 4}});
        let now = json!({"absence": {"factor": 3}, "newcomers": {"count": 4}});
        let comparison = Comparison {
            label_before: String::new(),
            label_now: String::new(),
            score: Change::of(None, None),
            metrics: BTreeMap::new(),
            funnel: BTreeMap::new(),
            newcomers: changes(&two, &now),
            summary: Vec::new(),
            trend: None,
        };
        assert_eq!(
            comparison.newcomer_sentences(),
            ["Members who write half of what members say to each other: 2 → 3."]
        );
    }
}
