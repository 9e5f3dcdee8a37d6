// Frames per second of the network view while panning a large graph, in headless Chromium.
//
//   node benches/fps.mjs --dist DIR [--seconds 5] [--nodes 10000] [--edges 100000]
//                        [--renderer auto|svg|canvas2d|webgl2] [--gl auto|plain|swiftshader]
//                        [--detail auto|full]
//
// Serves DIR (a `trunk build --release` output) from a small static server in this process,
// writes a seeded edge list (`source,target,weight`: each tie joins one person picked
// uniformly to one picked by preferential attachment, as chat networks look; every person
// has a tie, no pair repeats), uploads it through `#file-input`, waits until `#network`
// holds every person, zooms in 3× with the wheel, then drags in circles for `--seconds`
// while an in-page requestAnimationFrame loop timestamps every frame. Prints one JSON line:
//
//   {"fps", "frame_ms_p50", "frame_ms_p95", "renderer", "nodes", "edges", ...}
//
// plus where the time goes: `main_ms_per_frame` (the page's main thread: script, style,
// layout, from Chrome's Performance.getMetrics), `draw_ms_per_frame` (the renderer's own
// draw call, from `#network.peerscopeDrawMs`, canvas renderers only), `ties_per_draw` (ties
// the canvas drew per frame it painted: while the picture moves it draws the heaviest ties
// that fit its learnt pace, core/src/draw/view/scene/pace.rs), `gl` (the flags used) and
// `load_s` (upload to drawn). Frame time beyond the main thread is the GPU process (rasterising,
// compositing; software here). `--detail full` makes the canvas draw every tie in every
// frame (`?detail=full`), to see the raw cost.
//
// `--renderer` forces one through the page's `?renderer=` (default: the page's own choice).
// `--gl auto` (default) opens Chromium without GL flags first and, when that browser has
// no WebGL2 (headless Chromium on a machine without a GPU), uses SwiftShader, the software
// GPU (`--use-angle=swiftshader --enable-unsafe-swiftshader`); `plain` and `swiftshader`
// force one. Exit status 0 on success, 1 when the page never drew, 2 on bad arguments.
// playwright-core comes from the git-ignored .bench/node (benches/run.py installs it).
import { createRequire } from "node:module";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", ".bench", "node", "package.json"));
const { chromium } = require("playwright-core");

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const BASE_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const SWIFTSHADER = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"];
// The wheel zooms 1.2× per 100 pixels (src/network/pan_zoom.rs): 600 pixels is about 3×.
const ZOOM_PIXELS = 600;
// Radius of the drag circle, CSS pixels; one lap every LAP_STEPS pointer moves.
const DRAG_RADIUS = 120;
const LAP_STEPS = 90;
// Analysing 100 k ties in the page takes a while on a shared machine.
const LOAD_TIMEOUT_MS = 600_000;

function parseArgs(argv) {
  const options = {
    dist: null,
    seconds: 5,
    nodes: 10_000,
    edges: 100_000,
    renderer: "auto",
    gl: "auto",
    detail: "auto",
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    const name = key.replace(/^--/, "");
    if (!(name in options) || value === undefined) usage(`unknown or incomplete: ${key}`);
    options[name] = ["seconds", "nodes", "edges"].includes(name) ? Number(value) : value;
  }
  const fine =
    options.dist &&
    options.seconds > 0 &&
    options.nodes > 1 &&
    options.edges >= options.nodes - 1 &&
    options.edges <= (options.nodes * (options.nodes - 1)) / 2 &&
    ["auto", "svg", "canvas2d", "webgl2"].includes(options.renderer) &&
    ["auto", "plain", "swiftshader"].includes(options.gl) &&
    ["auto", "full"].includes(options.detail);
  if (!fine) usage("bad or missing arguments");
  if (!fs.existsSync(path.join(options.dist, "index.html"))) {
    usage(`${options.dist}/index.html does not exist: build with trunk build --release`);
  }
  return options;
}

function usage(why) {
  console.error(`fps.mjs: ${why}`);
  console.error(
    "usage: node benches/fps.mjs --dist DIR [--seconds 5] [--nodes 10000] [--edges 100000]" +
      " [--renderer auto|svg|canvas2d|webgl2] [--gl auto|plain|swiftshader] [--detail auto|full]",
  );
  process.exit(2);
}

// SplitMix64 on BigInt: the same stream as benches/fa2_graphology.mjs.
function splitMix(seed) {
  let state = seed;
  const mask = (1n << 64n) - 1n;
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & mask;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    return Number((z ^ (z >> 31n)) >> 11n) / 2 ** 53;
  };
}

// The edge list as CSV text: a chain through everyone first (so nobody is left out), then
// ties from a uniform end to a preferential end, no self-ties and no repeated pair.
function edgeList(nodes, edges) {
  const next = splitMix(0x5eed_f00dn);
  const seen = new Set();
  const ends = [];
  const lines = ["source,target,weight"];
  const add = (a, b) => {
    const key = a < b ? a * nodes + b : b * nodes + a;
    if (a === b || seen.has(key)) return false;
    seen.add(key);
    ends.push(a, b);
    const weight = 1 + Math.floor(-Math.log(1 - next()) * 1.5);
    lines.push(`p${a},p${b},${Math.min(weight, 20)}`);
    return true;
  };
  for (let v = 1; v < nodes; v++) add(Math.floor(next() * v), v);
  while (seen.size < edges) {
    const a = Math.floor(next() * nodes);
    const b = ends[Math.floor(next() * ends.length)];
    add(a, b);
  }
  return lines.join("\n") + "\n";
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

// Serves `root` on a free loopback port; resolves to the server.
function serve(root) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(path.resolve(root))) {
      response.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404).end();
        return;
      }
      const type = TYPES[path.extname(file)] || "application/octet-stream";
      response.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function launch(gl) {
  const args = gl === "swiftshader" ? [...BASE_ARGS, ...SWIFTSHADER] : BASE_ARGS;
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

// Whether a browser opened with `gl` flags offers WebGL2.
async function hasWebGl2(gl) {
  const browser = await launch(gl);
  try {
    const page = await browser.newPage();
    return await page.evaluate(() => !!document.createElement("canvas").getContext("webgl2"));
  } finally {
    await browser.close();
  }
}

async function chooseGl(options) {
  if (options.gl !== "auto") return options.gl;
  if (options.renderer === "svg" || options.renderer === "canvas2d") return "plain";
  return (await hasWebGl2("plain")) ? "plain" : "swiftshader";
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at];
}

const round = (v, places = 2) => (v === null ? null : Number(v.toFixed(places)));

// Loads the graph, zooms, drags for `seconds`; returns the measurements.
async function measure(page, csvPath, options) {
  await page.waitForSelector("#file-input", { state: "attached", timeout: 120_000 });
  const started = Date.now();
  await page.setInputFiles("#file-input", csvPath);
  await page.waitForFunction(
    (n) => {
      const net = document.querySelector("#network");
      return net && Number(net.getAttribute("data-nodes")) === n;
    },
    options.nodes,
    { timeout: LOAD_TIMEOUT_MS, polling: 500 },
  );
  const loadSeconds = (Date.now() - started) / 1000;
  const box = await page.evaluate(() => {
    const net = document.querySelector("#network");
    net.scrollIntoView({ block: "center" });
    const r = net.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.wheel(0, -ZOOM_PIXELS);
  await page.waitForTimeout(500);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const metrics = async () => {
    const { metrics: list } = await cdp.send("Performance.getMetrics");
    return Object.fromEntries(list.map((m) => [m.name, m.value]));
  };
  const drawn = () =>
    page.evaluate(() => {
      const net = document.querySelector("#network");
      return {
        ms: net.peerscopeDrawMs || 0,
        frames: net.peerscopeFrames || 0,
        ties: net.peerscopeTies || 0,
      };
    });
  await page.evaluate(() => {
    const clock = { stamps: [], stop: false };
    window.__peerscopeFps = clock;
    const tick = (t) => {
      clock.stamps.push(t);
      if (!clock.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const [before, drawBefore] = [await metrics(), await drawn()];
  await page.mouse.down();
  const end = Date.now() + options.seconds * 1000;
  for (let step = 0; Date.now() < end; step++) {
    const angle = (2 * Math.PI * step) / LAP_STEPS;
    await page.mouse.move(
      centre.x + DRAG_RADIUS * Math.cos(angle) - DRAG_RADIUS,
      centre.y + DRAG_RADIUS * Math.sin(angle),
    );
  }
  await page.mouse.up();
  const stamps = await page.evaluate(() => {
    window.__peerscopeFps.stop = true;
    return window.__peerscopeFps.stamps;
  });
  const [after, drawAfter] = [await metrics(), await drawn()];
  const deltas = stamps.slice(1).map((t, i) => t - stamps[i]);
  const frames = deltas.length;
  const elapsed = (stamps[stamps.length - 1] - stamps[0]) / 1000;
  const sorted = [...deltas].sort((a, b) => a - b);
  const page_info = await page.evaluate(() => {
    const net = document.querySelector("#network");
    return {
      renderer: net.getAttribute("data-renderer") || "svg",
      nodes: Number(net.getAttribute("data-nodes")),
      shown: Number(net.getAttribute("data-shown")),
      ties: Number(net.getAttribute("data-ties") || net.querySelectorAll("line").length),
      view: net.getAttribute("data-view") || net.getAttribute("viewBox"),
    };
  });
  const perFrame = (key) => (frames ? ((after[key] - before[key]) * 1000) / frames : null);
  const ourFrames = drawAfter.frames - drawBefore.frames;
  return {
    fps: round(frames / Math.max(elapsed, 1e-9), 1),
    frame_ms_p50: round(percentile(sorted, 50)),
    frame_ms_p95: round(percentile(sorted, 95)),
    renderer: page_info.renderer,
    nodes: page_info.nodes,
    edges: options.edges,
    shown_people: page_info.shown,
    shown_ties: page_info.ties,
    frames,
    seconds: round(elapsed),
    main_ms_per_frame: round(perFrame("TaskDuration")),
    script_ms_per_frame: round(perFrame("ScriptDuration")),
    draws: ourFrames,
    draw_ms_per_frame: ourFrames ? round((drawAfter.ms - drawBefore.ms) / ourFrames) : null,
    ties_per_draw: ourFrames ? Math.round((drawAfter.ties - drawBefore.ties) / ourFrames) : null,
    load_s: round(loadSeconds, 1),
    view: page_info.view,
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "peerscope-fps-"));
  const csvPath = path.join(dir, `graph-${options.nodes}-${options.edges}.csv`);
  fs.writeFileSync(csvPath, edgeList(options.nodes, options.edges));
  const server = await serve(path.resolve(options.dist));
  const gl = await chooseGl(options);
  const browser = await launch(gl);
  let code = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const keys = [];
    if (options.renderer !== "auto") keys.push(`renderer=${options.renderer}`);
    if (options.detail === "full") keys.push("detail=full");
    const query = keys.length ? `?${keys.join("&")}` : "";
    await page.goto(`http://127.0.0.1:${server.address().port}/${query}`);
    const result = await measure(page, csvPath, options);
    result.gl = gl === "swiftshader" ? SWIFTSHADER.join(" ") : "none";
    console.log(JSON.stringify(result));
  } catch (error) {
    console.error(`fps.mjs: ${error.message}`);
    code = 1;
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(code);
}

main();
