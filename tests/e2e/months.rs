//! End to end, the network's month slider (docs/METRICS.md §11): the five-month trend
//! export uploaded through the worker (whose second answer brings the trend), then each
//! month chosen on `#month-slider`: the ties drawn between two members equal that
//! period's `ties` in the core's report of the same bytes, everyone keeps their place,
//! and `#month-play` steps to the next month on its own.
//!
//! By hand, after a release build:
//!
//! ```text
//! cargo test -p peerscope-web --test e2e months:: -- --ignored --test-threads=1
//! ```

use serde_json::Value;

use crate::support::page::{click, run};
use crate::support::{repo, wait_until, Poll, Session, PATIENCE};
use peerscope_core::import::{import, Input};
use peerscope_core::model::options::Options;
use peerscope_core::model::schema::Report;
use peerscope_core::report::analyze::report_with_interval;

/// The slider's state and the drawing's member ties: a line whose two ends are circles
/// of people who are not the host (ends matched by their coordinates).
const LOOK: &str = r#"
const slider = document.querySelector('#month-slider');
const net = document.querySelector('#network');
if (!slider || !net) { return null; }
const host = new Set();
const where = [];
for (const c of net.querySelectorAll('circle.person')) {
  const at = c.getAttribute('cx') + ',' + c.getAttribute('cy');
  where.push(at);
  if (c.classList.contains('role-host')) { host.add(at); }
}
let members = 0;
for (const l of net.querySelectorAll('g.edges line')) {
  const a = l.getAttribute('x1') + ',' + l.getAttribute('y1');
  const b = l.getAttribute('x2') + ',' + l.getAttribute('y2');
  if (!host.has(a) && !host.has(b)) { members += 1; }
}
return {
  at: Number(slider.value),
  max: Number(slider.max),
  label: document.querySelector('#month-label').textContent,
  members: members,
  places: where.join(' '),
};
"#;

/// The script that moves `#month-slider` to `at` and fires `input`, as dragging it does.
fn slide(at: usize) -> String {
    format!(
        "const s = document.querySelector('#month-slider'); s.value = '{at}'; \
         s.dispatchEvent(new Event('input', {{bubbles: true}})); return true;"
    )
}

async fn look_until(
    session: &Session,
    what: &str,
    ready: impl Fn(&Value) -> bool,
) -> Result<Value, String> {
    wait_until(what, PATIENCE, || async {
        let seen = run(session, LOOK).await?;
        Ok(if !seen.is_null() && ready(&seen) {
            Poll::Ready(seen)
        } else {
            Poll::NotYet(seen.to_string())
        })
    })
    .await
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn each_month_draws_that_period_s_member_ties() {
    let name = "trend_export.csv";
    let path = repo().join("tests/fixtures").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let data = import(&[Input::new(name, bytes)], None).unwrap();
    let report: Report = report_with_interval(&data, &Options::default()).unwrap();
    let periods = report
        .trend
        .as_ref()
        .map(|t| t.periods.clone())
        .unwrap_or_default();
    assert_eq!(periods.len(), 5, "five months");
    let session = Session::open("months").await;
    let outcome = async {
        session.upload(&path).await?;
        let first = look_until(&session, "the slider over five months", |v| {
            v["max"] == 5 && v["at"] == 0
        })
        .await?;
        for (i, period) in periods.iter().enumerate() {
            let at = i + 1;
            run(&session, &slide(at)).await?;
            let ties = period.ties;
            let seen = look_until(
                &session,
                &format!("{}: {ties} member ties", period.start),
                |v| v["at"] == at && v["members"] == ties,
            )
            .await?;
            println!("{}: {} member ties drawn", seen["label"], seen["members"]);
            if seen["places"] != first["places"] {
                return Err(format!("people moved in {}", period.start));
            }
        }
        // Back to the first month, then play: it moves on by itself.
        run(&session, &slide(1)).await?;
        click(&session, "#month-play").await?;
        look_until(&session, "playing on to the second month", |v| v["at"] == 2).await?;
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}
