//! Generated groups of known shape, shared by [`crate::shapes`] and [`crate::playbook`].

use peerscope_core::model::schema::Report;
use peerscope_core::{
    import::Input, model::options::Goal, model::options::HostChoice, model::options::Options,
    model::options::Profile, report::analyze,
};

/// A DiscordChatExporter file where every person posts once, then each `(from, to)`
/// pair becomes a reply by `from` to `to`'s post, a minute apart, over a few days.
pub fn export(people: usize, replies: &[(usize, usize)]) -> Input {
    let mut messages = Vec::new();
    let stamp = |i: usize| {
        format!(
            "2024-06-{:02}T{:02}:{:02}:00+00:00",
            1 + i / 1440 % 28,
            i / 60 % 24,
            i % 60
        )
    };
    let author = |p: usize| format!(r#"{{"id":"u{p}","name":"person{p}"}}"#);
    for p in 0..people {
        messages.push(format!(
            r#"{{"id":"{p}","timestamp":"{}","content":"hello","author":{}}}"#,
            stamp(p),
            author(p)
        ));
    }
    for (i, &(from, to)) in replies.iter().enumerate() {
        let at = people + i;
        messages.push(format!(
            r#"{{"id":"{at}","timestamp":"{}","content":"re","author":{},"reference":{{"messageId":"{to}"}}}}"#,
            stamp(at),
            author(from)
        ));
    }
    let text = format!(
        r#"{{"guild":{{"id":"g"}},"channel":{{"id":"c","name":"gen"}},"messages":[{}]}}"#,
        messages.join(",")
    );
    Input::new("generated.json", text.into_bytes())
}

/// The group analysed for the creator profile.
pub fn report(people: usize, replies: &[(usize, usize)], host: Option<usize>) -> Report {
    report_for(people, replies, host, Profile::default())
}

pub fn clique(members: std::ops::Range<usize>) -> Vec<(usize, usize)> {
    let list: Vec<usize> = members.collect();
    let mut out = Vec::new();
    for &a in &list {
        for &b in &list {
            if a != b {
                out.push((a, b));
            }
        }
    }
    out
}

/// The same group analysed for a given profile.
pub fn report_for(
    people: usize,
    replies: &[(usize, usize)],
    host: Option<usize>,
    profile: Profile,
) -> Report {
    report_goal(people, replies, host, profile, Goal::default())
}

/// The same group analysed for a given profile and goal.
pub fn report_goal(
    people: usize,
    replies: &[(usize, usize)],
    host: Option<usize>,
    profile: Profile,
    goal: Goal,
) -> Report {
    let hosts = match host {
        Some(h) => HostChoice::Named(vec![format!("u{h}")]),
        None => HostChoice::None,
    };
    let options = Options {
        hosts,
        profile,
        goal,
        ..Options::default()
    };
    analyze(&[export(people, replies)], &options)
        .unwrap_or_else(|e| panic!("{e}"))
        .report
}
