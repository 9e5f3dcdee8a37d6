//! A worker that dies while it lays a re-analysis out: the page must say so, not wait.
//!
//! On a big export the worker answers a job three times: the verdict, then the laid-out
//! network, then the score's interval (`src/import/in_worker.rs`). Between the first two
//! the page shows the verdict and "Laying out the network…"; the layout is the part of the
//! analysis that needs the most memory, so it is where a worker that runs out of it dies.
//! A death there used to be silent: the importer had forgotten the job with its verdict,
//! so the page kept laying out forever with no error and no import running (`#network`
//! absent, `busy` false, the kept import's `importMs` 0), which is the state the flaky run
//! of `a_big_export_imports_in_the_worker_and_the_page_keeps_painting` ended in.
//!
//! Here the browser's `Worker` is wrapped before the page loads (a DevTools script run on
//! every new document): after the second verdict with a network to follow, the wrapper
//! stops passing messages on, ends the real worker and fires an `error` event, as a
//! worker killed by an out-of-memory trap does.

use super::*;

/// Wraps `Worker` so that it dies just after the `window.__crash.at`-th verdict whose
/// network follows (counted over every worker the page starts).
const CRASH_AFTER_VERDICT: &str = r#"
(() => {
  const Real = window.Worker;
  if (!Real) { return; }
  const onmessage = Object.getOwnPropertyDescriptor(Real.prototype, 'onmessage');
  const crash = window.__crash = { at: 2, verdicts: 0, crashed: false };
  window.Worker = class extends Real {
    constructor(...args) {
      super(...args);
      const worker = this;
      let dead = false;
      Object.defineProperty(worker, 'onmessage', {
        get() { return onmessage.get.call(worker); },
        set(handler) {
          const heard = handler && ((event) => {
            if (dead) { return; }
            handler(event);
            const done = event.data && event.data.Done;
            if (done && done.network_follows && ++crash.verdicts === crash.at) {
              dead = crash.crashed = true;
              Real.prototype.terminate.call(worker);
              setTimeout(() => worker.dispatchEvent(
                new ErrorEvent('error', { message: 'simulated out of memory' })), 0);
            }
          });
          onmessage.set.call(worker, heard);
        },
      });
    }
  };
})();
"#;

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn a_worker_dying_while_it_lays_out_is_said_and_the_next_choice_recovers() {
    let export = export(30_000, 7);
    let session = open("import-crash", "").await;
    let outcome = async {
        let script = serde_json::json!({ "source": CRASH_AFTER_VERDICT });
        session
            .cdp("Page.addScriptToEvaluateOnNewDocument", script)
            .await?;
        session
            .client
            .refresh()
            .await
            .map_err(|e| format!("cannot reload: {e}"))?;
        sample_on_screen(&session).await?;
        import_recorded(&session, &export).await?;
        choose_goal(&session, "reach").await?;
        let said = look_until(&session, "the crash while laying out to be said", |l| {
            l["error"]
                .as_str()
                .is_some_and(|e| e.contains("The import stopped before the end"))
                && l["busy"] == false
        })
        .await?;
        let crashed = run(&session, "return window.__crash.crashed;").await?;
        if crashed != true || said["goal"] != "reach" {
            return Err(format!(
                "not the crash after the verdict: {said}, {crashed}"
            ));
        }
        // The next choice runs on a fresh worker, which reads the file again.
        choose_goal(&session, "connection").await?;
        let again = look_until(&session, "the report from a fresh worker", |l| {
            l["goal"] == "connection" && l["busy"] == false && l["people"].is_number()
        })
        .await?;
        if again["people"] != export.people || !again["error"].as_str().unwrap_or("x").is_empty() {
            return Err(format!("the next choice did not recover: {again}"));
        }
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}
