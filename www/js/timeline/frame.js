// One frame of the timeline's canvas: the grid, each band of lanes (their bars, the
// selection, their names), the axis's labels and the "now" cursor, drawn from a geometry
// (where: the layout's rows and the time scale) and a scene (what: colours, lanes, the
// selection's box, the now cursor).

import { fitMiddle } from './fit.js';
import { formatTick } from './format.js';
import { AXIS_HEIGHT, LANE_HEIGHT } from './layout.js';
import { addLaneBars, newBars } from './painter.js';
import { arrowsInView, drawArrows } from './arrows.js';

export const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const AXIS_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

// One canvas context for measuring lane names as they arrive, so that the label column
// can be as wide as the longest name without measuring every lane on every frame.
let measureContext = null;

/** How wide `name` is in the lanes' font, in CSS pixels. */
export function nameWidth(name) {
  measureContext ??= new OffscreenCanvas(1, 1).getContext('2d');
  measureContext.font = FONT;
  return measureContext.measureText(name).width;
}

/**
 * Draws a frame. `geometry`: {width, height, ratio, labelWidth, scale, rows}, in CSS
 * pixels. `scene`: {colors, lanes (in display order), painter (a BarPainter),
 * selectionBox (a spanBox, or null), laneColor (name → a CSS colour, or undefined),
 * now (epoch ms, or null), flows (cause arrows), rowOf (lane name → display index)}.
 */
export function drawFrame(context, geometry, scene) {
  const { width, height, ratio, scale } = geometry;
  const { colors } = scene;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  if (colors.paintBg) {
    context.fillStyle = colors.bg;
    context.fillRect(0, 0, width, height);
  }
  const step = scale.tickStep();
  const ticks = scale.ticks(step);
  drawGrid(context, colors, geometry, ticks);
  for (const band of geometry.rows.bands()) drawBand(context, geometry, scene, band);
  drawFlows(context, geometry, scene);
  drawAxis(context, colors, geometry, ticks, step);
  drawNow(context, colors, geometry, scene.now);
}

function drawGrid(context, colors, { width, height, labelWidth }, ticks) {
  context.strokeStyle = colors.grid;
  context.lineWidth = 1;
  context.beginPath();
  for (const { x } of ticks) {
    context.moveTo(x, AXIS_HEIGHT - 6);
    context.lineTo(x, height);
  }
  context.moveTo(0, AXIS_HEIGHT - 0.5);
  context.lineTo(width, AXIS_HEIGHT - 0.5);
  context.moveTo(labelWidth - 0.5, AXIS_HEIGHT);
  context.lineTo(labelWidth - 0.5, height);
  context.stroke();
}

function drawAxis(context, colors, { width, scale }, ticks, step) {
  context.font = AXIS_FONT;
  context.textBaseline = 'middle';
  context.fillStyle = colors.text;
  let previousRight = scale.left - 4;
  for (const { time, x } of ticks) {
    const text = formatTick(time, step);
    const textWidth = context.measureText(text).width;
    // A label that would run off the right edge goes on the left of its tick instead.
    const left = x + 3 + textWidth > width ? x - 3 - textWidth : x + 3;
    if (left < previousRight + 4) continue;
    context.fillText(text, left, (AXIS_HEIGHT - 4) / 2);
    previousRight = left + textWidth;
  }
}

/** Lanes `from`..`to` (exclusive), each clipped to the band between `top` and `bottom`. */
function drawBand(context, geometry, scene, { from, to, top, bottom }) {
  const { width, ratio, scale, rows } = geometry;
  const { colors, lanes } = scene;
  const bars = newBars();

  context.save();
  context.beginPath();
  context.rect(0, top, width, bottom - top);
  context.clip();

  context.strokeStyle = colors.grid;
  context.lineWidth = 1;
  context.beginPath();
  for (let index = from; index < to; index++) {
    const y = Math.round(rows.top(index) + LANE_HEIGHT) - 0.5;
    context.moveTo(0, y);
    context.lineTo(width, y);
  }
  context.stroke();

  for (let index = from; index < to; index++) {
    addLaneBars(bars, lanes[index], scale, rows.top(index), ratio);
  }

  context.save();
  context.beginPath();
  context.rect(scale.left, top, scale.width + 1, bottom - top);
  context.clip();
  scene.painter.paint(context, colors, bars, ratio);
  drawSelection(context, colors, scene.selectionBox);
  context.restore();

  drawLaneNames(context, geometry, scene, from, to);
  context.restore();
}

function drawFlows(context, { height, scale, rows }, { colors, flows, rowOf }) {
  if (!flows?.length) return;
  context.save();
  context.beginPath();
  context.rect(scale.left, AXIS_HEIGHT, scale.width + 1, height - AXIS_HEIGHT);
  context.clip();
  drawArrows(context, arrowsInView(flows, scale, rows, rowOf), colors.text);
  context.restore();
}

function drawSelection(context, colors, box) {
  if (!box) return;
  context.strokeStyle = colors.text;
  context.lineWidth = 2;
  context.strokeRect(box.left - 2, box.top + 1, box.right - box.left + 4, LANE_HEIGHT - 3);
}

function drawLaneNames(context, { labelWidth, rows }, { colors, lanes, laneColor }, from, to) {
  context.font = FONT;
  context.textBaseline = 'middle';
  for (let index = from; index < to; index++) {
    const lane = lanes[index];
    const y = rows.top(index);
    // A lane with a colour of its own gets a stripe of it and its name in it.
    const marked = laneColor(lane.name);
    const indent = marked ? 8 : 4;
    if (marked) {
      context.fillStyle = marked;
      context.fillRect(0, y + 3, 4, LANE_HEIGHT - 6);
    }
    const maxWidth = labelWidth - 6 - indent;
    if (lane.fitted?.maxWidth !== maxWidth) {
      lane.fitted = { maxWidth, text: fitMiddle(context, lane.name, maxWidth) };
    }
    context.fillStyle = marked ?? colors.text;
    context.fillText(lane.fitted.text, indent, y + LANE_HEIGHT / 2);
  }
}

function drawNow(context, colors, { height, scale }, now) {
  if (now === null) return;
  const x = Math.round(scale.x(now - scale.origin));
  if (x < scale.left || x > scale.right + 1) return;
  context.fillStyle = colors.now;
  context.fillRect(x - 1, AXIS_HEIGHT - 6, 2, height - AXIS_HEIGHT + 6);
  // A small marker on the axis, so that the cursor reads as "now" and not as a gridline.
  context.beginPath();
  context.moveTo(x - 5, AXIS_HEIGHT - 8);
  context.lineTo(x + 5, AXIS_HEIGHT - 8);
  context.lineTo(x, AXIS_HEIGHT - 2);
  context.closePath();
  context.fill();
}
