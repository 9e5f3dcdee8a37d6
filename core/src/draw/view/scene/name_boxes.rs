//! Where names go so that none covers another: a greedy placement by importance. The
//! hosts are placed first (always, and drawn last, on top), then the leaders, then the
//! most connected; each name tries the right of its dot, then the left, above and below,
//! and is left out (shown on hover) when every side would cover a name already placed or
//! leave the view.
//!
//! Text is not measured here (the core has no fonts): a name's width is estimated from its
//! characters at [`WIDE`] of the font size each (wide scripts at a full em), generous
//! for the system sans-serif the page uses, so estimated boxes that do not overlap give
//! drawn names that do not either.

use super::order::smallest;
use crate::draw::view::{NetworkView, Role};

/// Estimated advance of one narrow character, as a share of the font size (bold included).
pub const WIDE: f64 = 0.62;
/// A line's height, as a share of the font size.
const LINE: f64 = 1.3;
/// Candidates considered at most: more names than this make a calm picture busy (the
/// rest show on hover).
pub const CANDIDATES: usize = 10;

/// A name that would like to be drawn: person `index`'s dot at `at` with radius `r`
/// (drawing units, as drawn at the current zoom) and the `text` shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Wanted {
    pub index: usize,
    pub at: (f64, f64),
    pub r: f64,
    pub text: String,
    pub host: bool,
}

/// Which side of its dot a name sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
    Above,
    Below,
}

/// A name placed: its box `[x0, y0, x1, y1]` in drawing units and the side it took.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub index: usize,
    pub side: Side,
    pub rect: [f64; 4],
    pub host: bool,
}

/// The people who may be named, most important first: hosts, then leaders, then by
/// ties (most first), ties broken by position in `order`; at most [`CANDIDATES`].
/// `order` is the people drawn (indices into `network.nodes`); empty gives none.
pub fn ranked(network: &NetworkView, order: &[usize]) -> Vec<usize> {
    let rank = |i: usize| {
        network.nodes.get(i).map_or((3, 0), |n| {
            let tier = match n.role {
                Role::Host => 0,
                Role::Leader => 1,
                _ => 2,
            };
            (tier, u32::MAX - n.degree)
        })
    };
    // Only the first few of the stable order are kept, so only those are found.
    smallest(CANDIDATES, order.iter().map(|&i| rank(i)))
        .into_iter()
        .filter_map(|p| order.get(p).copied())
        .collect()
}

/// The estimated box of `text` at `font` units: [`WIDE`] of the font per character, a
/// full em for wide (CJK, emoji) ones.
pub fn text_width(text: &str, font: f64) -> f64 {
    text.chars()
        .map(|c| if (c as u32) < 0x2E80 { WIDE } else { 1.0 })
        .sum::<f64>()
        * font
}

/// Places `wanted` (most important first) at `font` units within `view` (`[x0, y0, x1,
/// y1]`): each on the first side of its dot where its box stays in view and covers no
/// name placed before; else left out, except a host, who is always placed (on the side
/// that covers least). `gap` is the space between a dot and its name; `taken` are boxes
/// already drawn there (another caption) that names avoid too. Non-finite input is left out.
pub fn place(
    wanted: &[Wanted],
    (font, gap): (f64, f64),
    view: [f64; 4],
    taken: &[[f64; 4]],
) -> Vec<Placed> {
    let mut placed: Vec<Placed> = taken
        .iter()
        .map(|&rect| Placed {
            index: usize::MAX,
            side: Side::Right,
            rect,
            host: false,
        })
        .collect();
    for w in wanted {
        if !(w.at.0.is_finite() && w.at.1.is_finite() && w.r.is_finite()) {
            continue;
        }
        let size = (text_width(&w.text, font), font * LINE);
        let sides = [Side::Right, Side::Left, Side::Above, Side::Below];
        let boxes = sides.map(|side| (side, rect(w, side, size, gap)));
        let free = boxes
            .iter()
            .find(|(_, r)| inside(r, &view) && !placed.iter().any(|p| overlaps(&p.rect, r)));
        let chosen = match free {
            Some(&(side, rect)) => Some((side, rect)),
            None if w.host => boxes.iter().copied().min_by(|a, b| {
                covered(&a.1, &placed, &view).total_cmp(&covered(&b.1, &placed, &view))
            }),
            None => None,
        };
        if let Some((side, rect)) = chosen {
            placed.push(Placed {
                index: w.index,
                side,
                rect,
                host: w.host,
            });
        }
    }
    placed.split_off(taken.len())
}

/// The box of `w`'s name on `side` of its dot.
fn rect(w: &Wanted, side: Side, (width, height): (f64, f64), gap: f64) -> [f64; 4] {
    let (x, y) = w.at;
    let reach = w.r + gap;
    match side {
        Side::Right => [
            x + reach,
            y - height / 2.0,
            x + reach + width,
            y + height / 2.0,
        ],
        Side::Left => [
            x - reach - width,
            y - height / 2.0,
            x - reach,
            y + height / 2.0,
        ],
        Side::Above => [
            x - width / 2.0,
            y - reach - height,
            x + width / 2.0,
            y - reach,
        ],
        Side::Below => [
            x - width / 2.0,
            y + reach,
            x + width / 2.0,
            y + reach + height,
        ],
    }
}

fn overlaps(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn inside(r: &[f64; 4], view: &[f64; 4]) -> bool {
    r[0] >= view[0] && r[1] >= view[1] && r[2] <= view[2] && r[3] <= view[3]
}

/// How much of `r` is out of view or over names placed (area), for the host's last resort.
fn covered(r: &[f64; 4], placed: &[Placed], view: &[f64; 4]) -> f64 {
    let area = |a: &[f64; 4]| (a[2] - a[0]).max(0.0) * (a[3] - a[1]).max(0.0);
    let meet = |a: &[f64; 4], b: &[f64; 4]| {
        [
            a[0].max(b[0]),
            a[1].max(b[1]),
            a[2].min(b[2]),
            a[3].min(b[3]),
        ]
    };
    let out = area(r) - area(&meet(r, view));
    out + placed.iter().map(|p| area(&meet(r, &p.rect))).sum::<f64>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::view::NodeView;

    fn wanted(index: usize, at: (f64, f64), text: &str, host: bool) -> Wanted {
        Wanted {
            index,
            at,
            r: 5.0,
            text: text.to_string(),
            host,
        }
    }

    const VIEW: [f64; 4] = [0.0, 0.0, 800.0, 560.0];

    #[test]
    fn crowded_names_never_overlap_and_the_host_comes_first() {
        // Twenty people on one spot: only a few names fit around it.
        let mut all = vec![wanted(0, (400.0, 280.0), "The Host", true)];
        all.extend((1..20).map(|i| wanted(i, (400.0, 280.0), "Somebody", false)));
        let placed = place(&all, (12.0, 4.0), VIEW, &[]);
        assert_eq!(placed[0].index, 0, "the host is placed first");
        assert!(placed.len() < 20 && placed.len() >= 2, "{}", placed.len());
        for (k, a) in placed.iter().enumerate() {
            for b in &placed[k + 1..] {
                assert!(!overlaps(&a.rect, &b.rect), "{a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn names_stay_in_view_and_a_host_at_the_edge_is_still_named() {
        let edge = [wanted(1, (795.0, 280.0), "Right Edge Person", false)];
        let placed = place(&edge, (12.0, 4.0), VIEW, &[]);
        assert_eq!(placed[0].side, Side::Left);
        let cornered = [wanted(0, (1.0, 1.0), "A very long host name indeed", true)];
        let tiny = [0.0, 0.0, 50.0, 50.0];
        assert_eq!(
            place(&cornered, (12.0, 4.0), tiny, &[]).len(),
            1,
            "the host always"
        );
        let blocked = place(&edge, (12.0, 4.0), VIEW, &[[0.0, 0.0, 800.0, 300.0]]);
        assert!(blocked.is_empty(), "a caption's box is avoided too");
        let lost = [wanted(2, (f64::NAN, 1.0), "x", true)];
        assert!(place(&lost, (12.0, 4.0), VIEW, &[]).is_empty());
    }

    #[test]
    fn ranked_puts_hosts_then_leaders_then_the_most_connected() {
        let node = |role, degree| NodeView {
            role,
            degree,
            ..NodeView::default()
        };
        let network = NetworkView {
            nodes: vec![
                node(Role::Audience, 9),
                node(Role::Leader, 2),
                node(Role::Host, 1),
                node(Role::Core, 5),
            ],
            ..NetworkView::default()
        };
        assert_eq!(ranked(&network, &[0, 1, 2, 3]), vec![2, 1, 0, 3]);
        assert!(ranked(&network, &[]).is_empty());
    }

    #[test]
    fn ranked_is_the_head_of_the_stable_sort_with_ties_in_rank() {
        use crate::model::random::SplitMix;
        use crate::model::stable_sort::StableSort;
        let mut rng = SplitMix(3);
        let roles = [Role::Host, Role::Leader, Role::Core, Role::Audience];
        let nodes: Vec<NodeView> = (0..4000)
            .map(|_| NodeView {
                role: roles[rng.below(40).min(3) as usize],
                degree: rng.below(6) as u32,
                ..NodeView::default()
            })
            .collect();
        let network = NetworkView {
            nodes,
            ..NetworkView::default()
        };
        let mut order: Vec<usize> = (0..4100).collect();
        rng.shuffle(&mut order);
        let tier = |r: Role| match r {
            Role::Host => 0,
            Role::Leader => 1,
            _ => 2,
        };
        let mut want = order.clone();
        want.stable_sort_by_key(|&i| {
            network
                .nodes
                .get(i)
                .map_or((3, 0), |n| (tier(n.role), u32::MAX - n.degree))
        });
        want.truncate(CANDIDATES);
        assert_eq!(ranked(&network, &order), want);
    }

    #[test]
    fn wide_scripts_count_a_full_em() {
        assert!((text_width("ab", 10.0) - 12.4).abs() < 1e-9);
        assert!((text_width("中文", 10.0) - 20.0).abs() < 1e-9);
    }
}
