//! The verdict's part of the report (docs/METRICS.md §5, §6 and §10): the label, how sure
//! it is, the interval's estimate and unit, the evidence and the network's structure.

use serde::{Deserialize, Serialize};

use crate::quoted::Quote;

/// What the group is. `undetermined` when the export holds too little conversation to
/// say (docs/METRICS.md §10); then the score is null.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    Audience,
    Emerging,
    Community,
    Undetermined,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Audience => "audience",
            Label::Emerging => "emerging",
            Label::Community => "community",
            Label::Undetermined => "undetermined",
        }
    }
}

/// How sure the label is.
///
/// For now every determined verdict is `tentative`: `confident` needs the score's
/// interval (both rounded ends inside the label's band), which a later version computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Confident,
    Tentative,
    Undetermined,
}

/// How the interval's replicates were computed: on every unit (`full`) or, past a size,
/// with the structural measures on a sample of units (`sampled`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Estimate {
    Full,
    Sampled,
}

/// What the interval's bootstrap resamples: UTC days, or conversations (a top-level
/// message with everything that answers it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Day,
    Conversation,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Verdict {
    /// Decided on the score rounded half away from zero, so the label always matches the
    /// score as shown.
    pub label: Label,
    /// 0–100, unrounded (show it rounded half away from zero); null when `undetermined`.
    pub score: Option<f64>,
    /// `undetermined` with the label of that name; otherwise `tentative` until the
    /// interval is computed (then `confident` or `tentative`).
    pub confidence: Confidence,
    /// Why the label is undetermined, one sentence with the numbers; null otherwise.
    pub reason: Option<String>,
    /// The score's 90% interval `[low, high]`; null until the bootstrap is computed (not
    /// yet in this version) and whenever the label is undetermined.
    pub interval: Option<[f64; 2]>,
    /// Bootstrap replicates behind `interval`; 0 while there is no interval.
    pub replicates: u32,
    /// `full` or `sampled`; null while there is no interval.
    pub estimate: Option<Estimate>,
    /// `day` or `conversation`: what the bootstrap resamples; null while there is no
    /// interval.
    pub unit: Option<Unit>,
    /// The labels the interval touches, lowest first; empty while there is no interval.
    pub bands: Vec<Label>,
    /// The answer in one plain sentence.
    pub headline: String,
    /// The numbers `headline` shows, each with its field (docs/METRICS.md §10); empty when
    /// it quotes none (and in reports written before quotes existed).
    #[serde(default)]
    pub headline_quotes: Vec<Quote>,
    /// One sentence reconciling the label with the network type where the two seem to
    /// disagree (a community shaped like a help desk, an audience in a tight crowd);
    /// null when they agree or the type is unknown. It quotes no number.
    #[serde(default)]
    pub reconcile: Option<String>,
    /// The "remove the host" test in one sentence (what the page shows beside its switch),
    /// or why it cannot be made; empty in reports written before it existed.
    #[serde(default)]
    pub step_away: String,
    /// The numbers `step_away` shows, each with its field.
    #[serde(default)]
    pub step_away_quotes: Vec<Quote>,
    /// The answer read against the user's goal (reach or connection).
    pub framing: String,
    /// One sentence per score component, those pulling towards *audience* first.
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Evidence {
    /// The metric key in `metrics`.
    pub metric: String,
    /// The component's value in 0..=1 as it enters the score (higher = more community).
    pub value: f64,
    pub weight: f64,
    /// "audience" when the component is below the community line (0.6), else "community".
    pub leans: Label,
    pub sentence: String,
    /// The numbers `sentence` shows, each with its field.
    #[serde(default)]
    pub quotes: Vec<Quote>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Structure {
    /// One of the six network types of docs/METRICS.md §6, or null until it can be classified.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub why: String,
    /// The numbers `why` shows, each with its field.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Sizes of the Louvain communities among participants with at least one tie, largest
    /// first (what `polarized` and `community_clusters` are decided on); empty when
    /// nobody has a tie.
    #[serde(default)]
    pub groups: Vec<u64>,
}
