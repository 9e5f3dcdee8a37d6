//! The page's one state and the reducer that changes it.
//!
//! The reducer only records what happened; reading files and running the analysis are
//! effects that live in hooks (see [`crate::app::root`] and [`crate::import::importer`]). A change
//! of files or choices makes a new [`Request`]; the app's effect analyses it, reports
//! [`Action::Progress`] while it reads files, and answers with [`Action::Analysed`].

use std::rc::Rc;

use yew::Reducible;

use crate::app::analysis::PageAnalysis;
use crate::app::shared::Shared;
use crate::app::start::Start;
use crate::import::limit;
use crate::import::loading::{Loading, Runner, Stats};
use peerscope_core::import::Input;
use peerscope_core::model::options::{Goal, HostChoice, Options, Profile};

mod completed;
pub use completed::Part;

/// Where the files being analysed came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The bundled sample the page opens on.
    Sample,
    /// Files the person picked or dropped, by name.
    Files(Vec<String>),
    /// Text pasted into the paste box.
    Pasted,
}

/// What a request reads.
#[derive(Debug, Clone)]
pub enum Inputs {
    /// Bytes already in the page's memory (pasted text, tests' inputs): small, so they
    /// are analysed at once on the main thread.
    Bytes(Shared<Vec<Input>>),
    /// The sample export, fetched from beside the app ([`crate::import::sample`]), then
    /// analysed like bytes.
    Sample,
    /// Files picked or dropped, kept as the browser's handles: their bytes never reach the
    /// page's memory; the import worker reads them in slices (or, without a worker, the
    /// page does, see [`crate::import::fallback`]).
    Files(Picked),
}

/// Picked or dropped files.
#[derive(Debug, Clone)]
pub struct Picked {
    /// The id of the request that first loaded these files: a later request with the same
    /// key (another profile, goal or host) lets the worker reuse what it imported.
    pub key: u32,
    pub files: Shared<Vec<gloo::file::File>>,
    /// The most bytes of these files that may be read whole ([`limit::Limits::whole`]):
    /// the worker checks it once it knows a file will not stream, the main thread before
    /// it reads.
    pub max_whole_bytes: u64,
}

/// Files plus choices: everything one run of the analysis needs.
#[derive(Debug, Clone)]
pub struct Request {
    /// Increases with every request; answers to older requests are ignored.
    pub id: u32,
    pub inputs: Inputs,
    pub source: Source,
    pub options: Options,
}

/// A report on screen, with the request that produced it.
#[derive(Debug, Clone)]
pub struct Shown {
    pub request: Rc<Request>,
    pub analysis: Shared<PageAnalysis>,
    /// `analysis.network` is laid out; `false` while the worker still lays it out (the
    /// verdict shows first, the drawing and the charts when [`Part::Network`] arrives).
    pub laid_out: bool,
}

/// Everything the page shows.
#[derive(Debug, Clone)]
pub struct State {
    /// The latest request; the app's effect analyses it whenever its id changes.
    pub asked: Rc<Request>,
    /// The last good report: it stays on screen when a later request fails.
    pub shown: Option<Shown>,
    /// One sentence about what went wrong last, if anything.
    pub error: Option<String>,
    /// A word on what happened last that is not an error (an import cancelled), if any.
    pub status: Option<String>,
    /// How far the running import is, while one runs.
    pub loading: Option<Loading>,
    /// Which path read the last picked or dropped files (`data-import-path`).
    pub runner: Option<Runner>,
    /// What the last worker import cost.
    pub stats: Option<Stats>,
    /// A request the person cancelled: its late answers are ignored.
    pub halted: Option<u32>,
    /// The most bytes one pick or drop may hold, and the most of them read whole (see
    /// [`limit`]; lower when the address says so, for tests).
    pub limits: limit::Limits,
    /// Picked files may be read in a worker (`false`: always on the main thread).
    pub worker: bool,
    /// Show pseudonyms instead of names everywhere (`#anonymise`).
    pub anonymise: bool,
    /// Inside someone else's page: compact, reporting its height to the embedding page.
    pub embedded: bool,
}

/// What can happen on the page.
#[derive(Debug)]
pub enum Action {
    /// New bytes (pasted text) are ready: analyse them with the current profile and goal,
    /// and let the host be detected again.
    Load {
        inputs: Vec<Input>,
        source: Source,
    },
    /// Files were picked or dropped: check their sizes against the limit, then analyse them
    /// as [`Action::Load`] does. `sizes` are each file's name and size in bytes.
    LoadFiles {
        files: Vec<gloo::file::File>,
        sizes: Vec<(String, u64)>,
    },
    /// The running import of request `id` got this far, on this path.
    Progress {
        id: u32,
        loading: Loading,
        runner: Runner,
    },
    /// The person cancelled the running import (the importer has already stopped it).
    Cancel,
    /// What the worker's import of request `id` cost (just before its [`Action::Analysed`]).
    Measured {
        id: u32,
        stats: Stats,
    },
    /// Something could not even be read; one sentence for the person.
    Fail(String),
    SetProfile(Profile),
    SetGoal(Goal),
    SetHosts(HostChoice),
    /// Read the files as this format (`None`: detect each file's format).
    SetFormat(Option<peerscope_core::import::Format>),
    /// Pseudonyms instead of names, or names again; no new analysis is needed.
    SetAnonymise(bool),
    /// The first answer to request `id` on a big export: the report without its layout
    /// and interval, which [`Action::Completed`] adds.
    Verdict {
        id: u32,
        analysis: Shared<PageAnalysis>,
    },
    /// A later part of the answer to request `id`: applied while that request's report is
    /// on screen (even when a newer request is already running), else dropped.
    Completed {
        id: u32,
        part: Part,
    },
    /// The effect's answer to request `id`.
    Analysed {
        id: u32,
        result: Result<Shared<PageAnalysis>, String>,
    },
}

impl State {
    /// The page as it opens: the sample, waiting to be fetched and analysed.
    pub fn with_sample() -> State {
        State::opening(Inputs::Sample, Source::Sample)
    }

    /// A page that opens on these inputs.
    pub fn with_inputs(inputs: Vec<Input>, source: Source) -> State {
        State::opening(Inputs::Bytes(Shared::new(inputs)), source)
    }

    fn opening(inputs: Inputs, source: Source) -> State {
        State {
            asked: Rc::new(Request {
                id: 0,
                inputs,
                source,
                options: Options::default(),
            }),
            shown: None,
            error: None,
            status: None,
            loading: None,
            runner: None,
            stats: None,
            halted: None,
            limits: limit::Limits::default(),
            worker: true,
            anonymise: false,
            embedded: false,
        }
    }

    /// This state with the choices the page was opened with (address, embed, `mount`).
    pub fn starting(self, start: Start) -> State {
        let asked = Request {
            options: Options {
                profile: start.profile,
                goal: start.goal,
                ..self.asked.options.clone()
            },
            ..(*self.asked).clone()
        };
        State {
            asked: Rc::new(asked),
            anonymise: start.anonymise,
            embedded: start.embedded,
            limits: limit::Limits::lowered(start.max_bytes, start.max_whole_bytes),
            worker: !start.no_worker,
            ..self
        }
    }

    /// The choices the pickers show: those of the latest request while it is still being
    /// answered (a choice made then shows at once and never snaps back), else those of the
    /// report on screen, else the latest asked.
    pub fn options(&self) -> &Options {
        &self.base().options
    }

    /// The latest request is still being answered: no answer, error or cancel for it yet.
    fn pending(&self) -> bool {
        let answered = self
            .shown
            .as_ref()
            .is_some_and(|shown| shown.request.id == self.asked.id);
        !answered && self.error.is_none() && self.halted != Some(self.asked.id)
    }

    /// What a change of choice re-analyses, with which choices: the latest request while it
    /// is pending (so two quick choices add up instead of the second undoing the first),
    /// else the report on screen (so a failed or cancelled upload never sticks).
    fn base(&self) -> &Request {
        match &self.shown {
            Some(shown) if !self.pending() => &shown.request,
            _ => &self.asked,
        }
    }

    /// The id the next request gets.
    fn next_id(&self) -> u32 {
        self.asked.id.wrapping_add(1)
    }

    fn ask(&self, inputs: Inputs, source: Source, options: Options) -> State {
        State {
            asked: Rc::new(Request {
                id: self.next_id(),
                inputs,
                source,
                options,
            }),
            // The last sentence was about the last request; this one starts clean.
            error: None,
            status: None,
            loading: None,
            ..self.clone()
        }
    }

    /// New files or text replace the old: same profile and goal, the host detected again.
    fn load(&self, inputs: Inputs, source: Source) -> State {
        let options = Options {
            hosts: HostChoice::Detect,
            ..self.options().clone()
        };
        self.ask(inputs, source, options)
    }

    /// Files within the size limit are loaded; too many bytes leave everything as it was,
    /// with one sentence naming the file. The limit is the larger one when the worker will
    /// read (it may stream; it holds files read whole to the smaller one itself), and the
    /// whole-file one when the last import ran on the main thread or no worker is allowed.
    /// (A worker that turns out unable to start before any import is caught by the
    /// main-thread fallback's own check.)
    fn load_files(&self, files: Vec<gloo::file::File>, sizes: Vec<(String, u64)>) -> State {
        let in_worker = self.worker && self.runner != Some(Runner::MainThread);
        if let Err(sentence) = limit::check(&sizes, self.limits.before_reading(in_worker)) {
            return self.fail(sentence);
        }
        let picked = Picked {
            key: self.next_id(),
            files: Shared::new(files),
            max_whole_bytes: self.limits.whole,
        };
        let names = sizes.into_iter().map(|(name, _)| name).collect();
        self.load(Inputs::Files(picked), Source::Files(names))
    }

    fn fail(&self, sentence: String) -> State {
        State {
            error: Some(sentence),
            status: None,
            loading: None,
            ..self.clone()
        }
    }

    /// The latest request answered with `analysis` (`laid_out`: its network is in).
    fn answered(&self, analysis: Shared<PageAnalysis>, laid_out: bool) -> State {
        State {
            shown: Some(Shown {
                request: Rc::clone(&self.asked),
                analysis,
                laid_out,
            }),
            error: None,
            status: None,
            loading: None,
            ..self.clone()
        }
    }

    fn rechoose(&self, change: impl FnOnce(&mut Options)) -> State {
        let base = self.base();
        let mut options = base.options.clone();
        change(&mut options);
        self.ask(base.inputs.clone(), base.source.clone(), options)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Load { inputs, source } => {
                self.load(Inputs::Bytes(Shared::new(inputs)), source)
            }
            Action::LoadFiles { files, sizes } => self.load_files(files, sizes),
            Action::Progress { id, .. } if id != self.asked.id || self.halted == Some(id) => {
                return self
            }
            Action::Progress {
                loading, runner, ..
            } => State {
                loading: Some(loading),
                runner: Some(runner),
                ..(*self).clone()
            },
            Action::Measured { id, stats } if id == self.asked.id => State {
                stats: Some(stats),
                ..(*self).clone()
            },
            Action::Measured { .. } => return self,
            Action::Cancel if self.loading.is_none() => return self,
            Action::Cancel => State {
                halted: Some(self.asked.id),
                loading: None,
                status: Some("Import cancelled: the report below is unchanged.".into()),
                ..(*self).clone()
            },
            Action::Fail(sentence) => self.fail(sentence),
            Action::SetProfile(profile) => self.rechoose(|o| o.profile = profile),
            Action::SetGoal(goal) => self.rechoose(|o| o.goal = goal),
            Action::SetHosts(hosts) => self.rechoose(|o| o.hosts = hosts),
            Action::SetFormat(format) => self.rechoose(|o| o.format = format),
            Action::SetAnonymise(anonymise) => State {
                anonymise,
                ..(*self).clone()
            },
            Action::Analysed { id, .. } if id != self.asked.id || self.halted == Some(id) => {
                return self
            }
            Action::Analysed { result, .. } => match result {
                Ok(analysis) => self.answered(analysis, true),
                Err(sentence) => self.fail(sentence),
            },
            Action::Verdict { id, .. } if id != self.asked.id || self.halted == Some(id) => {
                return self
            }
            Action::Verdict { analysis, .. } => self.answered(analysis, false),
            Action::Completed { id, part } => match self.completed(id, part) {
                Some(state) => state,
                None => return self,
            },
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests;
