// One thread of the rayon pool, a Web Worker that the page starts together with the pool's
// worker (pool-client.js), where wasm-bindgen-rayon would start it from that worker once the
// pool's instance is up (tools/patch-rayon-helper.mjs): this worker's own start and its
// download of the glue then overlap the pool worker's start and instantiation, rather than
// follow them (README, Performance).
// Protocol: the page posts {type: 'preload', glue, port} first: the glue's URL, which this
// worker imports at once, and a port to the pool's worker. Then the page passes on the pool
// worker's wasm-bindgen-rayon init as {type: 'threadInit', init}, `init` being
// {type: 'wasm_bindgen_worker_init', module, memory, receiver, mainJS}: this worker
// instantiates the module over the pool's shared memory, answers
// {type: 'wasm_bindgen_worker_ready'} on the port, and runs its thread of the pool from then
// on. (Never a bare init: the helper that the glue imports listens for one here too.)
// To the page, as the pool's worker says it, {type: 'downloadFailed', file} if a file of
// the module could not be downloaded, {type: 'startFailed', message} if this thread could
// not join the pool for another reason.

import { instantiateBuild, startFailure } from './build.js';

/** Joins the pool once its worker says how (`init`, wasm-bindgen-rayon's message). */
async function run(init, port) {
  let glue;
  try {
    glue = await instantiateBuild(new URL(init.mainJS), init.module, init.memory);
  } catch (error) {
    // Said, not rejected: a rejection would reach no one, and the pool would wait for this
    // thread for good.
    postMessage(startFailure(error));
    return;
  }
  port.postMessage({ type: 'wasm_bindgen_worker_ready' });
  try {
    glue.wbg_rayon_start_worker(init.receiver);
  } catch (error) {
    // A trap without a panic: the pool would wait for this thread for good. The page looks
    // for the message where it looks for a pool's panics (crate/src/web/failure.rs).
    glue.reportPoolThreadTrap(String(error?.message ?? error));
  }
}

let port = null;
addEventListener('message', ({ data }) => {
  if (data?.type === 'preload') {
    port = data.port;
    // The init's import of the same URL then waits for this one rather than starting
    // another; a failure is reported by it.
    import(data.glue).catch(() => {});
  } else if (data?.type === 'threadInit') {
    run(data.init, port);
  }
});
