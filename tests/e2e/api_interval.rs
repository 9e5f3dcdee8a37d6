//! End to end, the JS API's verdict first: `analyze(input, { interval: false })` against
//! the core's report without the interval, `addInterval()` against the CLI's report, the
//! aliases kept across the two calls, and the sentences when nothing is kept.
//!
//! ```text
//! cargo test -p peerscope-web --test e2e api_interval:: -- --ignored --test-threads=1
//! ```

use serde_json::Value;

use crate::embed::same_json;
use crate::support::{dist, repo, Session};
use peerscope_core::{
    import::Input,
    model::options::Options,
    report::analyze::{report_in_milestones, report_without_interval},
};

/// The export the tests upload (the one `smoke.rs` uses).
const FIXTURE: &str = "tests/fixtures/e2e_upload.json";

/// The calls, in the page; each report comes back as JSON text, each error as its message.
const SCRIPT: &str = r#"
    const api = window.wasmBindings;
    const [text, name] = arguments;
    const tried = (call) => { try { call(); return ''; } catch (e) { return String(e.message); } };
    const first = api.analyze(text, { name, interval: false });
    const whole = api.addInterval();
    const twice = tried(() => api.addInterval());
    api.analyze(text, { name, anonymise: true, interval: false });
    api.releaseAnalysis();
    const released = tried(() => api.addInterval());
    const hidden = api.analyze(new TextEncoder().encode(text), { name, anonymise: true, interval: false });
    const hiddenWhole = api.addInterval();
    const hiddenAtOnce = api.analyze(text, { name, anonymise: true });
    return { first: JSON.stringify(first), whole: JSON.stringify(whole), twice, released,
        hidden: JSON.stringify(hidden), hidden_whole: JSON.stringify(hiddenWhole),
        hidden_at_once: JSON.stringify(hiddenAtOnce) };
"#;

#[tokio::test]
#[ignore = "needs dist/ and chromedriver; run by make test"]
async fn the_verdict_first_then_add_interval_gives_the_clis_report() {
    let path = repo().join(FIXTURE);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let input = Input::new("e2e_upload.json", bytes);
    let dataset = peerscope_core::import::import(std::slice::from_ref(&input), None)
        .unwrap_or_else(|e| panic!("the core cannot import {FIXTURE}: {e}"));
    let options = Options::default();
    let cli = report_in_milestones(&dataset, &options, false, &|_| {})
        .unwrap()
        .report;
    let first = report_without_interval(&dataset, &options, false).unwrap();
    let session = Session::open_at("api-interval", &dist(), "").await;
    let outcome = async {
        session
            .wait_for("the sample's report", |s| s.shows_analysis())
            .await?;
        let text = String::from_utf8_lossy(&input.bytes).into_owned();
        let args = vec![Value::from(text), Value::from(input.name.clone())];
        let value = session.client.execute(SCRIPT, args).await;
        let value = value.map_err(|e| e.to_string())?;
        let parse = |key: &str| -> Result<Value, String> {
            let raw = value[key]
                .as_str()
                .ok_or_else(|| format!("no {key} in {value}"))?;
            serde_json::from_str(raw).map_err(|e| format!("{key} is not JSON: {e}"))
        };
        let json = |r| serde_json::to_value(r).map_err(|e: serde_json::Error| e.to_string());
        let want_first = json(&first.report)?;
        if !want_first["verdict"]["interval"].is_null() || !want_first["trend"].is_null() {
            return Err("the core's first report already has an interval or a trend".into());
        }
        if json(&cli)?["verdict"]["interval"].is_null() {
            return Err(format!(
                "the CLI's report of {FIXTURE} has no interval to compare"
            ));
        }
        same_json(&parse("first")?, &want_first, "verdict-first report")?;
        same_json(&parse("whole")?, &json(&cli)?, "report after addInterval()")?;
        let hidden = parse("hidden_whole")?;
        same_json(
            &hidden,
            &parse("hidden_at_once")?,
            "anonymised, two calls against one",
        )?;
        if hidden["verdict"]["interval"].is_null() || !parse("hidden")?["trend"].is_null() {
            return Err("the anonymised calls did not split at the interval".into());
        }
        for key in ["twice", "released"] {
            let said = value[key].as_str().unwrap_or_default();
            if !said.contains("addInterval()") || said.matches(". ").count() > 0 {
                return Err(format!(
                    "{key}: addInterval() with nothing kept said {said:?}"
                ));
            }
        }
        Ok(())
    }
    .await;
    session.finish(outcome).await;
}
