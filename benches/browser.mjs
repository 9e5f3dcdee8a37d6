// The browser row of `make bench` (row (d)): peerscope's web app in headless Chromium.
//
//   node benches/browser.mjs --dist DIR [--paths api,api-whole,page] [--timeout SECONDS]
//                            [--cpu-profile PREFIX] [--trace PREFIX] [--browser-arg ARG]...
//                            [--api-text] FILE...
//
// Serves the built web app (DIR, e.g. dist/) from a small static server of its own, and the
// export files under /__bench/<n>. For every FILE and path it starts a fresh headless
// Chromium (a new user-data folder each time, so no run inherits another's caches or memory),
// opens the app, waits for the bundled sample's report, then measures one path:
//
//   api   what a site calling the JS API gets before it can show the verdict: the file is
//         fetched into the page first (not timed), then
//         `window.wasmBindings.analyze(bytes, {name, interval: false})` is timed in the page
//         with performance.now() (`ms`: import, analysis without the score's interval and
//         the trend, handing the report over to JS; `verdict_cpu_ms`, Chromium's CPU time
//         over that call), then `addInterval()`, which adds them to the same report
//         (`interval_ms`; `cpu_ms` covers both calls). With --api-text the fetched bytes
//         are decoded to a string first (not timed either) and the string is analysed:
//         what a site that holds the export as text gets. Needs a build with `addInterval`.
//   api-whole  the same, timed over one `analyze(bytes, {name})`, which returns the whole
//         report, interval included (`ms`), as builds before `addInterval` only could.
//   page  what a user feels: the file is set on the page's own file input (#file-input, as
//         picking it does), timed in the page from the input's change event until the new
//         report's verdict is on screen: #verdict present and the "Read from:" line naming
//         the file, then one animation frame so it has been laid out and painted. Whatever
//         the page does with the file (reads it whole, or streams it to a Web Worker) is
//         measured as it is. Then what follows the verdict: `ms_to_layout` when the drawing
//         of the new network is on screen, `ms_to_interval` when the score's interval is,
//         the longest pause between animation frames (below), and the worker's own
//         import and analysis times and wasm memory from #import-status's data attributes.
//
// Frame gaps, page path: every animation frame's time is kept from the file input's change
// event until half a second after the network and the interval are both on screen (so the
// first paint of the drawing, a frame after it is in the document, is inside). A gap is the
// time between two frames in a row, and belongs to the last of these moments before the
// frame that ends it: the pick (`frame_gap_import_ms`), the verdict on screen
// (`frame_gap_verdict_ms`: the gap in which the verdict showed, and any until the network),
// the network in the document (`frame_gap_network_ms`) and the interval on screen
// (`frame_gap_interval_ms`). `frame_gap_ms` is the longest over the whole run, and
// `frame_gap_after_ms` the longest from the verdict on (the three after it).
//
// Memory, both paths: `wasm_bytes` is the app's wasm linear memory after the run
// (`wasmBindings.memoryBytes()`; it never shrinks, so it is the peak of the page's own
// module — a Web Worker's wasm memory is not in it). From /proc, every 100 ms while the run
// lasts, over every process of this Chromium (browser, renderers with their worker threads,
// GPU and utility processes): `peak_rss_bytes`, the peak of their summed resident memory
// (shared pages such as Chromium's own code count once per process, so this errs high);
// `peak_pss_bytes`, the same with shared pages split among their users (what the browser
// as a whole costs); `renderer_peak_rss_bytes`, the peak of the renderers' RSS (the page,
// its workers and all their wasm memories live there: an upper bound on the wasm memory
// whichever thread imports). The `baseline_*` figures are the first sample, just before
// the file is handed over (app open, sample report shown). `cpu_ms` is the CPU time (user +
// system, 10 ms resolution) all those processes used from the hand-over to the end: steadier
// than `ms` on a busy machine, and above it when several threads work at once.
//
// Prints one JSON line per file and path:
//   {"file", "messages", "path", "ms", "wasm_bytes", "peak_rss_bytes", ...}
// and for the page path what the import worker says it spent (`import_ms`: reading and
// parsing, from which run.py has the worker's parse rate; `analyse_ms`; `import_path`).
// with "error" (and the figures measured up to then) when the run failed: an exception in the
// page, the tab crashing (out of memory), or the timeout. Exits 1 when any run failed.
// --cpu-profile PREFIX also records V8's sampling profile of the page over the timed part
// (JS and wasm; names need a wasm with its name section, i.e. built without wasm-opt) into
// PREFIX-<n>-<path>.cpuprofile, which DevTools' Performance panel opens. --browser-arg adds
// a Chromium switch to the fixed ones (e.g. --js-flags=--no-wasm-dynamic-tiering).
// --trace PREFIX records Chromium's trace of the timed part (the DevTools timeline's
// categories) into PREFIX-<n>-<path>.json, which DevTools' Performance panel opens, and
// adds `long_tasks`: the page's main-thread tasks of 50 ms or more, [start ms from the
// first, length ms], whatever ran in them (our code, style and layout, or a compositor
// commit, where Chromium rasterises a 2D canvas). Tracing slows the page a little.
// playwright-core comes from the git-ignored .bench/node/ that benches/run.py installs.
import { createRequire } from "node:module";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", ".bench", "node", "package.json"));
const { chromium } = require("playwright-core");

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];
const SAMPLE_MS = 100;
// Linux on x86-64 and arm64: 4 KiB pages, 100 clock ticks a second (/proc units).
const PAGE_SIZE = 4096;
const CLOCK_TICKS = 100;

const MIME = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", ".json": "application/json", ".svg": "image/svg+xml",
  ".png": "image/png", ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** The command line: { dist, paths, timeoutMs, cpuProfile, browserArgs, files }; exits 2
 * with the usage when wrong. */
function parseArgs(argv) {
  const usage = "usage: node benches/browser.mjs --dist DIR [--paths api,api-whole,page] [--timeout SECONDS] "
    + "[--cpu-profile PREFIX] [--trace PREFIX] [--browser-arg ARG]... [--api-text] FILE...";
  const out = { dist: null, paths: ["api", "api-whole", "page"], timeoutMs: 120_000, cpuProfile: null,
    trace: null, browserArgs: [], apiText: false, files: [] };
  const fail = (why) => {
    console.error(`${usage}\n${why}`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i++) {
    // `--key value` or `--key=value`.
    const [arg, inline] = argv[i].startsWith("--") ? argv[i].split(/=(.*)/s) : [argv[i]];
    const value = () => inline ?? argv[++i];
    if (arg === "--dist") out.dist = value();
    else if (arg === "--paths") out.paths = (value() ?? "").split(",").filter(Boolean);
    else if (arg === "--timeout") out.timeoutMs = Number(value()) * 1000;
    else if (arg === "--cpu-profile") out.cpuProfile = value();
    else if (arg === "--trace") out.trace = value();
    else if (arg === "--browser-arg") out.browserArgs.push(value());
    else if (arg === "--api-text") out.apiText = true;
    else if (arg === "--help" || arg === "-h") { console.log(usage); process.exit(0); }
    else if (arg.startsWith("-")) fail(`unknown option ${arg}`);
    else out.files.push(arg);
  }
  if (!out.dist || !fs.existsSync(path.join(out.dist, "index.html"))) fail("--dist must hold a built index.html");
  const known = ["api", "api-whole", "page"];
  if (!out.paths.length || !out.paths.every((p) => known.includes(p))) fail("--paths: api, api-whole and/or page");
  if (!(out.timeoutMs > 0)) fail("--timeout: seconds, more than 0");
  if (!out.files.length) fail("no export file given");
  const missing = out.files.find((f) => !fs.existsSync(f));
  if (missing) fail(`no such file: ${missing}`);
  return out;
}

/** Where a request goes: the n-th export for /__bench/<n>, else a file under `root`
 * (index.html for a folder); null when outside the root or missing. */
function resolve(root, files, pathname) {
  const bench = pathname.match(/^\/__bench\/(\d+)$/);
  if (bench) return files[Number(bench[1])] ?? null;
  let file = path.join(root, decodeURIComponent(pathname));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
  return fs.existsSync(file) ? file : null;
}

/** Serves `dist` and, under /__bench/<n>, the n-th export file; resolves to
 * { url, close }. Files are streamed, so a 1.3 GB export is never held in this process. */
function serve(dist, files) {
  const root = fs.realpathSync(dist);
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, "http://localhost");
    const file = resolve(root, files, pathname);
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    const type = pathname.startsWith("/__bench/") ? "application/octet-stream"
      : MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream";
    res.writeHead(200, { "Content-Type": type, "Content-Length": fs.statSync(file).size,
      "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(0, "127.0.0.1",
    () => done({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() })));
}

/** Every process descended from `root` (this script's Chromium and its children), with
 * the CPU time it has used so far (user + system, in clock ticks). */
function descendants(root) {
  const children = new Map();
  const ticks = new Map();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try { stat = fs.readFileSync(`/proc/${name}/stat`, "utf8"); } catch { continue; }
    // Fields after the command name: state, ppid, ... utime (12th), stime (13th).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ppid = Number(fields[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
    ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
  }
  const out = [];
  const todo = [...(children.get(root) ?? [])];
  while (todo.length) {
    const pid = todo.pop();
    out.push({ pid, ticks: ticks.get(pid) });
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Chromium's role for a process ("renderer", "gpu-process", "utility", "zygote", or
 * "browser" for the one without --type), from its command line; cached per pid. */
const roles = new Map();
function roleOf(pid) {
  if (!roles.has(pid)) {
    let cmdline = "";
    try { cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"); } catch { /* gone */ }
    roles.set(pid, cmdline.match(/--type=([\w-]+)/)?.[1] ?? "browser");
  }
  return roles.get(pid);
}

/** Resident and proportional (shared pages split among their users) bytes of one process;
 * zeros when it is gone. */
function memoryOf(pid) {
  try {
    const rss = Number(fs.readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * PAGE_SIZE;
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const pss = Number(rollup.match(/^Pss:\s+(\d+) kB/m)?.[1] ?? 0) * 1024;
    return { rss, pss };
  } catch {
    return { rss: 0, pss: 0 };
  }
}

/** One sample of this script's browser: summed RSS and PSS of all its processes, the
 * summed RSS of its renderers (the page, its workers and their wasm memories live there),
 * and the CPU ticks all its processes have used so far. */
function sampleOnce() {
  const out = { rss: 0, pss: 0, renderer: 0, ticks: 0 };
  for (const { pid, ticks } of descendants(process.pid)) {
    const { rss, pss } = memoryOf(pid);
    out.rss += rss;
    out.pss += pss;
    out.ticks += ticks;
    if (roleOf(pid) === "renderer") out.renderer += rss;
  }
  return out;
}

/** Samples the browser every SAMPLE_MS until the returned function is called, which answers
 * the first sample and the peak of each figure. Timers keep firing while the page works, as
 * the script itself only waits on it. */
function sampleMemory() {
  const first = sampleOnce();
  const peak = { ...first };
  let last = first;
  let samples = 1;
  const tick = () => {
    last = sampleOnce();
    for (const key of Object.keys(peak)) peak[key] = Math.max(peak[key], last[key]);
    samples += 1;
  };
  const timer = setInterval(tick, SAMPLE_MS);
  return () => {
    clearInterval(timer);
    tick();
    return { first, peak, last, samples };
  };
}

/** A fresh headless Chromium on a new user-data folder, with the app open and its sample
 * report shown; { context, page, failed, close }, where `failed` resolves with a sentence
 * when the tab crashes or the page throws (with the last console error, e.g. Rust's panic
 * message or "memory allocation of N bytes failed"). */
async function openApp(url, timeoutMs, extraArgs) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "peerscope-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs], timeout: 60_000,
  });
  const page = context.pages()[0] ?? await context.newPage();
  let lastConsoleError = "";
  page.on("console", (message) => {
    if (message.type() === "error") lastConsoleError = message.text().split("\n")[0].slice(0, 300);
  });
  const failed = new Promise((resolve) => {
    const said = () => (lastConsoleError ? `; the console said: ${lastConsoleError}` : "");
    page.on("crash", () => resolve(`the tab crashed (out of memory?)${said()}`));
    page.on("pageerror", (error) => resolve(`the page threw ${String(error.message).split("\n")[0]}${said()}`));
  });
  page.setDefaultTimeout(timeoutMs);
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  await page.goto(url);
  await page.waitForFunction(() => window.wasmBindings && document.querySelector("#verdict"),
    null, { polling: 100, timeout: 60_000 });
  return { context, page, failed, close };
}

/** Races `work` against the page failing and the timeout; a rejection says which. */
function guarded(work, failed, timeoutMs) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
  });
  const failure = failed.then((why) => { throw new Error(why); });
  return Promise.race([work, failure, timeout]).finally(() => clearTimeout(timer));
}

/** The API paths in the page: fetch the export (untimed), or with `asText` decode it to a
 * string (untimed); memory sampling starts (`startSampling()`) once the export is in the
 * page. `whole`: time one analyze() returning the whole report. Else time the verdict-first
 * analyze() (`ms`, and `verdict_cpu_ms` from /proc around it), then addInterval()
 * (`interval_ms`). */
async function apiRun(page, index, name, asText, startSampling, whole) {
  await page.evaluate(async ([i, text]) => {
    const response = await fetch(`./__bench/${i}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    window.__benchBytes = text ? new TextDecoder().decode(bytes) : bytes;
  }, [index, asText]);
  await startSampling();
  const before = sampleOnce();
  const first = await page.evaluate(([fileName, verdictFirst]) => {
    const options = verdictFirst ? { name: fileName, interval: false } : { name: fileName };
    const t0 = performance.now();
    const report = window.wasmBindings.analyze(window.__benchBytes, options);
    const ms = performance.now() - t0;
    return { ms, messages: report.counts.messages, label: report.verdict.label,
      score: report.verdict.score, wasm_bytes: (window.wasmBindings.memoryBytes?.() ?? null) };
  }, [name, !whole]);
  if (whole) return first;
  const verdictCpuMs = (sampleOnce().ticks - before.ticks) * 1000 / CLOCK_TICKS;
  const then = await page.evaluate(() => {
    const t0 = performance.now();
    const report = window.wasmBindings.addInterval();
    const ms = performance.now() - t0;
    return { interval_ms: ms, interval: report.verdict.interval, confidence: report.verdict.confidence,
      wasm_bytes: (window.wasmBindings.memoryBytes?.() ?? null) };
  });
  return { ...first, ...then, verdict_cpu_ms: verdictCpuMs };
}

/** Installs, in the page, the clock of the page path: `window.__bench` gets `t0` at the file
 * input's change event (a capturing listener, so before the app's), then `dom` when the new
 * report is in the document, `painted` one frame later, or `error` with #error's sentence. */
async function armPageClock(page, name) {
  await page.evaluate((fileName) => {
    const bench = { t0: null, dom: null, painted: null, error: null };
    window.__bench = bench;
    const shown = () => {
      const readFrom = document.querySelector(".deeper .files");
      return document.querySelector("#verdict") && readFrom && readFrom.textContent.includes(fileName);
    };
    const check = () => {
      if (bench.t0 === null || bench.dom !== null || bench.error !== null) return;
      const error = document.querySelector("#error")?.textContent.trim();
      if (error) {
        bench.error = error;
      } else if (shown()) {
        bench.dom = performance.now();
        requestAnimationFrame(() => setTimeout(() => { bench.painted = performance.now(); }, 0));
      }
    };
    addEventListener("change", (event) => {
      if (event.target.id === "file-input" && bench.t0 === null) bench.t0 = performance.now();
    }, true);
    new MutationObserver(check).observe(document.body,
      { subtree: true, childList: true, characterData: true, attributes: true });
  }, name);
}

/** Installs the clock of what follows the verdict on the page path: `window.__later` gets
 * `layout` when the new report's drawing (#network, its place no longer held by
 * #network-pending) is in the document and `interval` when #verdict-interval has its ends,
 * both after the verdict (`window.__bench.dom`), `settled` half a second after both, and the
 * time of every animation frame from the file input's change event until then. */
async function armLaterClock(page) {
  await page.evaluate(() => {
    const later = { layout: null, interval: null, settled: null, frames: [] };
    window.__later = later;
    const check = () => {
      const bench = window.__bench;
      if (!bench || bench.dom === null) return;
      const drawn = document.querySelector("#network") && !document.querySelector("#network-pending");
      if (later.layout === null && drawn) later.layout = performance.now();
      if (later.interval === null && document.querySelector("#verdict-interval")?.dataset.low) {
        later.interval = performance.now();
      }
    };
    const frame = () => {
      const now = performance.now();
      later.frames.push(now);
      check();
      const both = later.layout !== null && later.interval !== null;
      if (both && now - Math.max(later.layout, later.interval) >= 500) later.settled = now;
      else requestAnimationFrame(frame);
    };
    addEventListener("change", (event) => {
      if (event.target.id === "file-input" && later.frames.length === 0) requestAnimationFrame(frame);
    }, true);
    new MutationObserver(check).observe(document.body,
      { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** The longest pause between animation frames in a row, in ms, over the whole run and by
 * what the page was doing (see the top of this file); 0 where no gap ended. */
function frameGaps(frames, t0, dom, layout, interval) {
  const moments = [["import", t0], ["verdict", dom], ["network", layout], ["interval", interval]]
    .filter(([, t]) => t !== null).sort((a, b) => a[1] - b[1]);
  const longest = { import: 0, verdict: 0, network: 0, interval: 0 };
  for (let i = 1; i < frames.length; i++) {
    const ended = frames[i];
    const phase = moments.filter(([, t]) => t < ended).pop()?.[0] ?? "import";
    longest[phase] = Math.max(longest[phase], ended - frames[i - 1]);
  }
  return { frame_gap_ms: Math.max(...Object.values(longest)),
    frame_gap_import_ms: longest.import, frame_gap_verdict_ms: longest.verdict,
    frame_gap_network_ms: longest.network, frame_gap_interval_ms: longest.interval,
    frame_gap_after_ms: Math.max(longest.verdict, longest.network, longest.interval) };
}

/** Waits (up to `timeoutMs`) for the layout and the interval after the verdict and the
 * half second after; the times from the change event to each, the frame gaps
 * ([`frameGaps`]), and the worker's own figures from #import-status. */
async function laterTimes(page, timeoutMs) {
  await page.waitForFunction(() => window.__later.settled !== null,
    null, { polling: 100, timeout: timeoutMs }).catch(() => {});
  const seen = await page.evaluate(() => {
    const { t0, dom } = window.__bench;
    const { layout, interval, frames } = window.__later;
    const status = document.querySelector("#import-status")?.dataset ?? {};
    const number = (key) => (key in status ? Number(status[key]) : null);
    return { t0, dom, layout, interval, frames,
      ms_to_layout: layout === null ? null : layout - t0,
      ms_to_interval: interval === null ? null : interval - t0,
      worker_import_ms: number("importMs"), worker_analyse_ms: number("analyseMs"),
      worker_memory_bytes: number("workerMemory") };
  });
  const { t0, dom, layout, interval, frames, ...times } = seen;
  return { ...times, ...frameGaps(frames, t0, dom, layout, interval) };
}

/** The page path: the file on #file-input, then wait for the clock armed above; memory
 * sampling starts just before the file is handed over. */
async function pageRun(page, file, name, timeoutMs, startSampling) {
  await armPageClock(page, name);
  await armLaterClock(page);
  await startSampling();
  await page.setInputFiles("#file-input", file);
  await page.waitForFunction(() => window.__bench.painted !== null || window.__bench.error !== null,
    null, { polling: 100, timeout: timeoutMs });
  // A refused file (past the page's limits) has no layout to wait for.
  const refused = await page.evaluate(() => window.__bench.error);
  if (refused) throw new Error(`the page said: ${refused}`);
  const later = await laterTimes(page, timeoutMs);
  const verdict = await page.evaluate(() => {
    const bench = window.__bench;
    if (bench.error) throw new Error(`the page said: ${bench.error}`);
    const counts = document.querySelector("#counts dd");
    return { ms: bench.painted - bench.t0, ms_to_dom: bench.dom - bench.t0,
      messages: counts ? Number(counts.textContent.replace(/\D/g, "")) : null,
      label: document.querySelector("#verdict")?.dataset.label ?? null,
      score: Number(document.querySelector("#score")?.textContent) || null,
      wasm_bytes: (window.wasmBindings.memoryBytes?.() ?? null) };
  });
  return { ...verdict, ...later };
}

/** What the import worker says its import cost, from #import-status once it is there (it
 * comes with the analysis): `import_ms` (reading and parsing the files in the worker),
 * `analyse_ms` and the worker's wasm memory; nulls when the page read the file itself. */
async function workerStats(page) {
  await page.waitForFunction(() => document.querySelector("#import-status")?.dataset.importMs,
    null, { polling: 100, timeout: 10_000 }).catch(() => {});
  return page.evaluate(() => {
    const data = document.querySelector("#import-status")?.dataset ?? {};
    const number = (x) => (x === undefined || x === "" ? null : Number(x));
    return { import_path: data.importPath ?? null, import_ms: number(data.importMs),
      analyse_ms: number(data.analyseMs), worker_wasm_bytes: number(data.workerMemory) };
  });
}

/** Starts V8's sampling profiler in the page; the returned function stops it and writes
 * the profile to `file`. */
async function startProfile(page, file) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  return async () => {
    const { profile } = await cdp.send("Profiler.stop");
    fs.writeFileSync(file, JSON.stringify(profile));
  };
}

/** Starts Chromium's tracing of the page's timeline; the returned function stops it,
 * writes the trace to `file` and answers the page's long tasks ([`longTasks`]). */
async function startTrace(page, file) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const complete = new Promise((done) => cdp.once("Tracing.tracingComplete", done));
  await cdp.send("Tracing.start", { transferMode: "ReportEvents", traceConfig: {
    includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] } });
  return async () => {
    await cdp.send("Tracing.end");
    await complete;
    fs.writeFileSync(file, JSON.stringify({ traceEvents: events }));
    return longTasks(events);
  };
}

/** The tasks of 50 ms or more on the page's main thread (the renderer's CrRendererMain
 * with the most events), as [start ms from the first task, length ms], in order. */
function longTasks(events) {
  const main = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name"
    && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  const counts = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (main.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const page = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const tasks = events.filter((e) => `${e.pid}:${e.tid}` === page && e.ph === "X"
    && e.name === "RunTask" && e.dur >= 50_000).sort((a, b) => a.ts - b.ts);
  const first = tasks[0]?.ts ?? 0;
  return tasks.map((e) => [Math.round((e.ts - first) / 1000), Math.round(e.dur / 1000)]);
}

/** One measurement: a fresh browser, one file, one path; the JSON line's fields. */
async function measure(url, file, index, which, args) {
  const name = path.basename(file);
  const line = { file, bytes: fs.statSync(file).size, messages: null, path: which, ms: null,
    wasm_bytes: null, peak_rss_bytes: null };
  if (which !== "page") line.api_input = args.apiText ? "text" : "bytes";
  let app;
  let stop = null;
  let stopProfile = null;
  let stopTrace = null;
  let handed = null;
  const memory = () => {
    if (!stop) return;
    const { first, peak, last, samples } = stop();
    stop = null;
    Object.assign(line, { cpu_ms: (last.ticks - first.ticks) * 1000 / CLOCK_TICKS,
      peak_rss_bytes: peak.rss, peak_pss_bytes: peak.pss,
      renderer_peak_rss_bytes: peak.renderer, baseline_rss_bytes: first.rss,
      baseline_pss_bytes: first.pss, baseline_renderer_rss_bytes: first.renderer,
      memory_samples: samples });
  };
  const startSampling = async () => {
    if (args.cpuProfile) {
      stopProfile = await startProfile(app.page, `${args.cpuProfile}-${index}-${which}.cpuprofile`);
    }
    if (args.trace) stopTrace = await startTrace(app.page, `${args.trace}-${index}-${which}.json`);
    stop = sampleMemory();
    handed = Date.now();
  };
  const started = Date.now();
  try {
    app = await openApp(url, args.timeoutMs, args.browserArgs);
    const work = which !== "page"
      ? apiRun(app.page, index, name, args.apiText, startSampling, which === "api-whole")
      : pageRun(app.page, file, name, args.timeoutMs, startSampling);
    const result = await guarded(work, app.failed, args.timeoutMs + 5_000);
    memory();
    if (stopProfile) await stopProfile();
    if (stopTrace) line.long_tasks = await stopTrace();
    Object.assign(line, result);
    if (which === "page") Object.assign(line, await workerStats(app.page));
  } catch (error) {
    memory();
    line.error = String(error.message ?? error).split("\n")[0].replace(/^page\.\w+: (Error: )?/, "");
    // From the hand-over when it happened, else from the browser's start.
    line.ms_until_error = Date.now() - (handed ?? started);
    if (app) line.wasm_bytes = await app.page.evaluate(() => (window.wasmBindings.memoryBytes?.() ?? null))
      .catch(() => null);
  } finally {
    if (app) await app.close();
  }
  return line;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const files = args.files.map((f) => path.resolve(f));
  const server = await serve(args.dist, files);
  let failed = false;
  try {
    for (const [index, file] of files.entries()) {
      for (const which of args.paths) {
        const line = await measure(server.url, file, index, which, args);
        failed ||= "error" in line;
        console.log(JSON.stringify(line));
      }
    }
  } finally {
    server.close();
  }
  process.exit(failed ? 1 : 0);
}

await main();
