/*
 * peerscope's file reader: reads pieces of a picked file for the import worker that started
 * it (www/worker.js), so that the browser's delivery of the bytes, which costs the reading
 * thread about a quarter of the import (docs/PERFORMANCE.md, "From the pick to the verdict,
 * session 12"), runs on this thread while the import worker parses.
 *
 * Each message asks for one piece: { seq, id, file, start, end, then }, where `id` names the
 * file within the import worker (a `File` arrives as a new object with every message), and
 * `then` is the size of the piece that will be asked for after this one. The answer is
 * { seq, bytes } with the ArrayBuffer transferred (not copied), or { seq, error }. The piece
 * after the one asked for is read at once, so one read is always under way here while the
 * import worker parses and the next waits ready: at most two pieces are held here. Reads of
 * any other file are dropped when a new one is asked for.
 */
let current = null;
const reads = new Map();

/** The read of `file` from `start` to `end`, started now unless it already is. */
const reading = (file, start, end) => {
  const read = reads.get(start);
  if (read && read.end === end) return read.bytes;
  const bytes = file.slice(start, end).arrayBuffer();
  // A read ahead that is never asked for must not be an unhandled rejection.
  bytes.catch(() => {});
  reads.set(start, { end, bytes });
  return bytes;
};

self.onmessage = async ({ data: { seq, id, file, start, end, then } }) => {
  if (current !== id) {
    current = id;
    reads.clear();
  }
  try {
    const asked = reading(file, start, end);
    if (then > 0 && end < file.size) reading(file, end, Math.min(file.size, end + then));
    const bytes = await asked;
    if (current === id) reads.delete(start);
    self.postMessage({ seq, bytes }, [bytes]);
  } catch (error) {
    if (current === id) reads.delete(start);
    self.postMessage({ seq, error: String((error && error.message) || error) });
  }
};
