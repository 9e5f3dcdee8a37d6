//! The page's downloads, all in one place under Deeper: the report as JSON, the metrics as
//! CSV, the anonymised share card as PNG, a printable page (the print stylesheet in
//! `www/style.css`), and the network's files ([`ExportBar`]: its picture, GEXF, people and
//! ties).
//!
//! Every file is made from the report on screen, so with the anonymise switch on the JSON
//! carries pseudonyms too; the share card never carries a name either way.

use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::shared::Shared;
use crate::network::export::{line, offer, offer_png, ExportBar};
use crate::network::picture_files::PictureFiles;
use peerscope_core::draw::export::metrics_csv::metrics_csv;
use peerscope_core::draw::share_card::{share_card, HEIGHT, WIDTH};

/// What the downloads are, above their buttons.
const EXPLAIN: &str = "Made here in your browser; nothing is uploaded. The share card shows the \
    verdict, the score, the funnel and the network's shape, with no names; the network's \
    files name its people unless Anonymise is on.";

/// `#export-report-json`, `#export-metrics-csv`, `#export-share-card` and `#print`, then the
/// network's ([`ExportBar`], its canvas pictures made through `files`), each making its
/// file from `analysis` when clicked. A plain function: it has no state.
pub fn downloads(analysis: &Shared<PageAnalysis>, files: &PictureFiles) -> Html {
    let text = |id: &'static str,
                name: &'static str,
                mime: &'static str,
                make: fn(&PageAnalysis) -> String| {
        let analysis = analysis.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = offer(id, name, mime, &make(&analysis));
        })
    };
    let on_card = {
        let analysis = analysis.clone();
        Callback::from(move |_: MouseEvent| {
            let svg = share_card(&analysis.report, &analysis.network);
            spawn_local(async move {
                let _ = offer_png(
                    &svg,
                    (WIDTH, HEIGHT),
                    "export-share-card",
                    "peerscope-share-card.png",
                )
                .await;
            });
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let report = text(
        "export-report-json",
        "peerscope-report.json",
        "application/json",
        report_json,
    );
    let numbers = text(
        "export-metrics-csv",
        "peerscope-metrics.csv",
        "text/csv",
        |a| metrics_csv(&a.report),
    );
    html! {
        <section class="downloads" aria-labelledby="downloads-title">
            <h2 id="downloads-title">{ "Take it with you" }</h2>
            <p class="explain">{ EXPLAIN }</p>
            <ul class="download-list" aria-label="Download the report">
                { line("export-report-json", "The report (JSON)",
                    "every number, for your own tools", report) }
                { line("export-metrics-csv", "The numbers as a spreadsheet (CSV)",
                    "one row per measure", numbers) }
                { line("export-share-card", "A share card (PNG)",
                    "the answer as a picture, with no names", on_card) }
                { line("print", "Print", "or save the page as a PDF", on_print) }
            </ul>
            <ExportBar analysis={analysis.clone()} files={files.clone()} />
        </section>
    }
}

/// The report as the CLI's `--json` writes it, indented; empty only if serialising failed.
///
/// Through the JS API's serializer and the browser's `JSON.stringify`, not serde_json: the
/// wasm already holds that serializer for the report, and a second one would cost tens of
/// kilobytes.
fn report_json(analysis: &PageAnalysis) -> String {
    let Ok(value) = analysis
        .report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
    else {
        return String::new();
    };
    js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from(2))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}
