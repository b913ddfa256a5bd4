// Time to pixels and back, in the manner of Perfetto's TimeScale: drawing, hit testing,
// the selection's box, wheel zoom, drag pan, the axis and the "now" cursor all go through
// one scale, so that they agree. Pure, so that Node tests it (tests/timeline-scale.test.mjs).

/** About one tick this many CSS pixels apart, so that their labels have room. */
const TICK_SPACING_PX = 60;

export class TimeScale {
  /** `range` ({start, end}, in ms since `origin`, an epoch time in ms) drawn across the
   * plot, which starts at `left` and is `width` CSS pixels wide. */
  constructor({ start, end }, left, width, origin = 0) {
    this.start = start;
    this.end = end;
    this.left = left;
    this.width = width;
    this.origin = origin;
    this.msPerPx = (end - start) / width;
    // The view in epoch ms, for spans, whose times are epoch ms: one subtraction each in
    // the draw loop, however many spans.
    this.epochStart = origin + start;
    this.epochEnd = origin + end;
  }

  get right() {
    return this.left + this.width;
  }

  /** The x of `ms` since origin. */
  x(ms) {
    return this.left + (ms - this.start) / this.msPerPx;
  }

  /** The x of an epoch time: as `x(time - origin)`, one subtraction fewer. */
  xOfEpoch(time) {
    return this.left + (time - this.epochStart) / this.msPerPx;
  }

  /** The epoch time at `x`. */
  epochAt(x) {
    return this.epochStart + (x - this.left) * this.msPerPx;
  }

  /** The time since origin at `x`, or at the plot's nearer edge when `x` is beyond it:
   * what the wheel zooms around. */
  timeWithin(x) {
    const fraction = Math.min(Math.max((x - this.left) / this.width, 0), 1);
    return this.start + fraction * (this.end - this.start);
  }

  /** The range moved by `px` pixels' worth of time: positive goes later. */
  panned(px) {
    const shift = px * (this.end - this.start) / this.width;
    return { start: this.start + shift, end: this.end + shift };
  }

  /** A round step between ticks for this range and width. */
  tickStep() {
    return niceStep(this.end - this.start, this.width / TICK_SPACING_PX);
  }

  /** Every multiple of `step` in the range, as {time (since origin), x}, x in the middle
   * of a pixel so that a 1 px line drawn there is crisp. */
  ticks(step) {
    const ticks = [];
    for (let time = Math.ceil(this.start / step) * step; time <= this.end; time += step) {
      ticks.push({ time, x: Math.round(this.x(time)) + 0.5 });
    }
    return ticks;
  }
}

/** A 1-2-5 × 10^k step giving at most about `count` ticks over `range`. */
export function niceStep(range, count) {
  const raw = range / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const multiple of [1, 2, 5]) {
    if (multiple * power >= raw) return multiple * power;
  }
  return 10 * power;
}
