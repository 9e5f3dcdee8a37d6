//! Network structure type (docs/METRICS.md §6): the six Pew Research / Social Media Research
//! Foundation archetypes of reply and mention networks (Smith, Rainie, Himelboim and
//! Shneiderman 2014), decided by the first matching rule in §6's order.
//!
//! Thresholds are the initial ones of §6, kept here as named constants.

use crate::model::quoted::{Quoted, Quoter};
use crate::model::schema::{Metrics, Structure};

/// In-centralization at which many reply to one hub: broadcast.
pub const HUB_CENTRALIZATION: f64 = 0.5;
/// Isolate share at which most people speak without being answered: brand clusters.
pub const ISOLATE_MAJORITY: f64 = 0.5;
/// Modularity from which the network splits into real groups.
pub const CLUSTERED_MODULARITY: f64 = 0.3;
/// Polarized: each of the two largest groups holds at least this share of tied people…
pub const POLARIZED_EACH: f64 = 0.25;
/// …together at least this share…
pub const POLARIZED_BOTH: f64 = 0.70;
/// …and no third group this much. Also the size a group needs to count as a cluster.
pub const SIGNIFICANT_GROUP: f64 = 0.10;
/// Community clusters: at least this many significant groups.
pub const MIN_CLUSTERS: usize = 3;

/// The first matching archetype. `groups` are the sizes of the Louvain communities among
/// participants with at least one tie, largest first (kept in `structure.groups`). With
/// nothing measurable (no ties at all), or with the in- and out-centralization thin (too
/// few participants), the type is null and `why` says so. `why` quotes each number it
/// shows (docs/METRICS.md §10); it never quotes a thin or null measure.
pub fn classify(m: &Metrics, groups: &[usize]) -> Structure {
    let sizes: Vec<u64> = groups.iter().map(|&g| g as u64).collect();
    let (kind, why) = decide(m, groups);
    Structure {
        kind: kind.map(str::to_string),
        why: why.text,
        quotes: why.quotes,
        groups: sizes,
    }
}

fn decide(m: &Metrics, groups: &[usize]) -> (Option<&'static str>, Quoted) {
    let (inward, outward) = (&m.in_centralization, &m.out_centralization);
    if let Some(reason) = [inward, outward]
        .iter()
        .find(|c| c.thin)
        .and_then(|c| c.reason.as_deref())
    {
        return unknown(&format!(
            "Too few people took part to tell the shape of the network: {reason}."
        ));
    }
    let (Some(inward), Some(outward)) = (inward.counted(), outward.counted()) else {
        return unknown("Too few people took part to tell the shape of the network.");
    };
    let (inward, outward) = (inward.value, outward.value);
    let mut q = Quoter::default();
    if inward >= HUB_CENTRALIZATION && inward >= outward {
        let text = broadcast(&mut q, inward);
        return (Some("broadcast"), q.say(text));
    }
    if outward >= HUB_CENTRALIZATION {
        let text = support(&mut q, outward);
        return (Some("support"), q.say(text));
    }
    if let Some(isolated) = m.isolate_share.value.filter(|&s| s >= ISOLATE_MAJORITY) {
        let text = brand_clusters(&mut q, isolated);
        return (Some("brand_clusters"), q.say(text));
    }
    let Some(modularity) = m.modularity.value else {
        return unknown("Nobody replied to or mentioned anyone, so the network has no shape yet.");
    };
    let tied: usize = groups.iter().sum();
    let share = |i: usize| {
        groups
            .get(i)
            .map_or(0.0, |&s| s as f64 / tied.max(1) as f64)
    };
    let split = modularity >= CLUSTERED_MODULARITY;
    if split
        && share(0) >= POLARIZED_EACH
        && share(1) >= POLARIZED_EACH
        && share(0) + share(1) >= POLARIZED_BOTH
        && share(2) < SIGNIFICANT_GROUP
    {
        let text = polarized(&mut q, groups, modularity);
        return (Some("polarized"), q.say(text));
    }
    let clusters = (0..groups.len())
        .filter(|&i| share(i) >= SIGNIFICANT_GROUP)
        .count();
    if split && clusters >= MIN_CLUSTERS {
        let text = community_clusters(&mut q, groups, clusters, modularity);
        return (Some("community_clusters"), q.say(text));
    }
    let text = tight_crowd(&mut q, modularity, inward);
    (Some("tight_crowd"), q.say(text))
}

// Why each archetype was chosen, in the report's words (`structure.why`), each number
// formatted and quoted from its field by the quoter: centralizations and modularity with
// two decimals, the isolate share as a whole percentage, group sizes as counts.

fn broadcast(q: &mut Quoter, inward: f64) -> String {
    format!(
        "Many people reply to one hub, which draws far more replies than anyone else \
         (in-centralization {}).",
        q.decimal("metrics.in_centralization", inward, 2)
    )
}

fn support(q: &mut Quoter, outward: f64) -> String {
    format!(
        "One hub replies to many people, like a help desk (out-centralization {}).",
        q.decimal("metrics.out_centralization", outward, 2)
    )
}

fn brand_clusters(q: &mut Quoter, isolated: f64) -> String {
    format!(
        "Most people speak without anyone answering them or being answered ({} have no tie).",
        q.share("metrics.isolate_share", isolated)
    )
}

/// Group `i`'s size, quoted from `structure.groups.<i>`.
fn group(q: &mut Quoter, groups: &[usize], i: usize) -> String {
    let size = groups.get(i).copied().unwrap_or(0);
    q.count(&format!("structure.groups.{i}"), size as f64)
}

fn polarized(q: &mut Quoter, groups: &[usize], modularity: f64) -> String {
    let first = group(q, groups, 0);
    let second = group(q, groups, 1);
    format!(
        "Two separate groups, of {first} and {second} people, with few ties between them \
         (modularity {}).",
        q.decimal("metrics.modularity", modularity, 2)
    )
}

/// The `count` (≥ 3) significant groups by size: "of 8, 8 and 7 people".
fn community_clusters(q: &mut Quoter, groups: &[usize], count: usize, modularity: f64) -> String {
    let mut sizes: Vec<String> = (0..count).map(|i| group(q, groups, i)).collect();
    let last = sizes.pop().unwrap_or_default();
    format!(
        "Several mid-sized groups, of {} and {last} people, each with its own centre \
         (modularity {}).",
        sizes.join(", "),
        q.decimal("metrics.modularity", modularity, 2)
    )
}

fn tight_crowd(q: &mut Quoter, modularity: f64, inward: f64) -> String {
    format!(
        "One dense, connected crowd without a dominant hub (modularity {}, in-centralization {}).",
        q.decimal("metrics.modularity", modularity, 2),
        q.decimal("metrics.in_centralization", inward, 2)
    )
}

fn unknown(why: &str) -> (Option<&'static str>, Quoted) {
    (None, Quoted::plain(why))
}
