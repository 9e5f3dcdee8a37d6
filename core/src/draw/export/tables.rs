//! The network as two CSV tables (one row per person, one per tie), for spreadsheets and
//! for tools that read edge lists.

use std::borrow::Cow;

use super::csv_text::CsvText;
use crate::draw::view::NetworkView;

/// `id,name,role,community,degree,replies_given,replies_received,peer_replies,away,x,y`,
/// one row per node in `network.nodes` order (the `id` column is the node's index, as in
/// the edge table; `person` its id in the export). Only the header when empty. The text
/// cells (`person`, `name`) go through [`spreadsheet_safe`]; numbers are written as they are.
pub fn nodes_csv(network: &NetworkView) -> String {
    let mut w = CsvText::default();
    w.record([
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
        w.record([
            i.to_string(),
            spreadsheet_safe(&n.id).into_owned(),
            spreadsheet_safe(&n.name).into_owned(),
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
    w.finish()
}

/// `source,target,weight`, one row per tie (node indices as in [`nodes_csv`]). Only the
/// header when there are no ties.
pub fn edges_csv(network: &NetworkView) -> String {
    let mut w = CsvText::default();
    w.record(["source", "target", "weight"]);
    for e in &network.edges {
        w.record([e.a.to_string(), e.b.to_string(), e.weight.to_string()]);
    }
    w.finish()
}

/// A text cell a spreadsheet will not run: text starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return (what Excel, LibreOffice and Google Sheets read as a formula) gets a
/// leading `'`, as OWASP's advice on CSV injection says, so a person named
/// `=HYPERLINK(…)` shows as that text. Other text, and empty text, is returned as it is.
/// For text cells only: a negative number written through it would become text.
pub fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::view::{EdgeView, NodeView};

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
            ..NetworkView::default()
        };
        let nodes = nodes_csv(&network);
        assert_eq!(nodes.lines().count(), 2);
        assert!(nodes.contains("\"Smith, \"\"Jo\"\"\""));
        assert_eq!(edges_csv(&network), "source,target,weight\n0,0,2\n");
        assert_eq!(edges_csv(&NetworkView::default()).lines().count(), 1);
    }

    #[test]
    fn formulas_in_names_stay_text_and_numbers_stay_numbers() {
        let hostile = [
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A9)",
            "\tTab",
            "\rReturn",
        ];
        let network = NetworkView {
            nodes: hostile
                .iter()
                .map(|name| NodeView {
                    id: format!("{name}-id"),
                    name: (*name).to_string(),
                    x: -12.5,
                    y: 3.0,
                    ..NodeView::default()
                })
                .collect(),
            edges: Vec::new(),
            ..NetworkView::default()
        };
        let table = nodes_csv(&network);
        let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(table.as_bytes())
            .records()
            .filter_map(Result::ok)
            .collect();
        assert_eq!(rows.len(), hostile.len());
        for (row, name) in rows.iter().zip(hostile) {
            assert_eq!(row.get(1), Some(format!("'{name}-id").as_str()));
            assert_eq!(row.get(2), Some(format!("'{name}").as_str()));
            assert_eq!(row.get(10), Some("-12.5000"), "x stays a number");
        }
        assert_eq!(spreadsheet_safe("Ann = Bo"), "Ann = Bo");
        assert_eq!(spreadsheet_safe(""), "");
    }
}
