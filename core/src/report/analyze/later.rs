//! What follows the verdict: the layout, the score's interval and the trend. The two
//! bootstraps only read the scope, so natively they run beside the report's assembly and
//! the layout ([`both`]); their results are written into the report in the same order as
//! when everything ran on one thread, so the report is the same byte for byte.

use super::{Analysis, Milestone, Stage};
use crate::advice::interval::{self, Interval};
use crate::advice::measured::Measured;
use crate::advice::trend;
use crate::graph::both::both;
use crate::graph::scope::Scope;
use crate::measure::AwayParty;
use crate::model::options::Options;
use crate::model::schema::{Movement, Report, Trend};

/// What follows the verdict: the layout when `draw`, the score's interval and the trend
/// when `bootstrap` (the trend resamples as the interval does, with `options`' goal).
pub(super) struct Later<'o> {
    pub draw: bool,
    pub bootstrap: bool,
    pub options: &'o Options,
}

/// The bootstraps' results, not yet written into a report.
pub(super) struct Resampled {
    /// `None` when the report has no score to bootstrap.
    interval: Option<Interval>,
    trend: (Trend, Vec<Movement>),
}

/// The score's interval (when `point`, the measured score, is some) and the trend of
/// `scope`, side by side where there are threads. `mark` hears
/// [`Milestone::Interval`] and [`Milestone::Trend`] from the thread that finished each.
pub(super) fn resample(
    scope: &Scope,
    options: &Options,
    point: Option<f64>,
    mark: &(dyn Fn(Milestone) + Sync),
) -> Resampled {
    let (interval, trend) = both(
        || {
            let found = point.and_then(|point| interval_of(scope, point));
            mark(Milestone::Interval);
            found
        },
        || {
            let found = trend::trend(scope, options);
            mark(Milestone::Trend);
            found
        },
    );
    Resampled { interval, trend }
}

/// The bootstrap of the score `point` measured on `scope` (`None` when there are too
/// few units to resample).
fn interval_of(scope: &Scope, point: f64) -> Option<Interval> {
    let away = AwayParty::of(scope);
    interval::bootstrap(scope, &away, point, interval::SEED)
}

/// Writes `resampled` into `report`: the verdict's interval and confidence first (left
/// alone for a report without a score), then the trend, its headline clause and its
/// checklist step.
pub(super) fn write(resampled: Resampled, report: &mut Report) {
    if report.verdict.score.is_some() {
        interval::fill(
            &mut report.verdict,
            resampled.interval.as_ref(),
            report.funnel.core,
            report.counts.members,
        );
    }
    let (found, movement) = resampled.trend;
    trend::add_to_headline(&mut report.verdict, &found);
    trend::add_step(&mut report.checklist, &found);
    report.trend = Some(found);
    report.movement = movement;
}

/// `verdict_first` (its network still empty) handed to `said`, then what `later` asks
/// for, each part handed over as it is done: the layout, then the interval and trend,
/// which run beside the verdict's hand-over and the layout where there are threads.
pub(super) fn finish(
    scope: &Scope,
    measured: &Measured,
    verdict_first: impl FnOnce() -> Analysis,
    later: Later<'_>,
    said: &mut dyn FnMut(Stage<'_>),
    mark: &(dyn Fn(Milestone) + Sync),
) -> Analysis {
    let point = measured.verdict.score;
    let (mut analysis, resampled) = both(
        || {
            let mut analysis = verdict_first();
            mark(Milestone::Verdict);
            said(Stage::Verdict(&analysis));
            if later.draw {
                analysis.network = super::network::of(scope, measured);
                mark(Milestone::Layout);
                said(Stage::Laid(&analysis.network));
            }
            analysis
        },
        || {
            later
                .bootstrap
                .then(|| resample(scope, later.options, point, mark))
        },
    );
    if let Some(resampled) = resampled {
        write(resampled, &mut analysis.report);
        said(Stage::Interval(&analysis.report));
    }
    analysis
}
