//! `#month-slider`: step the network through the trend's months (docs/METRICS.md §11).
//! Each stop sets the network's day window to one period, so ties are weighed on that
//! period alone and people without a tie there turn grey, while everyone keeps their
//! place; `#month-play` steps through the months on its own. The arithmetic is the
//! core's ([`peerscope_core::draw::view::months`]).

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use peerscope_core::draw::view::explore::Filter;
use peerscope_core::draw::view::months::{current, MonthStop};
use peerscope_core::draw::view::times::Window;

/// How long a month stays on screen while playing, in milliseconds.
pub const STEP_MS: u32 = 1_200;

/// Props of [`MonthSlider`].
#[derive(Properties, PartialEq)]
pub struct MonthSliderProps {
    /// The trend's periods; nothing is shown with fewer than two.
    pub stops: Rc<Vec<MonthStop>>,
    pub filter: Filter,
    pub on_filter: Callback<Filter>,
}

/// The filter showing stop `at` (0 = every month, `i` = the `i`-th stop counted from 1).
fn at_stop(stops: &[MonthStop], at: usize, filter: Filter) -> Filter {
    let window = match at.checked_sub(1).and_then(|i| stops.get(i)) {
        Some(stop) => stop.window(filter.window),
        None => Window {
            from: None,
            to: None,
            ..filter.window
        },
    };
    Filter { window, ..filter }
}

/// While `playing`, moves to the month after `at` once [`STEP_MS`] have passed, and
/// stops after the last.
#[hook]
fn use_player(playing: &UseStateHandle<bool>, at: usize, props: &MonthSliderProps) {
    let last = props.stops.len();
    let (stops, filter, on_filter) = (props.stops.clone(), props.filter, props.on_filter.clone());
    let playing = playing.clone();
    use_effect_with((*playing, at), move |&(on, at)| {
        let timer = on.then(|| {
            Timeout::new(STEP_MS, move || {
                if at >= last {
                    playing.set(false);
                } else {
                    on_filter.emit(at_stop(&stops, at + 1, filter));
                }
            })
        });
        move || drop(timer)
    });
}

/// A range input over "all months" and each period, its label, and a play button.
#[component]
pub fn MonthSlider(props: &MonthSliderProps) -> Html {
    let playing = use_state(|| false);
    let at = current(&props.stops, &props.filter.window).map_or(0, |i| i + 1);
    let last = props.stops.len();
    use_player(&playing, at, props);
    if last < 2 {
        return Html::default();
    }
    let oninput = {
        let (stops, filter, on_filter) =
            (props.stops.clone(), props.filter, props.on_filter.clone());
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let to = input.value().parse::<usize>().unwrap_or(0);
            on_filter.emit(at_stop(&stops, to, filter));
        })
    };
    let onclick = {
        let (stops, filter, on_filter) =
            (props.stops.clone(), props.filter, props.on_filter.clone());
        let playing = playing.clone();
        Callback::from(move |_| {
            if !*playing && at >= last {
                // Played to the end: start again from the first month.
                on_filter.emit(at_stop(&stops, 1, filter));
            }
            playing.set(!*playing);
        })
    };
    let label = at
        .checked_sub(1)
        .and_then(|i| props.stops.get(i))
        .map_or_else(|| "All months".to_string(), |s| s.label.clone());
    html! {
        <div class="network-filters month-slider" role="group" aria-label="Step through the months">
            <label for="month-slider">{ "Month " }</label>
            <input id="month-slider" type="range" min="0" max={last.to_string()}
                value={at.to_string()} aria-valuetext={label.clone()} {oninput} />
            <output id="month-label" for="month-slider">{ label }</output>
            <button id="month-play" type="button" {onclick}
                aria-pressed={(*playing).to_string()}>
                { if *playing { "Pause" } else { "Play" } }
            </button>
        </div>
    }
}
