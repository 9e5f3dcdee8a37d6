//! GEXF 1.3 (<https://gexf.net>), the format Gephi opens: nodes with their name, role,
//! community, degree and reply counts as attributes and their position, size and colour
//! (viz), and the weighted undirected ties.

use std::fmt::Write;

use super::xml_escape;
use crate::draw::colours::role_colour;
use crate::draw::view::NetworkView;

/// Node attributes: (id, title, GEXF type).
const ATTRIBUTES: [(&str, &str, &str); 7] = [
    ("role", "role", "string"),
    ("community", "community", "integer"),
    ("degree", "degree", "integer"),
    ("given", "replies given", "integer"),
    ("received", "replies received", "integer"),
    ("peer", "peer replies", "integer"),
    ("away", "removed by the stop-posting test", "boolean"),
];

/// The whole network as a GEXF document (UTF-8 text). Node ids are the node's index in
/// `network.nodes`, labels its display name; positions are the layout's, scaled to
/// 0..=1000; an edge whose end is out of range is left out. An empty network gives a valid
/// document with empty `<nodes/>` and `<edges/>`.
pub fn gexf(network: &NetworkView) -> String {
    let mut out = String::with_capacity(256 + 320 * network.nodes.len());
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" \
         version=\"1.3\">\n",
    );
    out.push_str(
        "  <meta><creator>peerscope</creator>\
         <description>Who replied to or mentioned whom</description></meta>\n",
    );
    out.push_str("  <graph mode=\"static\" defaultedgetype=\"undirected\">\n");
    out.push_str("    <attributes class=\"node\">\n");
    for (id, title, kind) in ATTRIBUTES {
        let _ = writeln!(
            out,
            "      <attribute id=\"{id}\" title=\"{title}\" type=\"{kind}\"/>"
        );
    }
    out.push_str("    </attributes>\n    <nodes>\n");
    let largest = network.nodes.iter().map(|n| n.degree).max().unwrap_or(0);
    for (i, node) in network.nodes.iter().enumerate() {
        let values = [
            node.role.as_str().to_string(),
            node.community.to_string(),
            node.degree.to_string(),
            node.replies_given.to_string(),
            node.replies_received.to_string(),
            node.peer_replies.to_string(),
            node.away.to_string(),
        ];
        let _ = writeln!(
            out,
            "      <node id=\"{i}\" label=\"{}\">",
            xml_escape(&node.name)
        );
        out.push_str("        <attvalues>");
        for ((id, _, _), value) in ATTRIBUTES.iter().zip(values) {
            let _ = write!(out, "<attvalue for=\"{id}\" value=\"{value}\"/>");
        }
        out.push_str("</attvalues>\n");
        let colour = role_colour(node.role);
        let rgb = |at: usize| u8::from_str_radix(colour.get(at..at + 2).unwrap_or("80"), 16);
        let (r, g, b) = (
            rgb(1).unwrap_or(128),
            rgb(3).unwrap_or(128),
            rgb(5).unwrap_or(128),
        );
        let size = 4.0 + 16.0 * (f64::from(node.degree) / f64::from(largest.max(1))).sqrt();
        let _ = writeln!(
            out,
            "        <viz:position x=\"{:.2}\" y=\"{:.2}\" z=\"0\"/>\
             <viz:size value=\"{size:.2}\"/>\
             <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>\n      </node>",
            coordinate(node.x),
            -coordinate(node.y),
        );
    }
    out.push_str("    </nodes>\n    <edges>\n");
    let n = network.nodes.len() as u32;
    for (i, edge) in network
        .edges
        .iter()
        .filter(|e| e.a < n && e.b < n)
        .enumerate()
    {
        let _ = writeln!(
            out,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\"/>",
            edge.a, edge.b, edge.weight
        );
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// A unit-square coordinate on Gephi's scale (0..=1000); 500 when not a number.
fn coordinate(v: f64) -> f64 {
    if v.is_finite() {
        v.clamp(0.0, 1.0) * 1000.0
    } else {
        500.0
    }
}

#[cfg(test)]
mod tests;
