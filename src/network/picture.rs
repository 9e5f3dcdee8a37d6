//! The picture: who talks with whom, hosts marked, the "remove the host" switch on it,
//! hover (or click to pin) for someone's ties, colours by role or by group, zoom and pan,
//! search, filters and the same network as a table. Small networks are an SVG, large ones
//! a canvas (WebGL2 or 2D); both take the same controls. The downloads are the page's,
//! under Deeper; a canvas hands them its picture makers ([`PictureFiles`]).

use yew::prelude::*;

use crate::app::analysis::PageAnalysis;
use crate::app::escape::use_escape_unpins;
use crate::app::shared::Shared;
use crate::canvas::canvas2d;
use crate::canvas::canvas_view::{names, names_layer, CanvasNetwork};
use crate::network::camera::{use_fresh_start, use_search_focus};
use crate::network::core_view::core_note;
use crate::network::drawing::{draw_network, fit, Frame, Look, HEIGHT, WIDTH};
use crate::network::filters::{big_note, filters};
use crate::network::held::use_held;
use crate::network::legend::{colour_switch, legend};
use crate::network::month_slider::MonthSlider;
use crate::network::names::use_width;
use crate::network::network_table::NetworkTable;
use crate::network::pan_zoom::{self, use_pan_zoom, PanZoom};
use crate::network::person_panel::person_panel;
use crate::network::picked::{use_picked, Picked};
use crate::network::picture_files::{use_picture_files, Makers, PictureFiles};
use crate::network::resettle::{use_rest, Rest};
use crate::network::same_network::SameNetwork;
use crate::network::search::search_box;
use crate::network::step_away;
use crate::network::tools_fold::tools_fold;
use crate::network::tooltip::tooltip;
use crate::network::touch::{self, Tap};
use crate::network::window_filters::{window_filters, window_note};
use peerscope_core::draw::export::scene_svg;
use peerscope_core::draw::view::explore::Filter;
use peerscope_core::draw::view::months::stops;
use peerscope_core::draw::view::scene::choice::{choose, CanvasKind, Forced, Renderer};
use peerscope_core::draw::view::scene::{Colouring, Highlight, Scene};
use peerscope_core::draw::view::NetworkView;

/// The PNG of a canvas network is this many pixels (twice the drawing, as the SVG's).
const PNG_SIZE: (u32, u32) = (2 * WIDTH as u32, 2 * HEIGHT as u32);

/// Props of [`NetworkPanel`].
#[derive(Properties, PartialEq)]
pub struct NetworkPanelProps {
    pub analysis: Shared<PageAnalysis>,
    /// The request the analysis answers. The drawing starts afresh (zoom, pin and window
    /// reset) only when this changes: a second answer to the same request is the same
    /// network with the score's interval added, and must not undo what the person did
    /// with the drawing meanwhile.
    pub request: u32,
    /// Where a canvas network's PNG and SVG makers go, for `#export-png` and `#export-svg`.
    pub files: PictureFiles,
}

/// The network drawing (`#network`: an SVG, or a canvas past the thresholds of
/// [`peerscope_core::draw::view::scene::choice`]), the switch (`#remove-host`) with its
/// sentence (`#resilience-note`), the search (`#network-search`), the filters
/// (`#min-weight`, `#hide-isolates`, the window: `#filter-space`, `#filter-from`,
/// `#filter-to`, and the months: `#month-slider`, `#month-play`; on a narrow screen
/// folded behind `#network-tools-toggle`), what they leave out (`#window-note`,
/// `#show-all`), the zoom buttons, the colour choice, the legend, the tooltip and the
/// table (`#network-table`, folded). The downloads are the page's, fed through `files`. A
/// click or a tap on a person pins their ties and tooltip, and opens their panel
/// (`#person-panel`), until a click elsewhere or Escape.
#[component]
pub fn NetworkPanel(props: &NetworkPanelProps) -> Html {
    let removed = use_state(|| false);
    let by_community = use_state(|| false);
    let hovered = use_state(|| None::<usize>);
    let pinned = use_state(|| None::<usize>);
    let query = use_state(String::new);
    let filter = use_state(Filter::default);
    let tools_open = use_state(|| false);
    let pan_zoom = use_pan_zoom();
    let frame_ref = use_node_ref();
    let screen_px = use_width(&frame_ref);
    let rest = use_rest(&props.analysis, *removed);
    let full = &props.analysis.network;
    let shown: &NetworkView = rest.moving.as_deref().unwrap_or(full);
    let renderer = *use_memo(SameNetwork(props.analysis.clone()), |drawn| {
        choose(
            drawn.0.network.nodes.len(),
            drawn.0.network.edges.len(),
            forced(),
        )
    });
    let canvas = matches!(renderer, Renderer::Canvas(_));
    let month_stops = use_memo(props.analysis.clone(), |a| stops(&a.report));
    // The canvas draws everyone: the most-connected limit is there for the SVG.
    let filter_used = Filter {
        limit: if canvas { None } else { filter.limit },
        ..*filter
    };
    let picked = use_picked(&props.analysis, *removed, filter_used, &query, shown);
    use_search_focus(shown, &picked.found, &query, &pan_zoom);
    use_fresh_start(props.request, &props.analysis, &pan_zoom, &pinned, &filter);
    use_escape_unpins(&pinned, &hovered);
    let on_remove = {
        let (removed, hovered, pinned) = (removed.clone(), hovered.clone(), pinned.clone());
        Callback::from(move |on: bool| {
            hovered.set(None);
            pinned.set(None);
            removed.set(on);
        })
    };
    let focus = (*pinned)
        .or(*hovered)
        .filter(|&i| picked.selection.shows(i));
    let look = Look {
        by_community: *by_community,
        grey_alone: *removed,
        hovered: focus,
        on_hover: setter(&hovered),
        on_pick: on_pick(&pinned),
    };
    let held = use_held(&props.analysis);
    let painted = use_canvas(
        (canvas && held.scene()).then_some(&props.analysis),
        &look,
        &picked,
        &rest,
        shown,
    )
    // Its ties filed by place a task after the build (see `use_held`), then at once.
    .inspect(|(scene, _)| {
        if held.filed() {
            scene.file();
        }
    });
    let heaviest = *use_memo((SameNetwork(props.analysis.clone()), *removed), |_| {
        shown.edges.iter().map(|e| e.weight).max().unwrap_or(1)
    });
    let kind = match renderer {
        Renderer::Canvas(kind) => kind,
        Renderer::Svg => CanvasKind::Auto,
    };
    let drawing = if !held.drawn() {
        held_drawing()
    } else {
        drawing(
            shown,
            painted.as_ref(),
            &picked,
            (&pan_zoom, screen_px),
            &look,
            kind,
        )
    };
    let on_tap = touch::picker(
        look.on_pick.clone(),
        painted
            .as_ref()
            .map(|(scene, _)| (pan_zoom.svg.clone(), scene.clone(), pan_zoom.camera.0)),
    );
    let makers = painted.as_ref().map(|(scene, lit)| Makers {
        png: png_maker(shown, scene, lit, pan_zoom.camera.0, focus),
        svg: svg_maker(&props.analysis, &rest, scene),
    });
    use_picture_files(&props.files, makers);

    html! {
        <section class="network-panel" aria-labelledby="network-title">
            <h2 id="network-title">{ "Who talks with whom" }</h2>
            <p class="explain">
                { "Each dot is a person; a line joins two people who replied to or mentioned \
                   each other, darker when they did it more. Bigger dots talk with more people. \
                   Point at someone to see their ties, click or tap to keep them (Escape lets \
                   go); scroll, pinch or use + and − to zoom, drag to move." }
            </p>
            { step_away::switch(full, *removed, on_remove) }
            if let Some(rest) = rest.rest.as_ref() {
                { step_away::note(&props.analysis, rest) }
            }
            { tools_fold(&tools_open, &query, *filter, html! { <>
                { search_box(&query, picked.found.len(), setter(&query)) }
                { filters(*filter, heaviest, setter(&filter)) }
                { window_filters(*filter, &full.times, setter(&filter)) }
                <MonthSlider stops={month_stops} filter={*filter} on_filter={setter(&filter)} />
            </> }) }
            { window_note(*filter, &shown.times, picked.selection.edges.len(), shown.edges.len()) }
            if !canvas {
                { big_note(shown.nodes.len(), *filter, setter(&filter)) }
            }
            { pan_zoom::buttons(&pan_zoom.camera) }
            { core_note(full, &pan_zoom.camera) }
            { framed(&pan_zoom, (&frame_ref, talkers_box(shown)), drawing,
                tooltip(shown, focus, &pan_zoom.camera.0), on_tap) }
            { person_panel(shown, &picked.selection, *pinned, look.on_pick.clone()) }
            if full.nodes.is_empty() {
                <p class="empty">{ "Nobody to draw yet: this export has no conversations." }</p>
            }
            { colour_switch(&by_community) }
            { legend(*by_community, full) }
            <NetworkTable analysis={props.analysis.clone()} rest={rest.rest.clone()}
                selection={Shared(picked.selection.clone())} />
        </section>
    }
}

/// A renderer asked for in the page's address (`?renderer=`), if any.
fn forced() -> Option<Forced> {
    let query = gloo::utils::window().location().search().ok()?;
    Forced::from_query(&query)
}

/// The canvas scene of what is drawn and what of it is lit (`None` for the SVG: `analysis`
/// is `None`); the scene is rebuilt only when the people, the filters or the colours
/// change (or move: `rest` re-settling), the highlight when the focus or the search does.
#[hook]
fn use_canvas(
    analysis: Option<&Shared<PageAnalysis>>,
    look: &Look,
    picked: &Picked,
    rest: &Rest,
    shown: &NetworkView,
) -> Option<(Shared<Scene>, Shared<Highlight>)> {
    let colouring = Colouring {
        by_community: look.by_community,
        grey_alone: look.grey_alone,
    };
    let deps = (
        analysis.cloned().map(SameNetwork),
        colouring,
        Shared(picked.selection.clone()),
        rest.moving.clone(),
    );
    let scene = use_memo(deps, |(analysis, colouring, selection, _)| {
        analysis.as_ref()?;
        let fit = fit(shown);
        let size = (WIDTH as f32, HEIGHT as f32);
        Some(Shared::new(Scene::build(
            shown,
            selection,
            |n| fit.place(n),
            *colouring,
            size,
        )))
    });
    let deps = ((*scene).clone(), look.hovered, Shared(picked.found.clone()));
    let lit = use_memo(deps, |(scene, focus, found)| {
        scene
            .as_ref()
            .map(|s| Shared::new(s.highlight(*focus, found)))
    });
    (*scene).clone().zip((*lit).clone())
}

/// `#network`: the canvas with the names over it when `painted`, else the SVG.
fn drawing(
    shown: &NetworkView,
    painted: Option<&(Shared<Scene>, Shared<Highlight>)>,
    picked: &Picked,
    (pan_zoom, screen_px): (&PanZoom, f64),
    look: &Look,
    kind: CanvasKind,
) -> Html {
    let view = pan_zoom.camera.0;
    let Some((scene, lit)) = painted else {
        let frame = Frame {
            selection: &picked.selection,
            matches: &picked.found,
            view,
            svg: pan_zoom.svg.clone(),
            press: pan_zoom.press.clone(),
            screen_px,
        };
        return draw_network(shown, look, &frame);
    };
    html! {
        <>
            <CanvasNetwork scene={scene.clone()} lit={lit.clone()} {view} {kind}
                canvas={pan_zoom.svg.clone()} people={shown.nodes.len()}
                shown={scene.dots.len()} ties={scene.ties.len()}
                on_hover={look.on_hover.clone()} on_pick={look.on_pick.clone()}
                press={pan_zoom.press.clone()} />
            { names_layer(shown, scene, (&view, screen_px), (look.hovered, look.grey_alone)) }
        </>
    }
}

/// Where a big network's drawing goes while it is held ([`use_held`]): the canvas's size,
/// so nothing moves when it comes.
fn held_drawing() -> Html {
    html! {
        <div class="network-held" aria-busy="true"
            style="display:block;width:100%;aspect-ratio:800/560" />
    }
}

/// The canvas network's PNG download: the picture in the current view, drawn afresh.
fn png_maker(
    shown: &NetworkView,
    scene: &Shared<Scene>,
    lit: &Shared<Highlight>,
    view: peerscope_core::draw::view::zoom::ViewBox,
    focus: Option<usize>,
) -> Callback<(), Option<String>> {
    let (scene, lit) = (scene.clone(), lit.clone());
    let names = names(shown, &scene, focus);
    Callback::from(move |_: ()| canvas2d::png(&scene, &lit, view, &names, PNG_SIZE).ok())
}

/// The canvas network's SVG download: what the scene draws (the people shown: the
/// re-settling ones with the host away), written by the core.
fn svg_maker(
    analysis: &Shared<PageAnalysis>,
    rest: &Rest,
    scene: &Shared<Scene>,
) -> Callback<(), String> {
    let (analysis, shown, scene) = (analysis.clone(), rest.moving.clone(), scene.clone());
    Callback::from(move |_: ()| {
        let people = shown.as_deref().unwrap_or(&analysis.network);
        scene_svg(&scene, people)
    })
}

/// A click on a person pins them (again: unpins); a click on empty space unpins.
fn on_pick(pinned: &UseStateHandle<Option<usize>>) -> Callback<Option<usize>> {
    let pinned = pinned.clone();
    Callback::from(move |at: Option<usize>| {
        pinned.set(if at == *pinned { None } else { at });
    })
}

/// The drawing and its tooltip in the frame that hears the wheel, drags, fingers (taps go
/// to `on_tap`) and keys. `touch-action: none`: the fingers move the drawing, not the page.
fn framed(
    pan_zoom: &PanZoom,
    (frame_ref, talkers): (&NodeRef, String),
    drawing: Html,
    tip: Html,
    on_tap: Callback<Tap>,
) -> Html {
    let end = pan_zoom.onmouseup.clone();
    let touch = touch::handlers(pan_zoom, on_tap);
    html! {
        <div class="network-frame" ref={frame_ref.clone()} data-talkers={talkers} style="position:relative;touch-action:none"
            onwheel={pan_zoom.onwheel.clone()} onmousedown={pan_zoom.onmousedown.clone()}
            onmousemove={pan_zoom.onmousemove.clone()} onmouseup={end.clone()}
            onmouseleave={end} onkeydown={pan_zoom.onkeydown.clone()}
            onpointerdown={touch.down} onpointermove={touch.moved} onpointerup={touch.up}
            onpointercancel={touch.cancel}>
            { drawing }
            { tip }
        </div>
    }
}

/// The box of the people with a tie in the whole drawing, as fractions of its width and
/// height: "left top right bottom" (empty when nobody has a tie), for tests to check that
/// the picture is the talkers' and not a ring of loners'.
fn talkers_box(network: &NetworkView) -> String {
    let fit = fit(network);
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for node in network.nodes.iter().filter(|n| n.degree > 0) {
        let (x, y) = fit.place(node);
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    if x0 > x1 {
        return String::new();
    }
    let (w, h) = (WIDTH, HEIGHT);
    format!("{:.4} {:.4} {:.4} {:.4}", x0 / w, y0 / h, x1 / w, y1 / h)
}

/// A callback that stores what it hears in `state`.
fn setter<T: 'static>(state: &UseStateHandle<T>) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |value: T| state.set(value))
}
