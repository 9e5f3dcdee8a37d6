//! Watches the page for what it must never do with a hostile or broken file: open a dialog
//! (`alert`, `confirm`, `prompt`: what an injected `onerror=alert(1)` would call), fail to
//! load a resource (an injected `<img src=x>`), throw (a wasm panic ends in a
//! `RuntimeError: unreachable`), or write an error to the console (the panic hook's
//! "panicked at").
//!
//! The harness has no access to the browser's console log, so [`install`] wraps the page's
//! own hooks instead; it checks that its traps fire before the test relies on them.

use serde_json::Value;

use super::page::run;
use super::Session;

/// Replaces the dialogs and wraps `console.error`, `console.warn` and the window's `error`
/// (captured, so resource errors count too) and `unhandledrejection` events; everything
/// goes into `window.__peerscopeWatch`. Then calls `alert` once to prove the trap works.
const INSTALL: &str = r#"
const watch = window.__peerscopeWatch = {dialogs: [], log: []};
const text = (parts) => parts.map((p) => (p && p.stack) || String(p)).join(' ');
for (const name of ['alert', 'confirm', 'prompt']) {
  window[name] = (...parts) => {
    watch.dialogs.push(name + '(' + text(parts) + ')');
    return null;
  };
}
for (const level of ['error', 'warn']) {
  const original = console[level].bind(console);
  console[level] = (...parts) => {
    watch.log.push('console.' + level + ': ' + text(parts));
    original(...parts);
  };
}
window.addEventListener('error', (e) => {
  const target = e.target && e.target !== window && e.target.outerHTML;
  const what = e.message || (target ? 'could not load ' + target.slice(0, 200) : e.type);
  watch.log.push('error: ' + what);
}, true);
window.addEventListener('unhandledrejection',
  (e) => watch.log.push('unhandled rejection: ' + text([e.reason])));
window.alert('probe');
const fired = watch.dialogs.length === 1 && watch.dialogs[0] === 'alert(probe)';
watch.dialogs.length = 0;
return fired;
"#;

/// What the page did since [`install`].
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Watched {
    /// Every dialog the page tried to open, as `alert(text)`.
    pub dialogs: Vec<String>,
    /// Console errors and warnings, uncaught errors and rejections, failed resource loads.
    pub log: Vec<String>,
}

impl Watched {
    /// No dialog, and nothing in the log that says the wasm panicked or trapped.
    pub fn no_dialog_and_no_panic(&self) -> Result<(), String> {
        let panics: Vec<&String> = self
            .log
            .iter()
            .filter(|line| {
                let lower = line.to_lowercase();
                lower.contains("panicked") || lower.contains("unreachable")
            })
            .collect();
        if self.dialogs.is_empty() && panics.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "the page opened dialogs {:?} and logged panics {panics:?} (whole log: {:?})",
                self.dialogs, self.log
            ))
        }
    }
}

/// Installs the traps; fails when the probe `alert` did not reach them.
pub async fn install(session: &Session) -> Result<(), String> {
    match run(session, INSTALL).await?.as_bool() {
        Some(true) => Ok(()),
        other => Err(format!(
            "the dialog trap did not catch a probe alert: {other:?}"
        )),
    }
}

/// What the traps caught so far; an error when they are gone (the page was reloaded).
pub async fn watched(session: &Session) -> Result<Watched, String> {
    let value = run(session, "return window.__peerscopeWatch || null;").await?;
    if value.is_null() {
        return Err("the watch is gone: the page was reloaded or replaced".to_string());
    }
    let list = |key: &str| -> Vec<String> {
        value
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            .collect()
    };
    Ok(Watched {
        dialogs: list("dialogs"),
        log: list("log"),
    })
}
