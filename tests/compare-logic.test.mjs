// The comparisons' pure parts in Node: a pool run's figures from its trace, an event-loop
// program's own time, what sets a run apart, what storage may give back, and the sweep's
// numbers (each size's times and speedup, the crossover and why).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

// examples.js reads the core count at load, as the page does (Node 20 has no navigator).
globalThis.navigator ??= { hardwareConcurrency: 2 };
const { exampleById, EXAMPLES } = await import('../www/js/examples.js');
const {
  distinguishingParams, isRow, poolFiguresOf, poolMethodOf, programMsOf, summarizeRun,
} = await import('../www/js/compare/summary.js');
const {
  SWEEP_ROWS, asWritten, crossoverIndex, crossoverReading, median, splitOf, sweepPoint,
} = await import('../www/js/compare/sweep-math.js');

// A pool run's report lines as the crate writes them (crate/src/demos/pool/report.rs,
// converted by crate/src/web/convert.rs), from each repeat's times.
const ratio = (value) => ({ kind: 'ratio', value: { value, decimals: 2 } });
function reportLines({ poolTimes, loopTimes, rows = 2_000_000, workers = 2, method = 'map' }) {
  const speedups = poolTimes.map((pool, i) => loopTimes[i] / pool);
  const speedup = speedups.length === 1
    ? { key: 'speedup', english: '{median}×', args: { median: ratio(speedups[0]) } }
    : {
      key: 'speedupRange', english: '{median}× ({min}–{max}×)',
      args: { median: ratio(median(speedups)), min: ratio(Math.min(...speedups)), max: ratio(Math.max(...speedups)) },
    };
  const line = (message) => ({ kind: 'line', lane: 'runner', text: '…', at: 1, message, site: null });
  return [
    line(null), // the original's print: the first ten counts
    line({
      key: method === 'apply' ? 'poolTimingCalls' : 'poolTimingChunks', english: '…',
      args: {
        method: { kind: 'text', value: `pool.${method}` }, rows: { kind: 'count', value: rows },
        workers: { kind: 'count', value: workers }, time: { kind: 'milliseconds', value: median(poolTimes) },
        chunkRows: { kind: 'count', value: 250_000 }, repeats: { kind: 'count', value: poolTimes.length },
      },
    }),
    line({
      key: 'loopSpeedup', english: 'sequential loop: {time}; speedup {speedup}',
      args: { time: { kind: 'milliseconds', value: median(loopTimes) }, speedup: { kind: 'said', value: speedup } },
    }),
    line({ key: 'poolTotal', english: '…', args: {} }),
  ];
}

describe('a pool run’s figures, from its trace', () => {
  test('the speedup is the median of the repeats’ loop ÷ pool, with their range', () => {
    const poolTimes = [8.0, 7.7, 9.1];
    const loopTimes = [7.96, 10.3, 7.35];
    const figures = poolFiguresOf(reportLines({ poolTimes, loopTimes }));
    const ratios = loopTimes.map((loop, i) => loop / poolTimes[i]);
    assert.deepEqual(figures, {
      rows: 2_000_000, workers: 2, repeats: 3, poolMs: 8.0, loopMs: 7.96,
      speedup: {
        median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios),
        sentence: figures.speedup.sentence,
      },
    });
    assert.equal(figures.speedup.sentence.key, 'speedupRange', 'written as the output writes it');
    assert.ok(figures.speedup.min <= figures.speedup.median && figures.speedup.median <= figures.speedup.max);
  });

  test('one repeat is its own range; a run too quick to compare, or no report, has no speedup', () => {
    const once = poolFiguresOf(reportLines({ poolTimes: [4], loopTimes: [6], method: 'apply' }));
    assert.deepEqual({ ...once.speedup, sentence: once.speedup.sentence.key },
      { median: 1.5, min: 1.5, max: 1.5, sentence: 'speedup' });
    const quick = reportLines({ poolTimes: [0], loopTimes: [0] });
    quick[2].message = { key: 'loopTooQuick', english: '…', args: { time: { kind: 'milliseconds', value: 0 } } };
    assert.equal(poolFiguresOf(quick).speedup, null);
    assert.equal(poolFiguresOf([]), null);
  });

  test('only examples 7–9 are pool runs', () => {
    assert.deepEqual(EXAMPLES.map((example) => poolMethodOf(example.id)).filter(Boolean), ['apply', 'map', 'starmap']);
  });
});

describe('an event-loop run', () => {
  test('takes its program’s own time, from its first step to its last, sped up or not', () => {
    const spans = [
      { lane: 'main', start: 1000 + 29, end: 1000 + 1105 },
      { lane: 'count() #1', start: 1000 + 31, end: 1000 + 1098 },
    ];
    assert.equal(programMsOf(spans), 1105 - 29);
    assert.equal(programMsOf([]), null);
    const row = summarizeRun({
      example: exampleById('count-async'), params: { mode: 'gather', coroutines: 3, speed: '10' },
      outcome: { elapsedMs: 134.6 }, trace: { spans, lines: [] },
    }, 7);
    assert.deepEqual(row, {
      sequence: 7, exampleId: 'count-async', params: { mode: 'gather', coroutines: 3, speed: '10' },
      realMs: 134.6, programMs: 1076, speed: 10, pool: null,
    });
  });
});

describe('what sets a run apart', () => {
  const countAsync = exampleById('count-async');
  const poolMap = exampleById('pool-map');

  test('its values that are not the defaults', () => {
    assert.deepEqual(distinguishingParams(countAsync, { mode: 'gather', coroutines: 3, speed: '1' }, []), []);
    assert.deepEqual(distinguishingParams(countAsync, { mode: 'sequential', coroutines: 3, speed: '10' }, []),
      [{ name: 'mode', value: 'sequential' }, { name: 'speed', value: '10' }]);
  });

  test('and those that differ from another run of the same example, defaults included', () => {
    const defaults = Object.fromEntries(poolMap.params.map((param) => [param.name, param.default]));
    const oneWorker = { ...defaults, workers: 1 };
    assert.deepEqual(distinguishingParams(poolMap, defaults, [oneWorker]), [{ name: 'workers', value: defaults.workers }]);
    assert.deepEqual(distinguishingParams(poolMap, oneWorker, [defaults]), [{ name: 'workers', value: 1 }]);
  });
});

describe('a row read back from storage', () => {
  const good = {
    sequence: 1, exampleId: 'pool-map', params: { rows: 10, seed: 1 }, realMs: 5, programMs: null, speed: 1,
    pool: {
      rows: 10, workers: 2, repeats: 3, poolMs: 1, loopMs: 2,
      speedup: { median: 2, min: 1, max: 3, sentence: { key: 'speedup', english: '{median}×', args: { median: ratio(2) } } },
    },
  };
  const ids = EXAMPLES.map((example) => example.id);

  test('is kept when it is one, dropped when it is not', () => {
    assert.equal(isRow(good, ids), true);
    assert.equal(isRow({ ...good, pool: null }, ids), true);
    for (const bad of [null, 'row', { ...good, exampleId: 'nope' }, { ...good, params: { rows: {} } },
      { ...good, realMs: '5' }, { ...good, sequence: 1.5 }, { ...good, pool: { ...good.pool, poolMs: null } },
      { ...good, pool: { ...good.pool, speedup: { median: 'x' } } },
      { ...good, pool: { ...good.pool, speedup: { ...good.pool.speedup, sentence: { key: 'poolTotal', english: '', args: {} } } } },
      { ...good, pool: { ...good.pool, speedup: { ...good.pool.speedup, sentence: { key: 'speedup', english: '{median}', args: { median: { kind: 'said', value: {} } } } } } }]) {
      assert.equal(isRow(bad, ids), false, JSON.stringify(bad));
    }
  });
});

describe('a sweep', () => {
  test('sizes from 10,000 to the crate’s most rows, growing', () => {
    assert.equal(SWEEP_ROWS[0], 10_000);
    const [{ max }] = exampleById('pool-map').params.filter((param) => param.name === 'rows');
    assert.equal(SWEEP_ROWS.at(-1), max);
    assert.ok(SWEEP_ROWS.every((rows, i) => i === 0 || rows > SWEEP_ROWS[i - 1]));
  });

  test('a size’s speedup is the ratio of its two times, within the rounds’ range', () => {
    // Rounds of every shape: the ratio of the medians lies within the rounds' ratios.
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 200; trial++) {
      const rounds = Array.from({ length: 1 + (trial % 4) }, () => ({
        oneMs: Array.from({ length: 3 }, () => 1 + 9 * random()),
        allMs: Array.from({ length: 3 }, () => 1 + 9 * random()),
      }));
      const point = sweepPoint(1000, rounds);
      assert.equal(point.speedup, point.oneMs / point.allMs);
      assert.ok(point.min - 1e-12 <= point.speedup && point.speedup <= point.max + 1e-12, JSON.stringify(point));
    }
    const point = sweepPoint(10_000, [{ oneMs: [4, 2, 3], allMs: [2, 2, 1] }, { oneMs: [5], allMs: [2] }]);
    assert.deepEqual(point, { rows: 10_000, oneMs: 4, allMs: 2, speedup: 2, min: 1.5, max: 2.5, rounds: 2 });
  });

  const at = (rows, oneMs, allMs) => ({ rows, oneMs, allMs, speedup: oneMs / allMs, min: 0, max: 0 });

  test('the crossover is the first size whose speedup, as written, is above 1', () => {
    assert.equal(asWritten(1.004), 1);
    const points = [at(1e4, 1, 2), at(3e4, 1.004, 1), at(1e5, 3, 2), at(3e5, 0.9, 1), at(1e6, 4, 2)];
    assert.equal(crossoverIndex(points), 2);
    assert.equal(crossoverIndex(points.slice(0, 2)), -1);
    assert.equal(crossoverIndex([]), -1);
  });

  test('the reading says what the split saves against what handing out cost', () => {
    const points = [at(1e4, 0.03, 0.05), at(3e4, 0.1, 0.12), at(1e5, 0.4, 0.3), at(3e5, 1.2, 1.3), at(1e6, 4, 2.2)];
    const reading = crossoverReading(points, 2);
    assert.equal(reading.kind, 'crossover');
    assert.deepEqual(reading.at, splitOf(points[2], 2));
    assert.deepEqual(reading.before, splitOf(points[1], 2));
    assert.equal(reading.fellBackAt, 3e5);
    const { at: split } = reading;
    assert.ok(Math.abs(split.shareMs + split.handOffMs - split.allMs) < 1e-12);
    assert.ok(split.handOffMs < split.savedMs, 'where all workers win, the hand-off costs less than the split saves');
    assert.ok(reading.before.handOffMs >= reading.before.savedMs, 'below it, no less');
    assert.ok(Math.abs(split.perRowNs - (1e6 * 0.4) / 1e5) < 1e-9);

    assert.equal(crossoverReading([at(1e4, 2, 1)], 2).kind, 'fromTheStart');
    const never = crossoverReading(points.slice(0, 2), 2);
    assert.equal(never.kind, 'never');
    assert.equal(never.at.rows, 3e4);
    assert.equal(never.before, null);
    assert.equal(crossoverReading([], 2), null);
  });
});
