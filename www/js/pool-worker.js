// A dedicated Worker that owns the rayon thread pool. rayon blocks the thread that calls
// it, so parallel examples are called from here and never from the page's main thread.
// Protocol: the page posts {type: 'start', module, threads} first (the wasm module it
// compiled, or null: this worker then downloads it; with threads, a MessagePort to each
// thread of the pool, whose init this worker posts to the page as {type: 'threadInit',
// thread, init}), then {type: 'run', id, method, params}; this
// worker answers with {type: 'events', id, events} with the run's lines, spans and arrows
// once it has ended, then {type: 'result', id, result} or {type: 'error', id, message}.
// {type: 'ready', workers, memory, rowsDoneAddress, panicReportAddress} is posted once the
// pool is up; without threads (build.js) the pool is this worker's own thread, and
// `memory` is null: an unshared memory cannot be sent.
// {type: 'downloadFailed', file} instead if a file of the module could not be downloaded,
// {type: 'startFailed', message} if the pool did not come up for another reason.

import {
  failureMessage, instantiateBuild, startFailure, threadsAvailable,
} from './build.js';

let wasm = null; // the build's module, once loaded

// The crate's panic hook reports here: a panic traps the instance, and the trap's own
// message ("unreachable") says nothing useful.
let lastPanic = null;
self.__playgroundPanic = (message) => { lastPanic = message; };

const runners = {
  apply: (params, emit) => wasm.runPool('apply', params, emit),
  map: (params, emit) => wasm.runPool('map', params, emit),
  starmap: (params, emit) => wasm.runPool('starmap', params, emit),
  threading: (params, emit) => wasm.runThreading(params, emit),
  // For the tests: fail as a bug would (app.js, ?debug).
  fail: ({ how, onPoolThread }) => wasm.debugFail(how, onPoolThread),
  // For `make bench` only.
  wakeUp: ({ samples, idleMs }) => Array.from(wasm.measureWakeUp(samples, idleMs)),
};

// The page's first message. The pool's threads are workers that the page started with
// this one (pool-thread.js says why); wasm-bindgen-rayon takes them from here, one port
// each (`__playgroundPoolThread` below, tools/patch-rayon-helper.mjs).
const start = new Promise((resolve) => {
  const take = ({ data }) => {
    if (data?.type !== 'start') return;
    self.removeEventListener('message', take);
    resolve(data);
  };
  self.addEventListener('message', take);
});
// The page reads a run's progress straight from the shared memory: this worker is blocked
// while a run lasts and could not answer a message.
const ready = (async () => {
  const { module, threads } = await start;
  wasm = await instantiateBuild(undefined, module);
  const { memory } = await wasm.default();
  // Without threads the pool is this worker's own thread.
  const workers = threadsAvailable ? threads.length : 1;
  if (threadsAvailable) {
    // wasm-bindgen-rayon's helper speaks to each thread as to a worker. Its init, with the
    // module and the shared memory, goes by way of the page, as a message to a dedicated
    // worker: the one way every engine has long shared memory by (WebKit once copied it
    // over any other channel). The thread's answer comes back on its port.
    let next = 0;
    self.__playgroundPoolThread = () => {
      const thread = next++;
      const port = threads[thread];
      // Messages wait on a port until it is started.
      port.start();
      return {
        postMessage: (init) => self.postMessage({ type: 'threadInit', thread, init }),
        addEventListener: (type, listener) => port.addEventListener(type, listener),
        removeEventListener: (type, listener) => port.removeEventListener(type, listener),
      };
    };
    await wasm.initThreadPool(workers);
  }
  self.postMessage({
    type: 'ready', workers, memory: threadsAvailable ? memory : null,
    rowsDoneAddress: wasm.rowsDoneAddress(), panicReportAddress: wasm.panicReportAddress(),
  });
})();
// A start that fails says so at once, where the page would wait for 'ready' until its
// timeout; it then starts a fresh worker for the next run, which downloads again.
ready.catch((error) => self.postMessage(startFailure(error, lastPanic)));

/** A run's events, kept until the run has ended, then posted to the page in batches: one
 * message per event costs more than the event itself when a run records 200,000 spans,
 * and a batch taken in while the run goes on would take the page's core from the pool's
 * threads on a machine with few (the timeline would show its own cost). The learner
 * follows a run by its progress bar meanwhile. */
const BATCH_EVENTS = 20_000;
function eventBatches(id) {
  let events = [];
  const add = (event) => {
    events.push(event);
  };
  const send = () => {
    for (let start = 0; start < events.length; start += BATCH_EVENTS) {
      self.postMessage({ type: 'events', id, events: events.slice(start, start + BATCH_EVENTS) });
    }
    events = [];
  };
  return { add, send };
}

self.addEventListener('message', async ({ data }) => {
  if (data?.type !== 'run') return;
  const { id, method, params } = data;
  try {
    await ready;
    const run = runners[method];
    if (!run) throw new Error(`The pool worker has no method "${method}".`);
    const events = eventBatches(id);
    try {
      const result = run(params, events.add);
      events.send();
      self.postMessage({ type: 'result', id, result });
    } finally {
      events.send();
    }
  } catch (error) {
    const message = failureMessage(error, lastPanic);
    // After a panic or any other trap the instance cannot be trusted: the page replaces
    // this worker. `field`, `sentence`: the parameter the crate refused and why, if that
    // was the error.
    const poisoned = lastPanic !== null || error instanceof WebAssembly.RuntimeError;
    self.postMessage({ type: 'error', id, message, field: error?.field, sentence: error?.sentence, poisoned });
    lastPanic = null;
  }
});
