//! The startup's steps (startups and businesses).

use crate::advice::playbook::draft::{resting_on, Aim, Draft, Spec};
use crate::advice::playbook::signals::Signals;
use crate::advice::playbook::words::{counted, den, names, num, sentence_end, share};
use crate::measure::floors;
use crate::model::quoted::{Quoted, Quoter};

const SUPPORT_FORUM: Spec = Spec {
    profile: "startup",
    id: "peer-support-forum",
    title: "Build a space where customers help each other",
    aim: Aim::Peer,
    how: &[
        "Send common questions to the support space instead of answering in private.",
        "Ask the members who answer most to help moderate it.",
    ],
};

pub fn support_forum(s: &Signals) -> Option<Draft> {
    let (c, basis) = resting_on(&s.metrics.peer_answer_share, floors::ANSWERED_QUESTIONS)?;
    let mut q = Quoter::default();
    let field = "metrics.peer_answer_share";
    let why = format!(
        "Customers answered first on {} of {} customer questions ({})",
        num(&mut q, field, &c),
        den(&mut q, field, &c),
        share(&mut q, field, &c)
    );
    let (askers, open) = &s.unanswered;
    let field = "counts.unanswered_member_questions";
    let why = match (*open, askers.is_empty()) {
        (0, _) => format!("{why}."),
        (k, true) => format!(
            "{why}; {} got no reply within three days.",
            counted(&mut q, field, k, "question", "questions")
        ),
        (k, false) => format!(
            "{why}; {} got no reply within three days, from {}",
            counted(&mut q, field, k, "question", "questions"),
            sentence_end(&names(askers))
        ),
    };
    let why = q.say(why);
    Some(Draft::new(
        &SUPPORT_FORUM,
        basis,
        1.0 - c.value,
        why,
        s.answerers.clone(),
    ))
}

const OPEN_ROADMAP: Spec = Spec {
    profile: "startup",
    id: "open-roadmap",
    title: "Bring users into product decisions",
    aim: Aim::Outward,
    how: &[
        "Publish a roadmap where users vote and discuss with each other.",
        "Open a beta group and let testers compare notes.",
    ],
};

pub fn open_roadmap(s: &Signals) -> Option<Draft> {
    let (c, basis) = resting_on(&s.metrics.member_initiated_share, floors::STARTERS)?;
    let mut q = Quoter::default();
    let field = "metrics.member_initiated_share";
    let why = format!(
        "Users started {} of {} conversations that drew an answer ({}).",
        num(&mut q, field, &c),
        den(&mut q, field, &c),
        share(&mut q, field, &c)
    );
    let why = q.say(why);
    Some(Draft::new(
        &OPEN_ROADMAP,
        basis,
        1.0 - c.value,
        why,
        s.starters.clone(),
    ))
}

const MEETUPS: Spec = Spec {
    profile: "startup",
    id: "member-meetups",
    title: "Host meetups about members meeting each other",
    aim: Aim::Outward,
    how: &[
        "Plan the agenda around customers presenting to customers, not around a pitch.",
        "Pair attendees by use case and introduce them before the event.",
    ],
};

pub fn meetups(s: &Signals) -> Option<Draft> {
    let (c, basis) = resting_on(&s.metrics.reciprocity, floors::MEMBER_TIES)?;
    let mut q = Quoter::default();
    let why = format!(
        "Among members, {} of ties go both ways.",
        share(&mut q, "metrics.reciprocity", &c)
    );
    let why = q.say(why);
    Some(Draft::new(
        &MEETUPS,
        basis,
        1.0 - c.value,
        why,
        s.core_hubs.clone(),
    ))
}

const RECOGNISE: Spec = Spec {
    profile: "startup",
    id: "recognise-leaders",
    title: "Recognise and reward the members who help others",
    aim: Aim::Inward,
    how: &[
        "Thank them publicly and give them early access.",
        "Offer a formal role, such as ambassador or moderator.",
    ],
};

/// Only when there are leaders to recognise; the gap is how much still goes through the
/// hosts.
pub fn recognise_leaders(s: &Signals) -> Option<Draft> {
    if s.leaders.is_empty() {
        return None;
    }
    let (c, basis) = resting_on(&s.metrics.host_share, floors::INTERACTIONS)?;
    // The leaders are named, not counted: their number is no field of the report.
    let why = Quoted::plain(format!(
        "Already helping others often: {}",
        sentence_end(&names(&s.leaders))
    ));
    Some(Draft::new(
        &RECOGNISE,
        basis,
        c.value,
        why,
        s.leaders.clone(),
    ))
}
