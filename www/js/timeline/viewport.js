// Which time range the timeline shows: the whole trace, following the "now" cursor while a
// run is live, until the learner zooms or pans. Times are epoch ms in, ms since the origin
// out. Pure, so that Node tests it (tests/timeline-viewport.test.mjs).

const MIN_RANGE_MS = 1e-3; // 1 µs: closer than that, epoch doubles run out of precision
// Zoomed out, the trace still takes a twentieth of the view, so it cannot be lost.
const MAX_ZOOM_OUT = 20;

const clamp = (value, low, high) => Math.min(Math.max(value, low), high);

const toTimeOrNull = (value) =>
  (value === null || value === undefined || !Number.isFinite(Number(value)) ? null : Number(value));

export class Viewport {
  #origin = null;
  #now = null;
  #zoomed = null; // {start, end} once zoomed or panned
  #earliest = Infinity;
  #latest = -Infinity;

  /** Time zero, in epoch ms: as set, else the earliest span's start, else null. */
  get origin() {
    return this.#origin ?? (Number.isFinite(this.#earliest) ? this.#earliest : null);
  }

  set origin(value) {
    this.#origin = toTimeOrNull(value);
  }

  get originOrZero() {
    return this.origin ?? 0;
  }

  /** The live run's current time, in epoch ms, or null. */
  get now() {
    return this.#now;
  }

  set now(value) {
    this.#now = toTimeOrNull(value);
  }

  /** The range in view, in ms since origin. */
  get range() {
    return this.#zoomed ? { ...this.#zoomed } : this.#wholeTrace();
  }

  /** The range zoomed or panned to, or null while the whole trace is shown. */
  get zoomed() {
    return this.#zoomed && { ...this.#zoomed };
  }

  /** Where the trace, or the now cursor if later, ends, in ms since origin. */
  get end() {
    return Math.max(this.#latest, this.#now ?? -Infinity) - this.originOrZero;
  }

  /** Takes in a span's times. */
  include(span) {
    this.#earliest = Math.min(this.#earliest, span.start);
    this.#latest = Math.max(this.#latest, span.end);
  }

  /** Forgets the spans, the origin and the zoom; the now cursor stays. */
  clear() {
    this.#earliest = Infinity;
    this.#latest = -Infinity;
    this.#origin = null;
    this.#zoomed = null;
  }

  /** Shows `range` ({start, end} in ms since origin). */
  show(range) {
    this.#zoomed = range;
  }

  /** Zooms by `factor` (> 1 zooms in), keeping the time `at` (since origin; the middle
   * when undefined) in place. */
  zoom(factor, at) {
    const { start, end } = this.range;
    const width = end - start;
    const anchor = at ?? (start + end) / 2;
    const whole = this.#wholeTrace();
    const newWidth = clamp(width / factor, MIN_RANGE_MS, Math.max(whole.end - whole.start, 1) * MAX_ZOOM_OUT);
    const newStart = anchor - (anchor - start) * (newWidth / width);
    this.#zoomed = { start: newStart, end: newStart + newWidth };
  }

  /** Pans by a fraction of the range in view; negative goes towards earlier times. */
  pan(fraction) {
    const { start, end } = this.range;
    const shift = (end - start) * fraction;
    this.#zoomed = { start: start + shift, end: end + shift };
  }

  /** Back to the whole trace. */
  reset() {
    this.#zoomed = null;
  }

  /** Centres `span` (epoch ms) in view, at the same zoom, unless some of it is in view. */
  reveal(span) {
    const origin = this.originOrZero;
    const { start, end } = this.range;
    if (span.end - origin < start || span.start - origin > end) {
      const middle = (span.start + span.end) / 2 - origin;
      const width = end - start;
      this.#zoomed = { start: middle - width / 2, end: middle + width / 2 };
    }
  }

  /** The whole trace and the now cursor, with a little margin after them. */
  #wholeTrace() {
    const origin = this.originOrZero;
    let start = 0;
    let end = 0;
    if (Number.isFinite(this.#earliest)) {
      start = Math.min(0, this.#earliest - origin);
      end = this.#latest - origin;
    }
    if (this.#now !== null) end = Math.max(end, this.#now - origin);
    const width = end - start;
    return width > 0 ? { start, end: end + width * 0.02 } : { start, end: start + 1 };
  }
}
