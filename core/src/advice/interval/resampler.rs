//! One scope made ready for bootstrap replicates: its units, their tallies and, for day
//! units, what each day saw, found once; then each replicate is a draw of unit numbers
//! and a score. The score's interval (docs/METRICS.md §10) and the trend's per-period
//! replicates (§11) both draw through this, so both rebuild and score a replicate the
//! same way.

use crate::advice::verdict::{self, Context};
use crate::graph::scope::Scope;
use crate::graph::units::Units;
use crate::measure::continuation::{self, Day, Days};
use crate::measure::{direction, floors, structure, AwayParty};
use crate::model::metric::Metric;
use crate::model::options::Goal;
use crate::model::random::SplitMix;
use crate::model::schema::{Metrics, Unit};
use crate::model::PersonIdx;

use super::{Tallies, STRUCTURE_SAMPLE};

/// What every replicate of one scope reads.
pub struct Resampler<'s, 'a> {
    scope: &'s Scope<'a>,
    away: &'s AwayParty,
    pub units: Units,
    /// Per day unit: what the continuation test saw that day (day units only).
    days: Option<Vec<Day>>,
    /// The counting measures' counts per unit, found once for every replicate.
    tallies: Tallies,
    /// Per unit: its participants (authors and interaction ends, bots and placeholders
    /// aside), each once, so a replicate unites short lists instead of re-reading every
    /// drawn message's author.
    people: Vec<Vec<PersonIdx>>,
    /// How many of a replicate's draws the structural measures see.
    pub structure_draws: usize,
}

impl<'s, 'a> Resampler<'s, 'a> {
    /// Prepares `scope`, cut into `units`; `away` is who the "stop posting" tests take
    /// away. Empty units give a resampler with nothing to draw.
    pub fn new(scope: &'s Scope<'a>, away: &'s AwayParty, units: Units) -> Resampler<'s, 'a> {
        let k = units.count();
        let total = scope.interactions.len();
        let structure_draws = if total > STRUCTURE_SAMPLE {
            (k * STRUCTURE_SAMPLE / total).max(floors::VERDICT_UNITS)
        } else {
            k
        };
        let days = match units.unit {
            Unit::Day => days_seen(scope, &units, &away.mask),
            Unit::Conversation => None,
        };
        let tallies = Tallies::of(scope, &units, direction::roots(scope.conv));
        let people = unit_people(scope, &units);
        Resampler {
            people,
            scope,
            away,
            units,
            days,
            tallies,
            structure_draws,
        }
    }

    /// Units there are to draw from.
    pub fn count(&self) -> usize {
        self.units.count()
    }

    /// One replicate: as many units as there are, drawn with replacement from `rng`, and
    /// their score; `None` when the verdict would be undetermined on the draw (or there
    /// is no unit).
    pub fn replicate(&self, rng: &mut SplitMix) -> Option<f64> {
        let k = self.count();
        if k == 0 {
            return None;
        }
        let draws: Vec<usize> = (0..k).map(|_| rng.below(k as u64) as usize).collect();
        let sample = draws.get(..self.structure_draws).unwrap_or(&draws);
        self.score(&draws, sample)
    }

    /// Takes from `rng` the draws [`Resampler::replicate`] takes, without scoring them:
    /// where a later replicate's draws start.
    pub fn skip(&self, rng: &mut SplitMix) {
        let k = self.count() as u64;
        for _ in 0..k {
            rng.below(k);
        }
    }

    /// The scope made of the drawn units, each as many times as drawn; with its graph
    /// only when `with_graph`. Day units leave the messages out: with days, no measure
    /// of a replicate reads them (continuation comes from [`day_continuation`]).
    fn gather(&self, draws: &[usize], with_graph: bool) -> Scope<'_> {
        let mut messages = Vec::new();
        let mut interactions = Vec::new();
        let keep_messages = self.days.is_none();
        for &u in draws {
            if let Some(list) = self.units.messages.get(u).filter(|_| keep_messages) {
                messages.extend(list.iter().map(|&at| at as usize));
            }
            let found = self.units.interactions.get(u).into_iter().flatten();
            interactions.extend(found.filter_map(|&k| self.scope.interactions.get(k as usize)));
        }
        let s = self.scope;
        let people = if with_graph {
            self.participants(draws)
        } else {
            Vec::new()
        };
        Scope::of_drawn(
            s.data,
            s.conv,
            s.is_host,
            (messages, interactions),
            people,
            with_graph,
        )
    }

    /// The participants of the drawn units, in person order, each once.
    fn participants(&self, draws: &[usize]) -> Vec<PersonIdx> {
        let mut seen = vec![false; self.scope.data.people.len()];
        for p in draws.iter().filter_map(|&u| self.people.get(u)).flatten() {
            if let Some(flag) = seen.get_mut(*p as usize) {
                *flag = true;
            }
        }
        (0..seen.len() as PersonIdx)
            .filter(|&p| seen.get(p as usize) == Some(&true))
            .collect()
    }

    /// The replicate's score, `None` when the verdict would be undetermined on it.
    /// `sample` is the part of `draws` the structural measures are measured on.
    fn score(&self, draws: &[usize], sample: &[usize]) -> Option<f64> {
        let counts = self.tallies.sum(draws);
        let shape = self.gather(sample, true);
        // Participants only meet floors of 5 people: past the sample size the sample's
        // count stands for the replicate's (counting a million messages' authors for
        // each replicate would cost more than the measures).
        let participants = shape.graph.node_count();
        let continuation = match self.days.as_deref() {
            Some(days) => day_continuation(days, draws),
            None if sample.len() == draws.len() => {
                continuation::continuation(&shape, &self.away.mask).0
            }
            None => continuation::continuation(&self.gather(draws, false), &self.away.mask).0,
        };
        let not_scored = "not part of the score";
        let none = Metric::unobservable(not_scored);
        let mut metrics = Metrics {
            host_share: counts.host_share(),
            centralization: structure::centralization(&shape.graph),
            resilience: structure::resilience(&shape.graph, &self.away.nodes(&shape)),
            peer_reply_share: counts.peer_reply_share(),
            member_initiated_share: counts.member_initiated_share(),
            continuation,
            connect_share: counts.connect_share(),
            ..Metrics::every(none)
        };
        floors::apply(&mut metrics, participants);
        verdict::score(&Context {
            metrics: &metrics,
            core: 0,
            members: 0,
            goal: Goal::default(),
            stand_in: None,
            days: None,
            interactions: counts.interactions as u64,
            participants: participants as u64,
            units: None,
        })
    }
}

/// Per day unit of `units`: what the continuation test saw that day, as
/// [`continuation::per_day`] finds it with `away` (a quiet day saw nothing); `None` when
/// no message of the scope has a plausible time, where `per_day` finds no day.
///
/// Read from the units' own lists (a day unit holds the scope's messages of that day and
/// the interactions they made) rather than by sorting the scope's days again and looking
/// each message's day up, as `per_day` does for the report.
fn days_seen(scope: &Scope, units: &Units, away: &[bool]) -> Option<Vec<Day>> {
    let is_away = |p: PersonIdx| away.get(p as usize).copied().unwrap_or(false);
    // A message with an implausible time (model::outliers) is on no day.
    let dated = |at: usize| scope.message(at).filter(|m| !m.time_outlier);
    let mut any_dated = false;
    let mut days = Vec::with_capacity(units.count());
    for (messages, interactions) in units.messages.iter().zip(&units.interactions) {
        let mut day = Day::default();
        for m in messages.iter().filter_map(|&at| dated(at as usize)) {
            any_dated = true;
            day.host |= is_away(m.author);
        }
        day.exchanges = interactions
            .iter()
            .filter_map(|&k| scope.interactions.get(k as usize))
            .filter(|i| !is_away(i.from) && !is_away(i.to) && dated(i.at()).is_some())
            .count();
        days.push(day);
    }
    any_dated.then_some(days)
}

/// Per unit of `units`: the people [`crate::graph::scope::participants`] would find on
/// its messages and interactions, each once, in the order first met (only
/// [`Resampler::participants`] reads them, through a flag per person).
///
/// Repeats are dropped with a mark per person naming the last unit that listed them,
/// not by sorting each unit's list: the sorts were 54 of the 69 ms of this set-up in a
/// V8 profile of the 100 k export (docs/PERFORMANCE.md, "JS API verdict first").
fn unit_people(scope: &Scope, units: &Units) -> Vec<Vec<PersonIdx>> {
    let data = scope.data;
    let counts = |p: &PersonIdx| !data.is_bot(*p) && !data.is_placeholder(*p);
    // Per person: 1 + the last unit that listed them; 0 for none yet.
    let mut listed_by = vec![0usize; data.people.len()];
    units
        .messages
        .iter()
        .zip(&units.interactions)
        .enumerate()
        .map(|(u, (messages, interactions))| {
            let authors = messages
                .iter()
                .filter_map(|&at| data.messages.get(at as usize).map(|m| m.author));
            let ends = interactions
                .iter()
                .filter_map(|&k| scope.interactions.get(k as usize))
                .flat_map(|i| [i.from, i.to]);
            let mut list = Vec::new();
            for p in authors.chain(ends).filter(counts) {
                if let Some(mark) = listed_by.get_mut(p as usize).filter(|m| **m != u + 1) {
                    *mark = u + 1;
                    list.push(p);
                }
            }
            list
        })
        .collect()
}

/// `continuation` over drawn days: each draw is a day of its own kind, so a day drawn
/// twice counts twice, on both sides of the ratio.
fn day_continuation(days: &[Day], draws: &[usize]) -> Metric {
    let (mut count, mut exchanges) = (Days::default(), Days::default());
    for day in draws.iter().filter_map(|&d| days.get(d)) {
        if day.host {
            count.host += 1;
            exchanges.host += day.exchanges;
        } else {
            count.silent += 1;
            exchanges.silent += day.exchanges;
        }
    }
    continuation::from_days(count, exchanges).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::interactions::Conversation;
    use crate::import::{self, sample};

    #[test]
    fn the_days_seen_are_what_per_day_finds() {
        let mut data = import::import(&sample::inputs(), None).unwrap();
        // A reply with an implausible time is on no day, for both, nor its interaction.
        let reply = crate::model::MessageKind::Reply;
        if let Some(m) = data.messages.iter_mut().find(|m| m.kind == reply) {
            m.time_outlier = true;
        }
        let conv = Conversation::build(&data);
        let nobody = vec![false; data.people.len()];
        let scope = Scope::new(&data, &conv, &nobody, |_| true);
        let away = AwayParty::of(&scope);
        let units = Units::by_day(&scope);
        let span = continuation::per_day(&scope, &away.mask).unwrap();
        let looked_up: Vec<Day> = units
            .day
            .iter()
            .map(|d| {
                let at = span.active.binary_search_by_key(d, |x| x.0).ok();
                at.and_then(|i| span.active.get(i))
                    .map_or(Day::default(), |x| x.1)
            })
            .collect();
        assert!(looked_up.iter().any(|d| d.host) && looked_up.iter().any(|d| d.exchanges > 0));
        assert_eq!(days_seen(&scope, &units, &away.mask), Some(looked_up));
    }

    #[test]
    fn skip_takes_the_draws_a_replicate_takes() {
        let data = import::import(&sample::inputs(), None).unwrap();
        let conv = Conversation::build(&data);
        let nobody = vec![false; data.people.len()];
        let scope = Scope::new(&data, &conv, &nobody, |_| true);
        let away = AwayParty::of(&scope);
        for units in [Units::of(&scope), Units::by_day(&scope)] {
            let resampler = Resampler::new(&scope, &away, units);
            assert!(resampler.count() > 1);
            let (mut scored, mut skipped) = (SplitMix(7), SplitMix(7));
            for _ in 0..3 {
                resampler.replicate(&mut scored);
                resampler.skip(&mut skipped);
                assert_eq!(scored.0, skipped.0);
            }
        }
    }
}
