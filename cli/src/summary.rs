//! The short human summary `peerscope analyze` prints without `--json`.
//!
//! Names, file names and every sentence that may quote them come from the export, so each
//! goes through [`one_line`] before it reaches the terminal: a person called
//! `\x1b[2J…` or `\u{202E}…` is shown as those escapes, and cannot clear the screen,
//! recolour the output or make a line read backwards.

use std::fmt::Write;

use peerscope_core::import::plain::one_line;
use peerscope_core::model::schema::Report;
use peerscope_core::report::compare::Comparison;

/// The report in a few lines; with `comparison`, what moved since the earlier report.
pub fn render(r: &Report, comparison: Option<&Comparison>) -> String {
    let mut out = String::new();
    let score = r
        .verdict
        .score
        .map_or_else(|| "—".to_string(), |s| format!("{s:.0}"));
    let _ = writeln!(out, "{}", one_line(&r.verdict.headline));
    let _ = writeln!(
        out,
        "Verdict: {} (score {score} of 100)",
        r.verdict.label.as_str()
    );
    let _ = writeln!(out, "{}", one_line(&r.verdict.framing));
    if let Some(c) = comparison {
        let _ = writeln!(out, "\nSince the earlier report:");
        for line in &c.summary {
            let _ = writeln!(out, "  - {}", one_line(line));
        }
        let _ = writeln!(out);
    }
    let hosts: Vec<String> = r
        .hosts
        .iter()
        .map(|h| format!("{} ({})", one_line(&h.name), one_line(&h.how)))
        .collect();
    let _ = writeln!(
        out,
        "Host: {}",
        if hosts.is_empty() {
            "none".to_string()
        } else {
            hosts.join("; ")
        }
    );
    let c = &r.counts;
    let _ = writeln!(
        out,
        "{} messages by {} people over {} days; {} replies, {} mentions, {} reactions.",
        c.messages, c.participants, c.days, c.replies, c.mentions, c.reactions
    );
    let _ = writeln!(out, "\nWhy:");
    for e in &r.verdict.evidence {
        let _ = writeln!(out, "  - {}", one_line(&e.sentence));
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
