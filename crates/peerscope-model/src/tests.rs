use super::*;

fn person(id: &str) -> Person {
    Person::named(id, id).with_display_name("")
}

fn message(space: SpaceIdx, id: &str, reactions: u32) -> Message {
    Message::new(space, id.into(), 0, 0).with_reactions(vec![Reaction {
        emoji: "👍".into(),
        count: reactions,
        reactors: vec![],
    }])
}

#[test]
fn people_are_interned_by_id_and_keep_the_bot_flag() {
    let mut d = Dataset::default();
    let a = d.intern_person(person("1"));
    let mut again = person("1");
    again.is_bot = true;
    assert_eq!(d.intern_person(again), a);
    assert_eq!(d.people.len(), 1);
    assert!(d.is_bot(a));
    assert_eq!(d.display(a), "1");
}

#[test]
fn duplicates_merge_keeping_the_copy_with_more_reactions() {
    let mut d = Dataset::default();
    assert!(d.push_message(message(0, "m", 1)));
    assert!(!d.push_message(message(0, "m", 3)));
    assert!(d.push_message(message(1, "m", 0)), "same id, other space");
    assert_eq!(d.messages.len(), 2);
    assert_eq!(d.messages[0].reactions[0].count, 3);
}

#[test]
fn the_kind_follows_the_setters_in_any_order() {
    let post = || Message::new(0, "m".into(), 0, 0);
    let root = || Some("r".to_string());
    assert_eq!(post().kind, MessageKind::Post);
    assert_eq!(post().with_parent(None).kind, MessageKind::Post);
    assert_eq!(post().with_parent(root()).kind, MessageKind::Reply);
    assert_eq!(post().with_thread_root(root()).kind, MessageKind::Reply);
    let notice_first = post().with_notice(true).with_thread_root(root());
    let notice_last = post().with_parent(root()).with_notice(true);
    assert_eq!(notice_first.kind, MessageKind::System);
    assert_eq!(notice_last.kind, MessageKind::System);
    assert_eq!(post().with_notice(false).kind, MessageKind::Post);
}

#[test]
fn text_gives_its_length_in_characters_and_whether_it_asks() {
    let m = Message::new(0, "m".into(), 0, 0).with_text("Ça va ?");
    assert_eq!((m.text_len, m.is_question), (7, true));
    let m = m.with_text("");
    assert_eq!((m.text_len, m.is_question), (0, false));
    let named = Person::named("7", "Kun");
    assert_eq!((named.display_name.as_str(), named.is_bot), ("Kun", false));
}

#[test]
fn placeholder_and_deleted_flags_stick_and_placeholders_are_never_nameable() {
    let mut d = Dataset::default();
    let gone = d.intern_person(person("[deleted]").with_placeholder(true));
    assert_eq!(
        d.intern_person(person("[deleted]")),
        gone,
        "a later sighting"
    );
    let left = d.intern_person(person("user9").with_deleted(true));
    let ann = d.intern_person(person("ann"));
    assert!(d.is_placeholder(gone) && !d.is_placeholder(left) && !d.is_placeholder(ann));
    assert_eq!(
        [gone, left, ann, 99].map(|p| d.nameable(p)),
        [false, false, true, false]
    );
    for (id, author) in [("a", gone), ("b", gone), ("c", ann)] {
        d.push_message(Message::new(0, id.into(), author, 0));
    }
    d.push_message(Message::new(0, "d".into(), gone, 0).with_notice(true));
    assert_eq!(d.placeholder_messages(), 2, "the notice does not count");
}
