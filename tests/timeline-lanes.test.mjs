// The timeline's lane index (www/js/timeline/lanes.js), in Node: spans kept sorted per lane
// with a running maximum of their ends, the searches on them, and the lanes' order.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lane, LaneIndex, toSpan } from '../www/js/timeline/lanes.js';

/** A lane holding spans [start, end], pushed in the order given. */
function laneOf(...ranges) {
  const lane = new Lane('lane');
  for (const [start, end, state = 'running'] of ranges) lane.push({ lane: 'lane', state, start, end, label: '' });
  return lane;
}
const starts = (lane) => lane.spans.map((span) => span.start);

test('spans pushed in order: a running maximum of ends, searched by binary search', () => {
  // The second span is long: it reaches past the third and fourth.
  const lane = laneOf([0, 1], [2, 10], [3, 4], [5, 6], [11, 12]);
  assert.equal(lane.sorted, true);
  assert.deepEqual(lane.maxEnd, [1, 10, 10, 10, 12]);
  assert.equal(lane.firstEndingAfter(-5), 0);
  assert.equal(lane.firstEndingAfter(1), 0, 'a span ending exactly then counts');
  assert.equal(lane.firstEndingAfter(1.5), 1);
  assert.equal(lane.firstEndingAfter(7), 1, 'the long span still reaches 7');
  assert.equal(lane.firstEndingAfter(10.5), 4);
  assert.equal(lane.firstEndingAfter(13), 5, 'nothing that late');
  assert.equal(lane.firstStartingAt(3), 2);
  assert.equal(lane.firstStartingAt(3.5), 3);
  assert.equal(lane.firstStartingAt(-1), 0);
  assert.equal(lane.firstStartingAt(20), 5);
});

test('spans pushed out of order are sorted once, when first searched', () => {
  const lane = laneOf([5, 6], [0, 1], [2, 10], [11, 12], [2, 3]);
  assert.equal(lane.sorted, false);
  const late = laneOf([0, 1], [5, 6], [3, 4]);
  assert.equal(late.sorted, false, 'one earlier than the span before it is enough');
  assert.equal(late.firstStartingAt(4), 2);
  assert.equal(lane.firstEndingAfter(7), 2);
  assert.equal(lane.sorted, true);
  assert.deepEqual(starts(lane), [0, 2, 2, 5, 11]);
  assert.deepEqual(lane.spans.slice(1, 3).map((span) => span.end), [3, 10], 'same start: the earlier end first');
  assert.deepEqual(lane.maxEnd, [1, 3, 10, 10, 12]);
  lane.push({ start: 20, end: 21 });
  assert.deepEqual(lane.maxEnd, [1, 3, 10, 10, 12, 21], 'in order again: kept up as it grows');
  assert.equal(lane.firstStartingAt(6), 4);
  // Whatever the order they came in, the searches agree with a scan of them in order.
  const random = laneOf(...[7, 3, 9, 1, 4, 4, 8, 0, 2].map((start, i) => [start, start + (i % 3) * 2.5]));
  const inOrder = random.spans.toSorted((a, b) => a.start - b.start || a.end - b.end);
  const scan = (found) => (found < 0 ? inOrder.length : found);
  for (let time = -1; time <= 14; time += 0.5) {
    const reaches = (i) => inOrder.slice(0, i + 1).some((span) => span.end >= time);
    const endingAfter = scan(inOrder.findIndex((_, i) => reaches(i)));
    assert.equal(random.firstEndingAfter(time), endingAfter, `ending after ${time}`);
    const startingAt = scan(inOrder.findIndex((span) => span.start >= time));
    assert.equal(random.firstStartingAt(time), startingAt, `starting at ${time}`);
  }
  assert.deepEqual(random.spans, inOrder);
});

test('indexOf finds a span among others with the same start', () => {
  const lane = laneOf([0, 1], [1, 1], [1, 2], [1, 3], [4, 5]);
  for (const [i, span] of lane.spans.entries()) assert.equal(lane.indexOf(span), i);
  assert.equal(lane.indexOf({ start: 1, end: 2 }), -1, 'only that very span');
});

test('nearestSpan: the span a time is in, else the one with the nearest edge, the briefer on a tie', () => {
  const lane = laneOf([0, 10], [20, 30], [33, 34], [40, 60], [45, 46]);
  const at = (time) => { const span = lane.nearestSpan(time); return span && [span.start, span.end]; };
  assert.deepEqual(at(5), [0, 10]);
  assert.deepEqual(at(14), [0, 10], '4 after its end, 6 before the next');
  assert.deepEqual(at(16), [20, 30]);
  assert.deepEqual(at(31.5), [33, 34], '1.5 from either: the briefer');
  assert.deepEqual(at(45.5), [45, 46], 'inside two: the briefer');
  assert.deepEqual(at(100), [40, 60], 'after them all: the one that ends last');
  assert.deepEqual(at(-3), [0, 10], 'before them all: the first');
  const tie = laneOf([0, 10], [12, 13]);
  assert.deepEqual([tie.nearestSpan(11).start, tie.nearestSpan(11).end], [12, 13], 'equally near: the briefer');
  // A long span that started early and ends near `time` is found, past briefer ones.
  const long = laneOf([0, 99], [10, 11], [20, 21]);
  assert.equal(long.nearestSpan(98).start, 0);
  assert.equal(new Lane('empty').nearestSpan(5), null);
});

test('spanNear: within a few pixels of the pointer, at least a pixel wide, the briefer on a tie', () => {
  // At 1 ms per pixel, 3 px of tolerance.
  const lane = laneOf([10, 20], [30, 30], [31, 32], [50, 80]);
  const near = (time) => lane.spanNear(time, 1, 3)?.start ?? null;
  assert.equal(near(15), 10);
  assert.equal(near(22.5), 10, '2.5 px after its end');
  assert.equal(near(24), null, 'too far from anything');
  assert.equal(near(30.5), 30, 'an instant is a pixel wide, and beats the span a pixel after it');
  assert.equal(near(31.2), 31, 'inside one, a pixel away from the other');
  assert.equal(near(47), 50, '3 px before its start');
  assert.equal(near(46.5), null);
  const far = laneOf([0, 1], [50, 80]);
  assert.equal(far.spanNear(45, 1, 3), null, 'at 1 ms per pixel, 5 ms is 5 px');
  assert.equal(far.spanNear(45, 10, 3)?.start, 50, 'at 10 ms per pixel, half a pixel');
  assert.equal(far.spanNear(16, 4, 3)?.start, 0, 'a 1 ms span is drawn a pixel, 4 ms, wide: 3 px away');
});

test('toSpan: numbers for times, an end no earlier than the start, a known state', () => {
  assert.deepEqual(toSpan({ lane: 'a', state: 'sleeping', start: '5', end: 7, label: 'x', extra: 1 }),
    { lane: 'a', state: 'sleeping', start: 5, end: 7, label: 'x', extra: 1 });
  assert.deepEqual(toSpan({ lane: 3, state: 'dreaming', start: 5, end: 2 }),
    { lane: '3', state: 'running', start: 5, end: 5, label: '' });
  assert.deepEqual(toSpan({ start: 5 }), { lane: '', state: 'running', start: 5, end: 5, label: '' });
  assert.equal(toSpan({ lane: 'a', start: 'soon' }), null);
  assert.equal(toSpan(null), null);
});

test('lanes in the order they appear, the pinned ones after them in the order of pinnedNames', () => {
  const index = new LaneIndex();
  index.pinnedNames = ['main', 'event loop'];
  const names = () => index.lanes.map((lane) => lane.name);
  for (const name of ['event loop', 'a', 'main', 'b', 'c']) index.add(name);
  assert.deepEqual(names(), ['a', 'b', 'c', 'main', 'event loop']);
  assert.equal(index.pinnedCount, 2);
  assert.equal(index.get('b'), index.lanes[1]);
  assert.equal(index.get('d'), undefined);

  index.clear();
  assert.deepEqual(names(), []);
  assert.equal(index.pinnedCount, 0);
  index.pinnedNames = ['runner', 'main', 'event loop'];
  for (const name of ['main', 'x', 'event loop', 'runner', 'y']) index.add(name);
  assert.deepEqual(names(), ['x', 'y', 'runner', 'main', 'event loop']);

  // Pinned later: lanes already shown keep their places; the next to appear is pinned.
  index.pinnedNames = ['z', 'x'];
  index.add('z');
  index.add('w');
  assert.deepEqual(names(), ['x', 'y', 'w', 'runner', 'main', 'event loop', 'z']);
  assert.equal(index.pinnedCount, 4);
});

/** A lane index of `spans` ([lane, start, end]), "main" pinned. */
function indexWith(spans) {
  const index = new LaneIndex();
  index.pinnedNames = ['main'];
  for (const [name, start, end] of spans) {
    const lane = index.get(name) ?? index.add(name);
    lane.push({ lane: name, state: 'running', start, end, label: '' });
  }
  return index;
}

test('the first span in view, from a lane on: what the keyboard selects first', () => {
  const index = indexWith([['a', 0, 10], ['a', 20, 30], ['b', 5, 6], ['b', 40, 50], ['main', 0, 100]]);
  const first = (from, time) => {
    const { lane, span } = index.firstSpanFrom(from, time);
    return [lane.name, span.start];
  };
  assert.deepEqual(first(0, 0), ['a', 0]);
  assert.deepEqual(first(0, 15), ['a', 20]);
  assert.deepEqual(first(1, 15), ['b', 40], 'from the second lane');
  assert.deepEqual(first(0, 35), ['b', 40], 'a lane with nothing left goes by');
  assert.deepEqual(first(0, 60), ['main', 0], 'the pinned lane comes last');
  assert.deepEqual(first(0, 200), ['a', 0], 'nothing in view: the first span of all');
});

test('arrow keys: the next span in a lane, the nearest in the next lane, null past an edge', () => {
  const index = indexWith([['a', 0, 10], ['a', 20, 30], ['b', 5, 6], ['b', 40, 50], ['main', 0, 100]]);
  const [a, b, main] = index.lanes;
  const step = (lane, span, key) => {
    const next = index.neighbour(lane, span, key);
    return next && [next.lane.name, next.span.start];
  };
  assert.deepEqual(step(a, a.spans[0], 'ArrowRight'), ['a', 20]);
  assert.deepEqual(step(a, a.spans[1], 'ArrowLeft'), ['a', 0]);
  assert.equal(step(a, a.spans[1], 'ArrowRight'), null, 'the last span of its lane');
  assert.equal(step(a, a.spans[0], 'ArrowLeft'), null, 'the first');
  // From [20, 30], whose middle is 25: b's second span starts 15 after, its first ends 19 before.
  assert.deepEqual(step(a, a.spans[1], 'ArrowDown'), ['b', 40]);
  assert.deepEqual(step(b, b.spans[0], 'ArrowUp'), ['a', 0]);
  assert.deepEqual(step(b, b.spans[1], 'ArrowDown'), ['main', 0], 'into the pinned lanes');
  assert.equal(step(main, main.spans[0], 'ArrowDown'), null, 'the last lane');
  assert.equal(step(a, a.spans[0], 'ArrowUp'), null, 'the first lane');
});
