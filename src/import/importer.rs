//! Runs the import of picked files on the best path there is, and reports to the reducer.
//!
//! The page starts its import worker when it mounts (so it is ready, and has fetched what
//! it needs, before a file is picked). A request for files goes to the worker when it is
//! ready, waits while it starts, and goes to the main-thread [`fallback`] when it could not
//! start. Cancelling, or a newer request while the worker is still busy, terminates the
//! worker (a synchronous import cannot be interrupted any other way) and starts a fresh
//! one, which has to read the files again for the next choice; the `File` handles in the
//! page's state make that possible without the bytes ever being on the main thread.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo::file::File;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::next_frame::after_a_paint;
use crate::app::shared::Shared;
use crate::app::state::{Action, Part, Picked};
use crate::import::fallback;
use crate::import::loading::{Loading, Runner};
use crate::import::messages::{from_js, FromWorker, Job};
use crate::import::network_wire::network_from_js;
use crate::import::people_later;
use crate::import::worker::{Event, ImportWorker};
use peerscope_core::model::options::Options;

/// The page's importer (one per mounted page); clones share it.
#[derive(Clone)]
pub struct Importer(Rc<RefCell<Inner>>);

impl PartialEq for Importer {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Where the worker is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Starting,
    Ready,
    /// It could not start: every import runs on the main thread.
    Broken,
}

/// One request for files, as long as it runs.
struct Pending {
    id: u32,
    key: u32,
    files: Shared<Vec<File>>,
    /// The most bytes of the files that may be read whole ([`Picked::max_whole_bytes`]).
    max_whole_bytes: u64,
    options: Options,
    /// Sent to the worker (so it is busy with it).
    sent: bool,
}

struct Inner {
    report: Callback<Action>,
    worker: Option<ImportWorker>,
    phase: Phase,
    pending: Option<Pending>,
    /// The job whose verdict came and whose network has not: the worker is laying it out,
    /// and a crash now must be told as that job's failure (the page waits for the drawing).
    laying_out: Option<u32>,
    /// The stop flag of the main-thread run in progress, if any.
    fallback: Option<Rc<Cell<bool>>>,
}

impl Importer {
    /// An importer that reports to `report`; no worker until [`Importer::start`].
    pub fn new(report: Callback<Action>) -> Importer {
        Importer(Rc::new(RefCell::new(Inner {
            report,
            worker: None,
            phase: Phase::Starting,
            pending: None,
            laying_out: None,
            fallback: None,
        })))
    }

    /// Starts the worker (or notes that none can start); with `allowed` false, reads every
    /// file on the main thread.
    pub fn start(&self, allowed: bool) {
        if !allowed {
            self.0.borrow_mut().phase = Phase::Broken;
            return;
        }
        let spawned = spawn(Rc::downgrade(&self.0));
        let mut inner = self.0.borrow_mut();
        match spawned {
            Ok(worker) => {
                inner.worker = Some(worker);
                inner.phase = Phase::Starting;
            }
            Err(_) => inner.phase = Phase::Broken,
        }
    }

    /// Stops everything (the page is going away).
    pub fn stop(&self) {
        let mut inner = self.0.borrow_mut();
        if let Some(worker) = inner.worker.take() {
            worker.terminate();
        }
        inner.pending = None;
        if let Some(flag) = inner.fallback.take() {
            flag.set(true);
        }
    }

    /// Imports and analyses request `id`'s files with `options`.
    pub fn run(&self, id: u32, picked: &Picked, options: &Options) {
        self.abandon();
        let pending = Pending {
            id,
            key: picked.key,
            files: picked.files.clone(),
            max_whole_bytes: picked.max_whole_bytes,
            options: options.clone(),
            sent: false,
        };
        let (phase, report) = {
            let inner = self.0.borrow();
            (inner.phase, inner.report.clone())
        };
        if phase != Phase::Broken {
            // At once, so the bar and Cancel show while a starting worker gets ready.
            let total = picked.files.iter().map(|f| f.size()).sum();
            let first = picked.files.first().map(|f| f.name()).unwrap_or_default();
            report.emit(Action::Progress {
                id,
                loading: Loading::start(&first, total),
                runner: Runner::Worker,
            });
        }
        match phase {
            Phase::Broken => self.on_main_thread(pending),
            Phase::Starting => self.0.borrow_mut().pending = Some(pending),
            Phase::Ready => self.send(pending),
        }
    }

    /// Stops the import in progress, if any (cancelled, or replaced by a newer request): a
    /// busy worker is terminated and a fresh one started; a main-thread run stops at its
    /// next slice.
    pub fn abandon(&self) {
        let busy = {
            let mut inner = self.0.borrow_mut();
            if let Some(flag) = inner.fallback.take() {
                flag.set(true);
            }
            inner.pending.take().is_some_and(|p| p.sent)
        };
        if busy {
            self.restart();
        }
    }

    fn restart(&self) {
        if let Some(worker) = self.0.borrow_mut().worker.take() {
            worker.terminate();
        }
        self.start(true);
    }

    /// Sends `pending` to the ready worker, or runs it on the main thread if that fails.
    fn send(&self, mut pending: Pending) {
        let job = Job {
            id: pending.id,
            key: pending.key,
            options: pending.options.clone(),
            max_whole_bytes: pending.max_whole_bytes,
            files: pending
                .files
                .iter()
                .map(|f| JsValue::from(AsRef::<web_sys::File>::as_ref(f)))
                .collect(),
        };
        let sent = match &self.0.borrow().worker {
            Some(worker) => worker.post(&job).is_ok(),
            None => false,
        };
        if sent {
            pending.sent = true;
            self.0.borrow_mut().pending = Some(pending);
        } else {
            self.0.borrow_mut().phase = Phase::Broken;
            self.on_main_thread(pending);
        }
    }

    fn on_main_thread(&self, pending: Pending) {
        let flag = Rc::new(Cell::new(false));
        let report = {
            let mut inner = self.0.borrow_mut();
            inner.fallback = Some(Rc::clone(&flag));
            inner.report.clone()
        };
        let job = fallback::Job {
            id: pending.id,
            files: pending.files,
            max_whole_bytes: pending.max_whole_bytes,
            options: pending.options,
        };
        fallback::run(job, flag, report);
    }

    /// What the worker said, turned into actions (emitted with no borrow held: the
    /// reducer may run at once).
    fn heard(&self, event: Event) {
        let actions = match event {
            Event::Said(FromWorker::Ready) => self.ready(),
            Event::Said(FromWorker::Unusable { .. }) => self.broken(),
            Event::Said(FromWorker::Progress { id, loading }) => vec![Action::Progress {
                id,
                loading,
                runner: Runner::Worker,
            }],
            Event::Said(FromWorker::Done {
                id,
                analysis,
                people,
                stats,
                network_follows,
            }) => {
                let actions = self.finished(id, done(analysis, stats), network_follows);
                if !people.is_null() {
                    // A big export's people are read back in a task of their own.
                    people_later::read(id, people, self.0.borrow().report.clone());
                }
                actions
            }
            Event::Said(FromWorker::Laid { id, network }) => {
                self.0.borrow_mut().laying_out.take_if(|job| *job == id);
                return self.later(network_from_js(&network).map(|n| (id, Part::Network(n))));
            }
            Event::Said(FromWorker::Interval { id, report }) => {
                let read = from_js(report).map(|r| (id, Part::Interval(Box::new(r))));
                return self.later(read);
            }
            Event::Said(FromWorker::Failed { id, error }) => self.finished(id, Err(error), false),
            Event::Crashed(why) => self.crashed(&why),
        };
        let report = self.0.borrow().report.clone();
        for action in actions {
            report.emit(action);
        }
    }

    /// A later part of job `id`'s analysis, read back in this task, added to the report on
    /// screen after the next paint ([`after_a_paint`]): reading a big network back and
    /// drawing it are two pauses of the page, not one twice as long. One that could not be
    /// read back is one sentence (the report on screen stays).
    fn later(&self, read: Result<(u32, Part), String>) {
        let action = match read {
            Ok((id, part)) => Action::Completed { id, part },
            Err(sentence) => Action::Fail(sentence),
        };
        let report = self.0.borrow().report.clone();
        after_a_paint(move || report.emit(action));
    }

    fn ready(&self) -> Vec<Action> {
        self.0.borrow_mut().phase = Phase::Ready;
        let waiting = self.0.borrow_mut().pending.take();
        if let Some(pending) = waiting {
            self.send(pending);
        }
        Vec::new()
    }

    /// The worker cannot start: whatever waits for it runs on the main thread.
    fn broken(&self) -> Vec<Action> {
        let waiting = {
            let mut inner = self.0.borrow_mut();
            inner.phase = Phase::Broken;
            if let Some(worker) = inner.worker.take() {
                worker.terminate();
            }
            inner.pending.take()
        };
        if let Some(pending) = waiting {
            self.on_main_thread(pending);
        }
        Vec::new()
    }

    /// The worker died: before it was ready, it is broken; after, the job it was on (if
    /// any) failed, and so did the one it was laying out after its verdict (the page shows
    /// that verdict and waits for the drawing: without a word it would wait forever); a
    /// fresh worker takes the next one. (The reducer drops the answer to an older request.)
    fn crashed(&self, why: &str) -> Vec<Action> {
        if self.0.borrow().phase == Phase::Starting {
            return self.broken();
        }
        let (pending, laying_out) = {
            let mut inner = self.0.borrow_mut();
            (inner.pending.take(), inner.laying_out.take())
        };
        self.restart();
        let lost = pending.map(|p| p.id).into_iter().chain(laying_out);
        lost.map(|id| Action::Analysed {
            id,
            result: Err(format!(
                "The import stopped before the end ({why}): the browser may have run out of \
                 memory for these files; try fewer files, or the command-line tool."
            )),
        })
        .collect()
    }

    /// Job `id` answered (`network_follows`: its layout and interval come later, and the
    /// worker, busy with them, takes the next job after).
    fn finished(
        &self,
        id: u32,
        result: Result<Answer, String>,
        network_follows: bool,
    ) -> Vec<Action> {
        let mut inner = self.0.borrow_mut();
        if inner.pending.as_ref().is_some_and(|p| p.id == id) {
            inner.pending = None;
        }
        inner.laying_out = (network_follows && result.is_ok()).then_some(id);
        match result {
            Ok((analysis, stats)) if network_follows => vec![
                Action::Measured { id, stats },
                Action::Verdict { id, analysis },
            ],
            Ok((analysis, stats)) => vec![
                Action::Measured { id, stats },
                Action::Analysed {
                    id,
                    result: Ok(analysis),
                },
            ],
            Err(error) => vec![Action::Analysed {
                id,
                result: Err(error),
            }],
        }
    }
}

/// An analysis read back, and what it cost.
type Answer = (Shared<PageAnalysis>, crate::import::loading::Stats);

/// Reads the worker's analysis object back, timing it.
fn done(analysis: JsValue, mut stats: crate::import::loading::Stats) -> Result<Answer, String> {
    let started = js_sys::Date::now();
    let analysis = from_js::<peerscope_core::report::analyze::Analysis>(analysis)?;
    stats.decode_ms = js_sys::Date::now() - started;
    Ok((Shared::new(analysis.into()), stats))
}

/// A worker whose events reach the importer (weakly: the worker must not keep it alive).
fn spawn(importer: Weak<RefCell<Inner>>) -> Result<ImportWorker, String> {
    ImportWorker::spawn(move |event| {
        if let Some(inner) = importer.upgrade() {
            Importer(inner).heard(event);
        }
    })
}

/// The page's importer: made once, its worker started when the page mounts (unless
/// `worker` is false) and stopped when it goes away.
#[hook]
pub fn use_importer(report: Callback<Action>, worker: bool) -> Importer {
    let importer = (*use_memo((), move |_| Importer::new(report))).clone();
    {
        let importer = importer.clone();
        use_effect_with((), move |_| {
            importer.start(worker);
            move || importer.stop()
        });
    }
    importer
}
