//! The short human summary `peerscope analyze` prints without `--json`.

use std::fmt::Write;

use peerscope::report::Report;

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let score = r
        .verdict
        .score
        .map_or_else(|| "—".to_string(), |s| format!("{s:.0}"));
    let _ = writeln!(out, "{}", r.verdict.headline);
    let _ = writeln!(
        out,
        "Verdict: {} (score {score} of 100)",
        r.verdict.label.as_str()
    );
    let _ = writeln!(out, "{}", r.verdict.framing);
    let hosts: Vec<String> = r
        .hosts
        .iter()
        .map(|h| format!("{} ({})", h.name, h.how))
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
        let _ = writeln!(out, "  - {}", e.sentence);
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
        let _ = writeln!(out, "  {}. {} — {}", i + 1, s.title, s.why);
    }
    for w in &r.sources.warnings {
        let _ = writeln!(out, "Note: {w}");
    }
    out
}
