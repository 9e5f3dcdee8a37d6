// How fast this machine's Chromium can hand a picked file to a Web Worker's wasm memory,
// with no parse at all: the ceiling of the page's "worker parse" row (issue 18).
//
//   node benches/read_bound.mjs [--runs N] [--piece MIB] [--ahead N] FILE
//
// Opens a page of its own (no peerscope code) in a fresh headless Chromium, sets FILE on a
// file input, and a worker reads it the way src/import/blob_feed.rs does: a first piece of
// 1 MiB, then 8 MiB pieces (--piece), with the next read asked for as soon as a piece
// arrives (one read always under way; --ahead keeps more), and copies every piece into a
// WebAssembly.Memory, as the parse window's reads do. Prints one JSON line per run: the file's bytes, the worker's wall time
// from the pick to the last byte copied, and the rate in MB/s (10^6 bytes a second).
// playwright-core comes from the git-ignored .bench/node/ that benches/run.py installs.
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", ".bench", "node", "package.json"));
const { chromium } = require("playwright-core");

const WORKER = `
self.onmessage = async ({ data: { file, piece, ahead } }) => {
  const t0 = performance.now();
  const memory = new WebAssembly.Memory({ initial: Math.ceil(piece / 65536) });
  const into = new Uint8Array(memory.buffer);
  let end = 0;
  const reads = [];
  const ask = () => {
    if (end >= file.size) return;
    const start = end;
    end = Math.min(file.size, start === 0 ? 1 << 20 : start + piece);
    reads.push(file.slice(start, end).arrayBuffer());
  };
  for (let i = 0; i <= ahead; i++) ask();
  let copied = 0;
  while (reads.length > 0) {
    const bytes = await reads.shift();
    ask();
    into.set(new Uint8Array(bytes), 0);
    copied += bytes.byteLength;
  }
  self.postMessage({ bytes: copied, ms: performance.now() - t0 });
};`;

const page = (piece, ahead) => `<!doctype html><input type="file" id="f"><script>
const PIECE = ${piece}, AHEAD = ${ahead};
const worker = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(WORKER)}])));
window.done = new Promise((resolve) => { worker.onmessage = ({ data }) => resolve(data); });
document.getElementById("f").addEventListener("change",
  (e) => worker.postMessage({ file: e.target.files[0], piece: PIECE, ahead: AHEAD }));
</script>`;

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];

async function once(file, piece, ahead) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "peerscope-read-bound-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: ARGS,
  });
  try {
    const tab = context.pages()[0] ?? await context.newPage();
    await tab.setContent(page(piece, ahead));
    await tab.setInputFiles("#f", file);
    const { bytes, ms } = await tab.evaluate(() => window.done);
    return { file: path.basename(file), piece_mib: piece >> 20, ahead, bytes, ms: Math.round(ms), mb_per_s: Math.round(bytes / ms / 1000) };
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv.splice(at, 2)[1]) : fallback;
};
const runs = option("--runs", 3);
const piece = option("--piece", 8) * (1 << 20);
const ahead = option("--ahead", 1);
if (argv.length !== 1 || !(runs > 0) || !(piece > 0) || !(ahead >= 0)) {
  console.error("usage: node benches/read_bound.mjs [--runs N] [--piece MIB] [--ahead N] FILE");
  process.exit(2);
}
for (let i = 0; i < runs; i++) console.log(JSON.stringify(await once(argv[0], piece, ahead)));
