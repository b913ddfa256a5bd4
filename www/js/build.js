// Which of the crate's two builds this page or worker loads (see the Makefile). Threads
// need a memory shared between workers, which browsers give only to cross-origin isolated
// pages: an example embedded in a course page usually is not. There, the single-threaded
// build runs what can run without threads, as wasm-bindgen-rayon's own demo does.

// A module with a shared memory and an atomic load: valid only where wasm threads are.
const ATOMICS_MODULE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 4, 1, 3, 1, 1, 10, 11, 1, 9,
  0, 65, 0, 254, 16, 2, 0, 26, 11,
]);

/** True where the pool examples get real threads. Dedicated workers inherit their page's
 * isolation, so the page and its workers always agree. */
export const threadsAvailable = globalThis.crossOriginIsolated === true &&
  typeof SharedArrayBuffer === 'function' && WebAssembly.validate(ATOMICS_MODULE);

/** The wasm-bindgen glue of the build to load. */
export const buildUrl = new URL(
  threadsAvailable ? '../pkg/playground.js' : '../pkg-single/playground.js', import.meta.url);

/** Its wasm module, which the glue fetches beside itself. */
export const wasmUrl = new URL('playground_bg.wasm', buildUrl);

/** The last two parts of a URL's path ("pkg/playground_bg.wasm"): enough to name a file of
 * the playground wherever it is hosted. */
const shortName = (url) => new URL(url).pathname.split('/').slice(-2).join('/');

/** A download that failed; `file` names it. */
export class DownloadFailed extends Error {
  constructor(url) {
    super(`Could not download ${shortName(url)}.`);
    this.name = 'DownloadFailed';
    this.file = shortName(url);
  }
}

/** Imports the build's glue (`url`: another URL for another instance) and instantiates its
 * wasm, from `module` if given (compiled already: see warm-up.js), over `memory` if given
 * (a pool thread's: the pool's shared memory). A download that fails throws
 * DownloadFailed; anything else as it was thrown. */
export async function instantiateBuild(url = buildUrl, module = null, memory = undefined) {
  let glue;
  try {
    glue = await import(url.href);
  } catch {
    throw new DownloadFailed(url);
  }
  try {
    await glue.default(module ? { module_or_path: module, memory } : undefined);
  } catch (error) {
    // A fetch that failed, or a response that is not wasm (an error page).
    if (error instanceof TypeError || error instanceof WebAssembly.CompileError) {
      throw new DownloadFailed(new URL('playground_bg.wasm', url));
    }
    throw error;
  }
  return glue;
}

/** What went wrong, in words: the crate's report of a panic or of running out of memory
 * (`report`, if any), else the error's message; a trap that nothing reported says so. */
export function failureMessage(error, report = null) {
  if (report) return report;
  if (error instanceof WebAssembly.RuntimeError) return `trap: ${error.message}`;
  return error?.message ?? String(error);
}

/** What a pool's worker or thread tells the page when it could not start: the file it could
 * not download, or else what went wrong (`report`: as for failureMessage). */
export const startFailure = (error, report = null) => (error instanceof DownloadFailed
  ? { type: 'downloadFailed', file: error.file }
  : { type: 'startFailed', message: failureMessage(error, report) });

// A blob URL per worker script, made once: see moduleWorker.
const workerBlobs = new Map();

/** A Worker running the module at `url`. A document with an opaque origin (a frame
 * sandboxed without allow-same-origin) may not start a worker from the site's URL, nor a
 * module worker from a blob (Chromium 156): it starts a classic worker from a blob of its
 * own, which imports the module (the site serves it to any origin, see serve.json) and
 * hands it the messages that arrived meanwhile. A module that cannot be downloaded is
 * reported as the workers report theirs: {type: 'downloadFailed', file}; any other failure
 * as the worker's error. */
export function moduleWorker(url) {
  if (globalThis.origin !== 'null') return new Worker(url, { type: 'module' });
  if (!workerBlobs.has(url.href)) {
    const source = `const early = [];
      const keep = (event) => early.push(event.data);
      addEventListener('message', keep);
      import(${JSON.stringify(url.href)}).then(() => {
        removeEventListener('message', keep);
        for (const data of early) dispatchEvent(new MessageEvent('message', { data }));
      }, (error) => {
        // A module that did not arrive; one that failed as it ran is an error of its own.
        if (error instanceof TypeError) postMessage({ type: 'downloadFailed', file: ${JSON.stringify(shortName(url))} });
        else setTimeout(() => { throw error; });
      });`;
    workerBlobs.set(url.href, URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  }
  return new Worker(workerBlobs.get(url.href));
}
