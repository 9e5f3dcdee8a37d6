//! The whole page: the sample on opening, the pickers, errors that keep the last report,
//! and files read in slices.

use super::*;

/// The page as `App` opens it, on the sample, but with the sample's bytes at hand: the
/// app fetches them from beside itself, which the test runner does not serve (the
/// end-to-end tests load it the real way).
fn render_on_sample(root: &Element) {
    let start = State::with_inputs(peerscope_core::import::sample::inputs(), Source::Sample);
    let props = PageProps {
        start: Shared::new(start),
    };
    yew::Renderer::<Page>::with_root_and_props(root.clone(), props).render();
}

#[wasm_bindgen_test]
async fn app_opens_on_the_analysed_sample() {
    let root = root();
    render_on_sample(&root);
    flush().await;

    assert!(text(&root, ".sample-note").contains("This is a sample"));
    assert!(root
        .query_selector("#file-input[type=file][multiple]")
        .ok()
        .flatten()
        .is_some());
    assert!(
        peerscope_core::report::analyze::analyze(
            &peerscope_core::import::sample::inputs(),
            &Options::default()
        )
        .is_ok(),
        "the bundled sample analyses"
    );
    assert_eq!(text(&root, "#error"), "");
    let label = find(&root, "#verdict")
        .get_attribute("data-label")
        .unwrap_or_default();
    assert!(
        ["audience", "emerging", "community"].contains(&label.as_str()),
        "{label}"
    );
    let nodes = find(&root, "#network")
        .get_attribute("data-nodes")
        .unwrap_or_default();
    assert!(
        nodes.parse::<u32>().unwrap_or(0) > 0,
        "data-nodes = {nodes}"
    );
    assert_eq!(
        count(&root, "#network circle").to_string(),
        nodes,
        "one circle per person"
    );
    assert!(count(&root, "#checklist li") >= 4);
    assert!(
        count(&root, "#network circle.role-host") >= 1,
        "the sample's host is found"
    );
}

/// The network's downloads are with the report's in "Take it with you", under Deeper, not
/// between the picture and the checklist.
#[wasm_bindgen_test]
async fn the_networks_downloads_are_with_the_reports_after_the_checklist() {
    let root = root();
    render_on_sample(&root);
    flush().await;

    for id in [
        "export-png",
        "export-svg",
        "export-gexf",
        "export-nodes",
        "export-edges",
    ] {
        assert_eq!(count(&root, &format!(".downloads #{id}")), 1, "#{id}");
    }
    assert_eq!(count(&root, ".network-panel button[id^='export-']"), 0);
    let checklist = find(&root, "#checklist-title");
    let downloads = find(&root, "#network-downloads-title");
    let after = checklist.compare_document_position(&downloads);
    assert_ne!(
        after & web_sys::Node::DOCUMENT_POSITION_FOLLOWING,
        0,
        "the checklist comes before the network's downloads"
    );
}

#[wasm_bindgen_test]
async fn choosing_a_profile_or_no_host_re_runs_the_analysis() {
    let root = root();
    render_on_sample(&root);
    flush().await;

    choose(&root, "#profile", "startup");
    flush().await;
    assert_eq!(text(&root, "#error"), "");
    assert_eq!(
        find(&root, "#profile")
            .unchecked_into::<HtmlSelectElement>()
            .value(),
        "startup"
    );
    assert!(count(&root, "#checklist li") >= 4);

    choose(&root, "#host", "none");
    flush().await;
    assert_eq!(text(&root, "#error"), "");
    assert_eq!(
        find(&root, "#host")
            .unchecked_into::<HtmlSelectElement>()
            .value(),
        "none"
    );
    assert_eq!(
        count(&root, "#network circle.role-host"),
        0,
        "nobody is the host"
    );
    assert_eq!(
        find(&root, "#profile")
            .unchecked_into::<HtmlSelectElement>()
            .value(),
        "startup"
    );
}

#[wasm_bindgen_test]
async fn an_error_is_one_sentence_and_the_last_good_report_stays() {
    let root = page_with_a_report_and_a_broken_file();
    flush().await;
    assert_ne!(text(&root, "#error"), "", "broken.json cannot be analysed");
    assert_eq!(
        find(&root, "#verdict")
            .get_attribute("data-label")
            .as_deref(),
        Some("community")
    );

    let paste: HtmlTextAreaElement = find(&root, "#paste").unchecked_into();
    paste.set_value("  ");
    find(&root, "#analyze")
        .unchecked_into::<HtmlElement>()
        .click();
    flush().await;
    assert_eq!(
        text(&root, "#error"),
        "The paste box is empty: paste the text of an export first."
    );

    paste.set_value("this is not an export");
    find(&root, "#analyze")
        .unchecked_into::<HtmlElement>()
        .click();
    flush().await;
    assert_ne!(text(&root, "#error"), "");
    assert!(!text(&root, "#error").contains("paste box is empty"));
    assert_eq!(
        count(&root, "#verdict"),
        1,
        "the last good report stays on screen"
    );
    assert_eq!(count(&root, "#network circle"), 12);
}

#[wasm_bindgen_test]
async fn pickers_show_the_choices_and_the_detected_host() {
    let root = page_with_a_report_and_a_broken_file();
    flush().await;
    let host: HtmlSelectElement = find(&root, "#host").unchecked_into();
    assert_eq!(host.value(), "person:0", "the detected host is preselected");
    assert_eq!(
        host.length(),
        2 + 12,
        "detect, no host, and every participant"
    );
    let profile: HtmlSelectElement = find(&root, "#profile").unchecked_into();
    assert_eq!(profile.value(), "creator");
    let goal: HtmlSelectElement = find(&root, "#goal").unchecked_into();
    assert_eq!(goal.value(), "connection");
    assert_eq!(count(&root, "#warnings li"), 1);
    assert_eq!(text(&root, "#funnel li:first-child .n"), "12");
}

#[wasm_bindgen_test]
async fn picked_files_are_read_whole_in_slices_and_in_order() {
    let big: String = "0123456789".repeat(210_000);
    let files = vec![
        gloo::file::File::new("general.json", big.as_str()),
        gloo::file::File::new("thread.json", "[]"),
    ];
    let seen = std::cell::RefCell::new(Vec::new());
    let never = std::cell::Cell::new(false);
    let record =
        |l: peerscope_web::import::loading::Loading| seen.borrow_mut().push((l.file, l.read));
    let inputs = peerscope_web::import::fallback::read_in_slices(&files, &never, &record)
        .await
        .expect("readable")
        .expect("not cancelled");
    assert_eq!(inputs.len(), 2);
    assert_eq!(
        inputs[0],
        Input::new("general.json", big.clone().into_bytes())
    );
    assert_eq!(inputs[1].name, "thread.json");
    assert_eq!(inputs[1].bytes, b"[]");
    let mb = 1024 * 1024;
    let expected = vec![
        ("general.json".to_string(), mb),
        ("general.json".to_string(), 2 * mb),
        ("general.json".to_string(), 2_100_000),
        ("thread.json".to_string(), 2_100_002),
    ];
    assert_eq!(*seen.borrow(), expected, "one report per 1 MiB slice");

    let cancelled = std::cell::Cell::new(true);
    let stopped =
        peerscope_web::import::fallback::read_in_slices(&files, &cancelled, &|_| {}).await;
    assert_eq!(
        stopped,
        Ok(None),
        "a cancelled read stops before the first slice"
    );
}
