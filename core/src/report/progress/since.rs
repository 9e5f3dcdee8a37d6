//! "Since last time": what moved between a stored [`Snapshot`] and the report on screen,
//! told in [`crate::report::compare`]'s terms ([`Comparison`], [`Change`]) so the page and the
//! CLI's `--compare` speak alike.
//!
//! The snapshots are compared directly rather than through `compare()`, which reads
//! reports as JSON: serialising a whole report to a JSON value in the browser would add a
//! serializer for every report type to the wasm (about 25 KB before optimisation), for
//! numbers a snapshot already holds.

use std::collections::{BTreeMap, BTreeSet};

use super::Snapshot;
use crate::model::schema::Report;
use crate::report::compare::{moved_sentence, Change, Comparison};

/// Most metric sentences in the summary, after the score's.
const SUMMARY_METRICS: usize = 4;

/// What moved since `before`, with what the person had ticked then.
#[derive(Debug, Clone)]
pub struct Since {
    /// When the earlier analysis ran (`YYYY-MM-DD`, or empty when unknown).
    pub taken: String,
    pub comparison: Comparison,
    /// Step ids ticked at the time of `before`, in id order.
    pub ticked: Vec<String>,
}

impl Since {
    /// One sentence per funnel stage that changed, e.g. `core 4 → 6 (+2)`, in funnel order;
    /// empty when nothing moved.
    pub fn funnel_moves(&self) -> Vec<String> {
        ["audience", "engaged", "core", "leaders"]
            .iter()
            .filter_map(|stage| {
                let change = self.comparison.funnel.get(*stage)?;
                let arrow = arrow(change).filter(|_| moved(change))?;
                Some(format!("{stage} {arrow}"))
            })
            .collect()
    }

    /// Metrics whose value changed by at least half a point, largest move first (ties in key
    /// order), as `(key, change)`; medians (minutes) are left out, their scale differs.
    pub fn metric_moves(&self) -> Vec<(&str, &Change)> {
        let size = |c: &Change| c.delta.map_or(0.0, f64::abs);
        let mut left: Vec<(&str, &Change)> = self
            .comparison
            .metrics
            .iter()
            .filter(|(key, change)| !key.starts_with("median_") && size(change) >= 0.005)
            .map(|(key, change)| (key.as_str(), change))
            .collect();
        // A handful of metrics: picking the largest each time is plenty, and costs the wasm
        // less than a sort.
        let mut out = Vec::with_capacity(left.len());
        while let Some(at) = (0..left.len()).reduce(|best, i| {
            let (a, b) = (left.get(best), left.get(i));
            let bigger = a.zip(b).is_some_and(|(a, b)| size(b.1) > size(a.1));
            if bigger {
                i
            } else {
                best
            }
        }) {
            out.push(left.remove(at));
        }
        out
    }
}

/// Compares the report on screen with an earlier snapshot of the same group: the score,
/// every metric the report has (a metric the snapshot lacks has no `before`), and the funnel
/// (audience, engaged, core, leaders).
pub fn since(before: &Snapshot, now: &Report) -> Since {
    let now = Snapshot::of(now, &before.group, "", &BTreeSet::new());
    // `insert`, not `collect`, as in the snapshot: no sort in the wasm.
    let mut metrics = BTreeMap::new();
    for (key, &value) in &now.metrics {
        let then = before.metrics.get(key).copied().flatten();
        metrics.insert(key.clone(), change(then, value));
    }
    let (b, n) = (before.funnel, now.funnel);
    let mut funnel = BTreeMap::new();
    for (stage, then, now) in [
        ("audience", b.audience, n.audience),
        ("engaged", b.engaged, n.engaged),
        ("core", b.core, n.core),
        ("leaders", b.leaders, n.leaders),
    ] {
        funnel.insert(
            stage.to_string(),
            change(Some(then as f64), Some(now as f64)),
        );
    }
    // Inserted, not collected: collecting into a set sorts first, one more sort in the wasm.
    let mut thin: BTreeSet<String> = before.thin.clone();
    for key in &now.thin {
        thin.insert(key.clone());
    }
    let mut since = Since {
        taken: before.taken.clone(),
        comparison: Comparison {
            label_before: before.label.clone(),
            label_now: now.label.clone(),
            score: change(before.score, now.score),
            metrics,
            funnel,
            // Snapshots keep the metrics and the funnel only (docs/METRICS.md §11's
            // figures are not in them).
            newcomers: BTreeMap::new(),
            summary: Vec::new(),
            // Snapshots keep no trend.
            trend: None,
        },
        ticked: before.ticked.iter().cloned().collect(),
    };
    let told = summary(&since, &thin);
    since.comparison.summary = told;
    since
}

/// A number then and now, with the difference when both exist.
fn change(before: Option<f64>, now: Option<f64>) -> Change {
    let delta = before.zip(now).map(|(b, n)| n - b);
    Change { before, now, delta }
}

/// The score in one sentence, then the metrics that moved most (not the medians, nor
/// modularity, which moves with every regrouping, nor a metric thin then or now), largest
/// first.
fn summary(since: &Since, thin: &BTreeSet<String>) -> Vec<String> {
    let c = &since.comparison;
    // Worded as the CLI's `--compare` words it, so both read the same.
    let label = if c.label_before == c.label_now {
        format!(", still {}", c.label_now)
    } else {
        format!(": {} → {}", c.label_before, c.label_now)
    };
    let mut out = vec![match (c.score.before, c.score.now) {
        (Some(b), Some(n)) => format!(
            "Score {:.0} → {:.0} ({:+}){label}.",
            b.round(),
            n.round(),
            n.round() as i64 - b.round() as i64
        ),
        _ if c.label_before == c.label_now => format!("Verdict still {}.", c.label_now),
        _ => format!("Verdict {} → {}.", c.label_before, c.label_now),
    }];
    let moves = since.metric_moves();
    let told = moves
        .iter()
        .filter(|m| m.0 != "modularity" && !thin.contains(m.0))
        .filter_map(|(key, change)| moved_sentence(key, change));
    out.extend(told.take(SUMMARY_METRICS));
    out
}

fn moved(change: &Change) -> bool {
    change.delta.is_some_and(|d| d != 0.0)
}

/// `4 → 6 (+2)` for counts; `None` when either side is missing (nothing to show).
fn arrow(change: &Change) -> Option<String> {
    let (before, now) = change.before.zip(change.now)?;
    let (before, now) = (before.round() as i64, now.round() as i64);
    Some(format!("{before} → {now} ({:+})", now - before))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::report::compare::compare;
    use crate::report::progress::group_key;
    use crate::{
        import::sample, model::options::HostChoice, model::options::Options, report::analyze,
    };

    fn report(options: &Options) -> Report {
        match analyze(&sample::inputs(), options) {
            Ok(a) => a.report,
            Err(e) => panic!("the sample analyses: {e}"),
        }
    }

    #[test]
    fn the_same_analysis_moves_nothing_and_keeps_the_ticks() {
        let now = report(&Options::default());
        let ticked: BTreeSet<String> = ["b".to_string(), "a".to_string()].into();
        let before = Snapshot::of(&now, &group_key(&now), "2026-11-01", &ticked);
        let since = since(&before, &now);
        assert_eq!(since.comparison.score.delta, Some(0.0));
        assert!(since.funnel_moves().is_empty());
        assert!(since.metric_moves().is_empty());
        assert_eq!(since.ticked, vec!["a", "b"]);
        assert_eq!(since.taken, "2026-11-01");
        assert!(since.comparison.summary[0].contains("still"));
    }

    #[test]
    fn moves_match_the_reports_comparison() {
        let before_report = report(&Options::default());
        let no_host = Options {
            hosts: HostChoice::None,
            ..Options::default()
        };
        let now = report(&no_host);
        let before = Snapshot::of(&before_report, "g", "", &BTreeSet::new());
        let from_snapshot = since(&before, &now);
        let json = serde_json::to_value(&before_report).unwrap_or_default();
        let from_report = compare(&json, &now).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(from_snapshot.comparison.score, from_report.score);
        assert_eq!(from_snapshot.comparison.metrics, from_report.metrics);
        assert_eq!(from_snapshot.comparison.funnel, from_report.funnel);
        assert_eq!(from_snapshot.comparison.summary, from_report.summary);
        let moves = from_snapshot.metric_moves();
        assert!(moves.iter().any(|m| m.0 == "peer_reply_share"), "{moves:?}");
    }

    #[test]
    fn counts_read_as_arrows() {
        let change = Change {
            before: Some(4.0),
            now: Some(6.0),
            delta: Some(2.0),
        };
        assert_eq!(arrow(&change).as_deref(), Some("4 → 6 (+2)"));
        let half = Change {
            before: Some(4.0),
            now: None,
            delta: None,
        };
        assert_eq!(arrow(&half), None, "no number is made up");
    }
}
