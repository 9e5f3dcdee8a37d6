//! Big networks (canvas, or the most connected in SVG), the import status, and the
//! analysis crossing from the worker as an object.

use super::*;

#[wasm_bindgen_test]
async fn a_big_network_is_drawn_on_a_canvas_with_everyone() {
    let root = root();
    let files = PictureFiles::default();
    let props = NetworkPanelProps {
        analysis: Shared::new(big_analysis()),
        request: 1,
        files: files.clone(),
    };
    yew::Renderer::<NetworkPanel>::with_root_and_props(root.clone(), props).render();
    flush().await;
    let canvas = find(&root, "canvas#network");
    assert_eq!(canvas.get_attribute("data-nodes").as_deref(), Some("2100"));
    assert_eq!(canvas.get_attribute("data-shown").as_deref(), Some("2100"));
    assert_eq!(canvas.get_attribute("data-ties").as_deref(), Some("99"));
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(count(&root, "#network circle"), 0);
    assert_eq!(count(&root, "#big-note"), 0, "the canvas draws everyone");
    // The downloads, under Deeper, make the canvas's pictures through `files`: its SVG is
    // written by the core from the scene painted.
    let svg = files
        .svg()
        .expect("the canvas hands its SVG maker to the downloads");
    assert!(
        svg.emit(()).contains("<svg"),
        "the core's SVG of the canvas"
    );
    assert!(files.png().is_some(), "and its PNG maker");
    assert!(
        count(&root, ".network-names .name") >= 1,
        "the top people are named"
    );
}

#[wasm_bindgen_test]
async fn a_big_svg_draws_the_most_connected_until_asked() {
    // The SVG of a big network, as `?renderer=svg` asks for it.
    set_query("?renderer=svg");
    let root = root();
    let props = NetworkPanelProps {
        analysis: Shared::new(big_analysis()),
        request: 1,
        files: PictureFiles::default(),
    };
    yew::Renderer::<NetworkPanel>::with_root_and_props(root.clone(), props).render();
    flush().await;
    set_query("");
    let svg = find(&root, "svg#network");
    assert_eq!(svg.get_attribute("data-nodes").as_deref(), Some("2100"));
    assert_eq!(svg.get_attribute("data-shown").as_deref(), Some("2000"));
    assert_eq!(count(&root, "#network circle"), 2000);
    let note = text(&root, "#big-note");
    assert!(
        note.contains("2\u{202f}000 most connected of 2\u{202f}100"),
        "{note}"
    );
    find(&root, "#show-all")
        .unchecked_into::<HtmlElement>()
        .click();
    flush().await;
    assert_eq!(count(&root, "#network circle"), 2100);
    assert_eq!(svg.get_attribute("data-shown").as_deref(), Some("2100"));

    find(&root, "#hide-isolates")
        .unchecked_into::<HtmlElement>()
        .click();
    flush().await;
    assert_eq!(
        count(&root, "#network circle"),
        100,
        "only the star is left"
    );
}

#[wasm_bindgen_test]
async fn the_import_status_shows_bytes_of_the_total_and_cancels() {
    use peerscope_web::import::import_status::{ImportStatus, ImportStatusProps};
    use peerscope_web::import::loading::{Loading, Runner};
    let clicks = Rc::new(std::cell::Cell::new(0));
    let mut loading = Loading::start("big.json", 40_000_000);
    loading.read = 10_000_000;
    loading.messages = 25_000;
    let props = ImportStatusProps {
        loading: Some(loading),
        status: None,
        runner: Some(Runner::Worker),
        stats: None,
        on_cancel: {
            let clicks = Rc::clone(&clicks);
            yew::Callback::from(move |()| clicks.set(clicks.get() + 1))
        },
    };
    let root = root();
    yew::Renderer::<ImportStatus>::with_root_and_props(root.clone(), props).render();
    flush().await;
    let bar = find(&root, "#import-progress");
    assert_eq!(bar.get_attribute("max").as_deref(), Some("40000000"));
    assert_eq!(bar.get_attribute("value").as_deref(), Some("10000000"));
    assert_eq!(
        text(&root, "label[for=import-progress]"),
        "Reading big.json: 10.0 of 40.0 MB, 25\u{202F}000 messages so far"
    );
    assert_eq!(
        find(&root, "#import-status")
            .get_attribute("data-import-path")
            .as_deref(),
        Some("worker")
    );
    find(&root, "#import-cancel")
        .unchecked_into::<HtmlElement>()
        .click();
    assert_eq!(clicks.get(), 1);
}

#[wasm_bindgen_test]
fn an_analysis_crosses_to_the_page_as_an_object_exactly() {
    // What the import worker sends and the page reads back (src/import/messages.rs).
    let analysis = peerscope_core::report::analyze::analyze(
        &peerscope_core::import::sample::inputs(),
        &Options::default(),
    )
    .expect("the sample reads");
    let object = peerscope_web::import::messages::to_js(&analysis).expect("an object");
    let back: Analysis = peerscope_web::import::messages::from_js(object).expect("read back");
    let value = |a: &Analysis| serde_json::to_value(a).expect("plain data");
    assert_eq!(value(&back), value(&analysis));
    assert_eq!(back.network.nodes.len(), analysis.network.nodes.len());
}

#[wasm_bindgen_test]
fn a_network_crosses_to_the_page_as_columns_exactly() {
    // What the import worker sends after the verdict (src/import/network_wire.rs).
    use peerscope_web::import::network_wire::{network_from_js, network_to_js};
    let mut network = peerscope_core::report::analyze::analyze(
        &peerscope_core::import::sample::inputs(),
        &Options::default(),
    )
    .expect("the sample reads")
    .network;
    assert!(!network.nodes.is_empty() && !network.edges.is_empty());
    let mut odd = node("", Role::Leader, 3, 0.25, 0.75);
    odd.name = "\u{05e9}\u{05e8}\u{05d4} 🌸 é".to_string();
    odd.away = true;
    odd.peer_replies = 9;
    network.nodes.push(odd);
    let object = network_to_js(&network).expect("an object");
    assert_eq!(network_from_js(&object).expect("read back"), network);
    js_sys::Reflect::set(
        &object,
        &"textBytes".into(),
        &js_sys::Uint32Array::new_with_length(2),
    )
    .expect("set");
    assert!(
        network_from_js(&object).is_err(),
        "columns of unequal lengths"
    );
}
