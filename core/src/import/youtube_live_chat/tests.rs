use super::*;
use crate::model::MessageKind;

/// One yt-dlp line: `renderer` by `name` (channel `UC` + name) at second `second`.
fn line(renderer: &str, id: &str, name: &str, second: u32, runs: &str, badge: &str) -> String {
    format!(
        r#"{{"replayChatItemAction":{{"actions":[{{"addChatItemAction":{{"item":{{"{renderer}":{{
        "id":"{id}","timestampUsec":"17000000{second:02}000000","authorName":{{"simpleText":"{name}"}},
        "authorExternalChannelId":"UC{name}","message":{{"runs":[{runs}]}},
        "authorBadges":[{badge}]}}}}}}}}],"videoOffsetTimeMsec":"1000"}}}}"#
    )
    .replace('\n', "")
}

const OWNER: &str = r#"{"liveChatAuthorBadgeRenderer":{"icon":{"iconType":"OWNER"}}}"#;
const TEXT: &str = "liveChatTextMessageRenderer";

/// Host, then kit asks, the host answers "@kit", jo opens with "@nobody", kit sends a
/// paid message naming @jo, and jo joins the membership.
fn chat() -> String {
    [
        line(TEXT, "a", "Host", 1, r#"{"text":"welcome"}"#, OWNER),
        line(
            TEXT,
            "b",
            "kit",
            2,
            r#"{"text":"which lens?"},{"emoji":{"emojiId":"x"}}"#,
            "",
        ),
        line(TEXT, "c", "Host", 3, r#"{"text":"@kit the 35mm"}"#, OWNER),
        line(TEXT, "d", "jo", 4, r#"{"text":"@nobody hi"}"#, ""),
        line(
            "liveChatPaidMessageRenderer",
            "e",
            "kit",
            5,
            r#"{"text":"thanks! @jo"}"#,
            "",
        ),
        line("liveChatMembershipItemRenderer", "f", "jo", 6, "", ""),
        line("liveChatPlaceholderItemRenderer", "g", "x", 7, "", ""),
    ]
    .join("\n")
}

fn load(name: &str, text: &str) -> Result<Dataset, ImportError> {
    let mut d = Dataset::default();
    read(name, text.as_bytes(), &mut d).map(|()| d)
}

#[test]
fn lines_read_with_openers_as_replies_and_the_owner_as_host() {
    let d = load("Talk [vid42].live_chat.json", &chat()).unwrap_or_default();
    let m = &d.messages;
    assert_eq!(m.len(), 6, "the placeholder is not read");
    assert_eq!(d.spaces[0].id, "youtube-live-chat:vid42");
    assert_eq!(d.host_hints, vec![m[0].author]);
    assert_eq!(m[1].time_ms, 1_700_000_002_000);
    assert_eq!(
        (m[1].text_len, m[1].is_question),
        (12, true),
        "an emoji is one"
    );
    assert_eq!(
        m[2].parent.as_deref(),
        Some("b"),
        "@kit answers kit's latest"
    );
    assert_eq!(m[2].kind, MessageKind::Reply);
    assert_eq!(
        (m[3].kind, m[3].parent.as_deref()),
        (MessageKind::Post, None)
    );
    assert_eq!(&*m[4].mentions, &[m[3].author], "@jo after a space");
    assert_eq!(m[5].kind, MessageKind::System, "a membership");
    assert_eq!(d.files[0].messages, 6);
    assert_eq!(d.files[0].format, "youtube-live-chat");
}

#[test]
fn a_response_read_whole_gives_the_same_messages() {
    let actions: Vec<String> = chat().lines().map(str::to_string).collect();
    let response = format!(
        "{{\n  \"continuationContents\": {{\"liveChatContinuation\": {{\"actions\": [{}]}}}}\n}}",
        actions.join(",\n")
    );
    assert!(!is_lines(response.as_bytes()));
    let whole = load("replay.json", &response).unwrap_or_default();
    let lines = load("replay.json", &chat()).unwrap_or_default();
    assert_eq!(whole.messages, lines.messages);
}

#[test]
fn errors_name_the_line() {
    let text = chat().replace("1700000004000000", "soon");
    let err = load("c.json", &text).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("c.json: line 4: the chat message d has no time (timestampUsec \"soon\")")
    );
    let cut = format!(
        "{}\n{}",
        line(TEXT, "a", "kit", 1, "", ""),
        "{\"replayChatItemAction\":{"
    );
    let err = load("c.json", &cut)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.starts_with("c.json: line 2, column 25: the file ends too early"),
        "{err}"
    );
}

#[test]
fn detection_and_form() {
    assert!(detect("c.json", chat().as_bytes()));
    assert!(is_lines(chat().as_bytes()));
    assert!(detect(
        "r.json",
        b"{\n \"continuationContents\":{\"liveChatContinuation\":{}}}"
    ));
    assert!(!detect(
        "d.json",
        br#"{"guild":{},"channel":{},"messages":[]}"#
    ));
    assert!(!detect(
        "y.json",
        br#"{"kind":"youtube#commentListResponse","items":[]}"#
    ));
}
