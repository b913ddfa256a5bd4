// The playground's wasm module on the page's main thread, loaded once on first use.
// Event-loop examples run here: their futures are driven by this page's own event loop.

import { buildUrl } from './build.js';

let loading = null;
let generation = 0;
let lastPanic = null;

// The crate's panic hook reports here (see web.rs): a panic traps the instance, and the
// trap's own message, "unreachable", says nothing of what went wrong.
globalThis.__playgroundPanic = (message) => {
  lastPanic = message;
};

export function loadWasm() {
  // A module URL with another query is another module: a fresh glue and instance.
  const url = new URL(buildUrl);
  if (generation) url.searchParams.set('instance', String(generation));
  loading ??= import(url.href).then(async (module) => {
    await module.default();
    return module;
  });
  return loading;
}

/** The message of a panic since the last call, if any; the panicked instance is dropped,
 * so that the next run gets a fresh one. */
export function takePanic() {
  const message = lastPanic;
  if (message !== null) {
    lastPanic = null;
    generation++;
    loading = null;
  }
  return message;
}
