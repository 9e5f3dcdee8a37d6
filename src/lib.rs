//! The web crate: the Yew page (and its import worker) on top of `peerscope-core`. One page
//! reads exports in the browser and shows the answer, the network, the checklist and the
//! numbers behind them. [`app`] owns the one reducer ([`app::state`]); every other module is
//! one component or a helper of one. Nothing here is needed by the core, and editing
//! anything here never rebuilds it. Folders by what the person sees:

/// The page's frame: the root component, the one state and reducer, how it starts, the
/// JS API, the embed and small helpers every component shares.
pub mod app;
/// Large networks on a canvas: WebGL2, the 2D fallback, shaders, context loss.
pub mod canvas;
/// Reading files: pick, drop, paste, the import worker and its messages, limits, progress.
pub mod import;
/// The network picture (SVG) and what acts on it: zoom, touch, search, filters, panels.
pub mod network;
/// The answer and what backs it: verdict, checklist, charts, downloads, progress, privacy.
pub mod report;

pub use app::root::{App, Page, PageProps};
pub use app::shared::Shared;
pub use app::state::{Action, Source, State};
