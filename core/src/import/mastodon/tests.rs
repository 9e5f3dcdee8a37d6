use super::*;

/// A status by `account` (`"id|acct|url"`), answering `parent` (`"id|account id"`).
fn status(id: &str, at: &str, account: &str, parent: Option<&str>, content: &str) -> String {
    let mut a = account.split('|');
    let (aid, acct, url) = (
        a.next().unwrap_or(""),
        a.next().unwrap_or(""),
        a.next().unwrap_or(""),
    );
    let (pid, paid) = match parent {
        Some(p) => {
            let mut p = p.split('|');
            (
                format!("\"{}\"", p.next().unwrap_or("")),
                format!("\"{}\"", p.next().unwrap_or("")),
            )
        }
        None => ("null".into(), "null".into()),
    };
    format!(
        r#"{{"id":"{id}","created_at":"2024-05-01T10:{at}:00.000Z","in_reply_to_id":{pid},
        "in_reply_to_account_id":{paid},"content":"{content}","favourites_count":2,
        "mentions":[{{"id":"1","acct":"ann","url":"https://a.social/@ann","username":"ann"}}],
        "account":{{"id":"{aid}","acct":"{acct}","username":"{acct}","display_name":"",
        "url":"{url}","bot":false}}}}"#
    )
}

const ANN: &str = "1|ann|https://a.social/@ann";
const BO: &str = "2|bo@b.town|https://b.town/@bo";
const OTHER_ANN: &str = "3|ann@c.zone|https://c.zone/@ann";

/// A context of status 10 (by ann, left out): bo and the other ann answer it, ann
/// answers bo.
fn context() -> String {
    format!(
        r#"{{"ancestors":[],"descendants":[{},{},{}]}}"#,
        status("12", "05", ANN, Some("11|2"), "<p>thanks &amp; you?</p>"),
        status("11", "02", BO, Some("10|1"), "<p>nice</p>"),
        status("13", "03", OTHER_ANN, Some("10|1"), "<p>same</p>").replace(
            r#"{"id":"1","acct":"ann","url":"https://a.social/@ann","username":"ann"}"#,
            r#"{"id":"2","acct":"bo@b.town","url":"https://b.town/@bo"}"#
        ),
    )
}

fn load(files: &[(&str, &str)]) -> Result<Dataset, ImportError> {
    let mut d = Dataset::default();
    for (name, text) in files {
        read(name, text.as_bytes(), &mut d)?;
    }
    Ok(d)
}

#[test]
fn a_context_keeps_a_stand_in_for_the_status_it_leaves_out() {
    let d = load(&[("c.json", &context())]).unwrap_or_default();
    assert_eq!(d.people.len(), 3, "two anns on two servers, and bo");
    assert_eq!(d.people[0].id, "https://a.social/@ann");
    assert_eq!(d.messages.len(), 4);
    let stand_in = &d.messages[3];
    assert_eq!(
        (stand_in.id.as_str(), stand_in.kind),
        ("10", MessageKind::System)
    );
    assert_eq!(stand_in.author, 0, "in_reply_to_account_id 1 is ann");
    assert_eq!(
        stand_in.time_ms, d.messages[1].time_ms,
        "its earliest reply"
    );
    assert!(stand_in.time_estimated);
    assert_eq!(d.host_hints, vec![0]);
    assert_eq!(d.messages[0].parent.as_deref(), Some("11"));
    assert_eq!(d.messages[0].text_len, 13, "thanks & you?");
    assert!(d.messages[0].is_question);
    assert_eq!(d.messages[0].reactions[0].count, 2);
    assert!(
        d.messages[0].mentions.is_empty(),
        "ann: carried from bo's status"
    );
    assert!(
        d.messages[1].mentions.is_empty(),
        "ann: the answered status's author"
    );
    assert_eq!(&*d.messages[2].mentions, &[1], "bo: added");
    assert_eq!(d.spaces[0].id, "mastodon:10");
    assert!(d.warnings[0].starts_with("c.json: replies here answer 1 status the file"));
}

#[test]
fn the_status_itself_replaces_its_stand_in_in_either_order() {
    let root = status("10", "00", ANN, None, "<p>hello</p>");
    for files in [
        [("c.json", context()), ("s.json", root.clone())],
        [("s.json", root.clone()), ("c.json", context())],
    ] {
        let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let d = load(&files).unwrap_or_default();
        assert_eq!(d.messages.len(), 4, "{files:?}");
        assert_eq!(d.spaces.len(), 1);
        let root = d.messages.iter().find(|m| m.id == "10");
        assert_eq!(root.map(|m| m.kind), Some(MessageKind::Post));
        assert_eq!(d.host_hints, vec![0]);
    }
}

#[test]
fn ancestors_give_the_thread_its_top_and_the_stand_in_its_parent() {
    let text = format!(
        r#"{{"ancestors":[{}],"descendants":[{}]}}"#,
        status("5", "00", BO, None, "top"),
        status("12", "05", ANN, Some("10|1"), "reply"),
    );
    let d = load(&[("c.json", &text)]).unwrap_or_default();
    assert_eq!(d.spaces[0].id, "mastodon:5");
    assert_eq!(d.host_hints, vec![d.messages[0].author], "bo wrote the top");
    let stand_in = d.messages.iter().find(|m| m.id == "10");
    assert_eq!(stand_in.and_then(|m| m.parent.as_deref()), Some("5"));
}

#[test]
fn other_shapes_are_refused_in_one_sentence() {
    let said = |text: &str| {
        load(&[("x.json", text)])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    let list = format!("[{}]", status("1", "00", ANN, None, "a"));
    assert!(said(&list).starts_with("x.json: this is a list of Mastodon statuses"));
    let outbox = r#"{"@context":"https://www.w3.org/ns/activitystreams","type":"OrderedCollection",
        "orderedItems":[]}"#;
    assert!(said(outbox).contains("outbox.json"), "{}", said(outbox));
    assert!(said("{\"id\":\"1\"}").starts_with("x.json: expected a Mastodon status context"));
    let bad_date = context().replace("2024-05-01T10:02:00.000Z", "soon");
    assert_eq!(
        said(&bad_date),
        "x.json: status 2 (id 11): the created_at \"soon\" is not a date"
    );
    let cut = context();
    let cut = cut.get(..200).unwrap_or("");
    assert!(said(cut).starts_with("x.json: line "), "{}", said(cut));
}

#[test]
fn an_unknown_author_gets_no_stand_in() {
    let text = format!(
        r#"{{"ancestors":[],"descendants":[{}]}}"#,
        status("12", "05", BO, Some("10|99"), "reply"),
    );
    let d = load(&[("c.json", &text)]).unwrap_or_default();
    assert_eq!(d.messages.len(), 1);
    assert!(d.host_hints.is_empty());
    assert!(d.warnings[0].contains("by accounts it never names"));
}

#[test]
fn detection() {
    assert!(detect("c.json", context().as_bytes()));
    assert!(detect(
        "s.json",
        status("1", "00", ANN, None, "").as_bytes()
    ));
    assert!(detect("e.json", br#"{"ancestors":[],"descendants":[]}"#));
    assert!(detect(
        "outbox.json",
        br#"{"@context":"https://www.w3.org/ns/activitystreams","orderedItems":[]}"#
    ));
    assert!(!detect(
        "d.json",
        br#"{"guild":{},"channel":{},"messages":[]}"#
    ));
    assert!(!detect(
        "pr.json",
        br#"[{"id":1,"in_reply_to_id":2,"user":{"login":"a"},"body":"x"}]"#
    ));
}
