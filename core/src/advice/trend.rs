//! The trend (docs/METRICS.md §11): the group's score period by period, which way it is
//! heading as a day-resampling bootstrap within each period agrees, and how members
//! moved between levels from one eligible period to the next.
//!
//! Each period is measured exactly as the whole export is ([`Measured::of`] on the
//! period's messages alone: same measures, floors and `undetermined` rule), and its
//! replicates are drawn by the score's own [`Resampler`](crate::advice::interval::Resampler), with days as units.

use std::collections::BTreeMap;

use crate::advice::measured::Measured;
use crate::graph::both::both;
use crate::graph::scope::Scope;
use crate::measure::movement::{self, Level};
use crate::measure::periods::{self, Period, MIN_INTERACTIONS};
use crate::model::metric::Metric;
use crate::model::options::Options;
use crate::model::schema::{
    Direction, Label, Metrics, Movement, PeriodCounts, PeriodFunnel, Trend, TrendPeriod,
};
use crate::model::time::{day_string, utc_day};
use crate::model::words::plural;

mod replicates;
mod slope;
mod words;

pub use slope::{direction, theil_sen, AGREEMENT, FLAT_POINTS};
pub use words::{add_step, add_to_headline, headline_clause, in_words};

/// Eligible periods needed for a direction, a change and a slope.
pub const MIN_PERIODS: usize = 3;
/// Periods that pass the coverage and interaction checks needed before any is measured:
/// with fewer there is neither a trend nor a movement to report, and measuring a whole
/// export once more would cost a fifth of the report's time for nothing.
pub const MEASURED_FROM: usize = 2;
/// The trend bootstrap's seed (apart from the score's, so the two draw differently).
pub const SEED: u64 = 0x5EED_2026_0011;

/// One period with its slice of the export, measured when it passed the checks.
struct Slice<'a> {
    period: Period,
    scope: Scope<'a>,
    measured: Option<Measured>,
    /// Why it does not count, `None` when eligible.
    reason: Option<String>,
}

impl Slice<'_> {
    fn score(&self) -> Option<f64> {
        self.measured.as_ref().and_then(|m| m.verdict.score)
    }
}

/// The trend and the movement of `scope` (the whole export, hosts marked), measured
/// with `options`. An export with no dated message has a trend with no period.
pub fn trend(scope: &Scope, options: &Options) -> (Trend, Vec<Movement>) {
    let (list, monthly) =
        periods::span(scope).map_or((Vec::new(), true), |(a, b)| periods::periods(a, b));
    let slices = slices(scope, options, &list);
    let eligible: Vec<&Slice> = slices.iter().filter(|s| s.reason.is_none()).collect();
    let mut out = Trend {
        direction: Direction::Unclear,
        change: None,
        slope: None,
        agreement: None,
        replicates: 0,
        period: if monthly { "month" } else { "four_weeks" }.to_string(),
        reason: None,
        periods: slices.iter().map(period_report).collect(),
    };
    let movement = movement_of(&eligible);
    if eligible.len() < MIN_PERIODS {
        out.reason = Some(too_few(eligible.len(), slices.len(), monthly));
        return (out, movement);
    }
    let points: Vec<(f64, f64)> = eligible
        .iter()
        .filter_map(|s| s.score().map(|y| (s.period.index as f64, y)))
        .collect();
    out.slope = theil_sen(&points);
    let first_last = points.first().zip(points.last());
    out.change = first_last.map(|(a, b)| b.1 - a.1);
    let found = replicates::run(&eligible, scope.interactions.len());
    let (dir, agreement) = direction(&found.slopes);
    out.direction = dir;
    out.agreement = Some(agreement);
    out.replicates = found.slopes.len() as u32;
    for (s, interval) in eligible.iter().zip(found.intervals) {
        if let Some(p) = out.periods.get_mut(s.period.index) {
            p.interval = interval;
        }
    }
    (out, movement)
}

/// Cuts `scope` into `list`'s periods and measures those that pass the coverage and
/// interaction checks, when at least [`MEASURED_FROM`] do.
fn slices<'s>(scope: &'s Scope<'_>, options: &Options, list: &[Period]) -> Vec<Slice<'s>> {
    let mut slices: Vec<Slice<'s>> = list
        .iter()
        .map(|&period| {
            let keep =
                |m: &crate::model::Message| !m.time_outlier && period.holds(utc_day(m.time_ms));
            let part = scope.part(keep);
            Slice {
                reason: checks(&period, &part),
                period,
                scope: part,
                measured: None,
            }
        })
        .collect();
    let candidates = slices.iter().filter(|s| s.reason.is_none()).count();
    if candidates < MEASURED_FROM {
        for s in slices.iter_mut().filter(|s| s.reason.is_none()) {
            s.reason = Some("not measured: no other period to compare it with".to_string());
        }
        return slices;
    }
    let measured = measure_each(&slices, options);
    for (s, measured) in slices
        .iter_mut()
        .filter(|s| s.reason.is_none())
        .zip(measured)
    {
        s.reason = measured.verdict.reason.clone().or_else(|| {
            measured
                .verdict
                .score
                .is_none()
                .then(|| "no score".to_string())
        });
        s.measured = Some(measured);
    }
    slices
}

/// Each slice that passed its checks measured, in order: natively the second half of
/// them beside the first (periods are measured independently, each with its own seed).
fn measure_each(slices: &[Slice], options: &Options) -> Vec<Measured> {
    let passed: Vec<&Slice> = slices.iter().filter(|s| s.reason.is_none()).collect();
    let (first, second) = passed.split_at(passed.len() / 2);
    let measure = |part: &[&Slice]| -> Vec<Measured> {
        part.iter()
            .map(|s| Measured::of(&s.scope, options, true))
            .collect()
    };
    let (mut found, rest) = both(|| measure(first), || measure(second));
    found.extend(rest);
    found
}

/// Why `period` (sliced as `part`) cannot count before it is measured: too few of its
/// days in the export, or too few interactions. `None` when it passes.
fn checks(period: &Period, part: &Scope) -> Option<String> {
    if !period.covered_enough() {
        return Some(format!(
            "the export covers only {} of its {} days (at least 80% needed)",
            period.covered,
            period.days()
        ));
    }
    let n = part.interactions.len();
    (n < MIN_INTERACTIONS).then(|| {
        format!(
            "only {} (at least {MIN_INTERACTIONS} needed)",
            plural(n as u64, "reply or mention", "replies and mentions")
        )
    })
}

/// The sentence for fewer than [`MIN_PERIODS`] eligible periods out of `all`: an export
/// with fewer periods than a trend needs says it is too short, rather than "only 0 of the
/// 1 four-week period could be compared".
fn too_few(eligible: usize, all: usize, monthly: bool) -> String {
    let what = if monthly {
        ("month", "months")
    } else {
        ("four-week period", "four-week periods")
    };
    let periods = plural(all as u64, what.0, what.1);
    let needs = format!(
        "each needs at least 80% of its days in the export, {MIN_INTERACTIONS} replies and mentions, and a score"
    );
    if all < MIN_PERIODS {
        format!(
            "The export is too short for a trend, which needs at least {MIN_PERIODS} {} ({needs}).",
            what.1
        )
    } else if eligible == 0 {
        format!(
            "None of the {periods} could be compared ({needs}); a trend needs at least {MIN_PERIODS}."
        )
    } else {
        format!(
            "Only {eligible} of the {periods} could be compared ({needs}); a trend needs at least {MIN_PERIODS}."
        )
    }
}

/// The report's view of one period.
fn period_report(s: &Slice) -> TrendPeriod {
    let m = s.measured.as_ref();
    let graph = &s.scope.graph;
    let ties = graph.undirected_among(&s.scope.member_nodes()).edge_count() as u64;
    TrendPeriod {
        start: day_string(s.period.start),
        end: day_string(s.period.end - 1),
        index: s.period.index as u32,
        eligible: s.reason.is_none(),
        reason: s.reason.clone(),
        score: s.score(),
        interval: None,
        label: m.map_or(Label::Undetermined, |m| m.verdict.label),
        measures: m.map(|m| score_measures(&m.metrics)).unwrap_or_default(),
        funnel: m.map_or(PeriodFunnel::default(), |m| PeriodFunnel {
            audience: m.people.funnel.audience,
            engaged: m.people.funnel.engaged,
            core: m.people.funnel.core,
            leaders: m.people.leaders.len() as u64,
        }),
        counts: PeriodCounts {
            messages: s.scope.messages.len() as u64,
            interactions: s.scope.interactions.len() as u64,
            participants: graph.node_count() as u64,
            members: s.scope.member_count() as u64,
            days: s.period.days() as u64,
            covered_days: s.period.covered as u64,
        },
        ties,
    }
}

/// The seven score measures of `m`, by their `metrics` keys.
fn score_measures(m: &Metrics) -> BTreeMap<String, Metric> {
    // Inserted, not collected: collecting into a map sorts first, one more sort in the wasm.
    let mut measures = BTreeMap::new();
    for (key, metric) in [
        ("peer_reply_share", &m.peer_reply_share),
        ("resilience", &m.resilience),
        ("continuation", &m.continuation),
        ("connect_share", &m.connect_share),
        ("member_initiated_share", &m.member_initiated_share),
        ("host_share", &m.host_share),
        ("centralization", &m.centralization),
    ] {
        measures.insert(key.to_string(), metric.clone());
    }
    measures
}

/// Moves between each two consecutive eligible periods (consecutive among the eligible:
/// a period left out between them is skipped over).
fn movement_of(eligible: &[&Slice]) -> Vec<Movement> {
    let levels: Vec<Vec<Level>> = eligible
        .iter()
        .map(|s| {
            s.measured
                .as_ref()
                .map(|m| movement::levels(&s.scope, &m.people))
                .unwrap_or_default()
        })
        .collect();
    eligible
        .windows(2)
        .zip(levels.windows(2))
        .filter_map(|(pair, lv)| {
            let (a, b) = (pair.first()?, pair.last()?);
            let m = movement::moves(lv.first()?, lv.last()?);
            Some(Movement {
                from: day_string(a.period.start),
                to: day_string(b.period.start),
                up: m.up,
                held: m.held,
                down: m.down,
                left: m.left,
                new: m.new,
            })
        })
        .collect()
}
