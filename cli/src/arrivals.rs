//! The summary's lines about newcomers, questions and the absence factor
//! (docs/METRICS.md §11): each figure as a share with its counts, "thin" with the reason
//! when it rests on too few newcomers or questions, never a number it cannot support.

use std::fmt::Write;

use peerscope_core::advice::newcomers::no_newcomers;
use peerscope_core::import::plain::one_line;
use peerscope_core::measure::floors;
use peerscope_core::model::metric::Metric;
use peerscope_core::model::schema::{Delay, Report};
use peerscope_core::model::shown::{percent, wait, within};
use peerscope_core::model::words::plural;

/// "65% (71 of 110)", "thin: only 4 welcomed newcomers (at least 10 needed)", or "not
/// observable: …".
fn share(m: &Metric) -> String {
    let reason = one_line(m.reason.as_deref().unwrap_or_default());
    match (m.value, m.num, m.den) {
        (Some(_), _, _) if m.thin => format!("thin: {reason}"),
        (Some(v), Some(num), Some(den)) => format!("{}% ({num} of {den})", percent(v)),
        _ => format!("not observable: {reason}"),
    }
}

/// "median 12 min, 90% within 240 min (of 30 answered)", or "none answered".
fn delay(d: &Delay) -> String {
    match (d.p50, d.p90) {
        (Some(p50), Some(p90)) => format!(
            "median {}, 90% within {} ({} answered)",
            wait(p50),
            within(p90),
            d.count
        ),
        _ => "none answered".to_string(),
    }
}

/// The newcomer, question and absence lines, each ending in a newline.
pub fn lines(r: &Report) -> String {
    let mut out = String::new();
    let n = &r.newcomers;
    let m = &r.metrics;
    if n.count == 0 {
        let _ = writeln!(out, "\nNewcomers: {}", no_newcomers(r.counts.days));
    } else {
        newcomers(&mut out, r);
    }
    let f = &r.first_response;
    if f.all.count > 0 || m.unanswered_question_share.value.is_some() {
        let _ = writeln!(
            out,
            "Member questions unanswered after three days: {}; first reply: {}; by hosts: {}; \
             by members: {}.",
            share(&m.unanswered_question_share),
            delay(&f.all),
            delay(&f.hosts),
            delay(&f.members)
        );
    }
    let a = &r.absence;
    // Below the interactions floor a "half" is a handful of messages: say so, never a
    // factor the data cannot carry (the checklist's step keeps the same floor).
    if a.factor.is_some() && (a.interactions as f64) < floors::INTERACTIONS {
        let _ = writeln!(
            out,
            "Absence factor: thin: only {} between members (at least {} needed).",
            plural(a.interactions, "reply or mention", "replies and mentions"),
            floors::INTERACTIONS
        );
    } else if let Some(factor) = a.factor {
        let names: Vec<String> = a
            .people
            .iter()
            .map(|p| one_line(&p.name).into_owned())
            .collect();
        let _ = writeln!(
            out,
            "Absence factor: {} ({}) {} half of the {} between members.",
            plural(factor, "member", "members"),
            names.join(", "),
            if factor == 1 { "writes" } else { "write" },
            plural(a.interactions, "reply or mention", "replies and mentions")
        );
    }
    out
}

/// The newcomer lines of a report with newcomers.
fn newcomers(out: &mut String, r: &Report) {
    let n = &r.newcomers;
    let m = &r.metrics;
    let _ = writeln!(
        out,
        "\nNewcomers: {}; answered within three days: {}; first by members: {}.",
        n.count,
        share(&m.newcomer_welcome_share),
        share(&m.peer_welcome_share)
    );
    let (welcomed, unwelcomed) = (&n.return_welcomed, &n.return_unwelcomed);
    // Both thin for one reason (the newcomers with thirty days left are too few): say it
    // once, not twice in one line.
    if welcomed.thin && unwelcomed.thin && welcomed.reason == unwelcomed.reason {
        let _ = writeln!(
            out,
            "  Came back within thirty days, welcomed or not: {}.",
            share(welcomed)
        );
    } else {
        let _ = writeln!(
            out,
            "  Came back within thirty days: welcomed {}; not welcomed {}.",
            share(welcomed),
            share(unwelcomed)
        );
    }
    if n.waiting_count > 0 {
        let names: Vec<String> = n
            .waiting
            .iter()
            .map(|w| one_line(&w.name).into_owned())
            .collect();
        let _ = writeln!(
            out,
            "  Still waiting for an answer: {}{}.",
            n.waiting_count,
            if names.is_empty() {
                String::new()
            } else {
                format!(" ({})", names.join(", "))
            }
        );
    }
}
