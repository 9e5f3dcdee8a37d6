//! What each importer makes of a deleted or unknown author (docs/METRICS.md §1): a
//! *placeholder* when one name stands for many people, a *deleted* person when the
//! account kept its own id. Each export below is the smallest one of its format holding
//! one real author and one absent one, written from the format notes; the Discord one
//! reuses the real sample's "Deleted User" shape.

use peerscope_core::import::{import, Format, Input};
use peerscope_core::model::Dataset;

/// (format, file name, file text, the absent author's id, placeholder, deleted).
type Case = (Format, &'static str, &'static str, &'static str, bool, bool);

const CASES: [Case; 9] = [
    (
        Format::Reddit,
        "r.json",
        r#"[{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"id":"p","author":"ann",
        "title":"hi","created_utc":1700000000}}]}},{"kind":"Listing","data":{"children":[
        {"kind":"t1","data":{"id":"c","author":"[deleted]","parent_id":"t3_p","link_id":"t3_p",
        "created_utc":1700000060,"body":"[deleted]","replies":""}}]}}]"#,
        "[deleted]",
        true,
        false,
    ),
    (
        Format::Discord,
        "d.json",
        r#"{"guild":{"id":"1","name":"g"},"channel":{"id":"2","type":"GuildTextChat","name":"c"},
        "messages":[{"id":"3","type":"Default","timestamp":"2024-01-01T00:00:00+00:00",
        "content":"hi","author":{"id":"7","name":"ann","isBot":false}},
        {"id":"4","type":"Default","timestamp":"2024-01-01T00:01:00+00:00","content":"yo",
        "author":{"id":"555555555555555555","name":"Deleted User","discriminator":"0000",
        "nickname":"Deleted User","isBot":false}}]}"#,
        "555555555555555555",
        false,
        true,
    ),
    (
        Format::Discord,
        "d.json",
        r#"{"guild":{"id":"1","name":"g"},"channel":{"id":"2","type":"GuildTextChat","name":"c"},
        "messages":[{"id":"3","type":"Default","timestamp":"2024-01-01T00:00:00+00:00",
        "content":"hi","author":{"id":"7","name":"ann","isBot":false}},
        {"id":"4","type":"Default","timestamp":"2024-01-01T00:01:00+00:00","content":"yo",
        "author":{"id":"456226577798135808","name":"Deleted User","isBot":false}}]}"#,
        "456226577798135808",
        true,
        false,
    ),
    (
        Format::Telegram,
        "t.json",
        r#"{"name":"g","type":"private_group","id":5,"messages":[
        {"id":1,"type":"message","date_unixtime":"1704103200","from":"Ann","from_id":"user1",
         "text":"hi"},
        {"id":2,"type":"message","date_unixtime":"1704103260","from":null,"from_id":"user9",
         "text":"yo"}]}"#,
        "user9",
        false,
        true,
    ),
    (
        Format::Messenger,
        "message_1.json",
        r#"{"participants":[{"name":"Ann"},{"name":"Facebook User"}],"messages":[
        {"sender_name":"Facebook User","timestamp_ms":1704103260000,"content":"yo"},
        {"sender_name":"Ann","timestamp_ms":1704103200000,"content":"hi"}],
        "title":"g","thread_path":"inbox/g_1"}"#,
        "Facebook User",
        true,
        false,
    ),
    (
        Format::Discourse,
        "topic.json",
        r#"{"id":9,"title":"t","post_stream":{"posts":[
        {"id":1,"username":"ann","user_id":1,"created_at":"2024-01-01T00:00:00Z",
         "post_number":1,"cooked":"<p>hi</p>"},
        {"id":2,"username":null,"user_id":null,"created_at":"2024-01-01T00:01:00Z",
         "post_number":2,"cooked":"<p>yo</p>"}]}}"#,
        "",
        true,
        false,
    ),
    (
        Format::GitHub,
        "discussions.json",
        r#"{"data":{"repository":{"discussions":{"nodes":[{"id":"D","author":{"login":"ann"},
        "createdAt":"2024-01-01T00:00:00Z","comments":{"nodes":[{"id":"C","author":null,
        "createdAt":"2024-01-01T00:01:00Z"}]}}]}}}}"#,
        "ghost",
        true,
        false,
    ),
    (
        Format::Csv,
        "m.csv",
        "author_id,author,time,text\n1,ann,2024-01-01T00:00:00Z,hi\n\
         456226577798135808,Deleted User#0000,2024-01-01T00:01:00Z,yo\n",
        "456226577798135808",
        true,
        false,
    ),
    (
        Format::Csv,
        "m.csv",
        "author_id,author,time,text\n1,ann,2024-01-01T00:00:00Z,hi\n\
         42,Deleted User#0000,2024-01-01T00:01:00Z,yo\n",
        "42",
        false,
        true,
    ),
];

fn person<'d>(d: &'d Dataset, id: &str) -> &'d peerscope_core::model::Person {
    d.people
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("nobody with id {id:?}"))
}

#[test]
fn each_format_marks_its_absent_authors() {
    for (format, name, text, id, placeholder, deleted) in CASES {
        let input = Input::new(name, text.as_bytes().to_vec());
        let d = import(&[input], Some(format)).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        let absent = person(&d, id);
        assert_eq!(
            (absent.placeholder, absent.deleted),
            (placeholder, deleted),
            "{format:?} {id:?}"
        );
        let real = d.people.iter().find(|p| p.name.eq_ignore_ascii_case("ann"));
        assert!(
            real.is_some_and(|p| !p.placeholder && !p.deleted),
            "{format:?}: ann is someone"
        );
        let expected = u64::from(placeholder);
        assert_eq!(d.placeholder_messages(), expected, "{format:?} {id:?}");
    }
}
