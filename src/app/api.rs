//! The JS API, for sites that want the numbers without the page, or the page in their own
//! element: `analyze(textOrBytes, options)` and `mount(element, options)`; with
//! `interval: false`, `analyze` hands the verdict over first and `addInterval()` the whole
//! report after it (docs/EMBEDDING.md says why two calls).
//!
//! On the widget's own page Trunk puts them on `window.wasmBindings`; elsewhere, import the
//! module from `dist/` and call its default export (`init`) first. Options (all optional):
//!
//! | key | values | default |
//! |---|---|---|
//! | `profile` | `"creator"`, `"startup"`, `"nonprofit"` | `"creator"` |
//! | `goal` | `"connection"`, `"reach"` | `"connection"` |
//! | `hosts` | `"detect"`, `"none"`, or a list of ids or names | `"detect"` |
//! | `format` | a format name, as the CLI's `--format` | detected |
//! | `name` | the file name used in error messages | `"input"` |
//! | `anonymise` | `true` for pseudonyms instead of names | `false` |
//! | `interval` | `false`: the report without the score's interval and the trend, the export kept for `addInterval()` (`analyze` only) | `true` |
//! | `embed` | `true` for the compact layout (`mount` only) | `false` |

mod export_reader;
mod kept;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::app::root::{Page, PageProps};
use crate::app::shared::Shared;
use crate::app::start::Start;
use crate::app::state::State;
use export_reader::ExportReader;
use kept::Kept;
use peerscope_core::import::{self, Format};
use peerscope_core::model::options::{Goal, HostChoice, Options, Profile};
use peerscope_core::report::analyze::{report_in_milestones, report_without_interval};
use peerscope_core::Report;

/// The options object both functions take.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ApiOptions {
    pub profile: Option<String>,
    pub goal: Option<String>,
    pub hosts: Option<Hosts>,
    pub format: Option<String>,
    pub name: Option<String>,
    #[serde(alias = "anonymize")]
    pub anonymise: bool,
    pub embed: bool,
    /// `Some(false)`: the verdict first, the interval by `addInterval()`.
    pub interval: Option<bool>,
}

/// `hosts`: `"detect"`, `"none"`, one id or name, or a list of them.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Hosts {
    One(String),
    Many(Vec<String>),
}

impl ApiOptions {
    /// The core's options, or one sentence naming the option that is wrong.
    pub fn options(&self) -> Result<Options, String> {
        let profile = match &self.profile {
            Some(p) => Profile::parse(p).ok_or_else(|| {
                format!("options.profile is \"{p}\"; use creator, startup or nonprofit.")
            })?,
            None => Profile::default(),
        };
        let goal = match &self.goal {
            Some(g) => Goal::parse(g)
                .ok_or_else(|| format!("options.goal is \"{g}\"; use connection or reach."))?,
            None => Goal::default(),
        };
        let hosts = match &self.hosts {
            None => HostChoice::Detect,
            Some(Hosts::One(one)) if one.trim() == "detect" => HostChoice::Detect,
            Some(Hosts::One(one)) if one.trim() == "none" => HostChoice::None,
            Some(Hosts::One(one)) => HostChoice::Named(vec![one.clone()]),
            Some(Hosts::Many(many)) => HostChoice::Named(many.clone()),
        };
        let format = match &self.format {
            Some(f) => Some(
                Format::parse(f).ok_or_else(|| format!("options.format \"{f}\" is not known."))?,
            ),
            None => None,
        };
        Ok(Options {
            profile,
            goal,
            hosts,
            format,
        })
    }

    /// How a mounted page starts.
    pub fn start(&self) -> Result<Start, String> {
        let options = self.options()?;
        Ok(Start {
            profile: options.profile,
            goal: options.goal,
            embedded: self.embed,
            anonymise: self.anonymise,
            max_bytes: None,
            max_whole_bytes: None,
            no_worker: false,
        })
    }
}

/// Reads the options argument; `undefined` and `null` mean all defaults.
fn read_options(options: JsValue) -> Result<ApiOptions, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(ApiOptions::default());
    }
    serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("peerscope: the options are not usable: {e}")))
}

/// The export in `input` (a string, a `Uint8Array` or an `ArrayBuffer`), imported as the
/// CLI imports a file: through the core's streaming importer, read a piece at a time
/// ([`ExportReader`]), so neither the whole text nor the whole bytes are copied into wasm
/// memory first. Fails with one sentence naming `name`.
fn import_input(
    input: &JsValue,
    name: &str,
    format: Option<Format>,
) -> Result<peerscope_core::model::Dataset, JsError> {
    let reader = ExportReader::of(input).ok_or_else(|| {
        JsError::new(
            "peerscope: analyze() takes the export as a string, a Uint8Array or an ArrayBuffer.",
        )
    })?;
    let reader = reader.map_err(|why| JsError::new(&format!("{name}: {why}.")))?;
    let size = reader.size_hint();
    // The CLI's buffer: the importer decides from its first 1 MiB whether to stream.
    let mut buffered = std::io::BufReader::with_capacity(1 << 20, reader);
    // As a trait object the importer is compiled once for it and for any other caller
    // that passes one: instantiated for this reader's own type, it added 6.5 KB of gzip.
    let buffered: &mut dyn std::io::BufRead = &mut buffered;
    let mut dataset = peerscope_core::model::Dataset::default();
    let counted = std::cell::Cell::new(0);
    import::read_stream_sized(name, size, buffered, format, &mut dataset, &counted)
        .map_err(|e| JsError::new(&crate::import::fallback::said_on_the_main_thread(&e)))?;
    import::check_not_empty(dataset, &[name]).map_err(|e| JsError::new(&e.to_string()))
}

/// `analyze(textOrBytes, options) -> report`: the report of docs/METRICS.md §9, exactly what
/// the CLI's `--json` prints, as a plain object. Throws an `Error` with one sentence when
/// the export cannot be read or an option is wrong, and for the six rarest formats
/// (Matrix, Zulip, GitHub, Mastodon, YouTube live chat), which only the page reads. Bytes
/// are the quicker input: a string has to be encoded to UTF-8 first (on the 136 MB export
/// about a third more time).
///
/// With `interval: false` the report comes without the score's interval and the trend
/// (`verdict.interval` and `trend` null, `confidence` "tentative", `movement` empty) and the
/// export is kept for [`add_interval_js`]. Every call first releases what the last one kept.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(input: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    kept::release();
    let api = read_options(options)?;
    let options = api.options().map_err(|e| JsError::new(&e))?;
    let name = api.name.clone().unwrap_or_else(|| "input".to_string());
    let dataset = import_input(&input, &name, options.format)?;
    if api.interval == Some(false) {
        let analysis = report_without_interval(&dataset, &options, api.anonymise)
            .map_err(|e| JsError::new(&e.to_string()))?;
        let report = kept::shown(&analysis, api.anonymise);
        kept::keep(Kept {
            dataset,
            options,
            analysis,
            anonymise: api.anonymise,
        });
        return hand_over(&report);
    }
    // The CLI's own call: the interval and confidence are measured, the network is not
    // laid out (nothing here would return it, and on a big export it is most of the time).
    let analysis = report_in_milestones(&dataset, &options, api.anonymise, &|_| {})
        .map_err(|e| JsError::new(&e.to_string()))?;
    hand_over(&kept::shown(&analysis, api.anonymise))
}

/// `addInterval() -> report`: the report of the last `analyze(input, { interval: false })`
/// with the score's interval, confidence and trend added: the very object `analyze`
/// without that option returns. Releases the kept export. Throws one sentence when
/// nothing is waiting (no such call, or its interval was already added or released).
#[wasm_bindgen(js_name = addInterval)]
pub fn add_interval_js() -> Result<JsValue, JsError> {
    let added = kept::take_and_add_interval().ok_or_else(|| {
        JsError::new(
            "peerscope: addInterval() has no analysis to finish; call analyze(input, { interval: false }) first.",
        )
    })?;
    hand_over(&added.map_err(|e| JsError::new(&e))?)
}

/// `releaseAnalysis()`: drops the export `analyze(input, { interval: false })` kept, for a
/// caller that will not ask for the interval; nothing happens when none is kept.
#[wasm_bindgen(js_name = releaseAnalysis)]
pub fn release_analysis() {
    kept::release();
}

/// `report` as a plain JS object (the JSON the CLI prints, numbers as numbers).
fn hand_over(report: &Report) -> Result<JsValue, JsError> {
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("peerscope: cannot hand over the report: {e}")))
}

/// `memoryBytes() -> number`: the size of this module's wasm linear memory, in bytes. It
/// never shrinks, so it is the most the module has held so far; `benches/browser.mjs`
/// reads it after an analysis. (Growing by zero pages answers the size in pages, exact up to
/// the 4 GiB a wasm32 memory can reach, where a `u32` byte length would wrap to 0.)
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    f64::from(memory.grow(0)) * 65536.0
}

/// `mount(element, options)`: the whole app inside `element`, opening on the bundled sample
/// with these choices (`embed: true` for the compact layout).
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<(), JsError> {
    let start = read_options(options)?
        .start()
        .map_err(|e| JsError::new(&e))?;
    let props = PageProps {
        start: Shared::new(State::with_sample().starting(start)),
    };
    yew::Renderer::<Page>::with_root_and_props(element, props).render();
    Ok(())
}

/// Whether the page wants the app on its `<body>` at start: yes, unless the root element
/// says `<html data-peerscope="manual">` (pages that call `mount` or `analyze` themselves),
/// and never without a document: the import worker initialises this same module (see
/// [`crate::import::worker`]) and must not try to mount a page.
pub fn mounts_itself() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    document
        .document_element()
        .and_then(|r| r.get_attribute("data-peerscope"))
        .is_none_or(|value| value != "manual")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_map_to_the_core_and_bad_values_are_named() {
        let api = ApiOptions {
            profile: Some("Startup".into()),
            goal: Some("reach".into()),
            hosts: Some(Hosts::One("none".into())),
            ..ApiOptions::default()
        };
        let options = api.options().unwrap_or_default();
        assert_eq!(options.profile, Profile::Startup);
        assert_eq!(options.goal, Goal::Reach);
        assert_eq!(options.hosts, HostChoice::None);
        let many = ApiOptions {
            hosts: Some(Hosts::Many(vec!["Sam".into()])),
            ..ApiOptions::default()
        };
        assert_eq!(
            many.options().map(|o| o.hosts),
            Ok(HostChoice::Named(vec!["Sam".into()]))
        );
        let bad = ApiOptions {
            goal: Some("fame".into()),
            ..ApiOptions::default()
        };
        assert!(bad.options().is_err_and(|e| e.contains("options.goal")));
    }
}
