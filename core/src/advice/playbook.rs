//! The checklist (docs/METRICS.md §8, and "The checklist and evidence" in §10):
//! facilitation steps for the chosen profile plus the steps every profile gets, each bound
//! to the measure that makes it urgent, weighted by how much conversation that measure
//! rests on, and ordered by the user's goal.
//!
//! The wording is peerscope's own; the four steps per profile follow the reference
//! article's checklist.

mod arrivals;
mod draft;
mod everyone;
mod profiles;
mod rank;
mod signals;
mod welcome;
mod words;

pub use arrivals::Arrivals;
pub use draft::{Aim, Basis, Draft, Spec};
pub use rank::{distinct, evidence};
pub use signals::{deleted_account, Signals, Size};

use crate::model::options::Profile;
use crate::model::schema::{Label, Step};

/// The chosen profile's steps and the steps for everyone, in the order the page shows
/// them, with distinct priorities (0–100) that never rise along the list.
///
/// A step whose premise is empty (nobody to introduce, no core to give a space, a null or
/// thin measure) is not offered. A group whose verdict is undetermined gets only the steps
/// that need no judgement of it: export a longer period, add the other channels.
pub fn checklist(signals: &Signals, profile: Profile) -> Vec<Step> {
    rank::order(drafts(signals, profile), signals.goal)
}

/// Every step offered, before ordering: the profile's own steps first, in its own order
/// (the order that breaks ties), then the steps for everyone.
pub fn drafts(signals: &Signals, profile: Profile) -> Vec<Draft> {
    if signals.label == Label::Undetermined {
        return everyone::more_evidence(signals);
    }
    let mut list = profiles::for_profile(signals, profile);
    if signals.label == Label::Community {
        list.extend(everyone::keep_it_a_community(signals));
    }
    list.extend(everyone::for_everyone(signals));
    list
}
