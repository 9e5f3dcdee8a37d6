//! Rendered post HTML (`cooked`): the visible text and the `@mention` links. The visible
//! text also serves Mastodon statuses and Zulip's rendered messages, which are HTML too.

/// The text a reader sees in rendered HTML: tags dropped, common entities decoded,
/// whitespace runs collapsed. Rough on purpose: it feeds a length and a `?` test.
pub(crate) fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            rest = rest
                .find('>')
                .map_or("", |end| rest.get(end + 1..).unwrap_or(""));
            out.push(' ');
            continue;
        }
        if c == '&' {
            if let Some((decoded, len)) = entity(rest) {
                out.push(decoded);
                rest = rest.get(len..).unwrap_or("");
                continue;
            }
        }
        out.push(c);
        rest = rest.get(c.len_utf8()..).unwrap_or("");
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes `&amp;`, `&#63;`, `&#x3f;` and friends at the start of `s`: (char, bytes used).
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let name = s.get(1..end)?;
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => {
            let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => name.strip_prefix('#')?.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

/// Usernames of `<a class="mention" …>@name</a>` links; group mentions (`mention-group`)
/// and unlinked `<span class="mention">` (no such user) are left out.
pub(super) fn mentioned(html: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<a ") {
        let tail = rest.get(at..).unwrap_or("");
        let Some(close) = tail.find('>') else { break };
        let tag = tail.get(..close).unwrap_or("");
        let body = tail.get(close + 1..).unwrap_or("");
        let inner = body
            .find("</a>")
            .and_then(|end| body.get(..end))
            .unwrap_or("");
        if tag.contains("class=\"mention\"") {
            let name = inner.trim().trim_start_matches('@');
            if !name.is_empty() {
                names.push(name);
            }
        }
        rest = body;
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_helpers() {
        assert_eq!(
            visible_text("<p>a&#63; <b>b</b>&nbsp;&bogus c</p>\n"),
            "a? b &bogus c"
        );
        assert_eq!(visible_text("unclosed <tag"), "unclosed");
        assert_eq!(entity("&#x1F600;"), Some(('😀', 9)));
        assert_eq!(
            visible_text("&amp;éééééé"),
            "&éééééé",
            "multibyte text after an entity"
        );
        assert_eq!(
            mentioned("<a class=\"mention\" href=\"/u/Zed\">@Zed</a><a href=x>y</a>"),
            vec!["Zed"]
        );
        assert!(mentioned("<a class=\"mention\"").is_empty());
    }
}
