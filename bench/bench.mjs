// `make bench`: measures the playground in headless Chromium (driven as the tests drive it),
// natively, and against the Python originals, and writes bench/report.json (every run) and
// bench/report.md (the table). `--quick` runs a small version of everything, to check that
// the benchmark works; its figures mean little.
//
// Rules: configurations compared with each other run alternately in one session, several
// rounds; medians are reported with min and max; nothing here is a pass/fail test.

import { spawn } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import readline from 'node:readline';
import path from 'node:path';
import { ROOT, launchBrowser, openPage, startServer } from '../tests/support/harness.mjs';
import { callsOf, medianInterval, summary, untilRunnable } from './measure.mjs';

const QUICK = process.argv.includes('--quick');
const ROWS = QUICK ? 200_000 : 2_000_000;
// A job five times longer, where waking the workers weighs less.
const BIG_ROWS = QUICK ? 400_000 : 10_000_000;
const ROUNDS = QUICK ? 1 : 7;
// The pool's jobs, each paired with native: a pair's ratio swings from 0.5× to 2× with the
// machine's pace (apply's, under a millisecond a run, far more), so more of them than
// ROUNDS, for the median's 95 % interval.
const POOL_ROUNDS = QUICK ? 1 : 15;
// Tracing on vs off: a run's pace varies by a fifth or more from one run to the next on a
// shared machine (pool.apply's round trips most), far more than the few per cent measured,
// so many runs in pairs, each pair in the other order than the last. With 24 pairs the
// median's 95 % interval was 15 points wide; with four times as many, half that.
const APPLY_CALLS = QUICK ? 1_000 : 4_000;
const TRACING_ROUNDS = QUICK ? 2 : 96;
const PYTHON_ROUNDS = QUICK ? 1 : 3;
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

const TARGETS = {
  // The speedup of pool.map on BIG_ROWS; every job's share of what this machine allows.
  speedup: 1.85, ofCeiling: 0.95, wasmVsNative: 1.1, countAsyncDriftMs: 10, tenThousandMs: 1250,
  timelineRenderMs: 100, tracingOverheadPct: 3, firstRunnableMs: 300, poolReadyMs: 250,
  assetsGzipKB: 300,
};

// --- Statistics ---------------------------------------------------------------------------

const medianOf = (runs, pick) => summary(runs.map(pick)).median;

/** "95 % interval of the median A to B; " for `values`, each shown by `format`, or nothing
 * for too few values to have one. */
function medianIntervalText(values, format) {
  const interval = medianInterval(values);
  return interval ? `95 % interval of the median ${format(interval.low)} to ${format(interval.high)}; ` : '';
}

// --- Processes ----------------------------------------------------------------------------

function jsonLines(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, ...options });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${err}`));
      else resolve(out.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)));
    });
  });
}

/** A parallel call's workers count as started at once when the last one started this soon
 * after the call (a hop into the pool and one hand-out, on the timeline). */
const ON_TIME_MS = 0.5;

/** `run` (a page's or a native run, with its spans) with each repeat's call from its spans
 * in their stead: the raw runs are written out whole, and a timeline would swell them.
 * Not apply's: one thread serves all of its calls, so a second worker never starts. */
function withCalls({ spans, ...run }) {
  return run.method === 'pool.apply' ? run : { ...run, repeats: callsOf(spans, run.method, run.workers) };
}

/** How long a pool thread asleep for idleMs takes to start work handed out by another. */
const WAKE_UP = { samples: QUICK ? 5 : 30, idleMs: 20 };

/** A pool call's start without the pool (no rayon, no wasm): a caller wakes all workers,
 * each asleep WAKE_UP.idleMs, then waits for their bursts; natively with plain threads, in
 * the page with plain Web Workers. */
const CALLER_WAKES_ALL = { rounds: QUICK ? 10 : 100, burstMs: 4 };

/** The pool jobs compared with one worker: each job's share per worker, as the page ran it,
 * is the burst length at which the machine's own ceiling is measured natively. */
const speedupJobs = [['pool.map', ROWS], ['pool.starmap', ROWS], ['pool.map', BIG_ROWS]];

function jobBurstsMs(pool) {
  return speedupJobs.map(([method, rows]) => {
    const one = pool.speedup.filter((r) => r.method === method && r.rows === rows && r.workers === 1);
    // Rounded, so that the native runs and the report name the same length.
    return Number((medianOf(one, (r) => r.parallelMs) / pool.cores).toFixed(2));
  });
}

const CARGO_ENV = { env: { ...process.env, PATH: `/usr/bin:${process.env.PATH}`, RUSTC_BOOTSTRAP: '1' } };
const NATIVE = path.join(ROOT, 'target/release/examples/bench_native');

const buildNative = () =>
  jsonLines('cargo', ['build', '--quiet', '--release', '--example', 'bench_native'], CARGO_ENV);

/** The page's pool jobs natively: a process keeping a global pool of `workers` threads, as
 * the page keeps its pool, that runs each job it is sent. */
function nativePool(workers) {
  const child = spawn(NATIVE, ['serve', String(workers)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  // A process that fails to start or dies fails the next run, not the whole of Node (an
  // unhandled 'error' would leave the browser and the servers open).
  let failure = null;
  const failed = (error) => { failure ??= error; };
  child.once('error', failed);
  child.stdin.on('error', failed);
  return {
    async run(method, rows) {
      // As long asleep first as the page's pool (`pause` in poolRuns).
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (!failure) child.stdin.write(`${method} ${rows}\n`);
      const { value, done } = failure ? { done: true } : await lines.next();
      if (done) throw new Error(`bench_native serve ${workers}: ${failure?.message ?? 'ended'}`);
      return JSON.parse(value);
    },
    close: () => child.stdin.end(),
  };
}

/** The machine's own limits: wake-ups, and two plain threads against one at each burst
 * length, the pool jobs' shares per worker among them. */
const nativeMachineRuns = (cores, burstsMs) => jsonLines(NATIVE, [
  'machine', String(cores), String(ROUNDS), String(WAKE_UP.samples), String(WAKE_UP.idleMs),
  String(CALLER_WAKES_ALL.rounds), String(CALLER_WAKES_ALL.burstMs),
  ...burstsMs.map(String),
]);

/** Map's own work, memory included, which the arithmetic bursts above leave out: its kernel
 * on the example's rows, one native thread against `cores` pinned threads started together,
 * no wake-up in either (bench_native's `kernel` mode). On this project's VM it read below
 * what the page's pool made, so the report sets the pool beside it with no target. */
const nativeKernelRuns = (cores) => jsonLines(NATIVE, [
  'kernel', String(cores), String(ROUNDS * 4), String(WAKE_UP.idleMs),
  ...[...new Set(speedupJobs.filter(([method]) => method === 'pool.map').map(([, rows]) => rows))].map(String),
]);

const pythonRuns = (workers) =>
  jsonLines(PYTHON, ['bench/python_pool.py', String(ROWS), String(workers), String(PYTHON_ROUNDS)]);

// --- In the page ----------------------------------------------------------------------------

/** The pool's jobs with one worker and with all, alternating, `pairedRounds` rounds, each run
 * next to the same job natively; then tracing on and off with all workers, in pairs whose
 * order alternates; then dispatch costs, `rounds` rounds. */
async function poolRuns(page, rows, bigRows, pairedRounds, rounds) {
  const params = { rows, bigRows, wakeUpParams: WAKE_UP, applyCalls: APPLY_CALLS, tracingRounds: TRACING_ROUNDS };
  const cores = await page.evaluate(async () => {
    const { PoolClient } = await import('./js/pool-client.js');
    const cores = navigator.hardwareConcurrency;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
    const clients = [new PoolClient({ workers: 1 }), new PoolClient({ workers: cores })];
    await Promise.all(clients.map((client) => client.start()));
    // With its timeline's spans if `keepSpans`: only the runs paired with native ones are read
    // for their calls (withCalls); the tracing pairs' and dispatch runs' spans would cross
    // into Node for nothing.
    const run = async (client, method, params, keepSpans = false) => {
      await pause(); // the other pool's threads go back to sleep first
      const spans = [];
      const keep = ({ kind, lane, state, start, end, label }) => {
        if (kind === 'span') spans.push({ lane, state, start, end, label });
      };
      const result = await client.run(method, { repeats: 9, ...params }, keepSpans ? keep : () => {});
      return { method: `pool.${method}`, workers: result.workers, trace: params.trace ?? true,
        rows: params.rows, parallelMs: result.parallelMs, sequentialMs: result.sequentialMs,
        ...(keepSpans && { spans }) };
    };
    globalThis.bench = { clients, run };
    return cores;
  });
  // The jobs compared with native, and the big map, whose speedup has a target of its own.
  const jobs = [['map', rows], ['starmap', rows], ['map', bigRows], ['apply', APPLY_CALLS]];
  const natives = new Map([...new Set([1, cores])].map((workers) => [workers, nativePool(workers)]));
  const runPage = (method, jobParams, workers, round) => page.evaluate(async ({ method, jobParams, workers }) => {
    const { clients, run } = globalThis.bench;
    return run(clients[workers === 1 ? 0 : 1], method, jobParams, true);
  }, { method, jobParams, workers }).then((run) => ({ ...withCalls(run), round }));
  const runNative = (method, rows, workers, round) =>
    natives.get(workers).run(`pool.${method}`, rows).then((run) => ({ ...withCalls(run), round }));
  const speedup = [];
  const native = [];
  try {
    // Round -1 warms both sides up, untimed: a process's first call of a job is slower.
    for (let round = -1; round < pairedRounds; round++) {
      const pageFirst = round % 2 === 0;
      for (const [method, jobRows] of jobs) {
        const nativeToo = jobRows !== bigRows;
        // Each job on one worker and on all, in turn; natively right after the page (or just
        // before it, every other round), so that both see the machine at the same pace: it
        // moves by a factor of two within seconds here.
        for (const workers of [1, cores]) {
          const both = [() => runPage(method, { rows: jobRows }, workers, round).then((run) => [speedup, run])];
          if (nativeToo) {
            both[pageFirst ? 'push' : 'unshift'](() => runNative(method, jobRows, workers, round).then((run) => [native, run]));
          }
          for (const side of both) {
            const [runs, run] = await side();
            if (round >= 0) runs.push(run);
          }
        }
      }
    }
  } finally {
    natives.forEach((pool) => pool.close());
  }
  const rest = await page.evaluate(async ({ bigRows, wakeUpParams, applyCalls, tracingRounds, rounds }) => {
    const { clients, run } = globalThis.bench;
    const tracing = [];
    for (let round = 0; round < tracingRounds; round++) {
      for (const trace of round % 2 ? [false, true] : [true, false]) {
        tracing.push(await run(clients[1], 'map', { rows: bigRows, trace }));
        // One call per row: the most events per unit of work any run records.
        tracing.push(await run(clients[1], 'apply', { rows: applyCalls, trace }));
      }
    }
    const wakeUp = await clients[1].run('wakeUp', wakeUpParams, () => {});
    const dispatch = [];
    for (let round = 0; round < rounds; round++) {
      dispatch.push(await run(clients[1], 'map', { rows: 100, repeats: 25 }));
      // 100,000 calls, as many as a run may make (MAX_HAND_OFFS in crate/src/demos/pool.rs).
      dispatch.push(await run(clients[1], 'apply', { rows: 20_000, repeats: 5 }));
    }
    clients.forEach((client) => client.stop());
    return { tracing, wakeUp, dispatch };
  }, { ...params, rounds });
  return { pool: { cores, speedup, ...rest }, native };
}

/** Count Async on the page's event loop, called as the page calls it. */
async function eventLoopRuns(page, rounds) {
  return page.evaluate(async (rounds) => {
    const { loadWasm } = await import('./js/wasm.js');
    const wasm = await loadWasm();
    const run = async (coroutines, mode) => {
      const control = { speed: 1, origin: performance.timeOrigin + performance.now(),
        stop: new Promise(() => {}) };
      let lines = 0;
      const outcome = await wasm.runCountAsync({ coroutines, mode }, (event) => {
        if (event.kind === 'line') lines++;
      }, control);
      return { coroutines, mode, elapsedMs: outcome.elapsedMs, lines };
    };
    const runs = [];
    for (let round = 0; round < rounds; round++) runs.push(await run(3, 'gather'));
    for (let round = 0; round < Math.min(rounds, 3); round++) runs.push(await run(3, 'sequential'));
    for (let round = 0; round < Math.min(rounds, 3); round++) runs.push(await run(10_000, 'gather'));
    return runs;
  }, rounds);
}

/** CALLER_WAKES_ALL in the page, with plain Web Workers (JavaScript, no wasm): a caller
 * worker wakes `workers` others, each asleep in Atomics.wait, and waits in Atomics.wait until
 * each has run its burst, as the pool's runner does. How late the last started, per round. */
function callerWakesAllInPage(page, workers) {
  // `slots`: one wake flag per sleeper, then the count of finished bursts, then "leave";
  // `starts`: each sleeper's start, in the clock all workers share.
  const sleeper = () => {
    onmessage = ({ data: { slots, starts, index, burstMs } }) => {
      const [finished, leave] = [slots.length - 2, slots.length - 1];
      for (;;) {
        Atomics.wait(slots, index, 0);
        starts[index] = performance.timeOrigin + performance.now();
        Atomics.store(slots, index, 0);
        if (Atomics.load(slots, leave)) return;
        const end = performance.now() + burstMs;
        while (performance.now() < end) { /* the burst */ }
        Atomics.add(slots, finished, 1);
        Atomics.notify(slots, finished);
      }
    };
  };
  const caller = () => {
    onmessage = ({ data: { slots, starts, workers, rounds, idleMs } }) => {
      const [finished, leave] = [slots.length - 2, slots.length - 1];
      const idle = new Int32Array(new SharedArrayBuffer(4));
      const wakeAll = () => {
        for (let index = 0; index < workers; index++) {
          Atomics.store(slots, index, 1);
          Atomics.notify(slots, index);
        }
      };
      const lates = [];
      for (let round = 0; round < rounds; round++) {
        Atomics.wait(idle, 0, 0, idleMs);
        Atomics.store(slots, finished, 0);
        const called = performance.timeOrigin + performance.now();
        wakeAll();
        for (let done; (done = Atomics.load(slots, finished)) < workers;) Atomics.wait(slots, finished, done);
        lates.push(Math.max(...starts) - called);
      }
      Atomics.store(slots, leave, 1);
      wakeAll();
      postMessage(lates);
    };
  };
  return page.evaluate(async ({ workers, rounds, idleMs, burstMs, sleeperSource, callerSource }) => {
    const start = (source) => new Worker(URL.createObjectURL(new Blob([`(${source})()`])));
    const slots = new Int32Array(new SharedArrayBuffer(4 * (workers + 2)));
    const starts = new Float64Array(new SharedArrayBuffer(8 * workers));
    const sleepers = Array.from({ length: workers }, (_, index) => {
      const worker = start(sleeperSource);
      worker.postMessage({ slots, starts, index, burstMs });
      return worker;
    });
    const calling = start(callerSource);
    const lates = await new Promise((resolve) => {
      calling.onmessage = ({ data }) => resolve(data);
      // The sleepers asleep first: a worker starts in tens of milliseconds.
      setTimeout(() => calling.postMessage({ slots, starts, workers, rounds, idleMs }), 300);
    });
    [...sleepers, calling].forEach((worker) => worker.terminate());
    return lates;
  }, { workers, ...CALLER_WAKES_ALL, idleMs: WAKE_UP.idleMs,
    sleeperSource: sleeper.toString(), callerSource: caller.toString() });
}

/** 10,000 coroutines through the page itself: its output and its timeline included. */
async function pageRunOfTenThousand(page, url, rounds) {
  const runs = [];
  for (let round = 0; round < Math.min(rounds, 3); round++) {
    await page.goto(`${url}#count-async?coroutines=10000&round=${round}`);
    await page.waitForSelector('html[data-ready="true"]');
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done',
      null, { timeout: 60_000 });
    const status = await page.textContent('#status');
    runs.push({ elapsedMs: 1000 * Number(status.match(/gathered: (\d+\.\d\d) s/)[1]) });
  }
  return runs;
}

async function timelineRuns(page, rounds) {
  return page.evaluate(async (rounds) => {
    const timeline = document.getElementById('timeline');
    const lanes = 8;
    const states = ['running', 'sleeping', 'waiting'];
    const origin = performance.timeOrigin;
    const spans = Array.from({ length: 100_000 }, (_, i) => ({
      lane: `worker ${i % lanes}`, state: states[i % 3], label: `span ${i}`,
      start: origin + Math.floor(i / lanes) * 1.0, end: origin + Math.floor(i / lanes) * 1.0 + 0.8,
    }));
    // And a cause arrow for every third span, to the next lane, as a gathered run has.
    const flows = spans.filter((_, i) => i % 3 === 0).map((span, i) => ({
      flow: 'spawn', fromLane: span.lane, from: span.start, toLane: `worker ${(i + 1) % lanes}`, to: span.end,
    }));
    const runs = [];
    for (let round = 0; round < rounds; round++) {
      timeline.clear();
      timeline.origin = origin;
      let start = performance.now();
      timeline.addSpans(spans);
      for (const flow of flows) timeline.addFlow(flow);
      timeline.renderNow();
      const firstMs = performance.now() - start;
      const redraws = [];
      for (let i = 0; i < 10; i++) {
        start = performance.now();
        timeline.renderNow();
        redraws.push(performance.now() - start);
      }
      timeline.zoom(10);
      const panFrames = [];
      for (let i = 0; i < 60; i++) {
        start = performance.now();
        timeline.pan(0.02);
        timeline.renderNow();
        panFrames.push(performance.now() - start);
      }
      timeline.resetZoom();
      runs.push({ firstMs, redraws, panFrames });
    }
    timeline.clear();
    return runs;
  }, rounds);
}

/** A server of the repository with the site's own headers (serve.json), for the floor's
 * page (bench/floor/), which loads the site's modules from dist/. */
async function startFloorServer() {
  const config = JSON.parse(await readFile(path.join(ROOT, 'serve.json'), 'utf8'));
  const file = path.join(os.tmpdir(), `playground-bench-floor-${process.pid}.json`);
  await writeFile(file, JSON.stringify({ ...config, public: '.' }));
  const server = await startServer({ config: file });
  return { ...server, close: async () => { await server.close(); await rm(file, { force: true }); } };
}

/** A fresh page per sample: when an example could first run, and when the pool was ready;
 * each alternated with the floor's page doing the same with nothing else to do. */
async function loadRuns(browser, url, floorUrl, cores, rounds) {
  const runs = [];
  const floor = `${floorUrl}bench/floor/page`;
  const loads = [
    ['count-async', false, `${url}#count-async`], ['count-async', true, `${floor}?start=wasm`],
    ['pool-map', false, `${url}#pool-map`], ['pool-map', true, `${floor}?start=pool&workers=${cores}`],
  ];
  for (let round = 0; round < rounds; round++) {
    // Each pair in the other order than the last.
    const order = round % 2 ? [1, 0, 3, 2] : [0, 1, 2, 3];
    for (const [example, isFloor, address] of order.map((i) => loads[i])) {
      const { page, context, errors } = await openPage(browser, null);
      await page.goto(address);
      const runnableMs = await untilRunnable(page);
      if (errors.length) throw new Error(`${address} reported errors:\n${errors.join('\n')}`);
      runs.push({ example, floor: isFloor, round, runnableMs });
      await context.close();
    }
  }
  return runs;
}

async function assetSizes() {
  // What is served (tools/bundle.mjs); a source map only to a visitor who opens the
  // browser's developer tools.
  const root = path.join(ROOT, 'dist');
  const files = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (!['.gitignore', 'package.json'].includes(entry.name) && !entry.name.endsWith('.map')) {
        const bytes = await readFile(full);
        files.push({ file: path.relative(root, full), bytes: (await stat(full)).size,
          gzipBytes: gzipSync(bytes, { level: 9 }).length });
      }
    }
  };
  await walk(root);
  return files.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

// --- Report ---------------------------------------------------------------------------------

const ms = (value) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const times = (value) => `${value.toFixed(2)}×`;
const range = (s, format) => `${format(s.median)} (${format(s.min)}–${format(s.max)}, n=${s.runs})`;

function analyse(raw) {
  const { pool, native, nativeWakeUp, plainWakeUp, machineBursts, kernelCeiling, nativeCallerWakesAll, pageCallerWakesAll,
    python, eventLoop, pageTenThousand, timeline, load, assets } = raw;
  const rows = [];
  const add = (group, metric, measured, target = '', met = null) =>
    rows.push({ group, metric, measured, target, met });
  const cores = pool.cores;

  // The raw runs are written out whole; the comparisons read them by size.
  const sized = pool.speedup.filter((r) => r.rows === ROWS && r.method !== 'pool.apply');
  const ceilingAt = (burstMs) => summary(machineBursts.filter((r) => r.burstMs === burstMs)
    .map((r) => r.oneThreadMs / r.twoThreadsMs));
  const bursts = jobBurstsMs(pool);
  for (const [job, [method, jobRows]] of speedupJobs.entries()) {
    const runs = pool.speedup.filter((r) => r.rows === jobRows);
    const one = runs.filter((r) => r.method === method && r.workers === 1);
    const all = runs.filter((r) => r.method === method && r.workers === cores);
    const ratio = summary(one.map((r, i) => r.parallelMs / all[i].parallelMs));
    const what = `${method}, ${jobRows.toLocaleString('en')} × 5`;
    add('Parallel speedup', `${what}: 1 worker`, range(summary(one.map((r) => r.parallelMs)), ms));
    add('Parallel speedup', `${what}: ${cores} workers`, range(summary(all.map((r) => r.parallelMs)), ms));
    const absolute = jobRows === BIG_ROWS && method === 'pool.map';
    add('Parallel speedup', `${what}: speedup, ${cores} workers vs 1 (per round)`, range(ratio, times),
      absolute ? `≥ ${TARGETS.speedup}×` : '', absolute ? ratio.median >= TARGETS.speedup : null);
    // What the machine allows at this job's length: two plain native threads, each running
    // one worker's share (the 1-worker time over the workers), against one thread.
    const ceiling = ceilingAt(bursts[job]);
    add('Parallel speedup', `${what}: speedup / this machine's ceiling at ${ms(bursts[job])} per worker ` +
      `(${times(ceiling.median)}, ${times(ceiling.min)}–${times(ceiling.max)})`,
      times(ratio.median / ceiling.median), `≥ ${TARGETS.ofCeiling}`, ratio.median / ceiling.median >= TARGETS.ofCeiling);
    // And map's own work, memory included: its kernel on these rows on plain native threads,
    // started together.
    const kernelRuns = method === 'pool.map' ? kernelCeiling.filter((r) => r.kernelRows === jobRows) : [];
    if (kernelRuns.length) {
      const kernel = summary(kernelRuns.map((r) => r.oneThreadMs / r.threadsMs));
      add('Parallel speedup', `${what}: speedup / map's kernel on these rows on ${cores} plain native threads started together ` +
        `(${times(kernel.median)}, ${times(kernel.min)}–${times(kernel.max)})`, times(ratio.median / kernel.median));
    }
    const loop = medianOf(all, (r) => r.sequentialMs);
    add('Parallel speedup', `${what}: ${cores} workers vs the plain loop`, times(loop / medianOf(all, (r) => r.parallelMs)));
    // Why the speedup varies: the timeline says when each worker started its first chunk. The
    // same calls natively, next to them, say how much of that is the machine's.
    const nativeRuns = native.filter((r) => r.method === method && r.rows === jobRows);
    const sides = [['', one, all],
      [', natively', nativeRuns.filter((r) => r.workers === 1), nativeRuns.filter((r) => r.workers === cores)]];
    for (const [side, sideOne, sideAll] of sides) {
      if (!sideOne.length || !sideAll.length) continue;
      const repeats = sideAll.flatMap((r) => r.repeats);
      const onTime = repeats.filter((r) => r.lastStartMs <= ON_TIME_MS);
      const late = repeats.filter((r) => r.lastStartMs > ON_TIME_MS);
      const oneMs = medianOf(sideOne, (r) => r.parallelMs);
      if (onTime.length) {
        const onTimeMs = summary(onTime.map((r) => r.ms)).median;
        add('Parallel speedup', `${what}, ${cores} workers${side}: calls whose workers all started within ${ON_TIME_MS} ms`,
          `${onTime.length} of ${repeats.length}: ${ms(onTimeMs)}, ${times(oneMs / onTimeMs)} the 1-worker time`);
      }
      if (late.length) {
        add('Parallel speedup', `${what}, ${cores} workers${side}: the other calls`,
          `${late.length} of ${repeats.length}: ${ms(summary(late.map((r) => r.ms)).median)}, last worker started ` +
          `${range(summary(late.map((r) => r.lastStartMs)), ms)} late`);
      }
      // Work that two threads at once make slower (a shared cache, a third thread taking a
      // core) shows as chunks that take longer in all than one worker's.
      if (onTime.length) {
        const onTimeBusyMs = medianOf(onTime, (r) => r.busyMs);
        const oneBusyMs = medianOf(sideOne.flatMap((r) => r.repeats), (r) => r.busyMs);
        add('Parallel speedup', `${what}, ${cores} workers${side}: the calls on time, their chunks in all against 1 worker's`,
          `${times(onTimeBusyMs / oneBusyMs)} (${ms(onTimeBusyMs)} / ${ms(oneBusyMs)})`);
      }
    }
  }

  const wakeUp = `a pool thread asleep for ${WAKE_UP.idleMs} ms: from work handed out to its start`;
  add('Parallel speedup', `${wakeUp}, in the page`, range(summary(pool.wakeUp), ms));
  add('Parallel speedup', `${wakeUp}, natively`, range(summary(nativeWakeUp), ms));
  add('Parallel speedup', `a plain native thread parked for ${WAKE_UP.idleMs} ms (no rayon, no wasm), woken by one that then waits: from unpark to its start`,
    range(summary(plainWakeUp), ms));
  // How many of `lates` (milliseconds) started within ON_TIME_MS, and how late the others.
  const startedOnTime = (lates) => {
    const late = lates.filter((lateMs) => lateMs > ON_TIME_MS);
    return `${lates.length - late.length} of ${lates.length}` + (late.length ? `; the others ${range(summary(late), ms)} late` : '');
  };
  // The pool's late starts without the pool: a plain thread, asleep, woken by another that
  // keeps its own core busy, so that it needs the other core, as a pool's second worker does.
  add('Parallel speedup', `this machine, no rayon, no wasm: a thread asleep ${WAKE_UP.idleMs} ms, woken by one that keeps its core busy: rounds it started within ${ON_TIME_MS} ms`,
    startedOnTime(machineBursts.map((r) => r.helperLateMs)));
  // The pool's call start without the pool: whatever makes these late makes its calls late.
  const callerWakesAll = `a caller wakes ${cores} threads asleep ${WAKE_UP.idleMs} ms, then waits, as the runner starts a pool call: rounds all started within ${ON_TIME_MS} ms`;
  add('Parallel speedup', `this machine, no rayon, no wasm: ${callerWakesAll}, native threads`, startedOnTime(nativeCallerWakesAll));
  add('Parallel speedup', `this machine and browser, no rayon, no wasm: ${callerWakesAll}, the page's Web Workers`, startedOnTime(pageCallerWakesAll));
  // The machine itself: how far two plain threads beat one on bursts as short as the jobs.
  for (const burstMs of [...new Set(machineBursts.map((r) => r.burstMs))]) {
    const runs = machineBursts.filter((r) => r.burstMs === burstMs);
    const ratios = summary(runs.map((r) => r.oneThreadMs / r.twoThreadsMs));
    add('Parallel speedup', `this machine, no rayon, no wasm: two ${burstMs} ms bursts on two native threads (one asleep ${WAKE_UP.idleMs} ms before) vs on one`,
      `${times(ratios.median)} (${times(ratios.min)}–${times(ratios.max)}, ${runs.length} rounds)`);
  }

  // The same for map's kernel, memory and all, without a wake-up.
  for (const rows of [...new Set(kernelCeiling.map((r) => r.kernelRows))]) {
    const runs = kernelCeiling.filter((r) => r.kernelRows === rows);
    const ratios = summary(runs.map((r) => r.oneThreadMs / r.threadsMs));
    add('Parallel speedup', `this machine, no rayon, no wasm: map's kernel on ${rows.toLocaleString('en')} rows, ${cores} native threads each on a CPU of its own, started together, vs one ` +
      `(${ms(medianOf(runs, (r) => r.oneThreadMs))} / ${ms(medianOf(runs, (r) => r.threadsMs))})`,
      `${times(ratios.median)} (${times(ratios.min)}–${times(ratios.max)}, ${runs.length} rounds)`);
  }

  // Each page run against the native run of the same job next to it.
  const againstNative = (pageRuns, pick) => pageRuns.flatMap((run) => {
    const twin = native.find((r) => r.round === run.round && r.method === run.method &&
      r.rows === run.rows && r.workers === run.workers);
    return twin ? [pick(run) / pick(twin)] : [];
  });
  // The target is judged on the median of the pairs. Also the fastest run of each side: at
  // its fastest each side ran at this VM's full pace, which comes and goes within seconds.
  const againstNativeRow = (what, pageRuns, nativeRuns, pick) => {
    const pairs = againstNative(pageRuns, pick);
    const ratios = summary(pairs);
    const [page, nat] = [summary(pageRuns.map(pick)), summary(nativeRuns.map(pick))];
    add('wasm vs native', `${what}: page / native (${pairs.length} pairs)`,
      `${times(ratios.median)} (${medianIntervalText(pairs, times)}pairs ${times(ratios.min)}–${times(ratios.max)}; medians ${ms(page.median)} / ${ms(nat.median)}; ` +
      `fastest ${ms(page.min)} / ${ms(nat.min)}, ${times(page.min / nat.min)})`,
      `≤ ${TARGETS.wasmVsNative}×`, ratios.median <= TARGETS.wasmVsNative);
  };
  const nativeSized = native.filter((r) => r.rows === ROWS && r.method !== 'pool.apply');
  againstNativeRow('plain loop', sized, nativeSized, (r) => r.sequentialMs);
  const pageLoop = medianOf(sized, (r) => r.sequentialMs);
  const applied = pool.speedup.filter((r) => r.method === 'pool.apply');
  for (const method of ['pool.map', 'pool.starmap', 'pool.apply']) {
    for (const workers of [1, cores]) {
      const ofJob = (r) => r.method === method && r.workers === workers;
      againstNativeRow(`${method}, ${workers} worker${workers > 1 ? 's' : ''}`,
        (method === 'pool.apply' ? applied : sized).filter(ofJob), native.filter(ofJob), (r) => r.parallelMs);
    }
  }

  for (const method of ['pool.map', 'pool.starmap']) {
    const py = python.filter((r) => r.method === method);
    const page = medianOf(sized.filter((r) => r.method === method && r.workers === cores), (r) => r.parallelMs);
    const pyMs = medianOf(py, (r) => r.parallelMs);
    add('vs the Python original', `${method}, ${cores} workers: CPython / page`, `${times(pyMs / page)} (${ms(pyMs)} / ${ms(page)})`);
  }
  const pyLoop = medianOf(python, (r) => r.sequentialMs);
  add('vs the Python original', 'plain loop: CPython / page', `${times(pyLoop / pageLoop)} (${ms(pyLoop)} / ${ms(pageLoop)})`);
  const pyMap = medianOf(python.filter((r) => r.method === 'pool.map'), (r) => r.parallelMs);
  add('vs the Python original', 'CPython pool.map vs its own loop', times(pyLoop / pyMap));

  const gathered = summary(eventLoop.filter((r) => r.coroutines === 3 && r.mode === 'gather').map((r) => r.elapsedMs));
  add('Event loop', 'Count Async, 3 gathered (ideal 1000 ms)', range(gathered, ms),
    `within ${TARGETS.countAsyncDriftMs} ms`, gathered.median - 1000 <= TARGETS.countAsyncDriftMs);
  const sequential = summary(eventLoop.filter((r) => r.mode === 'sequential').map((r) => r.elapsedMs));
  add('Event loop', 'Count Async, 3 one after another (ideal 3000 ms)', range(sequential, ms));
  const many = summary(eventLoop.filter((r) => r.coroutines === 10_000).map((r) => r.elapsedMs));
  add('Event loop', '10,000 gathered, the example alone', range(many, ms),
    `≤ ${TARGETS.tenThousandMs} ms`, many.median <= TARGETS.tenThousandMs);
  const manyInPage = summary(pageTenThousand.map((r) => r.elapsedMs));
  add('Event loop', '10,000 gathered, in the page (output, timeline)', range(manyInPage, ms),
    `≤ ${TARGETS.tenThousandMs} ms`, manyInPage.median <= TARGETS.tenThousandMs);

  const tiny = pool.dispatch.filter((r) => r.method === 'pool.map');
  add('Dispatch', 'pool.map of 100 rows: one parallel call', range(summary(tiny.map((r) => r.parallelMs * 1000)), (v) => `${v.toFixed(0)} µs`));
  const apply = pool.dispatch.filter((r) => r.method === 'pool.apply');
  const applyPerRow = medianOf(apply, (r) => (r.parallelMs * 1000) / r.rows);
  const mapPerRow = medianOf(sized.filter((r) => r.method === 'pool.map' && r.workers === cores),
    (r) => (r.parallelMs * 1000) / r.rows);
  add('Dispatch', 'pool.apply per row (one call each) vs pool.map per row',
    `${applyPerRow.toFixed(2)} µs vs ${(mapPerRow * 1000).toFixed(2)} ns (${times(applyPerRow / mapPerRow)})`);

  const first = summary(timeline.map((r) => r.firstMs));
  add('Timeline', '100,000 spans and 33,334 arrows: add and first render', range(first, ms),
    `≤ ${TARGETS.timelineRenderMs} ms`, first.median <= TARGETS.timelineRenderMs);
  add('Timeline', '100,000 spans and 33,334 arrows: redraw', range(summary(timeline.flatMap((r) => r.redraws)), ms));
  const pan = summary(timeline.flatMap((r) => r.panFrames));
  const sortedPan = timeline.flatMap((r) => r.panFrames).sort((a, b) => a - b);
  add('Timeline', 'frame while panning (zoomed 10×)', `${range(pan, ms)}; p95 ${ms(sortedPan[Math.floor(sortedPan.length * 0.95)])}`, '≤ 16.7 ms', sortedPan[Math.floor(sortedPan.length * 0.95)] <= 16.7);

  for (const [method, what] of [['map', `${BIG_ROWS.toLocaleString('en')} rows`], ['apply', `${APPLY_CALLS.toLocaleString('en')} calls`]]) {
    const on = pool.tracing.filter((r) => r.trace && r.method === `pool.${method}`);
    const off = pool.tracing.filter((r) => !r.trace && r.method === `pool.${method}`);
    const pairs = on.map((r, i) => 100 * (r.parallelMs / off[i].parallelMs - 1));
    const overhead = summary(pairs);
    const within = medianIntervalText(pairs, (value) => `${value.toFixed(1)} %`);
    add('Instrumentation', `pool.${method}, ${what}, ${cores} workers: tracing on vs off (${pairs.length} pairs)`,
      `${overhead.median.toFixed(1)} % (${within}pairs ${overhead.min.toFixed(1)} to ${overhead.max.toFixed(1)} %; ${ms(medianOf(on, (r) => r.parallelMs))} vs ${ms(medianOf(off, (r) => r.parallelMs))})`,
      `≤ ${TARGETS.tracingOverheadPct} %`, overhead.median <= TARGETS.tracingOverheadPct);
  }

  const loads = [
    ['count-async', 'navigation to first runnable example (Count Async: wasm ready)', TARGETS.firstRunnableMs],
    ['pool-map', `navigation to thread pool ready (pool.map, ${cores} workers)`, TARGETS.poolReadyMs],
  ];
  for (const [example, what, targetMs] of loads) {
    const pages = load.filter((r) => r.example === example && !r.floor);
    const floors = load.filter((r) => r.example === example && r.floor);
    const measured = summary(pages.map((r) => r.runnableMs));
    add('Load', what, range(measured, ms), `≤ ${targetMs} ms`, measured.median <= targetMs);
    // This machine's floor: the same start by the page's own code, in a page that does
    // nothing else (bench/floor/), loaded alternately with the playground.
    const floor = summary(floors.map((r) => r.runnableMs));
    add('Load', `${what}: this machine's floor, the same start in a page with nothing else`, range(floor, ms),
      `≤ ${targetMs} ms`, floor.median <= targetMs);
    const ratios = summary(pages.map((r) => r.runnableMs / floors.find((f) => f.round === r.round).runnableMs));
    add('Load', `${what}: the playground / the floor (per round)`, range(ratios, times));
  }
  // A visitor downloads one of the two builds (www/js/build.js), never both: each is
  // measured with everything else the site serves, against the target.
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const sum = (files) => files.reduce((total, a) => total + a.gzipBytes, 0);
  const largest = (files) => files.slice(0, 3).map((a) => `${a.file} ${kb(a.gzipBytes)}`).join(', ');
  for (const [build, other] of [['pkg/', 'pkg-single/'], ['pkg-single/', 'pkg/']]) {
    const files = assets.filter((a) => !a.file.startsWith(other));
    const total = sum(files);
    add('Load', `all ${files.length} assets with the ${build === 'pkg/' ? 'threaded' : 'single-threaded'} build, gzipped (largest: ${largest(files)})`,
      kb(total), `≤ ${TARGETS.assetsGzipKB} KB`, total / 1024 <= TARGETS.assetsGzipKB);
  }
  add('Load', `the whole site, both builds (${assets.length} files), gzipped`, kb(sum(assets)));
  return rows;
}

function markdown(rows, machine) {
  const lines = [
    '# Benchmark report', '',
    `${machine.date} · ${machine.cpus} × ${machine.cpu} · Chromium ${machine.chromium} · ` +
      `${ROWS.toLocaleString('en')} rows${QUICK ? ' · QUICK RUN: figures not meaningful' : ''}`, '',
    'Medians, with min–max and the number of runs. Reproduce with `make bench`; raw runs in ' +
      '`bench/report.json`.', '',
    '| | Measured | Target | |', '|---|---|---|---|',
  ];
  let group = '';
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      lines.push(`| **${group}** | | | |`);
    }
    const met = row.met === null ? '' : row.met ? 'met' : '**missed**';
    lines.push(`| ${row.metric} | ${row.measured} | ${row.target} | ${met} |`);
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const started = Date.now();
  const log = (what) => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${what}`);
  log('building the native bench');
  await buildNative();
  const server = await startServer();
  const floorServer = await startFloorServer();
  const browser = await launchBrowser();
  const raw = {};
  try {
    const { page, errors } = await openPage(browser, `${server.url}#count-async`);
    await page.waitForSelector('html[data-ready="true"]');
    log('pool runs in the page, each next to the same job natively');
    ({ pool: raw.pool, native: raw.native } = await poolRuns(page, ROWS, BIG_ROWS, POOL_ROUNDS, ROUNDS));
    log('a caller waking plain Web Workers');
    raw.pageCallerWakesAll = await callerWakesAllInPage(page, raw.pool.cores);
    log('event loop');
    raw.eventLoop = await eventLoopRuns(page, QUICK ? 1 : 7);
    log('timeline');
    raw.timeline = await timelineRuns(page, QUICK ? 1 : 5);
    log('10,000 coroutines through the page');
    raw.pageTenThousand = await pageRunOfTenThousand(page, server.url, QUICK ? 1 : 3);
    if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
    log('load');
    raw.load = await loadRuns(browser, server.url, floorServer.url, raw.pool.cores, QUICK ? 1 : 7);
    raw.chromium = browser.version();
  } finally {
    await browser.close();
    await server.close();
    await floorServer.close();
  }
  log('native');
  const native = await nativeMachineRuns(raw.pool.cores, jobBurstsMs(raw.pool));
  raw.nativeWakeUp = native.filter((r) => r.wakeUpMs !== undefined).map((r) => r.wakeUpMs);
  raw.plainWakeUp = native.filter((r) => r.plainWakeUpMs !== undefined).map((r) => r.plainWakeUpMs);
  raw.machineBursts = native.filter((r) => r.burstMs !== undefined);
  raw.kernelCeiling = await nativeKernelRuns(raw.pool.cores);
  raw.nativeCallerWakesAll = native.filter((r) => r.callerWakesAllLateMs !== undefined)
    .map((r) => r.callerWakesAllLateMs);
  log('CPython');
  raw.python = await pythonRuns(raw.pool.cores);
  raw.assets = await assetSizes();

  const machine = {
    date: new Date().toISOString().slice(0, 10), cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU', chromium: raw.chromium,
  };
  const rows = analyse(raw);
  await writeFile(path.join(ROOT, 'bench/report.json'),
    `${JSON.stringify({ machine, quick: QUICK, rows: ROWS, table: rows, raw }, null, 1)}\n`);
  await writeFile(path.join(ROOT, 'bench/report.md'), markdown(rows, machine));
  console.log(markdown(rows, machine));
  log('done');
}

await main();
