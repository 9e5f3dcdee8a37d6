use super::*;
use crate::model::MessageKind;

const PAGE: &str = r#"[{"kind":"Listing","data":{"children":[{"kind":"t3","data":{
    "id":"p1","name":"t3_p1","author":"Olive","title":"Which pan?","selftext":"",
    "created_utc":1700000000.0}}]}},
  {"kind":"Listing","data":{"children":[
    {"kind":"t1","data":{"id":"c1","author":"Ben","parent_id":"t3_p1","link_id":"t3_p1",
      "created_utc":1700000060,"body":"cast iron, ask /u/olive or u/Cara\\_M",
       "replies":{"kind":"Listing",
      "data":{"children":[
        {"kind":"t1","data":{"id":"c2","author":"[deleted]","parent_id":"t1_c1","link_id":"t3_p1",
          "created_utc":1700000120.5,"body":"[deleted]","replies":""}},
        {"kind":"more","data":{"count":3,"children":["c9"],"id":"c9","parent_id":"t1_c1"}},
        {"kind":"more","data":{"count":0,"children":[],"id":"_","parent_id":"t1_c1"}}]}}}},
    {"kind":"t1","data":{"id":"c3","author":"AutoModerator","parent_id":"t3_p1","link_id":"t3_p1",
      "created_utc":1700000000,"body":"Rules","replies":""}}]}}]"#;

fn load(text: &str) -> Result<Dataset, ImportError> {
    let mut d = Dataset::default();
    read("r.json", text.as_bytes(), &mut d).map(|()| d)
}

#[test]
fn reads_the_tree_parents_mentions_and_stubs() {
    let d = load(PAGE).unwrap_or_default();
    let m = &d.messages;
    assert_eq!(m.len(), 4);
    assert_eq!((m[0].id.as_str(), m[0].kind), ("p1", MessageKind::Post));
    assert!(m[0].is_question);
    assert_eq!(m[1].parent.as_deref(), Some("p1"));
    assert_eq!(m[2].parent.as_deref(), Some("c1"));
    assert_eq!(m[2].time_ms, 1_700_000_120_500);
    assert_eq!(m[1].mentions.len(), 2, "olive and cara_m");
    assert_eq!(m[1].mentions[0], m[0].author, "u/olive is Olive");
    assert_eq!(d.display(m[1].mentions[1]), "Cara_M");
    assert!(d.is_bot(m[3].author));
    assert_eq!(d.host_hints, vec![m[0].author]);
    assert_eq!(d.spaces.len(), 1);
    assert_eq!(d.spaces[0].name, "Which pan?");
    assert!(
        m.iter().all(|m| m.reactions.is_empty()),
        "scores are not reactions"
    );
    let w = d.warnings.join("\n");
    let gone = m[2].author;
    assert!(
        d.people[gone as usize].placeholder,
        "[deleted] stands for many people"
    );
    assert!(!d.host_hints.contains(&gone));
    assert_eq!(d.placeholder_messages(), 1);
    assert!(
        w.contains("3 comments not loaded (Reddit 'more' stubs)"),
        "{w}"
    );
    assert!(w.contains("1 deeper reply chain not loaded"), "{w}");
}

#[test]
fn morechildren_joins_the_thread() {
    let more = r#"{"json":{"errors":[],"data":{"things":[{"kind":"t1","data":{"id":"c9",
      "author":"Dev","parent_id":"t1_c1","link_id":"t3_p1","created_utc":1700000200,
       "body":"hi"}}]}}}"#;
    let mut d = Dataset::default();
    assert!(read("a.json", PAGE.as_bytes(), &mut d).is_ok());
    assert!(read("b.json", more.as_bytes(), &mut d).is_ok());
    assert_eq!(d.spaces.len(), 1);
    assert_eq!(d.messages.last().map(|m| m.space), Some(0));
    assert!(detect("b.json", more.as_bytes()));
}

#[test]
fn errors_name_position_or_comment() {
    let err = load(PAGE.get(..150).unwrap_or(""))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.starts_with("r.json: line "), "{err}");
    let bad = PAGE.replace("\"created_utc\":1700000120.5,", "");
    let err = load(&bad).err().map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(
        err,
        "r.json: comment 2 (id \"c2\"): expected an id and a created_utc time"
    );
    let err = load("{\"a\":1}")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("expected a Reddit comments page"), "{err}");
    let err = load("[{\"kind\":\"Listing\",\"data\":{\"children\":[3]}}]")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.starts_with("r.json: line 1, column "), "{err}");
}

#[test]
fn mention_rules() {
    assert_eq!(
        mentioned("hi u/abc, /u/de-f and xu/nope u/ab"),
        vec!["abc", "de-f"]
    );
    assert_eq!(mentioned("see reddit.com/u/abc"), Vec::<String>::new());
    assert_eq!(bare("t1_abc"), "abc");
    assert_eq!(bare("abc"), "abc");
}

#[test]
fn detection() {
    assert!(detect("r.json", PAGE.as_bytes()));
    assert!(!detect(
        "d.json",
        br#"{"guild":{},"channel":{},"messages":[]}"#
    ));
    assert!(!detect("t.json", br#"{"post_stream":{"posts":[]}}"#));
    assert!(!detect(
        "y.json",
        br#"{"kind":"youtube#commentListResponse","items":[]}"#
    ));
}

#[test]
fn a_reply_chain_ten_thousand_deep_is_read() {
    let depth = 10_000;
    let comment = |i: usize| {
        let parent = if i == 0 {
            "t3_p".to_string()
        } else {
            format!("t1_c{}", i - 1)
        };
        format!(
            r#"{{"kind":"t1","data":{{"id":"c{i}","author":"u{}","parent_id":"{parent}","link_id":"t3_p","created_utc":{}.0,"body":"r","replies":"#,
            i % 2,
            1_714_551_000 + i
        )
    };
    let listing = r#"{"kind":"Listing","data":{"children":["#;
    let mut doc = String::from(
        r#"[{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"id":"p","author":"op","title":"t","created_utc":1714550400.0}}]}},"#,
    );
    doc.push_str(listing);
    for i in 0..depth {
        if i > 0 {
            doc.push_str(listing);
        }
        doc.push_str(&comment(i));
    }
    doc.push_str("\"\"");
    for i in 0..depth {
        doc.push_str("}}");
        if i + 1 < depth {
            doc.push_str("]}}");
        }
    }
    doc.push_str("]}}]");
    let mut d = Dataset::default();
    let read = read("deep.json", doc.as_bytes(), &mut d).map_err(|e| e.to_string());
    assert_eq!(read, Ok(()));
    assert_eq!(d.messages.len(), depth + 1);
    let last = d.messages.iter().find(|m| m.id == "c9999");
    assert_eq!(last.and_then(|m| m.parent.as_deref()), Some("c9998"));
}
