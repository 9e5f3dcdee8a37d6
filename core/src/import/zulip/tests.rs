use super::*;
use crate::model::MessageKind;

/// One REST message object: id, sender (id, name, email), minute, stream or people, topic,
/// Markdown content.
fn message(
    id: u64,
    sender: (u64, &str, &str),
    minute: i64,
    to: &str,
    topic: &str,
    text: &str,
) -> String {
    let (sender_id, name, email) = sender;
    let (kind, recipient) = if to.starts_with('[') {
        ("private", to.to_string())
    } else {
        (
            "stream",
            format!("\"{to}\", \"stream_id\": 3, \"recipient_id\": 13"),
        )
    };
    format!(
        r#"{{"id": {id}, "sender_id": {sender_id}, "sender_full_name": "{name}",
        "sender_email": "{email}", "timestamp": {}, "type": "{kind}",
        "display_recipient": {recipient}, "subject": "{topic}",
        "content_type": "text/x-markdown", "content": "{text}"}}"#,
        1_700_000_000 + minute * 60
    )
}

const ANN: (u64, &str, &str) = (8, "Ann Lee", "ann@example.org");
const BO: (u64, &str, &str) = (9, "Bo Park", "bo@example.org");
const HELPER: (u64, &str, &str) = (20, "Helper", "helper-bot@example.org");

fn answer(messages: &[String]) -> Vec<u8> {
    format!(
        r#"{{"result": "success", "msg": "", "messages": [{}]}}"#,
        messages.join(",")
    )
    .into_bytes()
}

fn read_ok(file: &str, bytes: &[u8], d: &mut Dataset) {
    assert!(detect(file, bytes), "{file} is detected");
    if let Err(e) = read(file, bytes, d) {
        panic!("{e}");
    }
}

#[test]
fn markdown_answer_with_a_quote_without_link_or_target() {
    let bytes = answer(&[
        message(1, ANN, 0, "dev", "t", "hi"),
        // Quotes Bo, who has said nothing in this topic: only a mention of him.
        message(
            2,
            ANN,
            1,
            "dev",
            "t",
            "@_**Bo Park|9** [said](https://z/#narrow):\\n```quote\\nx\\n```\\nso?",
        ),
        message(3, HELPER, 2, "dev", "t", "beep"),
    ]);
    let mut d = Dataset::default();
    read_ok("m.json", &bytes, &mut d);
    let second = d.messages.get(1);
    assert_eq!(second.and_then(|m| m.parent.as_deref()), None);
    let bo = d.person_with_id("9");
    assert_eq!(second.map(|m| m.mentions.to_vec()), bo.map(|b| vec![b]));
    assert_eq!(second.map(|m| (m.text_len, m.is_question)), Some((3, true)));
    assert!(d.people.iter().any(|p| p.id == "20" && p.is_bot));
    assert!(d.spaces.iter().all(|s| s.infer_replies));
    let summary = d
        .files
        .first()
        .map(|f| (f.format, f.space.as_str(), f.messages));
    assert_eq!(summary, Some(("zulip", "#dev > t", 3)));
    assert!(d
        .warnings
        .iter()
        .any(|w| w.contains("replies are inferred")));
}

#[test]
fn direct_messages_are_a_conversation_named_after_its_people() {
    let people = r#"[{"id": 8, "full_name": "Ann Lee"}, {"id": 9, "full_name": "Bo Park"}]"#;
    let bytes = answer(&[
        message(1, ANN, 0, people, "", "lunch?"),
        message(2, BO, 1, people, "", "sure"),
    ]);
    let mut d = Dataset::default();
    read_ok("dm.json", &bytes, &mut d);
    let names: Vec<&str> = d.spaces.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["direct: Ann Lee, Bo Park", "direct: Ann Lee, Bo Park"]
    );
    assert_eq!(d.spaces.get(1).map(|s| s.id.as_str()), Some("zulip/dm8,9/"));
}

#[test]
fn one_message_answers_and_archive_lists_read_alike() {
    let one = format!(
        r#"{{"result": "success", "message": {}}}"#,
        message(5, ANN, 0, "dev", "t", "a")
    );
    let list = format!("[{}]", message(5, ANN, 0, "dev", "t", "a"));
    let mut d = Dataset::default();
    read_ok("one.json", one.as_bytes(), &mut d);
    read_ok("topic.json", list.as_bytes(), &mut d);
    assert_eq!(d.messages.len(), 1, "the same message merges");
    assert_eq!(d.files.len(), 2);
}

#[test]
fn notification_bot_posts_notices() {
    let bot = (30, "Notification Bot", "notification-bot@zulip.com");
    let bytes = answer(&[message(1, bot, 0, "dev", "t", "moved")]);
    let mut d = Dataset::default();
    read_ok("m.json", &bytes, &mut d);
    assert_eq!(
        d.messages.first().map(|m| m.kind),
        Some(MessageKind::System)
    );
}

const SHARD: &str = r#"{"zerver_message": [
  {"id": 1, "sender": 8, "recipient": 13, "subject": "t", "date_sent": 1700000000.5,
   "content": "@**Bo Park** hi"},
  {"id": 2, "sender": 9, "recipient": 40, "subject": "", "date_sent": 1700000060,
   "content": "yo"}], "zerver_usermessage": []}"#;

const REALM: &str = r#"{"zerver_realm": [{"id": 1}],
  "zerver_userprofile": [
    {"id": 8, "full_name": "Ann Lee", "email": "a@x", "role": 100, "is_active": true},
    {"id": 9, "full_name": "Bo Park", "email": "b@x", "role": 400, "is_active": false},
    {"id": 7, "full_name": "Owner Bot", "email": "o-bot@x", "role": 100, "is_bot": true}],
  "zerver_stream": [{"id": 3, "name": "dev"}],
  "zerver_recipient": [{"id": 13, "type": 2, "type_id": 3}, {"id": 40, "type": 3, "type_id": 2}]}"#;

#[test]
fn a_shard_before_its_realm_is_named_after() {
    let mut d = Dataset::default();
    read_ok("messages-000001.json", SHARD.as_bytes(), &mut d);
    assert_eq!(
        d.messages.first().map(|m| m.time_ms),
        Some(1_700_000_000_500)
    );
    assert_eq!(d.display(0), "8");
    // Nobody is named Bo Park yet.
    assert_eq!(d.messages.first().map(|m| m.mentions.len()), Some(0));
    assert!(d.warnings.iter().any(|w| w.contains("without realm.json")));
    read_ok("realm.json", REALM.as_bytes(), &mut d);
    assert!(d.warnings.iter().all(|w| !w.contains("without realm.json")));
    let names: Vec<&str> = d.spaces.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["#dev", "#dev > t", "direct group 2", "direct group 2"]
    );
    assert_eq!((d.display(0), d.display(1)), ("Ann Lee", "Bo Park"));
    assert!(d.people.get(1).is_some_and(|p| p.deleted));
    assert_eq!(d.host_hints, vec![0], "the owner; not the bot owner");
    let summary = d.files.last().map(|f| (f.space.as_str(), f.messages));
    assert_eq!(summary, Some(("organisation", 0)));
}

#[test]
fn a_shard_after_its_realm_resolves_names() {
    let mut d = Dataset::default();
    read_ok("realm.json", REALM.as_bytes(), &mut d);
    read_ok("messages-000001.json", SHARD.as_bytes(), &mut d);
    let bo = d.person_with_id("9");
    assert_eq!(
        d.messages.first().map(|m| m.mentions.to_vec()),
        bo.map(|b| vec![b])
    );
    assert!(d.warnings.iter().all(|w| !w.contains("without realm.json")));
    assert_eq!(d.files.last().map(|f| f.space.as_str()), Some("2 topics"));
}

#[test]
fn bad_files_name_the_file_and_position() {
    let err = |file: &str, text: &str| {
        read(file, text.as_bytes(), &mut Dataset::default())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    let shard = "{\"zerver_message\": [\n {\"id\": 1, \"sender\": \"ann\"}]}";
    let e = err("messages-000001.json", shard);
    assert!(
        e.starts_with("messages-000001.json: line 2, column "),
        "{e}"
    );
    let e = err("realm.json", "{\"zerver_userprofile\": [{\"id\": 1}],");
    assert!(e.starts_with("realm.json: line 1, column "), "{e}");
    assert!(e.contains("truncated"), "{e}");
    let e = err("a.json", "{\"a\": 1}");
    assert!(
        e.starts_with("a.json: this JSON object has no \"messages\" list"),
        "{e}"
    );
    let e = err("x.zip", "PK\u{3}\u{4} cut");
    assert!(e.starts_with("x.zip: the zip cannot be opened"), "{e}");
}
