//! The Matrix reader on small rooms written for each rule.

use super::*;
use crate::model::MessageKind;

fn load(text: &str) -> Result<Dataset, ImportError> {
    let mut d = Dataset::default();
    read("room.json", text.as_bytes(), &mut d).map(|()| d)
}

fn export(events: &str) -> String {
    format!(
        r#"{{"room_name":"Lobby","room_creator":"Ann","topic":"t","export_date":"06/12/2026",
        "exported_by":"Bo","messages":[{events}]}}"#
    )
}

/// A text message `id` by `sender` at second `s`, with extra content fields `more`.
fn said(id: &str, sender: &str, s: u64, body: &str, more: &str) -> String {
    format!(
        r#"{{"type":"m.room.message","sender":"{sender}","origin_server_ts":{ms},
        "event_id":"{id}","room_id":"!r:x.org","content":{{"msgtype":"m.text",
        "body":"{body}"{more}}},"unsigned":{{"age":5}}}}"#,
        ms = 1_700_000_000_000 + s * 1000
    )
}

const ANN: &str = "@ann:x.org";
const BO: &str = "@bo:x.org";
const CY: &str = "@cy:x.org";

#[test]
fn replies_drop_their_fallback_and_edits_fold_in() {
    let events = [
        said("$1", ANN, 1, "is it Friday?", ""),
        said(
            "$2",
            BO,
            2,
            r"> <@ann:x.org> is it Friday?\n\nyes",
            r#","m.relates_to":{"m.in_reply_to":{"event_id":"$1"}}"#,
        ),
        said(
            "$3",
            BO,
            3,
            "* yes, at noon",
            r#","m.new_content":{"msgtype":"m.text","body":"yes, at noon",
            "m.mentions":{"user_ids":["@cy:x.org"]}},
            "m.relates_to":{"rel_type":"m.replace","event_id":"$2"}"#,
        ),
        // An edit by someone else is ignored, as clients do.
        said(
            "$4",
            CY,
            4,
            "* hijack?",
            r#","m.new_content":{"body":"hijack?"},
            "m.relates_to":{"rel_type":"m.replace","event_id":"$1"}"#,
        ),
    ]
    .join(",");
    let d = load(&export(&events)).unwrap_or_default();
    assert_eq!(d.messages.len(), 2, "the edits are no messages");
    let reply = &d.messages[1];
    assert_eq!(reply.kind, MessageKind::Reply);
    assert_eq!(reply.parent.as_deref(), Some("$1"));
    assert_eq!(reply.text_len, 12, "the edit's text: \"yes, at noon\"");
    assert!(!reply.is_question, "the quoted question is not asked again");
    assert_eq!(reply.mentions.len(), 1, "the edit's mention");
    assert_eq!(
        d.messages[0].text_len, 13,
        "an edit by another sender is ignored"
    );
    assert_eq!(d.files[0].messages, 2);
    assert_eq!(d.files[0].space, "Lobby");
}

#[test]
fn threads_answer_the_root_unless_a_real_reply_is_named() {
    let events = [
        said("$root", ANN, 1, "thread", ""),
        said(
            "$a",
            BO,
            2,
            "one",
            r#","m.relates_to":{"rel_type":"m.thread","event_id":"$root",
            "is_falling_back":true,"m.in_reply_to":{"event_id":"$root"}}"#,
        ),
        said(
            "$b",
            CY,
            3,
            "two",
            r#","m.relates_to":{"rel_type":"m.thread","event_id":"$root",
            "is_falling_back":true,"m.in_reply_to":{"event_id":"$a"}}"#,
        ),
        said(
            "$c",
            ANN,
            4,
            r"> <@cy:x.org> two\n\nthree",
            r#","m.relates_to":{"rel_type":"m.thread",
            "event_id":"$root","is_falling_back":false,"m.in_reply_to":{"event_id":"$b"}}"#,
        ),
    ]
    .join(",");
    let d = load(&export(&events)).unwrap_or_default();
    let m = &d.messages;
    assert_eq!(m.len(), 4);
    assert_eq!(
        (m[1].parent.as_deref(), m[1].thread_root.as_deref()),
        (None, Some("$root"))
    );
    assert_eq!(
        m[2].parent.as_deref(),
        None,
        "a falling-back reply is no reply"
    );
    assert_eq!(m[3].parent.as_deref(), Some("$b"));
    assert_eq!(m[3].text_len, 5);
}

#[test]
fn state_notices_redactions_and_undecryptable_events() {
    let events = [
        r#"{"type":"m.room.create","sender":"@ann:x.org","state_key":"","origin_server_ts":1,
          "event_id":"$c","content":{"room_version":"10","creator":"@ann:x.org"}}"#
            .to_string(),
        r#"{"type":"m.room.member","sender":"@bo:x.org","state_key":"@bo:x.org",
          "origin_server_ts":2,"event_id":"$m","content":{"membership":"join",
          "displayname":"Bo Brown","avatar_url":null}}"#
            .to_string(),
        r#"{"type":"m.room.power_levels","sender":"@ann:x.org","state_key":"",
          "origin_server_ts":3,"event_id":"$p","content":{"users":{"@ann:x.org":100},
          "name":{"odd":true},"body":7}}"#
            .to_string(),
        said("$n", BO, 4, "build passed", r#","msgtype":"m.notice""#)
            .replace(r#""msgtype":"m.text","#, ""),
        r#"{"type":"m.room.message","sender":"@cy:x.org","origin_server_ts":5,"event_id":"$gone",
          "content":{},"unsigned":{"redacted_because":{"type":"m.room.redaction"}}}"#
            .to_string(),
        said(
            "$r",
            BO,
            6,
            r"> <@cy:x.org> ...\n\nno",
            r#","m.relates_to":{"m.in_reply_to":{"event_id":"$gone"}}"#,
        ),
        r#"{"type":"m.room.encrypted","sender":"@cy:x.org","origin_server_ts":7,"event_id":"$e",
          "content":{"algorithm":"m.megolm.v1.aes-sha2","ciphertext":"..."}}"#
            .to_string(),
    ]
    .join(",");
    let d = load(&export(&events)).unwrap_or_default();
    let kinds: Vec<MessageKind> = d.messages.iter().map(|m| m.kind).collect();
    use MessageKind::{Post, Reply, System};
    assert_eq!(kinds, [System, System, System, System, System, Reply, Post]);
    let bo = d.person_with_id(BO).unwrap_or(u32::MAX);
    assert_eq!(d.display(bo), "Bo Brown");
    let ann = d.person_with_id(ANN).unwrap_or(u32::MAX);
    assert_eq!(d.host_hints, [ann], "the creator is a host hint");
    assert_eq!(d.messages[6].text_len, 0);
    assert!(d
        .warnings
        .iter()
        .any(|w| w.contains(": 1 deleted (redacted)")));
    assert!(d
        .warnings
        .iter()
        .any(|w| w.contains(": 1 message the exporter could not decrypt")));
}

#[test]
fn mentions_come_from_the_list_and_from_links() {
    let more = r#","format":"org.matrix.custom.html","formatted_body":"<a href=\"https://matrix.to/#/%40cy%3Ax.org\">Cy</a> and <a href=\"https://matrix.to/#/@bo:x.org\">Bo</a>","m.mentions":{"user_ids":["@bo:x.org","not an id"]}"#;
    let d = load(&export(&said("$1", ANN, 1, "Cy and Bo", more))).unwrap_or_default();
    let named: Vec<&str> = d.messages[0].mentions.iter().map(|&p| d.id_of(p)).collect();
    assert_eq!(named, [BO, CY], "each once, the list first");
}

#[test]
fn pages_of_the_api_and_lists_of_events_are_read_with_reactions() {
    let reaction = |id: &str, sender: &str, key: &str| {
        format!(
            r#"{{"type":"m.reaction","sender":"{sender}","origin_server_ts":1700000009000,
            "event_id":"{id}","content":{{"m.relates_to":{{"rel_type":"m.annotation",
            "event_id":"$1","key":"{key}"}}}}}}"#
        )
    };
    let chunk = [
        reaction("$x", BO, "👍"),
        reaction("$y", CY, "👍"),
        reaction("$z", CY, "👍"),
        reaction("$w", BO, "🎉"),
        said("$1", ANN, 1, "hello", ""),
    ]
    .join(",");
    let page = format!(
        r#"{{"chunk":[{chunk}],"start":"t1","end":"t2","state":[
        {{"type":"m.room.member","sender":"@ann:x.org","state_key":"@ann:x.org",
        "origin_server_ts":0,"event_id":"$s","content":{{"membership":"join","displayname":"Ann"}}}}]}}"#
    );
    assert!(detect("page.json", page.as_bytes()));
    let d = load(&page).unwrap_or_default();
    assert_eq!(d.messages.len(), 1);
    let counts: Vec<(&str, u32)> = d.messages[0]
        .reactions
        .iter()
        .map(|r| (r.emoji.as_str(), r.count))
        .collect();
    assert_eq!(counts, [("👍", 2), ("🎉", 1)], "Cy's repeat counts once");
    assert_eq!(d.display(d.messages[0].author), "Ann");
    assert_eq!(d.files[0].space, "!r:x.org");
    let list = format!("[{page},{page}]");
    assert!(detect("archive.json", list.as_bytes()));
    let d = load(&list).unwrap_or_default();
    assert_eq!(d.messages.len(), 1, "the same event twice merges");
    let bare = format!("[{}]", said("$1", ANN, 1, "hello", ""));
    assert!(detect("events.json", bare.as_bytes()));
    assert_eq!(load(&bare).map(|d| d.messages.len()).ok(), Some(1));
}

#[test]
fn errors_name_the_file_and_the_event() {
    let err = |text: &str| load(text).err().map(|e| e.to_string()).unwrap_or_default();
    let no_sender = export(
        r#"{"type":"m.room.message","origin_server_ts":1,"event_id":"$9",
        "content":{"body":"x","msgtype":"m.text"}}"#,
    );
    assert_eq!(err(&no_sender), "room.json: event 1 (id $9): no sender");
    let no_time = export(&said("$1", ANN, 1, "x", "").replace("\"origin_server_ts\"", "\"ts\""));
    assert!(err(&no_time).starts_with("room.json: event 1 (id $1): no origin_server_ts"));
    let cut = export(&said("$1", ANN, 1, "x", ""));
    let cut = cut.get(..cut.len() - 20).unwrap_or("");
    assert!(err(cut).starts_with("room.json: line "), "{}", err(cut));
    assert!(err(r#"{"room_name":"x"}"#).starts_with("room.json: this JSON holds no Matrix events"));
    let bad_ts = export(&said("$1", ANN, 1, "x", "").replace("1700000001000", "\"soon\""));
    assert!(
        err(&bad_ts).starts_with("room.json: line 2, column"),
        "{}",
        err(&bad_ts)
    );
}

#[test]
fn detection() {
    assert!(detect("r.json", export("").as_bytes()));
    assert!(detect(
        "r.json",
        b"\xEF\xBB\xBF{\n  \"room_name\": \"A\",\n  \"room_creator\": \"B\",\n  \"messages\": []\n}"
    ));
    assert!(!detect(
        "x",
        b"{\"guild\":{},\"channel\":{},\"messages\":[]}"
    ));
    assert!(!detect(
        "x",
        b"{\"participants\":[{\"name\":\"A\"}],\"messages\":[]}"
    ));
    assert!(!detect("x", b"{\"chunk\":[{\"a\":1}]}"));
    assert!(!detect("x", b"[{\"event_id\":\"1\"}]"));
    assert!(!detect("x", b""));
}

#[test]
fn only_objects_are_events() {
    let err = |text: &str| load(text).err().map(|e| e.to_string()).unwrap_or_default();
    let deep = format!("{}{}", "[".repeat(1000), "]".repeat(1000));
    assert!(
        err(&deep).starts_with("room.json: line 1, column "),
        "{}",
        err(&deep)
    );
    let listed = export(r#"["$1","@ann:x.org",1700000000000,"m.room.message"]"#);
    assert!(
        err(&listed).contains("expected an event (a JSON object)"),
        "{}",
        err(&listed)
    );
}
