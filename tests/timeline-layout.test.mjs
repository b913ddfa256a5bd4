// Where the timeline puts its lanes (www/js/timeline/layout.js), in Node: 22 px rows under
// a 24 px axis, at most 60 of them, the pinned lanes' at the bottom and the others
// scrolling above them; and what is where: a span's box, the span under the pointer.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lane } from '../www/js/timeline/lanes.js';
import { LaneRows, columns, hitTest, scrollTopShowing, spanBox } from '../www/js/timeline/layout.js';
import { TimeScale } from '../www/js/timeline/scale.js';

test('a few lanes: every one in view, one after another below the axis', () => {
  const rows = new LaneRows(3, 0);
  assert.equal(rows.height, 24 + 3 * 22);
  assert.equal(rows.overflow, 0);
  assert.deepEqual([0, 1, 2].map((i) => rows.top(i)), [24, 46, 68]);
  assert.deepEqual([23, 24, 45, 46, 89, 90].map((y) => rows.at(y)), [-1, 0, 0, 1, 2, -1]);
  assert.deepEqual(rows.bands(), [{ from: 0, to: 3, top: 24, bottom: 90 }]);
  assert.equal(new LaneRows(0, 0).height, 24 + 22, 'an empty row rather than none');
  assert.deepEqual(new LaneRows(0, 0).bands(), []);
});

test('100 lanes, 2 pinned: 58 rows scroll, the pinned two stay at the bottom', () => {
  const rows = new LaneRows(100, 2);
  assert.equal(rows.scrolledCount, 98);
  assert.equal(rows.height, 24 + 60 * 22);
  assert.equal(rows.pinnedTop, 24 + 58 * 22);
  assert.equal(rows.overflow, 40 * 22, 'what the scrolled lanes reach beyond the canvas');
  assert.deepEqual([rows.firstLane, rows.lastLane], [0, 58]);
  assert.deepEqual(rows.bands(), [
    { from: 0, to: 58, top: 24, bottom: 1300 },
    { from: 98, to: 100, top: 1300, bottom: 1344 },
  ]);

  rows.scrollTo(333);
  assert.deepEqual([rows.firstLane, rows.lastLane], [15, 74], 'lane 15 partly under the axis, 73 partly under main');
  assert.equal(rows.top(15), 24 + 15 * 22 - 333);
  assert.equal(rows.top(73), 24 + 73 * 22 - 333);
  assert.equal(rows.top(98), 1300, 'the pinned lanes do not scroll');
  assert.equal(rows.top(99), 1322);
  assert.deepEqual([23, 24, 1299, 1300, 1321, 1322, 1343, 1344].map((y) => rows.at(y)),
    [-1, 15, 73, 98, 98, 99, 99, -1]);
  for (let index = 15; index < 74; index++) {
    const top = rows.top(index);
    if (top >= 24 && top + 22 <= 1300) assert.equal(rows.at(top + 11), index, `lane ${index}`);
  }
  assert.deepEqual(rows.bands()[0], { from: 15, to: 74, top: 24, bottom: 1300 });

  rows.scrollTo(rows.overflow);
  assert.deepEqual([rows.firstLane, rows.lastLane], [40, 98], 'scrolled to the end: the last 58');
  assert.equal(rows.at(1299), 97);
  rows.scrollTo(rows.overflow + 44);
  assert.equal(rows.at(1299), -1, 'scrolled past the last lane, as a stale scrollTop may be: no lane there');
});

test('only pinned lanes: they take the rows under the axis', () => {
  const rows = new LaneRows(2, 2);
  assert.equal(rows.pinnedTop, 24);
  assert.deepEqual(rows.bands(), [{ from: 0, to: 2, top: 24, bottom: 68 }]);
  assert.deepEqual([rows.at(30), rows.at(50), rows.at(70)], [0, 1, -1]);
});

test('the label column fits the widest name, within bounds, and the plot takes the rest', () => {
  assert.deepEqual(columns(1000, 100), { labelWidth: 114, plotLeft: 120, plotWidth: 878 });
  assert.deepEqual(columns(1000, 10), { labelWidth: 48, plotLeft: 54, plotWidth: 944 }, 'no narrower than 48');
  assert.deepEqual(columns(1000, 400), { labelWidth: 200, plotLeft: 206, plotWidth: 792 }, 'no wider than 200');
  assert.deepEqual(columns(300, 150), { labelWidth: 90, plotLeft: 96, plotWidth: 202 }, 'nor than 30% of the canvas');
  assert.equal(columns(20, 0).plotWidth, 10, 'a plot of 10 px at the least');
});

test('bringing a lane into view scrolls as little as will do', () => {
  // Lane 10 spans 220–242 of the scrolled rows; 200 px of them are in view.
  assert.equal(scrollTopShowing(10, 0, 200), 42, 'below the view: it becomes the last row');
  assert.equal(scrollTopShowing(10, 300, 200), 220, 'above the view: it becomes the first');
  assert.equal(scrollTopShowing(10, 100, 200), 100, 'already in view: no move');
  assert.equal(scrollTopShowing(10, 221, 200), 220, 'a pixel of it hidden above is enough to move');
  assert.equal(scrollTopShowing(10, 30, 200), 42, 'and so is one below');
});

/** Lanes of spans [start, end] in ms since EPOCH, the last pinned, in a frame that shows
 * 0–100 ms across a plot from x = 60 to 160. */
const EPOCH = 1_700_000_000_000;
function frameOf(...lanes) {
  const laneObjects = lanes.map((spans, i) => {
    const lane = new Lane(`lane ${i}`);
    for (const [start, end] of spans) {
      lane.push({ lane: lane.name, state: 'running', start: EPOCH + start, end: EPOCH + end, label: '' });
    }
    return lane;
  });
  const scale = new TimeScale({ start: 0, end: 100 }, 60, 100, EPOCH);
  const geometry = { scale, rows: new LaneRows(lanes.length, 1) };
  return { lanes: laneObjects, geometry };
}

test('a span\'s box: where it is drawn, at least a pixel wide, in its lane\'s row', () => {
  const { lanes, geometry } = frameOf([[10, 20], [30, 30]], [[-5, 200]], [[50, 51]]);
  assert.deepEqual(spanBox(geometry, 0, lanes[0].spans[0]), { left: 70, right: 80, top: 24 });
  assert.deepEqual(spanBox(geometry, 0, lanes[0].spans[1]), { left: 90, right: 91, top: 24 }, 'an instant');
  assert.deepEqual(spanBox(geometry, 1, lanes[1].spans[0]), { left: 55, right: 260, top: 46 }, 'not cut at the plot');
  assert.deepEqual(spanBox(geometry, 2, lanes[2].spans[0]), { left: 110, right: 111, top: 68 }, 'the pinned lane');
});

test('hit testing: the span under the pointer, the lane\'s name over the label column', () => {
  const { lanes, geometry } = frameOf([[10, 20], [30, 30]], [[-5, 200]], [[50, 51]]);
  const hit = (x, y) => {
    const found = hitTest(geometry, lanes, x, y);
    return found && [found.lane.name, found.span && found.span.start - EPOCH];
  };
  assert.deepEqual(hit(75, 30), ['lane 0', 10]);
  assert.deepEqual(hit(82.5, 30), ['lane 0', 10], 'within 3 px of its end');
  assert.deepEqual(hit(90.5, 30), ['lane 0', 30], 'an instant, drawn a pixel wide');
  assert.equal(hit(85, 30), null, '5 px from either');
  assert.deepEqual(hit(100, 50), ['lane 1', -5]);
  assert.deepEqual(hit(112, 80), ['lane 2', 50]);
  assert.deepEqual(hit(20, 50), ['lane 1', null], 'over the label column: the lane alone');
  assert.equal(hit(75, 10), null, 'over the axis');
  assert.equal(hit(75, 90), null, 'below the last lane');
});
