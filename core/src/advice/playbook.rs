//! The checklist (docs/METRICS.md §8): facilitation steps for the chosen profile plus the
//! steps every profile gets, each bound to the signal that makes it urgent and ranked
//! by the size of that gap.
//!
//! The wording is peerscope's own; the four steps per profile follow the reference
//! article's checklist.

mod signals;
mod steps;

pub use signals::{Signals, Size};

use crate::model::options::Profile;
use crate::model::schema::{Label, Step};

/// The chosen profile's steps and the steps for everyone, most urgent first.
///
/// A group that already is a community gets a step to keep it one at the top. A group
/// whose verdict is undetermined gets only the steps that need no judgement of it: export
/// a longer period, add the other channels.
pub fn checklist(signals: &Signals, profile: Profile) -> Vec<Step> {
    if signals.label == Label::Undetermined {
        return steps::more_evidence(signals);
    }
    let mut list: Vec<Step> = steps::for_everyone(signals);
    list.extend(steps::for_profile(signals, profile));
    if signals.label == Label::Community {
        list.push(steps::keep_it_a_community(signals));
    }
    list.sort_by(|a, b| b.priority.total_cmp(&a.priority).then(a.id.cmp(&b.id)));
    list
}

/// Priority (0–100) from a gap in 0..=1; an unknown gap sits in the middle.
pub fn priority(gap: Option<f64>) -> f64 {
    (gap.unwrap_or(0.5).clamp(0.0, 1.0) * 1000.0).round() / 10.0
}
