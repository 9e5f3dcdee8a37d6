//! `#network-search`: find people in the drawing by name, with the answer in words in
//! `#search-status` (read out by screen readers as it changes).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use peerscope_core::draw::view::explore::search_status;

/// The search box holding `query`; `found` is how many people match it, and `on_query`
/// hears every change of the text.
pub fn search_box(query: &str, found: usize, on_query: Callback<String>) -> Html {
    let oninput = Callback::from(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        on_query.emit(input.value());
    });
    let status = if query.trim().is_empty() {
        String::new()
    } else {
        search_status(found)
    };
    html! {
        <div class="network-search">
            <label for="network-search">{ "Find someone" }</label>
            <input id="network-search" type="search" autocomplete="off" spellcheck="false"
                placeholder="a name or part of one" value={query.to_string()} {oninput} />
            <span id="search-status" role="status" aria-live="polite">{ status }</span>
        </div>
    }
}
