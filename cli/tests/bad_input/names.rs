//! Names that look like markup, turn the text around or hide characters: they come
//! through verbatim (but for the zero-width characters around a name, which an import
//! drops) and stay plain text in the GEXF and the people CSV.

use peerscope_core::draw::export::{gexf, nodes_csv};
use peerscope_core::{model::options::HostChoice, model::options::Options};

use super::generate::{discord, names};
use super::harness::read;

const HOSTILE: [&str; 6] = [
    "<img src=x onerror=alert(1)>",
    "\"><script>alert(1)</script>",
    "Tom & Jerry's \"<b>\"",
    "\u{202E}gnp.exe\u{202C}",
    "zero\u{200B}width\u{200D}joiner\u{FEFF}",
    "مرحبا שלום",
];

/// A name as the report shows it: without the zero-width no-break space that ends one.
fn shown(name: &str) -> &str {
    name.trim_end_matches('\u{FEFF}')
}

#[test]
fn names_with_markup_rtl_and_zero_width_stay_plain_text() {
    let mut messages = vec![("0", HOSTILE[0], "2024-01-01T10:00:00+00:00", None)];
    let ids: Vec<String> = (1..=12).map(|i| i.to_string()).collect();
    for (i, id) in ids.iter().enumerate() {
        let author = HOSTILE.get((i + 1) % HOSTILE.len()).copied().unwrap_or("x");
        let parent = if i == 0 {
            "0"
        } else {
            ids.get(i - 1).map_or("0", String::as_str)
        };
        let time = ["2024-01-01T10:01:00+00:00", "2024-01-01T10:02:00+00:00"][i % 2];
        messages.push((id.as_str(), author, time, Some(parent)));
    }
    let text = discord(&messages);
    let host = Options {
        hosts: HostChoice::Named(vec![HOSTILE[0].to_string()]),
        ..Options::default()
    };
    let (analysis, report) = read(
        "hostile names",
        "names.json",
        text,
        &host,
        &["--host", HOSTILE[0]],
    );
    let mut people = names(&analysis);
    people.sort_unstable();
    let mut expected: Vec<&str> = HOSTILE.iter().map(|n| shown(n)).collect();
    expected.sort_unstable();
    assert_eq!(people, expected, "names come through verbatim");
    assert_eq!(
        analysis.report.hosts.first().map(|h| h.name.as_str()),
        Some(HOSTILE[0])
    );
    assert_eq!(report["hosts"][0]["name"], HOSTILE[0]);
    let doc = gexf(&analysis.network);
    for name in HOSTILE.map(shown) {
        let escaped = name
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&apos;");
        assert!(
            doc.contains(&format!("label=\"{escaped}\"")),
            "GEXF label of {name:?}"
        );
    }
    assert!(!doc.contains("<script") && !doc.contains("<img") && !doc.contains("<b>"));
    let labels = doc.matches(" label=\"").count();
    assert_eq!(
        labels,
        HOSTILE.len(),
        "one label per node, no attribute broken out"
    );
    let table = nodes_csv(&analysis.network);
    let mut rows = csv::Reader::from_reader(table.as_bytes());
    let mut in_table: Vec<String> = rows
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| r.get(2).map(str::to_string))
        .collect();
    in_table.sort_unstable();
    assert_eq!(in_table, expected, "CSV cells round-trip");
}
