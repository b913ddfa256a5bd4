// The playground's wasm module on the page's main thread, loaded once on first use.
// Event-loop examples run here: their futures are driven by this page's own event loop.

import { DownloadFailed, buildUrl, instantiateBuild } from './build.js';
import { t } from './i18n.js';
import { compiledInTime } from './warm-up.js';

let loading = null;
let generation = 0;
let lastPanic = null;

// A trap inside an async example happens in a microtask of wasm-bindgen-futures, not in the
// call that started it: the example's promise then never settles. Every trap of the
// instance rejects this instead, which a run waits on beside its example (trapped()).
let trap = null;
// Set once a trap has been dealt with (takePanic), until a fresh instance is loaded: the
// dropped instance's own trap, reported after its panic, is not the next one's.
let dropped = false;
const trapped = () => {
  if (!trap) {
    let reject;
    const promise = new Promise((_, rejectWith) => { reject = rejectWith; });
    // Reported by the run that waits on it, if any: never an unhandled rejection.
    promise.catch(() => {});
    trap = { promise, reject };
  }
  return trap;
};

// The crate's panic hook reports here (see web/failure.rs): a panic traps the instance,
// and the trap's own message, "unreachable", says nothing of what went wrong.
globalThis.__playgroundPanic = (message) => {
  lastPanic = message;
  trapped().reject(new Error(message));
};
if (typeof addEventListener === 'function') {
  const onTrap = (error) => {
    if (error instanceof WebAssembly.RuntimeError && !dropped) trapped().reject(error);
  };
  addEventListener('error', (event) => onTrap(event.error));
  addEventListener('unhandledrejection', (event) => onTrap(event.reason));
}

/** A promise that rejects once the page's instance traps, with the panic's message if it
 * panicked; never settles otherwise. */
export const whenTrapped = () => trapped().promise;

export function loadWasm() {
  // A module URL with another query is another module: a fresh glue and instance.
  const url = new URL(buildUrl);
  if (generation) url.searchParams.set('instance', String(generation));
  loading ??= compiledInTime().then((compiled) => instantiateBuild(url, compiled)).then((module) => {
    dropped = false;
    return module;
  }, (error) => {
    // A failed start is not kept: the next call downloads again.
    loading = null;
    throw error instanceof DownloadFailed ? downloadFailed(error.file) : error;
  });
  return loading;
}

/** The error of a download that failed (`file`: the glue, the wasm or a worker's script),
 * in the page's language: what happened, and that Run tries again. */
export const downloadFailed = (file) => Object.assign(
  new Error(t('couldNotDownload', { file })), { name: 'DownloadFailed' });

/** The message of a panic (or of running out of memory) since the last call, if any.
 * After that, or after any other trap (`error` is a WebAssembly.RuntimeError), the
 * instance cannot be trusted: it is dropped, so that the next run gets a fresh one. */
export function takePanic(error) {
  const message = lastPanic;
  if (message !== null || error instanceof WebAssembly.RuntimeError) {
    lastPanic = null;
    generation++;
    loading = null;
    trap = null;
    dropped = true;
  }
  return message;
}
