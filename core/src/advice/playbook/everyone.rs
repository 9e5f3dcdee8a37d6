//! The steps every profile gets, the steps that ask for more conversation, and the step
//! that keeps a community one.

use super::draft::{resting_on, Aim, Basis, Draft, Spec};
use super::signals::Signals;
use super::words::{among, counted, den, num, share};
use crate::measure::floors;
use crate::model::metric::Metric;
use crate::model::quoted::{Quoted, Quoter};
use crate::model::shown;

const STEP_BACK: Spec = Spec {
    profile: "all",
    id: "step-back",
    title: "Step back for a week, then run this again",
    aim: Aim::Inward,
    how: &[
        "Say openly that you will only read for a week, and ask members to keep each \
         other company.",
        "Ask two regulars to open the daily conversation while you are away.",
        "Export again afterwards and compare the two reports here.",
    ],
};

const REDIRECT: Spec = Spec {
    profile: "all",
    id: "redirect-questions",
    title: "Let members answer questions before you do",
    aim: Aim::Peer,
    how: &[
        "Wait a few hours before answering a member's question yourself.",
        "Tag a member who knows the answer instead of answering.",
        "Thank members who answer, in public, so others see it counts.",
    ],
};

const INTRODUCE: Spec = Spec {
    profile: "all",
    id: "introduce-people",
    title: "Introduce the people who only talk to you",
    aim: Aim::Peer,
    how: &[
        "Welcome newcomers by introducing them to one regular with the same interest.",
        "Reply to a newcomer's message by asking a regular what they think.",
    ],
};

const BRING_A_FRIEND: Spec = Spec {
    profile: "all",
    id: "bring-a-friend",
    title: "Ask members to bring a friend into the conversation",
    aim: Aim::Outward,
    how: &[
        "Ask your regulars to invite one person who would enjoy the conversation.",
        "Greet each newcomer by introducing them to the member who invited them.",
    ],
};

/// Steps every profile gets, in their own order (which breaks ties).
pub fn for_everyone(s: &Signals) -> Vec<Draft> {
    [step_back(s), redirect(s), introduce(s), bring_a_friend(s)]
        .into_iter()
        .flatten()
        .chain(super::welcome::steps(s))
        .chain(export_steps(s, 0.1, 0.05))
        .collect()
}

/// Rests on continuation when it counts, otherwise on resilience; not offered when neither
/// does. Continuation's numbers are rates per day, so its evidence is the export's span
/// in days against its day floor counted for both kinds of day.
fn step_back(s: &Signals) -> Option<Draft> {
    let m = s.metrics;
    let leaders = s.leaders.iter().take(2).cloned().collect();
    if let Some(c) = m.continuation.counted() {
        let mut q = Quoter::default();
        let places = shown::rate_places(&[c.num, c.den]);
        let why = format!(
            "On days without you, members exchanged {} replies and mentions a day, \
             against {} on days you posted.",
            q.decimal("metrics.continuation.num", c.num, places),
            q.decimal("metrics.continuation.den", c.den, places)
        );
        let why = q.say(why);
        let floor = 2.0 * floors::CONTINUATION_DAYS as f64;
        let basis = Basis::Measure {
            den: s.size.days as f64,
            floor,
        };
        return Some(Draft::new(&STEP_BACK, basis, 1.0 - c.value, why, leaders));
    }
    let (c, basis) = resting_on(&m.resilience, floors::MEMBERS_WITH_A_TIE)?;
    let mut q = Quoter::default();
    let field = "metrics.resilience";
    // The verdict already says who would stay connected; here the numbers say why a week
    // away is the next step: the export holds too few days of one kind to show it.
    let why = format!(
        "This export cannot yet compare days with and without you. Going by who talks to \
         whom, {} of the members who talk here would still be linked to each other without \
         you; a week away would show whether they keep talking.",
        share(&mut q, field, &c)
    );
    let why = q.say(why);
    Some(Draft::new(&STEP_BACK, basis, 1.0 - c.value, why, leaders))
}

/// Not offered when members already answered first on every answered question and none
/// waited in vain: there is nothing left to hand over.
fn redirect(s: &Signals) -> Option<Draft> {
    let (c, basis) = resting_on(&s.metrics.peer_answer_share, floors::ANSWERED_QUESTIONS)?;
    let open = s.unanswered.1;
    if c.value >= 1.0 && open == 0 {
        return None;
    }
    let mut q = Quoter::default();
    let field = "metrics.peer_answer_share";
    let why = format!(
        "Members answered first on {} of {} member questions that got a reply ({})",
        num(&mut q, field, &c),
        den(&mut q, field, &c),
        share(&mut q, field, &c)
    );
    let why = if open == 0 {
        format!("{why}.")
    } else {
        let field = "counts.unanswered_member_questions";
        let count = counted(&mut q, field, open, "member question", "member questions");
        format!("{why}; {count} got no reply within three days.")
    };
    let why = q.say(why);
    Some(Draft::new(
        &REDIRECT,
        basis,
        1.0 - c.value,
        why,
        s.answerers.clone(),
    ))
}

/// Only when someone has talked only with the hosts: nobody to introduce otherwise.
fn introduce(s: &Signals) -> Option<Draft> {
    let (lonely, count) = &s.only_with_hosts;
    if *count == 0 {
        return None;
    }
    let engaged = Metric::ratio(s.engaged as f64, s.members as f64, "no members");
    let (c, basis) = resting_on(&engaged, floors::MEMBERS_WITH_A_TIE)?;
    let mut q = Quoter::default();
    // "1 of 20 members has talked", "3 of 20 members have talked".
    let verb = if *count == 1 { "has" } else { "have" };
    let why = format!(
        "{} of {} members {verb} talked only with you so far{}",
        q.count("funnel.only_with_hosts", *count as f64),
        q.count("counts.members", s.members as f64),
        among(lonely, *count)
    );
    let why = q.say(why);
    Some(Draft::new(
        &INTRODUCE,
        basis,
        1.0 - c.value,
        why,
        lonely.clone(),
    ))
}

/// Only when there are members to bring someone; the gap is the share of replies and
/// mentions that involve the hosts (a newcomer who only has you to talk to stays an
/// audience member).
fn bring_a_friend(s: &Signals) -> Option<Draft> {
    if s.members == 0 {
        return None;
    }
    let (c, basis) = resting_on(&s.metrics.host_share, floors::INTERACTIONS)?;
    let mut q = Quoter::default();
    let field = "metrics.host_share";
    let why = if s.engaged > 0 {
        format!(
            "{} of {} members already talk to other members; {} of replies and \
             mentions still involve you.",
            q.count("funnel.engaged", s.engaged as f64),
            q.count("counts.members", s.members as f64),
            share(&mut q, field, &c)
        )
    } else {
        format!(
            "{} of the {} replies and mentions here involve you: a friend a member \
             brings arrives with someone besides you to talk to.",
            share(&mut q, field, &c),
            den(&mut q, field, &c)
        )
    };
    let why = q.say(why);
    let people = s.core_hubs.iter().take(3).cloned().collect();
    Some(Draft::new(&BRING_A_FRIEND, basis, c.value, why, people))
}

const EXPORT_LONGER: Spec = Spec {
    profile: "all",
    id: "export-longer",
    title: "Export a longer period, then run this again",
    aim: Aim::Inward,
    how: &[
        "Export the same channel or chat again over a longer span, for example the last \
         three to six months.",
        "Keep your own messages in the export: the verdict compares what members do with \
         and without you.",
        "Load the new export here; nothing you saw so far is lost.",
    ],
};

const ADD_CHANNELS: Spec = Spec {
    profile: "all",
    id: "add-channels",
    title: "Add the group's other channels or files",
    aim: Aim::Inward,
    how: &[
        "Export every channel where members talk, threads included, and load all the \
         files together.",
        "Leave out channels that only carry announcements or bot posts.",
    ],
};

/// A span shorter than this many days makes "export a longer period" worth a low-priority
/// step even when the verdict is decided.
const SHORT_SPAN_DAYS: u64 = 28;

/// The steps that ask for more conversation rather than judge it: what an undetermined
/// verdict offers, most urgent first.
pub fn more_evidence(s: &Signals) -> Vec<Draft> {
    let z = s.size;
    let mut q = Quoter::default();
    let why = format!(
        "This export covers {} with {} among {}: too little to tell an audience from a \
         community yet.",
        counted(&mut q, "counts.days", z.days, "day", "days"),
        counted(
            &mut q,
            "counts.interactions",
            z.interactions,
            "reply or mention",
            "replies and mentions"
        ),
        counted(
            &mut q,
            "counts.participants",
            z.participants,
            "person",
            "people"
        )
    );
    let why = q.say(why);
    vec![
        Draft::new(&EXPORT_LONGER, Basis::Fixed, 1.0, why, Vec::new()),
        Draft::new(
            &ADD_CHANNELS,
            Basis::Fixed,
            0.9,
            add_channels_why(s),
            Vec::new(),
        ),
    ]
}

/// The same two steps for a decided verdict, with low gaps (`longer`, `more`), and only
/// where they apply: a span under four weeks, a single channel.
fn export_steps(s: &Signals, longer: f64, more: f64) -> Vec<Draft> {
    let z = s.size;
    let mut out = Vec::new();
    if z.days < SHORT_SPAN_DAYS {
        let mut q = Quoter::default();
        let why = format!(
            "This export covers {}; a longer one shows whether today's pattern holds.",
            counted(&mut q, "counts.days", z.days, "day", "days")
        );
        let why = q.say(why);
        out.push(Draft::new(
            &EXPORT_LONGER,
            Basis::Fixed,
            longer,
            why,
            Vec::new(),
        ));
    }
    if z.spaces <= 1 {
        out.push(Draft::new(
            &ADD_CHANNELS,
            Basis::Fixed,
            more,
            add_channels_why(s),
            Vec::new(),
        ));
    }
    out
}

fn add_channels_why(s: &Signals) -> Quoted {
    let mut q = Quoter::default();
    let why = format!(
        "This report reads {} from {}; conversations the group holds elsewhere are not in it.",
        counted(
            &mut q,
            "counts.spaces",
            s.size.spaces,
            "channel or chat",
            "channels or chats"
        ),
        counted(&mut q, "counts.files", s.size.files, "file", "files")
    );
    q.say(why)
}

const KEEP_IT_THEIRS: Spec = Spec {
    profile: "all",
    id: "keep-it-theirs",
    title: "Keep it theirs: hand over more, and keep stepping back",
    aim: Aim::Peer,
    how: &[
        "Give regular tasks (welcoming, weekly threads) to members.",
        "Re-run this check every month and watch the peer reply share.",
    ],
};

/// For a group that is already a community: keep it one. It closes the whole gap (1),
/// weighed by the replies the peer reply share rests on.
pub fn keep_it_a_community(s: &Signals) -> Option<Draft> {
    let (c, basis) = resting_on(&s.metrics.peer_reply_share, floors::INTERACTIONS)?;
    let mut q = Quoter::default();
    let field = "metrics.peer_reply_share";
    let why = format!(
        "This already is a community: members answered each other in {} of {} replies. \
         The risk now is pulling it back towards you.",
        num(&mut q, field, &c),
        den(&mut q, field, &c)
    );
    let why = q.say(why);
    let leaders = s.leaders.iter().take(3).cloned().collect();
    Some(Draft::new(&KEEP_IT_THEIRS, basis, 1.0, why, leaders))
}
