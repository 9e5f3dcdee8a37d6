//! The reducer's tests: what each action does to the page's state.

use super::*;

fn analysed(state: &Rc<State>) -> Rc<State> {
    let asked = &state.asked;
    let inputs = match &asked.inputs {
        Inputs::Bytes(inputs) => inputs.to_vec(),
        // The page fetches it; natively it is compiled in.
        Inputs::Sample => peerscope_core::import::sample::inputs(),
        Inputs::Files(_) => panic!("native tests analyse bytes only"),
    };
    let result = peerscope_core::report::analyze::analyze(&inputs, &asked.options)
        .map(|analysis| Shared::new(analysis.into()))
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
    let state = analysed(&state).reduce(Action::SetFormat(Some(
        peerscope_core::import::Format::Discord,
    )));
    assert_eq!(
        state.asked.options.format,
        Some(peerscope_core::import::Format::Discord)
    );
    let state = analysed(&state).reduce(Action::Load {
        inputs: peerscope_core::import::sample::inputs(),
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
fn the_next_import_starts_without_the_last_error() {
    let state = opened_on_sample().reduce(Action::Load {
        inputs: vec![Input::new("broken.json", b"{".to_vec())],
        source: Source::Files(vec!["broken.json".into()]),
    });
    let failed = analysed(&state);
    assert!(failed.error.is_some());
    let running = Rc::clone(&failed).reduce(Action::Load {
        inputs: vec![Input::new("also broken.json", b"[".to_vec())],
        source: Source::Files(vec!["also broken.json".into()]),
    });
    assert_eq!(running.error, None, "the sentence was about broken.json");
    assert!(
        running.shown.is_some(),
        "the sample's report stays while it runs"
    );
    let failed_again = analysed(&running);
    let error = failed_again.error.as_deref().unwrap_or("");
    assert!(error.contains("also broken.json"), "{error}");
    assert!(failed_again.shown.is_some());
    let refused = failed.reduce(Action::Fail("x.json is too big.".into()));
    assert_eq!(refused.error.as_deref(), Some("x.json is too big."));
}

#[test]
fn start_choices_reach_the_first_request_and_anonymise_keeps_the_report() {
    let start = Start {
        profile: Profile::Nonprofit,
        goal: Goal::Reach,
        embedded: true,
        ..Start::default()
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

#[test]
fn files_over_the_limit_are_refused_before_reading_and_the_report_stays() {
    let good = opened_on_sample();
    let id = good.asked.id;
    let huge = vec![("huge.json".to_string(), limit::MAX_STREAMED_BYTES + 1)];
    let state = Rc::clone(&good).reduce(Action::LoadFiles {
        files: Vec::new(),
        sizes: huge,
    });
    assert_eq!(state.asked.id, id, "nothing is asked");
    let error = state.error.clone().unwrap_or_default();
    assert!(
        error.starts_with("huge.json is 2.0 GB: the browser reads at most 2.0 GB"),
        "{error}"
    );
    assert!(state.shown.is_some());

    let lowered = Rc::new(State {
        limits: limit::Limits::lowered(Some(10), None),
        ..(*good).clone()
    });
    let small = vec![("a.json".to_string(), 11)];
    let refused = lowered.reduce(Action::LoadFiles {
        files: Vec::new(),
        sizes: small,
    });
    assert!(refused.error.is_some(), "a lowered limit applies");
}

#[test]
fn the_worker_may_take_files_past_the_whole_limit_but_the_main_thread_may_not() {
    let good = Rc::new(State {
        limits: limit::Limits::lowered(Some(100), Some(10)),
        ..(*opened_on_sample()).clone()
    });
    let big = || vec![("big.json".to_string(), 50)];
    let load = |state: &Rc<State>| {
        Rc::clone(state).reduce(Action::LoadFiles {
            files: Vec::new(),
            sizes: big(),
        })
    };
    let taken = load(&good);
    assert_eq!(taken.error, None, "the worker may stream it");
    assert_eq!(taken.asked.id, good.asked.id + 1);
    match &taken.asked.inputs {
        Inputs::Files(picked) => assert_eq!(picked.max_whole_bytes, 10),
        Inputs::Bytes(_) | Inputs::Sample => panic!("files become a request for files"),
    }
    for main_thread in [
        State {
            worker: false,
            ..(*good).clone()
        },
        State {
            runner: Some(Runner::MainThread),
            ..(*good).clone()
        },
    ] {
        let refused = load(&Rc::new(main_thread));
        let error = refused.error.clone().unwrap_or_default();
        assert!(error.starts_with("big.json is 0.1 MB"), "{error}");
        assert!(refused.shown.is_some(), "the report stays");
    }
}

#[test]
fn progress_then_cancel_keeps_the_report_and_ignores_the_late_answer() {
    let good = opened_on_sample();
    let shown = good.shown.as_ref().map(|s| Rc::clone(&s.request));
    let state = good.reduce(Action::SetGoal(Goal::Reach));
    let id = state.asked.id;
    let loading = Loading::start("big.json", 100);
    let stale = Rc::clone(&state).reduce(Action::Progress {
        id: id.wrapping_sub(1),
        loading: loading.clone(),
        runner: Runner::Worker,
    });
    assert!(
        stale.loading.is_none(),
        "progress of an older request is ignored"
    );
    let state = state.reduce(Action::Progress {
        id,
        loading: loading.clone(),
        runner: Runner::Worker,
    });
    assert_eq!(state.loading, Some(loading));
    assert_eq!(state.runner, Some(Runner::Worker));

    let state = state.reduce(Action::Cancel);
    assert_eq!(state.loading, None);
    assert_eq!(
        state.status.as_deref(),
        Some("Import cancelled: the report below is unchanged.")
    );
    let late = analysed(&state);
    let still = late.shown.as_ref().map(|s| Rc::clone(&s.request));
    assert!(matches!((&shown, &still), (Some(a), Some(b)) if Rc::ptr_eq(a, b)));
    assert_eq!(
        late.options().goal,
        Goal::Connection,
        "the old report's choices"
    );

    let again = late.reduce(Action::SetGoal(Goal::Reach));
    assert_eq!(again.status, None, "a new request clears the word");
    assert_eq!(analysed(&again).options().goal, Goal::Reach);
}

/// Issue 18's lost choice: picking a profile, then a goal before the first re-analysis
/// answers, must keep both (the goal used to be applied to the report on screen's choices,
/// snapping the profile back).
#[test]
fn a_choice_made_while_another_runs_adds_to_it() {
    let state = opened_on_sample().reduce(Action::SetProfile(Profile::Nonprofit));
    assert_eq!(
        state.options().profile,
        Profile::Nonprofit,
        "the picker shows it at once"
    );
    let profile_asked = state.asked.id;
    let state = state.reduce(Action::SetGoal(Goal::Reach));
    assert_eq!(state.asked.options.profile, Profile::Nonprofit);
    assert_eq!(state.asked.options.goal, Goal::Reach);
    // The profile's own answer arrives late and is dropped; the goal's is shown.
    let late = Rc::clone(&state).reduce(Action::Analysed {
        id: profile_asked,
        result: Err("superseded".into()),
    });
    assert!(late.error.is_none());
    let state = analysed(&late);
    let shown = state.shown.as_ref().map(|s| s.analysis.report.profile);
    assert_eq!(shown, Some(Profile::Nonprofit));
    assert_eq!(state.options().goal, Goal::Reach);
}
