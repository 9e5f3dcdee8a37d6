//! Newcomers (docs/METRICS.md §11): who arrived after the export's first two weeks,
//! whether someone answered them within 72 hours, and whether they came back.
//!
//! Choices where the definition is silent:
//! - A newcomer's first message is their earliest counting message with a plausible date
//!   (an outlying date, docs/METRICS.md §1, would make anyone look like a founder).
//! - "Got a reply" means a reply interaction (any of the three kinds) whose target is that
//!   first message; "mentioned" means a counting message by another person (not a
//!   placeholder) that names the newcomer, whether or not it also replies to something.
//!   Both must fall within 72 hours after the first message, both ends included; a reply
//!   stamped before the message it answers (clock skew) counts as immediate.
//! - The first welcome is the earliest such reply or mention, ties by message order.
//! - *Waiting* means nobody has yet replied to any of the newcomer's messages nor
//!   mentioned them after their first message, however recent that message is.
//!
//! One pass over the scope's messages and one over its interactions, plus arrays indexed
//! by person.

use crate::graph::scope::Scope;
use crate::measure::floors;
use crate::measure::span::{Span, ANSWER_WINDOW_MS, DAY_MS};
use crate::model::metric::Metric;
use crate::model::schema::{Newcomers, Waiting, MOST_WAITING};
use crate::model::stable_sort::StableSort;
use crate::model::time::{day_string, utc_day};
use crate::model::PersonIdx;

/// A member whose first message falls on this day index or later (counting the export's
/// first UTC day as 0) is a newcomer.
pub const NEWCOMER_FROM_DAY: i64 = 14;
/// A newcomer returned when they wrote again on a later UTC day within this long.
pub const RETURN_WINDOW_MS: i64 = 30 * DAY_MS;

/// Newcomers' figures: the two welcome shares (the report's `metrics`), the `newcomers`
/// block, and the members who welcomed newcomers first, most often first (by person
/// index on ties), for the checklist to name.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub welcome_share: Metric,
    pub peer_welcome_share: Metric,
    pub newcomers: Newcomers,
    pub welcomers: Vec<PersonIdx>,
}

/// One newcomer as the passes fill them in.
#[derive(Debug, Clone, Copy)]
struct Arrival {
    person: PersonIdx,
    /// Index of the first message in the dataset, and its time.
    at: usize,
    t0: i64,
    /// The earliest welcome: (time, message index, by a member, who).
    welcome: Option<(i64, usize, bool, PersonIdx)>,
    answered: bool,
    returned: bool,
}

impl Arrival {
    fn offer(&mut self, t: i64, at: usize, by_member: bool, who: PersonIdx) {
        if t > self.t0.saturating_add(ANSWER_WINDOW_MS) {
            return;
        }
        let earlier = self
            .welcome
            .is_none_or(|(t1, at1, _, _)| (t, at) < (t1, at1));
        if earlier {
            self.welcome = Some((t, at, by_member, who));
        }
    }
}

/// Newcomers of `scope`. An empty scope, or one without newcomers, gives a count of 0 and
/// null shares with a reason.
pub fn measure(scope: &Scope) -> Figures {
    let Some(span) = Span::of(scope) else {
        return figures(scope, None, &[]);
    };
    let mut arrivals = arrivals(scope, span);
    let mut slot = vec![u32::MAX; scope.data.people.len()];
    for (k, a) in arrivals.iter().enumerate() {
        if let Some(s) = slot.get_mut(a.person as usize) {
            *s = k as u32;
        }
    }
    let find = |p: PersonIdx| slot.get(p as usize).copied().filter(|&k| k != u32::MAX);
    replies(scope, &mut arrivals, &find);
    mentions_and_returns(scope, &mut arrivals, &find);
    figures(scope, Some(span), &arrivals)
}

/// Members whose first plausible message is on or after day [`NEWCOMER_FROM_DAY`], in
/// person order.
fn arrivals(scope: &Scope, span: Span) -> Vec<Arrival> {
    let mut first: Vec<Option<(i64, usize)>> = vec![None; scope.data.people.len()];
    for &at in scope.messages.iter() {
        let Some(m) = scope.message(at) else { continue };
        if m.time_outlier || !scope.member(m.author) {
            continue;
        }
        if let Some(f) = first.get_mut(m.author as usize) {
            if f.is_none_or(|old| (m.time_ms, at) < old) {
                *f = Some((m.time_ms, at));
            }
        }
    }
    first
        .iter()
        .enumerate()
        .filter_map(|(p, f)| f.map(|(t0, at)| (p as PersonIdx, t0, at)))
        .filter(|&(_, t0, _)| utc_day(t0) - span.first_day >= NEWCOMER_FROM_DAY)
        .map(|(person, t0, at)| Arrival {
            person,
            at,
            t0,
            welcome: None,
            answered: false,
            returned: false,
        })
        .collect()
}

/// Replies to newcomers: any reply answers them; one to the first message within 72 hours
/// welcomes them.
fn replies(scope: &Scope, arrivals: &mut [Arrival], find: &impl Fn(PersonIdx) -> Option<u32>) {
    for i in scope.interactions.iter().filter(|i| i.kind.is_reply()) {
        let Some(target) = i.target_at() else {
            continue;
        };
        let Some(asker) = scope.message(target).map(|m| m.author) else {
            continue;
        };
        let Some(a) = find(asker).and_then(|k| arrivals.get_mut(k as usize)) else {
            continue;
        };
        if i.from == asker {
            continue;
        }
        let Some(t) = scope.message(i.at()).map(|m| m.time_ms) else {
            continue;
        };
        a.answered = true;
        if target == a.at {
            a.offer(t, i.at(), scope.member(i.from), i.from);
        }
    }
}

/// Mentions of newcomers by others (answer them; within 72 hours of the first message
/// they welcome them), and newcomers' own later messages (a return).
fn mentions_and_returns(
    scope: &Scope,
    arrivals: &mut [Arrival],
    find: &impl Fn(PersonIdx) -> Option<u32>,
) {
    for &at in scope.messages.iter() {
        let Some(m) = scope.message(at) else { continue };
        if scope.data.is_placeholder(m.author) {
            continue;
        }
        for &p in m.mentions.iter().filter(|&&p| p != m.author) {
            let Some(a) = find(p).and_then(|k| arrivals.get_mut(k as usize)) else {
                continue;
            };
            if m.time_ms >= a.t0 {
                a.answered = true;
                a.offer(m.time_ms, at, scope.member(m.author), m.author);
            }
        }
        let Some(a) = find(m.author).and_then(|k| arrivals.get_mut(k as usize)) else {
            continue;
        };
        let later_day = utc_day(m.time_ms) > utc_day(a.t0);
        if !m.time_outlier && later_day && m.time_ms - a.t0 <= RETURN_WINDOW_MS {
            a.returned = true;
        }
    }
}

/// The report's figures from the filled-in arrivals; `span` is `None` for an empty scope.
fn figures(scope: &Scope, span: Option<Span>, arrivals: &[Arrival]) -> Figures {
    let judged: Vec<&Arrival> = arrivals
        .iter()
        .filter(|a| span.is_some_and(|s| s.leaves(a.t0, ANSWER_WINDOW_MS)))
        .collect();
    let welcomed: Vec<&Arrival> = judged
        .iter()
        .copied()
        .filter(|a| a.welcome.is_some())
        .collect();
    let (welcome_share, peer_welcome_share) = welcome_shares(judged.len(), &welcomed);
    let (waiting, waiting_count) = waiting(scope, arrivals);
    Figures {
        welcome_share,
        peer_welcome_share,
        newcomers: Newcomers {
            count: arrivals.len() as u64,
            unwelcomed: (judged.len() - welcomed.len()) as u64,
            return_welcomed: return_rate(&judged, span, true),
            return_unwelcomed: return_rate(&judged, span, false),
            waiting,
            waiting_count,
        },
        welcomers: welcomers(scope, &welcomed),
    }
}

/// `newcomer_welcome_share` (welcomed of `judged`) and `peer_welcome_share` (welcomed first
/// by a member), each marked thin below its floor.
fn welcome_shares(judged: usize, welcomed: &[&Arrival]) -> (Metric, Metric) {
    let by_member = welcomed
        .iter()
        .filter(|a| a.welcome.is_some_and(|w| w.2))
        .count();
    let mut welcome_share = Metric::ratio(
        welcomed.len() as f64,
        judged as f64,
        "no newcomer wrote at least 72 hours before the export's last message",
    );
    let mut peer_welcome_share = Metric::ratio(
        by_member as f64,
        welcomed.len() as f64,
        "no newcomer was answered or mentioned within 72 hours",
    );
    floors::newcomers(
        &mut welcome_share,
        "newcomer with 72 hours left in the export",
        "newcomers with 72 hours left in the export",
    );
    floors::newcomers(
        &mut peer_welcome_share,
        "welcomed newcomer",
        "welcomed newcomers",
    );
    (welcome_share, peer_welcome_share)
}

/// Of the `judged` newcomers with 30 days left who were (`welcomed`) or were not welcomed,
/// the share who came back; thin below its floor.
fn return_rate(judged: &[&Arrival], span: Option<Span>, welcomed: bool) -> Metric {
    let pool: Vec<&&Arrival> = judged
        .iter()
        .filter(|a| span.is_some_and(|s| s.leaves(a.t0, RETURN_WINDOW_MS)))
        .filter(|a| a.welcome.is_some() == welcomed)
        .collect();
    let came_back = pool.iter().filter(|a| a.returned).count();
    let mut rate = Metric::ratio(
        came_back as f64,
        pool.len() as f64,
        "no such newcomer wrote at least 30 days before the export's last message",
    );
    floors::newcomers(
        &mut rate,
        "such newcomer with 30 days left in the export",
        "such newcomers with 30 days left in the export",
    );
    rate
}

/// Newcomers nobody answered yet, most recent first (person order on ties), the
/// reachable ones named up to [`MOST_WAITING`]; and how many there are in all.
fn waiting(scope: &Scope, arrivals: &[Arrival]) -> (Vec<Waiting>, u64) {
    let mut open: Vec<&Arrival> = arrivals.iter().filter(|a| !a.answered).collect();
    open.stable_sort_by(|a, b| b.t0.cmp(&a.t0).then(a.person.cmp(&b.person)));
    let named = open
        .iter()
        .filter(|a| scope.data.nameable(a.person))
        .take(MOST_WAITING)
        .map(|a| Waiting {
            id: scope.data.id_of(a.person).to_string(),
            name: scope.data.display(a.person).to_string(),
            since: day_string(utc_day(a.t0)),
        })
        .collect();
    (named, open.len() as u64)
}

/// Members who gave welcomed newcomers their first welcome, most often first.
fn welcomers(scope: &Scope, welcomed: &[&Arrival]) -> Vec<PersonIdx> {
    let mut counts: Vec<(u64, PersonIdx)> = Vec::new();
    let mut by_person = vec![u32::MAX; scope.data.people.len()];
    for (_, _, member, who) in welcomed.iter().filter_map(|a| a.welcome) {
        let Some(slot) = by_person.get_mut(who as usize).filter(|_| member) else {
            continue;
        };
        if *slot == u32::MAX {
            *slot = counts.len() as u32;
            counts.push((0, who));
        }
        if let Some(c) = counts.get_mut(*slot as usize) {
            c.0 += 1;
        }
    }
    counts.stable_sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    counts.into_iter().map(|(_, p)| p).collect()
}
