// A dedicated Worker that owns the rayon thread pool. rayon blocks the thread that calls
// it, so parallel examples are called from here and never from the page's main thread.
// Protocol: the page posts {type: 'run', id, method, params}; this worker answers with
// {type: 'event', id, event} for each line and span, then {type: 'result', id, result} or
// {type: 'error', id, message}. {type: 'ready', workers, memory, rowsDoneAddress,
// panicReportAddress} is posted once the pool is up.

import init, {
  debugPanic, debugPanicInPoolThread, initThreadPool, measureWakeUp, panicReportAddress,
  rowsDoneAddress, runPool, runThreading,
} from '../pkg/playground.js';

// The crate's panic hook reports here: a panic traps the instance, and the trap's own
// message ("unreachable") says nothing useful.
let lastPanic = null;
self.__playgroundPanic = (message) => { lastPanic = message; };

const runners = {
  apply: (params, emit) => runPool('apply', params, emit),
  map: (params, emit) => runPool('map', params, emit),
  starmap: (params, emit) => runPool('starmap', params, emit),
  threading: runThreading,
  panic: () => debugPanic(),
  panicInPoolThread: () => debugPanicInPoolThread(),
  // For `make bench` only.
  wakeUp: ({ samples, idleMs }) => Array.from(measureWakeUp(samples, idleMs)),
};

const workers = Number(new URL(self.location.href).searchParams.get('workers')) ||
  navigator.hardwareConcurrency || 2;

// The page reads a run's progress straight from the shared memory: this worker is blocked
// while a run lasts and could not answer a message.
const ready = (async () => {
  const { memory } = await init();
  await initThreadPool(workers);
  self.postMessage({
    type: 'ready', workers, memory,
    rowsDoneAddress: rowsDoneAddress(), panicReportAddress: panicReportAddress(),
  });
})();

self.addEventListener('message', async ({ data }) => {
  if (data?.type !== 'run') return;
  const { id, method, params } = data;
  try {
    await ready;
    const run = runners[method];
    if (!run) throw new Error(`The pool worker has no method "${method}".`);
    const result = run(params, (event) => self.postMessage({ type: 'event', id, event }));
    self.postMessage({ type: 'result', id, result });
  } catch (error) {
    const message = lastPanic ? `panic: ${lastPanic}` : error?.message ?? String(error);
    // After a panic the instance is poisoned: the page replaces this worker.
    self.postMessage({ type: 'error', id, message, poisoned: lastPanic !== null });
    lastPanic = null;
  }
});
