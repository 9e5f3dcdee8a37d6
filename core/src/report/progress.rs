//! Progress between visits: a small [`Snapshot`] of one analysis — the score, the
//! label, every metric's value, the funnel's sizes, the date, the checklist steps ticked —
//! kept by the page per group, so the next analysis of the same group can say what moved
//! ([`since()`]).
//!
//! A snapshot holds numbers and step ids only: never message text, never a name or a
//! person's id. The group is named by [`group_key`], a hash, not by its channel names.
//! Storing it is the caller's business (the page uses `localStorage`); the core only
//! builds, reads and compares snapshots, and takes "today" from the caller (it has no clock).

mod since;

pub use since::{since, Since};

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::draw::export::metrics_csv::each_metric;
use crate::model::schema::Report;

/// The tag every snapshot carries; a stored value without it is ignored.
pub const SCHEMA: &str = "peerscope.progress/1";

/// Most ticked step ids a snapshot keeps, and the longest id: a stored value someone edited
/// by hand cannot grow the page's memory without bound.
pub const MAX_TICKED: usize = 64;
pub const MAX_STEP_ID: usize = 64;

/// The funnel as four counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunnelSizes {
    pub audience: u64,
    pub engaged: u64,
    pub core: u64,
    pub leaders: u64,
}

/// What the page remembers of one analysis of one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// [`group_key`] of the report.
    pub group: String,
    /// When the analysis ran, `YYYY-MM-DD` as the caller gave it (may be empty).
    pub taken: String,
    /// The verdict's score, 0–100 unrounded; `None` when the verdict was undetermined.
    pub score: Option<f64>,
    /// `audience`, `emerging`, `community` or `undetermined`.
    pub label: String,
    /// Every metric of the report by key (`peer_reply_share`, …): its value, `None` when the
    /// export could not show it. Ratios in 0..=1; the medians in minutes.
    pub metrics: BTreeMap<String, Option<f64>>,
    /// Keys of the metrics that were thin (below their floor): compared, never quoted.
    /// Absent in snapshots stored before it existed, and then empty.
    #[serde(default)]
    pub thin: BTreeSet<String>,
    pub funnel: FunnelSizes,
    /// Checklist step ids the person ticked, at most [`MAX_TICKED`].
    pub ticked: BTreeSet<String>,
}

impl Snapshot {
    /// The snapshot of `report` for `group`, taken on `taken`, with these ticks (ids longer
    /// than [`MAX_STEP_ID`] are dropped, and past [`MAX_TICKED`] the rest).
    pub fn of(report: &Report, group: &str, taken: &str, ticked: &BTreeSet<String>) -> Snapshot {
        let leaders = report.funnel.leaders.len() as u64;
        Snapshot {
            schema: SCHEMA.to_string(),
            group: group.to_string(),
            taken: taken.to_string(),
            score: report.verdict.score,
            label: report.verdict.label.as_str().to_string(),
            metrics: metric_values(report),
            thin: thin_metrics(report),
            funnel: FunnelSizes {
                audience: report.funnel.audience,
                engaged: report.funnel.engaged,
                core: report.funnel.core,
                leaders,
            },
            ticked: bounded(ticked),
        }
    }

    /// Reads a snapshot stored as JSON. `None` for anything that is not one (another schema,
    /// broken JSON, wrong types); ticks past the limits are dropped.
    pub fn from_json(text: &str) -> Option<Snapshot> {
        // Bytes, not `&str`: the importers already bring serde_json's byte reader to the wasm.
        let snapshot: Snapshot = serde_json::from_slice(text.as_bytes()).ok()?;
        (snapshot.schema == SCHEMA).then(|| Snapshot {
            ticked: bounded(&snapshot.ticked),
            ..snapshot
        })
    }

    /// The snapshot as JSON (empty only if serialisation failed, which plain data cannot).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

// Maps and sets here are filled by `insert`, not `collect`: collecting into a B-tree sorts
// the items first, and every sort is another ~15 KB of wasm.

/// Each metric's value by its report key.
fn metric_values(report: &Report) -> BTreeMap<String, Option<f64>> {
    let mut values = BTreeMap::new();
    for (key, metric) in each_metric(&report.metrics) {
        values.insert(key.to_string(), metric.value);
    }
    values
}

/// The keys of the metrics below their floor.
fn thin_metrics(report: &Report) -> BTreeSet<String> {
    let mut thin = BTreeSet::new();
    for (key, metric) in each_metric(&report.metrics) {
        if metric.thin {
            thin.insert(key.to_string());
        }
    }
    thin
}

fn bounded(ticked: &BTreeSet<String>) -> BTreeSet<String> {
    let mut kept = BTreeSet::new();
    let fits = |id: &&String| !id.is_empty() && id.len() <= MAX_STEP_ID;
    for id in ticked.iter().filter(fits).take(MAX_TICKED) {
        kept.insert(id.clone());
    }
    kept
}

/// A stable name for the group a report is about: `g` and 16 hex digits hashing the format
/// and the sorted, distinct space (channel, chat) names of the files read.
///
/// The same export, or a later export of the same channels, gives the same key on every
/// machine and release; another channel set gives another. Neither message text nor any
/// person's name or id goes in. An export with no files hashes the format alone.
pub fn group_key(report: &Report) -> String {
    let mut spaces = BTreeSet::new();
    for file in &report.sources.files {
        spaces.insert(file.space.as_str());
    }
    let mut text = report.sources.format.clone();
    for space in spaces {
        text.push('\n');
        text.push_str(space);
    }
    format!("g{:016x}", fnv1a(&text))
}

/// 64-bit FNV-1a: tiny and fixed across platforms and releases, unlike `std`'s hasher.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{import::sample, model::options::Options, report::analyze};

    fn sample_report() -> Report {
        match analyze(&sample::inputs(), &Options::default()) {
            Ok(a) => a.report,
            Err(e) => panic!("the sample analyses: {e}"),
        }
    }

    #[test]
    fn a_snapshot_keeps_numbers_and_ticks_and_reads_back() {
        let report = sample_report();
        let ticked: BTreeSet<String> = ["step-a".to_string()].into();
        let snap = Snapshot::of(&report, &group_key(&report), "2026-11-26", &ticked);
        assert_eq!(snap.score, report.verdict.score);
        assert_eq!(snap.funnel.audience, report.funnel.audience);
        assert_eq!(
            snap.metrics.get("peer_reply_share").copied().flatten(),
            report.metrics.peer_reply_share.value
        );
        // serde_json may read the last digit of a float differently; the rest is exact.
        let Some(read) = Snapshot::from_json(&snap.to_json()) else {
            panic!("the snapshot reads back")
        };
        assert_eq!(
            (&read.group, &read.ticked, read.funnel),
            (&snap.group, &snap.ticked, snap.funnel)
        );
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (a, b) => a == b,
        };
        assert!(close(read.score, snap.score));
        assert!(snap
            .metrics
            .iter()
            .all(|(k, v)| close(read.metrics.get(k).copied().flatten(), *v)));
    }

    #[test]
    fn a_snapshot_holds_no_name() {
        let report = sample_report();
        let snap = Snapshot::of(&report, &group_key(&report), "", &BTreeSet::new());
        let json = snap.to_json();
        for person in report.funnel.leaders.iter().map(|l| &l.name) {
            assert!(!json.contains(person.as_str()), "{person} in {json}");
        }
        for host in &report.hosts {
            assert!(!json.contains(&host.name) && !json.contains(&host.id));
        }
    }

    #[test]
    fn foreign_or_broken_values_are_ignored_and_ticks_bounded() {
        assert_eq!(Snapshot::from_json(""), None);
        assert_eq!(Snapshot::from_json("{\"schema\":\"other\"}"), None);
        let report = sample_report();
        let many: BTreeSet<String> = (0..500).map(|i| format!("s{i:03}")).collect();
        let mut snap = Snapshot::of(&report, "g", "", &many);
        assert_eq!(snap.ticked.len(), MAX_TICKED);
        snap.ticked.insert("x".repeat(MAX_STEP_ID + 1));
        let read = Snapshot::from_json(&snap.to_json()).map(|s| s.ticked.len());
        assert_eq!(read, Some(MAX_TICKED));
    }

    #[test]
    fn the_group_key_is_stable_and_follows_the_channels() {
        let report = sample_report();
        let key = group_key(&report);
        assert_eq!(key, group_key(&sample_report()));
        assert_eq!(key.len(), 17);
        let mut other = report.clone();
        if let Some(file) = other.sources.files.first_mut() {
            file.space.push_str(" (renamed)");
        }
        assert_ne!(group_key(&other), key);
        let mut profile = report.clone();
        profile.profile = crate::model::options::Profile::Nonprofit;
        assert_eq!(group_key(&profile), key, "choices do not change the group");
    }
}
