//! What a file is, from its name and first bytes: a REST answer, an export shard,
//! `realm.json`, another file of the export, a topic archive's index, or the export's
//! `.tar.gz`.

/// How much of a file detection looks at.
const HEAD: usize = 8192;

/// What a Zulip file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FileKind {
    /// `GET /api/v1/messages` (or one message's answer), or a bare list of messages.
    Rest,
    /// `messages-NNNNNN.json` of the organisation export.
    Shard,
    /// `realm.json`: people, streams and recipients.
    Realm,
    /// Another table file of the export (`attachment.json`, `analytics.json`): no messages.
    Ignored,
    /// A topic archive's index (zulip-archive's `stream_index.json`): no messages.
    ArchiveIndex,
    /// The export as Zulip packs it, `zulip-export-….tar.gz`.
    TarGz,
}

/// The file's name without its folders.
pub(super) fn base_name(file: &str) -> &str {
    file.rsplit(['/', '\\']).next().unwrap_or(file)
}

/// True for `messages-` digits `.json`, the export's shard names.
pub(super) fn is_shard_name(base: &str) -> bool {
    base.strip_prefix("messages-")
        .and_then(|rest| rest.strip_suffix(".json"))
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// The kind of a file that is not a zip, or `None` when it is no Zulip file.
pub(super) fn kind(name: &str, bytes: &[u8]) -> Option<FileKind> {
    let base = base_name(name);
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let zulip = base.to_ascii_lowercase().contains("zulip");
        return zulip.then_some(FileKind::TarGz);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = bytes.get(..bytes.len().min(HEAD)).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head);
    let trimmed = head.trim_start();
    let object = trimmed.starts_with('{');
    if !object && !trimmed.starts_with('[') {
        return None;
    }
    let has = |key: &str| head.contains(&format!("\"{key}\""));
    if object && (has("zerver_message") || (is_shard_name(base) && has("zerver_usermessage"))) {
        return Some(FileKind::Shard);
    }
    if object && (has("zerver_userprofile") || (base == "realm.json" && has("zerver_realm"))) {
        return Some(FileKind::Realm);
    }
    if object && (base == "realm.json" || head.contains("\"zerver_")) {
        // Sorted keys put realm.json's people far past the head: its name decides.
        return Some(if base == "realm.json" {
            FileKind::Realm
        } else {
            FileKind::Ignored
        });
    }
    if object && has("topic_data") {
        return Some(FileKind::ArchiveIndex);
    }
    let message = has("sender_full_name") && (has("display_recipient") || has("subject"));
    let answer = object && (has("found_anchor") || has("found_newest")) && has("messages");
    (message || answer).then_some(FileKind::Rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_head_and_name() {
        let rest = br#"{"result":"success","messages":[{"id":1,"sender_full_name":"A",
            "display_recipient":"dev","subject":"t"}]}"#;
        assert_eq!(kind("m.json", rest), Some(FileKind::Rest));
        let listed = br#"[{"id":1,"sender_full_name":"A","subject":"t"}]"#;
        assert_eq!(kind("t.json", listed), Some(FileKind::Rest));
        let empty = br#"{"found_anchor":false,"found_newest":true,"messages":[]}"#;
        assert_eq!(kind("m.json", empty), Some(FileKind::Rest));
        let shard = br#"{"zerver_message":[],"zerver_usermessage":[]}"#;
        assert_eq!(kind("x/messages-000001.json", shard), Some(FileKind::Shard));
        let realm = br#"{"zerver_client":[],"zerver_realm":[{"id":1}]}"#;
        assert_eq!(kind("realm.json", realm), Some(FileKind::Realm));
        assert_eq!(kind("other.json", realm), Some(FileKind::Ignored));
        let index = br#"{"streams":{"dev":{"id":3,"topic_data":{}}},"time":1}"#;
        assert_eq!(
            kind("stream_index.json", index),
            Some(FileKind::ArchiveIndex)
        );
        let gz = [0x1f, 0x8b, 8, 0];
        assert_eq!(kind("zulip-export-abc.tar.gz", &gz), Some(FileKind::TarGz));
        assert_eq!(kind("photos.tar.gz", &gz), None);
    }

    #[test]
    fn other_json_is_not_zulip() {
        assert_eq!(
            kind("a.json", br#"{"messages":[{"id":"1","author":{}}]}"#),
            None
        );
        assert_eq!(kind("a.json", br#"[{"subject":"x"}]"#), None);
        assert_eq!(kind("a.txt", b"sender_full_name subject"), None);
        assert!(is_shard_name("messages-000012.json"));
        assert!(!is_shard_name("messages-.json"));
        assert!(!is_shard_name("messages-1a.json"));
    }
}
