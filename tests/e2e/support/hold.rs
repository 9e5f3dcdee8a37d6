//! Holding back what the page's workers say, so that a test can act while an import is
//! certainly still running.
//!
//! A test that cancels an import races it: the 48 MB export took 240 ms in CI's worker, and
//! the click landed after the report (the flaky `a_cancelled_import_leaves_the_previous_report`
//! of session 12). Making the file bigger only moves the race. Instead the browser's `Worker`
//! is wrapped before the page loads (a DevTools script run on every new document, as
//! `import/crash.rs` does): while `window.__hold.on` is true, every message about a job (one
//! that carries the job's `id`: progress, verdict, layout, interval, failure) is kept back,
//! so the page cannot learn that the import ended. A worker's start-up messages (`Ready`,
//! `Unusable`) always pass: the cancel starts a fresh worker at once, and the page waits
//! for its `Ready` before the next job (holding that one hung the next import in CI).
//! Releasing drops what was kept, because the test only releases after the page has
//! stopped the worker those messages came from.

use serde_json::json;

use super::page::run;
use super::Session;

/// Wraps `Worker` so that messages about a job reach the page's handler only while
/// `__hold.on` is false; `__hold.held` counts the messages kept back.
const HOLD_WORKER_MESSAGES: &str = r#"
(() => {
  const Real = window.Worker;
  if (!Real) { return; }
  const onmessage = Object.getOwnPropertyDescriptor(Real.prototype, 'onmessage');
  const hold = window.__hold = { on: false, held: 0 };
  window.Worker = class extends Real {
    constructor(...args) {
      super(...args);
      const worker = this;
      Object.defineProperty(worker, 'onmessage', {
        get() { return onmessage.get.call(worker); },
        set(handler) {
          const heard = handler && ((event) => {
            const data = event.data;
            const body = data && typeof data === 'object' ? Object.values(data)[0] : null;
            const aboutAJob = !!body && typeof body === 'object' && 'id' in body;
            if (hold.on && aboutAJob) { hold.held += 1; return; }
            handler(event);
          });
          onmessage.set.call(worker, heard);
        },
      });
    }
  };
})();
"#;

impl Session {
    /// Installs the wrapper of [`HOLD_WORKER_MESSAGES`] and reloads the page, so that every
    /// worker the page starts from now on can be held with [`Session::hold_workers`].
    pub async fn wrap_workers_for_holding(&self) -> Result<(), String> {
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": HOLD_WORKER_MESSAGES }),
        )
        .await?;
        self.client
            .refresh()
            .await
            .map_err(|e| format!("cannot reload: {e}"))
    }

    /// Starts (`true`) or ends (`false`) holding back workers' messages; ending drops the
    /// ones held. Returns how many were held so far.
    pub async fn hold_workers(&self, on: bool) -> Result<u64, String> {
        let script = format!(
            "if (!window.__hold) {{ throw new Error('workers are not wrapped'); }}
             window.__hold.on = {on};
             return window.__hold.held;"
        );
        let held = run(self, &script).await?;
        held.as_u64()
            .ok_or_else(|| format!("__hold.held is not a count: {held}"))
    }
}
