/*
 * peerscope's import worker: reads big exports off the page's main thread.
 *
 * The page (src/import/worker.rs) starts this module worker beside its wasm-bindgen glue and
 * sends one first message: { glue: the glue's address, module: the page's compiled
 * WebAssembly.Module }. This imports the same glue and instantiates the same module (no
 * second download or compile), then hands over to Rust (src/import/in_worker.rs), which says
 * "Ready" and answers every later message. If anything here fails, the page is told, and
 * reads files on its main thread instead.
 */
self.onmessage = async (event) => {
  self.onmessage = null;
  try {
    const glue = await import(event.data.glue);
    await glue.default({ module_or_path: event.data.module });
    glue.importWorker();
  } catch (error) {
    self.postMessage({ Unusable: { error: String((error && error.message) || error) } });
  }
};
