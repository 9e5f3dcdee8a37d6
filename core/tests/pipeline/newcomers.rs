//! Newcomers, questions and absence (docs/METRICS.md §11) on generated exports whose
//! answers are set by construction: every count below is the number of people or
//! questions the builder was asked for.

use peerscope_core::import::Input;
use peerscope_core::model::options::{HostChoice, Options};
use peerscope_core::model::schema::Report;
use peerscope_core::report::analyze;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

const HOUR: i64 = 60;
const DAY: i64 = 24 * HOUR;
/// 2024-01-01T00:00:00Z.
const START_S: i64 = 1_704_067_200;

/// A DiscordChatExporter file built message by message, times in minutes from the start.
#[derive(Default)]
pub struct Builder {
    messages: Vec<String>,
}

impl Builder {
    /// Adds a message by `author` (an id, also the name) at `minute`, replying to message
    /// `parent` and mentioning `mentions`; returns its id.
    pub fn say(
        &mut self,
        author: &str,
        minute: i64,
        parent: Option<usize>,
        mentions: &[&str],
        text: &str,
    ) -> usize {
        let id = self.messages.len() + 1;
        let when = OffsetDateTime::from_unix_timestamp(START_S + minute * 60)
            .unwrap()
            .format(&Rfc3339)
            .unwrap();
        let reference = parent
            .map(|p| format!(r#","reference":{{"messageId":"{p}"}}"#))
            .unwrap_or_default();
        let mentions: Vec<String> = mentions
            .iter()
            .map(|m| format!(r#"{{"id":"{m}","name":"{m}"}}"#))
            .collect();
        self.messages.push(format!(
            r#"{{"id":"{id}","timestamp":"{when}","content":"{text}","author":{{"id":"{author}","name":"{author}"}},"mentions":[{}]{reference}}}"#,
            mentions.join(",")
        ));
        id
    }

    pub fn input(&self) -> Input {
        let text = format!(
            r#"{{"guild":{{"id":"g"}},"channel":{{"id":"c","name":"gen"}},"messages":[{}]}}"#,
            self.messages.join(",")
        );
        Input::new("generated.json", text.into_bytes())
    }

    /// The report with `host` as the host.
    pub fn report(&self, host: &str) -> Report {
        let options = Options {
            hosts: HostChoice::Named(vec![host.to_string()]),
            ..Options::default()
        };
        analyze(&[self.input()], &options).unwrap().report
    }
}

/// Five regulars talking from day 0 to day 180.
fn regulars() -> Builder {
    let mut b = Builder::default();
    for day in [0, 5, 10, 60, 90, 120, 150, 180] {
        for r in 1..=5 {
            let to = 1 + r % 5;
            let post = b.say(&format!("r{r}"), day * DAY + r as i64, None, &[], "news");
            b.say(
                &format!("r{to}"),
                day * DAY + 10 + r as i64,
                Some(post),
                &[],
                "yes",
            );
        }
    }
    b
}

/// How a newcomer of the scenario is treated.
#[derive(Clone, Copy)]
enum Welcome {
    /// A regular replies after `n` hours.
    Member(i64),
    /// The host replies after `n` hours.
    Host(i64),
    /// A regular mentions them (without replying) after an hour.
    Mention,
    Nobody,
}

/// A newcomer arriving at `minute`: welcomed as `welcome`, writing again two days later
/// when `returns`, otherwise once more the same day (no return) and after 31 days (too
/// late to be one).
fn newcomer(b: &mut Builder, name: &str, minute: i64, welcome: Welcome, returns: bool) {
    let first = b.say(name, minute, None, &[], "hello all");
    match welcome {
        Welcome::Member(h) => drop(b.say("r1", minute + h * HOUR, Some(first), &[], "welcome")),
        Welcome::Host(h) => drop(b.say("host", minute + h * HOUR, Some(first), &[], "welcome")),
        Welcome::Mention => drop(b.say("r2", minute + HOUR, None, &[name], "meet them")),
        Welcome::Nobody => {}
    }
    if returns {
        b.say(name, minute + 2 * DAY, None, &[], "back again");
    } else {
        b.say(name, minute + HOUR, None, &[], "also");
        b.say(name, minute + 31 * DAY, None, &[], "late");
    }
}

/// The scenario: (welcome, returns, how many), arriving one a day from day 20.
const GROUPS: [(Welcome, bool, usize); 9] = [
    (Welcome::Member(2), true, 12),
    (Welcome::Member(70), false, 4),
    (Welcome::Host(1), true, 3),
    (Welcome::Host(3), false, 1),
    (Welcome::Mention, true, 2),
    (Welcome::Member(80), true, 1),
    (Welcome::Member(80), false, 2),
    (Welcome::Nobody, true, 3),
    (Welcome::Nobody, false, 9),
];

/// The regulars, the newcomers of [`GROUPS`] and a few late ones; the export ends on day
/// 200, and the host's first message is a welcome on day 36 (late, yet no newcomer).
fn scenario() -> Builder {
    let mut b = regulars();
    let mut day = 20;
    for (g, &(welcome, returns, count)) in GROUPS.iter().enumerate() {
        for k in 0..count {
            let minute = day * DAY + 12 * HOUR;
            newcomer(&mut b, &format!("n{g}_{k}"), minute, welcome, returns);
            day += 1;
        }
    }
    // Within 30 days of the end (day 200), more than 72 hours before it: counted in the
    // welcome share, not in the return rates.
    let end = 200 * DAY;
    newcomer(
        &mut b,
        "late_welcomed",
        end - 10 * DAY,
        Welcome::Member(1),
        true,
    );
    b.say("late_alone_a", end - 9 * DAY, None, &[], "hi");
    b.say("late_alone_b", end - 8 * DAY, None, &[], "hi");
    // In the last 72 hours: newcomers, but not judged yet.
    b.say("last_a", end - 2 * DAY, None, &[], "hi");
    b.say("last_b", end - DAY, None, &[], "hi");
    b.say("r3", end, None, &[], "the end");
    b
}

#[test]
fn the_newcomer_scenario_counts_what_it_built() {
    let r = scenario().report("host");
    let n = &r.newcomers;
    // 37 in GROUPS, 3 late, 2 in the last 72 hours.
    assert_eq!(n.count, 42);
    let m = &r.metrics;
    // Welcomed in 72 hours: 12 + 4 (70 hours is in time) + 3 + 1 + 2 + late_welcomed, of
    // the 40 with 72 hours left (the 80-hour replies come too late).
    let w = &m.newcomer_welcome_share;
    assert_eq!((w.num, w.den), (Some(23.0), Some(40.0)));
    assert!(!w.thin);
    assert_eq!(n.unwelcomed, 17);
    // By members first: 12 + 4 replies, 2 mentions and late_welcomed.
    let p = &m.peer_welcome_share;
    assert_eq!((p.num, p.den), (Some(19.0), Some(23.0)));
    // With 30 days left: welcomed 12 + 4 + 3 + 1 + 2, of whom 12 + 3 + 2 came back…
    let rw = &n.return_welcomed;
    assert_eq!((rw.num, rw.den, rw.thin), (Some(17.0), Some(22.0), false));
    // …and the 1 + 2 + 3 + 9 others, of whom the late-replied 1 and the unanswered 3 did.
    let ru = &n.return_unwelcomed;
    assert_eq!((ru.num, ru.den, ru.thin), (Some(4.0), Some(15.0), false));
    // Nobody ever answered: the 12 of `Nobody`, the two late loners and the last two.
    assert_eq!(n.waiting_count, 16);
    let names: Vec<&str> = n.waiting.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(
        &names[..4],
        ["last_b", "last_a", "late_alone_b", "late_alone_a"]
    );
    assert_eq!(n.waiting.len(), 16);
    assert_eq!(n.waiting[0].since, "2024-07-18");
    // The host's first message (day 36) is late, yet the host is no newcomer.
    assert!(n.waiting.iter().all(|w| w.name != "host"));
}

#[test]
fn the_welcome_step_quotes_the_newcomers() {
    let r = scenario().report("host");
    let step = r.checklist.iter().find(|s| s.id == "welcome-newcomers");
    let Some(step) = step else {
        panic!("no welcome step in {:#?}", r.checklist)
    };
    assert!(
        step.why.starts_with("17 of 40 newcomers got no answer within three days; those who got one came back more often (77% against 27% within thirty days). r1 and r2 already greet newcomers"),
        "{}",
        step.why
    );
    assert_eq!(step.people.first().map(|p| p.name.as_str()), Some("r1"));
    crate::quotes::holds("newcomers", &r, &["r1", "r2", "r3", "r4", "r5"]);
}

/// Member questions: 10 answered by members within hours, 4 by the host after 80–83
/// hours, 3 never, 2 in the last 72 hours (left out of the share).
#[test]
fn questions_wait_as_built() {
    let mut b = Builder::default();
    b.say("host", 0, None, &[], "hello");
    for k in 0..10 {
        let q = b.say("m1", (10 + k) * DAY, None, &[], "how?");
        b.say("m2", (10 + k) * DAY + 10 * (k + 1), Some(q), &[], "so");
    }
    for k in 0..4 {
        let q = b.say("m3", (30 + 5 * k) * DAY, None, &[], "why?");
        b.say(
            "host",
            (30 + 5 * k) * DAY + (80 + k) * HOUR,
            Some(q),
            &[],
            "so",
        );
    }
    for k in 0..3 {
        b.say("m4", (60 + k) * DAY, None, &[], "anyone?");
    }
    let end = 70 * DAY;
    b.say("m1", end - DAY, None, &[], "last?");
    b.say("m2", end - HOUR, None, &[], "really last?");
    b.say("m3", end, None, &[], "bye");
    let r = b.report("host");
    let u = &r.metrics.unanswered_question_share;
    assert_eq!((u.num, u.den, u.thin), (Some(7.0), Some(17.0), false));
    assert_eq!(r.counts.unanswered_member_questions, 7);
    let f = &r.first_response;
    assert_eq!(
        (f.members.p50, f.members.p90, f.members.count),
        (Some(50.0), Some(90.0), 10)
    );
    assert_eq!(
        (f.hosts.p50, f.hosts.p90, f.hosts.count),
        (Some(4860.0), Some(4980.0), 4)
    );
    assert_eq!(
        (f.all.p50, f.all.p90, f.all.count),
        (Some(70.0), Some(4920.0), 14)
    );
}

/// Member→member replies: a wrote 9, b 6, c 5 (and the host some that do not count):
/// a and b together hold 15 of 20, a alone 9.
#[test]
fn the_absence_factor_counts_the_fewest_who_hold_half() {
    let mut b = Builder::default();
    let mut t = 0;
    let mut reply = |b: &mut Builder, from: &str, to: &str| {
        t += 7;
        let post = b.say(to, t * HOUR, None, &[], "post");
        b.say(from, t * HOUR + 5, Some(post), &[], "re");
    };
    for (from, count) in [("a", 9), ("b", 6), ("c", 5)] {
        for k in 0..count {
            let to = ["d", "e", "a", "b"][k % 4];
            let to = if to == from { "e" } else { to };
            reply(&mut b, from, to);
        }
    }
    for k in 0..12 {
        reply(&mut b, "host", ["a", "b", "c", "d"][k % 4]);
        reply(&mut b, ["d", "e"][k % 2], "host");
    }
    let r = b.report("host");
    let a = &r.absence;
    assert_eq!((a.factor, a.interactions, a.writers), (Some(2), 20, 3));
    let people: Vec<(&str, f64)> = a
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.share))
        .collect();
    assert_eq!(people, [("a", 0.45), ("b", 0.3)]);
    let step = r.checklist.iter().find(|s| s.id == "spread-the-load");
    let Some(step) = step else {
        panic!("no spread-the-load step in {:#?}", r.checklist)
    };
    assert_eq!(
        step.why,
        "2 people write half of what members say to each other (a and b): if one of them \
         leaves, much of the conversation goes with them."
    );
    assert_eq!(step.people.len(), 2);
    crate::quotes::holds("absence", &r, &["a", "b"]);
}

#[test]
fn no_newcomers_and_a_short_export_give_nulls_not_zeros() {
    let mut b = Builder::default();
    for d in 0..10 {
        let p = b.say("host", d * DAY, None, &[], "news");
        b.say("m1", d * DAY + 5, Some(p), &[], "ok");
    }
    let r = b.report("host");
    assert_eq!(r.newcomers.count, 0, "ten days hold no day 14");
    assert_eq!(r.metrics.newcomer_welcome_share.value, None);
    assert!(r.metrics.newcomer_welcome_share.reason.is_some());
    assert_eq!(r.newcomers.return_welcomed.value, None);
    assert!(r.newcomers.waiting.is_empty());
    assert!(r.checklist.iter().all(|s| s.id != "welcome-newcomers"));
    assert_eq!(r.first_response.all.p50, None);
}

#[test]
fn few_newcomers_are_thin_and_never_quoted() {
    let mut b = regulars();
    b.say("host", 0, None, &[], "hello");
    for k in 0..6 {
        newcomer(
            &mut b,
            &format!("n{k}"),
            (20 + k) * DAY,
            Welcome::Nobody,
            false,
        );
    }
    let r = b.report("host");
    let w = &r.metrics.newcomer_welcome_share;
    assert_eq!((w.num, w.den, w.thin), (Some(0.0), Some(6.0), true));
    assert!(r.checklist.iter().all(|s| s.id != "welcome-newcomers"));
    assert!(r.newcomers.return_unwelcomed.thin);
}
