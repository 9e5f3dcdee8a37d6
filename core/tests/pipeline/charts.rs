//! Chart series, share card and metrics CSV: each chart's series holds its values (one per
//! timeline bucket, one bar per funnel stage, one bar per degree group, the host's marked)
//! and its caption; a one-day export has no chart over time; the share card and the
//! charts hold no participant's name or id (a fixture whose names appear nowhere else);
//! the CSV has one row per metric. The page's crate draws the series
//! (`src/report/charts/tests.rs`).

use peerscope_core::draw::charts::{self, charts, Chart, Plot};
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

/// Writes the share card to `target/charts/` for a look (best effort; the page's crate
/// writes the charts beside it).
fn keep(card: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/charts");
    if std::fs::create_dir_all(&dir).is_ok() {
        let _ = std::fs::write(dir.join("share-card.svg"), card);
    }
}

#[test]
fn there_are_six_charts_each_with_a_caption_and_a_series() {
    let (analysis, _) = fixture();
    let all = charts(&analysis.report, &analysis.network);
    keep(&share_card(&analysis.report, &analysis.network));
    let ids: Vec<&str> = all.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        [
            "activity",
            "peer-share",
            "funnel",
            "degree",
            "trend",
            "movement"
        ]
    );
    for chart in &all {
        assert!(
            chart.caption.contains("Look"),
            "{}: {}",
            chart.id,
            chart.caption
        );
        assert!(!chart.title.is_empty());
        if ["trend", "movement"].contains(&chart.id) {
            // Six weeks and no interval: no trend to draw, and a sentence says so.
            assert!(chart.plot.sentence().is_some(), "{}", chart.id);
            continue;
        }
        assert_eq!(
            chart.plot.sentence(),
            None,
            "{}: {:?}",
            chart.id,
            chart.plot
        );
    }
}

#[test]
fn activity_has_one_value_per_bucket_for_host_and_members() {
    let (analysis, _) = fixture();
    let points = &analysis.report.timeline.points;
    assert!(
        points.len() >= 5,
        "the fixture spans six weeks: {}",
        points.len()
    );
    let all = charts(&analysis.report, &analysis.network);
    let Plot::Activity(series) = &by_id(&all, "activity").plot else {
        panic!("no activity series");
    };
    let host: Vec<u64> = points.iter().map(|p| p.host_messages).collect();
    let members: Vec<u64> = points.iter().map(|p| p.member_messages).collect();
    assert_eq!(series.host, host, "host line");
    assert_eq!(series.members, members, "members line");
    assert_eq!(series.periods.labels.len(), points.len());
    assert_eq!(
        series.periods.labels[0],
        charts::short_date(&points[0].start, false),
        "first bucket labelled"
    );
    // The fixture's last week is cut short: drawn as partial, named in the note.
    let last = points.last().and_then(|p| p.partial_days);
    assert_eq!(series.periods.partial.last().copied().flatten(), last);
    if last.is_some() {
        assert!(series.periods.partial_note().contains("the last week has"));
    }
}

#[test]
fn peer_share_has_a_value_per_bucket_with_replies() {
    let (analysis, _) = fixture();
    let points = &analysis.report.timeline.points;
    let all = charts(&analysis.report, &analysis.network);
    let Plot::PeerShare(series) = &by_id(&all, "peer-share").plot else {
        panic!("no peer share series");
    };
    assert_eq!(series.shares.len(), points.len());
    for (share, point) in series.shares.iter().zip(points) {
        assert_eq!(*share, point.peer_reply_share.value.map(|v| v * 100.0));
    }
    assert!(series.shares.iter().any(Option::is_some));
    assert_eq!(charts::COMMUNITY_LINE, 60.0);
    // A bucket with fewer than 20 replies is marked thin (drawn hollow), others are not.
    assert_eq!(series.thin.len(), points.len());
    for (thin, point) in series.thin.iter().zip(points) {
        let replies = point.peer_reply_share.den.unwrap_or(0.0);
        assert_eq!(*thin, replies > 0.0 && replies < 20.0, "{replies} replies");
    }
}

#[test]
fn a_week_with_few_replies_is_thin_and_said_so() {
    let (mut analysis, _) = fixture();
    let point = analysis
        .report
        .timeline
        .points
        .first_mut()
        .expect("a bucket");
    point.peer_reply_share = peerscope_core::model::metric::Metric::ratio(10.0, 10.0, "none");
    let all = charts(&analysis.report, &analysis.network);
    let chart = by_id(&all, "peer-share");
    let Plot::PeerShare(series) = &chart.plot else {
        panic!("no peer share series");
    };
    assert_eq!(series.shares.first(), Some(&Some(100.0)));
    assert_eq!(
        series.thin.first(),
        Some(&true),
        "10 replies are under the floor of 20"
    );
    assert!(
        chart.caption.contains("fewer than 20 replies"),
        "{}",
        chart.caption
    );
}

#[test]
fn funnel_and_degree_bars_match_the_report() {
    let (analysis, _) = fixture();
    let all = charts(&analysis.report, &analysis.network);
    let Plot::Funnel(funnel) = &by_id(&all, "funnel").plot else {
        panic!("no funnel series");
    };
    let f = &analysis.report.funnel;
    assert_eq!(
        funnel.counts,
        [f.audience, f.engaged, f.core, f.leaders.len() as u64]
    );
    let Plot::Degree(degree) = &by_id(&all, "degree").plot else {
        panic!("no degree series");
    };
    let mut degrees: Vec<u32> = analysis.network.nodes.iter().map(|n| n.degree).collect();
    degrees.sort_unstable();
    degrees.dedup();
    assert!(
        degrees.len() > 2 && degrees.iter().all(|&d| d <= 40),
        "{degrees:?}"
    );
    assert_eq!(degree.width, 1);
    let drawn: Vec<u32> = degree.bars.iter().map(|b| b.from).collect();
    assert_eq!(drawn, degrees, "a bar per degree");
    let people: u32 = degree.bars.iter().map(|b| b.people).sum();
    assert_eq!(people as usize, analysis.network.nodes.len());
    let hosts = analysis
        .network
        .nodes
        .iter()
        .filter(|n| n.role == peerscope_core::draw::view::Role::Host)
        .count();
    let marked: u32 = degree.bars.iter().map(|b| b.hosts).sum();
    assert_eq!(marked as usize, hosts, "the host's bar is marked");
}

#[test]
fn empty_reports_give_a_sentence_not_a_panic() {
    let (mut analysis, _) = fixture();
    analysis.report.timeline.points.clear();
    analysis.network.nodes.clear();
    analysis.network.edges.clear();
    let all = charts(&analysis.report, &analysis.network);
    assert_eq!(
        by_id(&all, "activity").plot.sentence(),
        Some("No messages to draw yet.")
    );
    assert_eq!(
        by_id(&all, "peer-share").plot.sentence(),
        Some("No messages to draw yet.")
    );
    assert_eq!(
        by_id(&all, "degree").plot.sentence(),
        Some("Nobody to count yet.")
    );
    assert!(share_card(&analysis.report, &analysis.network).ends_with("</svg>"));
}

#[test]
fn a_one_day_export_has_no_chart_over_time() {
    let day = r#"{"guild":{"id":"1","name":"G"},"channel":{"id":"2","name":"c","type":"GuildTextChat"},
      "messages":[
        {"id":"10","type":"Default","timestamp":"2024-03-06T09:00:00+00:00","content":"hi",
         "author":{"id":"a","name":"ann","isBot":false},"mentions":[]},
        {"id":"11","type":"Reply","timestamp":"2024-03-06T10:00:00+00:00","content":"yo",
         "author":{"id":"b","name":"bob","isBot":false},"mentions":[],
         "reference":{"messageId":"10"}}]}"#;
    let analysis = analyze(
        &[Input::new("one_day.json", day.as_bytes().to_vec())],
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let points = &analysis.report.timeline.points;
    assert_eq!(points.len(), 1);
    assert_eq!(points[0].partial_days, Some(1));
    let all = charts(&analysis.report, &analysis.network);
    for id in ["activity", "peer-share"] {
        let said = by_id(&all, id).plot.sentence().unwrap_or_default();
        assert!(said.contains("covers 1 day"), "{id}: {said}");
    }
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
            .map(|c| format!("{:?} {}", c.plot, c.caption)),
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
    assert!(count >= 18, "{metrics}");
    // The metrics, the two return rates and the p50 and p90 of three waiting times.
    assert_eq!(lines.len(), 1 + count + 2 + 6, "{csv}");
    for identity in identities(&export) {
        assert!(!csv.contains(identity.as_str()));
    }
}
