use std::cell::Cell;

use super::*;
use crate::import::fed::{block_on, Ready};
use crate::model::Dataset;

/// A forum chat: a reply to a topic's opening message read before that message, a
/// mention of Cy before Cy's first message, of a name two people show (Kim), of a name
/// nobody shows, and one by user id.
const CHAT: &str = r#"{"name": "Makers", "type": "private_supergroup", "id": 77,
 "messages": [
  {"id": 1, "type": "message", "date_unixtime": "100", "from": "Ann", "from_id": "user1",
   "reply_to_message_id": 2, "text": ["hi ", {"type": "mention", "text": "@cy"},
   {"type": "mention", "text": "@kim"}, {"type": "mention", "text": "@ghost"},
   {"type": "mention_name", "text": "Bo", "user_id": 2}, {"type": "mention", "text": "@CY"}]},
  {"id": 2, "type": "service", "date_unixtime": "90", "actor": "Ann", "actor_id": "user1",
   "action": "topic_created", "title": "Help", "text": ""},
  {"id": 3, "type": "message", "date_unixtime": "110", "from": "Kim", "from_id": "user4",
   "reply_to_message_id": 1, "text": "ok?", "reactions": [{"type": "emoji", "count": 1,
   "emoji": "x", "recent": [{"from": "Cy", "from_id": "user3"}]}]},
  {"id": 4, "type": "message", "date_unixtime": "120", "from": "kim", "from_id": "user5",
   "text": "me too"},
  {"id": 5, "type": "message", "date_unixtime": "130", "from": "Cy", "from_id": "user3",
   "text": [{"type": "mention", "text": "@ann"}]}
 ]}"#;

fn read(text: &str, window: usize) -> Result<(Dataset, String, Tally, u64), ImportError> {
    let mut dataset = Dataset::default();
    let counted = Cell::new(0);
    let window = JsonWindow::with_window("t.json", Ready(text.as_bytes()), window);
    block_on(read_window(window, &mut dataset, &counted))
        .map(|(space, tally)| (dataset, space, tally, counted.get()))
}

fn mentioned(d: &Dataset, at: usize) -> Vec<&str> {
    d.messages[at]
        .mentions
        .iter()
        .map(|&p| d.display(p))
        .collect()
}

#[test]
fn mentions_are_resolved_after_the_last_message() {
    let (d, space, tally, counted) = read(CHAT, 1 << 20).unwrap();
    assert_eq!((space.as_str(), tally.messages, counted), ("Makers", 5, 5));
    assert_eq!(
        mentioned(&d, 0),
        vec!["Bo", "Cy"],
        "Cy, met later, is found (once for @cy and @CY); Kim is two people; nobody is ghost"
    );
    assert_eq!(tally.unmatched_mentions, 2, "@kim and @ghost");
    assert_eq!(mentioned(&d, 4), vec!["Ann"]);
    assert_eq!(d.messages[0].thread_root.as_deref(), Some("77/2"));
    assert_eq!(
        d.messages[0].parent, None,
        "a post in the topic opened later"
    );
    assert_eq!(d.messages[2].parent.as_deref(), Some("77/1"));
}

#[test]
fn a_stream_reads_what_the_whole_file_reads() {
    let mut whole = Dataset::default();
    let mut tally = Tally::default();
    let space = super::super::whole::read("t.json", CHAT.as_bytes(), &mut whole, &mut tally);
    assert_eq!(space.ok().as_deref(), Some("Makers"));
    let (streamed, _, streamed_tally, _) = read(CHAT, 1 << 20).unwrap();
    let people = |d: &Dataset| -> Vec<String> {
        let mut ids: Vec<String> = d.people.iter().map(|p| p.id.clone()).collect();
        ids.sort();
        ids
    };
    assert_eq!(people(&streamed), people(&whole));
    assert_eq!(streamed.messages.len(), whole.messages.len());
    for (s, w) in streamed.messages.iter().zip(&whole.messages) {
        assert_eq!(
            (&s.id, &s.parent, &s.thread_root),
            (&w.id, &w.parent, &w.thread_root)
        );
        let names = |d: &Dataset, m: &crate::model::Message| -> Vec<String> {
            m.mentions.iter().map(|&p| d.id_of(p).to_string()).collect()
        };
        assert_eq!(names(&streamed, s), names(&whole, w));
    }
    assert_eq!(streamed_tally.unmatched_mentions, tally.unmatched_mentions);
}

/// Windows of every size from 1 byte cut every value, the messages among them, and grow
/// the window: the same messages and people come out.
#[test]
fn a_message_cut_at_the_windows_edge_reads_the_same() {
    let (whole, _, _, _) = read(CHAT, 1 << 20).unwrap();
    for window in 1..80 {
        let (cut, _, _, _) = read(CHAT, window).unwrap();
        assert_eq!(cut.messages, whole.messages, "window of {window} bytes");
        assert_eq!(cut.people, whole.people, "window of {window} bytes");
    }
}

/// Broken copies fail with the sentence and position serde_json gives for the whole file.
#[test]
fn errors_keep_the_whole_files_position() {
    let broken = [
        CHAT.replace(r#""text": "me too"}"#, r#""text": "me too""#),
        CHAT.replace("\"110\"", "tru"),
        CHAT.replace("\"reactions\": [", "\"reactions\": 7, \"r\": ["),
        CHAT.replace("}]}]},", "}]}]}"),
        CHAT.replace("\"id\": 4,", "\"idx\": 4,"),
        CHAT.get(..CHAT.find("{\"id\": 3").unwrap_or(0))
            .unwrap_or("")
            .to_string(),
        CHAT.get(..CHAT.len() - 3).unwrap_or("").to_string(),
        format!("{CHAT} x"),
        CHAT.replace("]}\"", "]},\"").replace("\n ]}", ",\n ]}"),
    ];
    for text in &broken {
        let mut d = Dataset::default();
        let whole =
            super::super::whole::read("t.json", text.as_bytes(), &mut d, &mut Tally::default())
                .err()
                .map(|e| e.to_string());
        assert!(whole.is_some(), "{text}");
        for window in [1, 7, 64, 1 << 20] {
            let streamed = read(text, window).err().map(|e| e.to_string());
            assert_eq!(streamed, whole, "window {window}: {text}");
        }
    }
}

#[test]
fn only_a_chat_with_its_header_first_streams() {
    assert!(streams(CHAT.as_bytes()));
    assert!(streams(
        b"\xEF\xBB\xBF{\"type\":\"saved_messages\",\"id\":1,\"messages\":["
    ));
    assert!(!streams(
        b"{\"name\":\"A\",\"type\":\"personal_chat\",\"messages\":[],\"id\":1}"
    ));
    assert!(!streams(b"{\"about\":\"\",\"chats\":{\"list\":[{\"name\":\"A\",\"type\":\"x\",\"id\":1,\"messages\":[]}]}}"));
    assert!(!streams(
        b"{\"name\":\"A\",\"name\":\"B\",\"type\":\"x\",\"id\":1,\"messages\":[]}"
    ));
    assert!(!streams(
        b"{\"name\":\"A\",\"type\":\"x\",\"id\":1,\"messages\":null}"
    ));
    assert!(!streams(b"[]"));
}
