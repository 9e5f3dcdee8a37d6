//! End to end, the canvas network after "remove the host" and its SVG download:
//! the release build in headless Chromium, a generated edge list of several thousand
//! people uploaded (well past the canvas thresholds), then
//!
//! - `#remove-host` re-settles a few ForceAtlas2 iterations a frame: frames keep coming
//!   (no gap between two animation frames above [`GAP_BOUND_MS`]), the named people move
//!   over several frames and then stop moving, and `#resilience-note` says the core's
//!   numbers;
//! - `#export-svg` on the canvas network downloads an SVG that the browser parses as XML,
//!   with one `circle` a person and one `line` a tie, and two hostile names kept as text.
//!
//! The frame gaps and the longest main-thread task (PerformanceObserver `longtask`) are
//! printed. `PEERSCOPE_RESETTLE_EXPORT=target/bench/discord-100k.json` makes
//! `resettle_timing_on_an_export` measure the same on that export instead (numbers only).
//!
//! ```text
//! cargo test -p peerscope-web --test e2e resettle:: -- --ignored --test-threads=1
//! ```

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::support::downloads::text_of;
use crate::support::page::run;
use crate::support::{repo, wait_until, Poll, Session, PATIENCE};
use peerscope_core::model::random::SplitMix;
use peerscope_core::{
    import::Input, model::options::Options, report::analyze, report::analyze::Analysis,
};

/// People and ties of the generated network: the size of the 100 k-message Discord
/// export's network (~5 000 people), where re-settling in one go froze the page.
const PEOPLE: usize = 4_000;
const TIES: usize = 16_000;
/// People who reply to the host (person 0): enough that the host is detected.
const HOST_REPLIERS: usize = 1_500;
/// Two of the people are named like markup (`tests/fixtures/hostile_names.json`'s kind).
const HOSTILE: [&str; 2] = [
    "<img src=x onerror=alert(1)>",
    "\"><script>alert(1)</script>",
];
/// The longest allowed gap between two animation frames while re-settling: a freeze
/// guard. A frame is ~17 ms; on this slow shared machine (2 cores, a debug-built test
/// driver beside the browser) one redraw of ~4 000 people and 16 000 ties plus an
/// iteration takes up to ~80 ms, and the one-go re-settle measured ~100 ms here, so
/// 200 ms leaves room for a busy machine yet fails a page that stops drawing; that the
/// re-settle is stepped is checked by the names moving over several frames.
const GAP_BOUND_MS: f64 = 200.0;

/// A person's name in the edge list: CSV-quoted, so the hostile ones survive.
fn name(i: usize) -> String {
    let raw = HOSTILE
        .get(i.wrapping_sub(10))
        .map_or_else(|| format!("member{i:04}"), |s| (*s).to_string());
    format!("\"{}\"", raw.replace('"', "\"\""))
}

/// A seeded edge list (`source,target,weight`): everyone replies to someone earlier, many
/// to person 0 (the host), the rest at random.
fn edge_list() -> String {
    let mut rng = SplitMix(0x5E77_1E00);
    let mut seen = std::collections::HashSet::new();
    let mut lines = vec!["source,target,weight".to_string()];
    let mut add = |a: usize, b: usize, rng: &mut SplitMix| {
        let new = a != b && seen.insert((a.min(b), a.max(b)));
        if new {
            lines.push(format!("{},{},{}", name(a), name(b), 1 + rng.below(4)));
        }
        new
    };
    let mut ties = 0;
    for v in 1..PEOPLE {
        let earlier = if v <= HOST_REPLIERS {
            0
        } else {
            rng.below(v as u64) as usize
        };
        ties += usize::from(add(v, earlier, &mut rng));
    }
    while ties < TIES {
        let (a, b) = (rng.below(PEOPLE as u64), rng.below(PEOPLE as u64));
        ties += usize::from(add(a as usize, b as usize, &mut rng));
    }
    lines.join("\n") + "\n"
}

/// Writes the edge list under `target/e2e/` and analyses it in-process.
fn expected() -> (PathBuf, Analysis) {
    let text = edge_list();
    let dir = repo().join("target").join("e2e");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {dir:?}: {e}"));
    let path = dir.join("resettle-network.csv");
    std::fs::write(&path, &text).unwrap_or_else(|e| panic!("cannot write {path:?}: {e}"));
    let input = Input::new("resettle-network.csv", text.into_bytes());
    let analysis = analyze(&[input], &Options::default())
        .unwrap_or_else(|e| panic!("the core cannot analyse the generated network: {e}"));
    (path, analysis)
}

/// Uploads `path` and waits for a canvas of `people` (any number when `None`).
async fn upload(session: &Session, path: &Path, people: Option<usize>) -> Result<(), String> {
    session
        .wait_for("the sample", |s| s.shows_analysis())
        .await?;
    session.upload(path).await?;
    let script = "const c = document.querySelector('canvas#network'); \
        return c ? Number(c.getAttribute('data-nodes')) : -1;";
    wait_until("the canvas network", PATIENCE * 3, || async {
        let now = run(session, script).await?;
        let ok = now
            .as_u64()
            .is_some_and(|k| people.is_none_or(|p| k == p as u64));
        Ok(if ok && now != json!(-1) {
            Poll::Ready(())
        } else {
            Poll::NotYet(now.to_string())
        })
    })
    .await
}

/// Waits for the score's interval: on an export this big it is the worker's last answer,
/// after the layout, and its arrival redraws the report, which is import work the frame
/// timing below must not count.
async fn interval_arrived(session: &Session) -> Result<(), String> {
    let script = "const i = document.querySelector('#verdict-interval'); \
        return !!(i && i.getAttribute('data-low'));";
    wait_until("the score's interval", PATIENCE, || async {
        let now = run(session, script).await?;
        Ok(if now == json!(true) {
            Poll::Ready(())
        } else {
            Poll::NotYet(now.to_string())
        })
    })
    .await
}

/// Records every animation frame; once the page is idle (30 frames in a row under 50 ms
/// apart, so the import's last work is not counted), clicks `#remove-host`, then keeps
/// each frame's gap to the one before, where the named people are, and the longest task
/// that started after the click.
const RECORD_AND_CLICK: &str = r#"
const f = window.__frames = {gaps: [], spots: [], last: 0, long: 0, calm: 0, at: -1};
const spot = () => [...document.querySelectorAll('.network-names .name')]
  .map((s) => s.style.left + ' ' + s.style.top).join(';');
const tick = (t) => {
  const gap = f.last ? t - f.last : 0;
  f.last = t;
  if (f.at < 0) {
    f.calm = gap > 0 && gap < 50 ? f.calm + 1 : 0;
    if (f.calm >= 30) {
      f.spots.push(spot());
      f.at = performance.now();
      document.querySelector('#remove-host').click();
    }
  } else {
    f.gaps.push(gap);
    f.spots.push(spot());
  }
  requestAnimationFrame(tick);
};
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (f.at >= 0 && e.startTime + e.duration > f.at) f.long = Math.max(f.long, e.duration);
    }
  }).observe({type: 'longtask'});
} catch (e) { f.long = -1; }
requestAnimationFrame(tick);
return true;
"#;

/// What the recording says so far.
const FRAMES: &str = r#"
const f = window.__frames;
const still = f.spots.slice(-30);
return {
  frames: f.gaps.length,
  longest_gap: Math.max(0, ...f.gaps),
  longest_task: f.long,
  places: new Set(f.spots).size,
  still: still.length === 30 && still.every((s) => s === still[0]),
  note: (document.querySelector('#resilience-note') || {}).textContent || '',
  gaps: f.gaps.map(Math.round).join(' '),
};
"#;

/// Clicks `#remove-host` while recording frames; returns the recording once the names
/// have not moved for 30 frames.
async fn resettle(session: &Session) -> Result<Value, String> {
    run(session, RECORD_AND_CLICK).await?;
    let outcome = wait_until("the picture to settle", PATIENCE * 2, || async {
        let now = run(session, FRAMES).await?;
        // Settled: the names have not moved for 30 frames, well after the click.
        Ok(
            if now["still"] == true && now["frames"].as_u64() > Some(60) {
                Poll::Ready(now)
            } else {
                Poll::NotYet(now.to_string())
            },
        )
    })
    .await?;
    println!("re-settle: {outcome}");
    Ok(outcome)
}

/// The recording shows a re-settle that kept frames coming and moved over several frames.
fn smooth(frames: &Value) -> Result<(), String> {
    let gap = frames["longest_gap"].as_f64().unwrap_or(f64::MAX);
    if gap > GAP_BOUND_MS {
        return Err(format!("a {gap:.0} ms gap between frames: {frames}"));
    }
    // The start, at least two frames of the re-settle, the settled picture.
    if frames["places"].as_u64() < Some(4) {
        return Err(format!("the names jumped instead of moving: {frames}"));
    }
    Ok(())
}

#[tokio::test]
#[ignore = "needs the release build and chromedriver; run by make test"]
async fn removing_the_host_resettles_frame_by_frame() {
    let (path, analysis) = expected();
    let session = Session::open("resettle").await;
    let outcome = async {
        upload(&session, &path, Some(analysis.network.nodes.len())).await?;
        if analysis.report.verdict.score.is_some() {
            interval_arrived(&session).await?;
        }
        let frames = resettle(&session).await?;
        smooth(&frames)?;
        let r = &analysis.report.metrics.resilience;
        let count = |x: Option<f64>| x.map_or(-1, |v| v.round() as i64);
        let want = format!(
            "Without you, {} of {} members who talk here are still connected to each other.",
            count(r.num),
            count(r.den)
        );
        let note = frames["note"].as_str().unwrap_or_default();
        if !note.starts_with(&want) {
            return Err(format!(
                "#resilience-note is not the core's {want:?}: {note:?}"
            ));
        }
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

/// Counts, names and active content of an SVG text, parsed by the browser as XML.
const PARSE_SVG: &str = r#"
const doc = new DOMParser().parseFromString(arguments[0], 'image/svg+xml');
const broken = doc.getElementsByTagName('parsererror')[0];
const count = (tag) => doc.getElementsByTagName(tag).length;
return {
  error: broken ? broken.textContent : '',
  root: doc.documentElement.localName,
  circles: count('circle'), lines: count('line'),
  active: count('script') + count('img') + count('foreignObject'),
  titles: [...doc.getElementsByTagName('title')].map((t) => t.textContent),
};
"#;

#[tokio::test]
#[ignore = "needs the release build and chromedriver; run by make test"]
async fn canvas_network_downloads_an_svg() {
    let (path, analysis) = expected();
    let session = Session::open("resettle-svg").await;
    let outcome = async {
        let people = analysis.network.nodes.len();
        upload(&session, &path, Some(people)).await?;
        let text = text_of(&session, "export-svg").await?;
        let svg = session
            .client
            .execute(PARSE_SVG, vec![json!(text)])
            .await
            .map_err(|e| format!("cannot parse the SVG: {e}"))?;
        println!(
            "SVG: {} bytes, {} circles, {} lines",
            text.len(),
            svg["circles"],
            svg["lines"]
        );
        let ties = analysis.network.edges.len();
        if svg["error"] != "" || svg["root"] != "svg" {
            return Err(format!("not well-formed SVG: {}", svg["error"]));
        }
        if svg["circles"] != people || svg["lines"] != ties || svg["active"] != 0 {
            return Err(format!(
                "want {people} circles, {ties} lines, nothing active"
            ));
        }
        let titles = svg["titles"].as_array().cloned().unwrap_or_default();
        for hostile in HOSTILE {
            if !titles.contains(&json!(hostile)) {
                return Err(format!("{hostile:?} is not a title, as text"));
            }
        }
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}

/// The same recording on the export `PEERSCOPE_RESETTLE_EXPORT` names, printed, and held
/// to the same frame-gap bound. A measurement run by hand, so `make test` skips it; run
/// without the variable it fails rather than pass having measured nothing.
#[tokio::test]
#[ignore = "a measurement: needs PEERSCOPE_RESETTLE_EXPORT, the release build, chromedriver"]
async fn resettle_timing_on_an_export() {
    let Some(path) = std::env::var_os("PEERSCOPE_RESETTLE_EXPORT").map(PathBuf::from) else {
        panic!("set PEERSCOPE_RESETTLE_EXPORT to the export to measure (nothing measured)");
    };
    let path = if path.is_relative() {
        repo().join(path)
    } else {
        path
    };
    let session = Session::open("resettle-export").await;
    let outcome = async {
        upload(&session, &path, None).await?;
        smooth(&resettle(&session).await?)
    }
    .await;
    session.finish(outcome).await;
}
