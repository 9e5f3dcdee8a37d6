//! The top of the pipeline: [`analyze`] assembles the whole report from files, and the
//! modules beside it use whole reports: the page–worker wire format, comparing two reports,
//! progress kept between visits, and the anonymised copy.
//!
//! Only this layer may import every other one.

pub mod analyze;
pub mod anonymise;
pub mod compare;
pub mod progress;
pub mod wire;

pub use analyze::{analyze, Analysis};
