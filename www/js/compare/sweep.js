// A sweep of rows: the current pool example's method at each size of SWEEP_ROWS, on a
// pool of 1 worker and one of all workers, alternately, on pools of its own (the page's
// pool is left as it is, ready for the next run). The learner can stop it; it stops its
// pools when it ends, however it ends.

import { PoolClient } from '../pool-client.js';
import { loadWasm } from '../wasm.js';
import { sweepPoint } from './sweep-math.js';

/** Runs per size and pool: alternating the two pools, each round in the other order than
 * the last, so that a drift of the machine's pace weighs on both alike. */
export const SWEEP_ROUNDS = 3;
/** Timings of the pool call in each run, as the form's "Repeats" (the crate alternates
 * each with the loop's); fewer where the crate would refuse this many (pool.apply's calls). */
const REPEATS = 3;
/** A pause before each run, so that the other pool's threads have gone back to sleep and
 * do not compete with this one's (as bench/bench.mjs does). */
const SETTLE_MS = 100;

const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/**
 * Which sizes the crate accepts with these parameters, and with how many repeats: its own
 * checks, as each run would make them. {plan: [{rows, repeats}], fewerRepeats, leftOut},
 * the last two the crate's refusal ({rows, error}) at the first size that needed fewer
 * repeats, or that it refused even with one. Throws what is not a refusal.
 */
export async function planSweep(method, params, sizes, workers) {
  const wasm = await loadWasm();
  const refusal = (rows, repeats) => {
    try {
      for (const pool of [1, workers]) {
        wasm.checkParams(`pool-${method}`, { ...params, rows, repeats, workers: pool }, { speed: 1 });
      }
      return null;
    } catch (error) {
      if (!error.sentence) throw error;
      return error;
    }
  };
  const plan = [];
  let fewerRepeats = null;
  let leftOut = null;
  for (const rows of sizes) {
    const asked = refusal(rows, REPEATS);
    const once = asked && refusal(rows, 1);
    if (asked && once) {
      leftOut ??= { rows, error: once };
      continue;
    }
    if (asked) fewerRepeats ??= { rows, error: asked };
    plan.push({ rows, repeats: asked ? 1 : REPEATS });
  }
  return { plan, fewerRepeats, leftOut };
}

export class Sweep {
  #clients = [];
  #stopped = false;

  /** `method` on `params` (the form's; rows, repeats and workers are the sweep's) with 1
   * worker against `workers`. */
  constructor({ method, params, workers }) {
    Object.assign(this, { method, params, workers });
  }

  stop() {
    this.#stopped = true;
    // A blocked rayon call cannot be interrupted: its worker is ended, and the run waiting
    // for it fails at once.
    for (const client of this.#clients) client.stop();
  }

  get stopped() {
    return this.#stopped;
  }

  /** Runs `plan` (see planSweep); `onProgress({rows, workers, done, total})` before each
   * run, `onPoint(points)` after each size. Resolves to the points measured, however the
   * sweep ended; a run that failed, other than by a stop, rejects after the pools stop. */
  async run(plan, { onProgress, onPoint }) {
    const { method, params, workers } = this;
    const clients = [new PoolClient({ workers: 1 }), new PoolClient({ workers })];
    this.#clients = clients;
    const points = [];
    const total = plan.length * SWEEP_ROUNDS * clients.length;
    let done = 0;
    // Without its traces: the sweep draws no timeline, and recording one would add its own
    // cost to every call (pool.apply's above all).
    const runOn = async (client, rows, repeats) => {
      const result = await client.run(method, { ...params, rows, repeats, trace: false }, () => {});
      return result.parallelTimesMs;
    };
    try {
      onProgress({ rows: null, workers: null, done, total });
      await Promise.all(clients.map((client) => client.start()));
      // Untimed: the browser compiles the wasm quickly at first and better once it is hot.
      for (const client of clients) await runOn(client, plan[0]?.rows ?? 0, 1);
      for (const { rows, repeats } of plan) {
        const rounds = [];
        for (let round = 0; round < SWEEP_ROUNDS; round++) {
          const times = {};
          for (const which of round % 2 ? [1, 0] : [0, 1]) {
            if (this.#stopped) return points;
            onProgress({ rows, workers: which ? workers : 1, done, total });
            await pause(SETTLE_MS);
            if (this.#stopped) return points;
            times[which ? 'allMs' : 'oneMs'] = await runOn(clients[which], rows, repeats);
            done++;
          }
          rounds.push(times);
        }
        points.push(sweepPoint(rows, rounds));
        onPoint(points);
      }
      onProgress({ rows: null, workers: null, done, total });
      return points;
    } catch (error) {
      if (this.#stopped) return points;
      throw Object.assign(error, { points });
    } finally {
      for (const client of clients) client.stop();
      this.#clients = [];
    }
  }
}
