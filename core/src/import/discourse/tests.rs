use super::*;
use crate::model::MessageKind;

// concat! only to keep each line of the fixture short.
const TOPIC: &str = concat!(
    r#"{"post_stream":{"posts":[
  {"id":500,"username":"Ann","name":"Ann Lee","user_id":1,"created_at":"2024-01-01T10:00:00.000Z",
   "post_number":1,"post_type":1,"reply_to_post_number":null,"topic_id":9,
   "cooked":"<p>Which &amp; why?</p>","actions_summary":[{"id":2,"count":3},{"id":3,"count":1}],
   "admin":true,"moderator":false,"staff":true},
  {"id":501,"username":"system","user_id":-1,"created_at":"2024-01-01T10:01:00Z","post_number":2,
   "post_type":3,"action_code":"closed.enabled","topic_id":9,"cooked":""},
  {"id":502,"username":"bo","name":null,"user_id":2,"created_at":"2024-01-01T10:02:00Z",
   "post_number":3,"post_type":1,"reply_to_post_number":null,"topic_id":9,
   "cooked":"<p>Ask <a class=\"mention\" href=\"/u/cy\">@cy</a> and "#,
    r#"<a class=\"mention\" href=\"/u/cy\">@cy</a> "#,
    r#"<a class=\"mention-group\" href=\"/g/team\">@team</a></p>"},
  {"id":503,"username":"cy","user_id":3,"created_at":"2024-01-01T10:03:00Z","post_number":4,
   "reply_to_post_number":3,"topic_id":9,"cooked":"<p>ok</p>",
   "reactions":[{"id":"heart","type":"emoji","count":2}],"actions_summary":[{"id":2,"count":2}]}
],"stream":[500,501,502,503,504]},"id":9,"title":"Hello"}"#
);

fn load(text: &str) -> Result<Dataset, ImportError> {
    let mut d = Dataset::default();
    read("t.json", text.as_bytes(), &mut d).map(|()| d)
}

#[test]
fn reads_posts_replies_mentions_and_likes() {
    let d = load(TOPIC).unwrap_or_default();
    let m = &d.messages;
    assert_eq!(m.len(), 4);
    assert_eq!(m[0].id, "9/1");
    assert_eq!(m[0].kind, MessageKind::Post);
    assert_eq!(
        (m[0].text_len, m[0].is_question),
        (12, true),
        "Which & why?"
    );
    assert_eq!(m[0].reactions.len(), 1, "flags are not reactions");
    assert_eq!(m[0].reactions[0].count, 3);
    assert_eq!(m[1].kind, MessageKind::System);
    assert!(d.is_bot(m[1].author));
    assert_eq!(m[2].thread_root.as_deref(), Some("9/1"), "reply to topic");
    assert_eq!(m[2].parent, None);
    assert_eq!(m[2].mentions.len(), 1, "cy once, the group not at all");
    assert_eq!(m[3].parent.as_deref(), Some("9/3"));
    assert_eq!(m[3].thread_root, None);
    assert_eq!(
        m[3].reactions.len(),
        1,
        "the plugin's heart already holds the likes"
    );
    assert_eq!(d.display(m[0].author), "Ann Lee");
    assert_eq!(d.display(m[2].author), "bo");
    assert_eq!(d.host_hints, vec![m[0].author], "staff, not the system bot");
    assert_eq!(d.spaces[0].name, "Hello");
    assert!(d.warnings[0].contains("1 post of the topic not in this file"));
}

#[test]
fn later_page_of_a_topic_resolves_against_the_first() {
    let page = r#"{"post_stream":{"posts":[{"id":900,"username":"dee",
     "created_at":"2024-01-02T00:00:00Z",
      "post_number":21,"reply_to_post_number":3}]},"id":9}"#;
    let mut d = Dataset::default();
    assert!(read("a.json", TOPIC.as_bytes(), &mut d).is_ok());
    assert!(read("b.json", page.as_bytes(), &mut d).is_ok());
    let last = d.messages.last().map(|m| (m.space, m.parent.clone()));
    assert_eq!(last, Some((0, Some("9/3".into()))));
    assert_eq!(d.spaces.len(), 1);
}

#[test]
fn auxiliary_lists_are_refused_clearly() {
    let likers = r#"{"post_action_users":[{"id":1,"username":"x"}]}"#;
    assert!(detect("x.json", likers.as_bytes()));
    let err = load(likers)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("t.json: this is a Discourse list of who liked"),
        "{err}"
    );
    let err = load("{}").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("expected a Discourse topic"), "{err}");
}

#[test]
fn errors_name_position_or_post() {
    let err = load(TOPIC.get(..200).unwrap_or(""))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.starts_with("t.json: line "), "{err}");
    let bad = TOPIC.replace("2024-01-01T10:02:00Z", "later");
    let err = load(&bad).err().map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(
        err,
        "t.json: post 3 (id 502): the created_at \"later\" is not a date"
    );
    let orphan = r#"{"latest_posts":[{"id":1,"username":"a","created_at":"2024-01-01T00:00:00Z",
     "post_number":1}]}"#;
    let err = load(orphan)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("post 1 (id 1): no topic_id"), "{err}");
}

#[test]
fn detection() {
    assert!(detect("t.json", TOPIC.as_bytes()));
    assert!(detect("p.json", b"\xEF\xBB\xBF{\"latest_posts\":[]}"));
    assert!(!detect(
        "d.json",
        br#"{"guild":{},"channel":{},"messages":[]}"#
    ));
    assert!(!detect("r.json", br#"[{"kind":"Listing","data":{}}]"#));
}

#[test]
fn a_raw_field_of_another_shape_is_ignored() {
    let topic = TOPIC
        .replace(r#""cooked":""}"#, r#""cooked":"","raw":"four"}"#)
        .replace(r#""cooked":"<p>ok</p>","#, r#""raw":["an","array"],"#);
    let d = load(&topic).map_err(|e| e.to_string()).unwrap();
    assert_eq!(d.messages.len(), 4, "the topic is read");
    assert_eq!(d.messages[1].text_len, 4, "a raw string is still the text");
    assert_eq!(d.messages[3].text_len, 0, "an array is no text");
}
