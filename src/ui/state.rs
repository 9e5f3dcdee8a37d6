//! The page's one state and the reducer that changes it.
//!
//! The reducer only records what happened; reading files and running the analysis are
//! effects that live in hooks (see [`crate::ui::app`]). A change of files or choices makes a
//! new [`Request`]; the app's effect analyses it and answers with [`Action::Analysed`].

use std::rc::Rc;

use yew::Reducible;

use crate::analyze::{Analysis, Input};
use crate::options::{Goal, HostChoice, Options, Profile};
use crate::ui::shared::Shared;
use crate::ui::start::Start;

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

/// Files plus choices: everything one run of the analysis needs.
#[derive(Debug, Clone)]
pub struct Request {
    /// Increases with every request; answers to older requests are ignored.
    pub id: u32,
    pub inputs: Shared<Vec<Input>>,
    pub source: Source,
    pub options: Options,
}

/// A report on screen, with the request that produced it.
#[derive(Debug, Clone)]
pub struct Shown {
    pub request: Rc<Request>,
    pub analysis: Shared<Analysis>,
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
    /// What is happening right now, e.g. "Reading 3 files…", if anything.
    pub status: Option<String>,
    /// Show pseudonyms instead of names everywhere (`#anonymise`).
    pub anonymise: bool,
    /// Inside someone else's page: compact, reporting its height to the embedding page.
    pub embedded: bool,
}

/// What can happen on the page.
#[derive(Debug)]
pub enum Action {
    /// Files are being read; the text says how many.
    Reading(String),
    /// New files (or pasted text) are ready: analyse them with the current profile and goal,
    /// and let the host be detected again.
    Load {
        inputs: Vec<Input>,
        source: Source,
    },
    /// Something could not even be read; one sentence for the person.
    Fail(String),
    SetProfile(Profile),
    SetGoal(Goal),
    SetHosts(HostChoice),
    /// Read the files as this format (`None`: detect each file's format).
    SetFormat(Option<crate::import::Format>),
    /// Pseudonyms instead of names, or names again; no new analysis is needed.
    SetAnonymise(bool),
    /// The effect's answer to request `id`.
    Analysed {
        id: u32,
        result: Result<Shared<Analysis>, String>,
    },
}

impl State {
    /// The page as it opens: the bundled sample, waiting to be analysed.
    pub fn with_sample() -> State {
        State::with_inputs(crate::sample::inputs(), Source::Sample)
    }

    /// A page that opens on these inputs.
    pub fn with_inputs(inputs: Vec<Input>, source: Source) -> State {
        State {
            asked: Rc::new(Request {
                id: 0,
                inputs: Shared::new(inputs),
                source,
                options: Options::default(),
            }),
            shown: None,
            error: None,
            status: None,
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
            ..self
        }
    }

    /// The choices the pickers show: those of the report on screen, else the latest asked.
    pub fn options(&self) -> &Options {
        match &self.shown {
            Some(shown) => &shown.request.options,
            None => &self.asked.options,
        }
    }

    /// The files a change of choice re-analyses: those of the report on screen, so a failed
    /// upload never sticks.
    fn base(&self) -> &Request {
        match &self.shown {
            Some(shown) => &shown.request,
            None => &self.asked,
        }
    }

    fn ask(&self, inputs: Shared<Vec<Input>>, source: Source, options: Options) -> State {
        State {
            asked: Rc::new(Request {
                id: self.asked.id.wrapping_add(1),
                inputs,
                source,
                options,
            }),
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
            Action::Reading(what) => State {
                status: Some(what),
                ..(*self).clone()
            },
            Action::Load { inputs, source } => {
                let options = Options {
                    hosts: HostChoice::Detect,
                    ..self.options().clone()
                };
                self.ask(Shared::new(inputs), source, options)
            }
            Action::Fail(sentence) => State {
                error: Some(sentence),
                status: None,
                ..(*self).clone()
            },
            Action::SetProfile(profile) => self.rechoose(|o| o.profile = profile),
            Action::SetGoal(goal) => self.rechoose(|o| o.goal = goal),
            Action::SetHosts(hosts) => self.rechoose(|o| o.hosts = hosts),
            Action::SetFormat(format) => self.rechoose(|o| o.format = format),
            Action::SetAnonymise(anonymise) => State {
                anonymise,
                ..(*self).clone()
            },
            Action::Analysed { id, .. } if id != self.asked.id => return self,
            Action::Analysed { result, .. } => match result {
                Ok(analysis) => State {
                    shown: Some(Shown {
                        request: Rc::clone(&self.asked),
                        analysis,
                    }),
                    error: None,
                    status: None,
                    ..(*self).clone()
                },
                Err(sentence) => State {
                    error: Some(sentence),
                    status: None,
                    ..(*self).clone()
                },
            },
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysed(state: &Rc<State>) -> Rc<State> {
        let asked = &state.asked;
        let result = crate::analyze(&asked.inputs, &asked.options)
            .map(Shared::new)
            .map_err(|error| error.to_string());
        Rc::clone(state).reduce(Action::Analysed {
            id: asked.id,
            result,
        })
    }

    fn opened_on_sample() -> Rc<State> {
        analysed(&Rc::new(State::with_sample()))
    }

    #[test]
    fn new_files_keep_profile_and_goal_but_detect_the_host_again() {
        let state = opened_on_sample().reduce(Action::SetProfile(Profile::Startup));
        let state = analysed(&state).reduce(Action::SetHosts(HostChoice::None));
        let state = analysed(&state).reduce(Action::SetGoal(Goal::Reach));
        let state =
            analysed(&state).reduce(Action::SetFormat(Some(crate::import::Format::Discord)));
        assert_eq!(
            state.asked.options.format,
            Some(crate::import::Format::Discord)
        );
        let state = analysed(&state).reduce(Action::Load {
            inputs: crate::sample::inputs(),
            source: Source::Files(vec!["a.json".into()]),
        });
        assert_eq!(state.asked.options.profile, Profile::Startup);
        assert_eq!(state.asked.options.goal, Goal::Reach);
        assert_eq!(state.asked.options.hosts, HostChoice::Detect);
    }

    #[test]
    fn a_failed_upload_keeps_the_report_and_later_choices_use_its_files() {
        let good = opened_on_sample();
        assert!(good.shown.is_some(), "{:?}", good.error);
        let state = good.reduce(Action::Load {
            inputs: vec![Input::new("broken.json", b"{".to_vec())],
            source: Source::Files(vec!["broken.json".into()]),
        });
        let state = analysed(&state);
        assert!(state.error.as_deref().unwrap_or("").contains("broken.json"));
        let shown = state
            .shown
            .as_ref()
            .map(|shown| shown.request.source.clone());
        assert_eq!(shown, Some(Source::Sample), "the sample's report stays");

        let state = state.reduce(Action::SetProfile(Profile::Nonprofit));
        assert_eq!(state.asked.source, Source::Sample);
        let state = analysed(&state);
        assert_eq!(state.error, None);
        assert_eq!(state.options().profile, Profile::Nonprofit);
    }

    #[test]
    fn start_choices_reach_the_first_request_and_anonymise_keeps_the_report() {
        let start = Start {
            profile: Profile::Nonprofit,
            goal: Goal::Reach,
            embedded: true,
            anonymise: false,
        };
        let state = analysed(&Rc::new(State::with_sample().starting(start)));
        assert_eq!(state.options().profile, Profile::Nonprofit);
        assert_eq!(state.options().goal, Goal::Reach);
        assert!(state.embedded);
        let id = state.asked.id;
        let state = state.reduce(Action::SetAnonymise(true));
        assert!(state.anonymise && state.shown.is_some());
        assert_eq!(state.asked.id, id, "no new analysis");
    }

    #[test]
    fn answers_to_older_requests_are_ignored() {
        let state = Rc::new(State::with_sample()).reduce(Action::SetGoal(Goal::Reach));
        let stale = Rc::clone(&state).reduce(Action::Analysed {
            id: 0,
            result: Err("old".into()),
        });
        assert!(Rc::ptr_eq(&stale, &state));
        assert_eq!(stale.error, None);
    }
}
