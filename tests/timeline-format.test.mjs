// How the timeline writes times (www/js/timeline/format.js), in Node: its tooltips, its
// axis and the summary a screen reader hears.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatDuration, formatLength, formatSummary, formatTick, formatTime,
} from '../www/js/timeline/format.js';

/** Checks `format` on each [its arguments, the text expected]. */
function check(format, cases) {
  for (const [args, expected] of cases) {
    assert.equal(format(...args), expected, `${format.name}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`);
  }
}

test('a duration takes the unit that keeps it readable, four significant digits', () => check(formatDuration, [
  [[0], '0'], [[0.25], '250 µs'], [[0.999], '999 µs'], [[1], '1 ms'], [[12.5], '12.5 ms'], [[-3], '-3 ms'],
  [[1000], '1 s'], [[1500], '1.5 s'], [[123456.789], '123.5 s'], [[1 / 3, 2], '330 µs'],
  [[NaN], '–'], [[Infinity], '–'],
]));

test('a time keeps every microsecond and nothing finer', () => {
  // Below a microsecond is noise in an epoch double.
  check(formatTime, [[[123456.789], '123.456789 s'], [[1 / 3], '333 µs'], [[1e-4], '0']]);
  // A span in epoch ms: its length is rounded as its times are.
  check(formatLength, [[[{ start: 1.7e12, end: 1.7e12 + 12.3456789 }], '12.35 ms'], [[{ start: 5, end: 5 }], '0']]);
});

test('a summary has three significant digits, zeros kept', () => check(formatSummary, [
  [[0], '0 s'], [[0.25], '250 µs'], [[1], '1.00 ms'], [[12.5], '12.5 ms'], [[-3], '-3.00 ms'], [[1000], '1.00 s'],
]));

test('a summary that rounds up to the next unit is written in that unit', () => check(formatSummary, [
  [[999.99], '1.00 s'], [[0.99999], '1.00 ms'], [[-999.7], '-1.00 s'], [[999.4], '999 ms'],
]));

test('a tick label is as precise as the step between ticks', () => {
  check(formatTick, [
    [[250, 50], '250 ms'], [[1, 0.5], '1 ms'], [[1000, 500], '1 s'], [[2000, 1000], '2 s'], [[1200, 200], '1.2 s'],
    [[1250, 50], '1.25 s'], [[0.25, 0.05], '250 µs'], [[0.0015, 0.0005], '1.5 µs'],
    // Zero, and what floating point leaves of it after adding steps, reads "0".
    [[0, 100], '0'], [[1e-12, 100], '0'], [[-1e-12, 0.001], '0'],
  ]);
  const labels = [0, 1, 2, 3, 4, 5].map((i) => formatTick(i * 0.2 * 1000, 200));
  assert.deepEqual(labels, ['0', '200 ms', '400 ms', '600 ms', '800 ms', '1 s']);
});
