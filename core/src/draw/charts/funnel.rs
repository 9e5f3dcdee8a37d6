//! The funnel: audience → engaged → core → leaders, one horizontal bar each.

use super::{Chart, Plot};
use crate::draw::view::Role;
use crate::model::schema::Funnel;

/// The four stages with the role whose colour their bar takes.
pub const STAGES: [(&str, Role); 4] = [
    ("audience", Role::Audience),
    ("engaged", Role::Engaged),
    ("core", Role::Core),
    ("leaders", Role::Leader),
];

/// The people at each stage, in [`STAGES`] order.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelSeries {
    pub counts: [u64; 4],
}

/// The funnel chart. An empty funnel is four zeros (drawn as stubs), never a sentence.
pub fn funnel(funnel: &Funnel) -> Chart {
    Chart {
        id: "funnel",
        title: "From audience to leaders",
        caption: format!(
            "{} Then those who talk with another member, the tight group of members, and \
             the members who answer others most. Look at how much of each bar survives \
             into the next: a steep drop after the audience means people talk to the host, \
             not to each other.",
            funnel.audience_why
        )
        .trim_start()
        .to_string(),
        plot: Plot::Funnel(FunnelSeries {
            counts: [
                funnel.audience,
                funnel.engaged,
                funnel.core,
                funnel.leaders.len() as u64,
            ],
        }),
    }
}
