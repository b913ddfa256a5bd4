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
