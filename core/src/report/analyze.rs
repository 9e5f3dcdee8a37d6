//! The one entry point the UI, the CLI and the JS API call:
//! import → model → interactions → graph → metrics → verdict → playbook → report.

use crate::advice::interval;
use crate::advice::measured::Measured;
use crate::advice::playbook::{checklist, Signals};
use crate::advice::spaces::spaces;
use crate::draw::layout::layout_weighted;
use crate::draw::view::{EdgeView, NetworkView, NodeView, Role};
use crate::graph::hosts::{self, rank_by_reach};
use crate::graph::interactions::{Conversation, InteractionKind};
use crate::graph::scope::Scope;
use crate::import;
use crate::import::error::ImportError;
use crate::import::Input;
use crate::measure::timeline::{timeline, FILLED_UP_TO_DAYS};
use crate::measure::AwayParty;
use crate::model::options::Options;
use crate::model::schema::{Counts, PersonRef, Report, SourceFile, Sources, SCHEMA};
use crate::model::time::{day_string, utc_day};
use crate::model::words::plural;
use crate::model::Dataset;

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
    let conv = Conversation::build(data);
    let nobody = vec![false; data.people.len()];
    let whole = Scope::new(data, &conv, &nobody, |_| true);
    let hosts = hosts::choose(data, &whole.graph, &options.hosts)?;
    let mask = hosts.mask(data.people.len());
    let scope = Scope {
        is_host: &mask,
        ..whole
    };
    interval_of(&scope, report);
    Ok(())
}

/// Bootstraps `report`'s score on `scope` (the one it was measured on) and fills the
/// verdict's interval fields.
fn interval_of(scope: &Scope, report: &mut Report) {
    let Some(point) = report.verdict.score else {
        return;
    };
    let away = AwayParty::of(scope);
    let found = interval::bootstrap(scope, &away, point, interval::SEED);
    interval::fill(
        &mut report.verdict,
        found.as_ref(),
        report.funnel.core,
        report.counts.members,
    );
}

/// The analysis; `draw: false` leaves `network` and `participants` empty (the report
/// alone needs neither); `bootstrap: true` adds the score's interval.
fn run(
    data: &Dataset,
    options: &Options,
    draw: bool,
    bootstrap: bool,
) -> Result<Analysis, ImportError> {
    let conv = Conversation::build(data);
    let nobody = vec![false; data.people.len()];
    let whole = Scope::new(data, &conv, &nobody, |_| true);
    let hosts = hosts::choose(data, &whole.graph, &options.hosts)?;
    let mask = hosts.mask(data.people.len());
    let scope = Scope {
        is_host: &mask,
        ..whole
    };
    let measured = Measured::of(&scope, options, true);
    let signals = Signals::gather(
        &scope,
        &measured.people,
        &measured.metrics,
        measured.verdict.label,
        options.goal,
    );
    let mut report = Report {
        schema: SCHEMA,
        sources: sources(data, &conv),
        counts: counts(&scope, hosts.people.len(), measured.days),
        hosts: hosts.info.clone(),
        profile: options.profile,
        goal: options.goal,
        structure: measured.structure.clone(),
        funnel: measured.people.funnel.clone(),
        spaces: spaces(data, &conv, &mask, options, &measured),
        timeline: timeline(&scope),
        checklist: checklist(&signals, options.profile),
        metrics: measured.metrics.clone(),
        verdict: measured.verdict.clone(),
    };
    if bootstrap {
        interval_of(&scope, &mut report);
    }
    let participants = if draw {
        participants(data, &scope)
    } else {
        Vec::new()
    };
    Ok(Analysis {
        network: if draw {
            network(&scope, &measured)
        } else {
            NetworkView::default()
        },
        report,
        participants,
    })
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

fn sources(data: &Dataset, conv: &Conversation) -> Sources {
    let mut warnings = data.warnings.clone();
    if conv.missing_parents > 0 {
        warnings.push(missing_parents(conv.missing_parents));
    }
    if conv.missing_roots > 0 {
        warnings.push(missing_roots(conv.missing_roots));
    }
    let placeholders = data.placeholder_messages();
    if placeholders > 0 {
        warnings.push(placeholder_messages(placeholders));
    }
    let bots = data.people.iter().filter(|p| p.is_bot).count();
    if bots > 0 {
        warnings.push(format!(
            "{} excluded.",
            plural(bots as u64, "bot account", "bot accounts")
        ));
    }
    // One pass over the messages for the count and the first and last day: each pass
    // over a million messages costs about 20 ms.
    let (counted, span) = data.messages.iter().filter(|m| data.counts(m)).fold(
        (0u64, None::<(i64, i64)>),
        |(n, span), m| {
            if m.time_outlier {
                return (n + 1, span);
            }
            let day = utc_day(m.time_ms);
            let span = span.map_or((day, day), |(a, b)| (a.min(day), b.max(day)));
            (n + 1, Some(span))
        },
    );
    if let Some((first, last)) = span {
        if last - first > FILLED_UP_TO_DAYS {
            warnings.push(too_long_a_span(first, last));
        }
    }
    let mut formats: Vec<&str> = data.files.iter().map(|f| f.format).collect();
    formats.dedup();
    Sources {
        format: if formats.len() == 1 {
            formats.concat()
        } else {
            "mixed".to_string()
        },
        files: data
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| SourceFile {
                name: f.name.clone(),
                format: f.format.to_string(),
                space: f.space.clone(),
                messages: f.messages,
                detection: data.detections.get(i).cloned().unwrap_or_default(),
            })
            .collect(),
        messages: counted,
        inferred_replies: conv
            .interactions
            .iter()
            .filter(|i| i.kind == InteractionKind::InferredReply)
            .count() as u64,
        warnings,
    }
}

/// `days`: the continuation test's (silent, host) days, when it ran.
fn counts(scope: &Scope, hosts: usize, test_days: Option<(usize, usize)>) -> Counts {
    let data = scope.data;
    // One pass over the messages for the days and the reactions.
    let mut days: Option<(i64, i64)> = None;
    let mut reactions = 0u64;
    for m in scope.messages.iter().filter_map(|&at| scope.message(at)) {
        let day = utc_day(m.time_ms);
        if !m.time_outlier {
            days = Some(days.map_or((day, day), |(a, b)| (a.min(day), b.max(day))));
        }
        reactions += m
            .reactions
            .iter()
            .map(|r| {
                let bots = r.reactors.iter().filter(|&&p| data.is_bot(p)).count() as u64;
                u64::from(r.count).saturating_sub(bots)
            })
            .sum::<u64>();
    }
    let span = days.map_or(0, |(a, b)| (b - a + 1) as u64);
    let replies = scope
        .interactions
        .iter()
        .filter(|i| i.kind.is_reply())
        .count() as u64;
    Counts {
        messages: scope.messages.len() as u64,
        participants: scope.graph.node_count() as u64,
        members: scope.member_count() as u64,
        hosts: hosts as u64,
        bots_excluded: data.people.iter().filter(|p| p.is_bot).count() as u64,
        placeholder_messages: scope
            .messages
            .iter()
            .filter_map(|&at| scope.message(at))
            .filter(|m| data.is_placeholder(m.author))
            .count() as u64,
        replies,
        mentions: scope.interactions.len() as u64 - replies,
        reactions,
        days: span,
        silent_days: test_days.map(|d| d.0 as u64),
        host_days: test_days.map(|d| d.1 as u64),
    }
}

/// Reply counts per graph node: (given, received, between two members).
fn reply_counts(scope: &Scope) -> Vec<(u32, u32, u32)> {
    let g = &scope.graph;
    let mut node_of = vec![u32::MAX; scope.data.people.len()];
    for (v, &p) in g.people.iter().enumerate() {
        if let Some(slot) = node_of.get_mut(p as usize) {
            *slot = v as u32;
        }
    }
    let mut counts = vec![(0u32, 0u32, 0u32); g.node_count()];
    for i in scope.interactions.iter().filter(|i| i.kind.is_reply()) {
        let peer = u32::from(!scope.host(i.from) && !scope.host(i.to));
        let at = |p: u32| node_of.get(p as usize).copied().unwrap_or(u32::MAX) as usize;
        if let Some(c) = counts.get_mut(at(i.from)) {
            c.0 += 1;
            c.2 += peer;
        }
        if let Some(c) = counts.get_mut(at(i.to)) {
            c.1 += 1;
            c.2 += peer;
        }
    }
    counts
}

/// Each undirected tie `(low, high)` once with the interactions both ways summed, in
/// order; self-ties dropped.
fn undirected_weights(g: &crate::graph::Graph) -> Vec<((u32, u32), u32)> {
    let mut ties: Vec<((u32, u32), u32)> = g
        .arcs
        .iter()
        .filter(|(&(a, b), _)| a != b)
        .map(|(&(a, b), &w)| ((a.min(b), a.max(b)), w))
        .collect();
    ties.sort_unstable();
    ties.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 += later.1;
        }
        same
    });
    ties
}

/// The graph of `scope` laid out (ForceAtlas2 on the weighted ties), with roles,
/// communities, who the "stop posting" test takes away, and reply counts.
fn network(scope: &Scope, measured: &Measured) -> NetworkView {
    let g = &scope.graph;
    let people = &measured.people;
    let weights = undirected_weights(g);
    let ties: Vec<(u32, u32, f64)> = weights
        .iter()
        .map(|&((a, b), w)| (a, b, f64::from(w)))
        .collect();
    let positions = layout_weighted(g.node_count(), &ties);
    let replies = reply_counts(scope);
    let nodes = g
        .people
        .iter()
        .enumerate()
        .map(|(v, &p)| {
            let at = |flags: &[bool]| flags.get(v).copied().unwrap_or(false);
            let role = if scope.host(p) {
                Role::Host
            } else if people.leaders.contains(&p) {
                Role::Leader
            } else if at(&people.core) {
                Role::Core
            } else if at(&people.engaged) {
                Role::Engaged
            } else {
                Role::Audience
            };
            let (x, y) = positions.get(v).copied().unwrap_or((0.5, 0.5));
            let (given, received, peer) = replies.get(v).copied().unwrap_or_default();
            NodeView {
                id: scope.data.id_of(p).to_string(),
                name: scope.data.display(p).to_string(),
                role,
                degree: g.undirected.degree(v as u32) as u32,
                x,
                y,
                community: measured.communities.get(v).copied().unwrap_or(0),
                away: at(&measured.away),
                replies_given: given,
                replies_received: received,
                peer_replies: peer,
            }
        })
        .collect();
    let edges = weights
        .into_iter()
        .map(|((a, b), weight)| EdgeView { a, b, weight })
        .collect();
    NetworkView {
        nodes,
        edges,
        times: crate::draw::view::times::build::tie_times(scope),
    }
}

/// The warning for `count` (≥ 1) replies whose parent message is not in the export.
fn missing_parents(count: u64) -> String {
    let (what, verb) = if count == 1 {
        ("reply", "points")
    } else {
        ("replies", "point")
    };
    format!(
        "{count} {what} {verb} to messages that are not in the export (deleted, or outside the \
         exported dates); they count as messages but not as replies."
    )
}

/// The warning for `count` (≥ 1) messages written by placeholders (docs/METRICS.md §1).
fn placeholder_messages(count: u64) -> String {
    let (what, verb) = if count == 1 {
        (
            "message by a deleted or unknown account",
            "counts as a message but belongs",
        )
    } else {
        (
            "messages by deleted or unknown accounts",
            "count as messages but belong",
        )
    };
    format!("{count} {what} {verb} to nobody: no person in the graph stands for them.")
}

/// The warning for `count` (≥ 1) thread replies whose thread's first message is missing.
fn missing_roots(count: u64) -> String {
    let (what, verb) = if count == 1 {
        ("thread reply", "belongs")
    } else {
        ("thread replies", "belong")
    };
    format!(
        "{count} {what} {verb} to threads whose first message is not in the export; they \
         count as messages but not as replies."
    )
}

/// The warning for messages spread over more days than the timeline fills in (`first` and
/// `last` are UTC day numbers).
fn too_long_a_span(first: i64, last: i64) -> String {
    format!(
        "The messages run from {} to {}: some dates are probably wrong, so the timeline shows \
         only the months that have messages.",
        day_string(first),
        day_string(last)
    )
}
