// Cause arrows between lanes, in the manner of Perfetto's flows: from a cause on one lane
// (a task spawned, a coroutine called, a timer set, a value sent) to its effect on another.
// The geometry is pure, so that Node tests it (tests/timeline-arrows.test.mjs).

import { LANE_HEIGHT } from './layout.js';

/** How high an arrow along its own lane (a timer set, then the wake it caused) arcs. */
const ARC_RISE = LANE_HEIGHT / 2 - 3;
const HEAD = 5;
const ARROWS_PER_PATH = 256;

/** The arrows of `flows` in view, as `{kind, x1, y1, x2, y2, arc}` in canvas pixels: each
 * from the middle of its lane's row at its time. `rowOf(lane)` is the lane's index in
 * display order, or undefined; an arrow with either end's lane out of view is left out,
 * and so is one wholly before or after the visible range. */
export function arrowsInView(flows, scale, rows, rowOf) {
  const arrows = [];
  // Arrows that would be drawn on the same pixels are drawn once: zoomed out on a
  // gathered run, thousands fall on each other.
  const drawn = new Set();
  const { epochStart, epochEnd } = scale;
  const inView = (index) => index !== undefined && rowVisible(rows, index);
  for (const flow of flows) {
    if (flow.to < epochStart || flow.from > epochEnd) continue;
    const [fromRow, toRow] = [rowOf(flow.fromLane), rowOf(flow.toLane)];
    if (!inView(fromRow) || !inView(toRow)) continue;
    const x1 = scale.xOfEpoch(flow.from);
    const x2 = scale.xOfEpoch(flow.to);
    const arc = fromRow === toRow;
    const key = `${Math.round(x1)} ${fromRow} ${Math.round(x2)} ${toRow}`;
    if (drawn.has(key)) continue;
    drawn.add(key);
    arrows.push({
      kind: flow.flow,
      x1,
      y1: rows.top(fromRow) + LANE_HEIGHT / 2,
      x2,
      y2: rows.top(toRow) + LANE_HEIGHT / 2,
      arc,
    });
  }
  return arrows;
}

function rowVisible(rows, index) {
  if (index >= rows.scrolledCount) return true;
  return index >= rows.firstLane && index < rows.lastLane;
}

/** Draws `arrows` in `color`: a line (an arc along one lane) and a head at the effect. */
export function drawArrows(context, arrows, color) {
  if (!arrows.length) return;
  context.save();
  context.strokeStyle = color;
  context.fillStyle = color;
  context.lineWidth = 1.25;
  context.globalAlpha = 0.8;
  // In paths of a few hundred: the canvas strokes one huge path far more slowly than
  // many small ones.
  for (let first = 0; first < arrows.length; first += ARROWS_PER_PATH) {
    const some = arrows.slice(first, first + ARROWS_PER_PATH);
    context.beginPath();
    for (const { x1, y1, x2, y2, arc } of some) {
      context.moveTo(x1, y1);
      if (arc) context.quadraticCurveTo((x1 + x2) / 2, y1 - 2 * ARC_RISE, x2, y2);
      else context.lineTo(x2, y2);
    }
    context.stroke();
    context.beginPath();
    for (const arrow of some) addHead(context, arrow);
    context.fill();
  }
  context.restore();
}

/** The arrowhead at the effect's end, along the line's last direction. */
export function headDirection({ x1, y1, x2, y2, arc }) {
  // An arc ends coming down from its control point.
  const [fromX, fromY] = arc ? [(x1 + x2) / 2, y1 - 2 * ARC_RISE] : [x1, y1];
  const length = Math.hypot(x2 - fromX, y2 - fromY);
  return length === 0 ? [0, 1] : [(x2 - fromX) / length, (y2 - fromY) / length];
}

function addHead(context, arrow) {
  const [dx, dy] = headDirection(arrow);
  const { x2, y2 } = arrow;
  context.moveTo(x2, y2);
  context.lineTo(x2 - HEAD * dx - (HEAD / 2) * dy, y2 - HEAD * dy + (HEAD / 2) * dx);
  context.lineTo(x2 - HEAD * dx + (HEAD / 2) * dy, y2 - HEAD * dy - (HEAD / 2) * dx);
  context.closePath();
}
