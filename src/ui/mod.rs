//! The Yew UI (feature `web`): one page that reads exports in the browser and shows the
//! answer, the network, the checklist and the numbers behind them.
//!
//! [`app`] owns the one reducer ([`state`]); every other module is one component or a
//! helper of one. Nothing here is needed by the core.

pub mod api;
pub mod app;
pub mod bidi;
pub mod canvas2d;
pub mod canvas_view;
pub mod charts;
pub mod checklist;
pub mod choices;
pub mod deeper;
pub mod downloads;
pub mod drawing;
pub mod drop;
pub mod embed;
pub mod escape;
pub mod export;
pub mod fallback;
pub mod filters;
pub mod fit;
pub mod format;
pub mod gl_loss;
pub mod import_status;
pub mod importer;
pub mod in_worker;
pub mod input;
pub mod legend;
pub mod limit;
pub mod loading;
pub mod messages;
pub mod network;
pub mod network_table;
pub mod paint;
pub mod pan_zoom;
pub mod person_panel;
pub mod privacy;
pub mod progress;
pub mod read;
pub mod resettle;
pub mod search;
pub mod select;
pub mod shaders;
pub mod shared;
pub mod since;
pub mod start;
pub mod state;
pub mod step_away;
pub mod storage;
pub mod tooltip;
pub mod touch;
pub mod verdict;
pub mod webgl;
pub mod window_filters;
pub mod worker;

pub use app::{App, Page, PageProps};
pub use shared::Shared;
pub use state::{Action, Source, State};
