// Which times the timeline shows (www/js/timeline/viewport.js), in Node: the whole trace
// with a margin, following the now cursor, until zoomed or panned; times since the origin.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Viewport } from '../www/js/timeline/viewport.js';

const EPOCH = 1_700_000_000_000;
/** A viewport that has seen spans over [EPOCH + start, EPOCH + end]. */
function viewportOver(start, end, origin = EPOCH) {
  const viewport = new Viewport();
  viewport.origin = origin;
  viewport.include({ start: EPOCH + start, end: EPOCH + (start + end) / 2 });
  viewport.include({ start: EPOCH + (start + end) / 2, end: EPOCH + end });
  return viewport;
}
const near = (actual, expected, tolerance = 1e-9) => {
  for (const key of ['start', 'end']) {
    assert.ok(Math.abs(actual[key] - expected[key]) < tolerance, `${key}: ${actual[key]} ≉ ${expected[key]}`);
  }
};

test('before any span: a millisecond from zero, and no origin', () => {
  const viewport = new Viewport();
  assert.equal(viewport.origin, null);
  assert.equal(viewport.originOrZero, 0);
  assert.deepEqual(viewport.range, { start: 0, end: 1 });
  assert.equal(viewport.zoomed, null);
});

test('the origin: as set, else the earliest start; what is not a time counts as unset', () => {
  const viewport = new Viewport();
  viewport.include({ start: EPOCH + 5, end: EPOCH + 9 });
  viewport.include({ start: EPOCH + 2, end: EPOCH + 3 });
  assert.equal(viewport.origin, EPOCH + 2);
  viewport.origin = String(EPOCH);
  assert.equal(viewport.origin, EPOCH);
  for (const unset of [null, undefined, 'soon', NaN, Infinity]) {
    viewport.origin = unset;
    assert.equal(viewport.origin, EPOCH + 2, String(unset));
  }
  viewport.now = 'later';
  assert.equal(viewport.now, null);
  viewport.now = EPOCH + 7;
  assert.equal(viewport.now, EPOCH + 7);
});

test('the whole trace, with 2% more after it, from the origin or the earliest span', () => {
  assert.deepEqual(viewportOver(0, 1000).range, { start: 0, end: 1020 });
  assert.deepEqual(viewportOver(200, 1000).range, { start: 0, end: 1020 }, 'time zero stays in view');
  const later = viewportOver(0, 1000, EPOCH + 500);
  assert.deepEqual(later.range, { start: -500, end: 520 }, 'spans before the origin too');
  const instant = new Viewport();
  instant.include({ start: EPOCH, end: EPOCH });
  assert.deepEqual(instant.range, { start: 0, end: 1 }, 'an instant: a millisecond');
});

test('a live run: the view follows the now cursor, and the end is the later of the two', () => {
  const viewport = viewportOver(0, 1000);
  viewport.now = EPOCH + 2000;
  assert.deepEqual(viewport.range, { start: 0, end: 2040 });
  assert.equal(viewport.end, 2000);
  viewport.now = EPOCH + 500;
  assert.deepEqual(viewport.range, { start: 0, end: 1020 });
  assert.equal(viewport.end, 1000);
});

test('zoom keeps the time it zooms around in place', () => {
  const viewport = viewportOver(0, 1000); // 0–1020
  viewport.zoom(2, 510);
  assert.deepEqual(viewport.range, { start: 255, end: 765 });
  viewport.zoom(5, 255);
  near(viewport.range, { start: 255, end: 357 });
  viewport.zoom(1 / 2);
  near(viewport.range, { start: 204, end: 408 }); // around the middle when no time is given
  assert.deepEqual(viewport.zoomed, viewport.range);
});

test('zoom stops at a microsecond, and at twenty times the trace', () => {
  const viewport = viewportOver(0, 1000);
  viewport.zoom(1e12, 100);
  const range = viewport.range;
  assert.ok(Math.abs(range.end - range.start - 1e-3) < 1e-9, `${range.end - range.start}`);
  assert.ok(range.start <= 100 && range.end >= 100);
  viewport.zoom(1e-12, 100);
  near(viewport.range, { start: 100 - 100 * 20, end: 100 + 920 * 20 }, 1e-6);
});

test('pan moves by a fraction of the view; reset goes back to the whole trace', () => {
  const viewport = viewportOver(0, 1000);
  viewport.zoom(2, 510);
  viewport.pan(0.5);
  assert.deepEqual(viewport.range, { start: 510, end: 1020 });
  viewport.pan(-1);
  assert.deepEqual(viewport.range, { start: 0, end: 510 });
  viewport.reset();
  assert.deepEqual(viewport.range, { start: 0, end: 1020 });
  assert.equal(viewport.zoomed, null);
});

test('show sets the view; what the viewport hands out are copies', () => {
  const viewport = viewportOver(0, 1000);
  viewport.show({ start: 10, end: 20 });
  viewport.range.start = 0;
  viewport.zoomed.end = 99;
  assert.deepEqual(viewport.range, { start: 10, end: 20 });
});

test('reveal centres a span out of view, at the same zoom, and leaves one in view be', () => {
  const viewport = viewportOver(0, 1000);
  viewport.show({ start: 100, end: 200 });
  viewport.reveal({ start: EPOCH + 195, end: EPOCH + 400 });
  assert.deepEqual(viewport.range, { start: 100, end: 200 }, 'its start in view');
  viewport.reveal({ start: EPOCH + 50, end: EPOCH + 101 });
  assert.deepEqual(viewport.range, { start: 100, end: 200 }, 'its end in view');
  viewport.reveal({ start: EPOCH + 600, end: EPOCH + 620 });
  assert.deepEqual(viewport.range, { start: 560, end: 660 });
  viewport.reveal({ start: EPOCH + 10, end: EPOCH + 10 });
  assert.deepEqual(viewport.range, { start: -40, end: 60 });
});

test('clear forgets the spans, the origin and the zoom, not the now cursor', () => {
  const viewport = viewportOver(0, 1000);
  viewport.now = EPOCH + 50;
  viewport.zoom(3);
  viewport.clear();
  assert.equal(viewport.origin, null);
  assert.equal(viewport.zoomed, null);
  assert.equal(viewport.now, EPOCH + 50);
  assert.deepEqual(viewport.range, { start: 0, end: (EPOCH + 50) * 1.02 }, 'time zero is then the epoch');
});
