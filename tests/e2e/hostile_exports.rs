//! End to end, hostile names in the downloads (a name must stay text in every file the page
//! writes, spreadsheets included): the release build in headless
//! Chromium with `tests/fixtures/hostile_names.json` ([`crate::support::hostile`]), whose
//! people are named like an `<img onerror>`, a `<script>`, a spreadsheet formula, a
//! right-to-left override and a zero-width-joined word. Every file the page offers keeps
//! them as text:
//!
//! - the GEXF parses in the browser's XML parser with one `node` per person, in the
//!   core's order, labelled with their exact name, and no active element or `on…` attribute;
//! - the SVG parses as SVG with each name in a `<title>` (the host's also in a label), no
//!   unescaped markup, no active element and no `on…` attribute;
//! - the people CSV is the core's (positions aside), its name cells formula-guarded
//!   (`'=HYPERLINK(…)`); the metrics CSV is the core's with no text cell a spreadsheet
//!   would run; the report JSON names the host and the leaders;
//! - the network PNG (the SVG drawn through an image) and the 1200 × 630 share card are
//!   pictures, and nothing ran on the page meanwhile.
//!
//! `make test` runs it with the other modules of `tests/e2e/`; by hand, after a release
//! build (`PEERSCOPE_DIST` points at a build elsewhere than `dist/`):
//!
//! ```text
//! cargo test -p peerscope-web --test e2e hostile_exports:: -- --ignored --test-threads=1
//! ```

use serde_json::Value;

use crate::support::downloads::{parsed, png_of, png_size, text_of};
use crate::support::hostile::{expected, hostile_on_screen, nothing_injected, FORMULA, HOST};
use crate::support::Session;
use peerscope_core::draw::export::{metrics_csv::metrics_csv, nodes_csv};
use peerscope_core::report::analyze::Analysis;

/// Elements no download may hold: each would run or fetch something.
const ACTIVE: [&str; 6] = [
    "script",
    "img",
    "iframe",
    "foreignObject",
    "object",
    "embed",
];

/// The GEXF is well-formed XML with one node per person, labelled with their name.
async fn gexf_keeps_names(session: &Session, analysis: &Analysis) -> Result<(), String> {
    text_of(session, "export-gexf").await?;
    let xml = parsed(session, "export-gexf", "application/xml").await?;
    let names: Vec<&str> = analysis
        .network
        .nodes
        .iter()
        .map(|n| n.name.as_str())
        .collect();
    let active: Vec<&String> = xml
        .tags
        .iter()
        .filter(|t| ACTIVE.contains(&t.as_str()))
        .collect();
    if xml.root != "gexf" || xml.labels != names || !active.is_empty() || !xml.handlers.is_empty() {
        return Err(format!(
            "the GEXF should label {} nodes {names:?}: {xml:?}",
            names.len()
        ));
    }
    Ok(())
}

/// The SVG is well-formed with every name in a `<title>`, and no markup of theirs.
async fn svg_keeps_names(session: &Session, analysis: &Analysis) -> Result<(), String> {
    let text = text_of(session, "export-svg").await?;
    let raw: Vec<&str> = ["<img", "<script", "<iframe"]
        .into_iter()
        .filter(|m| text.contains(m))
        .collect();
    if !raw.is_empty() {
        return Err(format!("the SVG holds unescaped {raw:?}"));
    }
    let svg = parsed(session, "export-svg", "image/svg+xml").await?;
    let active: Vec<&String> = svg
        .tags
        .iter()
        .filter(|t| ACTIVE.contains(&t.as_str()))
        .collect();
    let missing: Vec<&str> = analysis
        .network
        .nodes
        .iter()
        .map(|n| n.name.as_str())
        .filter(|name| {
            !svg.titles
                .iter()
                .any(|t| t.starts_with(&format!("{name} — ")))
        })
        .collect();
    let host = format!("{HOST} · host");
    if svg.root != "svg"
        || !active.is_empty()
        || !svg.handlers.is_empty()
        || !missing.is_empty()
        || !svg.texts.contains(&host)
    {
        return Err(format!(
            "the SVG should title every name ({missing:?} missing) and label {host:?}: {svg:?}"
        ));
    }
    Ok(())
}

/// Each CSV text cell a spreadsheet would run, if any.
fn formulas(csv_text: &str, text_columns: &[usize]) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    rows.iter()
        .flat_map(|row| text_columns.iter().filter_map(|&c| row.get(c)))
        .filter(|cell| cell.starts_with(['=', '+', '-', '@', '\t', '\r']))
        .map(str::to_string)
        .collect()
}

/// The records of a people CSV without their layout columns (`x`, `y`): the page lays the
/// network out in wasm, where the last digits of a position may differ from a native run.
fn people_rows(csv_text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let rows = reader.records().filter_map(Result::ok);
    rows.map(|r| {
        r.iter()
            .take(r.len().saturating_sub(2))
            .map(str::to_string)
            .collect()
    })
    .collect()
}

/// The people CSV holds the core's rows, the formula name guarded as `'=HYPERLINK(…)`
/// and no text cell a spreadsheet would run.
async fn people_csv_is_guarded(session: &Session, analysis: &Analysis) -> Result<(), String> {
    let people = text_of(session, "export-nodes").await?;
    let rows = people_rows(&people);
    let running = formulas(&people, &[1, 2]);
    let guarded = format!("'{FORMULA}");
    let names: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.get(2))
        .map(String::as_str)
        .collect();
    if rows != people_rows(&nodes_csv(&analysis.network))
        || !running.is_empty()
        || !names.contains(&guarded.as_str())
    {
        return Err(format!(
            "the people CSV should be the core's, with {guarded:?} and no formula \
             ({running:?}): {people}"
        ));
    }
    Ok(())
}

/// The metrics CSV is the core's with no text cell a spreadsheet would run; the report
/// JSON names the host and as many leaders as the core.
async fn metrics_and_report_are_the_cores(
    session: &Session,
    analysis: &Analysis,
) -> Result<(), String> {
    let metrics = text_of(session, "export-metrics-csv").await?;
    let running = formulas(&metrics, &[0, 4, 5]);
    if metrics != metrics_csv(&analysis.report) || !running.is_empty() {
        return Err(format!(
            "the metrics CSV differs from the core's or runs {running:?}: {metrics}"
        ));
    }
    let json: Value = serde_json::from_str(&text_of(session, "export-report-json").await?)
        .map_err(|e| format!("the report JSON does not parse: {e}"))?;
    let leaders = json["funnel"]["leaders"].as_array().map_or(0, Vec::len);
    if json["hosts"][0]["name"] != HOST || leaders != analysis.report.funnel.leaders.len() {
        return Err(format!(
            "the report JSON does not hold the host and {} leaders: {}",
            analysis.report.funnel.leaders.len(),
            json["hosts"]
        ));
    }
    Ok(())
}

/// The network PNG (the SVG with the names, drawn through an image) and the share card
/// are pictures of their sizes; returns their lengths in bytes.
async fn pictures(session: &Session) -> Result<(usize, usize), String> {
    let network = png_of(session, "export-png").await?;
    if png_size(&network).is_none_or(|(w, h)| w < 800 || h < 500) {
        return Err(format!(
            "the network PNG is too small: {:?}",
            png_size(&network)
        ));
    }
    let card = png_of(session, "export-share-card").await?;
    if png_size(&card) != Some((1200, 630)) || card.len() < 5000 {
        return Err(format!(
            "the share card is not a 1200×630 picture: {:?}, {} bytes",
            png_size(&card),
            card.len()
        ));
    }
    Ok((network.len(), card.len()))
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn hostile_names_stay_text_in_every_download() {
    let (path, analysis) = expected();
    let session = Session::open("hostile-downloads").await;
    let outcome = async {
        let scripts = hostile_on_screen(&session, &path, analysis.network.nodes.len()).await?;
        gexf_keeps_names(&session, &analysis).await?;
        svg_keeps_names(&session, &analysis).await?;
        people_csv_is_guarded(&session, &analysis).await?;
        metrics_and_report_are_the_cores(&session, &analysis).await?;
        let (network, card) = pictures(&session).await?;
        nothing_injected(&session, scripts).await?;
        println!(
            "GEXF, SVG, CSVs and JSON keep the names as text; \
             PNG {network} bytes, share card {card} bytes"
        );
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

/// The checks above rely on [`formulas`] and [`people_rows`]; they run in every
/// `cargo test`, with no browser, so a checker that finds nothing cannot pass unseen.
#[test]
fn formulas_finds_each_cell_a_spreadsheet_would_run_and_rows_drop_positions() {
    let text =
        "id,name,x,y\n1,=SUM(A1),0.5,0.5\n2,'=SUM(A1),0.1,0.2\n3,@cmd,1,1\n4,-2,0,0\n5,Ann,0,0\n";
    assert_eq!(formulas(text, &[1]), ["=SUM(A1)", "@cmd", "-2"]);
    assert!(formulas(text, &[0]).is_empty(), "ids are not formulas");
    assert_eq!(
        people_rows(text).first(),
        Some(&vec!["1".to_string(), "=SUM(A1)".to_string()])
    );
}
