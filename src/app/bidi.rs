//! People's names inside a line of other text, each in its own `<bdi>`.
//!
//! A name is whatever the export says, and may hold right-to-left text or an unclosed
//! right-to-left override (U+202E, "gnp.exe" showing as "exe.png"). Without isolation such
//! a name reorders the words after it on the same line, the commas and the other names
//! included. `<bdi>` keeps each name's direction inside the name; the text content of the
//! line stays exactly the names and separators.

use yew::prelude::*;

/// One name, isolated from the text around it.
pub fn name(text: &str) -> Html {
    html! { <bdi class="person">{ text.to_string() }</bdi> }
}

/// `names` joined by `separator` (", " say), each isolated: "<bdi>Ann</bdi>, <bdi>Bo</bdi>".
pub fn names<'a>(names: impl IntoIterator<Item = &'a str>, separator: &'static str) -> Html {
    let parts = names.into_iter().enumerate().map(|(k, text)| {
        html! { <>{ if k == 0 { "" } else { separator } }{ name(text) }</> }
    });
    html! { <>{ for parts }</> }
}
