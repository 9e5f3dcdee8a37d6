//! End to end, a phone (390×844). With the bundled sample: what to do (the checklist)
//! follows the picture closely, the downloads come after it. With a real export whose file
//! name has no break point (`rtoot_context_mastodon.social_109294719267373593.json`, 2 days
//! of a Mastodon thread, from `../shared/samples`): the page never grows wider than the
//! screen, the newcomers panel says that two days cannot show newcomers (rather than "no
//! newcomers yet"), and the counts read "2 days".
//!
//! ```text
//! cargo test -p peerscope-web --test e2e phone:: -- --ignored --test-threads=1
//! ```

use std::path::PathBuf;

use serde_json::Value;

use crate::support::look::LOOKS;
use crate::support::page::run;
use crate::support::{repo, wait_until, Poll, PATIENCE};

/// On a phone, the checklist's heading is at most this far below the drawing's end, CSS
/// pixels. Measured on the sample: 257 (the colour switch, the legend and the folded
/// table between them); 674 while the network's downloads were there too (they are
/// 417 px tall), so they cannot come back unnoticed, and a few lines more can.
const MOST_PICTURE_TO_CHECKLIST_PX: f64 = 360.0;

/// Where the picture, the checklist and the downloads are, CSS pixels from the document's
/// top (`null` until all four are on the page), and the page's width.
const PLACES: &str = r#"
    const at = (css) => { const e = document.querySelector(css);
        return e ? e.getBoundingClientRect().top + scrollY : null; };
    const drawing = document.querySelector('#network');
    const places = [drawing && drawing.getBoundingClientRect().bottom + scrollY,
        at('#checklist-title'), at('#downloads-title'), at('#export-png')];
    return places.includes(null) ? null : [...places, document.documentElement.scrollWidth];
"#;

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn the_checklist_follows_the_picture_and_precedes_the_downloads() {
    let look = LOOKS[2];
    let session = look.open("phone-checklist", "").await;
    let outcome = async {
        look.check(&session).await?;
        session
            .wait_for("the sample's report", |s| s.shows_analysis())
            .await?;
        let places = wait_until(
            "the drawing, the checklist and the downloads",
            PATIENCE,
            || async {
                let seen = run(&session, PLACES).await?;
                Ok(match seen {
                    Value::Null => Poll::NotYet("one of them is not on the page".to_string()),
                    seen => Poll::Ready(seen),
                })
            },
        )
        .await?;
        session.screenshot("phone-checklist").await?;
        let at = |i: usize| places[i].as_f64().unwrap_or(f64::NAN);
        let (drawn, checklist, downloads, png, width) = (at(0), at(1), at(2), at(3), at(4));
        let gap = checklist - drawn;
        println!("the drawing ends at {drawn} px, the checklist's heading is at {checklist}");
        if !(0.0..=MOST_PICTURE_TO_CHECKLIST_PX).contains(&gap) {
            return Err(format!(
                "the checklist's heading is {gap} px below the drawing's end \
                 (at most {MOST_PICTURE_TO_CHECKLIST_PX})"
            ));
        }
        if !(checklist < downloads && downloads < png) {
            return Err(format!(
                "the checklist at {checklist} px, the downloads at {downloads}, \
                 #export-png at {png}: the network's downloads belong under Deeper"
            ));
        }
        if width > f64::from(look.width) {
            return Err(format!(
                "the page is {width} px wide on a {} px screen",
                look.width
            ));
        }
        every_fold_open_stays_inside(&session, look.width).await
    }
    .await;
    session.finish(outcome).await;
}

/// Opens every fold of the page (the network's table, Deeper's tables and lists) and
/// fails when the page then grows wider than `width`: a wide table scrolls inside its
/// fold instead (the network's table of people was 494 px wide on the sample).
async fn every_fold_open_stays_inside(
    session: &crate::support::Session,
    width: u32,
) -> Result<(), String> {
    const OPENED: &str = r#"
        document.querySelectorAll('details').forEach((d) => { d.open = true; });
        return document.querySelector('#people-table')
            ? document.documentElement.scrollWidth : null;
    "#;
    let wide = wait_until("every fold open", PATIENCE, || async {
        Ok(match run(session, OPENED).await? {
            Value::Null => Poll::NotYet("the network's table is not drawn yet".to_string()),
            seen => Poll::Ready(seen.as_f64().unwrap_or(f64::NAN)),
        })
    })
    .await?;
    session.screenshot("phone-folds-open").await?;
    if wide > f64::from(width) {
        return Err(format!(
            "with every fold open the page is {wide} px wide on a {width} px screen"
        ));
    }
    Ok(())
}

/// The Mastodon thread of 59 replies over 2 days.
fn mastodon() -> PathBuf {
    repo().join("../shared/samples/mastodon/rtoot_context_mastodon.social_109294719267373593.json")
}

/// What the test reads once the export is on screen: the page's width, the newcomers
/// panel and the counts' words.
const SEEN: &str = r#"
    const files = document.querySelector('.deeper .files');
    if (!files || !files.textContent.includes(arguments[0])) return null;
    return [document.documentElement.scrollWidth,
        document.querySelector('#newcomers')?.textContent ?? '',
        [...document.querySelectorAll('#counts dt')].map((d) => d.textContent)];
"#;

#[tokio::test]
#[cfg_attr(
    samples_absent,
    ignore = "../shared/samples is absent: the real exports by other people are not in this checkout"
)]
#[cfg_attr(
    not(samples_absent),
    ignore = "needs dist/ and chromedriver; run by make test"
)]
async fn a_long_file_name_stays_inside_a_phone_screen() {
    let path = mastodon();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let look = LOOKS[2];
    let session = look.open("phone-long-name", "").await;
    let outcome = async {
        look.check(&session).await?;
        session
            .wait_for("the sample's report", |s| s.shows_analysis())
            .await?;
        session.upload(&path).await?;
        let seen = wait_until("the Mastodon thread's report", PATIENCE, || async {
            let script = SEEN.replace("arguments[0]", &format!("{name:?}"));
            let seen = run(&session, &script).await?;
            Ok(if seen.is_null() {
                Poll::NotYet("the file's name under Deeper".to_string())
            } else {
                Poll::Ready(seen)
            })
        })
        .await?;
        session.screenshot("phone-long-name").await?;
        // The screen's width, not innerWidth: a mobile layout viewport grows to fit what
        // overflows it.
        let (page, window) = (seen[0].as_f64().unwrap(), f64::from(look.width));
        if page > window {
            return Err(format!(
                "the page is {page} px wide on a {window} px screen"
            ));
        }
        let newcomers = seen[1].as_str().unwrap_or("");
        if !newcomers.contains("Not observable in this export: it covers 2 days") {
            return Err(format!("newcomers on a 2-day export: {newcomers:?}"));
        }
        let words: Vec<&str> = seen[2]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        if !words.contains(&"days") {
            return Err(format!("the counts read {words:?}"));
        }
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}
