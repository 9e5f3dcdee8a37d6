use super::*;
use crate::model::{Person, Space};

fn chat(lines: &[(&str, i64)]) -> Dataset {
    let mut d = Dataset::default();
    let space = d.intern_space(Space {
        id: "chat".into(),
        name: "chat".into(),
        parent: None,
        is_thread: false,
        infer_replies: true,
    });
    for (i, &(who, minute)) in lines.iter().enumerate() {
        let author = d.intern_person(Person::named(who, who));
        d.push_message(Message {
            space,
            id: i.to_string().into(),
            author,
            time_ms: minute * 60_000,
            time_estimated: false,
            kind: MessageKind::Post,
            parent: None,
            thread_root: None,
            addressee: None,
            mentions: Box::default(),
            reactions: Box::default(),
            text_len: 1,
            is_question: false,
            time_outlier: false,
        });
    }
    d
}

fn pairs(d: &Dataset) -> Vec<(String, String, usize)> {
    Conversation::build(d)
        .interactions
        .iter()
        .map(|i| {
            (
                d.display(i.from).to_string(),
                d.display(i.to).to_string(),
                i.target_at().unwrap_or(usize::MAX),
            )
        })
        .collect()
}

#[test]
fn inferred_replies_skip_own_runs_and_old_messages() {
    // ann at 0; bo at 1 and 2 (a run); ann at 5; cy at 30 (too late).
    let d = chat(&[("ann", 0), ("bo", 1), ("bo", 2), ("ann", 5), ("cy", 30)]);
    let got = pairs(&d);
    assert_eq!(
        got,
        vec![
            ("bo".into(), "ann".into(), 0),
            ("bo".into(), "ann".into(), 0),
            ("ann".into(), "bo".into(), 2),
        ]
    );
    let conv = Conversation::build(&d);
    assert!(conv
        .interactions
        .iter()
        .all(|i| i.kind == InteractionKind::InferredReply));
}

#[test]
fn thread_root_by_id_and_addressee() {
    let mut d = chat(&[("ann", 0), ("bo", 1), ("cy", 2)]);
    d.spaces[0].infer_replies = false;
    d.messages[1].thread_root = Some("0".into());
    d.messages[2].thread_root = Some("0".into());
    d.messages[2].addressee = Some(1);
    let got = pairs(&d);
    assert_eq!(
        got,
        vec![
            ("bo".into(), "ann".into(), 0),
            ("cy".into(), "bo".into(), 0)
        ]
    );
    assert!(Conversation::build(&d)
        .interactions
        .iter()
        .all(|i| i.kind == InteractionKind::ThreadReply));
}

#[test]
fn a_thread_root_outside_the_export_is_counted() {
    let mut d = chat(&[("ann", 0), ("bo", 1), ("cy", 2)]);
    d.spaces[0].infer_replies = false;
    d.messages[1].thread_root = Some("gone".into());
    d.messages[2].thread_root = Some("0".into());
    let conv = Conversation::build(&d);
    assert_eq!(conv.missing_roots, 1);
    assert_eq!(
        conv.interactions.len(),
        1,
        "only cy's reply reaches its root"
    );
}
