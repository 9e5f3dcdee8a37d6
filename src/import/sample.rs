//! The sample export, fetched from beside the app (Trunk copies `www/sample/` into
//! `dist/sample/`). Kept out of the wasm, it costs nothing to a page that never shows it,
//! and the browser caches it like any file. Its address is resolved against the glue
//! script's, not the page's, so a page on another path or site that loads the app still
//! finds it (that site must allow the app's origin in its `connect-src`, and the app's
//! server must answer cross-origin requests, as for the worker).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::import::worker::beside_glue;
use peerscope_core::import::{sample::FILES, Input};

/// Every file of [`FILES`] as an analysis input, fetched at once; the first failure as one
/// sentence naming the file.
pub async fn fetch_sample() -> Result<Vec<Input>, String> {
    let window = web_sys::window().ok_or("The sample needs a page to be fetched from.")?;
    let mut pending = Vec::with_capacity(FILES.len());
    for (name, path) in FILES {
        let url = beside_glue(path)?;
        pending.push((
            name,
            url.clone(),
            JsFuture::from(window.fetch_with_str(&url)),
        ));
    }
    let mut inputs = Vec::with_capacity(pending.len());
    for (name, url, answer) in pending {
        let failed = |why: &str| format!("The sample file {url} could not be loaded: {why}.");
        let response: web_sys::Response = answer
            .await
            .map_err(|_| failed("the network refused it"))?
            .dyn_into()
            .map_err(|_| failed("no response"))?;
        if !response.ok() {
            return Err(failed(&format!(
                "the server answered {}",
                response.status()
            )));
        }
        let body = response
            .array_buffer()
            .map_err(|_| failed("its body could not be read"))?;
        let buffer = JsFuture::from(body)
            .await
            .map_err(|_| failed("its body could not be read"))?;
        inputs.push(Input::new(name, js_sys::Uint8Array::new(&buffer).to_vec()));
    }
    Ok(inputs)
}
