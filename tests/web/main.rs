//! Browser tests of the web UI: components rendered into a div in headless Chromium, the
//! scheduler flushed, the DOM asserted on. No sleeps, no network.
//!
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown
//! --test web`.

// Test code: a failing check panics, which is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use peerscope_core::draw::view::{EdgeView, NetworkView, NodeView, Role};
use peerscope_core::import::Input;
use peerscope_core::model::metric::Metric;
use peerscope_core::model::options::Options;
use peerscope_core::model::schema::*;
use peerscope_core::report::analyze::Analysis;
use peerscope_web::app::analysis::PageAnalysis;
use peerscope_web::app::root::{Page, PageProps};
use peerscope_web::app::shared::Shared;
use peerscope_web::app::state::{Inputs, Request, Shown};
use peerscope_web::app::state::{Source, State};
use peerscope_web::network::picture::{NetworkPanel, NetworkPanelProps};
use peerscope_web::network::picture_files::PictureFiles;
use peerscope_web::report::charts::{Charts, ChartsProps};
use peerscope_web::report::checklist::{Checklist, ChecklistProps};
use peerscope_web::report::deeper::{Deeper, DeeperProps};
use peerscope_web::report::verdict::{VerdictPanel, VerdictPanelProps};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::scheduler::flush;

wasm_bindgen_test_configure!(run_in_browser);

mod big;
mod bombs;
mod checklist;
mod page;
mod panels;
mod tools_fold;

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
        quotes: Vec::new(),
    }
}

/// A small hand-made analysis: 12 people (one host), a community verdict, three steps.
fn made_up_analysis() -> Shared<PageAnalysis> {
    Shared::new(made_up_core().into())
}

/// [`made_up_analysis`] as the core makes it.
fn made_up_core() -> Analysis {
    let unknown = || Metric::unobservable("not measured in this test");
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
            newcomer_welcome_share: unknown(),
            peer_welcome_share: unknown(),
            unanswered_question_share: unknown(),
        },
        verdict: Verdict {
            label: Label::Community,
            score: Some(71.6),
            confidence: Confidence::Tentative,
            reason: None,
            interval: None,
            replicates: 0,
            estimate: None,
            unit: None,
            bands: vec![],
            headline: "A community: members answered each other 40 times.".into(),
            headline_quotes: vec![],
            reconcile: None,
            step_away: String::new(),
            step_away_quotes: vec![],
            framing: "You want connection, and they have it.".into(),
            evidence: vec![Evidence {
                metric: "peer_reply_share".into(),
                value: 0.7,
                weight: 0.3,
                leans: Label::Community,
                sentence: "70% of replies go between members.".into(),
                quotes: vec![],
            }],
        },
        structure: Structure {
            kind: Some("tight_crowd".into()),
            why: "Dense.".into(),
            quotes: vec![],
            groups: vec![],
        },
        funnel: Funnel {
            audience: 12,
            reactors: 0,
            audience_why: "12 in the audience: the 12 people in the conversation; nobody else is known to have reacted.".into(),
            audience_quotes: vec![],
            engaged: 4,
            core: 3,
            only_with_hosts: 0,
            leaders: vec![],
            leader_order: String::new(),
            bridges: vec![],
        },
        spaces: vec![],
        timeline: Timeline {
            bucket: "week",
            points: vec![],
        },
        // In the report's order: the goal orders the plan, so the page keeps it.
        checklist: vec![step("high", 90.0), step("mid", 50.0), step("low", 10.0)],
        newcomers: Newcomers {
            count: 0,
            unwelcomed: 0,
            return_welcomed: unknown(),
            return_unwelcomed: unknown(),
            waiting: vec![],
            waiting_count: 0,
        },
        first_response: FirstResponse::default(),
        absence: Absence::default(),
        trend: None,
        movement: vec![],
    };
    let participants = nodes.iter().map(|n| person(&n.id, &n.name)).collect();
    Analysis {
        report,
        network: NetworkView {
            nodes,
            edges,
            ..NetworkView::default()
        },
        participants,
    }
}

/// [`made_up_analysis`] too small to judge: undetermined, no score, a thin measure
/// (peer replies: 2 of 5) and a null one, and the two steps that ask for more.
fn undetermined_analysis() -> Shared<PageAnalysis> {
    let mut analysis = (*made_up_analysis()).clone();
    let verdict = &mut analysis.report.verdict;
    verdict.label = Label::Undetermined;
    verdict.score = None;
    verdict.confidence = Confidence::Undetermined;
    verdict.reason = Some("Too little conversation to judge yet: 14 replies and mentions among 4 people; a verdict needs at least 30 among 5 or more people.".into());
    verdict.headline =
        "Too early to tell: this export holds too little conversation to judge yet.".into();
    verdict.evidence.clear();
    analysis.report.metrics.peer_reply_share = Metric::observed(0.4, 2.0, 5.0)
        .thinned("only 5 replies in this export (at least 20 needed)");
    analysis.report.checklist = vec![step("export-longer", 100.0), step("add-channels", 90.0)];
    Shared::new(analysis)
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

/// A page whose report on screen came from elsewhere and whose files cannot be read.
fn page_with_a_report_and_a_broken_file() -> Element {
    page_with_a_report_and(Input::new("broken.json", b"{ not json".to_vec()))
}

/// A page whose report on screen came from elsewhere, asked to analyse `file` next.
fn page_with_a_report_and(file: Input) -> Element {
    let name = file.name.clone();
    let request = Rc::new(Request {
        id: 0,
        inputs: Inputs::Bytes(Shared::new(vec![file])),
        source: Source::Files(vec![name]),
        options: Options::default(),
    });
    let mut state = State::with_inputs(vec![], Source::Sample);
    state.asked = Rc::clone(&request);
    state.shown = Some(Shown {
        request,
        analysis: made_up_analysis(),
        laid_out: true,
    });
    let root = root();
    let props = PageProps {
        start: Shared::new(state),
    };
    yew::Renderer::<Page>::with_root_and_props(root.clone(), props).render();
    root
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

/// 2 100 people, the first 100 in a star: above the canvas thresholds.
fn big_analysis() -> PageAnalysis {
    let mut big = made_up_core();
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
    big.into()
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
