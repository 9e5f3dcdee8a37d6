//! The hostile-names fixture the `hostile` and `hostile_exports` modules share: its
//! people's names, the core's analysis of it (checked to name them where the page shows
//! people), uploading it under watch, and one look for anything it could have injected
//! into the page.
//!
//! `tests/fixtures/hostile_names.json` is a Discord export whose people are named like an
//! `<img onerror>`, a `<script>`, a spreadsheet formula, a right-to-left override and a
//! zero-width-joined word; the `<img>` one is the host, the others leaders or in the close
//! core. Its server and channel are named like markup too.

use serde_json::{json, Value};

use super::page::run;
use super::watch::{install, watched};
use super::{repo, Session};
use peerscope_core::draw::view::Role;
use peerscope_core::{
    import::Input, model::options::Options, report::analyze, report::analyze::Analysis,
};

pub const FIXTURE: &str = "tests/fixtures/hostile_names.json";
pub const HOST: &str = "<img src=x onerror=alert(1)>";
pub const SCRIPT: &str = "\"><script>window.__pwned=1</script>";
pub const FORMULA: &str = "=HYPERLINK(\"http://x\")";
/// Shows as "exe.png": U+202E turns the rest of the line around.
pub const RTL: &str = "\u{202E}gnp.exe\u{202C}";
/// Looks like "JaneDoe": two zero-width joiners inside.
pub const ZWJ: &str = "Ja\u{200D}ne\u{200D}Doe";
pub const HOSTILE: [&str; 5] = [HOST, SCRIPT, FORMULA, RTL, ZWJ];

/// The core's analysis of the fixture with the page's default options, checked to have
/// the shape the test needs: otherwise a name could pass by never being shown.
pub fn expected() -> (std::path::PathBuf, Analysis) {
    let path = repo().join(FIXTURE);
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("cannot read the fixture {}: {e}", path.display()));
    let analysis = analyze(
        &[Input::new("hostile_names.json", bytes)],
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("the core cannot analyse {FIXTURE}: {e}"));
    let role = |name: &str| {
        let node = analysis.network.nodes.iter().find(|n| n.name == name);
        node.map(|n| n.role)
            .unwrap_or_else(|| panic!("{FIXTURE} has nobody named {name:?}"))
    };
    let hosts: Vec<&str> = analysis
        .report
        .hosts
        .iter()
        .map(|h| h.name.as_str())
        .collect();
    assert_eq!(hosts, [HOST], "{FIXTURE}: the detected host");
    for name in [SCRIPT, FORMULA, RTL, ZWJ] {
        assert!(
            matches!(role(name), Role::Leader | Role::Core),
            "{FIXTURE}: {name:?} should be a leader or in the core, is {:?}",
            role(name)
        );
    }
    let named: Vec<&str> = analysis
        .report
        .checklist
        .iter()
        .flat_map(|s| s.people.iter().map(|p| p.name.as_str()))
        .collect();
    assert!(
        HOSTILE.iter().filter(|n| named.contains(n)).count() >= 2,
        "{FIXTURE}: the checklist should name at least two of them: {named:?}"
    );
    (path, analysis)
}

/// Waits for the sample, starts watching, uploads the fixture and waits for its people;
/// returns how many `<script>` elements the page had before the upload.
pub async fn hostile_on_screen(
    session: &Session,
    path: &std::path::Path,
    people: usize,
) -> Result<u64, String> {
    session
        .wait_for("the bundled sample", |s| s.shows_analysis())
        .await?;
    install(session).await?;
    let scripts = run(session, "return document.scripts.length;").await?;
    session.upload(path).await?;
    session
        .wait_for(&format!("{FIXTURE}'s {people} people"), |s| {
            s.nodes == Some(people) && s.circles == people && s.checklist >= 4
        })
        .await?;
    scripts
        .as_u64()
        .ok_or_else(|| format!("no script count: {scripts}"))
}

/// Everything that would show an injection, in one look.
const INJECTED: &str = r#"
const all = (css) => [...document.querySelectorAll(css)];
return {
  pwned: typeof window.__pwned,
  scripts: document.scripts.length,
  scripted: all('script').filter((s) => s.textContent.includes('__pwned')).length,
  img_x: all('img').filter((i) => i.getAttribute('src') === 'x').length,
  frames: all('iframe, object, embed, svg[onload], img[onerror]').length,
  handlers: all('*').flatMap((e) => [...e.attributes].map((a) => a.name)
    .filter((n) => n.toLowerCase().startsWith('on')).map((n) => e.localName + '[' + n + ']')),
};
"#;

/// Nothing ran, nothing failed to load and nothing was injected since
/// [`hostile_on_screen`].
pub async fn nothing_injected(session: &Session, scripts_before: u64) -> Result<(), String> {
    let seen = watched(session).await?;
    seen.no_dialog_and_no_panic()?;
    if let Some(line) = seen.log.iter().find(|l| l.contains("could not load")) {
        return Err(format!("the page tried to load something: {line}"));
    }
    let look = run(session, INJECTED).await?;
    let want = json!({
        "pwned": "undefined", "scripts": scripts_before, "scripted": 0, "img_x": 0,
        "frames": 0, "handlers": [],
    });
    if look != want {
        return Err(format!(
            "the hostile names changed the document: {look}, want {want}"
        ));
    }
    Ok(())
}

/// The text of every element `css` selects, in document order.
pub async fn texts(session: &Session, css: &str) -> Result<Vec<String>, String> {
    let value = session
        .client
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent);",
            vec![json!(css)],
        )
        .await
        .map_err(|e| format!("cannot read {css}: {e}"))?;
    Ok(strings(&value))
}

fn strings(value: &Value) -> Vec<String> {
    let list = value.as_array().into_iter().flatten();
    list.filter_map(Value::as_str).map(str::to_string).collect()
}

/// `list` in order, to compare as a set.
pub fn sorted(mut list: Vec<String>) -> Vec<String> {
    list.sort_unstable();
    list
}
