//! The trend in words (docs/METRICS.md §11): the headline's clause and the checklist's
//! step, both only when the replicates agree on `up` or `down` (an `unclear` or
//! `holding` trend makes no claim), quoting the first and last eligible scores.

use crate::advice::playbook::{evidence, Aim, Basis, Draft, Spec};
use crate::model::quoted::{Quoted, Quoter};
use crate::model::schema::{Direction, Label, Step, Trend, Verdict};

use super::MIN_PERIODS;
use crate::measure::periods::MIN_INTERACTIONS;

/// Points of change at which the trend's step reaches its full gap.
pub const FULL_GAP_POINTS: f64 = 25.0;

const FALLING: Spec = Spec {
    profile: "all",
    id: "trend-falling",
    title: "Find out what changed before the habit fades",
    aim: Aim::Peer,
    how: &[
        "Open the trend chart and note what changed around the fall: a new channel, fewer events, you posting more or less.",
        "Ask two or three members who were active before the fall what changed for them.",
        "Bring back what worked then: the format, the time of day, or the people who used to start conversations.",
    ],
};

const RISING: Spec = Spec {
    profile: "all",
    id: "trend-rising",
    title: "Keep doing what made it grow",
    aim: Aim::Inward,
    how: &[
        "Write down what you changed since the score started rising, so it survives a busy month.",
        "Tell members the group is talking more among themselves: people repeat what gets noticed.",
    ],
};

/// The first and last eligible periods' (index in `trend.periods`, score), when the
/// direction is `up` or `down`.
fn ends(trend: &Trend) -> Option<((usize, f64), (usize, f64))> {
    if !matches!(trend.direction, Direction::Up | Direction::Down) {
        return None;
    }
    let mut scored = trend
        .periods
        .iter()
        .enumerate()
        .filter(|(_, p)| p.eligible)
        .filter_map(|(i, p)| p.score.map(|s| (i, s)));
    let first = scored.next()?;
    Some((first, scored.next_back()?))
}

/// "March", "March 2024" when the trend's ends are in different years, or "3 January"
/// for four-week periods; from the first eligible period's start (`YYYY-MM-DD`).
fn since(trend: &Trend, first: usize, last: usize) -> String {
    let day = |i: usize| trend.periods.get(i).map_or("", |p| p.start.as_str());
    let (a, b) = (day(first), day(last));
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let number =
        |s: &str, at: std::ops::Range<usize>| s.get(at).and_then(|t| t.parse::<usize>().ok());
    let month = number(a, 5..7)
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
        .copied()
        .unwrap_or("the start");
    if trend.period != "month" {
        return format!("{} {month}", number(a, 8..10).unwrap_or(1));
    }
    if a.get(..4) != b.get(..4) {
        return format!("{month} {}", a.get(..4).unwrap_or(""));
    }
    month.to_string()
}

/// The clause the headline gains for an `up` or `down` trend: ", and becoming more of
/// one: 31 → 52 since March" (for a community; "more of a community" for any other
/// label), quoting `trend.periods.<i>.score`. `None` otherwise.
pub fn headline_clause(trend: &Trend, label: Label) -> Option<Quoted> {
    let ((i, a), (j, b)) = ends(trend)?;
    let more = if trend.direction == Direction::Up {
        "more"
    } else {
        "less"
    };
    let what = if label == Label::Community {
        "one"
    } else {
        "a community"
    };
    let mut q = Quoter::default();
    let text = format!(
        ", and becoming {more} of {what}: {} → {} since {}",
        q.count(&format!("trend.periods.{i}.score"), a),
        q.count(&format!("trend.periods.{j}.score"), b),
        since(trend, i, j)
    );
    Some(q.say(text))
}

/// Adds the trend's clause to `verdict`'s headline (before its full stop), with its
/// quotes; nothing for a trend that is not `up` or `down`.
pub fn add_to_headline(verdict: &mut Verdict, trend: &Trend) {
    let Some(clause) = headline_clause(trend, verdict.label) else {
        return;
    };
    let base = verdict.headline.trim_end_matches('.');
    verdict.headline = format!("{base}{}.", clause.text);
    verdict.headline_quotes.extend(clause.quotes);
}

/// The trend's step: "The score fell from 58 to 41 since June" (`down`) or rose
/// (`up`); `None` otherwise. Its gap is the change over [`FULL_GAP_POINTS`] (a third of
/// that for a rise: keeping what works is less urgent than a fall); its evidence rests
/// on the eligible periods' interactions, against a floor of 3 periods × 30.
fn draft(trend: &Trend) -> Option<Draft> {
    let ((i, a), (j, b)) = ends(trend)?;
    let mut q = Quoter::default();
    let (spec, verb, scale) = if trend.direction == Direction::Down {
        (&FALLING, "fell", 1.0)
    } else {
        (&RISING, "rose", 1.0 / 3.0)
    };
    let text = format!(
        "The score {verb} from {} to {} since {}: members are talking to each other {} than they did.",
        q.count(&format!("trend.periods.{i}.score"), a),
        q.count(&format!("trend.periods.{j}.score"), b),
        since(trend, i, j),
        if verb == "fell" { "less" } else { "more" }
    );
    let interactions: u64 = trend
        .periods
        .iter()
        .filter(|p| p.eligible)
        .map(|p| p.counts.interactions)
        .sum();
    let basis = Basis::Measure {
        den: interactions as f64,
        floor: (MIN_PERIODS * MIN_INTERACTIONS) as f64,
    };
    let gap = scale * (b - a).abs() / FULL_GAP_POINTS;
    Some(Draft::new(spec, basis, gap, q.say(text), Vec::new()))
}

/// Adds the trend's step to a ranked checklist: after the first step (the goal's lead
/// stays where the ranking put it), before the first step less urgent than it, with a
/// priority moved down by tenths until no other step has it. Nothing for a trend that
/// is not `up` or `down`.
pub fn add_step(checklist: &mut Vec<Step>, trend: &Trend) {
    let Some(d) = draft(trend) else {
        return;
    };
    let mut tenths = (d.gap * evidence(d.basis) * 1000.0).round() as i64;
    let taken = |t: i64| {
        checklist
            .iter()
            .any(|s| (s.priority * 10.0).round() as i64 == t)
    };
    while tenths > 0 && taken(tenths) {
        tenths -= 1;
    }
    let priority = tenths as f64 / 10.0;
    let at = checklist
        .iter()
        .skip(1)
        .position(|s| s.priority < priority)
        .map_or(checklist.len(), |p| p + 1);
    checklist.insert(at, Step { priority, ..d.step });
}

/// The trend in one line, what the CLI prints: "up, 31 → 52 since March (+4.2 points a
/// month; 96% of 200 resamples agree)", "holding over 6 months (+0.3 points a month; 97%
/// of 200 resamples agree)", "unclear over 6 months (+1.5 points a month; at most 62% of
/// 200 resamples agree)", or "none yet: " and the reason with fewer than 3 eligible periods.
/// Scores rounded as everywhere; the slope to one decimal.
pub fn in_words(trend: &Trend) -> String {
    let (Some(slope), Some(agreement)) = (trend.slope, trend.agreement) else {
        // The reason is a sentence of its own elsewhere; here it follows a colon and, like
        // the other answers, ends without a full stop (callers add their own).
        let reason = trend.reason.as_deref().unwrap_or("").trim_end_matches('.');
        let mut chars = reason.chars();
        let first = chars.next().map(|c| c.to_lowercase().collect::<String>());
        return format!("none yet: {}{}", first.unwrap_or_default(), chars.as_str());
    };
    let per = if trend.period == "month" {
        "a month"
    } else {
        "every four weeks"
    };
    let eligible = trend.periods.iter().filter(|p| p.eligible).count() as u64;
    let span = if trend.period == "month" {
        crate::model::words::plural(eligible, "month", "months")
    } else {
        crate::model::words::plural(eligible, "four-week period", "four-week periods")
    };
    let share = crate::model::shown::percent(agreement);
    let agree = format!(
        "{}{share}% of {} resamples agree",
        if trend.direction == Direction::Unclear {
            "at most "
        } else {
            ""
        },
        trend.replicates
    );
    let sign = if slope > 0.0 { "+" } else { "" };
    let slope = crate::model::shown::decimal(slope, 1);
    let numbers = format!("{sign}{slope} points {per}; {agree}");
    match ends(trend) {
        Some(((i, a), (j, b))) => format!(
            "{}, {} → {} since {} ({numbers})",
            trend.direction.as_str(),
            crate::model::shown::score_text(Some(a)),
            crate::model::shown::score_text(Some(b)),
            since(trend, i, j)
        ),
        None => format!("{} over {span} ({numbers})", trend.direction.as_str()),
    }
}
