//! What a message's text says about other people: the quote it answers (Zulip's "Quote
//! and reply" writes `@_**Name|id** [said](…/near/ID):` over a ```` ```quote ```` block,
//! rendered as a silent mention and a link over a `<blockquote>`) and the people it
//! mentions (`@**Name**`, `@**Name|id**`, silent `@_**Name**`, or rendered
//! `<span class="user-mention" data-user-id="ID">`). Both the Markdown source (the
//! organisation export, `apply_markdown=false`) and the rendered HTML (the REST default)
//! are read.

use crate::import::discourse::html::visible_text;
use crate::import::text_size::TextSize;

/// Mentions read from one message at most: past this, a crafted message of nothing but
/// `@**x**` would cost a look-up each for no real conversation.
pub(super) const MAX_MENTIONS: usize = 50;

/// Who a mention or a quote names: by user id, or by full name only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Named<'t> {
    Id(u64),
    Name(&'t str),
}

/// The quote a message answers: whose words, and the quoted message's id when its link
/// carries one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Quote<'t> {
    pub(super) who: Named<'t>,
    pub(super) message: Option<u64>,
}

/// What one message's text holds.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Read<'t> {
    pub(super) quote: Option<Quote<'t>>,
    /// In order, repeats kept (the caller keeps each person once); wildcards
    /// (`@**all**`) and group mentions left out.
    pub(super) mentions: Vec<Named<'t>>,
    /// The author's own words, the quote left out.
    pub(super) own: TextSize,
}

/// Reads `text`, rendered HTML when `html`, else Zulip Markdown.
pub(super) fn read(text: &str, html: bool) -> Read<'_> {
    if html {
        read_html(text)
    } else {
        read_markdown(text)
    }
}

/// Words that mention everyone (or a group) rather than a person.
fn is_wildcard(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "all" | "everyone" | "stream" | "channel" | "topic"
    )
}

/// `Name|id` or `Name`, as inside `@**…**`.
fn named(inner: &str) -> Option<Named<'_>> {
    if let Some((name, id)) = inner.rsplit_once('|') {
        if let Ok(id) = id.trim().parse() {
            return Some(Named::Id(id));
        }
        return Some(Named::Name(name.trim()));
    }
    let name = inner.trim();
    (!name.is_empty() && !is_wildcard(name)).then_some(Named::Name(name))
}

/// The message id a Zulip link points at (`…/near/123`, `…/with/123`), if any.
fn linked_message(url: &str) -> Option<u64> {
    ["/near/", "/with/"].iter().find_map(|marker| {
        let at = url.rfind(marker)? + marker.len();
        let digits: &str = url.get(at..)?;
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        digits.get(..end)?.parse().ok()
    })
}

fn read_markdown(text: &str) -> Read<'_> {
    let mut mentions = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('@') {
        rest = rest.get(at + 1..).unwrap_or("");
        let body = rest.strip_prefix('_').unwrap_or(rest);
        let Some(body) = body.strip_prefix("**") else {
            continue;
        };
        let Some(end) = body.find("**") else { break };
        if let Some(who) = body.get(..end).and_then(named) {
            mentions.push(who);
        }
        rest = body.get(end + 2..).unwrap_or("");
        if mentions.len() >= MAX_MENTIONS {
            break;
        }
    }
    let (quote, own) = match markdown_quote(text) {
        Some((quote, before, after)) => (Some(quote), [before, after].concat()),
        None => (None, text.to_string()),
    };
    Read {
        quote,
        mentions,
        own: TextSize::of(own.trim()),
    }
}

/// The first quote-reply block of Markdown: the quote, and the text before its header
/// and after its closing fence.
fn markdown_quote(text: &str) -> Option<(Quote<'_>, &str, &str)> {
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n');
    while let Some(line) = lines.next() {
        let start = offset;
        offset += line.len();
        let Some(who) = quote_header(line.trim()) else {
            continue;
        };
        let fence = lines.clone().next().and_then(quote_fence)?;
        let after = text.get(offset..).unwrap_or("");
        let close = closing_fence(after, fence);
        let quote = Quote {
            who: who.0,
            message: who.1,
        };
        return Some((quote, text.get(..start).unwrap_or(""), close));
    }
    None
}

/// `@_**Name|id** [said](URL):` → who and the linked message.
fn quote_header(line: &str) -> Option<(Named<'_>, Option<u64>)> {
    let body = line.strip_prefix("@_**")?;
    let end = body.find("**")?;
    let who = named(body.get(..end)?)?;
    let tail = body.get(end + 2..)?.trim_start();
    let url = tail.strip_prefix("[said](")?;
    let url = url.get(..url.find(')')?)?;
    Some((who, linked_message(url)))
}

/// The fence opening a quote block (```` ```quote ````, `~~~quote`): its marker.
fn quote_fence(line: &str) -> Option<&str> {
    let line = line.trim();
    let marks = line.len() - line.trim_start_matches(['`', '~']).len();
    let fence = line.get(..marks)?;
    let kind = line.get(marks..)?.trim();
    (marks >= 3 && kind == "quote").then_some(fence)
}

/// The text after the line closing a block opened by `fence` (whose own line is the first
/// of `after`); empty when the block never closes.
fn closing_fence<'t>(after: &'t str, fence: &str) -> &'t str {
    let mut offset = 0;
    for (n, line) in after.split_inclusive('\n').enumerate() {
        offset += line.len();
        if n > 0 && line.trim() == fence {
            return after.get(offset..).unwrap_or("");
        }
    }
    ""
}

fn read_html(html: &str) -> Read<'_> {
    let mut mentions = Vec::new();
    let mut quote = None;
    // Where the quote's header paragraph starts: the quote is cut from there.
    let mut quote_from = 0;
    let mut at = 0;
    while let Some(found) = html
        .get(at..)
        .and_then(|t| t.find("<span class=\"user-mention"))
    {
        let start = at + found;
        let tail = html.get(start..).unwrap_or("");
        let Some(close) = tail.find('>') else { break };
        let tag = tail.get(..close).unwrap_or("");
        at = start + close + 1;
        let Some(id) = attribute(tag, "data-user-id").and_then(|id| id.parse().ok()) else {
            continue;
        };
        let who = Named::Id(id);
        if quote.is_none() && tag.contains("silent") {
            quote = html_quote(html.get(at..).unwrap_or("")).map(|message| Quote { who, message });
            let before = html.get(..start).unwrap_or("");
            quote_from = before.rfind("<p>").unwrap_or(start);
        }
        mentions.push(who);
        if mentions.len() >= MAX_MENTIONS {
            break;
        }
    }
    let own = if quote.is_some() {
        without_quote(html, quote_from)
    } else {
        html.to_string()
    };
    Read {
        quote,
        mentions,
        own: TextSize::of(&visible_text(&own)),
    }
}

/// After a silent mention's opening tag: `Name</span> <a href="URL">said</a>:</p>`
/// followed by a `<blockquote>` makes a quote-reply; the linked message id, if any.
fn html_quote(after_tag: &str) -> Option<Option<u64>> {
    let rest = after_tag.get(after_tag.find("</span>")? + "</span>".len()..)?;
    let rest = rest.trim_start().strip_prefix("<a ")?;
    let close = rest.find('>')?;
    let url = attribute(rest.get(..close)?, "href").unwrap_or("");
    let rest = rest.get(close + 1..)?.strip_prefix("said</a>:")?;
    let rest = rest.trim_start().strip_prefix("</p>")?;
    rest.trim_start()
        .starts_with("<blockquote")
        .then(|| linked_message(url))
}

/// The value of `name="…"` in an opening tag.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let value = tag.get(at..)?;
    value.get(..value.find('"')?)
}

/// `html` without what runs from `from` to the end of the first `<blockquote>…
/// </blockquote>` after it (nested ones counted); to the end when it never closes.
fn without_quote(html: &str, from: usize) -> String {
    let head = html.get(..from).unwrap_or("");
    let Some(open) = html.get(from..).and_then(|t| t.find("<blockquote")) else {
        return html.to_string();
    };
    let mut depth = 0usize;
    let mut at = from + open;
    while let Some(next) = html.get(at..).and_then(|t| t.find("blockquote")) {
        let pos = at + next;
        let before = html.get(..pos).unwrap_or("");
        at = pos + "blockquote".len();
        if before.ends_with("</") {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                let end = html
                    .get(at..)
                    .and_then(|t| t.find('>'))
                    .map_or(html.len(), |e| at + e + 1);
                return [head, html.get(end..).unwrap_or("")].concat();
            }
        } else if before.ends_with('<') {
            depth += 1;
        }
    }
    head.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_quote_reply_and_mentions() {
        let text = "@_**Ann Lee|8** [said](https://x.zulipchat.com/#narrow/channel/3-dev/\
                    topic/build/near/120):\n```quote\nis CI red?\n```\nyes, @**Bo|9** fixed it";
        let r = read(text, false);
        let quote = Some(Quote {
            who: Named::Id(8),
            message: Some(120),
        });
        assert_eq!(r.quote, quote);
        assert_eq!(r.mentions, vec![Named::Id(8), Named::Id(9)]);
        // The own words only: the quoted question does not make it a question.
        assert_eq!(r.own, TextSize::of("yes, @**Bo|9** fixed it"));
    }

    #[test]
    fn markdown_mentions_by_name_and_wildcards() {
        let r = read("@**all** hi @**Cy Diaz** and @_**Dee** @*team* @**x", false);
        assert_eq!(r.mentions, vec![Named::Name("Cy Diaz"), Named::Name("Dee")]);
        assert_eq!(r.quote, None);
        // A header with no quote block under it is no quote-reply.
        let r = read(
            "@_**Ann|8** [said](https://x/#narrow/near/5):\nno block",
            false,
        );
        assert_eq!(r.quote, None);
        // A quote without a message link still names the person.
        let r = read(
            "@_**Ann** [said](https://x/#narrow):\n~~~quote\nhm\n~~~\nok",
            false,
        );
        let ann = Named::Name("Ann");
        assert_eq!(r.quote.map(|q| (q.who, q.message)), Some((ann, None)));
        assert_eq!(r.own.chars, 2);
    }

    #[test]
    fn html_quote_reply_and_mentions() {
        let html = "<p><span class=\"user-mention silent\" data-user-id=\"8\">Ann Lee</span> \
                    <a href=\"https://x.zulipchat.com/#narrow/channel/3-dev/topic/b/near/120\">\
                    said</a>:</p>\n<blockquote>\n<p>is CI red?</p>\n</blockquote>\n<p>yes, \
                    <span class=\"user-mention\" data-user-id=\"9\">@Bo</span> fixed it \
                    <span class=\"user-mention\" data-user-id=\"*\">@all</span></p>";
        let r = read(html, true);
        let quote = Some(Quote {
            who: Named::Id(8),
            message: Some(120),
        });
        assert_eq!(r.quote, quote);
        assert_eq!(r.mentions, vec![Named::Id(8), Named::Id(9)]);
        assert_eq!(r.own, TextSize::of("yes, @Bo fixed it @all"));
        assert_eq!(r.own.chars, 22);
        // A silent mention in running text is a mention, not a quote.
        let plain = "<p>as <span class=\"user-mention silent\" data-user-id=\"8\">Ann</span> \
                     said</p>";
        let r = read(plain, true);
        assert_eq!((r.quote, r.mentions), (None, vec![Named::Id(8)]));
    }

    #[test]
    fn message_links() {
        assert_eq!(
            linked_message("https://z/#narrow/stream/1-a/topic/b/near/42"),
            Some(42)
        );
        assert_eq!(
            linked_message("https://z/#narrow/channel/1-a/topic/b/with/7"),
            Some(7)
        );
        assert_eq!(linked_message("https://z/#narrow/stream/1-a"), None);
        assert_eq!(linked_message("/near/"), None);
    }

    #[test]
    fn nested_blockquotes_are_dropped_whole() {
        let html = "<p>a</p><blockquote><blockquote>x</blockquote>y</blockquote><p>b</p>";
        assert_eq!(without_quote(html, 8), "<p>a</p><p>b</p>");
        assert_eq!(without_quote(html, 0), "<p>b</p>");
        assert_eq!(without_quote("<p>x</p><blockquote>open", 0), "");
    }
}
