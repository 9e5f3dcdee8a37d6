//! Network structure type (ANALYSIS.md §6): the Pew / SMRF archetypes.
//!
//! The first three rules need only centralization and isolates and are decided here.
//! The last three (polarized, community clusters, tight crowd) need the Louvain
//! partition, which arrives with the diagnosis issue; until then they are reported as
//! not yet classified rather than guessed.

use crate::report::{Metrics, Structure};

/// In-centralization at which many reply to one hub: broadcast.
pub const HUB_CENTRALIZATION: f64 = 0.5;
/// Isolate share at which most people speak without being answered: brand clusters.
pub const ISOLATE_MAJORITY: f64 = 0.5;

/// The first matching archetype, in §6's order, as far as the available metrics allow.
pub fn classify(m: &Metrics) -> Structure {
    let inward = m.in_centralization.value;
    let outward = m.out_centralization.value;
    let isolates = m.isolate_share.value;
    if let (Some(i), Some(o)) = (inward, outward) {
        if i >= HUB_CENTRALIZATION && i >= o {
            return structure("broadcast", format!(
                "Many people reply to one hub and rarely to each other (in-centralization {i:.2}, at least {HUB_CENTRALIZATION})."
            ));
        }
        if o >= HUB_CENTRALIZATION {
            return structure("support", format!(
                "One hub replies to many people, like a help desk (out-centralization {o:.2}, at least {HUB_CENTRALIZATION})."
            ));
        }
    }
    if let Some(s) = isolates {
        if s >= ISOLATE_MAJORITY {
            return structure(
                "brand_clusters",
                format!(
                    "Most people speak without anyone answering them ({:.0}% have no tie).",
                    s * 100.0
                ),
            );
        }
    }
    Structure {
        kind: None,
        why: "Not hub-and-spoke and not mostly isolated; telling a tight crowd from clusters or \
              two camps needs community detection, which this version does not compute yet."
            .to_string(),
    }
}

fn structure(kind: &str, why: String) -> Structure {
    Structure {
        kind: Some(kind.to_string()),
        why,
    }
}
