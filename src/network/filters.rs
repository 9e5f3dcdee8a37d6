//! The network's filters: `#min-weight` (the weakest tie drawn), `#hide-isolates` (people
//! with no tie drawn disappear), and for big networks the note on how many people are
//! drawn with `#show-all`.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use peerscope_core::draw::view::explore::{grouped, Filter, BIG};

/// `#min-weight` and `#hide-isolates` for `filter`; `heaviest` is the strongest tie's
/// weight (the input's maximum). `on_filter` hears the new filter.
pub fn filters(filter: Filter, heaviest: u32, on_filter: Callback<Filter>) -> Html {
    let on_weight = {
        let on_filter = on_filter.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            // Half-typed or cleared: draw every tie until the number is whole again.
            let min_weight = input.value().trim().parse::<u32>().unwrap_or(1).max(1);
            on_filter.emit(Filter {
                min_weight,
                ..filter
            });
        })
    };
    let on_isolates = Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        on_filter.emit(Filter {
            hide_isolates: input.checked(),
            ..filter
        });
    });
    html! {
        <div class="network-filters">
            <label for="min-weight">{ "Draw ties with at least " }</label>
            <input id="min-weight" type="number" min="1" max={heaviest.max(1).to_string()}
                step="1" inputmode="numeric" value={filter.min_weight.to_string()}
                oninput={on_weight} />
            <span>{ " interactions" }</span>
            <label class="switch">
                <input id="hide-isolates" type="checkbox" checked={filter.hide_isolates}
                    onchange={on_isolates} />
                { " Hide people with no tie drawn" }
            </label>
        </div>
    }
}

/// For a network of more than [`BIG`] people: "Showing the 2 000 most connected of N
/// people" and `#show-all`, which draws (or again limits) everyone. Nothing otherwise.
pub fn big_note(total: usize, filter: Filter, on_filter: Callback<Filter>) -> Html {
    if total <= BIG {
        return Html::default();
    }
    let limited = filter.limit.is_some();
    let onclick = Callback::from(move |_: MouseEvent| {
        on_filter.emit(Filter {
            limit: if limited { None } else { Some(BIG) },
            ..filter
        });
    });
    let (words, button) = if limited {
        (
            format!(
                "Showing the {} most connected of {} people.",
                grouped(BIG),
                grouped(total)
            ),
            "Show everyone (slower)".to_string(),
        )
    } else {
        (
            format!("Showing all {} people.", grouped(total)),
            format!("Show only the {} most connected", grouped(BIG)),
        )
    };
    html! {
        <p id="big-note" class="big-note">
            { words }{ " " }
            <button id="show-all" type="button" aria-pressed={(!limited).to_string()} {onclick}>
                { button }
            </button>
        </p>
    }
}
