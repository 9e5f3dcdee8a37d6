// The web developer's layout: graphology + graphology-layout-forceatlas2, timed.
//
//   node benches/fa2_graphology.mjs NODES EDGES ITERATIONS
//
// Builds a seeded random graph with a heavy-tailed degree distribution (each edge picks
// one end uniformly and the other by preferential attachment, as chat networks look),
// runs ITERATIONS of ForceAtlas2 with Barnes–Hut (what one turns on at this size), and
// prints JSON: nodes, edges, seconds for the whole run and per iteration. Resolved from
// the git-ignored .bench/node_modules that benches/run.py installs.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", ".bench", "node", "package.json"));
const Graph = require("graphology");
const forceAtlas2 = require("graphology-layout-forceatlas2");

const [nodes, edges, iterations] = process.argv.slice(2).map(Number);
if (!(nodes > 1 && edges > 0 && iterations > 0)) {
  console.error("usage: node benches/fa2_graphology.mjs NODES EDGES ITERATIONS");
  process.exit(2);
}

// SplitMix64 on BigInt: the same stream in any language, so peerscope can lay out the
// same graph later.
let state = 0x9e3779b97f4a7c15n;
const mask = (1n << 64n) - 1n;
function next() {
  state = (state + 0x9e3779b97f4a7c15n) & mask;
  let z = state;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
  return Number((z ^ (z >> 31n)) >> 11n) / 2 ** 53;
}

const graph = new Graph({ type: "undirected", multi: false });
for (let v = 0; v < nodes; v++) {
  graph.addNode(v, { x: next() * 1000, y: next() * 1000 });
}
const ends = [];
while (graph.size < edges) {
  const a = Math.floor(next() * nodes);
  const b = ends.length && next() < 0.5 ? ends[Math.floor(next() * ends.length)] : Math.floor(next() * nodes);
  if (a !== b && !graph.hasEdge(a, b)) {
    graph.addEdge(a, b);
    ends.push(a, b);
  }
}

const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: true };
// Wall and CPU time: on a shared machine the CPU time is the steadier of the two.
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
forceAtlas2.assign(graph, { iterations, settings });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
console.log(JSON.stringify({
  nodes: graph.order, edges: graph.size, iterations, seconds, cpu_seconds: cpuSeconds,
  per_iteration: seconds / iterations, cpu_per_iteration: cpuSeconds / iterations,
}));
