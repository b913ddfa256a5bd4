// What the page starts while the rest of its modules are still on their way: index.html
// loads this first (async), so that downloading and compiling the wasm overlaps with them
// instead of waiting for app.js to run. The build makes it one file (tools/bundle.mjs).
// Whatever fails here is left for the page's own start to do again and report.

import { buildUrl, wasmUrl } from './build.js';
import { mayReloadToIsolate } from './isolation.js';

// Only in a page (Node's tests import the modules that import this one), and not in one
// about to reload through isolation-sw.js, which would throw all of it away.
const starting = typeof window === 'object' && !mayReloadToIsolate();

/** The build's wasm module compiled as it downloads, or null if that failed (the page's
 * own start then downloads it again, and says what failed). */
const compiledWasm = starting
  ? WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => null)
  : Promise.resolve(null);

/** How long a start waits for that module before it downloads one itself: a download that
 * stalls must not hold back every later start (a start that fails downloads afresh). */
const COMPILED_WAIT_MS = 5_000;

/** compiledWasm, or null if it is not there within COMPILED_WAIT_MS. */
export const compiledInTime = () => Promise.race([
  compiledWasm, new Promise((resolve) => { setTimeout(resolve, COMPILED_WAIT_MS, null); }),
]);

// The glue too: the page imports it by the same URL (wasm.js), and gets this one.
if (starting) import(buildUrl.href).catch(() => {});
