//! What a file's first bytes say it is, without parsing the whole file: a day file, a
//! workspace file (`users.json`, a channel list), or nothing Slack.
//!
//! A day file is known by its first message: a `ts` of Slack's `<digits>.<digits>`
//! shape, with `"type": "message"`, or with `user` or `text` (hand-written and
//! third-party files often drop `type`). A lone message object needs `"type": "message"`
//! as well as the `ts`: an object is what most other exports are.

use super::fields::{has_field, text_of, top_fields, Field};
use super::strip_bom;
use super::ts::is_slack_ts;
use super::FileKind;

/// How much of a file detection reads.
const HEAD: usize = 8192;

/// The first few kilobytes as text, from the first visible character.
pub(super) fn head_text(bytes: &[u8]) -> String {
    let bytes = strip_bom(bytes);
    let head = bytes.get(..bytes.len().min(HEAD)).unwrap_or(bytes);
    String::from_utf8_lossy(head).trim_start().to_string()
}

/// What the head (from [`head_text`]) says the file is, when it says anything Slack: a
/// lone message object, or an array whose first element is a message, a user or a
/// channel.
pub(super) fn content_kind(head: &str) -> Option<FileKind> {
    if head.starts_with('{') {
        return is_lone_message(&top_fields(head)).then_some(FileKind::Day);
    }
    let first = head.strip_prefix('[')?.trim_start();
    if !first.starts_with('{') {
        return None;
    }
    if (has_key(first, "ts") && has_pair(first, "type", "message"))
        || is_listed_message(&top_fields(first))
    {
        Some(FileKind::Day)
    } else if has_key(first, "is_bot") && has_key(first, "profile") {
        Some(FileKind::Users)
    } else if has_key(first, "id") && has_key(first, "created") && is_channel_like(first) {
        Some(FileKind::Channels)
    } else {
        None
    }
}

/// The first element of an array is a message: a Slack `ts` with `user` or `text`.
fn is_listed_message(fields: &[Field]) -> bool {
    text_of(fields, "ts").is_some_and(is_slack_ts)
        && (has_field(fields, "user") || has_field(fields, "text"))
}

/// A lone object is a message: `"type": "message"` and a Slack `ts`.
fn is_lone_message(fields: &[Field]) -> bool {
    text_of(fields, "type") == Some("message") && text_of(fields, "ts").is_some_and(is_slack_ts)
}

/// The keys only a channel list's entries have, one of them at least.
fn is_channel_like(first: &str) -> bool {
    [
        "members",
        "is_channel",
        "is_mpim",
        "is_im",
        "name_normalized",
    ]
    .iter()
    .any(|k| has_key(first, k))
}

/// The text holds `"key"` followed by a colon.
fn has_key(text: &str, key: &str) -> bool {
    let quoted = format!("\"{key}\"");
    text.match_indices(&quoted).any(|(at, _)| {
        text.get(at + quoted.len()..)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// The text holds `"key": "value"`, with any spacing.
fn has_pair(text: &str, key: &str, value: &str) -> bool {
    let quoted = format!("\"{key}\"");
    let wanted = format!("\"{value}\"");
    text.match_indices(&quoted).any(|(at, _)| {
        text.get(at + quoted.len()..)
            .and_then(|rest| rest.trim_start().strip_prefix(':'))
            .is_some_and(|rest| rest.trim_start().starts_with(&wanted))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<FileKind> {
        content_kind(&head_text(text.as_bytes()))
    }

    #[test]
    fn messages_with_and_without_type() {
        let day = Some(FileKind::Day);
        assert_eq!(kind(r#"[{"type": "message", "ts": "x"}]"#), day);
        assert_eq!(kind(r#"[{"user": "U1", "ts": "1434139102.000002"}]"#), day);
        assert_eq!(kind(r#" [ {"ts": "1.2", "text": ""} ]"#), day);
        assert_eq!(
            kind("\u{feff}{\"ts\": \"1.2\", \"type\": \"message\"}"),
            day
        );
    }

    #[test]
    fn look_alikes_are_not_messages() {
        for text in [
            r#"[{"ts": "1.2"}]"#,
            r#"[{"ts": 1.2, "user": "U1"}]"#,
            r#"[{"ts": "2024-03-01", "text": "x"}]"#,
            r#"[{"data": {"ts": "1.2", "text": "x"}}]"#,
            r#"[{"id": 1}, {"ts": "1.2", "text": "x"}]"#,
            r#"{"ts": "1.2", "user": "U1", "text": "no type"}"#,
            r#"{"type": "message", "ts": "soon"}"#,
            concat!(
                r#"{"name": "Chat", "type": "private_group", "#,
                r#""messages": [{"type": "message", "ts": "1.2"}]}"#
            ),
            r#"{"messages": [{"type": "message", "ts": "1.2", "text": "x"}]}"#,
        ] {
            assert_eq!(kind(text), None, "{text}");
        }
    }
}
