//! Who gets a name on the picture, and where the name goes: the most connected people, the
//! hosts and the person pointed at; the rest stay dots (thousands of names are unreadable
//! and, as DOM text, slow).

use crate::draw::view::zoom::ViewBox;
use crate::draw::view::{NetworkView, Role};
use crate::model::unstable_sort::UnstableSort;

/// How many of the most connected people drawn get a name (hosts always do).
pub const NAMED: usize = 10;

/// Who gets a name: the [`NAMED`] last of `order` (people drawn, fewest ties first), the
/// hosts among them and `focus`; indices into `network.nodes`, sorted, each once. Empty
/// `order` and no focus: nobody.
pub fn named(network: &NetworkView, order: &[usize], focus: Option<usize>) -> Vec<usize> {
    let mut named: Vec<usize> = order.iter().rev().take(NAMED).copied().collect();
    named.extend(
        order
            .iter()
            .filter(|&&i| network.nodes.get(i).is_some_and(|n| n.role == Role::Host)),
    );
    named.extend(focus);
    named.unstable_sort();
    named.dedup();
    named
}

/// `named` (sorted) with `focus` added.
pub fn with_focus(named: &[usize], focus: Option<usize>) -> Vec<usize> {
    let mut out = named.to_vec();
    if let Some(f) = focus {
        if let Err(at) = out.binary_search(&f) {
            out.insert(at, f);
        }
    }
    out
}

/// A name's place over the drawing's box: its anchor as fractions (0..=1) of the box's
/// width and height, and whether the text ends there (names on the right half go to the
/// left of their dot, so they stay inside).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelSpot {
    pub left: f64,
    pub top: f64,
    pub ends: bool,
}

/// Where the name of a dot at drawing point `at` with radius `r` (drawing units at 1×)
/// goes in `view`: beside the dot, clear of it by 4 screen units. `None` when the dot is
/// out of view or the numbers are not finite.
pub fn spot(view: &ViewBox, at: (f64, f64), r: f64) -> Option<LabelSpot> {
    let (fx, fy) = view.fraction(at);
    // Not a number is in no range either.
    if !(0.0..=1.0).contains(&fx) || !(0.0..=1.0).contains(&fy) {
        return None;
    }
    let zoom = view.zoom().max(1.0);
    // Dots grow slower than the zoom (see `Scale` in the SVG drawing): r / √zoom units.
    let gap = (r / zoom.sqrt() + 4.0 / zoom) / view.w;
    let ends = fx > 0.5;
    Some(LabelSpot {
        left: if ends { fx - gap } else { fx + gap },
        top: fy,
        ends,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::view::NodeView;

    fn network(people: usize) -> NetworkView {
        let nodes = (0..people)
            .map(|i| NodeView {
                role: if i == 0 { Role::Host } else { Role::Audience },
                degree: i as u32,
                ..NodeView::default()
            })
            .collect();
        NetworkView {
            nodes,
            edges: Vec::new(),
            ..NetworkView::default()
        }
    }

    #[test]
    fn names_the_most_connected_the_hosts_and_the_focus() {
        let net = network(30);
        let order: Vec<usize> = (0..30).collect();
        let named = named(&net, &order, Some(3));
        assert_eq!(named, vec![0, 3, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
        assert!(super::named(&net, &[], None).is_empty());
        assert_eq!(super::named(&net, &[], Some(99)), vec![99]);
        assert_eq!(with_focus(&[1, 5], Some(3)), vec![1, 3, 5]);
        assert_eq!(with_focus(&[1, 5], Some(5)), vec![1, 5]);
        assert_eq!(with_focus(&[1, 5], None), vec![1, 5]);
    }

    #[test]
    fn names_sit_beside_their_dot_and_inside_the_view() {
        let whole = ViewBox::whole(800.0, 560.0);
        let left = spot(&whole, (200.0, 280.0), 12.0).unwrap();
        assert!(!left.ends && (left.left - 216.0 / 800.0).abs() < 1e-9);
        assert!((left.top - 0.5).abs() < 1e-9);
        let right = spot(&whole, (600.0, 280.0), 12.0).unwrap();
        assert!(right.ends && (right.left - 584.0 / 800.0).abs() < 1e-9);
        let near = whole.zoom_centre(4.0);
        assert_eq!(spot(&near, (10.0, 10.0), 5.0), None, "out of view");
        assert_eq!(spot(&whole, (f64::NAN, 1.0), 5.0), None);
    }
}
