//! The four steps of each profile, each only when its premise holds.

mod creator;
mod nonprofit;
mod startup;

use super::draft::{resting_on, Aim, Draft, Spec};
use super::signals::Signals;
use crate::measure::floors;
use crate::model::metric::Metric;
use crate::model::options::Profile;
use crate::model::quoted::Quoter;
use creator::{dedicated_space, participatory_live, peer_call, showcase};
use nonprofit::{collective_impact, peer_chapters, shared_identity, skill_sharing};
use startup::{meetups, open_roadmap, recognise_leaders, support_forum};

/// The chosen profile's steps in its own order (which breaks ties).
pub fn for_profile(s: &Signals, profile: Profile) -> Vec<Draft> {
    let steps = match profile {
        Profile::Creator => [
            peer_call(s),
            participatory_live(s),
            dedicated_space(s).or_else(|| build_a_core(s, "creator")),
            showcase(s),
        ],
        Profile::Startup => [
            support_forum(s),
            open_roadmap(s),
            meetups(s),
            recognise_leaders(s),
        ],
        Profile::Nonprofit => [
            shared_identity(s),
            peer_chapters(s).or_else(|| build_a_core(s, "nonprofit")),
            skill_sharing(s),
            collective_impact(s),
        ],
    };
    steps.into_iter().flatten().collect()
}

const BUILD_A_CORE: [Spec; 2] = [build_a_core_spec("creator"), build_a_core_spec("nonprofit")];

const fn build_a_core_spec(profile: &'static str) -> Spec {
    Spec {
        profile,
        id: "build-a-core",
        title: "Get a few regulars talking every week",
        aim: Aim::Peer,
        how: &[
            "Start one weekly thread on a question your regulars care about, and ask two of \
             them by name to open it.",
            "Reply to members by bringing in another member, so conversations grow past you.",
        ],
    }
}

/// What builds a core where there is none yet: only when some members already talk to
/// each other (otherwise introducing people comes first). Gap: the share of those members
/// not in a core, all of them here.
fn build_a_core(s: &Signals, profile: &str) -> Option<Draft> {
    if s.core > 0 || s.engaged == 0 {
        return None;
    }
    let spec = BUILD_A_CORE.iter().find(|spec| spec.profile == profile)?;
    let engaged = Metric::ratio(s.engaged as f64, s.members as f64, "no members");
    let (_, basis) = resting_on(&engaged, floors::MEMBERS_WITH_A_TIE)?;
    let mut q = Quoter::default();
    let why = format!(
        "{} of {} members talk to other members, but none of them yet talks often with \
         several others.",
        q.count("funnel.engaged", s.engaged as f64),
        q.count("counts.members", s.members as f64)
    );
    let why = q.say(why);
    Some(Draft::new(spec, basis, 1.0, why, s.starters.clone()))
}
