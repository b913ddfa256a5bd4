// Cause arrows' geometry (www/js/timeline/arrows.js): which are in view, and where.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arrowsInView, headDirection } from '../www/js/timeline/arrows.js';
import { TimeScale } from '../www/js/timeline/scale.js';
import { LaneRows, LANE_HEIGHT } from '../www/js/timeline/layout.js';

const ROW = { main: 0, 'count() #1': 1, 'count() #2': 2 };
const scale = new TimeScale({ start: 0, end: 1000 }, 100, 1000, 0);
const rows = new LaneRows(3, 0);
const middle = (index) => rows.top(index) + LANE_HEIGHT / 2;

test('an arrow runs from the middle of its cause lane at its time to its effect lane', () => {
  const [arrow] = arrowsInView([{ flow: 'spawn', fromLane: 'main', from: 0, toLane: 'count() #2', to: 10 }],
    scale, rows, (lane) => ROW[lane]);
  assert.deepEqual(arrow, { kind: 'spawn', x1: 100, y1: middle(0), x2: 110, y2: middle(2), arc: false });
});

test('an arrow along one lane is an arc; one out of the time in view, or to a lane without spans, is left out', () => {
  const arrows = arrowsInView([
    { flow: 'timer', fromLane: 'count() #1', from: 0, toLane: 'count() #1', to: 1000 },
    { flow: 'timer', fromLane: 'count() #1', from: 1500, toLane: 'count() #1', to: 2500 },
    { flow: 'call', fromLane: 'main', from: 0, toLane: 'nowhere', to: 0 },
  ], scale, rows, (lane) => ROW[lane]);
  assert.deepEqual(arrows.map((arrow) => [arrow.kind, arrow.arc]), [['timer', true]]);
});

test("a head points along the line's last direction", () => {
  assert.deepEqual(headDirection({ x1: 0, y1: 0, x2: 10, y2: 0, arc: false }), [1, 0]);
  const [dx, dy] = headDirection({ x1: 0, y1: 20, x2: 10, y2: 20, arc: true });
  assert.ok(dx > 0 && dy > 0, 'an arc comes down to its end');
  assert.deepEqual(headDirection({ x1: 5, y1: 5, x2: 5, y2: 5, arc: false }), [0, 1]);
});
