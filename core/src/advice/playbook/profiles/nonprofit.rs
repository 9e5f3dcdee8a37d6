//! The nonprofit's steps (nonprofits and causes).

use crate::advice::playbook::draft::{resting_on, Aim, Draft, Spec};
use crate::advice::playbook::signals::Signals;
use crate::advice::playbook::words::{counted, den, num, share};
use crate::measure::floors;
use crate::model::metric::Metric;
use crate::model::quoted::Quoter;

const SHARED_IDENTITY: Spec = Spec {
    profile: "nonprofit",
    id: "shared-identity",
    title: "Name the group after who members are, not after you",
    aim: Aim::Peer,
    how: &[
        "Call members by a shared name (\"river keepers\", \"advocates\") in every message.",
        "Ask members to introduce themselves to each other by that identity.",
    ],
};

pub fn shared_identity(s: &Signals) -> Option<Draft> {
    let (c, basis) = resting_on(&s.metrics.connect_share, floors::INTERACTIONS)?;
    let mut q = Quoter::default();
    let why = format!(
        "{} of members' replies and mentions went to other members.",
        share(&mut q, "metrics.connect_share", &c)
    );
    let why = q.say(why);
    Some(Draft::new(
        &SHARED_IDENTITY,
        basis,
        1.0 - c.value,
        why,
        Vec::new(),
    ))
}

const CHAPTERS: Spec = Spec {
    profile: "nonprofit",
    id: "peer-chapters",
    title: "Let members run their own local or topic chapters",
    aim: Aim::Inward,
    how: &[
        "Provide a simple chapter kit and let members organise the meetings.",
        "Ask the members at the centre of the core to start the first ones.",
    ],
};

/// Only when there is a core to start the chapters.
pub fn peer_chapters(s: &Signals) -> Option<Draft> {
    if s.core == 0 {
        return None;
    }
    let (c, basis) = resting_on(&s.metrics.resilience, floors::MEMBERS_WITH_A_TIE)?;
    let mut q = Quoter::default();
    let field = "metrics.resilience";
    // Leads with the core the chapters start from, as the creator's space step does.
    let why = format!(
        "{} a core to start chapters with; today {} of {} members who talk here are in \
         one web that does not pass through your staff.",
        counted(
            &mut q,
            "funnel.core",
            s.core,
            "member forms",
            "members form"
        ),
        num(&mut q, field, &c),
        den(&mut q, field, &c)
    );
    let why = q.say(why);
    Some(Draft::new(
        &CHAPTERS,
        basis,
        1.0 - c.value,
        why,
        s.core_hubs.clone(),
    ))
}

const SKILL_SHARING: Spec = Spec {
    profile: "nonprofit",
    id: "skill-sharing",
    title: "Pair experienced volunteers with new ones",
    aim: Aim::Peer,
    how: &[
        "Match each newcomer with a veteran for their first month.",
        "Let mentors meet without staff present.",
    ],
};

/// Only when there are both veterans (a core) and members outside it to pair them with.
pub fn skill_sharing(s: &Signals) -> Option<Draft> {
    if s.core == 0 || s.core >= s.engaged {
        return None;
    }
    let share = Metric::ratio(s.core as f64, s.engaged as f64, "no engaged members");
    let (c, basis) = resting_on(&share, floors::MEMBERS_WITH_A_TIE)?;
    let mut q = Quoter::default();
    let why = format!(
        "{} of {} members who talk to other members are in the close core.",
        q.count("funnel.core", s.core as f64),
        q.count("funnel.engaged", s.engaged as f64)
    );
    let why = q.say(why);
    let veterans = s.leaders.iter().take(3).cloned();
    let people = veterans
        .chain(s.only_with_hosts.0.iter().take(2).cloned())
        .collect();
    Some(Draft::new(
        &SKILL_SHARING,
        basis,
        1.0 - c.value,
        why,
        people,
    ))
}

const IMPACT: Spec = Spec {
    profile: "nonprofit",
    id: "collective-impact",
    title: "Tell stories of what the group did together",
    aim: Aim::Outward,
    how: &[
        "Report results as \"we\" with members' names, not as the organisation's work.",
        "Invite members to tell the story themselves.",
    ],
};

pub fn collective_impact(s: &Signals) -> Option<Draft> {
    let (c, basis) = resting_on(&s.metrics.host_share, floors::INTERACTIONS)?;
    let mut q = Quoter::default();
    let why = format!(
        "{} of all replies and mentions involve your organisation.",
        share(&mut q, "metrics.host_share", &c)
    );
    let why = q.say(why);
    Some(Draft::new(&IMPACT, basis, c.value, why, s.starters.clone()))
}
