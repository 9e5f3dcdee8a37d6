//! The short human summary `peerscope analyze` prints without `--json`.
//!
//! Names, file names and every sentence that may quote them come from the export, so each
//! goes through [`one_line`] before it reaches the terminal: a person called
//! `\x1b[2J…` or `\u{202E}…` is shown as those escapes, and cannot clear the screen,
//! recolour the output or make a line read backwards.

use std::fmt::Write;

use peerscope_core::advice::interval::in_words;
use peerscope_core::advice::trend::in_words as trend_words;
use peerscope_core::advice::verdict::SCORE_MEASURES;
use peerscope_core::draw::export::metrics_csv::each_metric;
use peerscope_core::import::plain::one_line;
use peerscope_core::model::schema::{Estimate, Report, Unit};
use peerscope_core::model::shown::score_text;
use peerscope_core::model::words::plural;
use peerscope_core::report::compare::Comparison;

/// The report in a few lines; with `comparison`, what moved since the earlier report.
///
/// An undetermined verdict says so and why, with no score; measures too thin to count, or
/// not observable, are listed as such, never as numbers.
pub fn render(r: &Report, comparison: Option<&Comparison>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", one_line(&r.verdict.headline));
    match r.verdict.score {
        Some(_) => {
            let _ = writeln!(
                out,
                "Verdict: {} (score {} of 100)",
                r.verdict.label.as_str(),
                score_text(r.verdict.score)
            );
        }
        None => {
            let _ = writeln!(out, "Verdict: {} (no score yet)", r.verdict.label.as_str());
        }
    }
    if let Some(sure) = in_words(&r.verdict) {
        let unit = match r.verdict.unit {
            Some(Unit::Day) => "days",
            _ => "conversations",
        };
        let _ = writeln!(
            out,
            "How sure: {sure} (90% range, {} resamples of the {unit}{})",
            r.verdict.replicates,
            if r.verdict.estimate == Some(Estimate::Sampled) {
                ", network shape on a sample"
            } else {
                ""
            }
        );
    }
    if let Some(trend) = &r.trend {
        let _ = writeln!(out, "Trend: {}", one_line(&trend_words(trend)));
    }
    if let Some(reason) = &r.verdict.reason {
        let _ = writeln!(out, "{}", one_line(reason));
    }
    let _ = writeln!(out, "{}", one_line(&r.verdict.framing));
    if let Some(c) = comparison {
        let _ = writeln!(out, "\nSince the earlier report:");
        for line in c.summary.iter().chain(&c.newcomer_sentences()) {
            let _ = writeln!(out, "  - {}", one_line(line));
        }
        let _ = writeln!(out);
    }
    let hosts = hosts_line(&r.hosts);
    let _ = writeln!(
        out,
        "Host: {}",
        if hosts.is_empty() { "none" } else { &hosts }
    );
    let c = &r.counts;
    let _ = writeln!(
        out,
        // "among": the people counted are everyone in the conversation, the mentioned
        // included, so "1 message by 2 people" would misread.
        "{} {} {} over {}; {}, {}, {}.",
        plural(c.messages, "message", "messages"),
        if c.participants == 1 { "by" } else { "among" },
        plural(c.participants, "person", "people"),
        plural(c.days, "day", "days"),
        plural(c.replies, "reply", "replies"),
        plural(c.mentions, "mention", "mentions"),
        plural(c.reactions, "reaction", "reactions")
    );
    if c.placeholder_messages > 0 {
        let _ = writeln!(
            out,
            "Messages by deleted or unknown accounts (nobody in the graph): {}.",
            c.placeholder_messages
        );
    }
    if !r.verdict.evidence.is_empty() {
        let _ = writeln!(out, "\nWhy:");
        for e in &r.verdict.evidence {
            let _ = writeln!(out, "  - {}", one_line(&e.sentence));
        }
    }
    let left_out = left_out(r);
    if !left_out.is_empty() {
        let _ = writeln!(out, "\nNot counted in the verdict:");
        for line in &left_out {
            let _ = writeln!(out, "  - {}", one_line(line));
        }
    }
    let f = &r.funnel;
    let _ = writeln!(
        out,
        "\nFunnel: audience {} → engaged {} → core {} → leaders {}",
        f.audience,
        f.engaged,
        f.core,
        f.leaders.len()
    );
    if !f.audience_why.is_empty() {
        let _ = writeln!(out, "  {}", f.audience_why);
    }
    out.push_str(&crate::arrivals::lines(r));
    let _ = writeln!(out, "\nWhat to do ({}):", r.profile.as_str());
    for (i, s) in r.checklist.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {}. {} — {}",
            i + 1,
            one_line(&s.title),
            one_line(&s.why)
        );
    }
    for w in &r.sources.warnings {
        let _ = writeln!(out, "Note: {}", one_line(w));
    }
    out
}

/// The measures that do not count, one line each: "peer reply share: thin: only 8 replies
/// in this export (at least 20 needed)" for every thin measure, "… : not observable: …"
/// for the score's measures that are null.
fn left_out(r: &Report) -> Vec<String> {
    each_metric(&r.metrics)
        .into_iter()
        .filter_map(|(key, m)| {
            let reason = m.reason.as_deref().unwrap_or_default();
            let name = key.replace('_', " ");
            if m.thin {
                Some(format!("{name}: thin: {reason}"))
            } else if m.value.is_none() && SCORE_MEASURES.contains(&key) {
                Some(format!("{name}: not observable: {reason}"))
            } else {
                None
            }
        })
        .collect()
}

/// The hosts with how each was found; hosts found the same way share one note ("Ana and Bo
/// (pointed out by the export itself: …)"), in the report's order. Empty for no host.
fn hosts_line(hosts: &[peerscope_core::model::schema::HostInfo]) -> String {
    let mut groups: Vec<(Vec<String>, &str)> = Vec::new();
    for h in hosts {
        match groups.iter_mut().find(|(_, how)| *how == h.how) {
            Some((names, _)) => names.push(one_line(&h.name).into_owned()),
            None => groups.push((vec![one_line(&h.name).into_owned()], &h.how)),
        }
    }
    let group = |(names, how): &(Vec<String>, &str)| {
        let names = match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => names.concat(),
        };
        format!("{names} ({})", one_line(how))
    };
    groups.iter().map(group).collect::<Vec<_>>().join("; ")
}
