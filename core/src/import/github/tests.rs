//! Unit tests of the GitHub importer: the shapes besides the fixtures' (timelines, one
//! issue, `--slurp` arrays, GraphQL edges and errors) and the errors' positions. The
//! pipeline tests are in `core/tests/importers/github.rs`.

use super::*;
use crate::model::MessageKind;

fn read_text(text: &str) -> Result<Dataset, ImportError> {
    let mut d = Dataset::default();
    read("g.json", text.as_bytes(), &mut d).map(|()| d)
}

fn dataset(text: &str) -> Dataset {
    read_text(text).unwrap_or_else(|e| panic!("{e}"))
}

fn error(text: &str) -> String {
    read_text(text)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default()
}

const ISSUE: &str = r#"{"url":"https://api.github.com/repos/o/r/issues/3",
    "comments_url":"https://api.github.com/repos/o/r/issues/3/comments",
    "repository_url":"https://api.github.com/repos/o/r","title":"Help?",
    "user":{"login":"Ann","type":"User"},"author_association":"MEMBER",
    "created_at":"2024-01-01T00:00:00Z","body":"hi"}"#;

#[test]
fn one_issue_is_the_root_of_its_thread_and_names_it() {
    let d = dataset(ISSUE);
    assert_eq!(d.messages.len(), 1);
    assert_eq!(d.messages[0].id, "o/r#3");
    assert_eq!(d.messages[0].kind, MessageKind::Post);
    assert!(d.messages[0].is_question, "the title asks");
    assert_eq!(d.spaces[0].name, "o/r#3 Help?");
    assert!(d.spaces[0].is_thread);
    assert_eq!(d.people[0].id, "ann");
    assert_eq!(d.host_hints, vec![0], "a member maintains");
    assert_eq!(d.files[0].space, "o/r#3 Help?");
}

#[test]
fn a_timeline_reads_its_comments_and_counts_the_rest() {
    let text = r#"[
      {"event":"labeled","actor":{"login":"ann"},"commit_id":null,"created_at":"2024-01-01T00:00:00Z"},
      {"event":"commented","id":9,"issue_url":"https://api.github.com/repos/o/r/issues/3",
       "actor":{"login":"bo"},"user":{"login":"bo"},"created_at":"2024-01-01T01:00:00Z","body":"@ann ok"},
      {"event":"closed","actor":{"login":"ann"},"commit_id":null,"created_at":"2024-01-01T02:00:00Z"}
    ]"#;
    assert!(detect("timeline.json", text.as_bytes()));
    let d = dataset(text);
    assert_eq!(d.messages.len(), 1);
    assert_eq!(d.messages[0].thread_root.as_deref(), Some("o/r#3"));
    assert_eq!(d.messages[0].mentions.len(), 1);
    assert!(d.warnings[0].contains("2 timeline events that are not comments"));
}

#[test]
fn a_timeline_without_comments_is_refused_in_one_sentence() {
    let text = r#"[{"event":"labeled","actor":{"login":"ann"},"commit_id":null,
        "created_at":"2024-01-01T00:00:00Z"}]"#;
    let e = error(text);
    assert!(
        e.starts_with("g.json: this GitHub timeline holds 1 event and no comment;"),
        "{e}"
    );
}

#[test]
fn slurped_graphql_pages_and_edges_read_like_pages() {
    let page = |id: &str| {
        format!(
            r#"{{"data":{{"repository":{{"discussions":{{"edges":[{{"node":{{"id":"{id}",
            "author":{{"login":"dependabot","__typename":"Bot"}},"createdAt":"2024-01-01T00:00:00Z",
            "comments":{{"nodes":[{{"id":"{id}c","author":{{"login":"ann"}},
            "createdAt":"2024-01-02T00:00:00Z"}}]}}}}}}]}}}}}}}}"#
        )
    };
    let d = dataset(&format!("[{},{}]", page("D1"), page("D2")));
    assert_eq!(d.messages.len(), 4);
    assert_eq!(d.messages[1].parent.as_deref(), Some("D1"));
    assert!(d.people[0].is_bot, "__typename Bot");
    assert_eq!(d.files[0].space, "2 discussions");
}

#[test]
fn bots_ghosts_and_repeats() {
    let comment = |id: u32, login: &str| {
        format!(
            r#"{{"id":{id},"issue_url":"https://api.github.com/repos/o/r/issues/1",
            "user":{{"login":"{login}","type":"User"}},"created_at":"2024-01-01T00:00:00Z"}}"#
        )
    };
    let page = format!("[{},{}]", comment(1, "renovate[bot]"), comment(2, "ghost"));
    let d = dataset(&format!("{page}\n{page}"));
    assert_eq!(d.messages.len(), 2, "the second page repeats the first");
    assert!(d.people[0].is_bot);
    assert!(d.people[1].placeholder && d.people[1].id == GHOST);
}

#[test]
fn unusable_values_name_their_page_and_entry() {
    let bad_date = r#"[] [{"id":1,"issue_url":"u","user":{"login":"a"},"created_at":"soon"}]"#;
    let e = error(bad_date);
    assert!(
        e.starts_with("g.json: page 2, entry 1 (id 1): the created_at \"soon\" is not a date"),
        "{e}"
    );
    let e = error(r#"[{"id":1,"user":{"login":"a"}}]"#);
    assert!(
        e.starts_with("g.json: entry 1: expected a GitHub comment"),
        "{e}"
    );
    let e = error(r#"{"errors":[{"message":"Bad credentials"}]}"#);
    assert!(
        e.contains("entry 1: GitHub answered with an error instead of discussions"),
        "{e}"
    );
    let no_date = r#"{"data":{"repository":{"discussion":{"id":"D",
        "createdAt":"2024-01-01T00:00:00Z","comments":{"nodes":[
        {"id":"C","createdAt":"2024-01-01T00:00:00Z","replies":{"nodes":[{"id":"R"}]}}]}}}}}"#;
    let e = error(no_date);
    assert!(
        e.starts_with("g.json: entry 1, discussion 1, comment 1, reply 1: the createdAt \"\""),
        "{e}"
    );
}

#[test]
fn thread_keys_join_issues_and_pulls() {
    let key = rest::thread_key;
    assert_eq!(key("https://api.github.com/repos/o/r/issues/12"), "o/r#12");
    assert_eq!(
        key("https://ghe.example/api/v3/repos/o/r/pulls/12"),
        "o/r#12"
    );
    assert_eq!(key("https://example.com/x"), "https://example.com/x");
}

#[test]
fn detection_wants_github_keys() {
    assert!(detect(
        "d.json",
        br#"{"data":{"repository":{"discussions":{}}}}"#
    ));
    assert!(detect("c.json", br#"[{"issue_url":"x"}]"#));
    assert!(!detect("x.json", br#"{"data":{"discussions":1}}"#));
    assert!(!detect("x.json", br#"[{"user":{"login":"a"}}]"#));
}

#[test]
fn json_errors_are_placed_in_the_whole_file() {
    let e = error("[]\n  [{\"id\": ?}]");
    assert!(
        e.starts_with("g.json: line 2, column 11: this is not valid JSON"),
        "{e}"
    );
    let e = error("[] [{\"id\":1,");
    assert!(
        e.starts_with("g.json: line 1, column 12: the file ends too early"),
        "{e}"
    );
    let mut d = Dataset::default();
    assert!(read("g.json", b"  \n ", &mut d).is_ok(), "blank: no page");
}
