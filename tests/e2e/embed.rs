//! End to end, embedding and privacy: the demo blog page with the widget in its article,
//! what Chromium sends while a file is analysed, `dist/` under a sub-path, the JS API
//! against the core, *anonymise*, and axe-core on the page with a report shown.
//!
//! `make test` runs it with the other modules of `tests/e2e/`; by hand, after a release
//! build (`PEERSCOPE_DIST` points at a build elsewhere than `dist/`):
//!
//! ```text
//! cargo test -p peerscope-web --test e2e embed:: -- --ignored --test-threads=1
//! ```

use std::path::{Path, PathBuf};

use fantoccini::Locator;
use serde_json::Value;

use crate::support::embed::dist_under;
use crate::support::{dist, repo, wait_until, Poll, Session, PATIENCE};
use peerscope_core::{
    import::Input, model::options::Options, report::analyze, report::analyze::report_in_milestones,
    report::analyze::Analysis, Report,
};

/// The export the tests upload (the one `smoke.rs` uses).
const FIXTURE: &str = "tests/fixtures/e2e_upload.json";

/// The fixture's path and the core's analysis of it with the page's default options.
fn expected() -> (PathBuf, Input, Analysis) {
    let path = repo().join(FIXTURE);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let input = Input::new("e2e_upload.json", bytes);
    let analysis = analyze(std::slice::from_ref(&input), &Options::default())
        .unwrap_or_else(|e| panic!("the core cannot analyse {FIXTURE}: {e}"));
    (path, input, analysis)
}

/// What `peerscope analyze --json` prints for the fixture: the report with its interval.
fn clis_report(input: &Input) -> Report {
    let dataset = peerscope_core::import::import(std::slice::from_ref(input), None)
        .unwrap_or_else(|e| panic!("the core cannot import {FIXTURE}: {e}"));
    report_in_milestones(&dataset, &Options::default(), false, &|_| {})
        .unwrap_or_else(|e| panic!("the core cannot analyse {FIXTURE}: {e}"))
        .report
}

/// Uploads the fixture into the current frame and waits for the core's verdict.
async fn upload_and_wait(session: &Session, path: &Path, want: &Analysis) -> Result<(), String> {
    session
        .wait_for("the sample's report", |s| s.shows_analysis())
        .await?;
    session.upload(path).await?;
    let label = want.report.verdict.label.as_str();
    let nodes = want.network.nodes.len();
    session
        .wait_for(
            &format!("{FIXTURE}'s verdict {label:?} with {nodes} people"),
            |s| s.label.as_deref() == Some(label) && s.nodes == Some(nodes) && s.error.is_empty(),
        )
        .await
        .map(drop)
}

/// An `http(s)` address's origin, e.g. `http://127.0.0.1:4000`.
fn origin(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let scheme = url.split_once("://").map_or("", |(scheme, _)| scheme);
    format!("{scheme}://{host}")
}

/// Requests that went over the network (not `data:` or `blob:`).
fn network(sent: &[crate::support::embed::Sent]) -> Vec<String> {
    sent.iter()
        .filter(|s| s.url.starts_with("http") || s.url.starts_with("ws"))
        .map(|s| s.url.clone())
        .collect()
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn demo_blog_embeds_the_widget_and_an_upload_inside_it_shows_the_verdict() {
    let (path, _, want) = expected();
    let session = Session::open_at("embed-blog", &dist(), "demo-blog.html").await;
    let outcome = async {
        let frame = wait_until(
            "the widget's iframe inside the article",
            PATIENCE,
            || async {
                let found = session
                    .client
                    .find(Locator::Css("article peerscope-widget iframe"));
                Ok(match found.await {
                    Ok(frame) => Poll::Ready(frame),
                    Err(e) => Poll::NotYet(e.to_string()),
                })
            },
        )
        .await?;
        let sandbox = frame.attr("sandbox").await.map_err(|e| e.to_string())?;
        let src = frame.attr("src").await.map_err(|e| e.to_string())?;
        let src = src.unwrap_or_default();
        if sandbox.as_deref() != Some("allow-scripts allow-same-origin allow-downloads")
            || !src.contains("profile=creator")
            || !src.contains("embed=1")
        {
            return Err(format!("the iframe is sandbox={sandbox:?}, src={src:?}"));
        }
        frame.enter_frame().await.map_err(|e| e.to_string())?;
        upload_and_wait(&session, &path, &want).await?;
        let inner = session
            .client
            .execute(
                "return Math.ceil(document.body.getBoundingClientRect().height)",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        session
            .client
            .enter_parent_frame()
            .await
            .map_err(|e| e.to_string())?;
        let inner = inner.as_f64().unwrap_or(0.0);
        let script = "return document.querySelector('peerscope-widget iframe').offsetHeight";
        wait_until(
            "the iframe to follow the app's height",
            PATIENCE,
            || async {
                let outer = session.client.execute(script, vec![]).await;
                let outer = outer.map_err(|e| e.to_string())?.as_f64().unwrap_or(0.0);
                Ok(if (outer - inner).abs() <= 2.0 && outer != 900.0 {
                    Poll::Ready(())
                } else {
                    Poll::NotYet(format!("iframe {outer}px, app {inner}px"))
                })
            },
        )
        .await?;
        session.screenshot("embed-demo-blog").await.map(drop)
    }
    .await;
    session.finish(outcome).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn nothing_leaves_the_browser_while_a_file_is_analysed() {
    let (path, _, want) = expected();
    let session = Session::open_at("embed-privacy", &dist(), "demo-blog.html").await;
    let outcome = async {
        let frame = wait_until("the widget's iframe", PATIENCE, || async {
            let found = session.client.find(Locator::Css("peerscope-widget iframe"));
            Ok(match found.await {
                Ok(frame) => Poll::Ready(frame),
                Err(e) => Poll::NotYet(e.to_string()),
            })
        })
        .await?;
        frame.enter_frame().await.map_err(|e| e.to_string())?;
        session
            .wait_for("the sample's report", |s| s.shows_analysis())
            .await?;
        let own = origin(&session.base_url());
        let at_load = session.sent().await?;
        let loaded = network(&at_load);
        let foreign: Vec<&String> = loaded.iter().filter(|u| origin(u) != own).collect();
        if loaded.is_empty() || !foreign.is_empty() {
            return Err(format!(
                "at load, requests to other origins than {own}: {foreign:?} (all: {loaded:?})"
            ));
        }
        upload_and_wait(&session, &path, &want).await?;
        let after = session.sent().await?;
        if !network(&after).is_empty() {
            return Err(format!("requests after load, while analysing: {after:?}"));
        }
        let entries = session
            .client
            .execute(
                "return performance.getEntriesByType('resource').map(e => e.name)",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        let entries: Vec<String> = serde_json::from_value(entries).unwrap_or_default();
        if entries
            .iter()
            .any(|u| u.starts_with("http") && origin(u) != own)
        {
            return Err(format!(
                "the widget's resource timing shows other origins: {entries:?}"
            ));
        }
        eprintln!(
            "privacy: {} requests at load, all to {own} ({} resource entries in the widget); \
             {} requests while analysing ({} log events of any kind)",
            loaded.len(),
            entries.len(),
            network(&after).len(),
            after.len()
        );
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn dist_works_from_a_sub_path() {
    let (path, _, want) = expected();
    let root = dist_under(
        &repo().join("target").join("e2e").join("sub-path"),
        "some/sub/path",
    )
    .unwrap_or_else(|e| panic!("cannot copy dist/: {e}"));
    let session = Session::open_at("embed-sub-path", &root, "some/sub/path/").await;
    let outcome = async {
        upload_and_wait(&session, &path, &want).await?;
        let served = session.served();
        let outside: Vec<&String> = served
            .iter()
            .filter(|r| !r.contains(" /some/sub/path/") || !r.ends_with("200"))
            .collect();
        if !outside.is_empty() {
            return Err(format!(
                "requests outside /some/sub/path/ or failing: {outside:?}"
            ));
        }
        eprintln!(
            "sub-path: {} requests, all under /some/sub/path/: {served:?}",
            served.len()
        );
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

/// `a` and `b` are the same JSON, numbers compared as f64 within 1e-9 (relative).
pub(crate) fn same_json(a: &Value, b: &Value, at: &str) -> Result<(), String> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            let close = (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0);
            close
                .then_some(())
                .ok_or_else(|| format!("{at}: {x} != {y}"))
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .try_for_each(|(i, (x, y))| same_json(x, y, &format!("{at}[{i}]"))),
        (Value::Object(x), Value::Object(y)) if x.len() == y.len() => {
            x.iter().try_for_each(|(k, v)| {
                let other = y
                    .get(k)
                    .ok_or_else(|| format!("{at}.{k} missing in the CLI's report"))?;
                same_json(v, other, &format!("{at}.{k}"))
            })
        }
        _ if a == b => Ok(()),
        _ => Err(format!("{at}: {a} != {b}")),
    }
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn js_api_returns_the_clis_report() {
    let (_, input, _) = expected();
    let want = clis_report(&input);
    let session = Session::open_at("embed-api", &dist(), "").await;
    let outcome = async {
        session.wait_for("the sample's report", |s| s.shows_analysis()).await?;
        let text = String::from_utf8_lossy(&input.bytes).into_owned();
        let script = r#"
            const api = window.wasmBindings;
            const report = api.analyze(arguments[0], { name: arguments[1] });
            const bytes = api.analyze(new TextEncoder().encode(arguments[0]), { name: arguments[1] });
            // A string is encoded in pieces of 128 Ki UTF-16 units (src/app/api/export_reader.rs):
            // pad the channel's name so an emoji's two halves straddle the first boundary.
            const field = '"name": "general"';
            const before = arguments[0].slice(0, arguments[0].indexOf(field)) + '"name":';
            const pad = 131072 - 1 - (before.length + 1);
            const wide = before + ' '.repeat(pad) + '"\u{1F600}general"'
                + arguments[0].slice(arguments[0].indexOf(field) + field.length);
            const forced = { name: arguments[1], format: 'discord' };
            const wideText = api.analyze(wide, forced);
            const wideBytes = api.analyze(new TextEncoder().encode(wide), forced);
            let error = '';
            try { api.analyze('{', { name: 'broken.json' }); } catch (e) { error = String(e.message); }
            const div = document.createElement('div');
            document.body.appendChild(div);
            api.mount(div, { profile: 'startup', embed: true });
            return { report: JSON.stringify(report), bytes: JSON.stringify(bytes), error,
                wide_text: JSON.stringify(wideText), wide_bytes: JSON.stringify(wideBytes) };
        "#;
        let args = vec![Value::from(text), Value::from(input.name.clone())];
        let value = session.client.execute(script, args).await.map_err(|e| e.to_string())?;
        let parse = |key: &str| -> Result<Value, String> {
            let raw = value[key].as_str().ok_or_else(|| format!("no {key} in {value}"))?;
            serde_json::from_str(raw).map_err(|e| format!("{key} is not JSON: {e}"))
        };
        let cli = serde_json::to_value(&want).map_err(|e| e.to_string())?;
        if cli["verdict"]["interval"].is_null() {
            return Err(format!("the CLI's report of {FIXTURE} has no interval to compare"));
        }
        same_json(&parse("report")?, &cli, "report")?;
        same_json(&parse("bytes")?, &cli, "report from bytes")?;
        let wide = parse("wide_text")?;
        same_json(&wide, &parse("wide_bytes")?, "padded report, string against bytes")?;
        let space = &wide["sources"]["files"][0]["space"];
        if space.as_str() != Some("\u{1F600}general") {
            return Err(format!("an emoji across a piece's end came out as {space}"));
        }
        let error = value["error"].as_str().unwrap_or_default();
        if !error.contains("broken.json") {
            return Err(format!("a broken input's error does not name it: {error:?}"));
        }
        wait_until("mount() to render a second page", PATIENCE, || async {
            let n = session.client.execute("return document.querySelectorAll('.page').length", vec![]).await;
            let n = n.map_err(|e| e.to_string())?.as_u64().unwrap_or(0);
            Ok(if n == 2 { Poll::Ready(()) } else { Poll::NotYet(format!("{n} pages")) })
        })
        .await
    }
    .await;
    session.finish(outcome).await;
}

/// Where a whole-word `name` occurs in `text`, if anywhere.
fn whole_word(text: &str, name: &str) -> Option<usize> {
    text.match_indices(name).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn anonymise_hides_every_name_and_axe_finds_nothing_serious() {
    let (path, _, want) = expected();
    let session = Session::open_at("embed-anonymise", &dist(), "").await;
    let outcome = async {
        let serious = session.axe_after_report().await?;
        upload_and_wait(&session, &path, &want).await?;
        let html = "return document.documentElement.outerHTML";
        let before = session
            .client
            .execute(html, vec![])
            .await
            .map_err(|e| e.to_string())?;
        let names: Vec<&str> = want.participants.iter().map(|p| p.name.as_str()).collect();
        let shown = before.as_str().unwrap_or_default();
        if !names.iter().any(|n| whole_word(shown, n).is_some()) {
            return Err(format!("no name on the page before anonymising: {names:?}"));
        }
        session
            .client
            .find(Locator::Css("#anonymise"))
            .await
            .map_err(|e| format!("no #anonymise: {e}"))?
            .click()
            .await
            .map_err(|e| format!("cannot click #anonymise: {e}"))?;
        wait_until("no participant name or id in the DOM", PATIENCE, || async {
            let now = session
                .client
                .execute(html, vec![])
                .await
                .map_err(|e| e.to_string())?;
            let now = now.as_str().unwrap_or_default().to_string();
            let ids = want.participants.iter().map(|p| p.id.as_str());
            let left: Vec<String> = names
                .iter()
                .copied()
                .chain(ids)
                .filter_map(|n| {
                    whole_word(&now, n).map(|at| {
                        format!(
                            "{n:?} at …{}…",
                            &now[at.saturating_sub(60)..(at + 40).min(now.len())]
                        )
                    })
                })
                .collect();
            Ok(if left.is_empty() {
                Poll::Ready(())
            } else {
                Poll::NotYet(left.join("; "))
            })
        })
        .await?;
        session.screenshot("embed-anonymised").await?;
        if serious.is_empty() {
            eprintln!("axe-core: no serious or critical violations");
            Ok(())
        } else {
            Err(format!(
                "axe-core found serious or critical violations:\n{}",
                serious.join("\n")
            ))
        }
    }
    .await;
    session.finish(outcome).await;
}

impl Session {
    /// Waits for the sample's report, then runs axe-core on the page.
    async fn axe_after_report(&self) -> Result<Vec<String>, String> {
        self.wait_for("the sample's report", |s| s.shows_analysis())
            .await?;
        self.axe().await
    }
}
