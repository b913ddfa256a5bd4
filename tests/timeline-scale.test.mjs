// The timeline's time scale (www/js/timeline/scale.js), in Node: the one place where
// times become pixels and pixels times, for drawing, hit testing, zoom, pan and the axis.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { niceStep, TimeScale } from '../www/js/timeline/scale.js';

const EPOCH = 1_700_000_000_000; // a run's origin, in epoch ms as the page gives it
const close = (actual, expected, tolerance, message) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${message ?? ''} ${actual} ≉ ${expected}`);

test('the visible range spans the plot, from its left edge to its right', () => {
  const scale = new TimeScale({ start: 100, end: 200 }, 50, 500, EPOCH);
  assert.equal(scale.msPerPx, 0.2);
  assert.equal(scale.right, 550);
  assert.equal(scale.x(100), 50);
  assert.equal(scale.x(200), 550);
  assert.equal(scale.x(150), 300);
  assert.equal(scale.x(90), 0, 'earlier than the view: left of the plot');
  assert.equal(scale.xOfEpoch(EPOCH + 150), 300, 'an epoch time lands where its time since origin does');
  assert.equal(scale.epochAt(300), EPOCH + 150);
});

test('time → x → time comes back, however far zoomed in', () => {
  for (const [start, end] of [[0, 10_000], [1234.5, 1234.5 + 3], [-50, 7], [5000, 5000.001]]) {
    const scale = new TimeScale({ start, end }, 86, 1100, EPOCH);
    for (let x = scale.left; x <= scale.right; x += 55) {
      const time = scale.epochAt(x);
      // An epoch double holds time to about 0.24 µs: a µs-wide view still lands within 1 px.
      close(scale.xOfEpoch(time), x, 1e-9 + 2.5e-4 / scale.msPerPx, `[${start}, ${end}] at ${x}`);
      close(scale.x(scale.timeWithin(x)), x, 1e-6, `[${start}, ${end}] at ${x}`);
    }
  }
  const wide = new TimeScale({ start: 0, end: 10_000 }, 86, 1100, EPOCH);
  close(wide.xOfEpoch(wide.epochAt(500)), 500, 1e-4, 'to a ten-thousandth of a pixel at a normal zoom');
});

test('the wheel zooms around the plot edge nearest to the pointer beyond it', () => {
  const scale = new TimeScale({ start: 100, end: 200 }, 50, 500);
  assert.equal(scale.timeWithin(300), 150);
  assert.equal(scale.timeWithin(10), 100, 'over the label column: the start');
  assert.equal(scale.timeWithin(900), 200, 'past the plot: the end');
});

test('a drag moves the range by the time its pixels stand for, the zoom kept', () => {
  const scale = new TimeScale({ start: 100, end: 200 }, 50, 500);
  assert.deepEqual(scale.panned(50), { start: 110, end: 210 });
  assert.deepEqual(scale.panned(-250), { start: 50, end: 150 });
  assert.deepEqual(scale.panned(0), { start: 100, end: 200 });
});

test('ticks: round multiples of the step, about 60 px apart, on the middle of a pixel', () => {
  const scale = new TimeScale({ start: 20, end: 1020 }, 50, 600);
  const step = scale.tickStep();
  assert.equal(step, 100, 'at most 10 ticks over 600 px, a 1-2-5 step');
  const ticks = scale.ticks(step);
  assert.deepEqual(ticks.map((tick) => tick.time), [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  for (const { time, x } of ticks) {
    assert.equal(x % 1, 0.5, `${time}: crisp`);
    assert.ok(Math.abs(x - 0.5 - scale.x(time)) <= 0.5, `${time}: at its time`);
  }
  const zoomed = new TimeScale({ start: 1.00005, end: 1.00305 }, 0, 300);
  const fine = zoomed.tickStep();
  assert.equal(fine, 0.001);
  assert.equal(zoomed.ticks(fine).length, 3, '1.001, 1.002, 1.003 ms');
  assert.deepEqual(new TimeScale({ start: 10.2, end: 10.7 }, 0, 300).ticks(1), [], 'none between two steps');
});

test('a step is 1, 2 or 5 times a power of ten, never more ticks than asked', () => {
  assert.equal(niceStep(1000, 10), 100);
  assert.equal(niceStep(1000, 9), 200);
  assert.equal(niceStep(1000, 4), 500);
  assert.equal(niceStep(1000, 1.5), 1000);
  assert.equal(niceStep(0.03, 10), 0.005);
  assert.equal(niceStep(7, 0.5), 10, 'fewer than one tick asked: one');
  for (let range = 0.01; range < 1e6; range *= 1.37) {
    const step = niceStep(range, 8);
    assert.ok(range / step <= 8 + 1e-9, `${range}: ${step}`);
    assert.ok(range / step > 8 / 2.5 - 1e-9, `${range}: ${step} is not the finest`);
    const mantissa = Number((step / 10 ** Math.floor(Math.log10(step) + 1e-12)).toPrecision(6));
    assert.ok([1, 2, 5].includes(mantissa), `${range}: ${step}`);
  }
});
