// Spans become bars, in the manner of speedscope's batch renderers: spans whose pixels
// touch are merged, since one pixel cannot show two spans and 100,000 rectangles would be
// slow to fill; the bars are gathered per way of painting and each list is painted as one
// path. The merging is pure, so that Node tests it (tests/timeline-painter.test.mjs).

import { STATES } from './lanes.js';
import { LANE_HEIGHT } from './layout.js';

// Bar geometry inside a lane. Waiting is thinner as well as outlined, so that the three
// states differ in shape and texture, not only in colour.
export const BAR = {
  running: { top: 4, height: LANE_HEIGHT - 8 },
  sleeping: { top: 4, height: LANE_HEIGHT - 8 },
  waiting: { top: 7, height: LANE_HEIGHT - 14 },
};
// Narrower than this, an outline or a hatch cannot be seen: such bars are filled solid.
const SOLID_BELOW_PX = 3;
const SOLID = { sleeping: 'sleepingSolid', waiting: 'waitingSolid' };
export const SWATCH_WIDTH = 28;

/** One flat [x, y, width, …] list per way of painting, y being the top of the bar's lane. */
export const newBars = () => ({ running: [], sleeping: [], sleepingSolid: [], waiting: [], waitingSolid: [] });

/** Adds to `bars` the spans of `lane` in `scale`'s view, in the lane whose top is at `y`,
 * their edges on the device pixels of a canvas at `ratio` device pixels per CSS pixel. */
export function addLaneBars(bars, lane, scale, y, ratio) {
  const { epochStart, epochEnd } = scale;
  // Bars are cut a little beyond the plot, so that a clipped bar shows no end there.
  const leftmost = scale.left - 2;
  const rightmost = scale.right + 2;
  const spans = lane.spans;
  // Per state, the bar being grown: {left, right}, or null.
  const pending = { running: null, sleeping: null, waiting: null };
  const flush = (state) => {
    const bar = pending[state];
    if (!bar) return;
    const width = bar.right - bar.left;
    const list = state === 'running' ? bars.running
      : width < SOLID_BELOW_PX ? bars[SOLID[state]] : bars[state];
    list.push(bar.left, y, width);
    pending[state] = null;
  };
  for (let i = lane.firstEndingAfter(epochStart); i < spans.length; i++) {
    const span = spans[i];
    if (span.start > epochEnd) break;
    if (span.end < epochStart) continue;
    const left = snap(Math.max(scale.xOfEpoch(span.start), leftmost), ratio);
    const end = snap(Math.min(scale.xOfEpoch(span.end), rightmost), ratio);
    // Zero-length spans still get a pixel: an instant is an event worth seeing.
    const right = Math.max(end, left + 1);
    const bar = pending[span.state];
    if (bar && left <= bar.right + 1) {
      bar.right = Math.max(bar.right, right);
    } else {
      flush(span.state);
      pending[span.state] = { left, right };
    }
  }
  STATES.forEach(flush);
}

const snap = (x, ratio) => Math.round(x * ratio) / ratio;

/** Paints bar lists; it keeps the hatch patterns it made, per colour and pixel ratio. */
export class BarPainter {
  #patterns = new Map();

  /** Paints `bars` (see newBars) in `colors`, running on top, so that a brief run inside
   * a sleep stays visible. */
  paint(context, colors, bars, ratio) {
    const fill = (list, { top, height }, style) => {
      if (!list.length) return;
      context.beginPath();
      for (let i = 0; i < list.length; i += 3) {
        context.rect(list[i], list[i + 1] + top, list[i + 2], height);
      }
      context.fillStyle = style;
      context.fill();
    };
    if (bars.waiting.length) {
      // Stroked inside the bar's box, so outlined and filled bars line up.
      context.beginPath();
      const { top, height } = BAR.waiting;
      const list = bars.waiting;
      for (let i = 0; i < list.length; i += 3) {
        context.rect(list[i] + 0.75, list[i + 1] + top + 0.75, list[i + 2] - 1.5, height - 1.5);
      }
      context.strokeStyle = colors.waiting;
      context.lineWidth = 1.5;
      context.stroke();
    }
    fill(bars.waitingSolid, BAR.waiting, colors.waiting);
    fill(bars.sleeping, BAR.sleeping, this.#hatch(colors.sleeping, ratio));
    fill(bars.sleepingSolid, BAR.sleeping, colors.sleeping);
    fill(bars.running, BAR.running, colors.running);
  }

  /** A legend's sample of `state`: a bar painted as the timeline paints it, so they match. */
  swatch(state, colors, ratio) {
    const swatch = document.createElement('canvas');
    swatch.width = Math.round(SWATCH_WIDTH * ratio);
    swatch.height = Math.round(BAR.running.height * ratio);
    const context = swatch.getContext('2d');
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    const bars = newBars();
    bars[state].push(0, -BAR.running.top, SWATCH_WIDTH);
    this.paint(context, colors, bars, ratio);
    return swatch;
  }

  /** Sleeping is hatched as well as lighter, so that it differs by more than colour. */
  #hatch(color, ratio) {
    const key = `${color} ${ratio}`;
    let pattern = this.#patterns.get(key);
    if (!pattern) {
      const size = Math.round(6 * ratio);
      const tile = new OffscreenCanvas(size, size);
      const context = tile.getContext('2d');
      context.fillStyle = color;
      context.globalAlpha = 0.3;
      context.fillRect(0, 0, size, size);
      context.globalAlpha = 1;
      context.strokeStyle = color;
      context.lineWidth = 1.6 * ratio;
      context.beginPath();
      // The diagonal and its two neighbours' ends, so that tiles join seamlessly.
      for (const offset of [-size, 0, size]) {
        context.moveTo(offset, size);
        context.lineTo(offset + size, 0);
      }
      context.stroke();
      pattern = context.createPattern(tile, 'repeat');
      // The tile is drawn in device pixels; the context's transform is in CSS pixels.
      pattern.setTransform(new DOMMatrix([1 / ratio, 0, 0, 1 / ratio, 0, 0]));
      if (this.#patterns.size > 16) this.#patterns.clear();
      this.#patterns.set(key, pattern);
    }
    return pattern;
  }
}
