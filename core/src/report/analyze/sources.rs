//! The report's `sources`: what was read (the format, each file and how it was
//! recognised, the messages counted) and the warnings a person should see before trusting
//! the numbers (replies to missing messages, deleted accounts, bots, implausible dates).

use crate::graph::interactions::{Conversation, InteractionKind};
use crate::measure::timeline::FILLED_UP_TO_DAYS;
use crate::model::schema::{SourceFile, Sources};
use crate::model::time::{day_string, utc_day};
use crate::model::words::plural;
use crate::model::Dataset;

/// The `sources` block of `data`'s report: its files and formats, the messages counted,
/// the replies inferred in `conv`, and every warning (the importers' first).
pub fn of(data: &Dataset, conv: &Conversation) -> Sources {
    let mut warnings = data.warnings.clone();
    if conv.missing_parents > 0 {
        warnings.push(missing_parents(conv.missing_parents));
    }
    if conv.missing_roots > 0 {
        warnings.push(missing_roots(conv.missing_roots));
    }
    let placeholders = data.placeholder_messages();
    if placeholders > 0 {
        warnings.push(placeholder_messages(placeholders));
    }
    let bots = data.people.iter().filter(|p| p.is_bot).count();
    if bots > 0 {
        warnings.push(format!(
            "{} excluded.",
            plural(bots as u64, "bot account", "bot accounts")
        ));
    }
    // One pass over the messages for the count and the first and last day: each pass
    // over a million messages costs about 20 ms.
    let (counted, span) = data.messages.iter().filter(|m| data.counts(m)).fold(
        (0u64, None::<(i64, i64)>),
        |(n, span), m| {
            if m.time_outlier {
                return (n + 1, span);
            }
            let day = utc_day(m.time_ms);
            let span = span.map_or((day, day), |(a, b)| (a.min(day), b.max(day)));
            (n + 1, Some(span))
        },
    );
    if let Some((first, last)) = span {
        if last - first > FILLED_UP_TO_DAYS {
            warnings.push(too_long_a_span(first, last));
        }
    }
    let mut formats: Vec<&str> = data.files.iter().map(|f| f.format).collect();
    formats.dedup();
    Sources {
        format: if formats.len() == 1 {
            formats.concat()
        } else {
            "mixed".to_string()
        },
        files: data
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| SourceFile {
                name: f.name.clone(),
                format: f.format.to_string(),
                space: f.space.clone(),
                messages: f.messages,
                detection: data.detections.get(i).cloned().unwrap_or_default(),
            })
            .collect(),
        messages: counted,
        inferred_replies: conv
            .interactions
            .iter()
            .filter(|i| i.kind == InteractionKind::InferredReply)
            .count() as u64,
        warnings,
    }
}

/// The warning for `count` (≥ 1) replies whose parent message is not in the export.
fn missing_parents(count: u64) -> String {
    let (what, verb) = if count == 1 {
        ("reply", "points")
    } else {
        ("replies", "point")
    };
    format!(
        "{count} {what} {verb} to messages that are not in the export (deleted, or outside the \
         exported dates); they count as messages but not as replies."
    )
}

/// The warning for `count` (≥ 1) messages written by placeholders (docs/METRICS.md §1).
fn placeholder_messages(count: u64) -> String {
    let (what, verb) = if count == 1 {
        (
            "message by a deleted or unknown account",
            "counts as a message but belongs",
        )
    } else {
        (
            "messages by deleted or unknown accounts",
            "count as messages but belong",
        )
    };
    format!("{count} {what} {verb} to nobody: no person in the graph stands for them.")
}

/// The warning for `count` (≥ 1) thread replies whose thread's first message is missing.
fn missing_roots(count: u64) -> String {
    let (what, verb) = if count == 1 {
        ("thread reply", "belongs")
    } else {
        ("thread replies", "belong")
    };
    format!(
        "{count} {what} {verb} to threads whose first message is not in the export; they \
         count as messages but not as replies."
    )
}

/// The warning for messages spread over more days than the timeline fills in (`first` and
/// `last` are UTC day numbers).
fn too_long_a_span(first: i64, last: i64) -> String {
    format!(
        "The messages run from {} to {}: some dates are probably wrong, so the timeline shows \
         only the months that have messages.",
        day_string(first),
        day_string(last)
    )
}
