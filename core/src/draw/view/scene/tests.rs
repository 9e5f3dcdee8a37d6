use super::*;
use crate::draw::view::explore::{select, Filter};
use crate::draw::view::EdgeView;

/// A host (0) tied to 1, 2, 3; a tie 2–3 of weight 4; 4 alone. Positions on a line.
fn network() -> NetworkView {
    let node = |role, degree, x: f64| NodeView {
        role,
        degree,
        x,
        y: 0.5,
        community: degree,
        ..NodeView::default()
    };
    let edge = |a, b, weight| EdgeView { a, b, weight };
    NetworkView {
        nodes: vec![
            node(Role::Host, 3, 0.1),
            node(Role::Audience, 1, 0.3),
            node(Role::Core, 2, 0.5),
            node(Role::Core, 2, 0.7),
            node(Role::Audience, 0, 0.9),
        ],
        edges: vec![edge(0, 1, 1), edge(0, 2, 1), edge(0, 3, 2), edge(2, 3, 4)],
        ..NetworkView::default()
    }
}

/// 1000 units per layout unit: person i sits at (100 + 200 i, 500).
fn scene(network: &NetworkView, filter: &Filter, colouring: Colouring) -> Scene {
    let selection = select(network, filter, &[]);
    Scene::build(
        network,
        &selection,
        |n| (n.x * 1000.0, n.y * 1000.0),
        colouring,
        (1000.0, 1000.0),
    )
}

#[test]
fn dots_and_ties_come_in_drawing_order_with_the_svgs_sizes_and_colours() {
    let net = network();
    let s = scene(&net, &Filter::default(), Colouring::default());
    let order: Vec<u32> = s.dots.iter().map(|d| d.index).collect();
    assert_eq!(
        order,
        vec![4, 1, 2, 3, 0],
        "fewest ties first, the host on top"
    );
    let host = s.dot_of(0).unwrap();
    assert!(host.ring && (host.x, host.y) == (100.0, 500.0));
    assert_eq!(host.r, 12.0);
    assert_eq!(s.dot_of(4).unwrap().r, 3.0);
    assert_eq!(host.fill, role_colour(Role::Host));
    let weights: Vec<(u32, u32)> = s.ties.iter().map(|t| (t.a, t.b)).collect();
    assert_eq!(weights.last(), Some(&(2, 3)), "the heaviest tie last");
    assert!((s.ties[3].alpha - 0.8).abs() < 1e-6 && (s.ties[0].alpha - 0.29).abs() < 1e-6);
    assert_eq!(s.fade, 1.0);
    assert_eq!(s.named, vec![0, 1, 2, 3, 4]);
}

#[test]
fn colours_follow_the_switches() {
    let net = network();
    let groups = Colouring {
        by_community: true,
        grey_alone: true,
    };
    let s = scene(&net, &Filter::default(), groups);
    assert_eq!(s.dot_of(2).unwrap().fill, group_colour(2));
    assert_eq!(s.dot_of(4).unwrap().fill, ALONE, "left alone: grey");
}

#[test]
fn filters_leave_out_people_and_ties() {
    let net = network();
    let strong = Filter {
        min_weight: 2,
        hide_isolates: true,
        limit: None,
        ..Filter::default()
    };
    let s = scene(&net, &strong, Colouring::default());
    assert_eq!(s.dots.len(), 3);
    assert_eq!(s.ties.len(), 2);
    assert!(s.dot_of(1).is_none() && s.dot_of(99).is_none());
}

#[test]
fn hit_finds_the_dot_under_the_point_or_the_nearest_within_the_slop() {
    let net = network();
    let s = scene(&net, &Filter::default(), Colouring::default());
    assert_eq!(s.hit((105.0, 500.0), 1.0, 0.0), Some(0));
    assert_eq!(
        s.hit((300.0, 509.0), 1.0, 0.0),
        None,
        "person 1 has radius ~8.2"
    );
    assert_eq!(s.hit((300.0, 509.0), 1.0, 2.0), Some(1));
    // Zoomed 4×, dots are half as large in drawing units.
    assert_eq!(s.hit((109.0, 500.0), 4.0, 0.0), None);
    assert_eq!(s.hit((105.0, 500.0), 4.0, 0.0), Some(0));
    assert_eq!(s.hit((f64::NAN, 500.0), 1.0, 1.0), None);
    assert_eq!(s.hit((500.0, 900.0), 1.0, 1.0), None);
}

#[test]
fn highlight_lights_the_focus_its_ties_and_rings_the_matches() {
    let net = network();
    let s = scene(&net, &Filter::default(), Colouring::default());
    let lit = s.highlight(Some(2), &[]);
    let people: Vec<u32> = lit.dots.iter().map(|d| d.index).collect();
    assert_eq!(people, vec![2, 3, 0], "drawing order");
    assert_eq!(lit.ties.len(), 2);
    assert!(lit.dots.iter().all(|d| d.ring == (d.index == 0)));
    let found = s.highlight(None, &[1, 4, 77]);
    assert!(found.ties.is_empty() && found.dots.iter().all(|d| d.ring));
    assert_eq!(found.dots.len(), 2);
    assert!(s.highlight(Some(77), &[]).is_empty());
}

#[test]
fn what_is_in_view_comes_back_in_drawing_order() {
    let net = network();
    let s = scene(&net, &Filter::default(), Colouring::default());
    let mut dots = Vec::new();
    s.dots_in([0.0, 0.0, 1000.0, 1000.0], &mut dots);
    assert_eq!(dots, vec![0, 1, 2, 3, 4]);
    dots.clear();
    s.dots_in([250.0, 450.0, 350.0, 550.0], &mut dots);
    assert_eq!(dots, vec![1], "person 1 only");
    let mut ties = Vec::new();
    s.ties_in([640.0, 450.0, 660.0, 550.0], usize::MAX, &mut ties);
    let crossing: Vec<(u32, u32)> = ties
        .iter()
        .map(|&k| (s.ties[k as usize].a, s.ties[k as usize].b))
        .collect();
    assert_eq!(crossing, vec![(0, 3), (2, 3)], "ties passing x = 650");
    let mut heaviest = Vec::new();
    s.ties_in([640.0, 450.0, 660.0, 550.0], 1, &mut heaviest);
    assert_eq!(heaviest, ties[1..], "the heaviest is the last drawn");
}

#[test]
fn many_ties_fade_and_an_empty_network_builds() {
    let mut net = network();
    net.nodes = (0..200)
        .map(|i| NodeView {
            x: f64::from(i) / 200.0,
            degree: 199,
            ..NodeView::default()
        })
        .collect();
    net.edges = (0..200u32)
        .flat_map(|a| (a + 1..200).map(move |b| EdgeView { a, b, weight: 1 }))
        .collect();
    let s = scene(
        &net,
        &Filter {
            limit: None,
            ..Filter::default()
        },
        Colouring::default(),
    );
    assert_eq!(s.ties.len(), 19_900);
    assert!((s.fade - (4000.0f32 / 19_900.0).sqrt()).abs() < 1e-4);
    let empty = scene(
        &NetworkView::default(),
        &Filter::default(),
        Colouring::default(),
    );
    assert!(empty.dots.is_empty() && empty.ties.is_empty());
    assert_eq!(empty.hit((1.0, 1.0), 1.0, 5.0), None);
    assert!(empty.highlight(Some(0), &[0]).is_empty());
}

#[test]
fn the_gpu_order_holds_everyone_once_and_runs_find_what_is_in_view() {
    let net = network();
    let s = scene(&net, &Filter::default(), Colouring::default());
    let mut people: Vec<u32> = s.gpu_dots().iter().map(|d| d.index).collect();
    people.sort_unstable();
    assert_eq!(people, vec![0, 1, 2, 3, 4]);
    assert_eq!(s.gpu_ties().len(), 4);
    let mut runs = Vec::new();
    s.dot_runs([0.0, 0.0, 1000.0, 1000.0], &mut runs);
    assert_eq!(runs, vec![(0, 5)]);
    runs.clear();
    assert_eq!(
        s.tie_runs([0.0, 0.0, 1000.0, 1000.0], usize::MAX, &mut runs),
        4
    );
    assert_eq!(runs, vec![(0, 4)]);
    runs.clear();
    s.dot_runs([280.0, 480.0, 320.0, 520.0], &mut runs);
    let near: Vec<u32> = runs
        .iter()
        .flat_map(|&(from, to)| s.gpu_dots()[from as usize..to as usize].to_vec())
        .map(|d| d.index)
        .collect();
    assert!(near.contains(&1) && !near.contains(&4), "{near:?}");
}

#[test]
fn a_window_reweighs_ties_and_greys_who_it_leaves_alone() {
    use crate::draw::view::times::{TieTimes, Window};
    let mut net = network();
    // Two spaces; 2–3 (weight 4) was made in space 1 only, every other tie in space 0.
    net.times = TieTimes {
        spaces: vec!["a".into(), "b".into()],
        slot_space: vec![0, 1],
        slot_day: vec![0, 0],
        slots: vec![0, 0, 0, 0, 1, 1, 1, 1],
    };
    let window = |space| Filter {
        window: Window {
            space: Some(space),
            ..Window::default()
        },
        ..Filter::default()
    };
    let s = scene(&net, &window(1), Colouring::default());
    assert_eq!(s.ties.len(), 1);
    assert_eq!((s.ties[0].a, s.ties[0].b), (2, 3));
    for i in [0, 1, 4] {
        assert_eq!(s.dot_of(i).unwrap().fill, ALONE, "{i} has no tie in b");
    }
    assert_ne!(s.dot_of(2).unwrap().fill, ALONE);
    let s = scene(&net, &window(0), Colouring::default());
    assert_eq!(s.ties.len(), 3);
    assert!(
        (s.ties[2].alpha - 0.8).abs() < 1e-6,
        "0–3 is now the heaviest"
    );
}

#[test]
fn ties_are_filed_on_demand_or_first_use_with_the_same_answers() {
    let net = network();
    let lazy = scene(&net, &Filter::default(), Colouring::default());
    let early = scene(&net, &Filter::default(), Colouring::default());
    assert!(!lazy.is_filed() && !early.is_filed());
    early.file();
    assert!(early.is_filed());
    let area = [250.0, 0.0, 560.0, 1000.0];
    let (mut a, mut b) = (Vec::new(), Vec::new());
    lazy.ties_in(area, usize::MAX, &mut a);
    assert!(lazy.is_filed());
    early.ties_in(area, usize::MAX, &mut b);
    assert_eq!(a, b);
    assert!(!a.is_empty());
    assert_eq!(lazy.gpu_ties(), early.gpu_ties());
    let (mut a, mut b) = (Vec::new(), Vec::new());
    assert_eq!(
        lazy.tie_runs(area, 2, &mut a),
        early.tie_runs(area, 2, &mut b)
    );
    assert_eq!(a, b);
}
