//! The network's window: `#filter-space` (one channel only) and `#filter-from` /
//! `#filter-to` (a span of days), with `#window-note` saying what is counted. Ties are
//! weighed again on the interactions inside
//! ([`peerscope_core::draw::view::times::recount`]); the people stay where they are, so the
//! picture never jumps.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use peerscope_core::draw::view::explore::{grouped, Filter};
use peerscope_core::draw::view::times::{parse_day, TieTimes, Window};
use peerscope_core::model::time::day_string;

/// Which end of the span an input sets.
#[derive(Clone, Copy)]
enum End {
    From,
    To,
}

/// The space choice and the two dates for `filter`'s window over `times`; nothing when
/// there are no ties to filter. `on_filter` hears the new filter.
pub fn window_filters(filter: Filter, times: &TieTimes, on_filter: Callback<Filter>) -> Html {
    let Some((first, last)) = times.days() else {
        return Html::default();
    };
    let window = filter.window;
    let on_space = {
        let on_filter = on_filter.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            // "" is every channel; anything unreadable is too.
            let space = select.value().parse::<u32>().ok();
            on_filter.emit(Filter {
                window: Window { space, ..window },
                ..filter
            });
        })
    };
    let selected = |s: Option<u32>| window.space == s;
    html! {
        <div class="network-filters window-filters" role="group"
            aria-label="Count only one channel or a span of days">
            <label for="filter-space">{ "Channel " }</label>
            <select id="filter-space" onchange={on_space}>
                <option value="" selected={selected(None)}>{ "All channels" }</option>
                { for times.spaces.iter().enumerate().map(|(i, name)| html! {
                    <option value={i.to_string()} selected={selected(Some(i as u32))}>
                        { name.clone() }</option>
                }) }
            </select>
            <label for="filter-from">{ " from " }</label>
            { date("filter-from", window.from, (first, last), End::From, filter, &on_filter) }
            <label for="filter-to">{ " to " }</label>
            { date("filter-to", window.to, (first, last), End::To, filter, &on_filter) }
        </div>
    }
}

/// One `<input type="date">` bounded by the first and last day with ties (`bounds`, days
/// since 1970); cleared, its end of the span is open.
fn date(
    id: &'static str,
    value: Option<i64>,
    (first, last): (i64, i64),
    end: End,
    filter: Filter,
    on_filter: &Callback<Filter>,
) -> Html {
    let on_filter = on_filter.clone();
    let onchange = Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        // Cleared or not a whole date: that end is open.
        let day = parse_day(&input.value());
        let window = match end {
            End::From => Window {
                from: day,
                ..filter.window
            },
            End::To => Window {
                to: day,
                ..filter.window
            },
        };
        on_filter.emit(Filter { window, ..filter });
    });
    html! {
        <input {id} type="date" min={day_string(first)} max={day_string(last)}
            value={value.map(day_string).unwrap_or_default()} {onchange} />
    }
}

/// `#window-note`: how many ties `filter`'s window keeps of how many, and where and when,
/// or empty without a window. `drawn` counts the ties drawn, `total` every tie.
pub fn window_note(filter: Filter, times: &TieTimes, drawn: usize, total: usize) -> Html {
    let window = filter.window;
    if window.is_everything(times) {
        return html! { <p id="window-note" class="window-note" aria-live="polite" /> };
    }
    // The channel's name in a `<bdi>`: a right-to-left name cannot reorder the sentence.
    let space = match window.space.and_then(|s| times.spaces.get(s as usize)) {
        Some(name) => html! { <>{ "\u{201c}" }<bdi>{ name.clone() }</bdi>{ "\u{201d}" }</> },
        None => html! { "every channel" },
    };
    let when = match (window.from, window.to) {
        (Some(a), Some(b)) if b < a => " on no day (the end is before the start)".to_string(),
        (Some(a), Some(b)) => format!(" from {} to {}", day_string(a), day_string(b)),
        (Some(a), None) => format!(" from {} on", day_string(a)),
        (None, Some(b)) => format!(" up to {}", day_string(b)),
        (None, None) => String::new(),
    };
    let others = if filter.hide_isolates {
        "hidden"
    } else {
        "grey"
    };
    html! {
        <p id="window-note" class="window-note" aria-live="polite">
            { format!("Showing {} of {} ties, counting only the replies and mentions in ",
                grouped(drawn), grouped(total)) }
            { space }
            { format!("{when}. People with none there are {others}; nobody has moved.") }
        </p>
    }
}
