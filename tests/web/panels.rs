//! The report's panels on their own: verdict, network (hide the host, hover, search) and
//! charts; the checklist's are in `checklist.rs`.

use super::*;

#[wasm_bindgen_test]
async fn verdict_panel_puts_the_headline_first_and_folds_the_evidence() {
    let root = root();
    let props = VerdictPanelProps {
        analysis: made_up_analysis(),
        arrival: None,
    };
    yew::Renderer::<VerdictPanel>::with_root_and_props(root.clone(), props).render();
    flush().await;

    let verdict = find(&root, "#verdict");
    assert_eq!(
        verdict.get_attribute("data-label").as_deref(),
        Some("community")
    );
    let first = verdict
        .first_element_child()
        .expect("the panel has children");
    assert!(
        first.class_list().contains("headline"),
        "the headline comes first"
    );
    assert_eq!(
        text(&root, ".headline"),
        "A community: members answered each other 40 times."
    );
    assert_eq!(text(&root, "#score"), "72");
    assert_eq!(
        text(&root, ".framing"),
        "You want connection, and they have it."
    );
    assert_eq!(count(&root, "#verdict details.why li"), 1);
}

/// No placeholder where a number belongs: none of these words or marks in `text`.
fn no_placeholder(text: &str) {
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| ",.;:()".contains(c));
        assert!(
            !["?", "?%", "NaN", "null", "undefined", "NaN%"].contains(&word),
            "{word:?} in {text:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn an_undetermined_verdict_says_why_and_shows_no_score() {
    let root = root();
    let props = VerdictPanelProps {
        analysis: undetermined_analysis(),
        arrival: None,
    };
    yew::Renderer::<VerdictPanel>::with_root_and_props(root.clone(), props).render();
    flush().await;

    let verdict = find(&root, "#verdict");
    assert_eq!(
        verdict.get_attribute("data-label").as_deref(),
        Some("undetermined")
    );
    assert_eq!(count(&root, "#score"), 0, "no score at all");
    assert_eq!(text(&root, ".label"), "Too early to tell");
    assert!(text(&root, "#verdict-reason").starts_with("Too little conversation to judge yet: 14"));
    no_placeholder(&verdict.text_content().unwrap_or_default());
}

#[wasm_bindgen_test]
async fn the_measures_table_marks_thin_and_missing_measures() {
    let root = root();
    let props = DeeperProps {
        analysis: undetermined_analysis(),
    };
    yew::Renderer::<Deeper>::with_root_and_props(root.clone(), props).render();
    flush().await;

    assert!(count(&root, "#measures tr[data-metric]") >= 17);
    let thin = text(&root, "#measures tr[data-metric=peer_reply_share]");
    assert!(thin.contains("40%") && thin.contains("2 of 5"), "{thin}");
    assert!(thin.contains("thin: only 5 replies"), "{thin}");
    let null = text(&root, "#measures tr[data-metric=host_share]");
    assert!(
        null.contains("not observable: not measured in this test"),
        "{null}"
    );
    assert!(!null.chars().any(|c| c.is_ascii_digit()), "{null}");
    no_placeholder(&text(&root, ".deeper"));
}

#[wasm_bindgen_test]
async fn network_draws_one_circle_per_person_and_can_hide_the_host() {
    let root = root();
    let props = NetworkPanelProps {
        analysis: made_up_analysis(),
        request: 1,
        files: PictureFiles::default(),
    };
    yew::Renderer::<NetworkPanel>::with_root_and_props(root.clone(), props).render();
    flush().await;

    let svg = find(&root, "svg#network");
    assert_eq!(svg.get_attribute("data-nodes").as_deref(), Some("12"));
    assert_eq!(count(&root, "#network circle"), 12);
    assert_eq!(count(&root, "#network line"), 12);
    assert_eq!(count(&root, "#network circle.role-host"), 1);
    assert_eq!(count(&root, "#network circle > title"), 12);
    assert!(
        count(&root, "#network text") <= 11,
        "only the top names are written"
    );
    assert!(text(&root, "#network .host-name").contains("host"));

    assert_eq!(
        count(&root, "#resilience-note"),
        0,
        "said only when switched"
    );
    find(&root, "#remove-host")
        .unchecked_into::<HtmlElement>()
        .click();
    flush().await;
    let svg = find(&root, "svg#network");
    assert_eq!(svg.get_attribute("data-nodes").as_deref(), Some("11"));
    assert_eq!(count(&root, "#network circle.role-host"), 0);
    assert_eq!(
        count(&root, "#network line"),
        1,
        "only the tie between members is left"
    );
    assert_eq!(
        count(&root, "#network circle.alone"),
        9,
        "members left alone are grey"
    );
    assert!(
        text(&root, "#resilience-note").contains("9 members are left with nobody"),
        "{}",
        text(&root, "#resilience-note")
    );
}

#[wasm_bindgen_test]
async fn hovering_a_person_shows_their_tooltip_and_lights_their_ties() {
    let root = root();
    let props = NetworkPanelProps {
        analysis: made_up_analysis(),
        request: 1,
        files: PictureFiles::default(),
    };
    yew::Renderer::<NetworkPanel>::with_root_and_props(root.clone(), props).render();
    flush().await;
    assert_eq!(count(&root, "#network-tooltip"), 0);

    let leader = find(&root, "#network circle[data-i='1']");
    let init = EventInit::new();
    init.set_bubbles(true);
    let over = Event::new_with_event_init_dict("mouseover", &init).expect("an event");
    leader.dispatch_event(&over).expect("dispatched");
    flush().await;
    assert!(text(&root, "#network-tooltip").contains("Person 1"));
    assert!(text(&root, "#network-tooltip").contains("leader"));
    assert!(text(&root, "#network-tooltip").contains("replies given 2"));
    assert_eq!(
        count(&root, "#network line.lit"),
        2,
        "the host and person 2"
    );
    assert_eq!(count(&root, "#network circle.lit"), 3);
    assert!(find(&root, "#network").class_list().contains("hovering"));
    assert_eq!(
        count(&root, "#export-gexf") + count(&root, "#export-png"),
        0,
        "the network's downloads are the page's, under Deeper"
    );
}

#[wasm_bindgen_test]
async fn charts_are_figures_with_captions() {
    let root = root();
    let props = ChartsProps {
        analysis: made_up_analysis(),
    };
    yew::Renderer::<Charts>::with_root_and_props(root.clone(), props).render();
    flush().await;

    assert_eq!(count(&root, "#charts figure"), 6);
    // The made-up report has no timeline and no trend: a sentence stands for each chart
    // over time (activity, who answers, the trend and the movement).
    assert_eq!(count(&root, "#charts figure .chart-svg svg"), 2);
    assert_eq!(count(&root, "#charts figure .chart-sentence"), 4);
    assert_eq!(count(&root, "#charts figure figcaption"), 6);
    // plotters' bars, measured through the page: one per funnel stage, by role colour.
    for stage in ["audience", "engaged", "core", "leader"] {
        assert_eq!(
            count(&root, &format!("#chart-funnel rect.c-{stage}")),
            1,
            "{stage}"
        );
    }
    assert_eq!(
        count(&root, "#chart-degree rect.c-host"),
        1,
        "the host's bar"
    );
}

#[wasm_bindgen_test]
async fn search_marks_the_people_found_and_keys_zoom() {
    let root = root();
    let props = NetworkPanelProps {
        analysis: made_up_analysis(),
        request: 1,
        files: PictureFiles::default(),
    };
    yew::Renderer::<NetworkPanel>::with_root_and_props(root.clone(), props).render();
    flush().await;
    let whole = "0.00 0.00 800.00 560.00";
    let svg = find(&root, "#network");
    assert_eq!(svg.get_attribute("viewBox").as_deref(), Some(whole));
    assert_eq!(svg.get_attribute("data-shown").as_deref(), Some("12"));

    let search: web_sys::HtmlInputElement = find(&root, "#network-search").unchecked_into();
    search.set_value("PERSON 1");
    fire(&search, "Event", "input", "{}");
    flush().await;
    // Person 1, Person 10 and Person 11.
    assert_eq!(count(&root, "#network circle.match"), 3);
    assert_eq!(text(&root, "#search-status"), "3 people match");
    assert!(find(&root, "#network").class_list().contains("searching"));
    assert_ne!(svg.get_attribute("viewBox").as_deref(), Some(whole));
    search.set_value("");
    fire(&search, "Event", "input", "{}");
    flush().await;
    assert_eq!(count(&root, "#network circle.match"), 0);
    assert_eq!(text(&root, "#search-status"), "");

    find(&root, "#zoom-reset")
        .unchecked_into::<HtmlElement>()
        .click();
    flush().await;
    assert_eq!(svg.get_attribute("viewBox").as_deref(), Some(whole));
    fire(&svg, "KeyboardEvent", "keydown", "{key: '+'}");
    flush().await;
    let zoomed = svg.get_attribute("viewBox").unwrap_or_default();
    assert_ne!(zoomed, whole);
    fire(&svg, "KeyboardEvent", "keydown", "{key: 'ArrowLeft'}");
    flush().await;
    assert_ne!(svg.get_attribute("viewBox").unwrap_or_default(), zoomed);
    fire(&svg, "KeyboardEvent", "keydown", "{key: '0'}");
    flush().await;
    assert_eq!(svg.get_attribute("viewBox").as_deref(), Some(whole));
}

#[wasm_bindgen_test]
async fn the_verdict_shows_its_interval_and_how_sure_once_it_has_arrived() {
    let confident = made_up_analysis();
    let mut tentative = (*confident).clone();
    let mut pending = (*confident).clone();
    let fill = |a: &mut PageAnalysis, low: f64, high: f64, sure: Confidence, bands: Vec<Label>| {
        let v = &mut a.report.verdict;
        v.interval = Some([low, high]);
        v.replicates = 200;
        v.confidence = sure;
        v.bands = bands;
    };
    let mut first = (*confident).clone();
    fill(
        &mut first,
        64.5,
        78.4,
        Confidence::Confident,
        vec![Label::Community],
    );
    fill(
        &mut tentative,
        57.6,
        78.4,
        Confidence::Tentative,
        vec![Label::Emerging, Label::Community],
    );
    pending.report.verdict.interval = None;
    let cases = [
        (
            first,
            Some(("confident", "65", "78", "72 (65–78) · fairly sure")),
        ),
        (
            tentative,
            Some((
                "tentative",
                "58",
                "78",
                "72 (58–78) · between emerging and community",
            )),
        ),
        (pending, None),
    ];
    for (analysis, want) in cases {
        let root = root();
        let props = VerdictPanelProps {
            analysis: Shared::new(analysis.clone()),
            arrival: None,
        };
        yew::Renderer::<VerdictPanel>::with_root_and_props(root.clone(), props).render();
        flush().await;
        let Some((sure, low, high, words)) = want else {
            assert_eq!(
                count(&root, "#verdict-interval"),
                0,
                "nothing before it arrives"
            );
            assert_eq!(count(&root, "#verdict-pending"), 1, "marked provisional");
            continue;
        };
        assert_eq!(count(&root, "#verdict-pending"), 0, "settled");
        let shown = find(&root, "#verdict-interval");
        let attr = |name: &str| shown.get_attribute(name).unwrap_or_default();
        assert_eq!(attr("data-confidence"), sure);
        // The ends on screen are the report's, rounded as every number is.
        let [l, h] = analysis.report.verdict.interval.unwrap();
        assert_eq!(attr("data-low"), format!("{}", l.round()));
        assert_eq!(attr("data-high"), format!("{}", h.round()));
        assert_eq!(
            (attr("data-low").as_str(), attr("data-high").as_str()),
            (low, high)
        );
        assert_eq!(text(&root, "#verdict-interval"), words);
    }
}

/// On a large export the score's interval comes as a second answer to the same request: a
/// new analysis object with the same network. The zoom the person chose meanwhile stays;
/// the next request's report starts from the whole drawing again.
#[wasm_bindgen_test]
async fn a_later_answer_to_the_same_request_keeps_the_zoom() {
    let root = root();
    let first = made_up_analysis();
    let files = PictureFiles::default();
    let props = NetworkPanelProps {
        analysis: first.clone(),
        request: 1,
        files: files.clone(),
    };
    let mut app = yew::Renderer::<NetworkPanel>::with_root_and_props(root.clone(), props).render();
    flush().await;
    let whole = "0.00 0.00 800.00 560.00";
    let svg = find(&root, "#network");
    fire(&svg, "KeyboardEvent", "keydown", "{key: '+'}");
    flush().await;
    let zoomed = svg.get_attribute("viewBox").unwrap_or_default();
    assert_ne!(zoomed, whole);

    app.update(NetworkPanelProps {
        analysis: Shared::new((*first).clone()),
        request: 1,
        files: files.clone(),
    });
    flush().await;
    let svg = find(&root, "#network");
    assert_eq!(svg.get_attribute("viewBox").unwrap_or_default(), zoomed);

    app.update(NetworkPanelProps {
        analysis: Shared::new((*first).clone()),
        request: 2,
        files,
    });
    flush().await;
    let svg = find(&root, "#network");
    assert_eq!(svg.get_attribute("viewBox").as_deref(), Some(whole));
}
