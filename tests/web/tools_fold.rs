//! The network's finding and filtering tools behind `#network-tools-toggle`: the button
//! says whether they are out (`aria-expanded`) and names every filter that is on, so a
//! folded filter still shows. Which of them shows on a narrow screen is the stylesheet's
//! (`tests/e2e/phone_tools.rs` checks it in a phone-sized browser).

use super::*;

#[wasm_bindgen_test]
async fn the_toggle_unfolds_the_tools_and_names_what_is_on() {
    let root = root();
    let props = NetworkPanelProps {
        analysis: made_up_analysis(),
        request: 1,
        files: PictureFiles::default(),
    };
    yew::Renderer::<NetworkPanel>::with_root_and_props(root.clone(), props).render();
    flush().await;
    let toggle = find(&root, "#network-tools-toggle");
    let tools = find(&root, ".network-tools");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        toggle.get_attribute("aria-controls").as_deref(),
        Some("network-tools-body")
    );
    assert!(tools.class_list().contains("folded"));
    assert_eq!(
        text(&root, "#network-tools-toggle").trim(),
        "Find and filter"
    );
    // Every tool is in the page while folded: hiding them is the stylesheet's.
    assert_eq!(count(&root, "#network-tools-body #min-weight"), 1);

    toggle.unchecked_ref::<HtmlElement>().click();
    flush().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!tools.class_list().contains("folded"));

    let weight: web_sys::HtmlInputElement = find(&root, "#min-weight").unchecked_into();
    weight.set_value("2");
    fire(&weight, "Event", "input", "{}");
    let search: web_sys::HtmlInputElement = find(&root, "#network-search").unchecked_into();
    search.set_value("PERSON 1");
    fire(&search, "Event", "input", "{}");
    flush().await;
    toggle.unchecked_ref::<HtmlElement>().click();
    flush().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(text(&root, ".tools-on"), "2 on: search, ties of 2+");
}
