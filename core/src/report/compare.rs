//! What moved between an earlier report and this one: the way a user checks
//! whether a checklist step worked.
//!
//! The earlier report is read as plain JSON, so reports saved by older or newer versions
//! (`peerscope.report/1` included) still compare on the keys both have. A metric that is
//! thin in either report (below its floor, docs/METRICS.md §10) is compared in `metrics` but
//! never quoted in the summary. A label or a number out of range refuses the comparison
//! (`compare/earlier.rs`).

use crate::model::stable_sort::StableSort;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::schema::Report;
use crate::model::shown::percent;

mod arrivals;
mod earlier;
mod trend;

pub use trend::TrendChange;

/// One number before and now; `delta` = now − before when both exist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub before: Option<f64>,
    pub now: Option<f64>,
    pub delta: Option<f64>,
}

impl Change {
    fn of(before: Option<f64>, now: Option<f64>) -> Change {
        let delta = before.zip(now).map(|(b, n)| n - b);
        Change { before, now, delta }
    }
}

/// Everything that moved, plus sentences for the largest moves.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub label_before: String,
    pub label_now: String,
    pub score: Change,
    /// Every metric both reports have, by key.
    pub metrics: BTreeMap<String, Change>,
    /// audience, engaged, core and leaders (a count).
    pub funnel: BTreeMap<String, Change>,
    /// Newcomers, first responses and the absence factor (docs/METRICS.md §11) by report
    /// path: `newcomers.count`, `newcomers.return_welcomed`, `absence.factor`,
    /// `first_response.members.p50`, …
    pub newcomers: BTreeMap<String, Change>,
    /// Plain sentences, the score first, then the metrics that moved most.
    pub summary: Vec<String>,
    /// The trend before and now, when either report has one (docs/METRICS.md §11).
    pub trend: Option<TrendChange>,
}

/// Most metric sentences in the summary.
const SUMMARY_METRICS: usize = 4;

/// Compares `now` with `earlier` (a report as JSON). Fails with a sentence when
/// `earlier` is not a peerscope report, or holds a label peerscope never writes or a number
/// out of its range.
pub fn compare(earlier: &serde_json::Value, now: &Report) -> Result<Comparison, String> {
    let schema = earlier.get("schema").and_then(|s| s.as_str()).unwrap_or("");
    if !schema.starts_with("peerscope.report/") {
        return Err(
            "the earlier file is not a peerscope report (no \"schema\": \"peerscope.report/…\")"
                .into(),
        );
    }
    earlier::check(earlier)?;
    let now_json = serde_json::to_value(now)
        .map_err(|e| format!("the report could not be read back ({e})"))?;
    let number = |v: &serde_json::Value, path: &[&str]| {
        path.iter()
            .try_fold(v, |v, k| v.get(k))
            .and_then(|x| x.as_f64())
    };
    let score = Change::of(number(earlier, &["verdict", "score"]), now.verdict.score);
    let mut metrics = BTreeMap::new();
    if let Some(keys) = now_json.get("metrics").and_then(|m| m.as_object()) {
        for key in keys.keys() {
            let change = Change::of(
                number(earlier, &["metrics", key, "value"]),
                number(&now_json, &["metrics", key, "value"]),
            );
            metrics.insert(key.clone(), change);
        }
    }
    let mut funnel = BTreeMap::new();
    for stage in ["audience", "engaged", "core"] {
        funnel.insert(
            stage.to_string(),
            Change::of(
                number(earlier, &["funnel", stage]),
                number(&now_json, &["funnel", stage]),
            ),
        );
    }
    let leaders = |v: &serde_json::Value| {
        v.get("funnel")
            .and_then(|f| f.get("leaders"))
            .and_then(|l| l.as_array())
            .map(|l| l.len() as f64)
    };
    funnel.insert(
        "leaders".to_string(),
        Change::of(leaders(earlier), leaders(&now_json)),
    );
    let mut thin = BTreeSet::new();
    for key in metrics.keys() {
        if is_thin(earlier, key) || is_thin(&now_json, key) {
            thin.insert(key.clone());
        }
    }
    let label_before = earlier
        .get("verdict")
        .and_then(|v| v.get("label"))
        .and_then(|l| l.as_str())
        .unwrap_or("unknown")
        .to_string();
    let trend = trend::of(earlier, now);
    let newcomers = arrivals::changes(earlier, &now_json);
    let mut summary = summary(
        &label_before,
        now.verdict.label.as_str(),
        &score,
        &metrics,
        &thin,
    );
    let told = trend.as_ref().and_then(trend::sentence);
    summary.splice(1..1, told);
    Ok(Comparison {
        trend,
        label_before,
        label_now: now.verdict.label.as_str().to_string(),
        score,
        metrics,
        funnel,
        newcomers,
        summary,
    })
}

/// Whether `report` (JSON) marks metric `key` thin; reports of `/1` mark none.
fn is_thin(report: &serde_json::Value, key: &str) -> bool {
    report
        .get("metrics")
        .and_then(|m| m.get(key))
        .and_then(|m| m.get("thin"))
        .and_then(serde_json::Value::as_bool)
        .unwrap_or(false)
}

/// "peer reply share: 42% → 100% (+58 points)." for a metric whose shown percentage
/// moved; `None` when it did not (or a side is missing). The points are the difference of
/// the two percentages as shown, so the sentence adds up.
pub(crate) fn moved_sentence(key: &str, change: &Change) -> Option<String> {
    let (before, now) = change.before.zip(change.now)?;
    let (before, now) = (percent(before), percent(now));
    let points = now - before;
    (points != 0).then(|| {
        format!(
            "{}: {before}% → {now}% ({}{} points).",
            key.replace('_', " "),
            if points < 0 { "−" } else { "+" },
            points.abs()
        )
    })
}

fn summary(
    before: &str,
    now: &str,
    score: &Change,
    metrics: &BTreeMap<String, Change>,
    thin: &BTreeSet<String>,
) -> Vec<String> {
    let mut out = Vec::new();
    match (score.before, score.now) {
        (Some(b), Some(n)) => out.push(format!(
            "Score {:.0} → {:.0} ({:+}){}.",
            b.round(),
            n.round(),
            n.round() as i64 - b.round() as i64,
            if before == now {
                format!(", still {now}")
            } else {
                format!(": {before} → {now}")
            }
        )),
        _ if before == now => out.push(format!("Verdict still {now}.")),
        _ => out.push(format!("Verdict {before} → {now}.")),
    }
    let mut moved: Vec<(&String, f64, &Change)> = metrics
        .iter()
        .filter_map(|(k, c)| c.delta.filter(|d| d.abs() >= 0.005).map(|d| (k, d, c)))
        .filter(|(k, _, _)| !k.starts_with("median_") && *k != "modularity" && !thin.contains(*k))
        .collect();
    moved.stable_sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(b.0)));
    let told = moved
        .into_iter()
        .filter_map(|(key, _, c)| moved_sentence(key, c));
    out.extend(told.take(SUMMARY_METRICS));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        import::sample, model::options::HostChoice, model::options::Options, report::analyze,
    };

    #[test]
    fn a_report_compared_with_itself_moves_nothing() {
        let a = analyze(&sample::inputs(), &Options::default()).map(|a| a.report);
        let Ok(report) = a else {
            panic!("the sample analyses")
        };
        let json = serde_json::to_value(&report).unwrap_or_default();
        let c = compare(&json, &report).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.score.delta, Some(0.0));
        assert!(c.metrics.values().all(|m| m.delta.is_none_or(|d| d == 0.0)));
        assert_eq!(c.summary.len(), 1, "{:?}", c.summary);
        assert!(c.summary[0].contains("still emerging"), "{:?}", c.summary);
    }

    #[test]
    fn moves_are_measured_and_told() {
        let before = analyze(&sample::inputs(), &Options::default()).map(|a| a.report);
        let no_host = Options {
            hosts: HostChoice::None,
            ..Options::default()
        };
        let after = analyze(&sample::inputs(), &no_host).map(|a| a.report);
        let (Ok(before), Ok(after)) = (before, after) else {
            panic!("the sample analyses")
        };
        let json = serde_json::to_value(&before).unwrap_or_default();
        let c = compare(&json, &after).unwrap_or_else(|e| panic!("{e}"));
        let peer = &c.metrics["peer_reply_share"];
        assert_eq!(
            peer.now,
            Some(1.0),
            "with no host every reply is between peers"
        );
        assert!(peer.delta.is_some_and(|d| d > 0.5));
        assert!(
            c.summary
                .iter()
                .any(|s| s.starts_with("peer reply share: 42% → 100%")),
            "{:?}",
            c.summary
        );
        assert!(compare(&serde_json::json!({"a": 1}), &after).is_err());
    }

    /// A report saved by the version before §10 (`peerscope.report/1`, written by
    /// `peerscope analyze tests/fixtures/discord_lobby.json --json`) still compares.
    #[test]
    fn a_report_of_schema_1_still_compares() {
        let text = include_str!("../../../tests/fixtures/report_v1_discord_lobby.json");
        let earlier: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
        assert_eq!(earlier["schema"], crate::model::schema::SCHEMA_V1);
        let lobby = crate::import::Input::new(
            "discord_lobby.json",
            include_bytes!("../../../tests/fixtures/discord_lobby.json").to_vec(),
        );
        let Ok(now) = analyze(&[lobby], &Options::default()).map(|a| a.report) else {
            panic!("the lobby analyses")
        };
        let c = compare(&earlier, &now).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.label_before, "emerging");
        assert_eq!(c.label_now, "undetermined", "7 messages are too few now");
        assert!(c.score.before.is_some_and(|s| (58.0..60.0).contains(&s)));
        assert_eq!((c.score.now, c.score.delta), (None, None));
        assert_eq!(
            c.summary,
            vec!["Verdict emerging → undetermined.".to_string()]
        );
        let peer = &c.metrics["peer_reply_share"];
        assert_eq!(
            (peer.before, peer.now, peer.delta),
            (Some(0.4), Some(0.4), Some(0.0))
        );
        assert_eq!(c.funnel["audience"].delta, Some(0.0));
    }

    /// A report of `peerscope.report/2` (written by the version before §11 with `peerscope
    /// analyze tests/fixtures/discord_lobby.json tests/fixtures/discord_lobby_thread.json
    /// --host Hana --json`) still compares; its medians stand in for the p50s.
    #[test]
    fn a_report_of_schema_2_still_compares() {
        let text = include_str!("../../../tests/fixtures/report_v2_discord_lobby.json");
        let earlier: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
        assert_eq!(earlier["schema"], crate::model::schema::SCHEMA_V2);
        let input = |name: &str, bytes: &[u8]| crate::import::Input::new(name, bytes.to_vec());
        let lobby = [
            input(
                "discord_lobby.json",
                include_bytes!("../../../tests/fixtures/discord_lobby.json"),
            ),
            input(
                "discord_lobby_thread.json",
                include_bytes!("../../../tests/fixtures/discord_lobby_thread.json"),
            ),
        ];
        let options = Options {
            hosts: HostChoice::Named(vec!["Hana".into()]),
            ..Options::default()
        };
        let Ok(now) = analyze(&lobby, &options).map(|a| a.report) else {
            panic!("the lobby analyses")
        };
        let c = compare(&earlier, &now).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.metrics["peer_reply_share"].delta, Some(0.0));
        let members = &c.newcomers["first_response.members.p50"];
        assert_eq!((members.before, members.now), (Some(10.0), Some(10.0)));
        let hosts = &c.newcomers["first_response.hosts.p50"];
        assert_eq!((hosts.before, hosts.now), (Some(60.0), Some(60.0)));
        assert_eq!(c.newcomers["newcomers.count"].before, None);
        assert!(!c.metrics.contains_key("median_minutes_to_peer_answer"));
    }

    #[test]
    fn a_thin_metric_is_compared_but_never_quoted() {
        let Ok(now) = analyze(&sample::inputs(), &Options::default()).map(|a| a.report) else {
            panic!("the sample analyses")
        };
        let mut earlier = serde_json::to_value(&now).unwrap_or_default();
        earlier["metrics"]["peer_reply_share"]["value"] = 0.1.into();
        let c = compare(&earlier, &now).unwrap_or_else(|e| panic!("{e}"));
        assert!(c
            .summary
            .iter()
            .any(|s| s.starts_with("peer reply share: 10% → ")));
        earlier["metrics"]["peer_reply_share"]["thin"] = true.into();
        let c = compare(&earlier, &now).unwrap_or_else(|e| panic!("{e}"));
        assert!(c.metrics["peer_reply_share"].delta.is_some());
        assert!(
            c.summary.iter().all(|s| !s.starts_with("peer reply share")),
            "{:?}",
            c.summary
        );
    }
}
