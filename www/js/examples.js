// The nine examples of the tutorial, in its menu's order and grouping. Each entry says what
// the page needs to show and run it; `run` is absent for examples not ported yet.
// `laneColors` ({lane: CSS colour}) colours a lane's lines of output and its timeline lane.
// `lab` shows the coroutine lab (coroutine-lab.js), `threadStepper` the thread stepper
// (thread-stepper/view.js).
// The texts here are the English ones; locales/es-examples.js has the Spanish (i18n.js).

import { loadWasm } from './wasm.js';
import { processHost } from './processes.js';
import { crateSentence, formatNumber, formatSeconds, t } from './i18n.js';
import { MAX_WORKERS } from './pool-client.js';
import { PARAMS } from '../generated/crate.js';

export const GROUPS = [
  { id: 'async', title: 'Asynchronous programming' },
  { id: 'parallel', title: 'Parallelism' },
];

/** An example's parameters as the crate declares them (generated/crate.js: bounds,
 * defaults, choices), with the English labels the page gives them: `labels` maps each
 * name to its label, or to {label, choices: {value: label}}. "cores" is this machine's
 * number of workers. */
function params(id, labels) {
  const cores = (value) => (value === 'cores' ? MAX_WORKERS : value);
  return PARAMS[id].map((param) => {
    // A parameter the crate added without a label here still shows, under its name (a Node
    // test checks that every one has a label).
    const given = labels[param.name] ?? param.name;
    const { label = given, choices = {} } = given;
    return {
      ...param, label, max: cores(param.max), default: cores(param.default),
      ...(param.choices && { choices: param.choices.map((value) => [value, choices[value] ?? value]) }),
    };
  });
}

/** Speeds for the event-loop examples: sleeps shortened, structure unchanged. */
const SPEED = {
  label: 'Speed', choices: { 1: '1× (real time)', 2: '2×', 4: '4×', 10: '10×' },
};

/** How long a run took, in the example's own seconds and, when sped up, in real ones. */
export function describeElapsed(elapsedMs, realMs, speed) {
  const own = formatSeconds(elapsedMs);
  return speed === 1 ? own : t('elapsedSpedUp', { own, real: formatSeconds(realMs), speed });
}

// Each `run(params, context)` receives `context.emit` for every line and span, and
// resolves to a one-line summary, or to null when the run was stopped.

/** Coroutines, Rand and Chained: run, then report the elapsed time; null when stopped. */
const eventLoopRun = (exportName, whatKey) => async (params, { emit, control }) => {
  const wasm = await loadWasm();
  const started = performance.now();
  const outcome = await wasm[exportName](params, emit, control);
  if (outcome.stopped) return null;
  return `${t(whatKey)}: ` + describeElapsed(outcome.elapsedMs, performance.now() - started, control.speed);
};

/** Why an unsynchronised count lost nothing (the crate's `NothingLost`): its message. */
const NOTHING_LOST = {
  oneThread: 'nothingLostOneThread', apart: 'nothingLostApart',
  tookTurns: 'nothingLostTookTurns', interleaved: 'nothingLostInterleaved',
};

/** One counter of the threading example; when a race lost nothing, the measurement of
 * that very run that says why. */
function describeSharedCount({ sharingSentence, counted, expected, nothingLost }) {
  const count = t('sharedCount', {
    sharing: crateSentence(sharingSentence), counted: formatNumber(counted), expected: formatNumber(expected),
  });
  if (!nothingLost) return count;
  const ms = (value) => formatNumber(value ?? 0, { maximumFractionDigits: 2 });
  return `${count} (${t(NOTHING_LOST[nothingLost.why], {
    gap: ms(nothingLost.gapMs), overlap: ms(nothingLost.overlapMs),
    count: formatNumber(nothingLost.interleavings ?? 0),
  })})`;
}


const countAsync = async (params, { emit, control }) => {
  const wasm = await loadWasm();
  const started = performance.now();
  const outcome = await wasm.runCountAsync(params, emit, control);
  if (outcome.stopped) return null;
  const took = describeElapsed(outcome.elapsedMs, performance.now() - started, control.speed);
  const calls = `${params.coroutines} × count()`;
  if (params.mode === 'gather') return t('countGathered', { calls, took });
  if (params.mode === 'sequential') return t('countSequential', { calls, took });
  return t('countBoth', {
    calls, took,
    gathered: formatSeconds(outcome.gatheredMs),
    sequential: formatSeconds(outcome.sequentialMs),
    ratio: formatNumber(outcome.sequentialMs / outcome.gatheredMs, 1),
  });
};

/** The status line's words for each verdict of a pool run (PoolReport::verdict in
 * crate/src/demos/pool/report.rs). */
const POOL_VERDICTS = { won: 'poolWon', lost: 'poolLost', tie: 'poolTie' };

/** Examples 7–9 share their runner: only the pool method differs. The ratio is written as
 * the crate writes it in the output (speedupSentence). */
const poolRun = (method) => async (params, { emit, pool }) => {
  const result = await pool.run(method, params, emit);
  const summary = {
    method,
    workers: result.workers === 1 ? t('oneWorker') : t('workers', { count: result.workers }),
    parallel: formatNumber(result.parallelMs, 2),
    sequential: formatNumber(result.sequentialMs, 2),
  };
  if (result.verdict === 'noRows') return t('poolNoRows', summary);
  if (result.speedupSentence === null) return t('poolTooQuick', summary);
  return t('poolSpeedup', {
    ...summary, verdict: t(POOL_VERDICTS[result.verdict]), speedup: crateSentence(result.speedupSentence),
  });
};

/** Rows a pool run counts in all: the pool's and the loop's, every repeat. */
const poolRowsCounted = (params) => 2 * params.rows * params.repeats;
// (The crate also bounds what a run hands out and allocates, from all its parameters
// together, and names the field to change when a run would exceed it.)

/** The labels of examples 7–9's parameters. */
const POOL_LABELS = {
  rows: 'Rows', columns: 'Columns', minimum: 'Minimum', maximum: 'Maximum', seed: 'Seed',
  chunkRows: 'Rows per call (0 = auto)', repeats: 'Repeats (median)', workers: 'Workers',
};

/** The pool examples' Rust files, in the order a reader would take them. */
const POOL_SOURCES = ['pool/mod.rs', 'pool/runner.rs', 'pool/hand_out.rs', 'pool/team.rs',
  'pool/round_trip.rs', 'pool/wait.rs', 'pool/timeline.rs', 'pool/kernel.rs', 'pool/report.rs',
  'pool/params.rs', 'pool/matrix.rs'];

// Whatever the parameters: the description must not contradict the form beside it.
const POOL_DATA = 'A matrix of random digits, rows × columns; for each row, count the values ' +
  'between the minimum and the maximum (4 and 8 in the original).';

export const EXAMPLES = [
  {
    id: 'multiprocessing', number: 1, group: 'async', title: 'Multiprocessing',
    summary: 'Four processes that share nothing, each printing its continent.',
    explanation: [
      'Four processes start — the first with print_func’s default argument, Asia, then ' +
        'America, Europe and Africa — and only then are they joined. Each runs on its own, ' +
        'so the lines come out in whatever order the processes happen to finish: run it a ' +
        'few times and watch the order change.',
      'In the browser a process is a Web Worker with its own instance of the wasm module ' +
        'and its own memory. Processes share nothing: each increments a global counter, ' +
        'and each sees only its own increment. What a process produces reaches the page ' +
        'only as a message. The timeline shows what a process costs to start (a worker and ' +
        'a fresh instance) against the moment of work it does.',
    ],
    python: ['multiprocessing_example.py'],
    rust: ['multiprocessing.rs'],
    params: params('multiprocessing', { processes: 'Processes' }),
    run: async (params, { emit, control }) => {
      const wasm = await loadWasm();
      const host = processHost();
      control.stop.then(() => host.stopAll());
      const { lines } = await wasm.runMultiprocessing(params, emit, host);
      return t('processesJoined', { count: lines.length });
    },
  },
  {
    id: 'threading', number: 2, group: 'async', title: 'Threading',
    summary: 'Two threads in one memory: a square and a cube.',
    explanation: [
      'Two threads start, one printing a square and one a cube; the main thread joins both, ' +
        'then prints “Done!”. Which of the two prints first is up to the scheduler.',
      'Here a thread is a Web Worker running the same wasm module over the same shared ' +
        'memory (the rayon pool keeps them ready). Because they share memory, they can ' +
        'share a counter: each thread adds one to it many times. Read-then-write in two ' +
        'steps loses the updates another thread made in between; a Mutex takes turns; an ' +
        'atomic add is one indivisible step. Compare the counts and the times. The threads ' +
        'start together (a short count goes in rounds, and they meet before each), so that ' +
        'they really count at the same time; if a run loses nothing anyway, the status line ' +
        'says why, from that run’s own measurements.',
      'Python’s GIL lets one thread run Python code at a time, so its threads take turns ' +
        'even on many cores: they help with waiting (input, output), not with computing — ' +
        'and counter += 1 can still lose updates, because it is several bytecodes.',
    ],
    python: ['threading_example.py'],
    rust: ['threading/mod.rs', 'threading/original.rs', 'threading/counter.rs'],
    params: params('threading', { iterations: 'Increments per thread', workers: 'Threads' }),
    usesPool: true,
    threadStepper: true,
    run: async (params, { emit, pool }) => {
      const { counters } = await pool.run('threading', params, emit);
      return counters.map(describeSharedCount).join(' · ');
    },
  },
  {
    id: 'coroutines', number: 3, group: 'async', title: 'Coroutines',
    summary: 'A generator that receives names and prints the ones it looks for.',
    explanation: [
      'print_name("Dear") is a generator used as a coroutine: next() runs it to its first ' +
        'yield, where it stops and waits; each send(name) resumes it with a name, which it ' +
        'prints if it contains the prefix, and it stops again at the yield; close() resumes ' +
        'it with GeneratorExit, and it says goodbye.',
      'The Rust port writes the generator by hand as a state machine — created, suspended at ' +
        'the yield, closed — so every suspension point is a state you can see; the timeline ' +
        'shows the coroutine waiting at its yield between resumptions. Each call runs the ' +
        'coroutine on the caller’s thread until it suspends again, as in Python. An async fn ' +
        'is the same idea compiled for you: each .await becomes such a state. The pause ' +
        'stands for the caller’s own work between its calls (the original has none).',
    ],
    python: ['coroutines.py'],
    rust: ['coroutines.rs'],
    lab: true,
    params: params('coroutines', { pauseMs: 'Pause between calls (ms)', speed: SPEED }),
    eventLoop: true,
    run: eventLoopRun('runCoroutines', 'originalScript'),
  },
  {
    id: 'count-async', number: 4, group: 'async', title: 'Count Async',
    summary: 'Three coroutines share one thread: while one sleeps, the others run.',
    explanation: [
      'Each count() prints “One”, then awaits a one-second sleep. Awaiting hands the thread ' +
        'back to the event loop, which runs the other coroutines meanwhile: all three sleep ' +
        'at the same time, and the program takes one second, not three.',
      'Here the coroutines are Rust futures driven by this page’s own event loop; the sleep ' +
        'is a setTimeout promise. Switch to “one after another” to await each count() before ' +
        'starting the next: the same six lines, in another order, in three seconds. (Python’s ' +
        'twin blocks its thread in time.sleep; a page must never block, so here it awaits.)',
      '“Side by side” runs the two at once on the same event loop, each in lanes of ' +
        'its own: the gathered ones are done after a second while the others still take ' +
        'turns — and the event loop serves both without either slowing the other.',
    ],
    python: ['countasync.py', 'countsync.py'],
    rust: ['count_async.rs'],
    params: params('count-async', {
      mode: {
        label: 'Run the coroutines',
        choices: { gather: 'gathered (asyncio.gather)', sequential: 'one after another', both: 'side by side' },
      },
      coroutines: 'Coroutines',
      speed: SPEED,
    }),
    eventLoop: true,
    run: countAsync,
  },
  {
    id: 'rand', number: 5, group: 'async', title: 'Rand',
    summary: 'Three coroutines draw random numbers until one beats its threshold.',
    explanation: [
      'makerandom(idx) draws a number from 0 to 10 until it beats its threshold (9, 8 and 7 ' +
        'for idx 0, 1 and 2), sleeping idx + 1 seconds after each miss. The three run ' +
        'concurrently: none waits for another to finish, and they finish in an order of ' +
        'their own. Each has its colour, as in the original (cyan, red, magenta).',
      'The three share one random generator, so what each draws depends on the order in ' +
        'which the event loop resumes them. The Rust port uses CPython’s own generator ' +
        '(Mersenne Twister, seeded as random.seed does): with the seed 444 it prints exactly ' +
        'what the Python original prints. Same seed, same run; try others. Use the speed ' +
        'control to watch its 12 seconds in one.',
    ],
    python: ['rand.py'],
    rust: ['rand.rs'],
    params: params('rand', { seed: 'Seed', speed: SPEED }),
    // The original's colours; the lane's name says the same without colour.
    laneColors: {
      'makerandom(0)': 'var(--cyan)', 'makerandom(1)': 'var(--red)', 'makerandom(2)': 'var(--magenta)',
    },
    eventLoop: true,
    run: eventLoopRun('runRand', 'randGathered'),
  },
  {
    id: 'chained', number: 6, group: 'async', title: 'Chained',
    summary: 'Coroutines that await coroutines: part1 feeds part2.',
    explanation: [
      'chain(n) awaits part1(n), then part2(n, result of part1): the two parts of a chain ' +
        'run one after the other, while the three chains run at the same time. The program ' +
        'takes as long as its longest chain, not the sum of all.',
      'On the timeline each chain’s lane waits while its parts run on lanes of their own; a ' +
        'part2’s label shows the result it was given. Seeded with 444 like the original, it ' +
        'draws the same sleeps and prints the same lines.',
    ],
    python: ['chained.py'],
    rust: ['chained.rs'],
    params: params('chained', {
      chains: 'Chains (n values, as on the command line)', seed: 'Seed', speed: SPEED,
    }),
    eventLoop: true,
    run: eventLoopRun('runChained', 'chains'),
  },
  {
    id: 'pool-apply', number: 7, group: 'parallel', title: 'pool.apply',
    summary: 'One blocking call into the pool per row.',
    explanation: [
      `${POOL_DATA} pool.apply sends one row to a worker and waits for its count before ` +
        'sending the next: one call at a time, so however many workers there are, one works ' +
        'at a time, and every row pays a full round trip.',
      'In Python that round trip pickles the row to another process and back: the original ' +
        'took 106 s for 200,000 rows. Here a call is a hand-off between threads of one ' +
        'memory, far cheaper, yet still much dearer than counting five numbers: compare with ' +
        'the loop, then raise the rows per call to see the overhead shrink — the lesson of ' +
        'apply against map. The default is 20,000 rows so a run takes moments.',
    ],
    python: ['pool_apply.py'],
    rust: POOL_SOURCES,
    params: params('pool-apply', POOL_LABELS),
    usesPool: true,
    progressTotal: poolRowsCounted,
    run: poolRun('apply'),
  },
  {
    id: 'pool-map', number: 8, group: 'parallel', title: 'pool.map',
    summary: 'Count values within a range, row by row, on every core.',
    explanation: [
      `${POOL_DATA} pool.map hands the rows to a pool of workers and collects the counts in ` +
        'order.',
      'In Python each row travels to another process and back, which costs far more than ' +
        'counting five numbers: the original’s pool loses to a plain loop. Here the workers ' +
        'are threads sharing one memory (rayon on Web Workers): nothing is copied, and rows ' +
        'go out in chunks so each hand-off is paid once per chunk. The original’s 200,000 ' +
        'rows take a fraction of a millisecond here, so handing out the chunks and waiting ' +
        'for the last one cost as much as the work: the default is ten times as many, where ' +
        'two workers usually win; lower ' +
        'the rows to see the speedup vanish, or raise them to see it approach the number ' +
        'of cores. On the timeline, ' +
        'each worker shows the chunks it took and, between them, its time idle: the wait ' +
        'before its first chunk is what handing it the work cost. While a run lasts, the ' +
        'workers keep checking for the next call instead of sleeping, as OpenMP’s threads ' +
        'do for a while: a sleeping thread can take milliseconds to wake.',
      'The pool runs in a dedicated Worker, because rayon blocks the thread that calls it ' +
        'and the page must stay responsive. The data comes from a seeded generator (PCG32), ' +
        'so a seed always gives the same matrix. (The original calls ' +
        'np.random.RandomState(100) and throws the result away: its data is never seeded.)',
    ],
    python: ['pool_map.py'],
    rust: POOL_SOURCES,
    params: params('pool-map', POOL_LABELS),
    usesPool: true,
    progressTotal: poolRowsCounted,
    run: poolRun('map'),
  },
  {
    id: 'pool-starmap', number: 9, group: 'parallel', title: 'pool.starmap',
    summary: 'Like pool.map, with each item a tuple of arguments.',
    explanation: [
      `${POOL_DATA} pool.starmap takes a list of argument tuples — (row, 4, 8) for each row ` +
        '— and unpacks each into a call of howmany_within_range(row, minimum, maximum).',
      'It is pool.map for functions of several arguments; the tuples are built once, before ' +
        'the call, as the original’s list comprehension does. Chunks, threads and timings ' +
        'are as in pool.map.',
    ],
    python: ['pool_starmap.py'],
    rust: POOL_SOURCES,
    params: params('pool-starmap', POOL_LABELS),
    usesPool: true,
    progressTotal: poolRowsCounted,
    run: poolRun('starmap'),
  },
];

export const exampleById = (id) => EXAMPLES.find((example) => example.id === id);
