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
 * The page's module leaves out the six rarest formats (core/src/import/rare.rs). When a
 * job's file is one of them, Rust calls peerscopeAllFormats below with the job: it loads
 * the module that has every format (peerscope-all-formats.js and its _bg.wasm, beside the
 * glue), which takes this worker's messages over and answers the job. The page sees the
 * same worker answer as always, so progress, Cancel (which ends the worker) and the
 * re-analysis of the files already read work unchanged.
 *
 * The import reads a streamed file in pieces through peerscopeReadPiece below, which asks
 * a reader worker of this worker's own (www/reader.js, started here at once, so it is ready
 * before a file is picked) and gets each piece's bytes transferred: the browser's delivery
 * of the bytes then runs on that thread while this one parses. Ending this worker (Cancel)
 * ends its reader too. Without a reader (the browser would not start one, or it failed),
 * a piece is read here.
 */
const readDirect = (file, start, end) => file.slice(start, end).arrayBuffer();
let reader = null;
let asked = 0;
const answers = new Map();
const fileIds = new WeakMap();
let files = 0;

/** Stops asking the reader; whatever it still owes is read here. */
const withoutReader = () => {
  if (reader) reader.terminate();
  reader = null;
  for (const owed of answers.values()) owed.direct();
  answers.clear();
};

try {
  reader = new Worker(new URL('reader.js', import.meta.url), { name: 'peerscope-read' });
  reader.onmessage = ({ data }) => {
    const owed = answers.get(data.seq);
    answers.delete(data.seq);
    if (!owed) return;
    if (data.bytes) owed.resolve(data.bytes);
    else owed.direct();
  };
  reader.onerror = withoutReader;
} catch {
  reader = null;
}

/** The bytes of `file` from `start` to `end` (a promise of an ArrayBuffer); `then`, the size
 * of the piece that will be asked for next, lets the reader read it ahead. A piece the
 * reader could not read is read here, so its error is the browser's own. */
self.peerscopeReadPiece = (file, start, end, then) => {
  if (!reader) return readDirect(file, start, end);
  if (!fileIds.has(file)) fileIds.set(file, ++files);
  const seq = ++asked;
  return new Promise((resolve, reject) => {
    const direct = () => readDirect(file, start, end).then(resolve, reject);
    answers.set(seq, { resolve, direct });
    reader.postMessage({ seq, id: fileIds.get(file), file, start, end, then });
  });
};

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
