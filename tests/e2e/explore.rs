//! End to end, exploring the network: the release build in headless Chromium on the bundled
//! sample, then the name search, zoom and pan (wheel, keys, drag, `#zoom-reset`), the
//! filters (`#min-weight`, `#hide-isolates`) and the table (`#network-table`), each checked
//! against the core run in-process on the same sample.
//!
//! `make test` runs it with the other modules of `tests/e2e/`; by hand, after a release
//! build (`PEERSCOPE_DIST` points at a build elsewhere than `dist/`):
//!
//! ```text
//! cargo test -p peerscope-web --test e2e explore:: -- --ignored --test-threads=1
//! ```

use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::Locator;
use serde_json::Value;

use crate::support::page::{click, run};
use crate::support::{wait_for_look, Session, PATIENCE};
use peerscope_core::{model::options::Options, report::analyze, report::analyze::Analysis};

/// The view the page opens on: the whole drawing.
const WHOLE: &str = "0.00 0.00 800.00 560.00";

/// One look at what the explorer shows, in a single round trip.
const LOOK: &str = r#"
const svg = document.querySelector('#network');
const status = document.querySelector('#search-status');
return {
  view: svg ? svg.getAttribute('viewBox') : '',
  nodes: svg ? Number(svg.getAttribute('data-nodes')) : -1,
  shown: svg ? Number(svg.getAttribute('data-shown')) : -1,
  circles: svg ? svg.querySelectorAll('circle').length : -1,
  lines: svg ? svg.querySelectorAll('line').length : -1,
  matches: svg ? svg.querySelectorAll('circle.match').length : -1,
  status: status ? status.textContent : null,
  people: document.querySelectorAll('#people-table tbody tr').length,
  ties: document.querySelectorAll('#ties-table tbody tr').length,
};
"#;

/// What [`LOOK`] read.
#[derive(Debug, Clone, PartialEq)]
struct Look {
    view: String,
    nodes: i64,
    shown: i64,
    circles: i64,
    lines: i64,
    matches: i64,
    status: String,
    people: i64,
    ties: i64,
}

async fn look(session: &Session) -> Result<Look, String> {
    let v = session
        .client
        .execute(LOOK, Vec::new())
        .await
        .map_err(|e| format!("cannot read the page: {e}"))?;
    let int = |k: &str| v.get(k).and_then(Value::as_i64).unwrap_or(-2);
    let text = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    Ok(Look {
        view: text("view"),
        nodes: int("nodes"),
        shown: int("shown"),
        circles: int("circles"),
        lines: int("lines"),
        matches: int("matches"),
        status: text("status"),
        people: int("people"),
        ties: int("ties"),
    })
}

/// Polls the page until `ready` accepts a look.
async fn wait(
    session: &Session,
    what: &str,
    ready: impl Fn(&Look) -> bool,
) -> Result<Look, String> {
    wait_for_look(what, PATIENCE, || look(session), ready).await
}

/// Sets `#id`'s value and fires `input`, as typing does.
async fn set_value(session: &Session, id: &str, value: &str) -> Result<(), String> {
    let script = format!(
        "const i = document.getElementById('{id}'); i.value = '{value}'; \
         i.dispatchEvent(new Event('input', {{bubbles: true}})); return true;"
    );
    run(session, &script).await.map(|_| ())
}

/// The core's analysis of the bundled sample, as the page makes it on first load.
fn expected() -> Analysis {
    analyze(
        &peerscope_core::import::sample::inputs(),
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("the core cannot analyse the bundled sample: {e}"))
}

/// Types part of a member's name in another case; the matches, the status and the view
/// follow, and clearing the box clears them.
async fn search(session: &Session, analysis: &Analysis) -> Result<(), String> {
    let member = analysis
        .network
        .nodes
        .iter()
        .filter(|n| !n.away)
        .max_by_key(|n| n.degree)
        .ok_or("the sample has no member")?;
    let part: String = member
        .name
        .chars()
        .take(4)
        .collect::<String>()
        .to_uppercase();
    let want = analysis
        .network
        .nodes
        .iter()
        .filter(|n| n.name.to_lowercase().contains(&part.to_lowercase()))
        .count() as i64;
    let input = session
        .client
        .find(Locator::Css("#network-search"))
        .await
        .map_err(|e| format!("no #network-search: {e}"))?;
    input
        .send_keys(&part)
        .await
        .map_err(|e| format!("cannot type in #network-search: {e}"))?;
    let words = if want == 1 {
        "1 person matches".to_string()
    } else {
        format!("{want} people match")
    };
    let found = wait(session, &format!("{want} matches for {part:?}"), |l| {
        l.matches == want && l.status == words && l.view != WHOLE
    })
    .await?;
    println!("search {part:?}: {found:?}");
    set_value(session, "network-search", "zzqqxx").await?;
    wait(session, "nobody found", |l| {
        l.matches == 0 && l.status == "No one is called that here"
    })
    .await?;
    set_value(session, "network-search", "").await?;
    wait(session, "the search cleared", |l| l.status.is_empty()).await?;
    click(session, "#zoom-reset").await?;
    wait(session, "the whole drawing again", |l| l.view == WHOLE).await?;
    Ok(())
}

/// The wheel zooms, a key zooms and pans, a drag pans; `#zoom-reset` restores the fit.
async fn zoom_and_pan(session: &Session) -> Result<(), String> {
    let wheel =
        "const s = document.querySelector('#network'); const r = s.getBoundingClientRect(); \
        s.dispatchEvent(new WheelEvent('wheel', {deltaY: -300, clientX: r.left + r.width / 3, \
        clientY: r.top + r.height / 3, bubbles: true, cancelable: true})); return true;";
    run(session, wheel).await?;
    let zoomed = wait(session, "the wheel to zoom", |l| l.view != WHOLE).await?;
    let width: f64 = zoomed
        .view
        .split(' ')
        .nth(2)
        .and_then(|w| w.parse().ok())
        .unwrap_or(800.0);
    if width >= 800.0 {
        return Err(format!("the wheel did not zoom in: {zoomed:?}"));
    }
    let svg = session
        .client
        .find(Locator::Css("#network"))
        .await
        .map_err(|e| format!("no #network: {e}"))?;
    svg.send_keys("+")
        .await
        .map_err(|e| format!("cannot press + on #network: {e}"))?;
    let closer = wait(session, "+ to zoom", |l| l.view != zoomed.view).await?;
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: svg,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: fantoccini::actions::MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveBy {
            duration: None,
            x: 60.0,
            y: 40.0,
        })
        .then(PointerAction::Up {
            button: fantoccini::actions::MOUSE_BUTTON_LEFT,
        });
    session
        .client
        .perform_actions(drag)
        .await
        .map_err(|e| format!("cannot drag: {e}"))?;
    wait(session, "a drag to pan", |l| l.view != closer.view).await?;
    click(session, "#zoom-reset").await?;
    wait(session, "#zoom-reset to restore the fit", |l| {
        l.view == WHOLE
    })
    .await?;
    Ok(())
}

/// A high `#min-weight` drops the weak ties; `#hide-isolates` then hides the people left
/// without one; both counted against the core.
async fn filters(session: &Session, analysis: &Analysis) -> Result<(), String> {
    let network = &analysis.network;
    let mut weights: Vec<u32> = network.edges.iter().map(|e| e.weight).collect();
    weights.sort_unstable_by(|a, b| b.cmp(a));
    let floor = weights
        .get(4)
        .copied()
        .ok_or("the sample has under 5 ties")?;
    let kept: Vec<_> = network.edges.iter().filter(|e| e.weight >= floor).collect();
    let lines = kept.len() as i64;
    let people = network.nodes.len() as i64;
    let before = look(session).await?;
    set_value(session, "min-weight", &floor.to_string()).await?;
    let strong = wait(session, &format!("{lines} ties of {floor}+"), |l| {
        l.lines == lines && l.shown == people && l.circles == people
    })
    .await?;
    if strong.lines >= before.lines {
        return Err(format!("no tie was dropped: {before:?} then {strong:?}"));
    }
    let mut tied: Vec<u32> = kept.iter().flat_map(|e| [e.a, e.b]).collect();
    tied.sort_unstable();
    tied.dedup();
    let tied = tied.len() as i64;
    click(session, "#hide-isolates").await?;
    wait(session, &format!("{tied} people with a strong tie"), |l| {
        l.shown == tied && l.circles == tied && l.nodes == people
    })
    .await?;
    click(session, "#hide-isolates").await?;
    set_value(session, "min-weight", "1").await?;
    wait(session, "every tie and person again", |l| {
        l.shown == people && l.lines == before.lines
    })
    .await?;
    Ok(())
}

/// Opening `#network-table` lists every person and the strongest ties.
async fn table(session: &Session, analysis: &Analysis) -> Result<(), String> {
    click(session, "#network-table summary").await?;
    let people = analysis.network.nodes.len() as i64;
    let ties = analysis.network.edges.len().min(200) as i64;
    let seen = wait(session, &format!("{people} rows in #people-table"), |l| {
        l.people == people && l.ties == ties
    })
    .await?;
    println!("table: {} people, {} ties", seen.people, seen.ties);
    Ok(())
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn search_zoom_filters_and_table_on_the_sample() {
    let analysis = expected();
    let session = Session::open("explore").await;
    let outcome = async {
        session
            .wait_for("the bundled sample", |s| s.shows_analysis())
            .await?;
        let people = analysis.network.nodes.len() as i64;
        wait(&session, "data-shown for everyone", |l| {
            l.nodes == people && l.shown == people && l.view == WHOLE
        })
        .await?;
        search(&session, &analysis).await?;
        zoom_and_pan(&session).await?;
        filters(&session, &analysis).await?;
        table(&session, &analysis).await?;
        let shot = session.screenshot("network-explore").await?;
        println!("screenshot: {}", shot.display());
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}
