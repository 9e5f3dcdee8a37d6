//! The report's figures of newcomers, questions and absence (docs/METRICS.md §11): who
//! arrives, whether anyone answers them, how fast questions are answered, and how few
//! members carry the conversation between members.

use serde::{Deserialize, Serialize};

use crate::metric::Metric;

/// Newcomers: members whose first counting message falls on the export's 15th UTC day or
/// later (docs/METRICS.md §11). Their welcome shares are in `metrics`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Newcomers {
    /// Newcomers in the export, whatever the time left after their first message.
    pub count: u64,
    /// Newcomers with 72 hours left in the export whom nobody answered or mentioned in
    /// those 72 hours: `metrics.newcomer_welcome_share`'s denominator minus its numerator.
    pub unwelcomed: u64,
    /// Welcomed newcomers (of those with 30 days left in the export) who wrote again on a
    /// later UTC day within 30 days of their first message / those welcomed newcomers.
    /// Thin below 10 in the denominator; null when there are none.
    pub return_welcomed: Metric,
    /// The same for newcomers who were not welcomed.
    pub return_unwelcomed: Metric,
    /// Newcomers nobody has answered or mentioned yet, most recent first (at most
    /// [`MOST_WAITING`]); people no one can reach (deleted accounts) are left out.
    pub waiting: Vec<Waiting>,
    /// All newcomers nobody has answered or mentioned yet, those named in `waiting`
    /// included.
    pub waiting_count: u64,
}

/// Most newcomers named in `newcomers.waiting`.
pub const MOST_WAITING: usize = 20;

/// A newcomer still waiting for anyone's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waiting {
    pub id: String,
    pub name: String,
    /// The UTC day of their first message, `YYYY-MM-DD`.
    pub since: String,
}

/// How long member questions waited for their first reply by someone else, in minutes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FirstResponse {
    /// The first reply by anyone else.
    pub all: Delay,
    /// The first reply by a host.
    pub hosts: Delay,
    /// The first reply by a member other than the asker.
    pub members: Delay,
}

/// Nearest-rank percentiles of waiting times in minutes over `count` answered questions;
/// both null when `count` is 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Delay {
    pub p50: Option<f64>,
    pub p90: Option<f64>,
    pub count: u64,
}

/// The absence factor: the fewest members who together wrote at least half of the
/// replies and mentions from one member to another.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Absence {
    /// How many members `people` holds; null when members never replied to or mentioned
    /// each other.
    pub factor: Option<u64>,
    /// Those members, the most writing first.
    pub people: Vec<AbsentPerson>,
    /// Member→member replies and mentions: the whole the shares are of.
    pub interactions: u64,
    /// Members who wrote at least one of those.
    pub writers: u64,
}

/// One member of the absence factor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AbsentPerson {
    pub id: String,
    pub name: String,
    /// 0..=1: their share of member→member replies and mentions.
    pub share: f64,
}
