//! Reading the files the page's download buttons make, without a download folder: every
//! button keeps its last file on itself (`src/network/export.rs`): a text file's Blob as the
//! `peerscopeFile` property, a PNG as a `data:` URL in `data-href`.

use base64::Engine;
use serde_json::{json, Value};

use super::page::{click, run};
use super::{wait_until, Poll, Session, PATIENCE};

/// Forgets what `#id` made before, so a wait sees the file of the next click only.
async fn forget(session: &Session, id: &str) -> Result<(), String> {
    session
        .client
        .execute(
            "const b = document.getElementById(arguments[0]); \
             if (b) { delete b.peerscopeFile; b.removeAttribute('data-href'); } return !!b;",
            vec![json!(id)],
        )
        .await
        .map_err(|e| format!("cannot reset #{id}: {e}"))?
        .as_bool()
        .filter(|found| *found)
        .map(|_| ())
        .ok_or_else(|| format!("the page has no #{id}"))
}

/// Clicks `#id` and returns the text of the file it made.
pub async fn text_of(session: &Session, id: &str) -> Result<String, String> {
    forget(session, id).await?;
    click(session, &format!("#{id}")).await?;
    let read = "const done = arguments[arguments.length - 1]; \
        const b = document.getElementById(arguments[0]); \
        if (!b || !b.peerscopeFile) { done(null); return; } \
        b.peerscopeFile.text().then(done, (e) => done('cannot read: ' + e));";
    wait_until(&format!("#{id}'s file"), PATIENCE, || async {
        let value = session
            .client
            .execute_async(read, vec![json!(id)])
            .await
            .map_err(|e| format!("cannot read #{id}'s file: {e}"))?;
        Ok(match value.as_str() {
            Some(text) => Poll::Ready(text.to_string()),
            None => Poll::NotYet(format!("{value}")),
        })
    })
    .await
}

/// Clicks `#id` and returns the PNG it links to, checked to start like one.
pub async fn png_of(session: &Session, id: &str) -> Result<Vec<u8>, String> {
    forget(session, id).await?;
    click(session, &format!("#{id}")).await?;
    let script = format!(
        "const b = document.getElementById('{id}'); \
         return b ? (b.getAttribute('data-href') || '') : '';"
    );
    let href = wait_until(&format!("#{id}[data-href]"), PATIENCE, || async {
        let value = run(session, &script).await?;
        Ok(match value.as_str().filter(|s| !s.is_empty()) {
            Some(href) => Poll::Ready(href.to_string()),
            None => Poll::NotYet(format!("{value}")),
        })
    })
    .await?;
    let b64 = href.strip_prefix("data:image/png;base64,").ok_or_else(|| {
        let start: String = href.chars().take(40).collect();
        format!("#{id} links to {start:?}…, not a PNG data URL")
    })?;
    let png = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .map_err(|e| format!("#{id}'s PNG is not base64: {e}"))?;
    if !png.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err(format!("#{id}'s file is not a PNG ({} bytes)", png.len()));
    }
    Ok(png)
}

/// The width and height a PNG's header declares.
pub fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let word = |at: usize| {
        png.get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_be_bytes)
    };
    Some((word(16)?, word(20)?))
}

/// Parses the text file behind `#id` (click it first) with the browser's own XML parser,
/// as `mime`, and says what it holds.
const PARSE: &str = r#"
const [id, mime, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const b = document.getElementById(id);
if (!b || !b.peerscopeFile) { done({error: 'no file behind #' + id}); return; }
b.peerscopeFile.text().then((text) => {
  const doc = new DOMParser().parseFromString(text, mime);
  const broken = doc.getElementsByTagName('parsererror')[0];
  const all = [...doc.getElementsByTagName('*')];
  const texts = (tag) => [...doc.getElementsByTagName(tag)].map((e) => e.textContent);
  done({
    error: broken ? broken.textContent : '',
    root: doc.documentElement ? doc.documentElement.localName : '',
    tags: [...new Set(all.map((e) => e.localName))],
    handlers: all.flatMap((e) => [...e.attributes].map((a) => a.name)
      .filter((n) => n.toLowerCase().startsWith('on'))),
    labels: [...doc.getElementsByTagName('node')].map((n) => n.getAttribute('label')),
    titles: texts('title'),
    texts: texts('text'),
  });
}, (e) => done({error: String(e)}));
"#;

/// What [`parsed`] found in an XML file.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The root element's local name (`gexf`, `svg`).
    pub root: String,
    /// Every element's local name, once each.
    pub tags: Vec<String>,
    /// Every attribute named `on…` (an event handler), anywhere.
    pub handlers: Vec<String>,
    /// The `label` of every `node` element, in order (GEXF).
    pub labels: Vec<String>,
    /// The text of every `title` element, in order (SVG).
    pub titles: Vec<String>,
    /// The text of every `text` element, in order (SVG).
    pub texts: Vec<String>,
}

/// The file `#id` made last, parsed in the browser as `mime`; an error when it is not
/// well-formed, with the parser's message.
pub async fn parsed(session: &Session, id: &str, mime: &str) -> Result<Parsed, String> {
    let value = session
        .client
        .execute_async(PARSE, vec![json!(id), json!(mime)])
        .await
        .map_err(|e| format!("cannot parse #{id}'s file: {e}"))?;
    let error = value.get("error").and_then(Value::as_str).unwrap_or("?");
    if !error.is_empty() {
        return Err(format!("#{id}'s file is not well-formed {mime}: {error}"));
    }
    let text = |key: &str| value.get(key).and_then(Value::as_str).unwrap_or_default();
    let list = |key: &str| -> Vec<String> {
        value
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect()
    };
    Ok(Parsed {
        root: text("root").to_string(),
        tags: list("tags"),
        handlers: list("handlers"),
        labels: list("labels"),
        titles: list("titles"),
        texts: list("texts"),
    })
}
