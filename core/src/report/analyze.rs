//! The one entry point the UI, the CLI and the JS API call:
//! import → model → interactions → graph → metrics → verdict → playbook → report.

use crate::advice::measured::Measured;
use crate::advice::playbook::{checklist, Signals};
use crate::advice::spaces::spaces;
use crate::draw::view::NetworkView;
use crate::graph::hosts::{self, rank_by_reach, Hosts};
use crate::graph::interactions::Conversation;
use crate::graph::scope::Scope;
use crate::import;
use crate::import::error::ImportError;
use crate::import::Input;
use crate::measure::absence;
use crate::measure::timeline::timeline;
use crate::model::options::Options;
use crate::model::schema::{Funnel, PersonRef, Report, SCHEMA};
use crate::model::Dataset;

mod counts;
mod later;
mod network;
mod sources;

use later::Later;

/// The report plus what the UI needs to draw and to offer choices.
///
/// Plain data: the browser's import worker sends it to the page as an object
/// ([`crate::report::wire`]).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    pub report: Report,
    /// The conversation graph, laid out, with roles.
    pub network: NetworkView,
    /// Every participant, most talked-to first, for the host picker.
    pub participants: Vec<PersonRef>,
}

/// Reads every input, builds the conversation network and measures it.
///
/// Fails on the first file that cannot be read, naming it and the position, when no
/// file holds a message, or when a named host is nobody in the export.
pub fn analyze(inputs: &[Input], options: &Options) -> Result<Analysis, ImportError> {
    analyze_dataset(&import::import(inputs, options.format)?, options)
}

/// [`analyze`] with the score's 90% interval and confidence filled in: what the page uses
/// for input it analyses at once on its own thread (the bundled sample, pasted text), where
/// there is no worker to send the interval as a second answer.
pub fn analyze_with_interval(inputs: &[Input], options: &Options) -> Result<Analysis, ImportError> {
    run(
        &import::import(inputs, options.format)?,
        options,
        true,
        true,
    )
}

/// Measures an already imported dataset and lays out its network for drawing.
///
/// Fails only when a named host is nobody in the export.
pub fn analyze_dataset(data: &Dataset, options: &Options) -> Result<Analysis, ImportError> {
    run(data, options, true, false)
}

/// The report alone, without laying out the network (the CLI streams files into a dataset
/// and prints only this; the layout is most of the time on a big export).
///
/// Fails only when a named host is nobody in the export.
pub fn report_dataset(data: &Dataset, options: &Options) -> Result<Report, ImportError> {
    run(data, options, false, false).map(|analysis| analysis.report)
}

/// The report with its score's 90% interval and confidence (docs/METRICS.md §10), what
/// the CLI prints: [`report_dataset`] then the bootstrap on the same graph.
///
/// Fails only when a named host is nobody in the export.
pub fn report_with_interval(data: &Dataset, options: &Options) -> Result<Report, ImportError> {
    run(data, options, false, true).map(|analysis| analysis.report)
}

/// [`report_with_interval`] with the participants filled in and the network left empty:
/// what `peerscope analyze --anonymise` aliases, so its pseudonyms are the page's (the page
/// names the same people).
///
/// Fails only when a named host is nobody in the export.
pub fn report_with_participants(
    data: &Dataset,
    options: &Options,
) -> Result<Analysis, ImportError> {
    run_parts(data, options, (false, true, true), &mut |_| {}, &|_| {})
}

/// What [`analyze_in_stages`] hands over, in this order.
#[derive(Debug, Clone, Copy)]
pub enum Stage<'a> {
    /// The report without its score's interval, and the participants; the network is
    /// still empty.
    Verdict(&'a Analysis),
    /// The network, laid out (for a big export most of what follows the verdict).
    Laid(&'a NetworkView),
    /// The report again, with the score's 90% interval and confidence, the trend and the
    /// movement filled in (the trend's headline clause and checklist step included).
    Interval(&'a Report),
}

/// How far an analysis has got, for a caller that times its parts (the CLI's
/// `--timings`), in the order they start. Natively the interval and the trend run beside
/// the verdict and the layout, so those four may be reached in any order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Milestone {
    /// The conversation, the graph and the hosts are built.
    Graph,
    /// The metrics and the verdict are measured.
    Metrics,
    /// The report without its interval is assembled.
    Verdict,
    /// The network is laid out.
    Layout,
    /// The score's interval is bootstrapped.
    Interval,
    /// The trend is measured.
    Trend,
}

/// [`report_with_interval`] (or, with `people`, [`report_with_participants`]) telling
/// `mark` each [`Milestone`] as it is reached, from the thread that reached it: what the
/// CLI's `--timings` times. Never lays the network out.
///
/// Fails only when a named host is nobody in the export (then `mark` hears nothing).
pub fn report_in_milestones(
    data: &Dataset,
    options: &Options,
    people: bool,
    mark: &(dyn Fn(Milestone) + Sync),
) -> Result<Analysis, ImportError> {
    run_parts(data, options, (false, people, true), &mut |_| {}, mark)
}

/// The report without the score's interval nor the trend (with the participants when
/// `people`), the network not laid out: what the JS API hands over first when asked for
/// the verdict before the interval; [`add_interval`] on its report then gives
/// [`report_in_milestones`]'s, byte for byte.
///
/// Fails only when a named host is nobody in the export.
pub fn report_without_interval(
    data: &Dataset,
    options: &Options,
    people: bool,
) -> Result<Analysis, ImportError> {
    run_parts(data, options, (false, people, false), &mut |_| {}, &|_| {})
}

/// [`analyze_dataset`] plus the score's interval, handing each part to `said` as soon as
/// it is done, so a page can show the verdict while the layout and the bootstrap still
/// run: [`Stage::Verdict`], then [`Stage::Laid`], then [`Stage::Interval`]. The graph is
/// built and measured once for all three. Returns the whole analysis, as
/// [`analyze_dataset`] then [`add_interval`] would make it.
///
/// Fails only when a named host is nobody in the export (then `said` hears nothing).
pub fn analyze_in_stages(
    data: &Dataset,
    options: &Options,
    said: &mut dyn FnMut(Stage<'_>),
) -> Result<Analysis, ImportError> {
    run_parts(data, options, (true, true, true), said, &|_| {})
}

/// Adds the score's 90% interval and confidence to `report`, which [`analyze_dataset`]
/// or [`report_dataset`] made from `data` with `options`: the slow part of the verdict,
/// kept apart so the verdict can show before it. Rebuilds the conversation graph (a
/// small part of the analysis' time); an undetermined report is left as it is.
///
/// Fails only when a named host is nobody in the export.
pub fn add_interval(
    data: &Dataset,
    options: &Options,
    report: &mut Report,
) -> Result<(), ImportError> {
    with_hosts(data, options, |scope, _| {
        let resampled = later::resample(scope, options, report.verdict.score, &|_| {});
        later::write(resampled, report);
    })
}

/// Runs `then` on the scope of all of `data` with the hosts `options` choose (named or
/// detected) marked, and those hosts.
///
/// Fails only when a named host is nobody in the export.
fn with_hosts<T>(
    data: &Dataset,
    options: &Options,
    then: impl FnOnce(&Scope, &Hosts) -> T,
) -> Result<T, ImportError> {
    let conv = Conversation::build(data);
    let nobody = vec![false; data.people.len()];
    let whole = Scope::new(data, &conv, &nobody, |_| true);
    let hosts = hosts::choose(data, &whole.graph, &options.hosts)?;
    let mask = hosts.mask(data.people.len());
    let scope = whole.with_hosts(&mask);
    Ok(then(&scope, &hosts))
}

/// The analysis; `draw: false` leaves `network` and `participants` empty (the report
/// alone needs neither); `bootstrap: true` adds the score's interval.
fn run(
    data: &Dataset,
    options: &Options,
    draw: bool,
    bootstrap: bool,
) -> Result<Analysis, ImportError> {
    run_parts(data, options, (draw, draw, bootstrap), &mut |_| {}, &|_| {})
}

/// [`run`] with the participants asked for apart from the network; `said` hears each
/// stage as it is done (see [`analyze_in_stages`]), `mark` each [`Milestone`].
fn run_parts(
    data: &Dataset,
    options: &Options,
    (draw, people, bootstrap): (bool, bool, bool),
    said: &mut dyn FnMut(Stage<'_>),
    mark: &(dyn Fn(Milestone) + Sync),
) -> Result<Analysis, ImportError> {
    with_hosts(data, options, |scope, hosts| {
        mark(Milestone::Graph);
        let measured = Measured::of(scope, options, true);
        mark(Milestone::Metrics);
        let verdict_first = || Analysis {
            network: NetworkView::default(),
            report: verdict_report(scope, hosts, options, &measured),
            participants: if people {
                participants(data, scope)
            } else {
                Vec::new()
            },
        };
        let later = Later {
            draw,
            bootstrap,
            options,
        };
        later::finish(scope, &measured, verdict_first, later, said, mark)
    })
}

/// The report of `scope` from what was `measured` on it, without the score's interval
/// nor the trend.
fn verdict_report(scope: &Scope, hosts: &Hosts, options: &Options, measured: &Measured) -> Report {
    let data = scope.data;
    let absence = absence::measure(scope);
    let signals = Signals::gather(
        scope,
        &measured.people,
        &measured.metrics,
        measured.verdict.label,
        options.goal,
    )
    .with_arrivals(scope, &measured.newcomers, &measured.questions, &absence);
    Report {
        schema: SCHEMA,
        sources: sources::of(data, scope.conv),
        counts: counts::of(scope, hosts.people.len(), measured.days, &signals),
        hosts: hosts.info.clone(),
        profile: options.profile,
        goal: options.goal,
        structure: measured.structure.clone(),
        funnel: Funnel {
            only_with_hosts: signals.only_with_hosts.1,
            ..measured.people.funnel.clone()
        },
        spaces: spaces(data, scope.conv, scope.is_host, options, measured),
        timeline: timeline(scope),
        checklist: checklist(&signals, options.profile),
        metrics: measured.metrics.clone(),
        verdict: measured.verdict.clone(),
        newcomers: measured.newcomers.newcomers.clone(),
        first_response: measured.questions.first_response.clone(),
        absence,
        trend: None,
        movement: Vec::new(),
    }
}

/// Every participant, most talked-to first (what the host picker lists).
fn participants(data: &Dataset, scope: &Scope) -> Vec<PersonRef> {
    rank_by_reach(&scope.graph)
        .iter()
        .filter_map(|&(_, _, v)| scope.graph.people.get(v as usize))
        .map(|&p| PersonRef {
            id: data.id_of(p).to_string(),
            name: data.display(p).to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
