//! The network's finding and filtering tools (search, filters, window, months) behind one
//! button, `#network-tools-toggle` ("Find and filter"), on a narrow screen: there they
//! would fill some 300 px above the drawing and push it below the fold. The button names
//! what is on, so a folded search or filter never hides that the picture is filtered. On
//! a wide screen the stylesheet hides the button and always shows the tools, so the
//! desktop page is as it was; the folding itself is the stylesheet's (`.folded`), so a
//! phone turned sideways simply shows them.

use yew::prelude::*;

use peerscope_core::draw::view::explore::Filter;

/// The tools' box: the toggle, then `tools` in `#network-tools-body`, hidden on a narrow
/// screen while `open` is false. `query` and `filter` say what is on (see [`active`]).
pub fn tools_fold(open: &UseStateHandle<bool>, query: &str, filter: Filter, tools: Html) -> Html {
    let onclick = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on = active(query, filter);
    let said = if on.is_empty() {
        String::new()
    } else {
        format!("{} on: {}", on.len(), on.join(", "))
    };
    html! {
        <div class={classes!("network-tools", (!**open).then_some("folded"))}>
            <button id="network-tools-toggle" type="button" class="tools-toggle"
                aria-expanded={open.to_string()} aria-controls="network-tools-body" {onclick}>
                // The space keeps the two apart in the button's spoken name.
                { "Find and filter " }
                if !said.is_empty() {
                    <span class="tools-on">{ said }</span>
                }
            </button>
            <div id="network-tools-body" class="network-tools-body">{ tools }</div>
        </div>
    }
}

/// What of the tools changes the picture now, a few words each, in the order the tools
/// come: the search, the weakest tie, the loners, the channel, the days (the month slider
/// sets days too). Empty when nothing does. The big network's limit is not here:
/// `#big-note` says it beside the drawing.
pub fn active(query: &str, filter: Filter) -> Vec<String> {
    let window = filter.window;
    let mut on = Vec::new();
    if !query.trim().is_empty() {
        on.push("search".to_string());
    }
    if filter.min_weight > 1 {
        on.push(format!("ties of {}+", filter.min_weight));
    }
    if filter.hide_isolates {
        on.push("people with no tie hidden".to_string());
    }
    if window.space.is_some() {
        on.push("one channel".to_string());
    }
    if window.from.is_some() || window.to.is_some() {
        on.push("dates".to_string());
    }
    on
}

#[cfg(test)]
mod tests {
    use super::*;
    use peerscope_core::draw::view::times::Window;

    #[test]
    fn nothing_on_says_nothing() {
        assert!(active("  ", Filter::default()).is_empty());
    }

    #[test]
    fn every_tool_on_is_named_in_order() {
        let filter = Filter {
            min_weight: 3,
            hide_isolates: true,
            window: Window {
                space: Some(0),
                from: None,
                to: Some(19_000),
            },
            ..Filter::default()
        };
        assert_eq!(
            active("ann", filter),
            [
                "search",
                "ties of 3+",
                "people with no tie hidden",
                "one channel",
                "dates"
            ]
        );
    }
}
