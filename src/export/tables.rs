//! The network as two CSV tables (one row per person, one per tie), for spreadsheets and
//! for tools that read edge lists.

use crate::view::NetworkView;

/// `id,name,role,community,degree,replies_given,replies_received,peer_replies,away,x,y`,
/// one row per node in `network.nodes` order (the `id` column is the node's index, as in
/// the edge table; `person` its id in the export). Only the header when empty.
pub fn nodes_csv(network: &NetworkView) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "id",
        "person",
        "name",
        "role",
        "community",
        "degree",
        "replies_given",
        "replies_received",
        "peer_replies",
        "away",
        "x",
        "y",
    ]);
    for (i, n) in network.nodes.iter().enumerate() {
        let _ = w.write_record([
            i.to_string(),
            n.id.clone(),
            n.name.clone(),
            n.role.as_str().to_string(),
            n.community.to_string(),
            n.degree.to_string(),
            n.replies_given.to_string(),
            n.replies_received.to_string(),
            n.peer_replies.to_string(),
            n.away.to_string(),
            format!("{:.4}", n.x),
            format!("{:.4}", n.y),
        ]);
    }
    finish(w)
}

/// `source,target,weight`, one row per tie (node indices as in [`nodes_csv`]). Only the
/// header when there are no ties.
pub fn edges_csv(network: &NetworkView) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["source", "target", "weight"]);
    for e in &network.edges {
        let _ = w.write_record([e.a.to_string(), e.b.to_string(), e.weight.to_string()]);
    }
    finish(w)
}

fn finish(w: csv::Writer<Vec<u8>>) -> String {
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::{EdgeView, NodeView};

    #[test]
    fn tables_have_a_header_and_a_row_each_with_quoting() {
        let network = NetworkView {
            nodes: vec![NodeView {
                name: "Smith, \"Jo\"".into(),
                ..NodeView::default()
            }],
            edges: vec![EdgeView {
                a: 0,
                b: 0,
                weight: 2,
            }],
        };
        let nodes = nodes_csv(&network);
        assert_eq!(nodes.lines().count(), 2);
        assert!(nodes.contains("\"Smith, \"\"Jo\"\"\""));
        assert_eq!(edges_csv(&network), "source,target,weight\n0,0,2\n");
        assert_eq!(edges_csv(&NetworkView::default()).lines().count(), 1);
    }
}
