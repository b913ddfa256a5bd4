// The questions' right answers, computed from traces shaped like the real runs' (lines and
// spans as 'run-ended' carries them, the crate's sentences included): several runs each,
// and parameters that change the right answer.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { questionsFor, settle } from '../www/js/questions/catalogue.js';

const T0 = 1_800_000_000_000;
const line = (lane, text, at, message = null) => ({ kind: 'line', lane, text, at: T0 + at, message, site: null });
const span = (lane, state, start, end, label, labelMessage) =>
  ({ kind: 'span', lane, state, start: T0 + start, end: T0 + end, label, labelMessage });
const said = (key, args = {}) => ({ key, english: key, args });
const arg = (kind, value) => ({ kind, value });
const done = (trace, params) => ({ params, outcome: { status: 'done' }, trace: { spans: [], flows: [], ...trace } });
const answerOf = (example, question, run) => settle(example, question, run)?.answer;
const ids = (example, params) => questionsFor(example, params).map((q) => q.id);
const choiceIds = (example, params, question) =>
  questionsFor(example, params).find((q) => q.id === question).choices.map((c) => c.id);

describe('Multiprocessing', () => {
  const run = (order, processes = order.length, own = 0) => done({
    lines: [
      ...order.map((n, index) => line(`process ${n} (X${n})`, `The name of continent is :  X${n}`, 250 + 30 * index)),
      line('main', 'Calls counted by …', 343, said('processCalls', {
        calls: arg('list', order.map(() => '1')), own: arg('count', own),
      })),
    ],
    spans: order.map((n) => span(`process ${n} (X${n})`, 'waiting', 5 + n, 120, 'starting: a new worker',
      said('spanProcessWorkerStart'))),
  }, { processes });

  test('the order of the lines settles both questions, whichever it was', () => {
    assert.equal(answerOf('multiprocessing', 'start-order', run([1, 2, 3, 4])), 'yes');
    assert.equal(answerOf('multiprocessing', 'first-to-print', run([1, 2, 3, 4])), 'process-1');
    const shuffled = run([3, 1, 2, 4]);
    assert.equal(answerOf('multiprocessing', 'start-order', shuffled), 'no');
    assert.equal(answerOf('multiprocessing', 'first-to-print', shuffled), 'process-3');
    const settled = settle('multiprocessing', 'start-order', shuffled);
    assert.equal(settled.at, T0 + 250, 'the first line out of place');
    assert.deepEqual(settled.why.vars, { order: '3, 1, 2, 4' });
  });

  test('the choices name this run’s processes; many processes are not a lottery to guess', () => {
    assert.deepEqual(choiceIds('multiprocessing', { processes: 2 }, 'first-to-print'), ['process-1', 'process-2']);
    assert.deepEqual(ids('multiprocessing', { processes: 12 }), ['page-counter', 'start-order']);
    assert.deepEqual(ids('multiprocessing', { processes: 1 }), ['page-counter']);
    assert.equal(answerOf('multiprocessing', 'start-order', run([2, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])), 'no');
  });

  test('the page’s own counter, as the run reported it, among choices made for the processes', () => {
    assert.equal(answerOf('multiprocessing', 'page-counter', run([2, 1, 3, 4])), 'count-0');
    assert.equal(answerOf('multiprocessing', 'page-counter', run([2, 1, 3, 4], 4, 4)), 'count-4');
    assert.equal(answerOf('multiprocessing', 'page-counter', run([1], 1, 3)), undefined, 'not a choice: unsettled');
    assert.deepEqual(choiceIds('multiprocessing', { processes: 1 }, 'page-counter'), ['count-0', 'count-1']);
    assert.deepEqual(settle('multiprocessing', 'page-counter', run([1, 2])).why.vars, { own: 0, calls: '1, 1' });
  });

  test('a run that printed fewer lines than processes, or did not finish, settles nothing', () => {
    assert.equal(settle('multiprocessing', 'start-order', run([1, 2], 4)), null);
    assert.equal(settle('multiprocessing', 'start-order', { ...run([1, 2, 3, 4]), outcome: { status: 'stopped' } }), null);
  });
});

describe('Threading', () => {
  const countLine = (sharing, counted, expected, at) => line('main', `… ${sharing}: ${counted} of ${expected}`, at,
    said('sharedCountLine', {
      sharing: arg('said', said(sharing)), counted: arg('count', counted), expected: arg('count', expected),
    }));
  const run = (unsynchronised, expected, workers) => done({
    lines: [
      line('thread 0', 'Square: 100', 7), line('thread 1', 'Cube: 1000', 8), line('main', 'Done!', 8),
      countLine('unsynchronised', unsynchronised, expected, 156),
      countLine('mutex', expected, expected, 157), countLine('atomic', expected, expected, 157),
    ],
    spans: [
      span('thread 0', 'running', 10.9, 75.7, 'read, add, write …', said('spanReadAddWrite')),
      span('thread 1', 'running', 13.7, 74.8, 'read, add, write …', said('spanReadAddWrite')),
      span('thread 1', 'running', 78.1, 78.2, 'held the lock 1 time', said('spanLockHeld')),
    ],
  }, { iterations: expected / workers, workers });

  test('how many updates the unsynchronised counter lost, from the count it printed', () => {
    assert.equal(answerOf('threading', 'unsynchronised-lost', run(1_437_325, 2_000_000, 2)), 'under-half');
    assert.equal(answerOf('threading', 'unsynchronised-lost', run(900_000, 4_000_000, 4)), 'half-or-more');
    assert.equal(answerOf('threading', 'unsynchronised-lost', run(1_000_000, 1_000_000, 1)), 'none');
    const settled = settle('threading', 'unsynchronised-lost', run(1_437_325, 2_000_000, 2));
    assert.equal(settled.why.key, 'whyUnsynchronisedLost');
    assert.equal(settled.why.vars.lost, 562_675);
    assert.equal(settled.at, T0 + 10.9, 'the first thread’s race');
  });

  test('the Mutex loses none, and its moment is its first hold of the lock', () => {
    const settled = settle('threading', 'mutex-lost', run(1_437_325, 2_000_000, 2));
    assert.equal(settled.answer, 'none');
    assert.equal(settled.at, T0 + 78.1);
    assert.match(questionsFor('threading', { iterations: 10, workers: 3 })[0].prompt.vars.expected.toString(), /^30$/);
  });
});

describe('Coroutines', () => {
  const run = (printedDuring) => done({
    lines: [
      line("print_name('Dear')", 'Searching prefix:Dear', 618),
      line("print_name('Dear')", 'Dear James', 1609),
      line("print_name('Dear')", 'Closing coroutine!!', 2107),
    ],
    spans: [
      span("print_name('Dear')", 'running', printedDuring[0], printedDuring[1], 'x',
        said(printedDuring[2], { call: arg('text', printedDuring[3]) })),
      span("print_name('Dear')", 'running', 1608, 1610, 'x', said('spanResumedBy', { call: arg('text', "send('Dear James')") })),
    ],
  }, { pauseMs: 500, speed: '1' });

  test('the span of the coroutine that holds the first line says which call printed it', () => {
    assert.equal(answerOf('coroutines', 'searching-when', run([617, 620, 'spanStartedBy', 'next()'])), 'at-next');
    assert.equal(answerOf('coroutines', 'searching-when', run([617, 620, 'spanResumedBy', "send('James')"])), 'at-first-send');
    assert.equal(answerOf('coroutines', 'searching-when', run([700, 800, 'spanStartedBy', 'next()'])), 'at-creation');
  });

  test('only the names that contain the prefix are printed', () => {
    const settled = settle('coroutines', 'names-printed', run([617, 620, 'spanStartedBy', 'next()']));
    assert.equal(settled.answer, 'dear-james');
    assert.equal(settled.at, T0 + 1609);
    assert.deepEqual(settled.why.vars, { prefix: 'Dear', count: 1 });
  });
});

describe('Count Async', () => {
  const gathered = (n) => done({
    lines: [
      ...Array.from({ length: n }, (_, i) => line(`count() #${i + 1}`, 'One', 91 + i)),
      ...Array.from({ length: n }, (_, i) => line(`count() #${i + 1}`, 'Two', 1104 + i)),
      line('main', 'count_async.rs executed in 1.04 seconds.', 1110),
    ],
    spans: [span('main', 'running', 66, 81, 'main()', null), span('main', 'running', 1107, 1110, 'print', null)],
  }, { mode: 'gather', coroutines: n, speed: '10' });
  const sequential = (n) => done({
    lines: [
      ...Array.from({ length: n }, (_, i) => [line(`count() #${i + 1}`, 'One', 77 + 1015 * i),
        line(`count() #${i + 1}`, 'Two', 1090 + 1015 * i)]).flat(),
      line('main', `count_sync.rs executed in ${n}.11 seconds.`, 77 + 1015 * n),
    ],
    spans: [span('main', 'running', 63, 66, 'main()', null)],
  }, { mode: 'sequential', coroutines: n, speed: '1' });

  test('gathered: another One comes next, and the run takes about one sleep', () => {
    assert.equal(answerOf('count-async', 'second-line', gathered(3)), 'one');
    assert.equal(answerOf('count-async', 'duration', gathered(3)), 'about-1');
    assert.equal(settle('count-async', 'duration', gathered(3)).why.key, 'whyDurationGather');
  });

  test('one after another: Two comes next, and the sleeps add up', () => {
    assert.equal(answerOf('count-async', 'second-line', sequential(3)), 'two');
    assert.equal(answerOf('count-async', 'duration', sequential(3)), 'about-3');
    assert.equal(answerOf('count-async', 'duration', sequential(5)), 'about-5');
    assert.deepEqual(choiceIds('count-async', { mode: 'sequential', coroutines: 5 }, 'duration'),
      ['about-1', 'about-5', 'about-10']);
  });

  test('side by side: as long as the slower half, as the program measured it', () => {
    const both = done({
      lines: [
        line('one after another · count() #1', 'One', 66), line('gathered · count() #1', 'One', 74),
        line('gathered · main()', 'count_async.rs executed in 1.16 seconds.', 1206),
        line('one after another · main()', 'count_sync.rs executed in 3.10 seconds.', 3146),
      ],
    }, { mode: 'both', coroutines: 3, speed: '10' });
    const settled = settle('count-async', 'duration', both);
    assert.equal(settled.answer, 'about-3');
    assert.equal(settled.at, T0 + 3146);
    assert.deepEqual(settled.why, { key: 'whyDurationBoth', vars: { seconds: 3.1, count: 3 } });
    assert.equal(answerOf('count-async', 'second-line', both), 'one');
    assert.equal(settle('count-async', 'second-line', both).why.key, 'whySecondOneBoth');
  });

  test('a run late by six seconds says so: the right answer is what it measured', () => {
    const late = gathered(3);
    late.trace.lines.at(-1).text = 'count_async.rs executed in 6.19 seconds.';
    assert.equal(answerOf('count-async', 'duration', late), 'about-6');
  });

  test('a single count(): Two comes next even gathered, and the reason says so', () => {
    const settled = settle('count-async', 'second-line', gathered(1));
    assert.equal(settled.answer, 'two');
    assert.equal(settled.why.key, 'whySecondTwoAlone');
    assert.deepEqual(choiceIds('count-async', { mode: 'gather', coroutines: 1 }, 'duration'), ['about-1', 'about-2']);
  });
});

describe('Rand', () => {
  const run = (finishOrder) => done({
    lines: [
      ...[0, 1, 2].map((idx) => line(`makerandom(${idx})`, `Initiated makerandom(${idx}).`, 120 + idx)),
      line('makerandom(0)', 'makerandom(0) == 4 too low; retrying.', 125),
      ...finishOrder.map((idx, k) => line(`makerandom(${idx})`, `---> Finished: makerandom(${idx}) == 10`, 4000 + 3000 * k)),
      line('main', 'r1: 10, r2: 10, r3: 9', 12_135),
    ],
  }, { seed: 444, speed: '10' });

  test('the first and the last to finish, as their lines came', () => {
    assert.equal(answerOf('rand', 'first-to-finish', run([1, 2, 0])), 'makerandom-1');
    assert.equal(answerOf('rand', 'last-to-finish', run([1, 2, 0])), 'makerandom-0');
    assert.equal(answerOf('rand', 'first-to-finish', run([0, 2, 1])), 'makerandom-0');
    const settled = settle('rand', 'last-to-finish', run([1, 2, 0]));
    assert.equal(settled.why.vars.draws, 2);
    assert.equal(settled.at, T0 + 10_000);
  });
});

describe('Chained', () => {
  const run = (chains, tooks, total) => done({
    lines: [
      ...chains.map((n, i) => line(`part1(${n})`, `part1(${n}) sleeping for ${tooks[i] - 1} seconds.`, 78)),
      ...chains.map((n, i) => line(`part2(${n})`, `part2(${n}, 'result${n}-1') sleeping for 1 seconds.`, 80)),
      ...chains.map((n, i) => ({ n, took: tooks[i] })).sort((a, b) => a.took - b.took)
        .map(({ n, took }) => line(`chain(${n})`, `-->Chained result${n} => result${n}-2 derived from result${n}-1 (took ${took}.01 seconds).`, took * 1000)),
      line('main', `Program finished in ${total} seconds.`, total * 1000),
    ],
  }, { chains: chains.join(' '), seed: 444, speed: '1' });

  test('the first chain to finish, and the program as long as its longest', () => {
    assert.equal(answerOf('chained', 'first-chain', run(['1', '2', '3'], [11, 8, 4], 11.03)), 'chain-3');
    assert.equal(answerOf('chained', 'first-chain', run(['7', '9'], [2, 5], 5.02)), 'chain-7');
    const settled = settle('chained', 'program-time', run(['1', '2', '3'], [11, 8, 4], 11.03));
    assert.equal(settled.answer, 'longest');
    assert.equal(settled.why.vars.slept, undefined);
    assert.equal(settle('chained', 'first-chain', run(['1', '2', '3'], [11, 8, 4], 11.03)).why.vars.slept, 4);
  });

  test('a single chain asks nothing of chains; duplicates are one chain', () => {
    assert.deepEqual(ids('chained', { chains: '5' }), []);
    assert.deepEqual(choiceIds('chained', { chains: ' 1 2 2 ' }, 'first-chain'), ['chain-1', 'chain-2']);
  });
});

describe('the pool examples', () => {
  const ratio = (value) => arg('ratio', { value, decimals: 2 });
  const run = ({ method = 'pool.map', verdict, poolMs, loopMs, min, max, handOffs, rows = 200_000, workers = 2, repeats = 3 }) => done({
    lines: [
      line('runner', '[2, 3, 2]', 74),
      line('runner', 'timing', 74.8, said('poolTimingChunks', {
        method: arg('text', method), time: arg('milliseconds', poolMs), repeats: arg('count', repeats),
      })),
      line('runner', 'loop', 75.5, said('loopSpeedup', {
        time: arg('milliseconds', loopMs),
        speedup: arg('said', said('speedupRange', { median: ratio(loopMs / poolMs), min: ratio(min), max: ratio(max) })),
      })),
      line('runner', 'verdict', 77, said('poolVerdict', {
        verdict: arg('said', said(verdict)),
        cost: arg('said', said('handOffCost', {
          handOffs: arg('said', said('chunks', { count: arg('count', handOffs) })), cost: arg('milliseconds', 1),
        })),
      })),
    ],
    spans: [
      span('runner', 'waiting', 55, 58, 'waiting for pool.map', said('spanWaitingFor')),
      span('runner', 'waiting', 45, 46, 'waiting for pool.map', said('spanWaitingFor')),
    ],
  }, { rows, workers, repeats, chunkRows: 0 });

  test('whether the pool beat the loop is the run’s own verdict', () => {
    const tie = run({ verdict: 'poolTie', poolMs: 1.53, loopMs: 1.05, min: 0.62, max: 1.1, handOffs: 8 });
    assert.equal(answerOf('pool-map', 'beats-loop', tie), 'tie');
    const settled = settle('pool-map', 'beats-loop', tie);
    assert.equal(settled.at, T0 + 45, 'the first repeat of the pool');
    assert.deepEqual([settled.why.vars.pool, settled.why.vars.loop], [1.53, 1.05]);
    const won = run({ verdict: 'poolWon', poolMs: 30, loopMs: 55, min: 1.6, max: 1.9, handOffs: 8, rows: 2_000_000 });
    assert.equal(answerOf('pool-map', 'beats-loop', won), 'yes');
    const lost = run({ method: 'pool.apply', verdict: 'poolLostOnce', poolMs: 400, loopMs: 0.07, min: 0.0002, max: 0.0002, handOffs: 20_000, repeats: 1, rows: 20_000 });
    assert.equal(answerOf('pool-apply', 'beats-loop', lost), 'no');
  });

  test('with one repeat there is no tie to choose', () => {
    assert.deepEqual(choiceIds('pool-map', { rows: 100, workers: 2, repeats: 1 }, 'beats-loop'), ['yes', 'no']);
    assert.deepEqual(choiceIds('pool-map', { rows: 100, workers: 2, repeats: 3 }, 'beats-loop'), ['yes', 'no', 'tie']);
  });

  test('hand-outs: one per row for apply, a few per worker for map’s chunks, one per worker for big chunks', () => {
    const apply = run({ method: 'pool.apply', verdict: 'poolLost', poolMs: 400, loopMs: 0.07, min: 0, max: 0, handOffs: 20_000, rows: 20_000 });
    assert.equal(answerOf('pool-apply', 'hand-outs', apply), 'one-per-row');
    assert.equal(settle('pool-apply', 'hand-outs', apply).why.key, 'whyHandOutsApply');
    const map = run({ verdict: 'poolTie', poolMs: 1.5, loopMs: 1, min: 0.6, max: 1.1, handOffs: 8 });
    assert.equal(answerOf('pool-map', 'hand-outs', map), 'a-few-per-worker');
    const big = run({ verdict: 'poolTie', poolMs: 1.5, loopMs: 1, min: 0.6, max: 1.1, handOffs: 2 });
    assert.equal(answerOf('pool-starmap', 'hand-outs', big), 'one-per-worker');
    assert.deepEqual(ids('pool-map', { rows: 3, workers: 2, repeats: 3 }), ['beats-loop']);
  });

  test('a run too quick to compare, or with no rows, settles nothing', () => {
    const quick = run({ verdict: 'poolTie', poolMs: 0, loopMs: 0, min: 1, max: 1, handOffs: 1 });
    quick.trace.lines = quick.trace.lines.filter((l) => l.message?.key !== 'poolVerdict');
    assert.equal(settle('pool-map', 'beats-loop', quick), null);
  });
});
