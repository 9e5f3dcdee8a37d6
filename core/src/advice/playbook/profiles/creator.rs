//! The creator's steps (content creators and educators).

use crate::advice::playbook::draft::{resting_on, Aim, Draft, Spec};
use crate::advice::playbook::signals::Signals;
use crate::advice::playbook::words::{counted, den, num, share};
use crate::measure::floors;
use crate::model::options::Goal;
use crate::model::quoted::Quoter;

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
    let note = if s.goal == Goal::Reach {
        REACH_NOTE
    } else {
        ""
    };
    let mut q = Quoter::default();
    let field = "metrics.connect_share";
    let why = format!(
        "{} of the {} replies and mentions members wrote went to other members ({}).{note}",
        num(&mut q, field, &c),
        den(&mut q, field, &c),
        share(&mut q, field, &c)
    );
    let why = q.say(why);
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
    let mut q = Quoter::default();
    let why = format!(
        "When members reply to each other, the other side answers back in {} of cases.",
        share(&mut q, "metrics.reciprocity", &c)
    );
    let why = q.say(why);
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
    let mut q = Quoter::default();
    let field = "metrics.resilience";
    // Leads with the core, the people the space is for; the verdict and the step-back
    // step already put the same test as "without you".
    let why = format!(
        "{} a close core to start the space with; today {} of {} members who talk here \
         are in one web that does not pass through you.",
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
    let mut q = Quoter::default();
    let field = "metrics.member_initiated_share";
    let why = format!(
        "Members started {} of {} conversations that drew an answer ({}).",
        num(&mut q, field, &c),
        den(&mut q, field, &c),
        share(&mut q, field, &c)
    );
    let why = q.say(why);
    Some(Draft::new(
        &SHOWCASE,
        basis,
        1.0 - c.value,
        why,
        s.starters.clone(),
    ))
}
