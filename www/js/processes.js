// Starts the "processes" of example 1 for the Rust side (crate/src/web/workers.rs's JsProcessHost): each is
// a Worker of its own (process-worker.js), and its result comes back as a message.

import { moduleWorker } from './build.js';
import { downloadFailed } from './wasm.js';
import { epochNow } from './clock.js';

const stoppedError = () => Object.assign(new Error('Stopped.'), { name: 'AbortError' });

export function processHost() {
  const running = new Map(); // worker → reject of its join
  let stopped = false; // a stopped run starts no more processes

  const finish = (worker) => {
    worker.terminate();
    running.delete(worker);
  };

  return {
    /** Starts a process; resolves to {line, calls, startedMs, postedMs, receivedMs, readyMs,
     * finishedMs, answeredMs}: when this thread asked for its worker and posted it the
     * continent, when the process received that, had its wasm instance and had finished,
     * and when this thread had its answer. `fail`, for the tests: the process fails as a
     * bug would (crate/src/web/failure.rs, debugFail). */
    start(continent, { fail } = {}) {
      if (stopped) return Promise.reject(stoppedError());
      const startedMs = epochNow();
      const worker = moduleWorker(new URL('./process-worker.js', import.meta.url));
      return new Promise((resolve, reject) => {
        running.set(worker, reject);
        let postedMs;
        worker.addEventListener('message', ({ data }) => {
          const answeredMs = epochNow();
          finish(worker);
          if (data.type === 'done') resolve({ ...data, startedMs, postedMs, answeredMs });
          else if (data.type === 'downloadFailed') reject(downloadFailed(data.file));
          else reject(new Error(data.message));
        });
        worker.addEventListener('error', (event) => {
          event.preventDefault();
          finish(worker);
          reject(event.message ? new Error(event.message) : downloadFailed('js/process-worker.js'));
        });
        postedMs = epochNow();
        worker.postMessage({ type: 'start', continent, fail });
      });
    },

    /** Terminates every process still running and refuses new ones; their joins fail with
     * AbortError. */
    stopAll() {
      stopped = true;
      for (const [worker, reject] of running) {
        finish(worker);
        reject(stoppedError());
      }
    },
  };
}
