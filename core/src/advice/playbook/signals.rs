//! What the checklist reads: metrics, the funnel, and the people behind the gaps.

use crate::model::stable_sort::StableSort;
use rustc_hash::FxHashMap as HashMap;

use super::arrivals::Arrivals;
use crate::graph::scope::Scope;
use crate::measure::funnel::People;
use crate::model::options::Goal;
use crate::model::schema::{Label, Metrics, PersonRef};
use crate::model::time::utc_day;

/// Most people named in one step.
pub const MAX_NAMED: usize = 5;

pub struct Signals<'a> {
    pub metrics: &'a Metrics,
    pub label: Label,
    pub goal: Goal,
    pub members: u64,
    pub engaged: u64,
    pub core: u64,
    pub leaders: Vec<PersonRef>,
    /// Core members with the most ties among members, best first.
    pub core_hubs: Vec<PersonRef>,
    /// Members who answered other members' questions first, most often first.
    pub answerers: Vec<PersonRef>,
    /// Members whose questions got no reply by someone else within 72 hours, and how many
    /// such questions there were (docs/METRICS.md §11); none until
    /// [`Signals::with_arrivals`], and none when that share does not count.
    pub unanswered: (Vec<PersonRef>, u64),
    /// Members who talked only with hosts, most active first, and how many there are.
    pub only_with_hosts: (Vec<PersonRef>, u64),
    /// Members who started the most conversations.
    pub starters: Vec<PersonRef>,
    /// How much conversation the export holds, for the steps that ask for more: reply and
    /// mention interactions, participants, UTC days from the first to the last message
    /// (0 when empty), and the spaces (channels, threads, chats) and files read.
    pub size: Size,
    /// Newcomers and absence; empty until [`Signals::with_arrivals`].
    pub arrivals: Arrivals,
}

/// How much conversation the export holds (see [`Signals::size`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Size {
    pub interactions: u64,
    pub participants: u64,
    pub days: u64,
    pub spaces: u64,
    pub files: u64,
}

impl Size {
    fn of(scope: &Scope) -> Size {
        let mut span: Option<(i64, i64)> = None;
        let mut spaces = vec![false; scope.data.spaces.len()];
        for m in scope.messages.iter().filter_map(|&at| scope.message(at)) {
            let day = utc_day(m.time_ms);
            if !m.time_outlier {
                span = Some(span.map_or((day, day), |(a, b)| (a.min(day), b.max(day))));
            }
            if let Some(seen) = spaces.get_mut(m.space as usize) {
                *seen = true;
            }
        }
        Size {
            interactions: scope.interactions.len() as u64,
            participants: scope.graph.node_count() as u64,
            days: span.map_or(0, |(a, b)| (b - a + 1) as u64),
            spaces: spaces.iter().filter(|&&s| s).count() as u64,
            files: scope.data.files.len() as u64,
        }
    }
}

impl<'a> Signals<'a> {
    pub fn gather(
        scope: &Scope,
        people: &People,
        metrics: &'a Metrics,
        label: Label,
        goal: Goal,
    ) -> Signals<'a> {
        // Nobody can reach a deleted account: it is never named in a step (the importers
        // flag the ones they know; the display name catches the rest).
        let person = |p: u32| {
            let name = scope.data.display(p);
            (scope.data.nameable(p) && !deleted_account(name)).then(|| PersonRef {
                id: scope.data.id_of(p).to_string(),
                name: name.to_string(),
            })
        };
        let mut hubs: Vec<(usize, u32)> = (0..scope.graph.node_count() as u32)
            .filter(|&v| people.core.get(v as usize).copied().unwrap_or(false))
            .map(|v| (member_degree(scope, v), v))
            .collect();
        hubs.stable_sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let core_hubs = hubs
            .iter()
            .filter_map(|&(_, v)| scope.graph.people.get(v as usize).and_then(|&p| person(p)))
            .take(MAX_NAMED)
            .collect();
        Signals {
            metrics,
            label,
            goal,
            members: scope.member_count() as u64,
            engaged: people.funnel.engaged,
            core: people.funnel.core,
            leaders: people.leaders.iter().filter_map(|&p| person(p)).collect(),
            core_hubs,
            answerers: top(answerers(scope), &person),
            unanswered: (Vec::new(), 0),
            only_with_hosts: only_with_hosts(scope, people, &person),
            starters: top(starters(scope), &person),
            size: Size::of(scope),
            arrivals: Arrivals::default(),
        }
    }
}

/// A person as a step names them, or `None` for one nobody can reach.
type Named<'p> = dyn Fn(u32) -> Option<PersonRef> + 'p;

/// Display names that several platforms give an account after it was deleted (Discord's
/// "Deleted User", Telegram's "Deleted Account", Reddit's "\[deleted\]"): such a person
/// still counts, but a step never names them, since nobody can reach them.
pub fn deleted_account(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    lower == "[deleted]"
        || lower == "deleted account"
        || lower == "deleted user"
        || lower.starts_with("deleted user ")
}

/// How many members graph node `v` is tied to (hosts and non-participants not counted).
fn member_degree(scope: &Scope, v: u32) -> usize {
    let is_member = |u: &u32| {
        scope
            .graph
            .people
            .get(*u as usize)
            .is_some_and(|&p| !scope.host(p))
    };
    scope
        .graph
        .undirected
        .neighbors(v)
        .iter()
        .filter(|u| is_member(u))
        .count()
}

/// The `MAX_NAMED` people with the highest counts (ties by person index).
fn top(counts: HashMap<u32, u64>, person: &Named) -> Vec<PersonRef> {
    let mut ranked: Vec<(u64, u32)> = counts.into_iter().map(|(p, c)| (c, p)).collect();
    ranked.stable_sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked
        .into_iter()
        .filter_map(|(_, p)| person(p))
        .take(MAX_NAMED)
        .collect()
}

/// Members' replies to member questions, per replying member.
fn answerers(scope: &Scope) -> HashMap<u32, u64> {
    let mut counts = HashMap::default();
    for i in scope
        .interactions
        .iter()
        .filter(|i| i.kind.is_reply() && scope.member(i.from))
    {
        let question = i.target_at().and_then(|q| scope.message(q));
        if question.is_some_and(|q| q.is_question && scope.member(q.author)) {
            *counts.entry(i.from).or_insert(0) += 1;
        }
    }
    counts
}

fn only_with_hosts(scope: &Scope, people: &People, person: &Named) -> (Vec<PersonRef>, u64) {
    let mut with_host: HashMap<u32, u64> = HashMap::default();
    for i in scope.interactions.iter() {
        if scope.member(i.from) && scope.host(i.to) {
            *with_host.entry(i.from).or_insert(0) += 1;
        }
    }
    with_host.retain(|&p, _| {
        let node = scope.graph.node_of.get(p as usize).copied().flatten();
        node.is_some_and(|v| !people.engaged.get(v as usize).copied().unwrap_or(false))
    });
    let total = with_host.len() as u64;
    (top(with_host, person), total)
}

/// Root messages by members that drew replies, per author.
fn starters(scope: &Scope) -> HashMap<u32, u64> {
    let mut counts = HashMap::default();
    let mut seen = vec![false; scope.data.messages.len()];
    for i in scope.interactions.iter().filter(|i| i.kind.is_reply()) {
        let Some(t) = i.target_at() else { continue };
        let Some(root) = scope.message(t) else {
            continue;
        };
        let is_root = scope.conv.parent_of(t).is_none();
        let first_time = seen.get_mut(t).is_some_and(|s| !std::mem::replace(s, true));
        if is_root && scope.member(root.author) && first_time {
            *counts.entry(root.author).or_insert(0) += 1;
        }
    }
    counts
}
