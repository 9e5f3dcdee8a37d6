//! End to end, a page people can read (issue 19): at 1280×800 and 390×844, light and dark,
//! with the 20-person Telegram export of `../shared/samples/telegram/` and a generated
//! 10 000-person network. The talkers fill the drawing (no ring of loners shrinking them),
//! no two names on it overlap, the host's name is drawn whole and uncovered, names are at
//! least 11 px tall, an upload on a phone lands on the answer, the embed in
//! `demo-blog.html` stays compact, and axe-core finds nothing serious or critical with each
//! of the four labels on screen. Screenshots go to `target/screenshots/readable-*.png`.
//!
//! ```text
//! cargo test -p peerscope-web --test e2e readable:: -- --ignored --test-threads=1
//! ```

use std::path::{Path, PathBuf};

use std::cell::Cell;

use crate::support::look::{Drawing, Look, LOOKS};
use crate::support::page::run;
use crate::support::{repo, wait_until, Poll, Session, PATIENCE};
use peerscope_core::draw::view::Role;
use peerscope_core::import::Input;
use peerscope_core::model::options::Options;
use peerscope_core::report::analyze;

/// The talkers' box must fill at least this share of the drawing (along one side).
const LEAST_FILL: f64 = 0.6;
/// Names at least this tall on screen, CSS pixels.
const LEAST_NAME_PX: f64 = 11.0;
/// The embed's height by default, at most.
const MOST_EMBED_PX: f64 = 1000.0;

/// The Telegram export of about 20 people (senders and the people they mention).
fn telegram() -> PathBuf {
    repo().join("../shared/samples/telegram/tgif_software-testing.json")
}

/// What the core makes of `path`: its label and how many people the network has, and
/// whether one of them is a host.
fn expected(path: &Path) -> (String, usize, bool) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let analysis = analyze(&[Input::new(name, bytes)], &Options::default())
        .unwrap_or_else(|e| panic!("the core cannot analyse {}: {e}", path.display()));
    let nodes = &analysis.network.nodes;
    let host = nodes.iter().any(|n| n.role == Role::Host);
    (
        analysis.report.verdict.label.as_str().to_string(),
        nodes.len(),
        host,
    )
}

/// Waits for the sample's report, then uploads `path` and waits for the core's label and
/// people on the page.
async fn upload(session: &Session, path: &Path) -> Result<(String, usize, bool), String> {
    session
        .wait_for("the sample's report", |s| s.shows_analysis())
        .await?;
    upload_next(session, path).await
}

/// Uploads `path` over whatever report is on screen and waits for the core's label and
/// people on the page.
async fn upload_next(session: &Session, path: &Path) -> Result<(String, usize, bool), String> {
    let (label, nodes, host) = expected(path);
    session.upload(path).await?;
    let what = format!("{}: {label:?} with {nodes} people", path.display());
    session
        .wait_for(&what, |s| {
            s.label.as_deref() == Some(label.as_str()) && s.nodes == Some(nodes)
        })
        .await?;
    Ok((label, nodes, host))
}

/// Waits for the drawing and checks it: the talkers fill it, no names overlap, the host's
/// name is there, inside and uncovered, every name tall enough. Returns the fill.
async fn check_drawing(session: &Session, host: bool, what: &str) -> Result<f64, String> {
    let drawing = wait_until("the drawing's names", PATIENCE, || async {
        Ok(match Drawing::measure(session).await? {
            Some(d) if !d.labels.is_empty() && d.talkers.is_some() => Poll::Ready(d),
            other => Poll::NotYet(format!("{other:?}")),
        })
    })
    .await?;
    let fill = drawing.fill();
    println!(
        "{what}: drawing {:.0}×{:.0} px, talkers fill {:.0}%, {} names",
        drawing.rect.width(),
        drawing.rect.height(),
        fill * 100.0,
        drawing.labels.len()
    );
    if fill < LEAST_FILL {
        return Err(format!(
            "{what}: the talkers fill {fill:.2} of the drawing: {drawing:?}"
        ));
    }
    let collisions = drawing.collisions();
    if !collisions.is_empty() {
        return Err(format!("{what}: names overlap: {}", collisions.join("; ")));
    }
    let small: Vec<&str> = drawing
        .labels
        .iter()
        .filter(|l| l.rect.height() < LEAST_NAME_PX)
        .map(|l| l.text.as_str())
        .collect();
    if !small.is_empty() {
        return Err(format!("{what}: names under {LEAST_NAME_PX} px: {small:?}"));
    }
    if host {
        let Some(name) = drawing.labels.iter().find(|l| l.host) else {
            return Err(format!("{what}: the host's name is not drawn: {drawing:?}"));
        };
        if !drawing.rect.holds(&name.rect) {
            return Err(format!(
                "{what}: the host's name {name:?} leaves the drawing"
            ));
        }
    }
    Ok(fill)
}

/// Scrolls `#network` into view and saves a screenshot of the window.
async fn shoot_network(session: &Session, name: &str) -> Result<(), String> {
    run(
        session,
        "document.querySelector('.network-panel').scrollIntoView(true)",
    )
    .await?;
    let shot = session.screenshot(name).await?;
    println!("screenshot: {}", shot.display());
    Ok(())
}

/// The verdict's top on screen, CSS pixels from the window's top, and the window's height.
async fn verdict_top(session: &Session) -> Result<(f64, f64), String> {
    let v = run(
        session,
        "return [document.querySelector('#verdict').getBoundingClientRect().top, innerHeight]",
    )
    .await?;
    Ok((
        v[0].as_f64().unwrap_or(f64::NAN),
        v[1].as_f64().unwrap_or(0.0),
    ))
}

#[tokio::test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
#[cfg_attr(
    not(samples_absent),
    ignore = "needs dist/ and chromedriver; run by make test"
)]
async fn the_telegram_export_reads_at_every_size() {
    let path = telegram();
    assert!(path.is_file(), "{} is missing", path.display());
    for look in LOOKS {
        let session = look.open("readable-telegram", "").await;
        let outcome = async {
            look.check(&session).await?;
            let (_, _, host) = upload(&session, &path).await?;
            let (top, height) = wait_until("the verdict in view", PATIENCE, || async {
                let (top, height) = verdict_top(&session).await?;
                Ok(if top >= -1.0 && top < height * 0.5 {
                    Poll::Ready((top, height))
                } else {
                    Poll::NotYet(format!("the verdict's top at {top} px of {height}"))
                })
            })
            .await?;
            println!(
                "{}: the verdict's top at {top:.0} px of {height:.0}",
                look.name
            );
            let shot = session
                .screenshot(&format!("readable-telegram-{}", look.name))
                .await?;
            println!("screenshot: {}", shot.display());
            check_drawing(&session, host, look.name).await?;
            shoot_network(
                &session,
                &format!("readable-telegram-network-{}", look.name),
            )
            .await
        }
        .await;
        session.finish(outcome).await;
    }
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn ten_thousand_people_read_at_every_size() {
    let path = written("ten_thousand.csv", &ten_thousand());
    for look in LOOKS {
        let session = look.open("readable-10k", "").await;
        let outcome = async {
            look.check(&session).await?;
            let (_, _, host) = upload(&session, &path).await?;
            check_drawing(&session, host, look.name).await?;
            shoot_network(&session, &format!("readable-10k-{}", look.name)).await
        }
        .await;
        session.finish(outcome).await;
    }
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn a_phone_opens_on_the_answer_and_the_way_in() {
    let look = LOOKS[2];
    let session = look.open("readable-first-screen", "").await;
    let outcome = async {
        look.check(&session).await?;
        session
            .wait_for("the sample's report", |s| s.shows_analysis())
            .await?;
        let seen = run(
            &session,
            "const top = (s) => document.querySelector(s).getBoundingClientRect().bottom; \
             return [top('#verdict .headline'), top('label[for=file-input]'), innerHeight]",
        )
        .await?;
        let at = |k: usize| seen[k].as_f64().unwrap_or(f64::INFINITY);
        println!(
            "first phone screen: headline ends at {:.0} px, Choose files at {:.0} px, of {:.0}",
            at(0),
            at(1),
            at(2)
        );
        session.screenshot("readable-first-screen-phone").await?;
        if at(0) > at(2) || at(1) > at(2) {
            return Err(format!(
                "the first screen misses the answer or the way in: {seen}"
            ));
        }
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn the_embed_is_a_compact_card() {
    for look in [LOOKS[0], LOOKS[2]] {
        let session = look.open("readable-embed", "demo-blog.html").await;
        let outcome = async {
            look.check(&session).await?;
            let script = "const f = document.querySelector('peerscope-widget iframe'); \
                return f && f.contentDocument && f.contentDocument.querySelector('#verdict') \
                ? f.offsetHeight : 0";
            let (last, steady) = (Cell::new(0.0), Cell::new(0));
            // Settled: the same height, with the report inside, for ten looks in a row.
            let height = wait_until("the widget's height to settle", PATIENCE, || async {
                let h = run(&session, script).await?.as_f64().unwrap_or(0.0);
                let same = h > 0.0 && h == last.get();
                steady.set(if same { steady.get() + 1 } else { 0 });
                last.set(h);
                Ok(if steady.get() >= 10 {
                    Poll::Ready(h)
                } else {
                    Poll::NotYet(format!("{h} px"))
                })
            })
            .await?;
            println!("{}: the embed is {height:.0} px tall", look.name);
            run(
                &session,
                "document.querySelector('peerscope-widget').scrollIntoView(true)",
            )
            .await?;
            session
                .screenshot(&format!("readable-embed-{}", look.name))
                .await?;
            if height > MOST_EMBED_PX {
                return Err(format!("{}: the embed is {height} px tall", look.name));
            }
            Ok(())
        }
        .await;
        session.finish(outcome).await;
    }
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn axe_finds_nothing_serious_with_each_label() {
    let audience = written("audience.csv", &audience());
    let fixtures = [
        ("community", repo().join("tests/fixtures/e2e_upload.json")),
        (
            "undetermined",
            repo().join("tests/fixtures/discord_lobby.json"),
        ),
        ("audience", audience),
    ];
    let mut found = Vec::new();
    for look in [LOOKS[0], LOOKS[1], LOOKS[2]] {
        let session = look.open("readable-axe", "").await;
        let outcome = async {
            look.check(&session).await?;
            session
                .wait_for("the sample's report", |s| s.shows_analysis())
                .await?;
            let label = session.state().await?.label.unwrap_or_default();
            report(&session, look, &label, &mut found).await?;
            for (want, path) in &fixtures {
                let (label, _, _) = upload_next(&session, path).await?;
                assert_eq!(&label, want, "{} is no longer {want}", path.display());
                report(&session, look, &label, &mut found).await?;
            }
            Ok(())
        }
        .await;
        session.finish(outcome).await;
    }
    assert!(
        found.is_empty(),
        "axe-core found serious or critical violations:\n{}",
        found.join("\n")
    );
}

/// Runs axe-core with `label` on screen, prints the label's colours and adds what it found.
async fn report(
    session: &Session,
    look: Look,
    label: &str,
    found: &mut Vec<String>,
) -> Result<(), String> {
    let colours = run(
        session,
        "const l = document.querySelector('#verdict .label'); const s = getComputedStyle(l); \
         return [l.textContent, s.color, getComputedStyle(document.body).backgroundColor]",
    )
    .await?;
    let violations = session.axe().await?;
    println!(
        "axe, {} with {label}: {} serious or critical; label {colours}",
        look.name,
        violations.len()
    );
    found.extend(
        violations
            .into_iter()
            .map(|v| format!("{} {label}: {v}", look.name)),
    );
    Ok(())
}

/// Writes `text` to `target/e2e/readable/<name>` and returns the path.
fn written(name: &str, text: &str) -> PathBuf {
    let dir = repo().join("target/e2e/readable");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A host everyone talks with and nobody else: ties as CSV.
fn audience() -> String {
    let mut out = String::from("source,target,weight,time\n");
    for k in 0..40 {
        let day = 1 + k % 28;
        out += &format!("fan{k},mira,2,2024-05-{day:02}T10:00:00Z\n");
        out += &format!("mira,fan{k},1,2024-05-{day:02}T11:00:00Z\n");
    }
    out
}

/// 10 000 people as messages CSV: groups of 80 who answer each other, a host whose posts
/// every fourth person answers, and one person in seven who wrote but answered nobody.
fn ten_thousand() -> String {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n.max(1)
    };
    let time = |k: u64| format!("2024-03-{:02}T{:02}:{:02}:00Z", 1 + k % 28, k % 24, k % 60);
    let mut out = String::from("message_id,user,created_at,parent_id,mentions,content\n");
    for k in 0..200 {
        out += &format!("h{k},host,{},,,post {k}\n", time(k));
    }
    let people = 10_000u64;
    for p in 0..people {
        out += &format!("p{p},person{p},{},,,hello\n", time(p));
    }
    for p in (0..people).filter(|p| p % 7 != 0) {
        let group = p / 80;
        for _ in 0..2 {
            let other = group * 80 + next(80);
            if other != p && other % 7 != 0 && other < people {
                out += &format!("r{p}x{other},person{p},{},p{other},,yes\n", time(p + 1));
            }
        }
        if p % 4 == 0 {
            let post = next(200);
            out += &format!("a{p},person{p},{},h{post},,thanks\n", time(p + 2));
        }
    }
    out
}
