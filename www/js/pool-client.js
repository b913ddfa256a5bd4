// The page's side of pool-worker.js, in the manner of squoosh's worker bridge: the worker
// starts lazily and once, with a worker per thread of its pool (pool-thread.js), runs one
// job at a time, and stopping a job terminates them all (a blocked rayon call cannot be
// interrupted) so that the next run starts afresh.

import { t } from './i18n.js';
import { buildUrl, moduleWorker, threadsAvailable } from './build.js';
import { downloadFailed } from './wasm.js';
import { compiledInTime } from './warm-up.js';

/** How often a pending job's pool is checked for a panic: a message shown this late is
 * still prompt, and the check reads a few bytes. */
const PANIC_POLL_MS = 100;

/** How long a pool may take to come up: a few hundred milliseconds on a phone, and never
 * more than this unless a download or a worker has stalled. */
const START_TIMEOUT_MS = 20_000;

/** The message of the first panic in `memory`, or null (`PANIC_REPORT` in crate/src/web/failure.rs:
 * a u32 length, then UTF-8 bytes). */
function readPanicReport({ memory, panicReportAddress }) {
  const length = Atomics.load(new Uint32Array(memory.buffer, panicReportAddress, 1), 0);
  if (!length) return null;
  // TextDecoder refuses views of shared memory: decode a copy.
  return new TextDecoder().decode(
    new Uint8Array(memory.buffer, panicReportAddress + 4, length).slice());
}

/** The most workers a pool may have: one per core the browser reports. A link or a host
 * page may ask for more; only this many are ever started. */
export const MAX_WORKERS = navigator.hardwareConcurrency || 2;

/** `workers` if a pool may have that many, else a RangeError that says how many it may. */
function checkedWorkers(workers) {
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    throw new RangeError(`A pool has 1 to ${MAX_WORKERS} workers; ${workers} were asked for.`);
  }
  return workers;
}

/** A thread of a pool (pool-thread.js), started now and told to import the glue, and the
 * port through which the pool's worker will hand it its part of the pool. */
function startPoolThread() {
  const thread = moduleWorker(new URL('./pool-thread.js', import.meta.url));
  const { port1, port2 } = new MessageChannel();
  thread.postMessage({ type: 'preload', glue: buildUrl.href, port: port1 }, [port1]);
  return { thread, port: port2 };
}

/** The error of a message from the pool's worker or a thread that it could not start
 * (build.js, startFailure), or null for any other message. */
function startFailed(data) {
  if (data.type === 'downloadFailed') return downloadFailed(data.file);
  return data.type === 'startFailed' ? new Error(data.message) : null;
}

export class PoolClient {
  #worker = null;
  #threads = []; // the pool's threads, started by the page with #worker (pool-thread.js)
  #ready = null;
  #nextId = 1;
  #pending = new Map();
  #workers;
  // The pool's shared memory and where in it the worker counts rows and keeps a panic
  // (from its 'ready' message); null while no pool is up, and without threads.
  #shared = null;
  #watchdog = null; // looks for such a panic while jobs are pending
  #abortStart = null; // rejects the start in progress, if any

  constructor({ workers = MAX_WORKERS } = {}) {
    this.#workers = checkedWorkers(workers);
  }

  /** A pool of another size needs a fresh worker: rayon's global pool is built once. */
  setWorkers(workers) {
    if (checkedWorkers(workers) === this.#workers) return;
    this.stop();
    this.#workers = workers;
  }

  /** Resolves once the worker's thread pool is up; starts it if needed. A start that
   * fails (a download, or a pool that does not come up in START_TIMEOUT_MS) rejects, and
   * the next call starts afresh. */
  start() {
    if (this.#ready) return this.#ready;
    const worker = moduleWorker(new URL('./pool-worker.js', import.meta.url));
    this.#worker = worker;
    // Without threads the pool is the worker's own thread.
    const threads = threadsAvailable ? Array.from({ length: this.#workers }, startPoolThread) : [];
    this.#threads = threads.map(({ thread }) => thread);
    // The module the page compiled as it loaded, or null: the worker downloads and compiles
    // it only without one.
    compiledInTime().then((module) => {
      const ports = threads.map(({ port }) => port);
      worker.postMessage({ type: 'start', module, threads: ports }, ports);
    });
    this.#ready = new Promise((resolve, reject) => {
      const timeout = setTimeout(() => failed(new Error(t('couldNotStart', {
        message: t('poolDidNotStart', { seconds: START_TIMEOUT_MS / 1000 }),
      }))), START_TIMEOUT_MS);
      const started = (workers) => {
        clearTimeout(timeout);
        this.#abortStart = null;
        resolve(workers);
      };
      const failed = (error) => {
        clearTimeout(timeout);
        reject(error);
        if (this.#worker === worker) this.stop(error);
      };
      this.#abortStart = (error) => {
        clearTimeout(timeout);
        reject(error);
      };
      worker.addEventListener('message', ({ data }) => {
        const failure = startFailed(data);
        if (data.type === 'ready') {
          const { memory, rowsDoneAddress, panicReportAddress } = data;
          this.#shared = memory && { memory, rowsDoneAddress, panicReportAddress };
          started(data.workers);
        } else if (failure) {
          failed(failure);
        } else if (data.type === 'threadInit') {
          // Wrapped as it came: the helper imported with the glue listens for a bare init
          // in every worker, and would answer where the pool's worker does not listen.
          threads[data.thread].thread.postMessage({ type: 'threadInit', init: data.init });
        } else {
          this.#settle(data);
        }
      });
      // A worker's own script did not load (the event says nothing more), or an error
      // nothing caught reached a worker's top level: either way the pool is gone.
      const onError = (script) => (event) => {
        event.preventDefault();
        const panic = this.#shared && readPanicReport(this.#shared);
        failed(panic || event.message ? new Error(panic || event.message) : downloadFailed(script));
      };
      worker.addEventListener('error', onError('js/pool-worker.js'));
      for (const { thread } of threads) {
        thread.addEventListener('error', onError('js/pool-thread.js'));
        thread.addEventListener('message', ({ data }) => {
          const failure = startFailed(data);
          if (failure) failed(failure);
        });
      }
    });
    return this.#ready;
  }

  /** Runs pool `method` with `params`; `onEvent` receives each line and span as it happens. */
  async run(method, params, onEvent) {
    await this.start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onEvent });
      this.#worker.postMessage({ type: 'run', id, method, params });
      this.#watch();
    });
  }

  /** A panic on a pool thread leaves the worker blocked for good, unable to report it: the
   * panic hook leaves the message in the shared memory, and this looks for it. */
  #watch() {
    this.#watchdog ??= setInterval(() => {
      const message = this.#shared && readPanicReport(this.#shared);
      if (message) this.#poisoned(message);
      else if (!this.#pending.size) this.#stopWatching();
    }, PANIC_POLL_MS);
  }

  #stopWatching() {
    clearInterval(this.#watchdog);
    this.#watchdog = null;
  }

  /** A panicked instance cannot be trusted again: its jobs fail with the panic's message,
   * and a fresh worker starts for the next run. */
  #poisoned(message) {
    this.#failAll(new Error(message));
    this.stop();
    this.start().catch(() => {});
  }

  /** The size of the pool's shared memory, in bytes (0 while no pool is up). */
  memoryBytes() {
    return this.#shared?.memory.buffer.byteLength ?? 0;
  }

  /** Whether rowsDone() can follow a run: only a shared memory can be read while the
   * worker is busy. */
  get showsProgress() {
    return this.#shared !== null;
  }

  /** Rows counted so far by the running job (a pool run counts 2 × rows × repeats). */
  rowsDone() {
    if (!this.#shared) return 0;
    const { memory, rowsDoneAddress } = this.#shared;
    // A fresh view each time: when the memory grows, `buffer` is a new, larger one.
    return Atomics.load(new Uint32Array(memory.buffer, rowsDoneAddress, 1), 0);
  }

  /** Stops whatever runs: the worker and its pool are discarded; pending runs fail with
   * `reason` (by default, that they were stopped). */
  stop(reason = Object.assign(new Error('Stopped.'), { name: 'AbortError' })) {
    this.#worker?.terminate();
    this.#worker = null;
    for (const thread of this.#threads) thread.terminate();
    this.#threads = [];
    // A run still waiting for the pool to start must fail too, or it would wait forever.
    this.#abortStart?.(reason);
    this.#abortStart = null;
    this.#ready = null;
    this.#shared = null;
    this.#stopWatching();
    this.#failAll(reason);
  }

  #settle({ type, id, events, result, message, field, sentence, poisoned }) {
    const job = this.#pending.get(id);
    if (!job) return;
    if (type === 'events') {
      events.forEach(job.onEvent);
      return;
    }
    this.#pending.delete(id);
    if (type === 'result') {
      job.resolve(result);
      return;
    }
    job.reject(Object.assign(new Error(message), { field, sentence }));
    if (poisoned) this.#poisoned(message);
  }

  #failAll(error) {
    for (const job of this.#pending.values()) job.reject(error);
    this.#pending.clear();
  }
}
