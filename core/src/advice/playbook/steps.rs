//! The step catalogue: what each step says, which gap makes it urgent, whom it names.

use super::priority;
use super::signals::Signals;
use crate::model::metric::{Counted, Metric};
use crate::model::options::{Goal, Profile};
use crate::model::schema::{PersonRef, Step};
use crate::model::shown::decimal;
use crate::model::words::{n, pct, plural};

fn step(
    profile: &str,
    id: &str,
    title: &str,
    gap: Option<f64>,
    why: String,
    how: &[&str],
    people: Vec<PersonRef>,
) -> Step {
    Step {
        profile: profile.to_string(),
        id: id.to_string(),
        title: title.to_string(),
        why,
        how: how.iter().map(|h| h.to_string()).collect(),
        priority: priority(gap),
        people,
    }
}

/// 1 − value: how far a community-leaning metric is from its ideal; `None` (an unknown
/// gap) when the metric does not count (null or thin).
fn gap(m: &Metric) -> Option<f64> {
    m.counted().map(|c| 1.0 - c.value)
}

/// The value of a metric that counts, as a gap in itself (the larger, the more urgent).
fn size(m: &Metric) -> Option<f64> {
    m.counted().map(|c| c.value)
}

/// "34", "120" and "28%" of a counted metric, for `said`'s sentences.
fn of(c: &Counted) -> (String, String, String) {
    (n(Some(c.num)), n(Some(c.den)), pct(Some(c.value)))
}

fn names(people: &[PersonRef]) -> String {
    let list: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    match list.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Ends a sentence after a list of names without doubling a name's own full stop.
fn sentence_end(text: &str) -> String {
    if text.ends_with('.') {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// The sentence `observed` (given the metric's counted numbers) when `metric` counts;
/// otherwise why it does not, with the group's size, so every *why* still carries the
/// group's own numbers without quoting a null or thin measure.
fn said(metric: &Metric, s: &Signals, observed: impl FnOnce(&Counted) -> String) -> String {
    if let Some(c) = metric.counted() {
        return observed(&c);
    }
    let reason = metric.reason.as_deref().unwrap_or("no data");
    if metric.thin {
        format!(
            "Too little conversation to measure this yet: {reason}. The group has {} members.",
            s.members
        )
    } else {
        format!(
            "Not measurable in this export yet ({reason}); it has {} members.",
            s.members
        )
    }
}

/// Share of members tied to another member (0..=1).
fn engaged_share(s: &Signals) -> Metric {
    Metric::ratio(s.engaged as f64, s.members as f64, "no members")
}

/// Steps every profile gets.
pub fn for_everyone(s: &Signals) -> Vec<Step> {
    let m = s.metrics;
    let step_back_why = match (m.continuation.counted(), m.resilience.counted()) {
        (Some(c), _) => format!(
            "On days without you, members exchanged {} replies and mentions a day, against {} on days you posted.",
            decimal(c.num, 1), decimal(c.den, 1)
        ),
        (None, Some(c)) => format!(
            "Without you, {} of {} members who talk here would still be connected to each other.",
            n(Some(c.num)), n(Some(c.den))
        ),
        _ => format!("This export cannot show yet what happens to its {} members when you are away; a planned pause will.", s.members),
    };
    let asked = &s.unanswered;
    let redirect_why = said(&m.peer_answer_share, s, |c| {
        let (num, den, share) = of(c);
        format!(
            "Members answered first on {num} of {den} member questions that got a reply ({share}); {} member questions got no reply at all.",
            asked.1
        )
    });
    let lonely = &s.only_with_hosts;
    vec![
        step("all", "step-back", "Step back for a week, then run this again",
            gap(&m.continuation).or(gap(&m.resilience)), step_back_why,
            &["Say openly that you will only read for a week, and ask members to keep each other company.",
              "Ask two regulars to open the daily conversation while you are away.",
              "Export again afterwards and compare the two reports here."],
            s.leaders.iter().take(2).cloned().collect()),
        step("all", "redirect-questions", "Let members answer questions before you do",
            gap(&m.peer_answer_share), redirect_why,
            &["Wait a few hours before answering a member's question yourself.",
              "Tag a member who knows the answer instead of answering.",
              "Thank members who answer, in public, so others see it counts."],
            s.answerers.clone()),
        step("all", "introduce-people", "Introduce the people who only talk to you",
            gap(&engaged_share(s)),
            format!("{} of {} members have talked only with you so far{}", lonely.1, s.members, if lonely.0.is_empty() { ".".to_string() } else { format!(", among them {}", sentence_end(&names(&lonely.0))) }),
            &["Welcome newcomers by introducing them to one regular with the same interest.",
              "Reply to a newcomer's message by asking a regular what they think."],
            lonely.0.clone()),
    ]
}

/// The steps for every profile that ask for more conversation rather than judge it: what
/// an undetermined verdict offers. Most urgent first.
pub fn more_evidence(s: &Signals) -> Vec<Step> {
    let z = s.size;
    vec![
        step("all", "export-longer", "Export a longer period, then run this again",
            Some(1.0),
            format!(
                "This export covers {} with {} among {}: too little to tell an audience from a community yet.",
                plural(z.days, "day", "days"),
                plural(z.interactions, "reply or mention", "replies and mentions"),
                plural(z.participants, "person", "people")
            ),
            &["Export the same channel or chat again over a longer span, for example the last three to six months.",
              "Keep your own messages in the export: the verdict compares what members do with and without you.",
              "Load the new export here; nothing you saw so far is lost."],
            Vec::new()),
        step("all", "add-channels", "Add the group's other channels or files",
            Some(0.9),
            format!(
                "This report reads {} from {}; conversations the group holds elsewhere are not in it.",
                plural(z.spaces, "channel or chat", "channels or chats"),
                plural(z.files, "file", "files")
            ),
            &["Export every channel where members talk, threads included, and load all the files together.",
              "Leave out channels that only carry announcements or bot posts."],
            Vec::new()),
    ]
}

/// The four steps of the chosen profile.
pub fn for_profile(s: &Signals, profile: Profile) -> Vec<Step> {
    match profile {
        Profile::Creator => creator(s),
        Profile::Startup => startup(s),
        Profile::Nonprofit => nonprofit(s),
    }
}

fn reach_note(s: &Signals) -> &'static str {
    if s.goal == Goal::Reach {
        " Conversations between viewers also keep your posts visible longer, which serves reach."
    } else {
        ""
    }
}

fn creator(s: &Signals) -> Vec<Step> {
    let m = s.metrics;
    vec![
        step("creator", "peer-call-to-action", "Ask your audience to answer each other, not only you",
            gap(&m.connect_share),
            said(&m.connect_share, s, |c| { let (num, den, share) = of(c); format!("{num} of the {den} replies and mentions members wrote went to other members ({share}).{}", reach_note(s)) }),
            &["End posts with a question about the reader's own experience, not a request to like.",
              "When two people say similar things, point them at each other."],
            Vec::new()),
        step("creator", "participatory-live", "Run live sessions where attendees answer each other",
            gap(&m.reciprocity),
            said(&m.reciprocity, s, |c| format!("When members reply to each other, the other side answers back in {} of cases.", pct(Some(c.value)))),
            &["In your next live Q&A, pass each question to the audience first.",
              "Invite a regular to co-host and field questions."],
            s.leaders.iter().take(3).cloned().collect()),
        step("creator", "dedicated-space", "Give your most engaged people a space of their own",
            gap(&m.resilience),
            said(&m.resilience, s, |c| { let (num, den, _) = of(c); format!("Without you, {num} of {den} members who talk here would still be connected; {} form a close core.", s.core) }),
            &["Open a members' channel or group and invite the core by name.",
              "Seed it with a topic they already discuss among themselves."],
            s.core_hubs.clone()),
        step("creator", "showcase-members", "Feature what members make in your main content",
            gap(&m.member_initiated_share),
            said(&m.member_initiated_share, s, |c| { let (num, den, share) = of(c); format!("Members started {num} of {den} conversations that drew an answer ({share}).") }),
            &["Pick one member's work or answer each week and show it to everyone.",
              "Credit them by name and ask them how they did it."],
            s.starters.clone()),
    ]
}

fn startup(s: &Signals) -> Vec<Step> {
    let m = s.metrics;
    let (askers, open) = &s.unanswered;
    vec![
        step(
            "startup",
            "peer-support-forum",
            "Build a space where customers help each other",
            gap(&m.peer_answer_share),
            said(&m.peer_answer_share, s, |c| {
                let (num, den, share) = of(c);
                format!("Customers answered first on {num} of {den} customer questions ({share}); {open} questions are still unanswered{}.", if askers.is_empty() { String::new() } else { format!(", from {}", names(askers)) })
            }),
            &[
                "Send common questions to the support space instead of answering in private.",
                "Ask the members who answer most to help moderate it.",
            ],
            s.answerers.clone(),
        ),
        step(
            "startup",
            "open-roadmap",
            "Bring users into product decisions",
            gap(&m.member_initiated_share),
            said(&m.member_initiated_share, s, |c| {
                let (num, den, share) = of(c);
                format!("Users started {num} of {den} conversations that drew an answer ({share}).")
            }),
            &[
                "Publish a roadmap where users vote and discuss with each other.",
                "Open a beta group and let testers compare notes.",
            ],
            s.starters.clone(),
        ),
        step(
            "startup",
            "member-meetups",
            "Host meetups about members meeting each other",
            gap(&m.reciprocity),
            said(&m.reciprocity, s, |c| {
                format!(
                    "Among members, {} of ties go both ways.",
                    pct(Some(c.value))
                )
            }),
            &[
                "Plan the agenda around customers presenting to customers, not around a pitch.",
                "Pair attendees by use case and introduce them before the event.",
            ],
            s.core_hubs.clone(),
        ),
        step(
            "startup",
            "recognise-leaders",
            "Recognise and reward the members who help others",
            size(&m.host_share),
            if s.leaders.is_empty() {
                said(&m.host_share, s, |c| {
                    format!("{} of conversations still involve you and no member yet gives three or more replies to others; watch for the first ones.", pct(Some(c.value)))
                })
            } else {
                format!(
                    "{} members already help others often: {}",
                    s.leaders.len(),
                    sentence_end(&names(&s.leaders))
                )
            },
            &[
                "Thank them publicly and give them early access.",
                "Offer a formal role, such as ambassador or moderator.",
            ],
            s.leaders.clone(),
        ),
    ]
}

fn nonprofit(s: &Signals) -> Vec<Step> {
    let m = s.metrics;
    let core_share = Metric::ratio(s.core as f64, s.engaged as f64, "no engaged members");
    vec![
        step("nonprofit", "shared-identity", "Name the group after who members are, not after you",
            gap(&m.connect_share),
            said(&m.connect_share, s, |c| format!("{} of members' replies and mentions went to other members.", pct(Some(c.value)))),
            &["Call members by a shared name (\"river keepers\", \"advocates\") in every message.",
              "Ask members to introduce themselves to each other by that identity."],
            Vec::new()),
        step("nonprofit", "peer-chapters", "Let members run their own local or topic chapters",
            gap(&m.resilience),
            said(&m.resilience, s, |c| { let (num, den, _) = of(c); format!("Without your staff, {num} of {den} members who talk here stay connected; {} form a core.", s.core) }),
            &["Provide a simple chapter kit and let members organise the meetings.",
              "Ask the members at the centre of the core to start the first ones."],
            s.core_hubs.clone()),
        step("nonprofit", "skill-sharing", "Pair experienced volunteers with new ones",
            gap(&core_share),
            format!("{} of {} members who talk to other members are in the close core.", s.core, s.engaged),
            &["Match each newcomer with a veteran for their first month.",
              "Let mentors meet without staff present."],
            s.leaders.iter().take(3).cloned().chain(s.only_with_hosts.0.iter().take(2).cloned()).collect()),
        step("nonprofit", "collective-impact", "Tell stories of what the group did together",
            size(&m.host_share),
            said(&m.host_share, s, |c| format!("{} of all replies and mentions involve your organisation.", pct(Some(c.value)))),
            &["Report results as \"we\" with members' names, not as the organisation's work.",
              "Invite members to tell the story themselves."],
            s.starters.clone()),
    ]
}

/// For a group that is already a community: keep it one.
pub fn keep_it_a_community(s: &Signals) -> Step {
    step(
        "all",
        "keep-it-theirs",
        "Keep it theirs: hand over more, and keep stepping back",
        Some(1.0),
        said(&s.metrics.peer_reply_share, s, |c| {
            format!("This already is a community: members answered each other in {} of replies. The risk now is pulling it back towards you.", pct(Some(c.value)))
        }),
        &[
            "Give regular tasks (welcoming, weekly threads) to members.",
            "Re-run this check every month and watch the peer reply share.",
        ],
        s.leaders.iter().take(3).cloned().collect(),
    )
}
