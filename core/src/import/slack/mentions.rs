//! Mentions: `<@U…>` in a message's text and `user` elements of its rich-text blocks,
//! each person once per message. `<!here>`, `<!channel>` and group mentions name no
//! one, so they are not mentions of a person.

use std::collections::HashSet;

use serde_json::Value;

use super::companion::Directory;
use super::people::named;
use crate::model::{work, Dataset, PersonIdx};

/// The people a message mentions, in order of first mention: the text's first (with the
/// name a legacy `<@U1|name>` gives), then the blocks'.
pub(super) fn message_mentions(
    text: &str,
    blocks: Option<&Value>,
    dir: Option<&Directory>,
    dataset: &mut Dataset,
) -> Vec<PersonIdx> {
    let mut block_users = Vec::new();
    if let Some(blocks) = blocks {
        collect_block_users(blocks, &mut block_users);
    }
    let named_users = text_mentions(text)
        .into_iter()
        .chain(block_users.into_iter().map(|id| (id, "")));
    let mut seen: HashSet<PersonIdx> = HashSet::new();
    let mut mentions: Vec<PersonIdx> = Vec::new();
    for (id, hint) in named_users {
        work::add(1);
        let idx = named(dataset, dir, id, hint);
        if seen.insert(idx) {
            mentions.push(idx);
        }
    }
    mentions
}

/// `<@U123>` and `<@U123|name>` in a message's text: (id, name given or "").
fn text_mentions(text: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("<@") {
        rest = rest.get(at + 2..).unwrap_or("");
        let Some(end) = rest.find('>') else { break };
        let inner = rest.get(..end).unwrap_or("");
        let (id, name) = inner.split_once('|').unwrap_or((inner, ""));
        if !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric()) {
            found.push((id, name));
        }
        rest = rest.get(end + 1..).unwrap_or("");
    }
    found
}

/// Every `{"type": "user", "user_id": …}` element, at any depth of the blocks.
fn collect_block_users<'v>(value: &'v Value, out: &mut Vec<&'v str>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_block_users(v, out)),
        Value::Object(map) => {
            if map.get("type").and_then(Value::as_str) == Some("user") {
                if let Some(id) = map.get("user_id").and_then(Value::as_str) {
                    if !id.is_empty() {
                        out.push(id);
                    }
                }
            }
            if let Some(elements) = map.get("elements") {
                collect_block_users(elements, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_in_text() {
        let found = text_mentions("hi <@U1> and <@W2|bo>, not <!here> or <#C1|x> <@ bad> <@U3");
        assert_eq!(found, vec![("U1", ""), ("W2", "bo")]);
    }

    #[test]
    fn mentions_in_nested_blocks() {
        let blocks: Value = serde_json::json!([{"type": "rich_text", "elements": [
            {"type": "rich_text_list", "elements": [
                {"type": "rich_text_section", "elements": [
                    {"type": "user", "user_id": "U1"}, {"type": "text", "text": "x"}]}]},
            {"type": "rich_text_quote", "elements": [{"type": "user", "user_id": "U2"},
                {"type": "broadcast", "range": "here"}]}]}]);
        let mut out = Vec::new();
        collect_block_users(&blocks, &mut out);
        assert_eq!(out, vec!["U1", "U2"]);
    }

    #[test]
    fn text_and_blocks_name_each_person_once() {
        let blocks = serde_json::json!([{"type": "rich_text", "elements": [
            {"type": "user", "user_id": "U2"}, {"type": "user", "user_id": "U3"}]}]);
        let mut d = Dataset::default();
        let found = message_mentions("<@U2|bo> <@U1> <@U2>", Some(&blocks), None, &mut d);
        let ids: Vec<&str> = found
            .iter()
            .filter_map(|&p| d.people.get(p as usize).map(|p| p.id.as_str()))
            .collect();
        assert_eq!(ids, vec!["U2", "U1", "U3"]);
        assert_eq!(d.display(found.first().copied().unwrap_or(0)), "bo");
    }
}
