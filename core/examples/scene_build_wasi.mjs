// Runs a wasm32-wasip1 build of an example (`scene_build`) under Node's WASI, passing the
// arguments after the file on: `node core/examples/scene_build_wasi.mjs FILE.wasm [ARGS…]`.
import { readFile } from "node:fs/promises";
import { WASI } from "node:wasi";
import process from "node:process";

const [file, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: "preview1", args: [file, ...args], env: {} });
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
wasi.start(instance);
