//! Downloads of the network: PNG and SVG of the drawing, GEXF for Gephi, CSV tables. They
//! are shown with the report's downloads ([`crate::report::downloads`]), under Deeper, not
//! under the drawing: on a phone the checklist comes right after the picture.
//!
//! Each button builds the file in the page (nothing leaves the browser), hands it to the
//! browser as a download, and keeps its address in the button's `data-href` (and a text
//! file's Blob in the button's `peerscopeFile` property), so a test can read what was
//! produced.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement};
use web_sys::{CanvasRenderingContext2d, Url, XmlSerializer};
use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::shared::Shared;
use crate::network::drawing::{HEIGHT, WIDTH};
use crate::network::picture_files::PictureFiles;
use peerscope_core::draw::export::{edges_csv, gexf, nodes_csv};

/// The PNG is drawn at this multiple of the SVG's size, sharp on high-density screens.
const PNG_SCALE: f64 = 2.0;

/// Props of [`ExportBar`].
#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    pub analysis: Shared<PageAnalysis>,
    /// The canvas network's PNG and SVG makers, read at each click (empty for an SVG
    /// network, whose drawing `#network` is serialised instead).
    pub files: PictureFiles,
}

/// `#export-png`, `#export-svg` (the canvas network's written by
/// [`peerscope_core::draw::export::svg`]), `#export-gexf`, `#export-nodes`,
/// `#export-edges`, under the heading `#network-downloads-title`.
#[component]
pub fn ExportBar(props: &ExportBarProps) -> Html {
    let file = |id: &'static str,
                name: &'static str,
                mime: &'static str,
                make: fn(&PageAnalysis) -> String| {
        let analysis = props.analysis.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = offer(id, name, mime, &make(&analysis));
        })
    };
    let files = props.files.clone();
    let on_png = Callback::from(move |_: MouseEvent| match files.png() {
        Some(draw) => {
            if let Some(url) = draw.emit(()) {
                let _ = save("export-png", "peerscope-network.png", &url);
            }
        }
        None => spawn_local(async {
            let _ = png().await;
        }),
    });
    let files = props.files.clone();
    let on_svg = Callback::from(move |_: MouseEvent| {
        let text = match files.svg() {
            Some(write) => Some(write.emit(())),
            None => svg_text(),
        };
        if let Some(svg) = text {
            let _ = offer("export-svg", "peerscope-network.svg", "image/svg+xml", &svg);
        }
    });
    let gexf_file = file(
        "export-gexf",
        "peerscope-network.gexf",
        "application/gexf+xml",
        |a| gexf(&a.network),
    );
    let people = file("export-nodes", "peerscope-people.csv", "text/csv", |a| {
        nodes_csv(&a.network)
    });
    let ties = file("export-edges", "peerscope-ties.csv", "text/csv", |a| {
        edges_csv(&a.network)
    });
    html! {
        <div class="download-group" role="group" aria-labelledby="network-downloads-title">
            <h3 id="network-downloads-title">{ "Download the network" }</h3>
            <ul class="download-list">
                { line("export-png", "The picture (PNG)", "for a post or a slide", on_png) }
                { line("export-svg", "The picture (SVG)", "sharp at any size, for print",
                    on_svg) }
                { line("export-gexf", "For Gephi (GEXF)",
                    "to explore it in Gephi, the free network tool", gexf_file) }
                { line("export-nodes", "People as a spreadsheet (CSV)",
                    "one row per person: role, ties, replies", people) }
                { line("export-edges", "Ties as a spreadsheet (CSV)",
                    "one row per pair who talked, and how often", ties) }
            </ul>
        </div>
    }
}

/// One download: its button (`#id`, saying what the file is) and a line on what it is for.
pub(crate) fn line(
    id: &'static str,
    what: &'static str,
    for_what: &'static str,
    onclick: Callback<MouseEvent>,
) -> Html {
    let described = format!("{id}-for");
    html! {
        <li>
            <button {id} type="button" {onclick} aria-describedby={described.clone()}>
                { what }</button>
            <span id={described} class="download-for">{ for_what }</span>
        </li>
    }
}

/// Offers `text` as a download named `name`, and records its Blob URL on `#button`
/// (replacing, and releasing, the previous one).
pub(crate) fn offer(button: &str, name: &str, mime: &str, text: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    save(button, name, &url)?;
    // The file itself, readable from script as `#button.peerscopeFile.text()` (a `blob:`
    // URL cannot be fetched under the page's `connect-src 'self'`).
    if let Some(element) = gloo::utils::document().get_element_by_id(button) {
        js_sys::Reflect::set(&element, &JsValue::from_str("peerscopeFile"), &blob)?;
    }
    Ok(url)
}

/// Clicks a temporary `<a download>` for `href` and records it on `#button`.
fn save(button: &str, name: &str, href: &str) -> Result<(), JsValue> {
    let document = gloo::utils::document();
    if let Some(button) = document.get_element_by_id(button) {
        if let Some(old) = button
            .get_attribute("data-href")
            .filter(|h| h.starts_with("blob:"))
        {
            let _ = Url::revoke_object_url(&old);
        }
        button.set_attribute("data-href", href)?;
    }
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(href);
    link.set_download(name);
    link.click();
    Ok(())
}

/// The drawing `#network` as standalone SVG text (it carries its own style).
fn svg_text() -> Option<String> {
    let svg = gloo::utils::document().get_element_by_id("network")?;
    XmlSerializer::new().ok()?.serialize_to_string(&svg).ok()
}

/// Renders the drawing into a canvas and offers it as `peerscope-network.png`.
async fn png() -> Result<(), JsValue> {
    let text = svg_text().ok_or_else(|| JsValue::from_str("no #network to export"))?;
    let size = (WIDTH * PNG_SCALE, HEIGHT * PNG_SCALE);
    offer_png(&text, size, "export-png", "peerscope-network.png").await
}

/// Draws standalone SVG `text` on a white `size` (pixels) canvas through an image, and
/// offers the canvas as the PNG download `name`, recorded on `#button` as a `data:` URL.
pub(crate) async fn offer_png(
    text: &str,
    size: (f64, f64),
    button: &str,
    name: &str,
) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let url = Url::create_object_url_with_blob(&Blob::new_with_str_sequence_and_options(
        &parts, &options,
    )?)?;
    let image = HtmlImageElement::new()?;
    image.set_src(&url);
    let decoded = JsFuture::from(image.decode()).await;
    let _ = Url::revoke_object_url(&url);
    decoded?;
    let (width, height) = size;
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")?
        .unchecked_into();
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2D context"))?
        .unchecked_into();
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, width, height);
    context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, width, height)?;
    let data = canvas.to_data_url_with_type("image/png")?;
    save(button, name, &data)
}
