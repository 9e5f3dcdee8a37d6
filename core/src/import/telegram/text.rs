//! Telegram message text: a plain string or an array of strings and entity objects, the
//! mentions in it, and the `@username` → person matching the export leaves to us.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Deserialize;

use super::raw::Id;

/// `text`: one plain run as a string, or an array of runs.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum Text<'a> {
    Plain(#[serde(borrow)] Cow<'a, str>),
    Parts(#[serde(borrow)] Vec<Part<'a>>),
}

/// One run: a plain string, or an entity `{type, text, user_id?, …}`.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum Part<'a> {
    Plain(#[serde(borrow)] Cow<'a, str>),
    Entity(#[serde(borrow)] Entity<'a>),
}

#[derive(Deserialize)]
pub(super) struct Entity<'a> {
    #[serde(borrow, rename = "type", default)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    user_id: Option<Id<'a>>,
}

/// What the analysis needs from a message's text.
#[derive(Default)]
pub(super) struct Content<'m> {
    /// Length in characters.
    pub len: usize,
    /// A `?` outside links and code (a `?` in a URL is a query string, not a question).
    pub question: bool,
    /// `mention_name` entities: (person id, shown name).
    pub named: Vec<(String, &'m str)>,
    /// `mention` entities: the `@username` text.
    pub handles: Vec<&'m str>,
}

impl<'m> Content<'m> {
    /// Reads `text_entities` when it has runs (it always holds objects), else `text`.
    pub fn of(entities: Option<&'m [Part<'m>]>, text: Option<&'m Text<'m>>) -> Content<'m> {
        let mut content = Content::default();
        match (entities, text) {
            (Some(parts), _) if !parts.is_empty() => parts.iter().for_each(|p| content.add(p)),
            (_, Some(Text::Parts(parts))) => parts.iter().for_each(|p| content.add(p)),
            (_, Some(Text::Plain(s))) => content.run("plain", s, None),
            _ => {}
        }
        content
    }

    fn add(&mut self, part: &'m Part<'m>) {
        match part {
            Part::Plain(s) => self.run("plain", s, None),
            Part::Entity(e) => self.run(
                e.kind.as_deref().unwrap_or("plain"),
                e.text.as_deref().unwrap_or(""),
                e.user_id.as_ref(),
            ),
        }
    }

    fn run(&mut self, kind: &str, text: &'m str, user: Option<&Id>) {
        self.len += text.chars().count();
        if !matches!(kind, "link" | "code" | "pre" | "email") && text.contains('?') {
            self.question = true;
        }
        match (kind, user) {
            ("mention_name", Some(user)) => self.named.push((peer_id(user), text)),
            ("mention", _) => self.handles.push(text),
            _ => {}
        }
    }
}

/// Normalised names → the one person showing that name (`None` once two people do).
#[derive(Default)]
pub(super) struct Names(HashMap<String, Option<(String, String)>>);

impl Names {
    /// Records that person `id` shows as `name`.
    pub fn add(&mut self, id: String, name: &str) {
        let key = letters(name);
        if key.is_empty() {
            return;
        }
        let entry = self
            .0
            .entry(key)
            .or_insert_with(|| Some((id.clone(), String::new())));
        match entry {
            Some((known, shown)) if *known == id => {
                if shown.is_empty() {
                    *shown = name.to_string();
                }
            }
            // Two people with the same name: a mention of it cannot be told apart.
            _ => *entry = None,
        }
    }

    /// Records a known `@username` (the exporter's own), overriding any name match.
    pub fn claim(&mut self, handle: &str, id: &str, name: &str) {
        let key = letters(handle);
        if !key.is_empty() {
            self.0.insert(key, Some((id.to_string(), name.to_string())));
        }
    }

    /// The person an `@username` stands for: the username itself is not in the export, so
    /// it matches the one person whose shown name has the same letters and digits
    /// (`@jason_wihardja` ↔ "Jason Wihardja"), or the exporter's own username.
    pub fn find(&self, handle: &str) -> Option<&(String, String)> {
        self.0.get(&letters(handle)).and_then(Option::as_ref)
    }
}

/// Lowercase letters and digits only.
fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A person id as `from_id` writes it: `"user123"`, `"channel456"`; bare numbers (very
/// old exports, `mention_name.user_id`, `personal_information.user_id`) are users.
pub(super) fn peer_id(id: &Id) -> String {
    match id {
        Id::Num(n) => format!("user{n}"),
        Id::Text(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            format!("user{s}")
        }
        Id::Text(s) => s.to_string(),
    }
}

/// The bare number of a peer id (`channel123` → `123`), as chat ids are written.
pub(super) fn bare(peer: &str) -> &str {
    ["user", "channel", "chat"]
        .iter()
        .find_map(|p| peer.strip_prefix(p))
        .unwrap_or(peer)
}

/// The first 64 KiB without a BOM and without whitespace, for sniffing keys whatever the
/// indentation (Telegram writes 1 space; hand-edited files use tabs or none).
pub(crate) fn compact_head(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or(bytes);
    String::from_utf8_lossy(head)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse<'a, T: Deserialize<'a>>(json: &'a str) -> Option<T> {
        serde_json::from_str(json).ok()
    }

    #[test]
    fn text_as_string_or_array() {
        let plain: Option<Text> = parse(r#""why?""#);
        let c = Content::of(None, plain.as_ref());
        assert_eq!((c.len, c.question), (4, true));
        let parts: Option<Text> = parse(
            r#"["hi ", {"type":"mention","text":"@ann_lee"}, " see ",
                {"type":"link","text":"https://x.org/?q=1"},
                {"type":"mention_name","text":"Bo","user_id":42}]"#,
        );
        let c = Content::of(None, parts.as_ref());
        assert!(!c.question, "a ? in a link is no question");
        assert_eq!(c.len, 3 + 8 + 5 + 18 + 2);
        assert_eq!(c.handles, vec!["@ann_lee"]);
        assert_eq!(c.named, vec![("user42".to_string(), "Bo")]);
    }

    #[test]
    fn entities_win_over_text_when_present() {
        let entities: Option<Vec<Part>> = parse(r#"[{"type":"plain","text":"ok?"}]"#);
        let text: Option<Text> = parse(r#""ignored""#);
        let c = Content::of(entities.as_deref(), text.as_ref());
        assert_eq!((c.len, c.question), (3, true));
        let empty: Option<Vec<Part>> = parse("[]");
        assert_eq!(Content::of(empty.as_deref(), text.as_ref()).len, 7);
    }

    #[test]
    fn usernames_match_unique_names() {
        let mut n = Names::default();
        n.add("user1".into(), "Jason Wihardja");
        n.add("user2".into(), "Kim");
        n.add("user3".into(), "kim");
        assert_eq!(
            n.find("@jason_wihardja").map(|p| p.0.as_str()),
            Some("user1")
        );
        assert_eq!(n.find("@Kim"), None, "two people show as Kim");
        assert_eq!(n.find("@nobody"), None);
        n.claim("@kim", "user3", "kim");
        assert_eq!(n.find("@kim").map(|p| p.0.as_str()), Some("user3"));
    }

    #[test]
    fn peer_ids() {
        assert_eq!(peer_id(&Id::Num(5)), "user5");
        assert_eq!(peer_id(&Id::Text("channel7".into())), "channel7");
        assert_eq!(peer_id(&Id::Text("9".into())), "user9");
        assert_eq!(bare("channel123"), "123");
        assert_eq!(bare("123"), "123");
    }
}
