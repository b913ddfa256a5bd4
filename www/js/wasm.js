// The playground's wasm module on the page's main thread, loaded once on first use.
// Event-loop examples run here: their futures are driven by this page's own event loop.

import { DownloadFailed, buildUrl, instantiateBuild } from './build.js';
import { t } from './i18n.js';

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
  loading ??= instantiateBuild(url).catch((error) => {
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
  }
  return message;
}
