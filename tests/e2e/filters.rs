//! End to end, the network's window: the release build in headless Chromium on the bundled
//! sample (two channels, a thread folded into the first, several days), then one channel
//! only (`#filter-space`), a span of days (`#filter-from`, `#filter-to`) and clearing them,
//! in the SVG and on the 2D canvas (`?renderer=canvas2d`); and the pinned person's panel
//! (`#person-panel`), whose ties follow the window. Every count is the core's own: the same
//! sample analysed in-process and filtered with `peerscope_core::draw::view::explore`.
//!
//! `make test` runs it with the other modules of `tests/e2e/`; by hand, after a release
//! build (`PEERSCOPE_DIST` points at a build elsewhere than `dist/`):
//!
//! ```text
//! cargo test -p peerscope-web --test e2e filters:: -- --ignored --test-threads=1
//! ```

use serde_json::Value;

use crate::support::page::{click, run};
use crate::support::{wait_for_look, wait_until, Poll, Session, PATIENCE};
use peerscope_core::draw::view::explore::{select, Filter};
use peerscope_core::draw::view::focus::ties_drawn_of;
use peerscope_core::draw::view::times::Window;
use peerscope_core::model::time::day_string;
use peerscope_core::{model::options::Options, report::analyze, report::analyze::Analysis};

/// One look at the drawing, the window's controls and the table, in a single round trip.
const LOOK: &str = r#"
const net = document.querySelector('#network');
const table = document.querySelector('#ties-table');
const note = document.querySelector('#window-note');
const from = document.querySelector('#filter-from');
return {
  tag: net ? net.tagName.toLowerCase() : '',
  ties: net ? Number(net.getAttribute('data-ties')) : -1,
  lines: net ? net.querySelectorAll('line').length : -1,
  grey: net ? net.querySelectorAll('circle.alone').length : -1,
  table: table ? Number(table.getAttribute('data-ties')) : -1,
  rows: document.querySelectorAll('#ties-table tbody tr').length,
  note: note ? note.textContent : null,
  options: Array.from(document.querySelectorAll('#filter-space option')).map(o => o.textContent),
  min: from ? from.min : '',
  max: from ? from.max : '',
};
"#;

/// What [`LOOK`] read.
#[derive(Debug, Clone, PartialEq)]
struct Look {
    tag: String,
    /// `#network[data-ties]`: ties drawn, as both renderers report them.
    ties: i64,
    /// `line` elements in the SVG (0 on a canvas).
    lines: i64,
    /// Greyed people in the SVG.
    grey: i64,
    /// `#ties-table[data-ties]` (-1 while the table is closed).
    table: i64,
    rows: i64,
    note: String,
    options: Vec<String>,
    min: String,
    max: String,
}

async fn look(session: &Session) -> Result<Look, String> {
    let v = run(session, LOOK).await?;
    let int = |k: &str| v.get(k).and_then(Value::as_i64).unwrap_or(-2);
    let text = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let options = v
        .get("options")
        .and_then(Value::as_array)
        .map_or_else(Vec::new, |a| {
            a.iter()
                .filter_map(|o| o.as_str().map(str::to_string))
                .collect()
        });
    Ok(Look {
        tag: text("tag"),
        ties: int("ties"),
        lines: int("lines"),
        grey: int("grey"),
        table: int("table"),
        rows: int("rows"),
        note: text("note"),
        options,
        min: text("min"),
        max: text("max"),
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

/// Sets `#id`'s value and fires `change`, as choosing an option or a date does.
async fn choose(session: &Session, id: &str, value: &str) -> Result<(), String> {
    let script = format!(
        "const e = document.getElementById('{id}'); if (!e) {{ return false; }} \
         e.value = '{value}'; e.dispatchEvent(new Event('change', {{bubbles: true}})); \
         return true;"
    );
    match run(session, &script).await? {
        Value::Bool(true) => Ok(()),
        other => Err(format!("the page has no #{id} to set ({other})")),
    }
}

/// The core's analysis of the bundled sample, as the page makes it on first load.
fn expected() -> Analysis {
    analyze(
        &peerscope_core::import::sample::inputs(),
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("the core cannot analyse the bundled sample: {e}"))
}

/// The core's answer for `window`: ties drawn and people greyed (the page's filters
/// otherwise at their defaults; the sample is far below the big-network limit).
fn core(analysis: &Analysis, window: Window) -> (i64, i64) {
    let filter = Filter {
        window,
        ..Filter::default()
    };
    let s = select(&analysis.network, &filter, &[]);
    let grey = s.faded.iter().filter(|&&f| f).count();
    (s.edges.len() as i64, grey as i64)
}

/// Waits until the page draws `ties` ties (and, in the SVG, `grey` greyed people), in the
/// drawing and in the open table.
async fn expect(session: &Session, what: &str, (ties, grey): (i64, i64)) -> Result<Look, String> {
    let seen = wait(session, &format!("{what}: {ties} ties, {grey} grey"), |l| {
        let svg = l.tag != "svg" || (l.lines == ties && l.grey == grey);
        l.ties == ties && svg && l.table == ties && l.rows == ties.min(200)
    })
    .await?;
    println!(
        "{what}: {ties} ties drawn, {grey} people grey; note {:?}",
        seen.note
    );
    Ok(seen)
}

/// Every channel in turn, a span without the first day, an empty span, then clearing:
/// each time the drawing and the table hold exactly the core's ties.
async fn windows(session: &Session, analysis: &Analysis) -> Result<(), String> {
    let times = &analysis.network.times;
    let whole = core(analysis, Window::default());
    click(session, "#network-table summary").await?;
    let start = expect(session, "every channel", whole).await?;
    let mut names = vec!["All channels".to_string()];
    names.extend(times.spaces.iter().cloned());
    if start.options != names {
        return Err(format!(
            "#filter-space offers {:?}, not {names:?}",
            start.options
        ));
    }
    let (first, last) = times.days().ok_or("the sample has no ties")?;
    if (start.min.as_str(), start.max.as_str()) != (&day_string(first), &day_string(last)) {
        return Err(format!(
            "the dates run {}..{}, not the sample's",
            start.min, start.max
        ));
    }
    for (s, name) in times.spaces.iter().enumerate() {
        let space = Window {
            space: Some(s as u32),
            ..Window::default()
        };
        let want = core(analysis, space);
        if want.0 == 0 || want.0 >= whole.0 {
            return Err(format!("{name} should hold some of the ties, not {want:?}"));
        }
        choose(session, "filter-space", &s.to_string()).await?;
        let seen = expect(session, &format!("channel {name}"), want).await?;
        if !seen.note.contains(name.as_str()) {
            return Err(format!(
                "#window-note does not name {name}: {:?}",
                seen.note
            ));
        }
    }
    choose(session, "filter-space", "").await?;
    let later = Window {
        from: Some(first + 1),
        ..Window::default()
    };
    choose(session, "filter-from", &day_string(first + 1)).await?;
    let want = core(analysis, later);
    if want.0 >= whole.0 {
        return Err(format!(
            "the first day should have ties of its own: {want:?}"
        ));
    }
    expect(session, "from the second day", want).await?;
    choose(session, "filter-to", &day_string(first)).await?;
    let none = Window {
        to: Some(first),
        ..later
    };
    let want = core(analysis, none);
    if want.0 != 0 {
        return Err(format!("an empty span should keep no tie: {want:?}"));
    }
    expect(session, "an empty span", want).await?;
    choose(session, "filter-from", "").await?;
    choose(session, "filter-to", "").await?;
    let back = expect(session, "cleared", whole).await?;
    if !back.note.is_empty() {
        return Err(format!("#window-note should be empty: {:?}", back.note));
    }
    Ok(())
}

/// Opens the page (`query` picks the renderer), waits for the sample drawn as `tag`, and
/// runs [`windows`].
async fn on_the_sample(name: &str, query: &str, tag: &str) {
    let analysis = expected();
    let session = Session::open_with(name, query, &[]).await;
    let outcome = async {
        let people = analysis.network.nodes.len();
        wait(&session, &format!("the sample as {tag}"), |l| {
            l.tag == tag && l.ties == analysis.network.edges.len() as i64
        })
        .await?;
        session
            .wait_for(&format!("the sample's {people} people"), |s| {
                s.label.is_some() && s.nodes == Some(people)
            })
            .await?;
        windows(&session, &analysis).await?;
        let shot = session.screenshot(&format!("network-{name}")).await?;
        println!("screenshot: {}", shot.display());
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn one_channel_or_a_span_of_days_in_the_svg() {
    on_the_sample("filters-svg", "", "svg").await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn one_channel_or_a_span_of_days_on_the_canvas() {
    on_the_sample("filters-canvas", "?renderer=canvas2d", "canvas").await;
}

/// What `#person-panel` shows: its name and its sentence on the ties (empty without one).
const PANEL: &str = r#"
const p = document.querySelector('#person-panel');
return p ? {
  name: p.querySelector('h3').textContent,
  ties: p.querySelector('.person-ties').textContent,
  rows: p.querySelectorAll('li').length,
} : {name: '', ties: '', rows: 0};
"#;

/// Waits until `#person-panel` names `name` and says it has `ties` ties drawn (`None`:
/// until there is no panel).
async fn wait_panel(session: &Session, name: Option<&str>, ties: usize) -> Result<(), String> {
    let words = match ties {
        0 => "No tie drawn".to_string(),
        1 => "1 tie drawn".to_string(),
        n => format!("{n} ties drawn"),
    };
    let what = format!("#person-panel for {name:?} with {words:?}");
    wait_until(&what, PATIENCE, || async {
        let v = run(session, PANEL).await?;
        let text = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let rows = v.get("rows").and_then(Value::as_u64).unwrap_or(0) as usize;
        let ready = match name {
            Some(name) => {
                text("name") == name && text("ties").starts_with(&words) && rows == ties.min(12)
            }
            None => text("name").is_empty(),
        };
        Ok(if ready {
            Poll::Ready(())
        } else {
            Poll::NotYet(v.to_string())
        })
    })
    .await
}

/// Pins the host with a click: the panel lists their ties drawn; one channel only, and it
/// lists that channel's; a tie's button pins the person at its end; "Let go" closes it.
async fn pinned_panel(session: &Session, analysis: &Analysis) -> Result<(), String> {
    let net = &analysis.network;
    let (host, node) = net
        .nodes
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| n.degree)
        .ok_or("the sample has nobody")?;
    let drawn = |window: Window| {
        let filter = Filter {
            window,
            ..Filter::default()
        };
        ties_drawn_of(net, &select(net, &filter, &[]), host)
    };
    click(session, &format!("#network circle[data-i='{host}']")).await?;
    wait_panel(session, Some(&node.name), drawn(Window::default()).len()).await?;
    let space = Window {
        space: Some(1),
        ..Window::default()
    };
    let there = drawn(space);
    choose(session, "filter-space", "1").await?;
    wait_panel(session, Some(&node.name), there.len()).await?;
    let &(other, _) = there
        .first()
        .ok_or("the host has no tie in the second channel")?;
    click(
        session,
        &format!("#person-panel button[data-person='{other}']"),
    )
    .await?;
    let other_node = net.nodes.get(other).ok_or("no such person")?;
    let theirs = ties_drawn_of(
        net,
        &select(
            net,
            &Filter {
                window: space,
                ..Filter::default()
            },
            &[],
        ),
        other,
    );
    wait_panel(session, Some(&other_node.name), theirs.len()).await?;
    let shot = session.screenshot("network-person-panel").await?;
    println!("screenshot: {}", shot.display());
    click(session, "#person-panel-close").await?;
    wait_panel(session, None, 0).await?;
    println!(
        "panel: {} with {} ties, then {} in the second channel",
        node.name,
        drawn(Window::default()).len(),
        there.len()
    );
    Ok(())
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn a_pinned_person_s_panel_follows_the_window() {
    let analysis = expected();
    let session = Session::open("filters-panel").await;
    let outcome = async {
        let people = analysis.network.nodes.len();
        session
            .wait_for(&format!("the sample's {people} people"), |s| {
                s.label.is_some() && s.nodes == Some(people) && s.circles == people
            })
            .await?;
        pinned_panel(&session, &analysis).await
    }
    .await;
    session.finish(outcome).await;
}
