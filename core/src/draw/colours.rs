//! The colours every picture shares: the page's network, the canvas, the charts, the share
//! card and the SVG download all colour a role or a conversation group the same way.

/// The colour of a role as `#rrggbb` (the Okabe–Ito palette the page uses, safe for
/// colour-blind readers).
pub fn role_colour(role: crate::draw::view::Role) -> &'static str {
    use crate::draw::view::Role;
    match role {
        Role::Host => "#d55e00",
        Role::Leader => "#cc79a7",
        Role::Core => "#009e73",
        Role::Engaged => "#56b4e9",
        Role::Audience => "#a3a3a3",
    }
}

/// A colour for community `c`, cycling through eight distinguishable ones.
pub fn community_colour(c: u32) -> &'static str {
    const PALETTE: [&str; 8] = [
        "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#7d7d7d",
    ];
    // The modulo keeps the index in range, so `get` always finds a colour.
    PALETTE
        .get(c as usize % PALETTE.len())
        .copied()
        .unwrap_or("#7d7d7d")
}
