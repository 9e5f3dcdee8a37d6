//! How much evidence a measure needs before it counts, and how much the verdict needs.
//!
//! Every floor of the product lives here. A measure below its floor is *thin*: its
//! `value`, `num` and `den` stay in the metrics table, it gains `thin: true` and a reason,
//! and it counts nowhere else — it drops out of the score like a null measure, is never
//! quoted in a sentence and never makes the network type.
//!
//! Why floors at all: on a seven-person chat a share of "2 of 3" swings from 0% to 100%
//! with one message, and a verdict built on it would claim more than the export shows.

use crate::model::metric::Metric;
use crate::model::schema::Metrics;
use crate::model::words::plural;

/// `peer_reply_share`, `connect_share`, `host_share`: interactions in the denominator
/// (replies; members' replies and mentions; all replies and mentions).
pub const INTERACTIONS: f64 = 20.0;
/// `member_initiated_share`: conversation starters (its denominator).
pub const STARTERS: f64 = 5.0;
/// `resilience`: members with at least one tie. That is its denominator as measured
/// (people left after the stop-posting test who had a tie in the conversation graph).
pub const MEMBERS_WITH_A_TIE: f64 = 5.0;
/// `centralization`, `in_centralization`, `out_centralization`: participants. Their
/// denominators are (n−1)(n−2) and (n−1)², not n, so the participant count n is checked
/// instead.
pub const PARTICIPANTS: usize = 5;
/// `reciprocity`: directed ties between members (its denominator).
pub const MEMBER_TIES: f64 = 10.0;
/// `peer_answer_share`: member questions that got a reply (its denominator).
pub const ANSWERED_QUESTIONS: f64 = 5.0;
/// `continuation`: days with a host message and days without, each. Below this the
/// measure is null rather than thin (see [`crate::measure::continuation`]): with so few
/// days the two rates are not comparable at all.
pub const CONTINUATION_DAYS: usize = 5;

/// `newcomer_welcome_share`, `peer_welcome_share`, `newcomers.return_welcomed` and
/// `newcomers.return_unwelcomed`: newcomers in the denominator (docs/METRICS.md §11).
pub const NEWCOMERS: f64 = 10.0;
/// `unanswered_question_share`: member questions in the denominator.
pub const QUESTIONS: f64 = 10.0;

/// The verdict needs at least this many reply and mention interactions…
pub const VERDICT_INTERACTIONS: usize = 30;
/// …among at least this many participants…
pub const VERDICT_PARTICIPANTS: usize = 5;
/// …and at least this many of the seven score measures at or above their floors.
/// Otherwise it is `undetermined`.
pub const VERDICT_MEASURES: usize = 3;
/// …and at least this many units (days or conversations) for the score's bootstrap
/// (docs/METRICS.md §10): with fewer, no interval can be drawn and the verdict is
/// `undetermined`.
pub const VERDICT_UNITS: usize = 10;

/// Marks every measure of `m` that is below its floor as thin. `participants` is the
/// number of people in the conversation graph (the centralizations' floor). Null
/// measures are left as they are.
pub fn apply(m: &mut Metrics, participants: usize) {
    interaction_shares(m);
    if participants < PARTICIPANTS {
        let why = format!("only {participants} people took part");
        let floor = PARTICIPANTS as f64;
        m.centralization = thin(&m.centralization, &why, floor);
        m.in_centralization = thin(&m.in_centralization, &why, floor);
        m.out_centralization = thin(&m.out_centralization, &why, floor);
    }
    mark(&mut m.member_initiated_share, STARTERS, |k| {
        format!(
            "only {} drew an answer",
            plural(k, "conversation", "conversations")
        )
    });
    mark(&mut m.resilience, MEMBERS_WITH_A_TIE, |k| {
        format!("only {} talked with anyone", plural(k, "member", "members"))
    });
    mark(&mut m.reciprocity, MEMBER_TIES, |k| {
        format!(
            "members have only {} among themselves",
            plural(k, "tie", "ties")
        )
    });
    mark(&mut m.peer_answer_share, ANSWERED_QUESTIONS, |k| {
        format!(
            "only {} by members got a reply",
            plural(k, "question", "questions")
        )
    });
}

/// Marks a newcomer measure thin below [`NEWCOMERS`]: "only 7 welcomed newcomers (at
/// least 10 needed)", with the noun `one` or `many` as the count asks.
pub fn newcomers(metric: &mut Metric, one: &str, many: &str) {
    mark(metric, NEWCOMERS, |k| {
        format!("only {}", plural(k, one, many))
    });
}

/// Marks `unanswered_question_share` thin below [`QUESTIONS`].
pub fn questions(metric: &mut Metric) {
    mark(metric, QUESTIONS, |k| {
        format!(
            "only {} by members had 72 hours left in the export",
            plural(k, "question", "questions")
        )
    });
}

/// The three shares of reply and mention interactions, floor [`INTERACTIONS`].
fn interaction_shares(m: &mut Metrics) {
    mark(&mut m.peer_reply_share, INTERACTIONS, |k| {
        format!("only {} in this export", plural(k, "reply", "replies"))
    });
    let mentions = |k| plural(k, "reply or mention", "replies and mentions");
    mark(&mut m.connect_share, INTERACTIONS, |k| {
        format!("members wrote only {}", mentions(k))
    });
    mark(&mut m.host_share, INTERACTIONS, |k| {
        format!("only {} in this export", mentions(k))
    });
}

/// Marks `metric` thin when its denominator is below `floor` (a null metric has none),
/// with the reason `why` writes from that denominator.
fn mark(metric: &mut Metric, floor: f64, why: impl FnOnce(u64) -> String) {
    if let Some(den) = metric.den.filter(|&den| den < floor) {
        *metric = thin(metric, &why(den.round() as u64), floor);
    }
}

/// `metric` marked thin with "`why` (at least `floor` needed)".
fn thin(metric: &Metric, why: &str, floor: f64) -> Metric {
    metric
        .clone()
        .thinned(&format!("{why} (at least {floor} needed)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metrics(den: f64) -> Metrics {
        Metrics::every(Metric::ratio(den / 2.0, den, "none"))
    }

    #[test]
    fn each_floor_is_where_the_table_puts_it() {
        let mut m = metrics(4.0);
        apply(&mut m, 4);
        for thin in [
            &m.host_share,
            &m.centralization,
            &m.in_centralization,
            &m.out_centralization,
            &m.resilience,
            &m.peer_reply_share,
            &m.member_initiated_share,
            &m.reciprocity,
            &m.peer_answer_share,
            &m.connect_share,
        ] {
            assert!(thin.thin, "{thin:?}");
            assert_eq!(thin.value, Some(0.5), "a thin measure keeps its value");
        }
        // No floor of their own: density, modularity, isolates, activity; continuation is
        // null below its floor instead.
        assert!(!m.density.thin && !m.active_share.thin && !m.continuation.thin);
        assert_eq!(
            m.member_initiated_share.reason.as_deref(),
            Some("only 4 conversations drew an answer (at least 5 needed)")
        );
        assert_eq!(
            m.peer_reply_share.reason.as_deref(),
            Some("only 4 replies in this export (at least 20 needed)")
        );
        assert_eq!(
            m.centralization.reason.as_deref(),
            Some("only 4 people took part (at least 5 needed)")
        );
    }

    #[test]
    fn at_the_floor_a_measure_counts() {
        let mut m = metrics(5.0);
        apply(&mut m, 5);
        assert!(!m.member_initiated_share.thin && !m.resilience.thin);
        assert!(!m.peer_answer_share.thin && !m.centralization.thin);
        assert!(m.reciprocity.thin && m.peer_reply_share.thin);
        let mut m = metrics(10.0);
        apply(&mut m, 5);
        assert!(!m.reciprocity.thin && m.host_share.thin);
        let mut m = metrics(20.0);
        apply(&mut m, 5);
        assert!(!m.host_share.thin && !m.peer_reply_share.thin && !m.connect_share.thin);
        assert_eq!(m.host_share.reason, None);
    }

    #[test]
    fn a_single_item_reads_in_the_singular() {
        let mut m = metrics(1.0);
        apply(&mut m, 9);
        assert_eq!(
            m.peer_reply_share.reason.as_deref(),
            Some("only 1 reply in this export (at least 20 needed)")
        );
        assert_eq!(
            m.member_initiated_share.reason.as_deref(),
            Some("only 1 conversation drew an answer (at least 5 needed)")
        );
    }
}
