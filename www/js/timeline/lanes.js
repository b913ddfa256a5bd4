// The lane index: every lane's spans, sorted by start, with a running maximum of their ends
// so that a binary search finds the first span that can reach into view; and the lanes'
// order, the pinned ones last. Pure, so that Node tests it (tests/timeline-lanes.test.mjs).

import { lowerBound } from '../bounds.js';

export const STATES = ['running', 'sleeping', 'waiting'];

/** A span as the timeline keeps it, from whatever a run reported: numbers for times, an end
 * no earlier than the start, a known state; null without a start, so that a malformed
 * event cannot break a live run. */
export function toSpan(input) {
  const start = Number(input?.start);
  if (!Number.isFinite(start)) return null;
  const rawEnd = Number(input.end);
  return {
    ...input,
    lane: String(input.lane ?? ''),
    state: STATES.includes(input.state) ? input.state : 'running',
    start,
    end: Number.isFinite(rawEnd) ? Math.max(rawEnd, start) : start,
    label: String(input.label ?? ''),
  };
}

/** Whether a span `distance` away and `duration` long is nearer than `best`: on a tie the
 * briefer span wins, since a sliver is the hardest thing to point at. */
const beats = (distance, duration, best) =>
  !best || distance < best.distance || (distance === best.distance && duration < best.duration);

export class Lane {
  spans = [];
  // While sorted, maxEnd[i] is the latest end among spans[0..i]: it never decreases, so a
  // binary search on it skips every span that ends before the view.
  maxEnd = [];
  sorted = true;
  /** The name as last cut to fit the label column, for the width it was cut to. */
  fitted = null;

  constructor(name) {
    this.name = name;
  }

  push(span) {
    const count = this.spans.length;
    if (count && span.start < this.spans[count - 1].start) this.sorted = false;
    this.spans.push(span);
    if (this.sorted) {
      this.maxEnd.push(count ? Math.max(span.end, this.maxEnd[count - 1]) : span.end);
    }
  }

  // Appends are nearly always in order; an out-of-order one is paid for once, lazily.
  #ensureSorted() {
    if (this.sorted) return;
    this.spans.sort((a, b) => a.start - b.start || a.end - b.end);
    let latest = -Infinity;
    this.maxEnd = this.spans.map((span) => (latest = Math.max(latest, span.end)));
    this.sorted = true;
  }

  /** Index of the first span that ends at or after `time`. */
  firstEndingAfter(time) {
    this.#ensureSorted();
    return lowerBound(this.maxEnd.length, (i) => this.maxEnd[i], time);
  }

  /** Index of the first span that starts at or after `time`. */
  firstStartingAt(time) {
    this.#ensureSorted();
    return lowerBound(this.spans.length, (i) => this.spans[i].start, time);
  }

  /** Where `span` is among the lane's spans in order, or -1. */
  indexOf(span) {
    for (let i = this.firstStartingAt(span.start); i < this.spans.length; i++) {
      if (this.spans[i] === span) return i;
      if (this.spans[i].start > span.start) break;
    }
    return -1;
  }

  /** The span nearest to `time` (epoch ms): inside it, or closest to an edge; null when
   * the lane has none. */
  nearestSpan(time) {
    const spans = this.spans;
    const after = this.firstStartingAt(time);
    let best = null;
    if (after < spans.length) {
      const { start, end } = spans[after];
      best = { index: after, distance: start - time, duration: end - start };
    }
    for (let i = after - 1; i >= 0; i--) {
      // Every span before i ends by maxEnd[i]: none of them can beat the best so far.
      if (best && time - this.maxEnd[i] > best.distance) break;
      const distance = Math.max(0, time - spans[i].end);
      const duration = spans[i].end - spans[i].start;
      if (beats(distance, duration, best)) best = { index: i, distance, duration };
    }
    return best ? spans[best.index] : null;
  }

  /** The span under the pointer at `time` (epoch ms), at `msPerPx`: the nearest within
   * `tolerancePx`, or null. Each span counts at least a pixel wide, as it is drawn. */
  spanNear(time, msPerPx, tolerancePx) {
    const tolerance = tolerancePx * msPerPx;
    const spans = this.spans;
    let best = null;
    for (let i = this.firstEndingAfter(time - tolerance - msPerPx); i < spans.length; i++) {
      const span = spans[i];
      if (span.start > time + tolerance) break;
      const drawnEnd = Math.max(span.end, span.start + msPerPx);
      const distance = Math.max(0, span.start - time, time - drawnEnd) / msPerPx;
      if (distance > tolerancePx) continue;
      const duration = span.end - span.start;
      if (beats(distance, duration, best)) best = { span, distance, duration };
    }
    return best?.span ?? null;
  }
}

/** The lanes by name and in the order they are shown. */
export class LaneIndex {
  #byName = new Map();
  #pinnedNames = [];
  #rows = null; // lane name → display index, made when asked for, until lanes change
  /** The lanes in display order: as they first appeared, the pinned ones last. */
  lanes = [];
  /** How many of the last `lanes` are pinned. */
  pinnedCount = 0;

  /** Lanes to keep below the others, in this order, once they appear: the main thread,
   * the event loop. Lanes already shown keep their places. */
  set pinnedNames(names) {
    this.#pinnedNames = [...(names ?? [])];
  }

  get(name) {
    return this.#byName.get(name);
  }

  /** Lane `name`'s place in display order, or undefined if it has no spans yet. */
  indexOfName(name) {
    this.#rows ??= new Map(this.lanes.map((lane, index) => [lane.name, index]));
    return this.#rows.get(name);
  }

  /** A new lane: after the others, before the pinned ones; a pinned one among those, in
   * the order of pinnedNames. */
  add(name) {
    const lane = new Lane(name);
    this.#byName.set(name, lane);
    this.#rows = null;
    const lanes = this.lanes;
    const firstPinned = lanes.length - this.pinnedCount;
    const pin = this.#pinnedNames.indexOf(name);
    if (pin < 0) {
      lanes.splice(firstPinned, 0, lane);
      return lane;
    }
    const pinned = lanes.slice(firstPinned);
    const before = pinned.findIndex((other) => this.#pinnedNames.indexOf(other.name) > pin);
    lanes.splice(firstPinned + (before < 0 ? pinned.length : before), 0, lane);
    this.pinnedCount++;
    return lane;
  }

  clear() {
    this.#byName.clear();
    this.#rows = null;
    this.lanes = [];
    this.pinnedCount = 0;
  }

  /** The first span that ends at or after `time`, in lane `from` or a later one, as
   * {lane, span}; else the first lane's first span. */
  firstSpanFrom(from, time) {
    const lanes = this.lanes;
    for (let index = from; index < lanes.length; index++) {
      const lane = lanes[index];
      const i = lane.firstEndingAfter(time);
      if (i < lane.spans.length) return { lane, span: lane.spans[i] };
    }
    return { lane: lanes[0], span: lanes[0].spans[0] };
  }

  /** Where an arrow key leads from `span` of `lane`: to the previous or next span of the
   * lane (ArrowLeft, ArrowRight), or to the nearest one in the lane above or below
   * (ArrowUp, ArrowDown), as {lane, span}; null past the first or the last. */
  neighbour(lane, span, key) {
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const index = lane.indexOf(span) + (key === 'ArrowRight' ? 1 : -1);
      return index >= 0 && index < lane.spans.length ? { lane, span: lane.spans[index] } : null;
    }
    const next = this.lanes[this.lanes.indexOf(lane) + (key === 'ArrowDown' ? 1 : -1)];
    return next ? { lane: next, span: next.nearestSpan((span.start + span.end) / 2) } : null;
  }
}
