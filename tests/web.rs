//! Browser tests of the web UI: components rendered into a div in headless Chromium, the
//! scheduler flushed, the DOM asserted on. No sleeps, no network.
//!
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown
//! --test web`.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use peerscope::analyze::{Analysis, Input};
use peerscope::metric::Metric;
use peerscope::options::Options;
use peerscope::report::*;
use peerscope::ui::charts::{Charts, ChartsProps};
use peerscope::ui::checklist::{Checklist, ChecklistProps};
use peerscope::ui::network::{NetworkPanel, NetworkPanelProps};
use peerscope::ui::state::{Inputs, Request, Shown};
use peerscope::ui::verdict::{VerdictPanel, VerdictPanelProps};
use peerscope::ui::{App, Page, PageProps, Shared, Source, State};
use peerscope::view::{EdgeView, NetworkView, NodeView, Role};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::scheduler::flush;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh div in the page's body to render into.
fn root() -> Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").expect("a div");
    gloo::utils::body().append_child(&div).expect("appended");
    div
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("{selector} is on the page"))
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector)
        .expect("a valid selector")
        .length()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn person(id: &str, name: &str) -> PersonRef {
    PersonRef {
        id: id.into(),
        name: name.into(),
    }
}

fn node(id: &str, role: Role, degree: u32, x: f64, y: f64) -> NodeView {
    NodeView {
        id: id.into(),
        name: format!("Person {id}"),
        role,
        degree,
        x,
        y,
        away: role == Role::Host,
        community: u32::from(role == Role::Leader),
        replies_given: degree,
        replies_received: 1,
        peer_replies: 0,
    }
}

fn step(id: &str, priority: f64) -> Step {
    Step {
        profile: "all".into(),
        id: id.into(),
        title: format!("Step {id}"),
        why: format!("Because of {id}."),
        how: vec!["Do one thing.".into(), "Do another.".into()],
        priority,
        people: vec![person("2", "Person 2")],
    }
}

/// A small hand-made analysis: 12 people (one host), a community verdict, three steps.
fn made_up_analysis() -> Shared<Analysis> {
    let unknown = || Metric::unobservable("not measured in this test");
    let median = || Median {
        value: None,
        unit: "minutes",
        count: 0,
        reason: Some("not measured in this test".into()),
    };
    let mut nodes = vec![node("0", Role::Host, 11, 0.5, 0.5)];
    for i in 1..12u32 {
        let role = if i < 3 { Role::Leader } else { Role::Audience };
        let angle = f64::from(i) * 0.57;
        nodes.push(node(
            &i.to_string(),
            role,
            1 + i % 3,
            0.5 + 0.4 * angle.cos(),
            0.5 + 0.4 * angle.sin(),
        ));
    }
    let mut edges: Vec<EdgeView> = (1..12).map(|b| EdgeView { a: 0, b, weight: b }).collect();
    edges.push(EdgeView {
        a: 1,
        b: 2,
        weight: 5,
    });
    let report = Report {
        schema: SCHEMA,
        sources: Sources {
            format: "discord".into(),
            files: vec![],
            messages: 120,
            inferred_replies: 0,
            warnings: vec!["Some messages had no author and were skipped.".into()],
        },
        counts: Counts {
            messages: 120,
            participants: 12,
            days: 30,
            ..Counts::default()
        },
        hosts: vec![HostInfo {
            id: "0".into(),
            name: "Person 0".into(),
            detected: true,
            uncertain: false,
            how: "most people talk to them".into(),
        }],
        profile: Default::default(),
        goal: Default::default(),
        metrics: Metrics {
            host_share: unknown(),
            centralization: unknown(),
            in_centralization: unknown(),
            out_centralization: unknown(),
            resilience: unknown(),
            peer_reply_share: unknown(),
            member_initiated_share: unknown(),
            reciprocity: unknown(),
            active_share: unknown(),
            peer_answer_share: unknown(),
            continuation: unknown(),
            connect_share: unknown(),
            density: unknown(),
            modularity: unknown(),
            isolate_share: unknown(),
            median_minutes_to_peer_answer: median(),
            median_minutes_to_host_answer: median(),
        },
        verdict: Verdict {
            label: Label::Community,
            score: Some(71.6),
            headline: "A community: members answered each other 40 times.".into(),
            framing: "You want connection, and they have it.".into(),
            evidence: vec![Evidence {
                metric: "peer_reply_share".into(),
                value: 0.7,
                weight: 0.3,
                leans: Label::Community,
                sentence: "70% of replies go between members.".into(),
            }],
        },
        structure: Structure {
            kind: Some("tight_crowd".into()),
            why: "Dense.".into(),
        },
        funnel: Funnel {
            audience: 12,
            engaged: 4,
            core: 3,
            leaders: vec![],
            leader_order: String::new(),
            bridges: vec![],
        },
        spaces: vec![],
        timeline: Timeline {
            bucket: "week",
            points: vec![],
        },
        checklist: vec![step("low", 10.0), step("high", 90.0), step("mid", 50.0)],
    };
    let participants = nodes.iter().map(|n| person(&n.id, &n.name)).collect();
    Shared::new(Analysis {
        report,
        network: NetworkView {
            nodes,
            edges,
            ..NetworkView::default()
        },
        participants,
    })
}

#[wasm_bindgen_test]
async fn verdict_panel_puts_the_headline_first_and_folds_the_evidence() {
    let root = root();
    let props = VerdictPanelProps {
        analysis: made_up_analysis(),
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

#[wasm_bindgen_test]
async fn network_draws_one_circle_per_person_and_can_hide_the_host() {
    let root = root();
    let props = NetworkPanelProps {
        analysis: made_up_analysis(),
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
    assert_eq!(count(&root, "#export-gexf"), 1);
    assert_eq!(count(&root, "#export-png"), 1);
}

#[wasm_bindgen_test]
async fn checklist_shows_the_most_urgent_step_first() {
    let root = root();
    let props = yew::props!(ChecklistProps {
        analysis: made_up_analysis(),
    });
    yew::Renderer::<Checklist>::with_root_and_props(root.clone(), props).render();
    flush().await;

    assert_eq!(count(&root, "#checklist li"), 3, "one li per step");
    assert_eq!(text(&root, "#checklist li .title"), "Step high");
    assert_eq!(count(&root, "#checklist li:first-child .how"), 2);
    assert!(text(&root, "#checklist li .step-people").contains("Person 2"));
}

#[wasm_bindgen_test]
async fn ticked_steps_are_checked_and_crossed_out() {
    let root = root();
    let props = yew::props!(ChecklistProps {
        analysis: made_up_analysis(),
        ticked: Rc::new(
            ["mid".to_string()]
                .into_iter()
                .collect::<std::collections::BTreeSet<_>>()
        ),
    });
    yew::Renderer::<Checklist>::with_root_and_props(root.clone(), props).render();
    flush().await;

    assert_eq!(count(&root, "#checklist li.done"), 1);
    assert_eq!(
        count(&root, "#checklist li[data-step='mid'] input:checked"),
        1
    );
    assert_eq!(
        count(&root, "#checklist li input[type=checkbox][aria-label]"),
        3
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

    assert_eq!(count(&root, "#charts figure"), 4);
    assert_eq!(count(&root, "#charts figure .chart-svg svg"), 4);
    assert_eq!(count(&root, "#charts figure figcaption"), 4);
    assert_eq!(count(&root, "#chart-funnel rect.bar"), 4);
}

#[wasm_bindgen_test]
async fn app_opens_on_the_analysed_sample() {
    let root = root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    flush().await;

    assert!(text(&root, ".sample-note").contains("This is a sample"));
    assert!(root
        .query_selector("#file-input[type=file][multiple]")
        .ok()
        .flatten()
        .is_some());
    assert!(
        peerscope::analyze(&peerscope::sample::inputs(), &Options::default()).is_ok(),
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

/// Chooses `value` in the select `selector`, as a person would.
fn choose(root: &Element, selector: &str, value: &str) {
    let select: HtmlSelectElement = find(root, selector).unchecked_into();
    select.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    let change = Event::new_with_event_init_dict("change", &init).expect("an event");
    select.dispatch_event(&change).expect("dispatched");
}

#[wasm_bindgen_test]
async fn choosing_a_profile_or_no_host_re_runs_the_analysis() {
    let root = root();
    yew::Renderer::<App>::with_root(root.clone()).render();
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

/// A page whose report on screen came from elsewhere and whose files cannot be read.
fn page_with_a_report_and_a_broken_file() -> Element {
    let request = Rc::new(Request {
        id: 0,
        inputs: Inputs::Bytes(Shared::new(vec![Input::new(
            "broken.json",
            b"{ not json".to_vec(),
        )])),
        source: Source::Files(vec!["broken.json".into()]),
        options: Options::default(),
    });
    let mut state = State::with_inputs(vec![], Source::Sample);
    state.asked = Rc::clone(&request);
    state.shown = Some(Shown {
        request,
        analysis: made_up_analysis(),
    });
    let root = root();
    let props = PageProps {
        start: Shared::new(state),
    };
    yew::Renderer::<Page>::with_root_and_props(root.clone(), props).render();
    root
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
    let record = |l: peerscope::ui::loading::Loading| seen.borrow_mut().push((l.file, l.read));
    let inputs = peerscope::ui::fallback::read_in_slices(&files, &never, &record)
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
    let stopped = peerscope::ui::fallback::read_in_slices(&files, &cancelled, &|_| {}).await;
    assert_eq!(
        stopped,
        Ok(None),
        "a cancelled read stops before the first slice"
    );
}

/// Fires `kind` (bubbling) on `target`; `init` is the event's JavaScript init object.
fn fire(target: &Element, constructor: &str, kind: &str, init: &str) {
    let make = js_sys::Function::new_no_args(&format!(
        "return new {constructor}('{kind}', Object.assign({{bubbles: true, cancelable: true}}, {init}));"
    ));
    let event: Event = make
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("an event")
        .unchecked_into();
    target.dispatch_event(&event).expect("dispatched");
}

#[wasm_bindgen_test]
async fn search_marks_the_people_found_and_keys_zoom() {
    let root = root();
    let props = NetworkPanelProps {
        analysis: made_up_analysis(),
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

/// 2 100 people, the first 100 in a star: above the canvas thresholds.
fn big_analysis() -> Analysis {
    let small = made_up_analysis();
    let mut big = (*small).clone();
    let people = 2100u32;
    big.network.nodes = (0..people)
        .map(|i| {
            let degree = u32::from(i < 100);
            let x = f64::from(i % 50) / 50.0;
            node(
                &i.to_string(),
                Role::Audience,
                degree,
                x,
                f64::from(i / 50) / 42.0,
            )
        })
        .collect();
    big.network.edges = (1..100).map(|b| EdgeView { a: 0, b, weight: 1 }).collect();
    big
}

/// Sets the page's query string (`?renderer=svg`, say) without reloading.
fn set_query(query: &str) {
    let window = gloo::utils::window();
    let history = js_sys::Reflect::get(&window, &"history".into()).expect("window.history");
    let replace: js_sys::Function = js_sys::Reflect::get(&history, &"replaceState".into())
        .expect("history.replaceState")
        .unchecked_into();
    let path = format!(
        "{}{query}",
        window.location().pathname().unwrap_or_default()
    );
    replace
        .call3(
            &history,
            &JsValue::NULL,
            &JsValue::from_str(""),
            &JsValue::from_str(&path),
        )
        .expect("the address changes");
}

#[wasm_bindgen_test]
async fn a_big_network_is_drawn_on_a_canvas_with_everyone() {
    let root = root();
    let props = NetworkPanelProps {
        analysis: Shared::new(big_analysis()),
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
    assert_eq!(count(&root, "#export-svg"), 0, "no SVG to download");
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
    use peerscope::ui::import_status::{ImportStatus, ImportStatusProps};
    use peerscope::ui::loading::{Loading, Runner};
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
    // What the import worker sends and the page reads back (src/ui/messages.rs).
    let analysis = peerscope::analyze(&peerscope::sample::inputs(), &Options::default())
        .expect("the sample reads");
    let object = peerscope::ui::messages::to_js(&analysis).expect("an object");
    let back: Analysis = peerscope::ui::messages::from_js(object).expect("read back");
    let value = |a: &Analysis| serde_json::to_value(a).expect("plain data");
    assert_eq!(value(&back), value(&analysis));
    assert_eq!(back.network.nodes.len(), analysis.network.nodes.len());
}
