//! Charts, share card and metrics CSV drawn natively: each chart's SVG holds its
//! series (one point per timeline bucket, one bar per funnel stage, one bar per degree
//! group) and its caption; the share card and the charts hold no participant's name or id
//! (a fixture whose names appear nowhere else); the CSV has one row per metric.

use peerscope_core::draw::charts::{self, charts, Chart};
use peerscope_core::draw::export::metrics_csv::metrics_csv;
use peerscope_core::draw::share_card::share_card;
use peerscope_core::{
    import::Input, model::options::Options, report::analyze, report::analyze::Analysis,
};

/// A Discord export of a seed library whose people have names found nowhere else.
const FIXTURE: &str = "tests/fixtures/distinctive_names.json";

fn fixture() -> (Analysis, serde_json::Value) {
    let path = format!("{}/../{FIXTURE}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let json = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{FIXTURE}: {e}"));
    let analysis = analyze(
        &[Input::new("distinctive_names.json", bytes)],
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("the core cannot analyse {FIXTURE}: {e}"));
    (analysis, json)
}

/// Every name, handle and id of the fixture's authors and mentioned people.
fn identities(export: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    let messages = export["messages"].as_array().cloned().unwrap_or_default();
    for m in &messages {
        let people =
            std::iter::once(&m["author"]).chain(m["mentions"].as_array().into_iter().flatten());
        for person in people {
            for key in ["id", "name", "nickname"] {
                if let Some(text) = person[key].as_str() {
                    out.push(text.to_string());
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn by_id<'a>(all: &'a [Chart], id: &str) -> &'a Chart {
    all.iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no chart {id}"))
}

/// The point counts of the `<polyline>`s of class `class` (e.g. `series host`).
fn polylines(svg: &str, class: &str) -> Vec<usize> {
    svg.split("<polyline")
        .skip(1)
        .filter(|tag| opening(tag).contains(&format!("class=\"{class}\"")))
        .filter_map(|tag| {
            let points = tag.split("points=\"").nth(1)?.split('"').next()?;
            Some(points.split_whitespace().count())
        })
        .collect()
}

/// The number of `<kind …>` elements of class `class`.
fn elements(svg: &str, kind: &str, class: &str) -> usize {
    svg.split(&format!("<{kind} "))
        .skip(1)
        .filter(|tag| opening(tag).contains(&format!("class=\"{class}\"")))
        .count()
}

/// A tag's attributes, up to its `>`.
fn opening(tag: &str) -> &str {
    tag.split('>').next().unwrap_or_default()
}

/// Writes the drawings to `target/charts/` for a look (best effort).
fn keep(all: &[Chart], card: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/charts");
    if std::fs::create_dir_all(&dir).is_ok() {
        for chart in all {
            let _ = std::fs::write(dir.join(format!("{}.svg", chart.id)), &chart.svg);
        }
        let _ = std::fs::write(dir.join("share-card.svg"), card);
    }
}

#[test]
fn there_are_four_charts_each_with_a_caption_and_an_svg() {
    let (analysis, _) = fixture();
    let all = charts(&analysis.report, &analysis.network);
    keep(&all, &share_card(&analysis.report, &analysis.network));
    let ids: Vec<&str> = all.iter().map(|c| c.id).collect();
    assert_eq!(ids, ["activity", "peer-share", "funnel", "degree"]);
    for chart in &all {
        assert!(chart.svg.starts_with("<svg"), "{}: {}", chart.id, chart.svg);
        assert!(chart.svg.contains(&format!(
            "viewBox=\"0 0 {} {}\"",
            charts::WIDTH,
            charts::HEIGHT
        )));
        assert!(
            chart.caption.contains("Look"),
            "{}: {}",
            chart.id,
            chart.caption
        );
        assert!(!chart.title.is_empty());
    }
}

#[test]
fn activity_has_one_point_per_bucket_for_host_and_members() {
    let (analysis, _) = fixture();
    let buckets = analysis.report.timeline.points.len();
    assert!(buckets >= 5, "the fixture spans six weeks: {buckets}");
    let all = charts(&analysis.report, &analysis.network);
    let svg = &by_id(&all, "activity").svg;
    assert_eq!(polylines(svg, "series host"), vec![buckets], "host line");
    assert_eq!(
        polylines(svg, "series members"),
        vec![buckets],
        "members line"
    );
    assert!(
        svg.contains("stroke=\"#d55e00\""),
        "the host in the host's colour"
    );
    assert!(
        svg.contains(">host<") && svg.contains(">members<"),
        "legend"
    );
    let first = &analysis.report.timeline.points[0].start;
    assert!(
        svg.contains(&charts::short_date(first, false)),
        "first bucket labelled"
    );
}

#[test]
fn peer_share_has_a_dot_per_bucket_with_replies() {
    let (analysis, _) = fixture();
    let observed = analysis
        .report
        .timeline
        .points
        .iter()
        .filter(|p| p.peer_reply_share.value.is_some())
        .count();
    assert!(observed > 0);
    let all = charts(&analysis.report, &analysis.network);
    let svg = &by_id(&all, "peer-share").svg;
    assert_eq!(elements(svg, "circle", "dot peer"), observed);
    assert_eq!(elements(svg, "line", "community-line"), 1);
    assert!(
        svg.contains(">60%<"),
        "the community line's level is labelled"
    );
}

#[test]
fn funnel_and_degree_bars_match_the_report() {
    let (analysis, _) = fixture();
    let all = charts(&analysis.report, &analysis.network);
    let funnel = &by_id(&all, "funnel").svg;
    let f = &analysis.report.funnel;
    for stage in ["audience", "engaged", "core", "leaders"] {
        let bar = format!("bar {stage}");
        assert_eq!(elements(funnel, "rect", &bar), 1, "{stage} bar");
        assert!(funnel.contains(&format!(">{stage}<")), "{stage} named");
    }
    for count in [f.audience, f.engaged, f.core, f.leaders.len() as u64] {
        assert!(funnel.contains(&format!(">{count}<")), "{count} written");
    }
    let degree = &by_id(&all, "degree").svg;
    let mut degrees: Vec<u32> = analysis.network.nodes.iter().map(|n| n.degree).collect();
    degrees.sort_unstable();
    degrees.dedup();
    assert!(
        degrees.len() > 2 && degrees.iter().all(|&d| d <= 40),
        "{degrees:?}"
    );
    assert_eq!(
        elements(degree, "rect", "bar degree"),
        degrees.len(),
        "a bar per degree"
    );
}

#[test]
fn empty_reports_draw_a_sentence_not_a_panic() {
    let (mut analysis, _) = fixture();
    analysis.report.timeline.points.clear();
    analysis.network.nodes.clear();
    analysis.network.edges.clear();
    let all = charts(&analysis.report, &analysis.network);
    assert!(by_id(&all, "activity")
        .svg
        .contains("No messages to draw yet."));
    assert!(by_id(&all, "peer-share")
        .svg
        .contains("No replies to draw yet."));
    assert!(by_id(&all, "degree").svg.contains("Nobody to count yet."));
    assert!(share_card(&analysis.report, &analysis.network).ends_with("</svg>"));
}

#[test]
fn the_share_card_and_the_charts_name_no_one() {
    let (analysis, export) = fixture();
    let who = identities(&export);
    assert!(who.iter().any(|w| w == "Zephyrine Quillfeather"), "{who:?}");
    let card = share_card(&analysis.report, &analysis.network);
    let mut drawn = vec![card.clone()];
    drawn.extend(
        charts(&analysis.report, &analysis.network)
            .into_iter()
            .map(|c| c.svg + &c.caption),
    );
    for text in &drawn {
        for identity in &who {
            assert!(
                !text.contains(identity.as_str()),
                "{identity} appears in {text}"
            );
        }
        for word in [
            "Zephyrine",
            "Quillfeather",
            "Thistlewick",
            "Hollowmere",
            "swap-table",
        ] {
            assert!(!text.contains(word), "{word} appears");
        }
    }
    // The card still says what it is about: the verdict, the score, the funnel, the dots.
    let label = match analysis.report.verdict.label.as_str() {
        "undetermined" => "too early to tell",
        word => word,
    };
    assert!(card.to_lowercase().contains(label), "{label}");
    let score = analysis.report.verdict.score;
    if score.is_some() {
        let shown = peerscope_core::model::shown::score_text(score);
        assert!(card.contains(&format!("Score {shown} of 100")));
    } else {
        assert!(card.contains("No score yet"));
    }
    assert_eq!(
        card.matches("<circle").count(),
        analysis.network.nodes.len()
    );
    assert_eq!(card.matches("class=\"bar\"").count(), 4);
}

#[test]
fn the_metrics_csv_has_a_row_per_metric_and_no_names() {
    let (analysis, export) = fixture();
    let csv = metrics_csv(&analysis.report);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some("metric,value,num,den,unit,reason")
    );
    let metrics = serde_json::to_value(&analysis.report.metrics).unwrap_or_default();
    let count = metrics.as_object().map_or(0, |m| m.len());
    assert!(count >= 17, "{metrics}");
    assert_eq!(lines.len(), 1 + count, "{csv}");
    for identity in identities(&export) {
        assert!(!csv.contains(identity.as_str()));
    }
}
