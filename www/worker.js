/*
 * peerscope's import worker: reads big exports off the page's main thread.
 *
 * The page (src/import/worker.rs) starts this module worker beside its wasm-bindgen glue and
 * sends one first message: { glue: the glue's address, module: the page's compiled
 * WebAssembly.Module }. This imports the same glue and instantiates the same module (no
 * second download or compile), then hands over to Rust (src/import/in_worker.rs), which says
 * "Ready" and answers every later message. If anything here fails, the page is told, and
 * reads files on its main thread instead.
 *
 * The page's module leaves out the five rarest formats (core/src/import/rare.rs). When a
 * job's file is one of them, Rust calls peerscopeAllFormats below with the job: it loads
 * the module that has every format (peerscope-all-formats.js and its _bg.wasm, beside the
 * glue), which takes this worker's messages over and answers the job. The page sees the
 * same worker answer as always, so progress, Cancel (which ends the worker) and the
 * re-analysis of the files already read work unchanged.
 */
self.onmessage = async (event) => {
  self.onmessage = null;
  const glueAddress = event.data.glue;
  let allFormats = null;
  self.peerscopeAllFormats = async (job, unavailable) => {
    try {
      // Loaded once per worker; the HTTP cache serves it to the next worker.
      allFormats ??= import(new URL('peerscope-all-formats.js', glueAddress).href)
        .then(async (glue) => { await glue.default(); return glue; });
      (await allFormats).takeOverImportWorker(job);
    } catch (error) {
      allFormats = null;
      const why = String((error && error.message) || error);
      self.postMessage({ Failed: { id: job.id, error:
        `${unavailable} (${why}); reload the page, or use the command-line tool.` } });
    }
  };
  try {
    const glue = await import(glueAddress);
    await glue.default({ module_or_path: event.data.module });
    glue.importWorker();
  } catch (error) {
    self.postMessage({ Unusable: { error: String((error && error.message) || error) } });
  }
};
