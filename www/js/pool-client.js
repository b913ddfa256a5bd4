// The page's side of pool-worker.js, in the manner of squoosh's worker bridge: the worker
// starts lazily and once, runs one job at a time, and stopping a job terminates the worker
// (a blocked rayon call cannot be interrupted) so that the next run starts a fresh one.

export class PoolClient {
  #worker = null;
  #ready = null;
  #nextId = 1;
  #pending = new Map();
  #workers;
  #rowsDone = null; // () => rows counted so far by the current run
  #abortStart = null; // rejects the start in progress, if any

  constructor({ workers = navigator.hardwareConcurrency || 2 } = {}) {
    this.#workers = workers;
  }

  get workers() {
    return this.#workers;
  }

  /** A pool of another size needs a fresh worker: rayon's global pool is built once. */
  setWorkers(workers) {
    if (workers === this.#workers) return;
    this.stop();
    this.#workers = workers;
  }

  /** Resolves once the worker's thread pool is up; starts it if needed. */
  start() {
    if (this.#ready) return this.#ready;
    const url = new URL('./pool-worker.js', import.meta.url);
    url.searchParams.set('workers', String(this.#workers));
    const worker = new Worker(url, { type: 'module' });
    this.#worker = worker;
    this.#ready = new Promise((resolve, reject) => {
      this.#abortStart = reject;
      worker.addEventListener('message', ({ data }) => {
        if (data.type === 'ready') {
          const { memory, rowsDoneAddress } = data;
          // A fresh view each time: when the memory grows, `buffer` is a new, larger one.
          this.#rowsDone = () => Atomics.load(new Uint32Array(memory.buffer, rowsDoneAddress, 1), 0);
          resolve(data.workers);
        }
        else this.#settle(data);
      });
      worker.addEventListener('error', (event) => {
        const error = new Error(event.message || 'The pool worker failed to start.');
        reject(error);
        this.#failAll(error);
      });
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
    });
  }

  /** Rows counted so far by the running job (a pool run counts 2 × rows × repeats). */
  rowsDone() {
    return this.#rowsDone?.() ?? 0;
  }

  /** Stops whatever runs: the worker and its pool are discarded. */
  stop() {
    const stopped = Object.assign(new Error('Stopped.'), { name: 'AbortError' });
    this.#worker?.terminate();
    this.#worker = null;
    // A run still waiting for the pool to start must fail too, or it would wait forever.
    this.#abortStart?.(stopped);
    this.#abortStart = null;
    this.#ready = null;
    this.#rowsDone = null;
    this.#failAll(stopped);
  }

  #settle({ type, id, event, result, message, poisoned }) {
    const job = this.#pending.get(id);
    if (!job) return;
    if (type === 'event') {
      job.onEvent(event);
      return;
    }
    this.#pending.delete(id);
    if (type === 'result') {
      job.resolve(result);
      return;
    }
    job.reject(new Error(message));
    if (poisoned) {
      // A panicked instance cannot be trusted again: start afresh for the next run.
      this.stop();
      this.start().catch(() => {});
    }
  }

  #failAll(error) {
    for (const job of this.#pending.values()) job.reject(error);
    this.#pending.clear();
  }
}
