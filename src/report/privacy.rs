//! Privacy you can check: the *anonymise* switch and the "about your data" panel.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::state::Action;

/// Props of [`AnonymiseSwitch`].
#[derive(Properties, PartialEq)]
pub struct AnonymiseSwitchProps {
    pub on: bool,
    pub on_action: Callback<Action>,
}

/// `#anonymise`: pseudonyms instead of names in every view and download.
#[component]
pub fn AnonymiseSwitch(props: &AnonymiseSwitchProps) -> Html {
    let on_change = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let switch: HtmlInputElement = event.target_unchecked_into();
            on_action.emit(Action::SetAnonymise(switch.checked()));
        })
    };
    html! {
        <label class="switch anonymise">
            <input id="anonymise" type="checkbox" checked={props.on} onchange={on_change}
                aria-describedby="anonymise-note" />
            { " Anonymise" }
            <span id="anonymise-note" class="visually-hidden">
                { "Replaces every name with a stable pseudonym such as Amber Otter, in the \
                   page and in downloads, for screenshots you can share." }
            </span>
        </label>
    }
}

/// `#about-data`: what happens to the file, and how to check it in the browser's tools.
#[component]
pub fn AboutData() -> Html {
    html! {
        <details id="about-data" class="about-data">
            <summary>{ "About your data" }</summary>
            <p>{ "The files you drop, pick or paste are read by this browser tab, on this \
                  device. peerscope is WebAssembly running in the page: it analyses the bytes \
                  in memory and shows the result. Nothing is uploaded, and there are no \
                  cookies, analytics or third-party fonts. The only thing this browser keeps \
                  is your checklist ticks and a few numbers per group (no names, no \
                  messages), for the 100 groups you analysed last, to say what moved next \
                  time; clearing this site's data forgets them." }</p>
            <p>{ "Downloads (pictures, tables) are made in the page too, and saved by your \
                  browser. Switch on " }<strong>{ "Anonymise" }</strong>{ " to replace names \
                  with stable pseudonyms before you share a screenshot or a file." }</p>
            <h3>{ "Check it yourself" }</h3>
            <ol>
                <li>{ "Open the developer tools (F12, or ⌥⌘I on a Mac) and choose the \
                       Network tab." }</li>
                <li>{ "Drop an export on this page. No new request appears: the only \
                       requests are the page's own files, loaded before you chose anything." }</li>
                <li>{ "The page's Content-Security-Policy (in the Elements tab, the first \
                       meta tag) only lets it talk to the address it came from \
                       (connect-src 'self'), so it could not send your file elsewhere even by \
                       mistake." }</li>
                <li>{ "Or go offline once the page has loaded: it keeps working." }</li>
            </ol>
        </details>
    }
}
