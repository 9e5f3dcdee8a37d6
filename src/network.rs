//! The network picture as SVG and everything that acts on it.

pub mod camera;
pub mod core_view;
pub mod drawing;
pub mod export;
pub mod filters;
pub mod fit;
pub mod held;
pub mod legend;
pub mod month_slider;
pub mod names;
pub mod network_table;
pub mod pan_zoom;
pub mod person_panel;
pub mod picked;
pub mod picture;
pub mod picture_files;
pub mod resettle;
pub mod same_network;
pub mod search;
pub mod step_away;
pub mod tools_fold;
pub mod tooltip;
pub mod touch;
pub mod window_filters;
