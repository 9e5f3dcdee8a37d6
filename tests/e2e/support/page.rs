//! Two small page actions the end-to-end suites share: run a script, click an element.

use fantoccini::Locator;
use serde_json::Value;

use super::Session;

/// Runs `script` in the page and returns its value; the error names the script.
pub async fn run(session: &Session, script: &str) -> Result<Value, String> {
    session
        .client
        .execute(script, Vec::new())
        .await
        .map_err(|e| format!("script failed: {e}\n{script}"))
}

/// Clicks the element `css` selects; the error says whether it was missing or unclickable.
pub async fn click(session: &Session, css: &str) -> Result<(), String> {
    let element = session
        .client
        .find(Locator::Css(css))
        .await
        .map_err(|e| format!("the page has no {css}: {e}"))?;
    element
        .click()
        .await
        .map_err(|e| format!("cannot click {css}: {e}"))
}
