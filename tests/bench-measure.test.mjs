// The benchmark's statistics (bench/measure.mjs): pure, so tested here.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callsOf, medianInterval, summary } from '../bench/measure.mjs';

/** The k of the median's 95 % interval for n values, from the binomial's tail summed
 * exactly in integers: the largest k with 2^n × P(fewer than k below) ≤ 2.5 % of 2^n. */
function exactK(n) {
  const limit = 2n ** BigInt(n) * 25n; // in thousandths
  let coefficient = 1n;
  let tail = 0n;
  let k = 0;
  while ((tail + coefficient) * 1000n <= limit) {
    tail += coefficient;
    coefficient = (coefficient * BigInt(n - k)) / BigInt(k + 1);
    k++;
  }
  return k;
}

test('the median’s interval: the 7th value from either end of 24, in any order', () => {
  const values = Array.from({ length: 24 }, (_, i) => 24 - i);
  // Fewer than 7 of 24 below the median: 1.1 %; fewer than 8: 3.2 %.
  assert.deepEqual(medianInterval(values), { low: 7, high: 18 });
  assert.equal(summary(values).median, 12.5);
});

test('the median’s interval is the exact binomial one, from 6 values to 2,000', () => {
  for (const n of [6, 7, 10, 24, 25, 96, 97, 200, 2000]) {
    const k = exactK(n);
    const values = Array.from({ length: n }, (_, i) => i + 1);
    assert.deepEqual(medianInterval(values), { low: k, high: n + 1 - k }, `n = ${n}`);
  }
});

test('too few values for an interval, and one that narrows as the sample grows', () => {
  assert.equal(medianInterval([3, 1, 2, 5, 4]), null);
  assert.deepEqual(medianInterval([6, 1, 2, 3, 4, 5]), { low: 1, high: 6 });
  const width = (n) => {
    const { low, high } = medianInterval(Array.from({ length: n }, (_, i) => i));
    return (high - low) / n;
  };
  assert.ok(width(96) < width(24), `${width(96)} vs ${width(24)}`);
});

test('a call’s start, length and work, read from its timeline as the page and native runs give it', () => {
  const span = (lane, state, start, end, label = 'rows') => ({ lane, state, start, end, label });
  const spans = [
    // On time: both workers start within 0.2 ms; worker 1 takes two chunks.
    span('runner', 'waiting', 10, 12, 'waiting for pool.map'),
    span('worker 0', 'waiting', 10, 10.1, 'idle'),
    span('worker 0', 'running', 10.1, 11.9),
    span('worker 1', 'running', 10.2, 11),
    span('worker 1', 'running', 11, 11.8),
    // The loop between, on a pool thread: not the call's.
    span('runner', 'waiting', 12, 14, 'waiting for the sequential loop'),
    span('worker 0', 'running', 12, 14, 'sequential loop'),
    // Late: worker 1 starts 1.5 ms into the call.
    span('runner', 'waiting', 20, 23, 'waiting for pool.map'),
    span('worker 0', 'running', 20.1, 22),
    span('worker 1', 'running', 21.5, 22.9),
    // Worker 1 takes nothing: as late as the call. A span that outlasts the wait is not
    // the call's.
    span('runner', 'waiting', 30, 32, 'waiting for pool.map'),
    span('worker 0', 'running', 30.1, 31.9),
    span('worker 1', 'running', 31.5, 32.5),
    // No chunk at all: as late as the call, and no work.
    span('runner', 'waiting', 40, 41, 'waiting for pool.map'),
  ];
  const calls = callsOf(spans, 'pool.map', 2).map(({ ms, lastStartMs, busyMs }) =>
    [ms, lastStartMs, busyMs].map((value) => Math.round(value * 100) / 100));
  assert.deepEqual(calls, [[2, 0.2, 3.4], [3, 1.5, 3.3], [2, 2, 1.8], [1, 1, 0]]);
  // On one worker, one start is all starts.
  assert.deepEqual(callsOf(spans.slice(7, 8).concat(span('worker 0', 'running', 20.3, 22)), 'pool.map', 1)
    .map((call) => Math.round(call.lastStartMs * 100) / 100), [0.3]);
  assert.deepEqual(callsOf(spans.slice(-1), 'pool.map', 0).map((call) => call.lastStartMs), [1]);
  assert.deepEqual(callsOf(spans, 'pool.starmap', 2), []);
});
