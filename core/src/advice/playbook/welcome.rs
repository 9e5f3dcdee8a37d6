//! The steps about newcomers and about the few who carry the conversation
//! (docs/METRICS.md §11), each only when its measure counts and its premise holds.

use super::draft::{resting_on, Aim, Basis, Draft, Spec};
use super::signals::Signals;
use super::words::{den, names};
use crate::measure::floors;
use crate::model::quoted::Quoter;
use crate::model::schema::PersonRef;

/// The steps of this file, in their own order (which breaks ties).
pub fn steps(s: &Signals) -> Vec<Draft> {
    [welcome(s), spread_the_load(s)]
        .into_iter()
        .flatten()
        .collect()
}

const WELCOME: Spec = Spec {
    profile: "all",
    id: "welcome-newcomers",
    title: "Ask two regulars to greet new people",
    aim: Aim::Peer,
    how: &[
        "Ask two regulars to answer each newcomer's first message within a day, and to ask \
         what brought them.",
        "Answer a newcomer by bringing in a member who shares their interest, rather than \
         answering alone.",
        "Once a week, look at who is still waiting for an answer.",
    ],
};

/// Rests on `newcomer_welcome_share`; only when some newcomer went unwelcomed. The gap is
/// the share left unwelcomed. Names the members who already greet newcomers, else the
/// core's best-connected members.
fn welcome(s: &Signals) -> Option<Draft> {
    let n = s.arrivals.newcomers.as_ref()?;
    if n.unwelcomed == 0 {
        return None;
    }
    let field = "metrics.newcomer_welcome_share";
    let (c, basis) = resting_on(&s.metrics.newcomer_welcome_share, floors::NEWCOMERS)?;
    let mut q = Quoter::default();
    let mut why = format!(
        "{} of {} newcomers got no answer within three days",
        q.count("newcomers.unwelcomed", n.unwelcomed as f64),
        den(&mut q, field, &c)
    );
    if let (Some(w), Some(u)) = (n.return_welcomed.counted(), n.return_unwelcomed.counted()) {
        let how_often = if w.value > u.value {
            "more often"
        } else {
            "no more often"
        };
        why.push_str(&format!(
            "; those who got one came back {how_often} ({} against {} within thirty days)",
            q.share("newcomers.return_welcomed", w.value),
            q.share("newcomers.return_unwelcomed", u.value)
        ));
    }
    let (people, already): (Vec<PersonRef>, bool) = if s.arrivals.greeters.is_empty() {
        (s.core_hubs.iter().take(2).cloned().collect(), false)
    } else {
        (s.arrivals.greeters.iter().take(2).cloned().collect(), true)
    };
    match (people.is_empty(), already) {
        (true, _) => why.push('.'),
        (false, true) => why.push_str(&format!(
            ". {} already greet newcomers: ask them to greet every new person.",
            names(&people)
        )),
        (false, false) => why.push_str(&format!(". Ask {} to greet new people.", names(&people))),
    }
    let why = q.say(why);
    Some(Draft::new(&WELCOME, basis, 1.0 - c.value, why, people))
}

const SPREAD: Spec = Spec {
    profile: "all",
    id: "spread-the-load",
    title: "Spread the load before one of them leaves",
    aim: Aim::Peer,
    how: &[
        "Ask each of them to bring one quieter member into a conversation this week.",
        "Hand one of their regular tasks (answering, welcoming, starting threads) to \
         someone else.",
    ],
};

/// At most this many members holding half of what members say to each other makes the
/// step worth offering: beyond it the load is already spread.
pub const MOST_CARRIERS: u64 = 5;

/// Rests on the member→member replies and mentions behind the absence factor (floor: the
/// interactions floor). Gap: 1 − factor ÷ half the members who wrote any (0 when the load
/// is as spread as it can be, 1 when one person carries it alone among many).
fn spread_the_load(s: &Signals) -> Option<Draft> {
    let a = s.arrivals.absence.as_ref()?;
    let factor = a.factor.filter(|&f| f > 0 && f <= MOST_CARRIERS)?;
    if (a.interactions as f64) < floors::INTERACTIONS || a.writers < 2 {
        return None;
    }
    let basis = Basis::Measure {
        den: a.interactions as f64,
        floor: floors::INTERACTIONS,
    };
    let half = (a.writers as f64 / 2.0).ceil();
    let gap = 1.0 - (factor as f64 - 1.0) / half.max(1.0);
    let mut q = Quoter::default();
    let (who, leaves) = if factor == 1 {
        ("person writes", "they leave")
    } else {
        ("people write", "one of them leaves")
    };
    let why = format!(
        "{} {who} half of what members say to each other{}: if {leaves}, much of the \
         conversation goes with them.",
        q.count("absence.factor", factor as f64),
        if s.arrivals.carriers.is_empty() {
            String::new()
        } else {
            format!(" ({})", names(&s.arrivals.carriers))
        },
    );
    let why = q.say(why);
    Some(Draft::new(
        &SPREAD,
        basis,
        gap,
        why,
        s.arrivals.carriers.clone(),
    ))
}
