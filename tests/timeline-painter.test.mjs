// The timeline's bars (www/js/timeline/painter.js), in Node: spans become bars per way of
// painting, merged where they share pixels, cut at the plot's edges, snapped to pixels.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lane } from '../www/js/timeline/lanes.js';
import { addLaneBars, newBars } from '../www/js/timeline/painter.js';
import { TimeScale } from '../www/js/timeline/scale.js';

const ORIGIN = 1_700_000_000_000;
/** A lane of [state, start, end] spans, times in ms since ORIGIN. */
function laneOf(...spans) {
  const lane = new Lane('lane');
  for (const [state, start, end] of spans) {
    lane.push({ lane: 'lane', state, start: ORIGIN + start, end: ORIGIN + end, label: '' });
  }
  return lane;
}
/** 0–100 ms across a plot from x = 10 to 110: a millisecond a pixel. */
const scale = new TimeScale({ start: 0, end: 100 }, 10, 100, ORIGIN);

test('spans become bars per way of painting, merged where their pixels touch', () => {
  const lane = laneOf(
    ['running', -50, -20], // over before the view
    ['sleeping', -50, 5], // begun before it: cut 2 px left of the plot
    ['running', -45, -30], // after a span that reaches into view, but over before it
    ['running', 0, 10],
    ['running', 10.5, 20], // a pixel from the previous: one bar
    ['waiting', 20, 21], // a pixel wide: too narrow for an outline
    ['running', 30, 40],
    ['running', 45, 50], // 5 px apart: two bars
    ['sleeping', 60, 80],
    ['running', 90, 90], // an instant: a pixel
    ['waiting', 95, 300], // running on past the view: cut 2 px right of the plot
    ['running', 150, 200], // after the view
  );
  const bars = newBars();
  addLaneBars(bars, lane, scale, 50, 1);
  assert.deepEqual(bars, {
    running: [10, 50, 20, 40, 50, 10, 55, 50, 5, 100, 50, 1],
    sleeping: [8, 50, 7, 70, 50, 20],
    sleepingSolid: [],
    waiting: [105, 50, 7],
    waitingSolid: [30, 50, 1],
  });
});

test('a state keeps growing its bar across the spans of other states', () => {
  const bars = newBars();
  addLaneBars(bars, laneOf(['running', 0, 10], ['sleeping', 10, 11], ['running', 10.8, 20]), scale, 0, 1);
  assert.deepEqual(bars.running, [10, 0, 20]);
  assert.deepEqual(bars.sleepingSolid, [20, 0, 1]);
});

test('thousands of spans in a few pixels make one bar', () => {
  const spans = Array.from({ length: 5000 }, (_, i) => ['running', i * 0.001, i * 0.001 + 0.0005]);
  const bars = newBars();
  addLaneBars(bars, laneOf(...spans), scale, 0, 1);
  assert.deepEqual(bars.running, [10, 0, 6], '0 to 5 ms, and a pixel for the last span');
});

test('edges on device pixels: half CSS pixels at a ratio of 2', () => {
  const bars = newBars();
  addLaneBars(bars, laneOf(['running', 0.3, 10.26], ['running', 10.6, 10.6], ['sleeping', 20.1, 30.2]), scale, 0, 2);
  assert.deepEqual(bars.running, [10.5, 0, 11], 'the instant joins the span half a pixel before it');
  assert.deepEqual(bars.sleeping, [30, 0, 10]);
});

test('a lane with nothing in view adds nothing', () => {
  const bars = newBars();
  addLaneBars(bars, laneOf(['running', -30, -1], ['sleeping', 101, 120]), scale, 0, 1);
  addLaneBars(bars, new Lane('empty'), scale, 0, 1);
  assert.deepEqual(bars, newBars());
});

test('spans added out of order are drawn as if in order', () => {
  const inOrder = newBars();
  addLaneBars(inOrder, laneOf(['running', 0, 10], ['running', 30, 40], ['waiting', 50, 70]), scale, 0, 1);
  const shuffled = newBars();
  addLaneBars(shuffled, laneOf(['waiting', 50, 70], ['running', 30, 40], ['running', 0, 10]), scale, 0, 1);
  assert.deepEqual(shuffled, inOrder);
});
