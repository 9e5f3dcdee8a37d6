//! The picture: who talks with whom, hosts marked, the "remove the host" switch on it,
//! hover for someone's ties, colours by role or by group, zoom and pan, search, filters,
//! the same network as a table, and the downloads.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::analyze::Analysis;
use crate::ui::drawing::{draw_network, fit, Frame, Look};
use crate::ui::export::ExportBar;
use crate::ui::filters::{big_note, filters};
use crate::ui::network_table::NetworkTable;
use crate::ui::pan_zoom::{self, use_pan_zoom, Move, PanZoom};
use crate::ui::search::search_box;
use crate::ui::shared::Shared;
use crate::ui::step_away;
use crate::ui::tooltip::tooltip;
use crate::view::explore::{search, select, Filter};
use crate::view::{NetworkView, Role};

/// Props of [`NetworkPanel`].
#[derive(Properties, PartialEq)]
pub struct NetworkPanelProps {
    pub analysis: Shared<Analysis>,
}

/// The network drawing (`#network`), the switch (`#remove-host`) with its sentence
/// (`#resilience-note`), the search (`#network-search`), the filters (`#min-weight`,
/// `#hide-isolates`, `#show-all`), the zoom buttons, the colour choice, the legend, the
/// tooltip, the table (`#network-table`) and the exports.
#[component]
pub fn NetworkPanel(props: &NetworkPanelProps) -> Html {
    let removed = use_state(|| false);
    let by_community = use_state(|| false);
    let hovered = use_state(|| None::<usize>);
    let query = use_state(String::new);
    let filter = use_state(Filter::default);
    let pan_zoom = use_pan_zoom();
    let rest = use_memo((props.analysis.clone(), *removed), |(analysis, removed)| {
        removed.then(|| analysis.network.without_away())
    });
    let full = &props.analysis.network;
    let shown = rest.as_ref().as_ref().unwrap_or(full);
    // Recomputed only when the people, the filter or the search change, not on zoom.
    let picked = use_memo(
        (props.analysis.clone(), *removed, *filter, (*query).clone()),
        |(_, _, filter, query)| {
            let found = search(shown, query);
            let selection = select(shown, filter, &found);
            (found, selection)
        },
    );
    let (found, selection) = (&picked.0, &picked.1);
    use_search_focus(shown, found, &query, &pan_zoom);
    // A new report is a new picture: start from the whole of it.
    {
        let camera = pan_zoom.camera.dispatcher();
        use_effect_with(props.analysis.clone(), move |_| {
            camera.dispatch(Move::Reset)
        });
    }
    let on_remove = {
        let (removed, hovered) = (removed.clone(), hovered.clone());
        Callback::from(move |on: bool| {
            hovered.set(None);
            removed.set(on);
        })
    };
    let look = Look {
        by_community: *by_community,
        grey_alone: *removed,
        hovered: (*hovered).filter(|&i| selection.shows(i)),
        on_hover: Callback::from({
            let hovered = hovered.clone();
            move |at: Option<usize>| hovered.set(at)
        }),
    };
    let frame = Frame {
        selection,
        matches: found,
        view: pan_zoom.camera.0,
        svg: pan_zoom.svg.clone(),
    };
    let heaviest = shown.edges.iter().map(|e| e.weight).max().unwrap_or(1);

    html! {
        <section class="network-panel" aria-labelledby="network-title">
            <h2 id="network-title">{ "Who talks with whom" }</h2>
            <p class="explain">
                { "Each dot is a person; a line joins two people who replied to or mentioned \
                   each other, darker when they did it more. Bigger dots talk with more people. \
                   Point at someone to see their ties; scroll or use + and − to zoom, drag to \
                   move." }
            </p>
            { step_away::switch(full, *removed, on_remove) }
            if let Some(rest) = rest.as_ref() {
                { step_away::note(&props.analysis, rest) }
            }
            <div class="network-tools">
                { search_box(&query, found.len(), setter(&query)) }
                { filters(*filter, heaviest, setter(&filter)) }
            </div>
            { big_note(shown.nodes.len(), *filter, setter(&filter)) }
            { pan_zoom::buttons(&pan_zoom.camera) }
            { framed(&pan_zoom, draw_network(shown, &look, &frame),
                tooltip(shown, look.hovered, &pan_zoom.camera.0)) }
            if full.nodes.is_empty() {
                <p class="empty">{ "Nobody to draw yet: this export has no conversations." }</p>
            }
            { colour_switch(&by_community) }
            { legend(*by_community, full) }
            <NetworkTable analysis={props.analysis.clone()} />
            <ExportBar analysis={props.analysis.clone()} />
        </section>
    }
}

/// The drawing and its tooltip in the frame that hears the wheel, drags and keys.
fn framed(pan_zoom: &PanZoom, drawing: Html, tip: Html) -> Html {
    let end = pan_zoom.onmouseup.clone();
    html! {
        <div class="network-frame" style="position:relative"
            onwheel={pan_zoom.onwheel.clone()} onmousedown={pan_zoom.onmousedown.clone()}
            onmousemove={pan_zoom.onmousemove.clone()} onmouseup={end.clone()}
            onmouseleave={end} onkeydown={pan_zoom.onkeydown.clone()}>
            { drawing }
            { tip }
        </div>
    }
}

/// A callback that stores what it hears in `state`.
fn setter<T: 'static>(state: &UseStateHandle<T>) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |value: T| state.set(value))
}

/// Centres the drawing on the first person found whenever the search text changes.
#[hook]
fn use_search_focus(network: &NetworkView, found: &[usize], query: &str, pan_zoom: &PanZoom) {
    let first = found.first().and_then(|&i| network.nodes.get(i));
    let at = first.map(|node| fit(network).place(node));
    let camera = pan_zoom.camera.dispatcher();
    use_effect_with(query.to_string(), move |_| {
        if let Some(at) = at {
            camera.dispatch(Move::CentreOn(at));
        }
    });
}

/// `#colour-by-group`: colour by conversation group instead of role.
fn colour_switch(by_community: &UseStateHandle<bool>) -> Html {
    let onchange = {
        let by_community = by_community.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            by_community.set(input.checked());
        })
    };
    html! {
        <label class="switch">
            <input id="colour-by-group" type="checkbox" checked={**by_community} {onchange} />
            { " Colour by conversation group instead of role" }
        </label>
    }
}

fn legend(by_community: bool, network: &NetworkView) -> Html {
    if by_community {
        let mut groups: Vec<u32> = network.nodes.iter().map(|n| n.community).collect();
        groups.sort_unstable();
        groups.dedup();
        return html! {
            <p class="legend">{ format!(
                "Colours are the {} conversation groups found in the network (Louvain); \
                 the host is still ringed.", groups.len()) }</p>
        };
    }
    html! {
        <ul class="legend" aria-label="Colours">
            { for LEGEND.iter().map(|(role, words)| html! {
                <li><span class={classes!("swatch", format!("role-{}", role.as_str()))} />
                    { *words }</li>
            }) }
        </ul>
    }
}

/// Every role with what it means, most involved first.
const LEGEND: [(Role, &str); 5] = [
    (Role::Host, "host (ringed)"),
    (Role::Leader, "leader: answers other members most"),
    (Role::Core, "core: in the tight group of members"),
    (Role::Engaged, "engaged: talks with another member"),
    (Role::Audience, "audience: talks only with the host"),
];
