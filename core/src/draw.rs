//! Everything that turns a measured network into a picture or a file: the view model the
//! page draws from, the seeded ForceAtlas2 layout, the charts' series, the downloads (GEXF, CSV,
//! SVG) and the share card.
//!
//! Pure Rust with no browser type: the web crate paints what this builds, and the CLI and
//! tests write the same SVG and tables natively.

pub mod charts;
pub mod colours;
pub mod export;
pub mod layout;
pub mod share_card;
pub mod view;
