//! Zooming and panning a drawing through its SVG `viewBox`: the part of the drawing on
//! screen. Pure arithmetic, so it is tested natively; the web UI only feeds it events.
//!
//! Nothing is laid out again: the people keep their places and only the window onto them
//! moves, which keeps zooming cheap and the picture stable.

/// The closest zoom: 20× still shows a few people with room around them.
pub const MAX_ZOOM: f64 = 20.0;

/// The visible part of a `width` × `height` drawing, in drawing units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    /// Left edge of what is shown.
    pub x: f64,
    /// Top edge of what is shown.
    pub y: f64,
    /// Width shown: `width` at 1×, `width / 20` at 20×.
    pub w: f64,
    /// Height shown, always in the drawing's proportion.
    pub h: f64,
    width: f64,
    height: f64,
}

impl ViewBox {
    /// The whole drawing: the fit the page opens on.
    pub fn whole(width: f64, height: f64) -> ViewBox {
        ViewBox {
            x: 0.0,
            y: 0.0,
            w: width,
            h: height,
            width,
            height,
        }
    }

    /// How many times closer than the whole drawing (1 to [`MAX_ZOOM`]).
    pub fn zoom(&self) -> f64 {
        self.width / self.w
    }

    /// Zooms by `factor` (above 1 is closer) keeping the drawing point `at` where it is on
    /// screen, as a map does under the pointer.
    pub fn zoom_at(self, factor: f64, at: (f64, f64)) -> ViewBox {
        // The point keeps its fraction of the view: left part grows or shrinks in step.
        self.zoom_to(factor, at, self.fraction(at))
    }

    /// Zooms by `factor` (above 1 is closer; clamped to 1..=[`MAX_ZOOM`] overall) and moves
    /// the view so the drawing point `at` shows at `to`, fractions (0..=1) of the element's
    /// width and height, as far as the edges allow: two fingers pinching and dragging at
    /// once. A factor that is not a positive number zooms nothing; a `to` that is not
    /// finite leaves `at` where it was on screen.
    pub fn zoom_to(self, factor: f64, at: (f64, f64), to: (f64, f64)) -> ViewBox {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let to = if to.0.is_finite() && to.1.is_finite() {
            to
        } else {
            self.fraction(at)
        };
        let zoom = (self.zoom() * factor).clamp(1.0, MAX_ZOOM);
        let (w, h) = (self.width / zoom, self.height / zoom);
        ViewBox {
            x: at.0 - to.0 * w,
            y: at.1 - to.1 * h,
            w,
            h,
            ..self
        }
        .inside()
    }

    /// Zooms by `factor` around the middle of what is shown (keyboard and buttons).
    pub fn zoom_centre(self, factor: f64) -> ViewBox {
        self.zoom_at(factor, (self.x + self.w / 2.0, self.y + self.h / 2.0))
    }

    /// Moves the view by `dx`, `dy` drawing units (positive: the view goes right and down,
    /// so the people move left and up), never past the drawing's edges.
    pub fn pan(self, dx: f64, dy: f64) -> ViewBox {
        let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
        ViewBox {
            x: self.x + finite(dx),
            y: self.y + finite(dy),
            ..self
        }
        .inside()
    }

    /// The view at `zoom` (clamped) with the drawing point `at` in its middle, as far as
    /// the drawing's edges allow.
    pub fn centre_on(self, at: (f64, f64), zoom: f64) -> ViewBox {
        let zoom = if zoom.is_finite() { zoom } else { 1.0 }.clamp(1.0, MAX_ZOOM);
        let (w, h) = (self.width / zoom, self.height / zoom);
        ViewBox {
            x: at.0 - w / 2.0,
            y: at.1 - h / 2.0,
            w,
            h,
            ..self
        }
        .inside()
    }

    /// The drawing point under a screen point given as fractions (0..=1) of the element's
    /// width and height.
    pub fn point(&self, fx: f64, fy: f64) -> (f64, f64) {
        (self.x + fx * self.w, self.y + fy * self.h)
    }

    /// Where a drawing point is on screen, as fractions of the element's size (outside
    /// 0..=1 when it is out of view).
    pub fn fraction(&self, at: (f64, f64)) -> (f64, f64) {
        ((at.0 - self.x) / self.w, (at.1 - self.y) / self.h)
    }

    /// The `viewBox` attribute: "x y w h", two decimals.
    pub fn attr(&self) -> String {
        format!("{:.2} {:.2} {:.2} {:.2}", self.x, self.y, self.w, self.h)
    }

    /// Keeps the view over the drawing: zoomed in it cannot slide off the edge.
    fn inside(self) -> ViewBox {
        let keep = |v: f64, room: f64| {
            if v.is_finite() {
                v.clamp(0.0, room.max(0.0))
            } else {
                0.0
            }
        };
        ViewBox {
            x: keep(self.x, self.width - self.w),
            y: keep(self.y, self.height - self.h),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let whole = ViewBox::whole(800.0, 560.0);
        let at = (200.0, 140.0);
        let near = whole.zoom_at(2.0, at);
        assert!(close(near.zoom(), 2.0));
        assert!(close(near.w, 400.0) && close(near.h, 280.0));
        // The point was a quarter across and down; it still is.
        assert_eq!(near.fraction(at), (0.25, 0.25));
        assert!(close(near.x, 100.0) && close(near.y, 70.0));
    }

    #[test]
    fn zoom_stays_between_the_whole_drawing_and_twenty_times() {
        let whole = ViewBox::whole(800.0, 560.0);
        assert_eq!(whole.zoom_at(0.5, (10.0, 10.0)), whole);
        let deep = (0..40).fold(whole, |v, _| v.zoom_centre(1.5));
        assert!(close(deep.zoom(), MAX_ZOOM));
        assert_eq!(deep.zoom_at(f64::NAN, (1.0, 1.0)), deep);
        let back = (0..40).fold(deep, |v, _| v.zoom_centre(1.0 / 1.5));
        assert_eq!(back, whole);
    }

    #[test]
    fn panning_stops_at_the_edges() {
        let whole = ViewBox::whole(800.0, 560.0);
        assert_eq!(whole.pan(50.0, -20.0), whole, "nothing to pan at 1x");
        let near = whole.zoom_centre(4.0);
        let moved = near.pan(10.0, 5.0);
        assert!(close(moved.x, near.x + 10.0) && close(moved.y, near.y + 5.0));
        let far = near.pan(1e6, -1e6);
        assert!(close(far.x, 600.0) && close(far.y, 0.0));
        assert_eq!(near.pan(f64::INFINITY, 0.0).x, near.x);
    }

    #[test]
    fn zooming_to_a_spot_moves_the_point_there() {
        let whole = ViewBox::whole(800.0, 560.0);
        let at = (400.0, 280.0);
        let near = whole.zoom_to(2.0, at, (0.25, 0.75));
        assert!(close(near.zoom(), 2.0));
        let (fx, fy) = near.fraction(at);
        assert!(close(fx, 0.25) && close(fy, 0.75), "{fx} {fy}");
        // Not finite: the point stays where it was; a bad factor zooms nothing.
        let same = near.zoom_to(1.0, at, (f64::NAN, 0.1));
        assert_eq!(same, near);
        assert!(close(near.zoom_to(-3.0, at, (0.25, 0.75)).zoom(), 2.0));
        // Past the edge the view stops at it.
        let edge = near.zoom_to(1.0, (0.0, 0.0), (0.9, 0.9));
        assert_eq!((edge.x, edge.y), (0.0, 0.0));
    }

    #[test]
    fn centring_puts_the_point_in_the_middle_unless_at_an_edge() {
        let whole = ViewBox::whole(800.0, 560.0);
        let view = whole.centre_on((400.0, 300.0), 4.0);
        assert_eq!(view.fraction((400.0, 300.0)), (0.5, 0.5));
        let corner = whole.centre_on((0.0, 0.0), 4.0);
        assert_eq!((corner.x, corner.y), (0.0, 0.0));
        assert_eq!(view.point(0.5, 0.5), (400.0, 300.0));
        assert_eq!(whole.attr(), "0.00 0.00 800.00 560.00");
    }
}
