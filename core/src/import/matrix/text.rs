//! What a Matrix message says and whom it names: the reply fallback taken off its plain
//! text, and the user ids its rich text links to.

/// Where a permalink to a user, room or event starts in rich text.
const PERMALINK: &str = "https://matrix.to/#/";

/// `body` without the quote a client puts at the start of a reply for clients that do not
/// show replies: the lines starting with `>` at the very start, and the one blank line after
/// them. Text that does not start with `>` is returned as it is; so is the whole body when
/// it is nothing but quote lines (a reply that only quotes is shown as sent).
pub(super) fn without_fallback(body: &str) -> &str {
    if !body.starts_with('>') {
        return body;
    }
    let mut rest = body;
    while rest.starts_with('>') {
        match rest.split_once('\n') {
            Some((_, after)) => rest = after,
            None => return body,
        }
    }
    // The blank line that separates the quote from the answer.
    match rest.split_once('\n') {
        Some((blank, after)) if blank.trim().is_empty() => after,
        _ => rest,
    }
}

/// True for a Matrix user id: `@localpart:server`, with no white space.
pub(super) fn is_user_id(id: &str) -> bool {
    id.len() > 3
        && id.starts_with('@')
        && id.get(1..).is_some_and(|rest| {
            rest.split_once(':')
                .is_some_and(|(local, server)| !local.is_empty() && !server.is_empty())
        })
        && !id.chars().any(char::is_whitespace)
}

/// The user ids the rich text links to (`https://matrix.to/#/@user:server`, percent-encoded
/// or not), in order, repeats included; links inside the reply quote (`<mx-reply>`) are
/// left out, since they name the replied-to message's author, not someone mentioned.
pub(super) fn linked_users(html: &str) -> Vec<String> {
    let html = without_reply_quote(html);
    let mut users = Vec::new();
    let mut rest = html.as_ref();
    while let Some(at) = rest.find(PERMALINK) {
        let after = rest.get(at + PERMALINK.len()..).unwrap_or("");
        let end = after
            .find(|c: char| matches!(c, '"' | '\'' | '<' | '>' | '?' | '/') || c.is_whitespace())
            .unwrap_or(after.len());
        let target = percent_decoded(after.get(..end).unwrap_or(""));
        if is_user_id(&target) {
            users.push(target);
        }
        rest = after.get(end..).unwrap_or("");
    }
    users
}

/// `html` without its `<mx-reply>…</mx-reply>` block (borrowed when there is none).
fn without_reply_quote(html: &str) -> std::borrow::Cow<'_, str> {
    const OPEN: &str = "<mx-reply>";
    const CLOSE: &str = "</mx-reply>";
    match (html.find(OPEN), html.find(CLOSE)) {
        (Some(open), Some(close)) if open < close => {
            let before = html.get(..open).unwrap_or("");
            let after = html.get(close + CLOSE.len()..).unwrap_or("");
            std::borrow::Cow::Owned(format!("{before}{after}"))
        }
        _ => std::borrow::Cow::Borrowed(html),
    }
}

/// `text` with `%XX` escapes decoded; an escape that is not two hex digits, or bytes that
/// decode to no UTF-8, are kept or replaced rather than failing.
fn percent_decoded(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(value)) => {
                out.push(value);
                at += 3;
            }
            _ => {
                out.push(b);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reply_fallback_is_taken_off() {
        let body = "> <@ann:example.org> is the venue booked?\n> and the date\n\nyes, Friday";
        assert_eq!(without_fallback(body), "yes, Friday");
        assert_eq!(
            without_fallback("> <@a:b> x\nno blank line"),
            "no blank line"
        );
        assert_eq!(without_fallback("> only a quote"), "> only a quote");
        assert_eq!(
            without_fallback("plain > not a quote"),
            "plain > not a quote"
        );
        assert_eq!(without_fallback(""), "");
        assert_eq!(without_fallback(">\n\n"), "");
    }

    #[test]
    fn users_are_read_from_links_outside_the_reply_quote() {
        let html = "<mx-reply><blockquote><a href=\"https://matrix.to/#/@ann:x.org\">Ann</a>\
            </blockquote></mx-reply><a href=\"https://matrix.to/#/%40bo%3Ax.org\">Bo</a> and \
            <a href='https://matrix.to/#/@cy:x.org?via=x.org'>Cy</a>, room \
            <a href=\"https://matrix.to/#/#lobby:x.org\">lobby</a>, event \
            <a href=\"https://matrix.to/#/!r:x.org/$e\">this</a> %";
        assert_eq!(linked_users(html), ["@bo:x.org", "@cy:x.org"]);
        assert!(linked_users("https://matrix.to/#/").is_empty());
        assert!(linked_users("https://matrix.to/#/%4").is_empty());
        assert_eq!(
            linked_users("https://matrix.to/#/%40%ff:x"),
            ["@\u{fffd}:x"]
        );
    }

    #[test]
    fn user_ids() {
        assert!(is_user_id("@ann:example.org"));
        assert!(!is_user_id("@ann"));
        assert!(!is_user_id("@:x"));
        assert!(!is_user_id("ann:x"));
        assert!(!is_user_id("@a n:x"));
    }
}
