use super::*;
use crate::draw::view::explore::{select, Filter};
use crate::draw::view::{EdgeView, NodeView};

/// Days of the made-up network: 1 March 2024 and the two days after.
const D1: i64 = 19_783;

/// Four people. Spaces 0 "general" and 1 "help". Ties (weights): 0–1 (3: general on day
/// 1 twice, help on day 3), 1–2 (1: help, day 2), 2–3 (2: general, day 3).
fn network() -> NetworkView {
    let edge = |a, b, weight| EdgeView { a, b, weight };
    NetworkView {
        nodes: vec![NodeView::default(); 4],
        edges: vec![edge(0, 1, 3), edge(1, 2, 1), edge(2, 3, 2)],
        times: TieTimes {
            spaces: vec!["general".into(), "help".into()],
            // Slots: 0 general day 1, 1 general day 3, 2 help day 2, 3 help day 3.
            slot_space: vec![0, 0, 1, 1],
            slot_day: [D1, D1 + 2, D1 + 1, D1 + 2].map(|d| d as i32).to_vec(),
            slots: vec![0, 0, 3, 2, 1, 1],
        },
    }
}

fn window(space: Option<u32>, from: Option<i64>, to: Option<i64>) -> Window {
    Window { space, from, to }
}

#[test]
fn one_space_counts_only_its_interactions() {
    let net = network();
    assert_eq!(
        recount(&net, &window(Some(0), None, None)),
        Some(vec![2, 0, 2])
    );
    assert_eq!(
        recount(&net, &window(Some(1), None, None)),
        Some(vec![1, 1, 0])
    );
}

#[test]
fn a_window_without_the_first_day_loses_its_interactions() {
    let net = network();
    let later = recount(&net, &window(None, Some(D1 + 1), None));
    assert_eq!(later, Some(vec![1, 1, 2]));
    let first = recount(&net, &window(None, None, Some(D1)));
    assert_eq!(first, Some(vec![2, 0, 0]));
    let help_late = recount(&net, &window(Some(1), Some(D1 + 2), Some(D1 + 2)));
    assert_eq!(help_late, Some(vec![1, 0, 0]));
}

#[test]
fn an_empty_window_counts_nothing() {
    let net = network();
    assert_eq!(
        recount(&net, &window(None, Some(D1 + 2), Some(D1))),
        Some(vec![0, 0, 0])
    );
    assert_eq!(
        recount(&net, &window(None, Some(D1 + 10), None)),
        Some(vec![0, 0, 0])
    );
    let s = select(
        &net,
        &Filter {
            window: window(None, Some(D1 + 2), Some(D1)),
            ..Filter::default()
        },
        &[],
    );
    assert!(s.edges.is_empty());
    assert_eq!(s.faded, vec![true; 4], "everyone is greyed");
    assert_eq!(s.count, 4, "but drawn until loners are hidden");
}

#[test]
fn an_unknown_space_or_no_bound_counts_everything() {
    let net = network();
    assert_eq!(recount(&net, &window(Some(7), None, None)), None);
    assert_eq!(recount(&net, &Window::default()), None);
    let s = select(&net, &Filter::default(), &[]);
    assert_eq!(s.weights, vec![3, 1, 2]);
    assert!(s.faded.is_empty() && !s.faded(0));
}

#[test]
fn the_filters_apply_to_the_weights_recounted() {
    let net = network();
    let general = Filter {
        window: window(Some(0), None, None),
        min_weight: 2,
        hide_isolates: true,
        ..Filter::default()
    };
    let s = select(&net, &general, &[]);
    assert_eq!(s.edges, vec![0, 2]);
    assert_eq!((s.weight(0), s.weight(1), s.weight(9)), (2, 0, 0));
    assert_eq!(s.shown, vec![true; 4]);
    let help = Filter {
        window: window(Some(1), None, None),
        ..general
    };
    let s = select(&net, &help, &[]);
    assert!(s.edges.is_empty(), "help's ties weigh 1");
    assert_eq!(s.count, 0);
    let s = select(
        &net,
        &Filter {
            min_weight: 1,
            ..help
        },
        &[],
    );
    assert_eq!(s.edges, vec![0, 1]);
    assert_eq!(s.shown, vec![true, true, true, false]);
    let greyed = select(
        &net,
        &Filter {
            hide_isolates: false,
            min_weight: 1,
            ..help
        },
        &[],
    );
    assert_eq!(greyed.faded, vec![false, false, false, true]);
}

#[test]
fn times_that_do_not_match_the_ties_change_nothing() {
    let mut net = network();
    net.times.slots.pop();
    assert_eq!(recount(&net, &window(Some(0), None, None)), None);
    assert!(net.times.keep(&net.edges, &[0]).slots.is_empty());
    assert_eq!(
        recount(&NetworkView::default(), &window(Some(0), None, None)),
        None
    );
}

#[test]
fn kept_ties_keep_their_slots() {
    let net = network();
    let kept = net.times.keep(&net.edges, &[0, 2]);
    assert_eq!(kept.slots, vec![0, 0, 3, 1, 1]);
    assert_eq!(kept.spaces, net.times.spaces);
    assert_eq!(net.times.days(), Some((D1, D1 + 2)));
    assert_eq!(TieTimes::default().days(), None);
}

#[test]
fn dates_are_read_as_the_date_input_writes_them() {
    assert_eq!(parse_day("1970-01-01"), Some(0));
    assert_eq!(parse_day("2024-03-01"), Some(D1));
    assert_eq!(
        crate::model::time::day_string(D1 + 2),
        "2024-03-03",
        "and back"
    );
    for bad in ["", "2024-02-30", "2024-13-01", "yesterday", "2024-03"] {
        assert_eq!(parse_day(bad), None, "{bad:?}");
    }
}

/// On the bundled sample (two channels, a thread folded into the first, several days):
/// each space's recount adds up to the interactions made there, and the spaces together
/// to every tie's weight.
#[test]
fn the_sample_splits_its_weights_between_its_spaces() {
    let analysis = crate::report::analyze::analyze(
        &crate::import::sample::inputs(),
        &crate::model::options::Options::default(),
    )
    .unwrap();
    let net = &analysis.network;
    let total: u32 = net.edges.iter().map(|e| e.weight).sum();
    assert_eq!(net.times.slots.len(), total as usize);
    assert_eq!(net.times.spaces.len(), 2, "{:?}", net.times.spaces);
    let mut sum = vec![0u32; net.edges.len()];
    for s in 0..net.times.spaces.len() as u32 {
        let weights = recount(net, &window(Some(s), None, None)).unwrap();
        assert!(weights.iter().any(|&w| w > 0), "space {s} has ties");
        for (k, w) in weights.into_iter().enumerate() {
            sum[k] += w;
        }
    }
    assert_eq!(sum, net.edges.iter().map(|e| e.weight).collect::<Vec<_>>());
    let (first, last) = net.times.days().unwrap();
    assert!(last > first, "the sample spans several days");
    let after = recount(net, &window(None, Some(first + 1), None)).unwrap();
    assert!(after.iter().sum::<u32>() < total, "the first day had ties");
    let rest = net.without_away();
    assert_eq!(
        rest.times.slots.len(),
        rest.edges.iter().map(|e| e.weight as usize).sum::<usize>()
    );
}
