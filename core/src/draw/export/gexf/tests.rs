//! GEXF tests, with a small well-formedness checker (the crate has no XML parser).

use std::collections::BTreeMap;

use super::*;
use crate::draw::view::{EdgeView, NodeView, Role};

/// Checks that `xml` is well formed (one root, balanced tags, quoted attributes, known
/// entities) and counts elements by name.
fn parse(xml: &str) -> Result<BTreeMap<String, usize>, String> {
    let mut counts = BTreeMap::new();
    let mut open: Vec<String> = Vec::new();
    let mut roots = 0;
    let mut rest = xml;
    while let Some(at) = rest.find('<') {
        entities(&rest[..at])?;
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('?') {
            rest = &after[after.find("?>").ok_or("unclosed <?")? + 2..];
            continue;
        }
        let end = rest.find('>').ok_or("unclosed tag")?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            if open.pop().as_deref() != Some(name.trim()) {
                return Err(format!("</{name}> closes nothing open"));
            }
            continue;
        }
        let empty = tag.ends_with('/');
        let body = tag.trim_end_matches('/');
        let name = body
            .split_whitespace()
            .next()
            .ok_or("empty tag")?
            .to_string();
        attributes(&body[name.len()..])?;
        if open.is_empty() {
            roots += 1;
        }
        *counts.entry(name.clone()).or_insert(0) += 1;
        if !empty {
            open.push(name);
        }
    }
    entities(rest)?;
    match (roots, open.is_empty()) {
        (1, true) => Ok(counts),
        _ => Err(format!("{roots} roots, still open: {open:?}")),
    }
}

/// `name="value"` pairs, values without `<` and with known entities only.
fn attributes(mut text: &str) -> Result<(), String> {
    loop {
        text = text.trim_start();
        if text.is_empty() {
            return Ok(());
        }
        let eq = text
            .find("=\"")
            .ok_or(format!("bad attribute in {text:?}"))?;
        let value_end = text[eq + 2..].find('"').ok_or("unquoted attribute")? + eq + 2;
        let value = &text[eq + 2..value_end];
        if value.contains('<') {
            return Err(format!("< in attribute {value:?}"));
        }
        entities(value)?;
        text = &text[value_end + 1..];
    }
}

fn entities(text: &str) -> Result<(), String> {
    for (at, _) in text.match_indices('&') {
        let known = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"];
        if !known.iter().any(|e| text[at..].starts_with(e)) {
            return Err(format!("bare & in {text:?}"));
        }
    }
    Ok(())
}

fn network() -> NetworkView {
    let names = ["Ann <host>", "Bo & \"Co\"", "Cy'\u{7}", "Dee"];
    let nodes = names
        .iter()
        .enumerate()
        .map(|(i, name)| NodeView {
            id: i.to_string(),
            name: name.to_string(),
            role: if i == 0 { Role::Host } else { Role::Core },
            degree: 2,
            x: 0.25 * i as f64,
            y: f64::NAN,
            ..NodeView::default()
        })
        .collect();
    let edges = [(0, 1, 3), (1, 2, 1), (2, 9, 1)]
        .iter()
        .map(|&(a, b, weight)| EdgeView { a, b, weight })
        .collect();
    NetworkView {
        nodes,
        edges,
        ..NetworkView::default()
    }
}

#[test]
fn gexf_is_well_formed_with_every_node_and_valid_edge() {
    let text = gexf(&network());
    let counts = parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(counts.get("node"), Some(&4));
    assert_eq!(
        counts.get("edge"),
        Some(&2),
        "the edge to node 9 is left out"
    );
    assert_eq!(counts.get("gexf"), Some(&1));
    assert!(text.contains("label=\"Bo &amp; &quot;Co&quot;\""));
    assert!(text.contains("label=\"Ann &lt;host&gt;\""));
    assert!(text.contains("<viz:color r=\"213\" g=\"94\" b=\"0\"/>"));
}

#[test]
fn an_empty_network_is_a_valid_document() {
    let counts = parse(&gexf(&NetworkView::default())).unwrap_or_default();
    assert_eq!(counts.get("node"), None);
    assert_eq!(counts.get("nodes"), Some(&1));
    assert!(parse("<a><b></a></b>").is_err());
    assert!(parse("<a x=\"1 & 2\"/>").is_err());
}
