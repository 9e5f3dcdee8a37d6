//! The pickers: who you are (profile), what you want (goal), who the host is, and whether
//! names are shown.

use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::select::{on_change, use_selected};
use crate::app::shared::Shared;
use crate::app::state::Action;
use crate::report::privacy::AnonymiseSwitch;
use peerscope_core::model::options::{Goal, HostChoice, Options, Profile};
use peerscope_core::model::schema::PersonRef;
use peerscope_core::report::anonymise::Pseudonyms;

/// `#host` value for "detect automatically".
const DETECT: &str = "detect";
/// `#host` value for "no host".
const NO_HOST: &str = "none";
/// Prefix of a person's `#host` value, so no id can clash with the two above.
const PERSON: &str = "person:";
/// The host list names at most this many people (the most connected), plus the chosen one.
const MAX_LISTED: usize = 300;

/// Up to this many people the host list is whole from the first paint; past it, the first
/// paint of a report lists only the chosen host ([`ChoicesProps::whole_list`]). Measured on
/// the 100 k export: the 300 options were most of the elements a verdict added and about
/// 30 ms of its first layout (docs/PERFORMANCE.md, "From the pick to the verdict, session
/// 12"); the small exports of the tests and the sample are always listed whole.
const LISTED_AT_ONCE: usize = 50;

/// Props of [`Choices`].
#[derive(Properties, PartialEq)]
pub struct ChoicesProps {
    /// The choices behind the report on screen.
    pub options: Options,
    /// The report on screen (anonymised when `pseudonyms` is set): its participants fill
    /// the host list.
    pub analysis: Shared<PageAnalysis>,
    /// The aliases on screen, to map a picked alias back to the person; `None` shows names.
    #[prop_or_default]
    pub pseudonyms: Option<Shared<Pseudonyms>>,
    pub on_action: Callback<Action>,
    /// The host list may name everyone it names ([`MAX_LISTED`]); `false` on a big
    /// report's first paint, when it names only the chosen host ([`LISTED_AT_ONCE`]).
    #[prop_or(true)]
    pub whole_list: bool,
}

/// Three selects, each change re-running the analysis, and the `#anonymise` switch.
#[component]
pub fn Choices(props: &ChoicesProps) -> Html {
    let on_action = props.on_action.clone();
    let on_profile = on_change(&on_action, |value| {
        Profile::parse(&value).map(Action::SetProfile)
    });
    let on_goal = on_change(&on_action, |value| Goal::parse(&value).map(Action::SetGoal));
    let pseudonyms = props.pseudonyms.clone();
    let on_host = on_change(&on_action, move |value| {
        Some(Action::SetHosts(host_choice(&value, pseudonyms.as_deref())))
    });

    let report = &props.analysis.report;
    let detected = report.hosts.iter().find(|host| host.detected);
    let selected_host = match (&props.options.hosts, detected) {
        (HostChoice::None, _) => NO_HOST.to_string(),
        (HostChoice::Named(ids), _) => match ids.first() {
            Some(id) => format!("{PERSON}{}", shown_id(id, props.pseudonyms.as_deref())),
            None => NO_HOST.to_string(),
        },
        (HostChoice::Detect, Some(host)) => format!("{PERSON}{}", host.id),
        (HostChoice::Detect, None) => DETECT.to_string(),
    };
    let uncertain = report.hosts.iter().any(|host| host.uncertain);
    let participants = &props.analysis.participants;
    let whole = props.whole_list || participants.len() <= LISTED_AT_ONCE;
    let listed = listed_people(participants, &selected_host, whole);

    let profile = props.options.profile;
    let goal = props.options.goal;
    let profile_ref = use_selected(profile.as_str().to_string());
    let goal_ref = use_selected(goal.as_str().to_string());
    let host_ref = use_selected(selected_host.clone());
    html! {
        <section class="choices" aria-label="Your choices">
            <label>{ "You are a " }
                <select id="profile" ref={profile_ref} onchange={on_profile}>
                    <option value="creator" selected={profile == Profile::Creator}>
                        { "creator" }</option>
                    <option value="startup" selected={profile == Profile::Startup}>
                        { "startup" }</option>
                    <option value="nonprofit" selected={profile == Profile::Nonprofit}>
                        { "nonprofit" }</option>
                </select>
            </label>
            <label>{ "who wants " }
                <select id="goal" ref={goal_ref} onchange={on_goal}>
                    <option value="connection" selected={goal == Goal::Connection}>
                        { "people to connect" }</option>
                    <option value="reach" selected={goal == Goal::Reach}>{ "more reach" }</option>
                </select>
            </label>
            <label>{ "The one who runs the group: " }
                <select id="host" ref={host_ref} onchange={on_host}>
                    <option value={DETECT} selected={selected_host == DETECT}>
                        { "find them for me" }</option>
                    <option value={NO_HOST} selected={selected_host == NO_HOST}>
                        { "nobody in particular" }</option>
                    <optgroup label="People, most connected first">
                        { for listed.into_iter().map(|person| {
                            let value = format!("{PERSON}{}", person.id);
                            let is_detected = detected.is_some_and(|host| host.id == person.id);
                            let text = if is_detected {
                                format!("{} (detected)", person.name)
                            } else {
                                person.name.clone()
                            };
                            let selected = selected_host == value;
                            html! { <option {selected} {value}>{ text }</option> }
                        }) }
                    </optgroup>
                </select>
            </label>
            <AnonymiseSwitch on={props.pseudonyms.is_some()} on_action={props.on_action.clone()} />
            if uncertain {
                <p class="hint">{ "Not sure who the host is — pick yourself from the list." }</p>
            }
        </section>
    }
}

/// The most connected people (none unless `whole`), and the chosen host even when they
/// are further down.
fn listed_people<'a>(
    participants: &'a [PersonRef],
    selected: &str,
    whole: bool,
) -> Vec<&'a PersonRef> {
    let first = if whole { MAX_LISTED } else { 0 };
    let mut listed: Vec<&PersonRef> = participants.iter().take(first).collect();
    let chosen = selected.strip_prefix(PERSON);
    let beyond = participants.iter().skip(first);
    listed.extend(beyond.filter(|person| Some(person.id.as_str()) == chosen));
    listed
}

/// The id a person has on screen: their alias's id when names are hidden.
fn shown_id<'a>(id: &'a str, pseudonyms: Option<&'a Pseudonyms>) -> &'a str {
    match pseudonyms.and_then(|p| p.alias(id)) {
        Some(alias) => &alias.id,
        None => id,
    }
}

/// The host choice a `#host` value stands for (an alias id stands for its person).
fn host_choice(value: &str, pseudonyms: Option<&Pseudonyms>) -> HostChoice {
    match value.strip_prefix(PERSON) {
        Some(id) => {
            let id = pseudonyms.and_then(|p| p.original_id(id)).unwrap_or(id);
            HostChoice::Named(vec![id.to_string()])
        }
        None if value == NO_HOST => HostChoice::None,
        None => HostChoice::Detect,
    }
}
