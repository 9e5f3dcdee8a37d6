//! End to end, hostile names on the page (a name is whatever the export says, so it must
//! never run as code): the release build in headless
//! Chromium with `tests/fixtures/hostile_names.json` ([`crate::support::hostile`]), whose
//! people are named like an `<img onerror>`, a `<script>`, a spreadsheet formula, a
//! right-to-left override and a zero-width-joined word, the first the host and the others
//! leaders or in the close core. The page is watched from before the upload
//! ([`crate::support::watch`]).
//!
//! - nothing runs: no dialog opens, `window.__pwned` stays unset, and the document gains no
//!   `<img src=x>`, no `<script>`, no `<iframe>` or `<svg onload>` and no `on…` attribute,
//!   before or after hovering and searching;
//! - every name shows as text, exactly as the core read it, wherever the page names people:
//!   the drawing's titles and host label, the host picker, the checklist's "Who", the
//!   funnel's leaders, the network table, the tooltip and the search's matches;
//! - where names share a line with other text (the checklist's "Who", the funnel's
//!   leaders, the tooltip), each is isolated in its own `<bdi>`, so the right-to-left
//!   override cannot reorder the rest of the line.
//!
//! The downloads are [`crate::hostile_exports`]. `make test` runs both with the other
//! modules of `tests/e2e/`; by hand, after a release build (`PEERSCOPE_DIST` points at a
//! build elsewhere than `dist/`):
//!
//! ```text
//! cargo test -p peerscope-web --test e2e hostile:: -- --ignored --test-threads=1
//! ```

use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::Locator;
use serde_json::json;

use crate::support::hostile::{
    expected, hostile_on_screen, nothing_injected, sorted, texts, HOST, RTL,
};
use crate::support::page::{click, run};
use crate::support::{wait_until, Poll, Session, PATIENCE};
use peerscope_core::draw::view::explore::{search, search_status};
use peerscope_core::report::analyze::Analysis;

/// Every person's name, in order.
fn everyone(analysis: &Analysis) -> Vec<String> {
    sorted(
        analysis
            .network
            .nodes
            .iter()
            .map(|n| n.name.clone())
            .collect(),
    )
}

/// The drawing titles every dot with its person's name and labels the host.
async fn drawing_names_everyone(session: &Session, analysis: &Analysis) -> Result<(), String> {
    let titles = texts(session, "#network circle > title").await?;
    let drawn: Vec<String> = titles
        .iter()
        .filter_map(|t| t.split(" — ").next())
        .map(str::to_string)
        .collect();
    if sorted(drawn) != everyone(analysis) {
        return Err(format!(
            "the drawing's titles are not the names: {titles:?}"
        ));
    }
    let host_label = format!("{HOST} · host");
    let labels = texts(session, "#network text.host-name").await?;
    if !labels.contains(&host_label) {
        return Err(format!(
            "the drawing labels the host {labels:?}, not {host_label:?}"
        ));
    }
    Ok(())
}

/// The host picker, the checklist's "Who" and the funnel's leaders name the core's people.
async fn lists_name_them(session: &Session, analysis: &Analysis) -> Result<(), String> {
    let detected = format!("{HOST} (detected)");
    if !texts(session, "#host option").await?.contains(&detected) {
        return Err(format!("the host picker does not offer {detected:?}"));
    }
    let checklist = texts(session, "#checklist .step-people").await?.concat();
    let steps = analysis.report.checklist.iter();
    if let Some(p) = steps
        .flat_map(|s| &s.people)
        .find(|p| !checklist.contains(&p.name))
    {
        return Err(format!(
            "the checklist does not name {:?}: {checklist:?}",
            p.name
        ));
    }
    let funnel = texts(session, "#funnel").await?.concat();
    let mut leaders = analysis.report.funnel.leaders.iter();
    if let Some(l) = leaders.find(|l| !funnel.contains(&l.name)) {
        return Err(format!(
            "#funnel does not name the leader {:?}: {funnel:?}",
            l.name
        ));
    }
    Ok(())
}

/// Each name the checklist's "Who" lines and the funnel's leaders show sits in its own
/// `<bdi>`, holding the name and nothing else: an unclosed right-to-left override (RTL)
/// then cannot turn the commas and the names after it around.
async fn names_are_isolated(session: &Session, analysis: &Analysis) -> Result<(), String> {
    let report = &analysis.report;
    let who: Vec<String> = report
        .checklist
        .iter()
        .flat_map(|s| s.people.iter().map(|p| p.name.clone()))
        .collect();
    let leaders: Vec<String> = report
        .funnel
        .leaders
        .iter()
        .map(|l| l.name.clone())
        .collect();
    if !who.iter().chain(&leaders).any(|name| name == RTL) {
        return Err(format!(
            "{RTL:?} should be in a \"Who\" line or among the leaders"
        ));
    }
    for (css, want) in [
        ("#checklist .step-people bdi", who),
        ("#funnel bdi", leaders),
    ] {
        let isolated = texts(session, css).await?;
        if sorted(isolated.clone()) != sorted(want.clone()) {
            return Err(format!(
                "{css} should hold exactly the names {want:?}, one each: {isolated:?}"
            ));
        }
    }
    let tip = texts(session, "#network-tooltip .tip-name bdi").await?;
    if tip != [HOST] {
        return Err(format!("the tooltip's name should be in a <bdi>: {tip:?}"));
    }
    Ok(())
}

/// Opening the network table lists everyone by name.
async fn table_names_everyone(session: &Session, analysis: &Analysis) -> Result<(), String> {
    click(session, "#network-table summary").await?;
    let want = everyone(analysis);
    wait_until("#people-table to list everyone", PATIENCE, || async {
        let rows = texts(session, "#people-table tbody th[scope=row]").await?;
        Ok(if sorted(rows.clone()) == want {
            Poll::Ready(())
        } else {
            Poll::NotYet(format!("{rows:?}, want {want:?}"))
        })
    })
    .await
}

/// Moves the pointer onto the host's dot; the tooltip names them as text.
async fn tooltip_names_the_host(session: &Session, analysis: &Analysis) -> Result<(), String> {
    let index = analysis
        .network
        .nodes
        .iter()
        .position(|n| n.name == HOST)
        .ok_or("no host node")?;
    let circle = session
        .client
        .find(Locator::Css(&format!("#network circle[data-i='{index}']")))
        .await
        .map_err(|e| format!("no circle for the host: {e}"))?;
    let mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: circle,
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    session
        .client
        .perform_actions(mouse)
        .await
        .map_err(|e| format!("cannot hover: {e}"))?;
    wait_until("#network-tooltip naming the host", PATIENCE, || async {
        let tip = texts(session, "#network-tooltip .tip-name").await?;
        Ok(if tip == [HOST] {
            Poll::Ready(())
        } else {
            Poll::NotYet(format!("{tip:?}"))
        })
    })
    .await
}

/// Types `query` in `#network-search`; the matches and the status follow the core's search.
async fn search_finds(session: &Session, analysis: &Analysis, query: &str) -> Result<(), String> {
    let want = search(&analysis.network, query).len();
    if want == 0 {
        return Err(format!(
            "the core finds nobody for {query:?}; pick another query"
        ));
    }
    let input = session.client.find(Locator::Css("#network-search")).await;
    let input = input.map_err(|e| format!("no #network-search: {e}"))?;
    input
        .clear()
        .await
        .map_err(|e| format!("cannot clear #network-search: {e}"))?;
    input
        .send_keys(query)
        .await
        .map_err(|e| format!("cannot type {query:?}: {e}"))?;
    let status = search_status(want);
    let look = "return [document.querySelectorAll('#network circle.match').length, \
                (document.querySelector('#search-status') || {}).textContent || ''];";
    wait_until(
        &format!("{want} matches for {query:?}"),
        PATIENCE,
        || async {
            let seen = run(session, look).await?;
            Ok(if seen == json!([want, status]) {
                Poll::Ready(())
            } else {
                Poll::NotYet(format!("{seen}"))
            })
        },
    )
    .await
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn hostile_names_show_as_text_and_run_nothing() {
    let (path, analysis) = expected();
    let session = Session::open("hostile").await;
    let outcome = async {
        let scripts = hostile_on_screen(&session, &path, analysis.network.nodes.len()).await?;
        nothing_injected(&session, scripts).await?;
        drawing_names_everyone(&session, &analysis).await?;
        lists_name_them(&session, &analysis).await?;
        table_names_everyone(&session, &analysis).await?;
        tooltip_names_the_host(&session, &analysis).await?;
        names_are_isolated(&session, &analysis).await?;
        for query in ["<script>", "=hyperlink(", "\u{202E}gnp", "a\u{200D}ne"] {
            search_finds(&session, &analysis, query).await?;
        }
        nothing_injected(&session, scripts).await?;
        let shot = session.screenshot("hostile-names").await?;
        println!("screenshot: {}", shot.display());
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}
