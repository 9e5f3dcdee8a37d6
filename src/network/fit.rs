//! Fitting a layout into the drawing.

use peerscope_core::draw::view::NodeView;

/// Maps layout positions onto the drawing: the people's bounding box is scaled (the same
/// on both axes, so the layout keeps its shape) to fill the drawing and centred in it.
pub struct Fit {
    min_x: f64,
    min_y: f64,
    scale: f64,
    left: f64,
    top: f64,
}

impl Fit {
    /// The fit of `nodes` into a `width` × `height` drawing with `pad` units of margin.
    pub fn to(nodes: &[NodeView], width: f64, height: f64, pad: f64) -> Fit {
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (1.0f64, 1.0f64, 0.0f64, 0.0f64);
        for node in nodes {
            let (x, y) = (unit(node.x), unit(node.y));
            (min_x, max_x) = (min_x.min(x), max_x.max(x));
            (min_y, max_y) = (min_y.min(y), max_y.max(y));
        }
        // One person, or nobody: put them in the middle.
        let (span_x, span_y) = ((max_x - min_x).max(1e-9), (max_y - min_y).max(1e-9));
        let (room_x, room_y) = (width - 2.0 * pad, height - 2.0 * pad);
        let scale = (room_x / span_x)
            .min(room_y / span_y)
            .min(room_x.min(room_y) * 20.0);
        Fit {
            min_x: min_x.min(max_x),
            min_y: min_y.min(max_y),
            scale,
            left: pad + (room_x - (max_x - min_x).max(0.0) * scale) / 2.0,
            top: pad + (room_y - (max_y - min_y).max(0.0) * scale) / 2.0,
        }
    }

    /// Where a person goes in the drawing.
    pub fn place(&self, node: &NodeView) -> (f64, f64) {
        (
            self.left + (unit(node.x) - self.min_x) * self.scale,
            self.top + (unit(node.y) - self.min_y) * self.scale,
        )
    }
}

/// A layout coordinate clamped to 0..=1 (0.5 when it is not a number).
fn unit(v: f64) -> f64 {
    if v.is_finite() {
        v.clamp(0.0, 1.0)
    } else {
        0.5
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use peerscope_core::draw::view::Role;

    fn at(x: f64, y: f64) -> NodeView {
        NodeView {
            id: String::new(),
            name: String::new(),
            role: Role::Audience,
            degree: 1,
            x,
            y,
            ..NodeView::default()
        }
    }

    #[test]
    fn a_small_layout_fills_the_drawing_and_keeps_its_shape() {
        let nodes = [at(0.4, 0.4), at(0.6, 0.5)];
        let fit = Fit::to(&nodes, 100.0, 100.0, 10.0);
        assert_eq!(fit.place(&nodes[0]), (10.0, 30.0));
        assert_eq!(fit.place(&nodes[1]), (90.0, 70.0));
    }

    #[test]
    fn one_person_or_bad_numbers_land_inside() {
        let lone = [at(f64::NAN, 2.0)];
        let (x, y) = Fit::to(&lone, 100.0, 50.0, 5.0).place(&lone[0]);
        assert_eq!((x, y), (50.0, 25.0));
        assert!(Fit::to(&[], 100.0, 50.0, 5.0).scale.is_finite());
    }
}
