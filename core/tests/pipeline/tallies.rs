//! The bootstrap's per-unit counts (`advice::interval::Tallies`) against the measure
//! functions run on the gathered replicate: for random draws, the four counting measures
//! must come out identical, with day units and with conversation units, and with answers
//! that sit in another day than the message they answer.

use peerscope_core::advice::interval::Tallies;
use peerscope_core::graph::interactions::Conversation;
use peerscope_core::graph::scope::Scope;
use peerscope_core::graph::units::Units;
use peerscope_core::import::{self, Input};
use peerscope_core::measure::{direction, structure};
use peerscope_core::model::random::SplitMix;
use peerscope_core::model::schema::Unit;

/// A DiscordChatExporter channel over `days` days, `per_day` messages a day among 12
/// people (u0 the host): each message answers a random earlier one (often of an earlier
/// day) a third of the time, mentions someone a sixth of the time, else stands alone.
fn export(days: usize, per_day: usize, seed: u64) -> Input {
    let mut rng = SplitMix(seed);
    let mut messages = Vec::new();
    for n in 0..days * per_day {
        let (day, minute) = (n / per_day, n % per_day);
        let author = if rng.unit() < 0.25 {
            0
        } else {
            1 + rng.below(11)
        };
        let mut extra = String::new();
        let roll = rng.unit();
        if roll < 0.33 && n > 0 {
            let back = 1 + rng.below((n as u64).min(3 * per_day as u64));
            extra = format!(r#","reference":{{"messageId":"m{}"}}"#, n as u64 - back);
        } else if roll < 0.5 {
            let to = rng.below(12);
            extra = format!(r#","mentions":[{{"id":"u{to}","name":"person{to}"}}]"#);
        }
        messages.push(format!(
            r#"{{"id":"m{n}","timestamp":"2024-{:02}-{:02}T{:02}:{:02}:00+00:00","content":"hi","author":{{"id":"u{author}","name":"person{author}"}}{extra}}}"#,
            1 + day / 28,
            1 + day % 28,
            minute / 60 % 24,
            minute % 60
        ));
    }
    let text = format!(
        r#"{{"guild":{{"id":"g"}},"channel":{{"id":"c","name":"gen"}},"messages":[{}]}}"#,
        messages.join(",")
    );
    Input::new("tallies.json", text.into_bytes())
}

fn check(days: usize, per_day: usize, unit: Unit) {
    let data = import::import(&[export(days, per_day, days as u64)], None).unwrap();
    let conv = Conversation::build(&data);
    let mut is_host = vec![false; data.people.len()];
    let host = data.people.iter().position(|p| p.id == "u0").unwrap();
    is_host[host] = true;
    let scope = Scope::new(&data, &conv, &is_host, |_| true);
    let units = Units::of(&scope);
    assert_eq!(units.unit, unit);
    let roots = direction::roots(&conv);
    let tallies = Tallies::of(&scope, &units, roots);
    let k = units.count();
    let mut rng = SplitMix(99);
    for round in 0..40 {
        // Some rounds draw few units, so that answers often miss their root's unit.
        let size = if round % 2 == 0 { k } else { 1 + k / 4 };
        let draws: Vec<usize> = (0..size).map(|_| rng.below(k as u64) as usize).collect();
        let mut messages = Vec::new();
        let mut interactions = Vec::new();
        for &u in &draws {
            messages.extend(units.messages[u].iter().map(|&at| at as usize));
            interactions.extend(
                units.interactions[u]
                    .iter()
                    .map(|&i| scope.interactions[i as usize]),
            );
        }
        let parts = (messages, interactions);
        let rep = Scope::of_parts(&data, &conv, &is_host, parts, false);
        let counts = tallies.sum(&draws);
        let at = format!("{unit:?} round {round}");
        assert_eq!(counts.interactions, rep.interactions.len(), "{at}");
        assert_eq!(counts.host_share(), structure::host_share(&rep), "{at}");
        assert_eq!(
            counts.peer_reply_share(),
            direction::peer_reply_share(&rep),
            "{at}"
        );
        assert_eq!(
            counts.connect_share(),
            direction::connect_share(&rep),
            "{at}"
        );
        let started = direction::member_initiated_share_on(&rep, roots);
        assert_eq!(counts.member_initiated_share(), started, "{at}");
        assert!(counts.starts > 0, "{at}: the draw started no conversation");
    }
}

#[test]
fn day_units_add_up_to_the_measures_on_the_gathered_replicate() {
    check(30, 40, Unit::Day);
}

#[test]
fn conversation_units_add_up_to_the_measures_on_the_gathered_replicate() {
    check(5, 120, Unit::Conversation);
}
