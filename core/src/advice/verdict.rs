//! The verdict (docs/METRICS.md §5, §10): a score, a label, and the evidence in plain sentences;
//! `undetermined`, with the reason, when the export holds too little conversation.

use crate::measure::floors::{
    VERDICT_INTERACTIONS, VERDICT_MEASURES, VERDICT_PARTICIPANTS, VERDICT_UNITS,
};
use crate::model::metric::{Counted, Metric};
use crate::model::options::Goal;
use crate::model::schema::{Confidence, Evidence, Label, Metrics, Verdict};
use crate::model::stable_sort::StableSort;

mod headline;
mod reconcile;
mod step_away;

pub use headline::hedged;
pub use reconcile::reconcile;
pub use step_away::step_away;

use crate::model::quoted::{Quoted, Quoter};
use crate::model::shown;
use crate::model::words::plural;
use headline::{framing, headline, host_word};

/// Score at or above which the group is a community.
pub const COMMUNITY_SCORE: f64 = 60.0;
/// Score at or above which an audience has a community core ("emerging").
pub const EMERGING_SCORE: f64 = 35.0;
/// A core this large (in members, and as a share of members) also makes it "emerging".
pub const EMERGING_CORE_MEMBERS: u64 = 5;
pub const EMERGING_CORE_SHARE: f64 = 0.02;
/// A component below this value pulls towards *audience* in the evidence list.
pub const COMMUNITY_LINE: f64 = 0.6;
/// The measures the score is built from, by their keys in the report's `metrics`.
pub const SCORE_MEASURES: [&str; 7] = [
    "peer_reply_share",
    "resilience",
    "continuation",
    "connect_share",
    "member_initiated_share",
    "host_share",
    "centralization",
];

/// What the verdict sentences need besides the metrics.
pub struct Context<'a> {
    pub metrics: &'a Metrics,
    pub core: u64,
    pub members: u64,
    pub goal: Goal,
    /// With no host: the person the "stop posting" tests took away instead.
    pub stand_in: Option<&'a str>,
    /// Days behind `continuation`: (silent days, host days).
    pub days: Option<(usize, usize)>,
    /// Reply and mention interactions in the scope.
    pub interactions: u64,
    /// People in the conversation graph.
    pub participants: u64,
    /// Units the score's bootstrap would resample (days or conversations,
    /// docs/METRICS.md §10); `None` skips the check (a bootstrap replicate).
    pub units: Option<u64>,
}

/// One score component: its metric key, weight, value as it enters the score (higher =
/// more community), and the sentence that explains it.
struct Component {
    key: &'static str,
    weight: f64,
    value: f64,
    sentence: Quoted,
}

/// Score = 100 × weighted mean of the components that count (null and thin ones drop out
/// and the weights renormalise). Label as §5 says, on the rounded score; `undetermined`
/// with a null score when [`undetermined`] finds too little evidence.
pub fn judge(ctx: &Context) -> Verdict {
    let components = components(ctx);
    let reason = undetermined(ctx, components.len());
    let score = reason.is_none().then(|| weighted(&components)).flatten();
    let label = label(score, ctx.core, ctx.members);
    let headline = headline(label, ctx);
    let away = step_away(&ctx.metrics.resilience, ctx.stand_in);
    let mut evidence: Vec<Evidence> = components
        .into_iter()
        .map(|c| Evidence {
            metric: c.key.to_string(),
            value: c.value,
            weight: c.weight,
            leans: if c.value < COMMUNITY_LINE {
                Label::Audience
            } else {
                Label::Community
            },
            sentence: c.sentence.text,
            quotes: c.sentence.quotes,
        })
        .collect();
    // Those pulling towards audience first, the strongest pull first.
    evidence.stable_sort_by(|a, b| {
        a.value
            .total_cmp(&b.value)
            .then(b.weight.total_cmp(&a.weight))
    });
    Verdict {
        label,
        score,
        confidence: if label == Label::Undetermined {
            Confidence::Undetermined
        } else {
            Confidence::Tentative
        },
        reason,
        interval: None,
        replicates: 0,
        estimate: None,
        unit: None,
        bands: Vec::new(),
        headline: headline.text,
        headline_quotes: headline.quotes,
        reconcile: None,
        step_away: away.text,
        step_away_quotes: away.quotes,
        framing: framing(label, ctx.goal, ctx.core),
        evidence,
    }
}

/// The score alone, 0–100 unrounded, exactly as [`judge`] computes it; `None` when the
/// verdict would be undetermined. What the score's bootstrap recomputes per replicate.
pub fn score(ctx: &Context) -> Option<f64> {
    let components = components(ctx);
    undetermined(ctx, components.len())
        .is_none()
        .then(|| weighted(&components))
        .flatten()
}

/// 100 × the weighted mean of the components; `None` when there are none.
fn weighted(components: &[Component]) -> Option<f64> {
    let total: f64 = components.iter().map(|c| c.weight).sum();
    (total > 0.0)
        .then(|| 100.0 * components.iter().map(|c| c.weight * c.value).sum::<f64>() / total)
}

/// Why the verdict cannot be given, in one sentence with the numbers; `None` when it can.
///
/// It needs at least 30 reply and mention interactions among at least 5 participants, at
/// least 3 of the 7 score measures (`measures`) at or above their floors, and at least 10
/// units for the score's bootstrap (`ctx.units`, when given).
pub fn undetermined(ctx: &Context, measures: usize) -> Option<String> {
    if ctx.interactions < VERDICT_INTERACTIONS as u64
        || ctx.participants < VERDICT_PARTICIPANTS as u64
    {
        return Some(format!(
            "Too little conversation to judge yet: {} among {}; a verdict needs at least {VERDICT_INTERACTIONS} among {VERDICT_PARTICIPANTS} or more people.",
            plural(ctx.interactions, "reply or mention", "replies and mentions"),
            plural(ctx.participants, "person", "people"),
        ));
    }
    if measures < VERDICT_MEASURES {
        return Some(format!(
            "Too little to judge yet: only {measures} of the {} measures behind the verdict rest on enough conversation; a verdict needs at least {VERDICT_MEASURES}.",
            SCORE_MEASURES.len()
        ));
    }
    ctx.units.filter(|&u| u < VERDICT_UNITS as u64).map(|u| {
        format!(
            "Too little to judge yet: the conversation falls into only {}, too few to tell how sure the score is; a verdict needs at least {VERDICT_UNITS}.",
            plural(u, "separate conversation", "separate conversations")
        )
    })
}

/// On the score rounded half away from zero ([`shown::score`]): community at ≥ 60;
/// emerging at ≥ 35 or with a core of ≥ 5 members and ≥ 2% of members; audience
/// otherwise. No score: undetermined.
pub fn label(score: Option<f64>, core: u64, members: u64) -> Label {
    let strong_core =
        core >= EMERGING_CORE_MEMBERS && (core as f64) >= EMERGING_CORE_SHARE * members as f64;
    match score.map(shown::score) {
        None => Label::Undetermined,
        Some(s) if s >= COMMUNITY_SCORE => Label::Community,
        Some(s) if s >= EMERGING_SCORE => Label::Emerging,
        Some(_) if strong_core => Label::Emerging,
        Some(_) => Label::Audience,
    }
}

/// "34" and "120" for a counted ratio's numerator and denominator, quoted from
/// `metrics.<key>.num` and `.den`.
fn of(q: &mut Quoter, key: &str, c: &Counted) -> (String, String) {
    (
        q.count(&format!("metrics.{key}.num"), c.num),
        q.count(&format!("metrics.{key}.den"), c.den),
    )
}

/// The sentence of one score component, written with the quoter that records its numbers.
type Sentence<'s> = &'s dyn Fn(&Counted, &mut Quoter) -> String;

fn components(ctx: &Context) -> Vec<Component> {
    let m = ctx.metrics;
    let you = ctx
        .stand_in
        .map_or_else(|| "you".to_string(), str::to_string);
    let mut out = Vec::new();
    // Only measures that count (observed, at or above their floor) enter the score or say
    // anything: a thin measure is never quoted.
    let mut add = |key: &'static str, weight, metric: &Metric, invert: bool, say: Sentence| {
        if let Some(c) = metric.counted() {
            let mut q = Quoter::default();
            let text = say(&c, &mut q);
            out.push(Component {
                key,
                weight,
                value: if invert { 1.0 - c.value } else { c.value },
                sentence: q.say(text),
            });
        }
    };
    add(
        "peer_reply_share",
        2.0,
        &m.peer_reply_share,
        false,
        &|x, q| {
            let (num, den) = of(q, "peer_reply_share", x);
            let share = q.share("metrics.peer_reply_share", x.value);
            format!("Members answered each other in {num} of {den} replies ({share}).")
        },
    );
    add("resilience", 2.0, &m.resilience, false, &|x, q| {
        let (num, den) = of(q, "resilience", x);
        match ctx.stand_in {
            Some(name) => format!(
                "No host was chosen, so the test removes the most connected person, {name}: {num} of {den} people who talk here would still be connected to each other."
            ),
            None => format!(
                "Without you, {num} of {den} members who talk here would still be connected to each other."
            ),
        }
    });
    add("continuation", 2.0, &m.continuation, false, &|x, q| {
        let (silent, host) = ctx.days.unwrap_or((0, 0));
        let silent = q.count("counts.silent_days", silent as f64);
        let places = shown::rate_places(&[x.num, x.den]);
        let per_day = q.decimal("metrics.continuation.num", x.num, places);
        let host_per_day = q.decimal("metrics.continuation.den", x.den, places);
        let host = q.count("counts.host_days", host as f64);
        format!(
            "On the {silent} days {you} did not post, members exchanged {per_day} replies and mentions a day ({host_per_day} on the {host} days {you} did)."
        )
    });
    add("connect_share", 1.0, &m.connect_share, false, &|x, q| {
        let (num, den) = of(q, "connect_share", x);
        let share = q.share("metrics.connect_share", x.value);
        format!("{num} of the {den} replies and mentions members wrote ({share}) were aimed at other members.")
    });
    add(
        "member_initiated_share",
        1.0,
        &m.member_initiated_share,
        false,
        &|x, q| {
            let (num, den) = of(q, "member_initiated_share", x);
            let share = q.share("metrics.member_initiated_share", x.value);
            format!(
                "Members started {num} of the {den} conversations that drew an answer ({share})."
            )
        },
    );
    add("host_share", 1.0, &m.host_share, true, &|x, q| {
        let (num, den) = of(q, "host_share", x);
        let share = q.share("metrics.host_share", x.value);
        format!(
            "{num} of all {den} replies and mentions ({share}) involve {}.",
            host_word(ctx)
        )
    });
    add("centralization", 1.0, &m.centralization, true, &|x, q| {
        let shape = if x.value >= 0.5 {
            "is shaped like a star around one person"
        } else if x.value >= 0.2 {
            "has a few hubs"
        } else {
            "is spread out, without a dominant hub"
        };
        format!(
            "The network {shape} (centralization {}; a perfect star scores one).",
            q.decimal("metrics.centralization", x.value, 2)
        )
    });
    out
}

#[cfg(test)]
mod tests;
