//! The one report schema (docs/METRICS.md §9) shared by the CLI's `--json`, the JS API and the UI.
//!
//! Top-level keys are stable and versioned by `schema`. Adding a key is compatible;
//! renaming or removing one bumps the version.

use serde::{Deserialize, Serialize};

use crate::fixed_word::{one_of, FixedWord};
use crate::metric::Metric;
use crate::options::{Goal, Profile};
pub use crate::quoted::Quote;
pub use newcomers::{
    Absence, AbsentPerson, Delay, FirstResponse, Newcomers, Waiting, MOST_WAITING,
};

mod newcomers;

mod trend;
mod verdict;

pub use trend::{Direction, Movement, PeriodCounts, PeriodFunnel, Trend, TrendPeriod};
pub use verdict::{Confidence, Estimate, Evidence, Label, Structure, Unit, Verdict};

/// The schema tag every report carries.
///
/// `/2` added the evidence of docs/METRICS.md §10: `thin` metrics, the `undetermined` label
/// and the verdict's `confidence`, `reason`, `interval`, `replicates`, `estimate`, `unit`
/// and `bands`. `/3` added newcomers, questions and absence (docs/METRICS.md §11):
/// `newcomers`, `first_response` (replacing the two `median_minutes_to_*` metrics),
/// `absence`, and the metrics `newcomer_welcome_share`, `peer_welcome_share` and
/// `unanswered_question_share`. Reports of `/1` and `/2` are still read by `--compare` (as
/// plain JSON).
pub const SCHEMA: &str = "peerscope.report/3";

/// The schema of §10, before §11; kept so readers can name it.
pub const SCHEMA_V2: &str = "peerscope.report/2";

/// The schema before §10; kept so readers can name it.
pub const SCHEMA_V1: &str = "peerscope.report/1";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    #[serde(deserialize_with = "schema_tag")]
    pub schema: FixedWord,
    pub sources: Sources,
    pub counts: Counts,
    pub hosts: Vec<HostInfo>,
    pub profile: Profile,
    pub goal: Goal,
    pub metrics: Metrics,
    pub verdict: Verdict,
    pub structure: Structure,
    pub funnel: Funnel,
    pub spaces: Vec<SpaceReport>,
    pub timeline: Timeline,
    pub checklist: Vec<Step>,
    /// Newcomers, their return and who is waiting (docs/METRICS.md §11).
    pub newcomers: Newcomers,
    /// How long member questions waited for a first reply (docs/METRICS.md §11).
    pub first_response: FirstResponse,
    /// The fewest members who write half of what members say to each other.
    pub absence: Absence,
    /// The score month by month (docs/METRICS.md §11); absent without the interval.
    #[serde(default)]
    pub trend: Option<Trend>,
    /// Members' moves between consecutive eligible periods of the trend.
    #[serde(default)]
    pub movement: Vec<Movement>,
}

/// Where the data came from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Sources {
    /// The format of the files, e.g. `discord`; `mixed` when several formats were loaded.
    pub format: String,
    pub files: Vec<SourceFile>,
    /// Post and reply messages by non-bots, after merging duplicates.
    pub messages: u64,
    /// Replies guessed from timing (formats with no reply data); 0 for Discord.
    pub inferred_replies: u64,
    /// Plain sentences about data that was usable but imperfect.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SourceFile {
    pub name: String,
    pub format: String,
    /// Space (channel, thread, chat) this file holds.
    pub space: String,
    /// Messages read from this file, system messages and duplicates included.
    pub messages: u64,
    /// How its format was decided and how sure that is.
    pub detection: crate::Detection,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Counts {
    pub messages: u64,
    pub participants: u64,
    pub members: u64,
    pub hosts: u64,
    pub bots_excluded: u64,
    /// Counting messages written by placeholders (`[deleted]`, unknown authors): part of
    /// `messages`, but by nobody (docs/METRICS.md §1). 0 in reports older than this field.
    #[serde(default)]
    pub placeholder_messages: u64,
    /// Interactions of the three reply kinds.
    pub replies: u64,
    pub mentions: u64,
    /// Reply and mention interactions: `replies` + `mentions` (what the floors and the
    /// undetermined rule count). 0 in reports older than this field.
    #[serde(default)]
    pub interactions: u64,
    /// Channels, threads and chats holding at least one counting message. 0 in reports
    /// older than this field.
    #[serde(default)]
    pub spaces: u64,
    /// Files read. 0 in reports older than this field.
    #[serde(default)]
    pub files: u64,
    /// Questions by members, asked at least 72 hours before the export's last message,
    /// that got no reply by someone else within 72 hours: the numerator of
    /// `metrics.unanswered_question_share` (docs/METRICS.md §11; before `/3`, questions
    /// with no reply at all). 0 in reports older than this field.
    #[serde(default)]
    pub unanswered_member_questions: u64,
    pub reactions: u64,
    /// Calendar days (UTC) from the first to the last message, inclusive; 0 when empty.
    pub days: u64,
    /// Days of the continuation test (docs/METRICS.md §4) with no message from the host
    /// (or the stand-in when there is none); null when the test could not be made.
    #[serde(default)]
    pub silent_days: Option<u64>,
    /// Days of the same test with a message from the host (or the stand-in); null when
    /// the test could not be made.
    #[serde(default)]
    pub host_days: Option<u64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HostInfo {
    pub id: String,
    pub name: String,
    /// True when peerscope picked this host rather than the user.
    pub detected: bool,
    /// True when the detection was not clear-cut and the user should confirm.
    pub uncertain: bool,
    /// How the host was chosen, in plain words.
    pub how: String,
}

/// Every metric of docs/METRICS.md §3–§4 plus the shape figures.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Metrics {
    pub host_share: Metric,
    pub centralization: Metric,
    pub in_centralization: Metric,
    pub out_centralization: Metric,
    pub resilience: Metric,
    pub peer_reply_share: Metric,
    pub member_initiated_share: Metric,
    pub reciprocity: Metric,
    pub active_share: Metric,
    pub peer_answer_share: Metric,
    pub continuation: Metric,
    pub connect_share: Metric,
    pub density: Metric,
    pub modularity: Metric,
    pub isolate_share: Metric,
    /// Welcomed newcomers / newcomers with 72 hours left in the export (§11).
    pub newcomer_welcome_share: Metric,
    /// Welcomed newcomers whose first welcome came from a member / welcomed newcomers.
    pub peer_welcome_share: Metric,
    /// Member questions with no reply by someone else within 72 hours / member questions
    /// asked at least 72 hours before the export's last message.
    pub unanswered_question_share: Metric,
}

impl Metrics {
    /// Every metric set to `metric`: the start of a partial set (the score's bootstrap
    /// measures only the score's seven) and of tests.
    pub fn every(metric: Metric) -> Metrics {
        Metrics {
            host_share: metric.clone(),
            centralization: metric.clone(),
            in_centralization: metric.clone(),
            out_centralization: metric.clone(),
            resilience: metric.clone(),
            peer_reply_share: metric.clone(),
            member_initiated_share: metric.clone(),
            reciprocity: metric.clone(),
            active_share: metric.clone(),
            peer_answer_share: metric.clone(),
            continuation: metric.clone(),
            connect_share: metric.clone(),
            density: metric.clone(),
            modularity: metric.clone(),
            isolate_share: metric.clone(),
            newcomer_welcome_share: metric.clone(),
            peer_welcome_share: metric.clone(),
            unanswered_question_share: metric,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Funnel {
    /// Everyone in the conversation (`counts.participants`) plus `reactors`.
    pub audience: u64,
    /// People who only reacted: in `audience`, not in `counts.participants`; 0 when the
    /// export records no reactors.
    #[serde(default)]
    pub reactors: u64,
    /// What `audience` counts, in a sentence with its numbers ("150 in the audience: 122
    /// people in the conversation and 28 who only reacted.").
    #[serde(default)]
    pub audience_why: String,
    /// The numbers `audience_why` shows, each with its field.
    #[serde(default)]
    pub audience_quotes: Vec<Quote>,
    pub engaged: u64,
    pub core: u64,
    /// Members whose every reply or mention went to a host (not in `engaged`). 0 in
    /// reports older than this field.
    #[serde(default)]
    pub only_with_hosts: u64,
    pub leaders: Vec<Leader>,
    /// How leaders with equal reply counts were ordered, in a sentence: by exact
    /// betweenness, by betweenness sampled from some members (big networks), or not
    /// needed.
    pub leader_order: String,
    /// Members whose departure would split the member network, most cut off first.
    pub bridges: Vec<Bridge>,
}

/// A member holding parts of the member network together.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Bridge {
    pub id: String,
    pub name: String,
    /// Members who would lose touch with the largest group left without this person.
    pub cuts_off: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Leader {
    pub id: String,
    pub name: String,
    /// Replies this member gave to other members.
    pub peer_replies: u64,
}

/// A channel (thread files fold into their parent channel) with its own score.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SpaceReport {
    pub id: String,
    pub name: String,
    pub messages: u64,
    /// 0–100, unrounded; null when the channel alone is `undetermined`.
    pub score: Option<f64>,
    pub label: Label,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Timeline {
    /// `week` (weeks start on Monday, UTC) or `month` when the span exceeds a year.
    #[serde(deserialize_with = "timeline_bucket")]
    pub bucket: FixedWord,
    pub points: Vec<TimelinePoint>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TimelinePoint {
    /// First day of the bucket, `YYYY-MM-DD`.
    pub start: String,
    pub host_messages: u64,
    pub member_messages: u64,
    pub peer_reply_share: Metric,
    /// Some(n) when only n of the bucket's days (1 ..= 6 of a week, 1 ..= 30 of a month)
    /// lie between the export's first and last message: the first or the last bucket,
    /// whose counts are not a drop. None for a whole bucket, and in older reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial_days: Option<u32>,
}

/// One facilitation step of the checklist (docs/METRICS.md §8).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Step {
    /// `creator`, `startup`, `nonprofit`, or `all` for steps every profile gets.
    pub profile: String,
    pub id: String,
    pub title: String,
    /// Why now, with the group's own numbers.
    pub why: String,
    /// Two or three concrete actions.
    pub how: Vec<String>,
    /// 0–100, one decimal, distinct within a checklist: the size of the gap this step
    /// closes weighed by the evidence behind it (higher = more urgent; docs/METRICS.md §10).
    pub priority: f64,
    pub people: Vec<PersonRef>,
    /// The numbers `why` shows, each with its report field, in order (docs/METRICS.md
    /// §10, "one number everywhere"). Empty in reports older than this field.
    #[serde(default)]
    pub quotes: Vec<Quote>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonRef {
    pub id: String,
    pub name: String,
}

// The report's few fixed words are `&'static str` (so building a report allocates none);
// read back (a report sent from the import worker, see `peerscope_core::report::wire`),
// each must be one of the words the core writes.

fn schema_tag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    one_of(d, &[SCHEMA])
}

fn timeline_bucket<'de, D: serde::Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    one_of(d, &["week", "month"])
}
