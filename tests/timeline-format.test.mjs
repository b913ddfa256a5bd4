// How the timeline writes times (www/js/timeline/format.js), in Node: its tooltips, its
// axis and the summary a screen reader hears.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatDuration, formatLength, formatSummary, formatTick, formatTime,
} from '../www/js/timeline/format.js';

test('a duration takes the unit that keeps it readable', () => {
  assert.equal(formatDuration(0), '0');
  assert.equal(formatDuration(0.25), '250 µs');
  assert.equal(formatDuration(12.5), '12.5 ms');
  assert.equal(formatDuration(1500), '1.5 s');
  assert.equal(formatDuration(-3), '-3 ms');
  assert.equal(formatDuration(0.999), '999 µs');
  assert.equal(formatDuration(1), '1 ms', 'a unit starts at one of it');
  assert.equal(formatDuration(1000), '1 s');
  assert.equal(formatDuration(123456.789), '123.5 s', 'four significant digits');
  assert.equal(formatDuration(1 / 3, 2), '330 µs');
  assert.equal(formatDuration(NaN), '–');
  assert.equal(formatDuration(Infinity), '–');
});

test('a time keeps every microsecond and nothing finer', () => {
  assert.equal(formatTime(123456.789), '123.456789 s');
  assert.equal(formatTime(1 / 3), '333 µs');
  assert.equal(formatTime(1e-4), '0', 'below a microsecond is noise in an epoch double');
  // A span in epoch ms: its length is rounded as its times are.
  assert.equal(formatLength({ start: 1.7e12, end: 1.7e12 + 12.3456789 }), '12.35 ms');
  assert.equal(formatLength({ start: 5, end: 5 }), '0');
});

test('a summary has three significant digits, zeros kept', () => {
  assert.equal(formatSummary(0), '0 s');
  assert.equal(formatSummary(1000), '1.00 s');
  assert.equal(formatSummary(12.5), '12.5 ms');
  assert.equal(formatSummary(0.25), '250 µs');
  assert.equal(formatSummary(-3), '-3.00 ms');
  assert.equal(formatSummary(1), '1.00 ms');
});

test('a tick label is as precise as the step between ticks', () => {
  assert.equal(formatTick(250, 50), '250 ms');
  assert.equal(formatTick(2000, 1000), '2 s');
  assert.equal(formatTick(1000, 500), '1 s');
  assert.equal(formatTick(1, 0.5), '1 ms');
  assert.equal(formatTick(1200, 200), '1.2 s');
  assert.equal(formatTick(1250, 50), '1.25 s');
  assert.equal(formatTick(0.25, 0.05), '250 µs');
  assert.equal(formatTick(0.0015, 0.0005), '1.5 µs');
  // Zero, and what floating point leaves of it after adding steps, reads "0".
  assert.equal(formatTick(0, 100), '0');
  assert.equal(formatTick(1e-12, 100), '0');
  assert.equal(formatTick(-1e-12, 0.001), '0');
  const labels = [0, 1, 2, 3, 4, 5].map((i) => formatTick(i * 0.2 * 1000, 200));
  assert.deepEqual(labels, ['0', '200 ms', '400 ms', '600 ms', '800 ms', '1 s']);
});
