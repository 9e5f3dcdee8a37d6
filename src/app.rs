//! The page's frame: root component, state and reducer, start-up, JS API, embed, shared helpers.

pub mod analysis;
pub mod api;
pub mod bidi;
pub mod choices;
pub mod embed;
pub mod escape;
pub mod next_frame;
pub mod root;
pub mod select;
pub mod shared;
pub mod start;
pub mod state;
