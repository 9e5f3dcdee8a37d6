//! The verdict (docs/METRICS.md §5): a score, a label, and the evidence in plain sentences.

use crate::model::metric::Metric;
use crate::model::options::Goal;
use crate::model::schema::{Evidence, Label, Metrics, Verdict};
// `pub(crate)` while the playbook still names them here; elsewhere they come from
// `model::words`.
pub(crate) use crate::model::words::{n, pct, plural};

/// Score at or above which the group is a community.
pub const COMMUNITY_SCORE: f64 = 60.0;
/// Score at or above which an audience has a community core ("emerging").
pub const EMERGING_SCORE: f64 = 35.0;
/// A core this large (in members, and as a share of members) also makes it "emerging".
pub const EMERGING_CORE_MEMBERS: u64 = 5;
pub const EMERGING_CORE_SHARE: f64 = 0.02;
/// A component below this value pulls towards *audience* in the evidence list.
pub const COMMUNITY_LINE: f64 = 0.6;

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
}

/// One score component: its metric key, weight, value as it enters the score (higher =
/// more community), and the sentence that explains it.
struct Component {
    key: &'static str,
    weight: f64,
    value: f64,
    sentence: String,
}

/// Score = 100 × weighted mean of the available components (null ones drop out and the
/// weights renormalise); `None` when none is available. Label as docs/METRICS.md §5 says.
pub fn judge(ctx: &Context) -> Verdict {
    let components = components(ctx);
    let total: f64 = components.iter().map(|c| c.weight).sum();
    let score = (total > 0.0)
        .then(|| 100.0 * components.iter().map(|c| c.weight * c.value).sum::<f64>() / total);
    let label = label(score, ctx.core, ctx.members);
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
            sentence: c.sentence,
        })
        .collect();
    // Those pulling towards audience first, the strongest pull first.
    evidence.sort_by(|a, b| {
        a.value
            .total_cmp(&b.value)
            .then(b.weight.total_cmp(&a.weight))
    });
    Verdict {
        label,
        score,
        headline: headline(label, ctx),
        framing: framing(label, ctx.goal),
        evidence,
    }
}

/// community at ≥ 60; emerging at ≥ 35 or with a core of ≥ 5 members and ≥ 2% of
/// members; audience otherwise (also when nothing could be scored).
pub fn label(score: Option<f64>, core: u64, members: u64) -> Label {
    let strong_core =
        core >= EMERGING_CORE_MEMBERS && (core as f64) >= EMERGING_CORE_SHARE * members as f64;
    match score {
        Some(s) if s >= COMMUNITY_SCORE => Label::Community,
        Some(s) if s >= EMERGING_SCORE => Label::Emerging,
        _ if strong_core => Label::Emerging,
        _ => Label::Audience,
    }
}

fn components(ctx: &Context) -> Vec<Component> {
    let m = ctx.metrics;
    let you = ctx
        .stand_in
        .map_or_else(|| "you".to_string(), str::to_string);
    let mut out = Vec::new();
    let mut add =
        |key, weight, metric: &Metric, invert: bool, sentence: &dyn Fn(&Metric) -> String| {
            if let Some(v) = metric.value {
                out.push(Component {
                    key,
                    weight,
                    value: if invert { 1.0 - v } else { v },
                    sentence: sentence(metric),
                });
            }
        };
    add("peer_reply_share", 2.0, &m.peer_reply_share, false, &|x| {
        format!(
            "Members answered each other in {} of {} replies ({}).",
            n(x.num),
            n(x.den),
            pct(x.value)
        )
    });
    add("resilience", 2.0, &m.resilience, false, &|x| {
        match ctx.stand_in {
        Some(name) => format!(
            "No host was chosen, so the test removes the most connected person, {name}: {} of {} people who talk here would still be connected to each other.",
            n(x.num), n(x.den)
        ),
        None => format!(
            "Without you, {} of {} members who talk here would still be connected to each other.",
            n(x.num), n(x.den)
        ),
    }
    });
    add("continuation", 2.0, &m.continuation, false, &|x| {
        let (silent, host) = ctx.days.unwrap_or((0, 0));
        format!(
            "On the {silent} days {you} did not post, members exchanged {:.1} replies and mentions a day ({:.1} on the {host} days {you} did).",
            x.num.unwrap_or(0.0), x.den.unwrap_or(0.0)
        )
    });
    add("connect_share", 1.0, &m.connect_share, false, &|x| {
        format!(
            "{} of the {} replies and mentions members wrote ({}) were aimed at other members.",
            n(x.num),
            n(x.den),
            pct(x.value)
        )
    });
    add(
        "member_initiated_share",
        1.0,
        &m.member_initiated_share,
        false,
        &|x| {
            format!(
                "Members started {} of the {} conversations that drew an answer ({}).",
                n(x.num),
                n(x.den),
                pct(x.value)
            )
        },
    );
    add("host_share", 1.0, &m.host_share, true, &|x| {
        format!(
            "{} of all {} replies and mentions ({}) involve {}.",
            n(x.num),
            n(x.den),
            pct(x.value),
            host_word(ctx)
        )
    });
    add("centralization", 1.0, &m.centralization, true, &|x| {
        let v = x.value.unwrap_or(0.0);
        let shape = if v >= 0.5 {
            "a star around one person"
        } else if v >= 0.2 {
            "a few hubs"
        } else {
            "spread out, without a dominant hub"
        };
        format!("The network is shaped like {shape} (centralization {v:.2}, where 1 is a perfect star).")
    });
    out
}

fn host_word(ctx: &Context) -> &'static str {
    if ctx.stand_in.is_some() {
        "the most connected person"
    } else {
        "you"
    }
}

fn headline(label: Label, ctx: &Context) -> String {
    let m = ctx.metrics;
    match label {
        Label::Audience => match m.host_share.value {
            Some(v) => format!("Mostly an audience: {} of conversations go through {}.", pct(Some(v)), host_word(ctx)),
            None => "Mostly an audience: people here hardly talk to each other yet.".to_string(),
        },
        Label::Emerging if ctx.core >= 3 => format!(
            "An audience with a community growing inside it: {} members talk to each other in a close-knit core.",
            ctx.core
        ),
        Label::Emerging => format!(
            "An audience with a community starting: members already answer each other in {} of replies.",
            pct(m.peer_reply_share.value)
        ),
        Label::Community => {
            let peers = m.peer_reply_share.num.map_or(String::new(), |p| {
                format!(" {}", plural(p.round() as u64, "time", "times"))
            });
            match ctx.days {
                Some((silent, _)) if m.continuation.value.is_some_and(|c| c >= 0.5) => format!(
                    "A community: members answered each other{peers}, and kept talking on the {silent} days {} did not post.",
                    if ctx.stand_in.is_some() { "the most connected person" } else { "you" }
                ),
                _ => format!("A community: members answered each other{peers}, not only {}.", host_word(ctx)),
            }
        }
    }
}

/// The verdict read against the user's goal.
fn framing(label: Label, goal: Goal) -> String {
    match (goal, label) {
        (Goal::Reach, Label::Audience) => "That fits a goal of reach: people come for what you publish. To keep them, grow a small core that talks to each other.",
        (Goal::Reach, _) => "For a goal of reach this is a strength: members bring each other back, and that carries your content further.",
        (Goal::Connection, Label::Audience) => "For a goal of connection there is work to do: members mostly talk to you, not to each other.",
        (Goal::Connection, Label::Emerging) => "For a goal of connection you are on the way: a core already talks to each other; widen it.",
        (Goal::Connection, Label::Community) => "For a goal of connection this is what success looks like: keep making room for members to lead.",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_score_and_core() {
        assert_eq!(label(Some(60.0), 0, 100), Label::Community);
        assert_eq!(label(Some(59.9), 0, 100), Label::Emerging);
        assert_eq!(label(Some(35.0), 0, 100), Label::Emerging);
        assert_eq!(
            label(Some(20.0), 5, 250),
            Label::Emerging,
            "core of 5 is 2% of 250"
        );
        assert_eq!(
            label(Some(20.0), 5, 251),
            Label::Audience,
            "core below 2% of members"
        );
        assert_eq!(label(Some(20.0), 4, 10), Label::Audience);
        assert_eq!(label(None, 0, 0), Label::Audience);
    }
}
