//! The page's side of the import worker: start it, send it jobs, hear back, stop it.
//!
//! **One wasm module, not two.** The worker is a small module script, `www/worker.js`
//! (copied into `dist/` beside the wasm-bindgen glue by Trunk), that imports the page's own
//! glue and initialises it with the page's own compiled `WebAssembly.Module`, passed in the
//! first message: no second download, no second compile, no second build of the crate,
//! and the page and the worker can never run different versions. The glue's address is
//! its `import.meta.url`, which also finds `worker.js` beside it, wherever `dist/` is
//! served from. In the worker there is no `window`, so the module's start function mounts
//! nothing ([`crate::app::api::mounts_itself`]); `worker.js` then calls
//! [`crate::import::in_worker::import_worker`].
//!
//! Why not gloo-worker: its messages go through a serde codec, so `File` handles could not
//! be passed without copying their bytes; it cannot terminate a worker busy in a long
//! synchronous import (the only way to cancel one); and its spawner loads `no-modules`
//! glue with `importScripts`, while Trunk writes ES-module glue.
//!
//! A worker cannot start when the page's origin differs from the glue's (the JS API's
//! `mount` used from another site): [`ImportWorker::spawn`] fails, or the worker reports
//! [`FromWorker::Unusable`], and the importer reads on the main thread instead.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::import::messages::{from_js, to_js, FromWorker, Job};

#[wasm_bindgen]
extern "C" {
    /// The address of the wasm-bindgen glue this module was loaded through.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: String;
}

/// The address of `path` (e.g. `worker.js`, `sample/general.json`) beside the glue, so
/// beside the app wherever it is served from, even when another site loaded the script.
pub fn beside_glue(path: &str) -> Result<String, String> {
    let glue = GLUE_URL.with(String::clone);
    web_sys::Url::new_with_base(path, &glue)
        .map(|url| url.href())
        .map_err(|_| format!("no address for {path} beside {glue}"))
}

/// What the worker tells the page.
#[derive(Debug)]
pub enum Event {
    /// A message.
    Said(FromWorker),
    /// It stopped with an uncaught error (a panic, memory exhausted), or its script could
    /// not load: one sentence.
    Crashed(String),
}

/// A running import worker; [`ImportWorker::terminate`] stops it at once, mid-job.
pub struct ImportWorker {
    worker: Worker,
    // Kept so the handlers live as long as the worker.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl ImportWorker {
    /// Starts `worker.js` beside the glue and hands it the module; `on_event` hears
    /// everything the worker says. Fails when the browser refuses to start it.
    pub fn spawn(on_event: impl Fn(Event) + 'static) -> Result<ImportWorker, String> {
        let glue = GLUE_URL.with(String::clone);
        let script = beside_glue("worker.js")?;
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        options.set_name("peerscope-import");
        let worker = Worker::new_with_options(&script, &options)
            .map_err(|e| format!("the browser refused to start a worker ({e:?})"))?;
        let on_event = std::rc::Rc::new(on_event);
        let heard = std::rc::Rc::clone(&on_event);
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |m: MessageEvent| {
            heard(match from_js::<FromWorker>(m.data()) {
                Ok(said) => Event::Said(said),
                Err(error) => Event::Crashed(error),
            });
        });
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
            let message = e.message();
            let why = if message.is_empty() {
                "its script could not be loaded".to_string()
            } else {
                message
            };
            on_event(Event::Crashed(why));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let started = ImportWorker {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        };
        started.boot(&glue)?;
        Ok(started)
    }

    /// The first message: where the glue is, and the compiled module to instantiate.
    fn boot(&self, glue: &str) -> Result<(), String> {
        let message = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| {
            js_sys::Reflect::set(&message, &JsValue::from_str(key), value).is_ok()
        };
        if !(set("glue", &JsValue::from_str(glue)) && set("module", &wasm_bindgen::module())) {
            return Err("the worker's first message could not be written".into());
        }
        self.worker
            .post_message(&message)
            .map_err(|e| format!("the worker could not be reached ({e:?})"))
    }

    /// Sends a job (the files go as handles: no bytes are copied).
    pub fn post(&self, job: &Job) -> Result<(), String> {
        let message = to_js(job)?;
        self.worker
            .post_message(&message)
            .map_err(|e| format!("the import worker could not be reached ({e:?})."))
    }

    /// Stops the worker at once, whatever it is doing; its memory is freed.
    pub fn terminate(&self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
