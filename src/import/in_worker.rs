//! The import worker's side: runs inside the Web Worker that `www/worker.js` starts on the
//! page's own wasm module (see `crate::import::worker` for why one module and not two).
//! The same file is also compiled into `all-formats/`, the module with the six rarest
//! formats the page's module leaves out (`peerscope_core::import::rare`): when a file is one
//! of them, [`hand_over`] passes the job to that module, loaded into this same worker.
//!
//! Each [`Job`] is read file by file, reporting bytes and messages after every piece. A
//! DiscordChatExporter or Telegram chat export is fed to the core's streamed importer
//! ([`import::read_fed`]) as its pieces arrive from asynchronous reads ([`BlobFeed`]), so
//! the browser reads the next piece while this one is parsed; it never sits whole in
//! memory. Jobs therefore run as tasks, one after another ([`WAITING`]). Every other
//! format is read with `FileReaderSync` (synchronous, and allowed only in workers) in
//! 16 MiB slices ([`BlobReader`]) through [`import::read_stream_sized`], which reads it
//! whole (yt-dlp's live chat line by line), so once [`import::streams`] says the file
//! will not stream, the file is held to the whole-file limit ([`limit::check_whole`]):
//! the page let it through on the larger streamed limit. (Parsing a file held whole was
//! measured only a fifth faster here on 100 k messages before the streamed parse read in
//! place, 3.9 s against 4.8 s, for four times the memory, 171 MB against 43 MB, and a bar
//! that stood still while it parsed; the CLI too streams every Discord export now.)
//! Then the dataset is analysed and the analysis sent back as a structured-cloned object
//! (see [`crate::import::messages`]): on a big export in three answers, the verdict first,
//! then the layout, then the score's interval (see [`answer`]).
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io::BufRead;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

use crate::import::blob_feed::BlobFeed;
use crate::import::blob_reader::BlobReader;
use crate::import::limit;
use crate::import::loading::{Loading, Stats};
use crate::import::messages::{from_js, to_js, FromWorker, Job};
use crate::import::network_wire::network_to_js;
use crate::import::people_wire::{verdict_and_people, whole};
use peerscope_core::import::error::ImportError;
use peerscope_core::import::{self, Format};
use peerscope_core::model::Dataset;
use peerscope_core::report::analyze::{analyze_in_stages, Analysis, Stage};

/// The dataset of the last import, with what it was read from.
struct Kept {
    key: u32,
    format: Option<Format>,
    dataset: Dataset,
}

thread_local! {
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
    /// Jobs not started yet: a job awaits its file's pieces, and the next job must not
    /// start in those pauses.
    static WAITING: RefCell<VecDeque<Job>> = const { RefCell::new(VecDeque::new()) };
    /// A task is answering jobs ([`answer_waiting`]).
    static ANSWERING: Cell<bool> = const { Cell::new(false) };
}

/// Called once by `www/worker.js` after it initialised the module: takes every later
/// message as a [`Job`] and says [`FromWorker::Ready`]. Fails (without effect) anywhere but
/// in a dedicated worker.
#[wasm_bindgen(js_name = importWorker)]
pub fn import_worker() -> Result<(), JsValue> {
    listen()?;
    post(&FromWorker::Ready);
    Ok(())
}

/// Called by `www/worker.js` on the module with every format (`all-formats/`), loaded in
/// this same worker when the page's module met a format it leaves out ([`hand_over`]):
/// takes every later message, as [`import_worker`] does but without saying Ready (the page
/// is waiting for `job`'s answer, not for a worker), and answers `job`.
#[wasm_bindgen(js_name = takeOverImportWorker)]
pub fn take_over_import_worker(job: JsValue) -> Result<(), JsValue> {
    listen()?;
    read_job(job);
    Ok(())
}

/// Makes every later message of the worker's scope a [`Job`] for this module.
fn listen() -> Result<(), JsValue> {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().dyn_into()?;
    let on_message =
        Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| read_job(event.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker does.
    on_message.forget();
    Ok(())
}

fn read_job(message: JsValue) {
    match from_js::<Job>(message) {
        Ok(job) => queue(job),
        Err(error) => post(&FromWorker::Failed { id: 0, error }),
    }
}

/// Answers `job` after the jobs before it, in a task of its own when none is running.
fn queue(job: Job) {
    WAITING.with_borrow_mut(|waiting| waiting.push_back(job));
    if !ANSWERING.replace(true) {
        wasm_bindgen_futures::spawn_local(answer_waiting());
    }
}

/// Answers the waiting jobs in turn.
async fn answer_waiting() {
    while let Some(job) = WAITING.with_borrow_mut(VecDeque::pop_front) {
        answer(&job).await;
    }
    ANSWERING.set(false);
}

/// Why a job's files were not read.
enum Unread {
    /// One sentence for the person, naming the file.
    Said(String),
    /// The file named is in a format this module leaves out (`import::rare`).
    LeftOut { file: String, format: Format },
}

impl From<String> for Unread {
    fn from(sentence: String) -> Unread {
        Unread::Said(sentence)
    }
}

/// Hands `job` to the module with every format: `www/worker.js`'s `peerscopeAllFormats`
/// loads it (once per worker; the browser caches it after) and calls its
/// [`take_over_import_worker`]. Fails, telling the page with one sentence, when that
/// function is missing or the module cannot be loaded.
fn hand_over(job: &Job, file: &str, format: Format) {
    let unavailable = format!(
        "{file}: reading a {} export needs peerscope's module with every format \
         (peerscope-all-formats.wasm), which could not be loaded",
        format.as_str()
    );
    let handed = js_sys::Reflect::get(&js_sys::global(), &"peerscopeAllFormats".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .zip(to_js(job).ok())
        .is_some_and(|(load, job)| {
            load.call2(&JsValue::NULL, &job, &JsValue::from_str(&unavailable))
                .is_ok()
        });
    if !handed {
        post(&FromWorker::Failed {
            id: job.id,
            error: format!("{unavailable}; reload the page, or use the command-line tool."),
        });
    }
}

/// Sends `message` to the page.
fn post(message: &FromWorker) {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    if let Ok(value) = to_js(message) {
        // Nothing is left to tell the page if posting itself fails.
        let _ = scope.post_message(&value);
    }
}

/// Below this many messages the layout and the interval cost a few tens of milliseconds,
/// so they go out with the first answer: one answer is drawn once. Past it the verdict
/// goes first, then the layout, then the interval, each as its own answer to the same job;
/// the page keeps the drawing's zoom, pin and window between them
/// (`NetworkPanelProps::request`).
const ONE_ANSWER_BELOW: usize = 20_000;

/// Runs `job` and sends its answers: on a small export the whole analysis with the score's
/// interval (docs/METRICS.md §10) at once; on a larger one the verdict first, then the
/// laid-out network, then the verdict with its interval, so the time to the verdict waits
/// on neither; or the first error as one sentence.
async fn answer(job: &Job) {
    let started = js_sys::Date::now();
    let (dataset, total) = match imported(job).await {
        Ok(done) => done,
        Err(Unread::Said(error)) => return post(&FromWorker::Failed { id: job.id, error }),
        Err(Unread::LeftOut { file, format }) => return hand_over(job, &file, format),
    };
    let import_ms = js_sys::Date::now() - started;
    let messages = dataset.messages.len();
    post(&FromWorker::Progress {
        id: job.id,
        loading: Loading::analysing(total, messages as u64),
    });
    let mut stats = Stats {
        import_ms,
        ..Stats::default()
    };
    let staged = messages >= ONE_ANSWER_BELOW;
    let analysed = analyze_in_stages(&dataset, &job.options, &mut |stage| {
        if staged {
            post_stage(job.id, stage, &mut stats, started + import_ms);
        }
    });
    KEPT.set(Some(Kept {
        key: job.key,
        format: job.options.format,
        dataset,
    }));
    match analysed {
        Ok(analysis) if !staged => {
            stats.analyse_ms = js_sys::Date::now() - started - import_ms;
            stats.memory = memory_bytes();
            post_done(job.id, &analysis, stats, false);
        }
        Ok(_) => {}
        Err(error) => post(&FromWorker::Failed {
            id: job.id,
            error: error.to_string(),
        }),
    }
}

/// Sends one stage of job `id`'s analysis as it is done (`analysing_since`: when the
/// analysis started, for [`Stats::analyse_ms`]).
fn post_stage(id: u32, stage: Stage<'_>, stats: &mut Stats, analysing_since: f64) {
    let answer = match stage {
        Stage::Verdict(analysis) => {
            stats.analyse_ms = js_sys::Date::now() - analysing_since;
            stats.memory = memory_bytes();
            return post_done(id, analysis, stats.clone(), true);
        }
        Stage::Laid(network) => {
            network_to_js(network).map(|network| FromWorker::Laid { id, network })
        }
        // An undetermined score has no interval nor trend: the report already sent stands.
        Stage::Interval(report) if report.verdict.interval.is_none() && report.trend.is_none() => {
            return
        }
        Stage::Interval(report) => to_js(report).map(|report| FromWorker::Interval { id, report }),
    };
    match answer {
        Ok(answer) => post(&answer),
        Err(error) => post(&FromWorker::Failed { id, error }),
    }
}

/// Sends `analysis` as the answer to job `id` (`network_follows`: its layout and interval
/// come in later answers, and its participants past the first few as columns beside it).
fn post_done(id: u32, analysis: &Analysis, mut stats: Stats, network_follows: bool) {
    let started = js_sys::Date::now();
    let (first, people) = if network_follows {
        verdict_and_people(analysis)
    } else {
        (whole(analysis), None)
    };
    match to_js(&first) {
        Ok(analysis) => {
            stats.encode_ms = js_sys::Date::now() - started;
            post(&FromWorker::Done {
                id,
                analysis,
                people: people.unwrap_or(JsValue::NULL),
                stats,
                network_follows,
            });
        }
        Err(error) => post(&FromWorker::Failed { id, error }),
    }
}

/// The dataset of `job`'s files, reused from the last job when it read the same files
/// the same way, else imported; with the files' total size in bytes.
async fn imported(job: &Job) -> Result<(Dataset, u64), Unread> {
    let files: Vec<File> = job
        .files
        .iter()
        .filter_map(|f| f.dyn_into::<File>().ok())
        .collect();
    let reusable = KEPT.with_borrow(|kept| {
        kept.as_ref()
            .is_some_and(|k| k.key == job.key && k.format == job.options.format)
    });
    let dataset = match KEPT.take().filter(|_| reusable) {
        Some(kept) => kept.dataset,
        None => import_files(job, &files).await?,
    };
    let total = files.iter().map(|f| f.size() as u64).sum();
    Ok((dataset, total))
}

/// This instance's wasm memory, in bytes.
fn memory_bytes() -> u64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length() as u64
        })
        .unwrap_or(0)
}

/// Reads every file of `job` in pieces into one dataset, reporting progress after every
/// piece; files that will not stream count against the job's whole-file limit.
async fn import_files(job: &Job, files: &[File]) -> Result<Dataset, Unread> {
    let (id, format) = (job.id, job.options.format);
    let total: u64 = files.iter().map(|f| f.size() as u64).sum();
    let counted = Cell::new(0u64);
    let mut dataset = Dataset::default();
    let mut done = 0u64;
    let mut whole = 0u64;
    let mut names = Vec::with_capacity(files.len());
    for file in files {
        let name = file.name();
        let report = |at: u64| {
            let mut loading = Loading::start(&name, total);
            loading.read = done + at;
            loading.messages = counted.get();
            post(&FromWorker::Progress { id, loading });
        };
        report(0);
        let mut feed = BlobFeed::new(file, &report);
        let head = feed
            .head()
            .await
            .map_err(|e| format!("{name}: cannot be read ({e})."))?;
        let read = if import::feeds(&head, format) {
            let fed = import::read_fed(&name, &head, &mut feed, format, &mut dataset, &counted);
            fed.await.map_err(unread)
        } else {
            drop(feed);
            let size = file.size() as u64;
            let weight = whole_weight(&name, &head, format);
            let (before, max) = (whole / weight, job.max_whole_bytes / weight);
            // Held to the limit before a byte more is read: a file read whole that does
            // not fit must be refused, not read first.
            limit::check_whole(&name, size, before, max)
                .map_err(Unread::Said)
                .and_then(|()| pull(file, &name, format, &mut dataset, &counted, &report))
                .inspect(|()| whole = whole.saturating_add(size.saturating_mul(weight)))
        };
        read?;
        done += file.size() as u64;
        names.push(name);
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    import::check_not_empty(dataset, &names).map_err(|e| Unread::Said(e.to_string()))
}

/// How much each byte of a file read whole counts against the whole-file limit: formats
/// that take more memory per byte count for more (a text chat, a CSV).
fn whole_weight(name: &str, head: &[u8], format: Option<Format>) -> u64 {
    let detected = || import::detect(&import::Input::new(name.to_string(), head.to_vec()));
    limit::whole_weight(format.or_else(|| detected().ok()))
}

/// Reads `file` with `FileReaderSync` in 16 MiB slices through the core's pull importer:
/// the formats [`import::feeds`] does not take (read whole, or yt-dlp's lines).
fn pull(
    file: &File,
    name: &str,
    format: Option<Format>,
    dataset: &mut Dataset,
    counted: &Cell<u64>,
    report: &dyn Fn(u64),
) -> Result<(), Unread> {
    let reader = FileReaderSync::new()
        .map_err(|_| "this browser cannot read files in the background.".to_string())?;
    let mut buffered = BlobReader::new(file, &reader, report);
    let size = file.size() as u64;
    // As a trait object, as the JS API passes its reader (src/app/api.rs): the importer
    // is then compiled once for both, where one copy per reader type cost 3.9 KB of gzip.
    let buffered: &mut dyn BufRead = &mut buffered;
    import::read_stream_sized(name, size, buffered, format, dataset, counted).map_err(unread)
}

/// The worker's side of an import error.
fn unread(e: ImportError) -> Unread {
    match e {
        ImportError::LeftOut { file, format } => Unread::LeftOut { file, format },
        other => Unread::Said(other.to_string()),
    }
}
