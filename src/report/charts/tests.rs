//! The charts drawn natively (plotters estimates text there instead of measuring it):
//! each series is on the picture under its class, type is big enough for a phone, every
//! colour follows the page's scheme, a one-day export has no chart over time, and the
//! host's bar is drawn and marked. The SVGs go to `target/charts/` for a look.

use super::paint::TEXT;
use super::picture;
use peerscope_core::draw::charts::{charts, Chart, Plot};
use peerscope_core::draw::view::{NetworkView, NodeView, Role};
use peerscope_core::report::analyze::Analysis;
use peerscope_core::{analyze, import::Input, model::options::Options};

fn fixture(name: &str) -> Analysis {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    analyze(&[Input::new(name, bytes)], &Options::default())
        .unwrap_or_else(|e| panic!("the core cannot analyse {name}: {e}"))
}

fn drawn(all: &[Chart], id: &str) -> String {
    let chart = all
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no {id}"));
    let svg = picture(&chart.plot).unwrap_or_else(|e| panic!("{id}: {e}"));
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/charts");
    if std::fs::create_dir_all(&dir).is_ok() {
        let _ = std::fs::write(dir.join(format!("{id}.svg")), &svg);
    }
    svg
}

/// The number of `<kind …>` elements whose class is `class`.
fn count(svg: &str, kind: &str, class: &str) -> usize {
    svg.split(&format!("<{kind} class=\"{class}\"")).count() - 1
}

/// The words of every `<text>`, trimmed (plotters puts them on a line of their own).
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| Some(t.split_once('>')?.1.split('<').next()?.trim().to_string()))
        .collect()
}

/// Every `font-size` the SVG writes.
fn font_sizes(svg: &str) -> Vec<f64> {
    svg.split("font-size=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect()
}

/// Asserts what every chart keeps: text of at least [`TEXT`] units, no fixed colour (so
/// dark mode is not a white card), no white background.
fn follows_the_page(id: &str, svg: &str) {
    let sizes = font_sizes(svg);
    assert!(!sizes.is_empty(), "{id} has text");
    assert!(sizes.iter().all(|&s| s >= TEXT - 0.01), "{id}: {sizes:?}");
    for attribute in ["fill=\"#", "stroke=\"#"] {
        assert!(!svg.contains(attribute), "{id} keeps a fixed colour: {svg}");
    }
}

#[test]
fn every_chart_is_drawn_with_its_series() {
    let analysis = fixture("distinctive_names.json");
    let all = charts(&analysis.report, &analysis.network);
    let points = &analysis.report.timeline.points;
    assert!(points.len() >= 5, "the fixture spans six weeks");

    let activity = drawn(&all, "activity");
    // One solid line per series, or more when a partial bucket breaks it.
    assert!(count(&activity, "polyline", "c-host") >= 1, "{activity}");
    assert!(count(&activity, "polyline", "c-accent") >= 1);
    let words = texts(&activity);
    assert!(words.iter().any(|w| w == "host") && words.iter().any(|w| w == "members"));

    let share = drawn(&all, "peer-share");
    let observed = points
        .iter()
        .filter(|p| p.peer_reply_share.value.is_some())
        .count();
    assert_eq!(
        count(&share, "circle", "c-core"),
        observed,
        "a dot per bucket with replies"
    );
    assert!(share.contains("60%"), "the community line is labelled");

    let funnel = drawn(&all, "funnel");
    for class in ["c-audience", "c-engaged", "c-core", "c-leader"] {
        assert_eq!(count(&funnel, "rect", class), 1, "{class}");
    }
    let f = &analysis.report.funnel;
    for number in [f.audience, f.engaged, f.core, f.leaders.len() as u64] {
        assert!(
            texts(&funnel).contains(&number.to_string()),
            "{number} written"
        );
    }

    let degree = drawn(&all, "degree");
    let mut degrees: Vec<u32> = analysis.network.nodes.iter().map(|n| n.degree).collect();
    degrees.sort_unstable();
    degrees.dedup();
    let bars = count(&degree, "rect", "c-engaged") + count(&degree, "rect", "c-host");
    assert!(bars >= degrees.len(), "a bar per degree: {degree}");

    for (id, svg) in [
        ("activity", &activity),
        ("peer-share", &share),
        ("funnel", &funnel),
        ("degree", &degree),
    ] {
        follows_the_page(id, svg);
    }
}

#[test]
fn a_one_day_export_has_no_chart_over_time() {
    let mut analysis = fixture("distinctive_names.json");
    let points = &mut analysis.report.timeline.points;
    points.truncate(1);
    if let Some(only) = points.first_mut() {
        only.partial_days = Some(1);
    }
    let all = charts(&analysis.report, &analysis.network);
    for id in ["activity", "peer-share"] {
        let chart = all
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("{id}"));
        let said = picture(&chart.plot).err().unwrap_or_default();
        assert!(said.contains("covers 1 day"), "{id}: {said}");
        assert!(chart.caption.contains("Look"), "{id} keeps its caption");
    }
}

#[test]
fn the_hosts_bar_is_drawn_and_marked_beside_a_hundred() {
    let mut nodes = vec![
        NodeView {
            degree: 1,
            role: Role::Audience,
            ..NodeView::default()
        };
        121
    ];
    nodes.push(NodeView {
        degree: 121,
        role: Role::Host,
        ..NodeView::default()
    });
    let network = NetworkView {
        nodes,
        ..NetworkView::default()
    };
    let all = charts(&fixture("distinctive_names.json").report, &network);
    let Some(Plot::Degree(series)) = all.iter().find(|c| c.id == "degree").map(|c| &c.plot) else {
        panic!("no degree series");
    };
    assert!(series.log_scale);
    let svg = drawn(&all, "degree");
    assert_eq!(count(&svg, "rect", "c-host"), 1, "{svg}");
    assert!(texts(&svg).iter().any(|w| w == "host"), "marked");
    let host_bar = svg
        .split("<rect class=\"c-host\"")
        .nth(1)
        .and_then(|rest| {
            rest.split("height=\"")
                .nth(1)?
                .split('"')
                .next()?
                .parse::<f64>()
                .ok()
        })
        .unwrap_or(0.0);
    assert!(
        host_bar >= 10.0,
        "a bar of one stays visible: {host_bar} units"
    );
    follows_the_page("degree", &svg);
}
