//! Network structure type (docs/METRICS.md §6): the six Pew Research / Social Media Research
//! Foundation archetypes of reply and mention networks (Smith, Rainie, Himelboim and
//! Shneiderman 2014), decided by the first matching rule in §6's order.
//!
//! Thresholds are the initial ones of §6, kept here as named constants.

use crate::model::schema::{Metrics, Structure};
use crate::model::shown::{decimal, percent};

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
/// participants with at least one tie, largest first. With nothing measurable (no ties at
/// all), or with the in- and out-centralization thin (too few participants), the type is
/// null and `why` says so.
pub fn classify(m: &Metrics, groups: &[usize]) -> Structure {
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
    if inward >= HUB_CENTRALIZATION && inward >= outward {
        return known("broadcast", broadcast(inward));
    }
    if outward >= HUB_CENTRALIZATION {
        return known("support", support(outward));
    }
    if let Some(isolated) = m.isolate_share.value.filter(|&s| s >= ISOLATE_MAJORITY) {
        return known("brand_clusters", brand_clusters(isolated));
    }
    let Some(q) = m.modularity.value else {
        return unknown("Nobody replied to or mentioned anyone, so the network has no shape yet.");
    };
    let tied: usize = groups.iter().sum();
    let share = |i: usize| {
        groups
            .get(i)
            .map_or(0.0, |&s| s as f64 / tied.max(1) as f64)
    };
    if q >= CLUSTERED_MODULARITY
        && share(0) >= POLARIZED_EACH
        && share(1) >= POLARIZED_EACH
        && share(0) + share(1) >= POLARIZED_BOTH
        && share(2) < SIGNIFICANT_GROUP
    {
        return known("polarized", polarized(share(0), share(1), q));
    }
    let clusters = (0..groups.len())
        .filter(|&i| share(i) >= SIGNIFICANT_GROUP)
        .count();
    if q >= CLUSTERED_MODULARITY && clusters >= MIN_CLUSTERS {
        return known(
            "community_clusters",
            format!(
                "{clusters} mid-sized groups, each with its own centre (modularity {}).",
                decimal(q, 2)
            ),
        );
    }
    known("tight_crowd", tight_crowd(q, inward))
}

// Why each archetype was chosen, in the report's words (`structure.why`); values as the
// metrics give them (centralizations and modularity 0..=1, shares 0..=1 shown as %).

fn broadcast(inward: f64) -> String {
    format!(
        "Many people reply to one hub and rarely to each other (in-centralization {}, at least \
         {HUB_CENTRALIZATION}).",
        decimal(inward, 2)
    )
}

fn support(outward: f64) -> String {
    format!(
        "One hub replies to many people, like a help desk (out-centralization {}, at least \
         {HUB_CENTRALIZATION}).",
        decimal(outward, 2)
    )
}

fn brand_clusters(isolated: f64) -> String {
    format!(
        "Most people speak without anyone answering them or being answered ({}% have no tie).",
        percent(isolated)
    )
}

fn polarized(first: f64, second: f64, q: f64) -> String {
    format!(
        "Two separate groups ({}% and {}% of the people who talk) with few ties between them \
         (modularity {}).",
        percent(first),
        percent(second),
        decimal(q, 2)
    )
}

fn tight_crowd(q: f64, inward: f64) -> String {
    format!(
        "One dense, connected crowd without a dominant hub (modularity {}, in-centralization {}).",
        decimal(q, 2),
        decimal(inward, 2)
    )
}

fn known(kind: &str, why: String) -> Structure {
    Structure {
        kind: Some(kind.to_string()),
        why,
    }
}

fn unknown(why: &str) -> Structure {
    Structure {
        kind: None,
        why: why.to_string(),
    }
}
