//! The creator's steps (content creators and educators).

use crate::advice::playbook::draft::{resting_on, Aim, Draft, Spec};
use crate::advice::playbook::signals::Signals;
use crate::advice::playbook::words::of;
use crate::measure::floors;
use crate::model::options::Goal;
use crate::model::words::{pct, plural};

const REACH_NOTE: &str =
    " Conversations between viewers also keep your posts visible longer, which serves reach.";

const PEER_CALL: Spec = Spec {
    profile: "creator",
    id: "peer-call-to-action",
    title: "Ask your audience to answer each other, not only you",
    aim: Aim::Peer,
    how: &[
        "End posts with a question about the reader's own experience, not a request to like.",
        "When two people say similar things, point them at each other.",
    ],
};

pub fn peer_call(s: &Signals) -> Option<Draft> {
    let (c, basis) = resting_on(&s.metrics.connect_share, floors::INTERACTIONS)?;
    let q = of(&c);
    let note = if s.goal == Goal::Reach {
        REACH_NOTE
    } else {
        ""
    };
    let why = format!(
        "{} of the {} replies and mentions members wrote went to other members ({}).{note}",
        q.num, q.den, q.share
    );
    Some(Draft::new(
        &PEER_CALL,
        basis,
        1.0 - c.value,
        why,
        Vec::new(),
    ))
}

const LIVE: Spec = Spec {
    profile: "creator",
    id: "participatory-live",
    title: "Run live sessions where attendees answer each other",
    aim: Aim::Outward,
    how: &[
        "In your next live Q&A, pass each question to the audience first.",
        "Invite a regular to co-host and field questions.",
    ],
};

pub fn participatory_live(s: &Signals) -> Option<Draft> {
    let (c, basis) = resting_on(&s.metrics.reciprocity, floors::MEMBER_TIES)?;
    let why = format!(
        "When members reply to each other, the other side answers back in {} of cases.",
        pct(Some(c.value))
    );
    let people = s.leaders.iter().take(3).cloned().collect();
    Some(Draft::new(&LIVE, basis, 1.0 - c.value, why, people))
}

const DEDICATED_SPACE: Spec = Spec {
    profile: "creator",
    id: "dedicated-space",
    title: "Give your most engaged people a space of their own",
    aim: Aim::Inward,
    how: &[
        "Open a members' channel or group and invite the core by name.",
        "Seed it with a topic they already discuss among themselves.",
    ],
};

/// Only when there is a core to give the space to.
pub fn dedicated_space(s: &Signals) -> Option<Draft> {
    if s.core == 0 {
        return None;
    }
    let (c, basis) = resting_on(&s.metrics.resilience, floors::MEMBERS_WITH_A_TIE)?;
    let q = of(&c);
    let why = format!(
        "Without you, {} of {} members who talk here would still be connected; {} a close core.",
        q.num,
        q.den,
        plural(s.core, "member forms", "members form")
    );
    Some(Draft::new(
        &DEDICATED_SPACE,
        basis,
        1.0 - c.value,
        why,
        s.core_hubs.clone(),
    ))
}

const SHOWCASE: Spec = Spec {
    profile: "creator",
    id: "showcase-members",
    title: "Feature what members make in your main content",
    aim: Aim::Outward,
    how: &[
        "Pick one member's work or answer each week and show it to everyone.",
        "Credit them by name and ask them how they did it.",
    ],
};

/// Only when members started conversations: something of theirs to feature.
pub fn showcase(s: &Signals) -> Option<Draft> {
    let (c, basis) = resting_on(&s.metrics.member_initiated_share, floors::STARTERS)?;
    if c.num <= 0.0 || s.starters.is_empty() {
        return None;
    }
    let q = of(&c);
    let why = format!(
        "Members started {} of {} conversations that drew an answer ({}).",
        q.num, q.den, q.share
    );
    Some(Draft::new(
        &SHOWCASE,
        basis,
        1.0 - c.value,
        why,
        s.starters.clone(),
    ))
}
