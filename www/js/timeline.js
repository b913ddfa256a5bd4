// <pg-timeline>: a trace drawn as a timeline, one lane per task, coroutine, thread or
// worker, in the manner of DevTools' performance panel and Perfetto.
//
// Spans are {lane, state: 'running' | 'sleeping' | 'waiting', start, end, label}, times
// in epoch milliseconds. The drawing is one canvas whatever the number of spans, so that
// 100,000 spans keep the DOM small: per lane the spans are kept sorted, the visible ones
// found by binary search, and spans narrower than a pixel merged into one rectangle.
//
// Mouse: hover for details, wheel with Ctrl (or over a timeline that does not scroll)
// zooms, Shift+wheel or drag pans, double-click resets. Keyboard (the element is
// focusable): ←/→ previous/next span of the lane, ↑/↓ the lane above/below, + / − zoom,
// Shift+←/→ pan, 0 or Home resets, Escape clears the selection.
//
// Themed through CSS custom properties: --pg-timeline-running, -sleeping, -waiting,
// -text, -grid, -bg, -now.

const LANE_HEIGHT = 22;
const AXIS_HEIGHT = 26;
const MAX_VISIBLE_LANES = 24;
const HOVER_TOLERANCE_PX = 3;
const STATES = ['running', 'sleeping', 'waiting'];

const STYLE = new CSSStyleSheet();
STYLE.replaceSync(`
  :host {
    display: block;
    position: relative;
    --_running: var(--pg-timeline-running, #2f6fde);
    --_sleeping: var(--pg-timeline-sleeping, #8fb3f0);
    --_waiting: var(--pg-timeline-waiting, #c2621a);
    --_text: var(--pg-timeline-text, #1d2330);
    --_grid: var(--pg-timeline-grid, rgba(128, 128, 128, 0.25));
    --_bg: var(--pg-timeline-bg, transparent);
    --_now: var(--pg-timeline-now, #d1242f);
    color: var(--_text);
    font: 12px system-ui, sans-serif;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_running: var(--pg-timeline-running, #5b9cff);
      --_sleeping: var(--pg-timeline-sleeping, #35507d);
      --_waiting: var(--pg-timeline-waiting, #f0883e);
      --_text: var(--pg-timeline-text, #e6e9ef);
      --_now: var(--pg-timeline-now, #ff7b72);
    }
  }
  :host(:focus-visible) { outline: 3px solid var(--_running); outline-offset: 2px; }
  .scroller { position: relative; overflow-y: auto; overflow-x: hidden; }
  canvas { display: block; position: sticky; top: 0; width: 100%; touch-action: pan-y; }
  .sizer { width: 1px; }
  .empty { margin: 0; padding: 0.75rem 0; color: var(--_text); opacity: 0.7; }
  .tooltip {
    position: absolute; z-index: 1; pointer-events: none; max-width: 22rem;
    padding: 0.35rem 0.5rem; border-radius: 6px; font-size: 12px; line-height: 1.35;
    background: var(--_text); color: var(--_contrast, #fff); box-shadow: 0 2px 8px rgba(0,0,0,.25);
  }
  @media (prefers-color-scheme: dark) { .tooltip { --_contrast: #0f1218; } }
  .tooltip[hidden], .empty[hidden] { display: none; }
  .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin-top: 0.4rem; align-items: center; }
  .legend span { display: inline-flex; align-items: center; gap: 0.35rem; }
  .legend canvas { position: static; width: 28px; height: 12px; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap;
  }
`);

const TEMPLATE = document.createElement('template');
TEMPLATE.innerHTML = `
  <p class="empty">Run the example to see its timeline.</p>
  <div class="scroller">
    <canvas role="img" aria-label="Timeline: empty"></canvas>
    <div class="sizer"></div>
  </div>
  <div class="tooltip" hidden></div>
  <div class="legend" aria-hidden="true"></div>
  <p class="visually-hidden" id="help">Arrow keys move between spans, Shift with arrows pans, plus and minus zoom, 0 resets.</p>
  <p class="visually-hidden" aria-live="polite" id="announce"></p>
`;

/** "0", "250 µs", "12.5 ms", "1.5 s": time on the axis and in details. */
export function formatDuration(ms) {
  const abs = Math.abs(ms);
  if (abs === 0) return '0';
  if (abs < 1) return `${trim(ms * 1000)} µs`;
  if (abs < 1000) return `${trim(ms)} ms`;
  return `${trim(ms / 1000)} s`;
}

function trim(value) {
  return String(Number(value.toPrecision(4)));
}

/** A 1-2-5 step giving about `target` ticks over `range`. */
function niceStep(range, target) {
  const raw = range / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return step ?? 10 * power;
}

/** Index of the first span whose start is >= `time` (spans sorted by start). */
function firstStartingAt(spans, time) {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start < time) low = mid + 1;
    else high = mid;
  }
  return low;
}

export class PgTimeline extends HTMLElement {
  #lanes = new Map(); // name → {name, spans (sorted by start), sorted, longest}
  #order = []; // lanes in order of first appearance
  #all = []; // every span, in the order added
  #origin = null;
  #now = null;
  #view = null; // {start, end} in ms since origin, once the learner zoomed or panned
  #selected = null; // {lane, index}
  #hovered = null;
  #drag = null;
  #frame = 0;
  #colors = null;
  #patterns = new Map();
  #resizeObserver = null;
  #abort = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [STYLE];
    root.append(TEMPLATE.content.cloneNode(true));
    this.canvas = root.querySelector('.scroller canvas');
    this.scroller = root.querySelector('.scroller');
    this.sizer = root.querySelector('.sizer');
    this.tooltip = root.querySelector('.tooltip');
    this.announcer = root.querySelector('#announce');
    this.empty = root.querySelector('.empty');
    this.legend = root.querySelector('.legend');
  }

  connectedCallback() {
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.setAttribute('role', 'group');
    this.setAttribute('aria-roledescription', 'timeline');
    this.setAttribute('aria-describedby', 'help');
    this.#abort = new AbortController();
    const on = (target, type, handler, options = {}) =>
      target.addEventListener(type, handler, { signal: this.#abort.signal, ...options });
    on(this.canvas, 'pointermove', (e) => this.#onPointerMove(e));
    on(this.canvas, 'pointerleave', () => this.#hover(null));
    on(this.canvas, 'pointerdown', (e) => this.#onPointerDown(e));
    on(this.canvas, 'pointerup', (e) => this.#onPointerUp(e));
    on(this.canvas, 'dblclick', () => this.resetZoom());
    on(this.canvas, 'wheel', (e) => this.#onWheel(e), { passive: false });
    on(this, 'keydown', (e) => this.#onKeyDown(e));
    on(this.scroller, 'scroll', () => this.#schedule());
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    on(scheme, 'change', () => this.#themeChanged());
    this.#resizeObserver = new ResizeObserver(() => this.#schedule());
    this.#resizeObserver.observe(this);
    this.#renderLegend();
    this.#schedule();
  }

  disconnectedCallback() {
    this.#abort?.abort();
    this.#resizeObserver?.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** Time zero of the axis, in epoch ms; null: the earliest span's start. */
  get origin() {
    return this.#origin ?? this.#earliestStart();
  }

  set origin(value) {
    this.#origin = value;
    this.#schedule();
  }

  /** The live run's current time, drawn as a cursor; null hides it. */
  get now() {
    return this.#now;
  }

  set now(value) {
    this.#now = value;
    this.#schedule();
  }

  get lanes() {
    return this.#order.map((lane) => lane.name);
  }

  get spanCount() {
    return this.#all.length;
  }

  get spans() {
    return [...this.#all];
  }

  clear() {
    this.#lanes.clear();
    this.#order = [];
    this.#all = [];
    this.#origin = null;
    this.#view = null;
    this.#selected = null;
    this.#hover(null);
    this.#schedule();
  }

  addSpan(span) {
    let lane = this.#lanes.get(span.lane);
    if (!lane) {
      lane = { name: span.lane, spans: [], sorted: true, longest: 0 };
      this.#lanes.set(span.lane, lane);
      this.#order.push(lane);
    }
    const last = lane.spans.at(-1);
    if (last && span.start < last.start) lane.sorted = false;
    lane.spans.push(span);
    lane.longest = Math.max(lane.longest, span.end - span.start);
    this.#all.push(span);
    this.#schedule();
  }

  addSpans(spans) {
    for (const span of spans) this.addSpan(span);
  }

  /** The visible range in ms since origin: the learner's zoom, or everything so far. */
  get visibleRange() {
    if (this.#view) return { ...this.#view };
    const origin = this.origin ?? 0;
    let end = this.#latestEnd() ?? origin;
    if (this.#now !== null) end = Math.max(end, this.#now);
    return { start: 0, end: Math.max(end - origin, 1) };
  }

  resetZoom() {
    this.#view = null;
    this.#schedule();
  }

  /** Zooms by `factor` (> 1 zooms in) keeping `atMs` (ms since origin) in place. */
  zoom(factor, atMs) {
    const { start, end } = this.visibleRange;
    const at = atMs ?? (start + end) / 2;
    const span = Math.max((end - start) / factor, 1e-3);
    const ratio = (at - start) / (end - start || 1);
    this.#view = { start: at - span * ratio, end: at - span * ratio + span };
    this.#schedule();
  }

  /** Pans by a fraction of the visible range (negative: towards earlier). */
  pan(fraction) {
    const { start, end } = this.visibleRange;
    const shift = (end - start) * fraction;
    this.#view = { start: start + shift, end: end + shift };
    this.#schedule();
  }

  /** Draws at once, for tests and benchmarks; normally drawing waits for the next frame. */
  renderNow() {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#draw();
  }

  #schedule() {
    if (this.#frame || !this.isConnected) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#draw();
    });
  }

  #earliestStart() {
    let earliest = null;
    for (const lane of this.#order) {
      this.#sort(lane);
      const first = lane.spans[0];
      if (first && (earliest === null || first.start < earliest)) earliest = first.start;
    }
    return earliest;
  }

  #latestEnd() {
    let latest = null;
    for (const span of this.#all) {
      if (latest === null || span.end > latest) latest = span.end;
    }
    return latest;
  }

  #sort(lane) {
    if (!lane.sorted) {
      lane.spans.sort((a, b) => a.start - b.start);
      lane.sorted = true;
    }
  }

  #themeChanged() {
    this.#colors = null;
    this.#patterns.clear();
    this.#renderLegend();
    this.#schedule();
  }

  #readColors() {
    const style = getComputedStyle(this);
    const read = (name) => style.getPropertyValue(name).trim();
    this.#colors = {
      running: read('--_running'), sleeping: read('--_sleeping'), waiting: read('--_waiting'),
      text: read('--_text'), grid: read('--_grid'), bg: read('--_bg'), now: read('--_now'),
    };
    return this.#colors;
  }

  /** Sleeping is hatched, so that it differs from running by more than its colour. */
  #hatch(context, color) {
    if (!this.#patterns.has(color)) {
      const tile = new OffscreenCanvas(6, 6);
      const tileContext = tile.getContext('2d');
      tileContext.fillStyle = color;
      tileContext.globalAlpha = 0.55;
      tileContext.fillRect(0, 0, 6, 6);
      tileContext.globalAlpha = 1;
      tileContext.strokeStyle = color;
      tileContext.lineWidth = 1.5;
      tileContext.beginPath();
      tileContext.moveTo(-1, 7);
      tileContext.lineTo(7, -1);
      tileContext.stroke();
      this.#patterns.set(color, context.createPattern(tile, 'repeat'));
    }
    return this.#patterns.get(color);
  }

  /** Draws one span's rectangle in its state's style; `x` and `w` in CSS pixels. */
  #drawBar(context, colors, state, x, y, w) {
    const barHeight = LANE_HEIGHT - 8;
    if (state === 'waiting') {
      context.strokeStyle = colors.waiting;
      context.lineWidth = 1.5;
      context.strokeRect(x + 0.75, y + 7.75, Math.max(w - 1.5, 0.5), barHeight - 7.5);
    } else if (state === 'sleeping') {
      context.fillStyle = this.#hatch(context, colors.sleeping);
      context.fillRect(x, y + 4, w, barHeight);
    } else {
      context.fillStyle = colors.running;
      context.fillRect(x, y + 4, w, barHeight);
    }
  }

  #layout() {
    const width = this.scroller.clientWidth || this.clientWidth || 600;
    const visibleLanes = Math.min(Math.max(this.#order.length, 1), MAX_VISIBLE_LANES);
    const height = AXIS_HEIGHT + visibleLanes * LANE_HEIGHT;
    const labelWidth = Math.min(170, Math.max(90, width * 0.22));
    return { width, height, labelWidth, plotWidth: Math.max(width - labelWidth - 8, 10) };
  }

  #draw() {
    const hasSpans = this.#all.length > 0;
    this.empty.hidden = hasSpans || this.#now !== null;
    const { width, height, labelWidth, plotWidth } = this.#layout();
    const totalHeight = AXIS_HEIGHT + this.#order.length * LANE_HEIGHT;
    this.scroller.style.maxHeight = `${height}px`;
    this.sizer.style.height = `${Math.max(totalHeight - height, 0)}px`;
    const ratio = devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(width * ratio) || this.canvas.height !== Math.round(height * ratio)) {
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
      this.canvas.style.height = `${height}px`;
    }
    const context = this.canvas.getContext('2d');
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const colors = this.#colors ?? this.#readColors();
    if (colors.bg && colors.bg !== 'transparent') {
      context.fillStyle = colors.bg;
      context.fillRect(0, 0, width, height);
    }

    const origin = this.origin ?? 0;
    const range = this.visibleRange;
    const msPerPx = (range.end - range.start) / plotWidth;
    const toX = (time) => labelWidth + (time - origin - range.start) / msPerPx;

    // Axis and grid.
    const step = niceStep(range.end - range.start, plotWidth / 90);
    context.font = '11px system-ui, sans-serif';
    context.textBaseline = 'middle';
    context.fillStyle = colors.text;
    context.strokeStyle = colors.grid;
    context.lineWidth = 1;
    for (let t = Math.ceil(range.start / step) * step; t <= range.end; t += step) {
      const x = Math.round(labelWidth + (t - range.start) / msPerPx) + 0.5;
      context.beginPath();
      context.moveTo(x, AXIS_HEIGHT - 6);
      context.lineTo(x, height);
      context.stroke();
      const text = formatDuration(t);
      const textWidth = context.measureText(text).width;
      // The last label would run off the edge: it goes on the left of its tick instead.
      context.fillText(text, x + 3 + textWidth > width ? x - 3 - textWidth : x + 3, AXIS_HEIGHT / 2);
    }

    // Lanes: only those scrolled into view.
    const scrollTop = this.scroller.scrollTop;
    const firstLane = Math.floor(scrollTop / LANE_HEIGHT);
    const lastLane = Math.min(this.#order.length, firstLane + MAX_VISIBLE_LANES + 1);
    context.save();
    context.beginPath();
    context.rect(0, AXIS_HEIGHT, width, height - AXIS_HEIGHT);
    context.clip();
    const viewStart = origin + range.start;
    const viewEnd = origin + range.end;
    for (let index = firstLane; index < lastLane; index++) {
      const lane = this.#order[index];
      this.#sort(lane);
      const y = AXIS_HEIGHT + index * LANE_HEIGHT - scrollTop;
      context.strokeStyle = colors.grid;
      context.beginPath();
      context.moveTo(0, y + LANE_HEIGHT - 0.5);
      context.lineTo(width, y + LANE_HEIGHT - 0.5);
      context.stroke();
      this.#drawLaneSpans(context, colors, lane, y, viewStart, viewEnd, toX, labelWidth, width);
      // The label goes last, over a plate, so bars scrolled left never hide it.
      context.fillStyle = colors.bg && colors.bg !== 'transparent' ? colors.bg : this.#plate();
      context.fillRect(0, y, labelWidth - 4, LANE_HEIGHT - 1);
      context.fillStyle = colors.text;
      context.font = '12px system-ui, sans-serif';
      context.fillText(this.#fit(context, lane.name, labelWidth - 10), 4, y + LANE_HEIGHT / 2);
    }
    context.restore();

    if (this.#now !== null) {
      const x = toX(this.#now);
      if (x >= labelWidth && x <= width) {
        context.strokeStyle = colors.now;
        context.lineWidth = 2;
        context.beginPath();
        context.moveTo(x, AXIS_HEIGHT - 6);
        context.lineTo(x, height);
        context.stroke();
      }
    }
    this.#updateLabel();
  }

  #drawLaneSpans(context, colors, lane, y, viewStart, viewEnd, toX, labelWidth, width) {
    const spans = lane.spans;
    // A span may start before the view and still reach into it: step back by the lane's
    // longest span, no further.
    let index = firstStartingAt(spans, viewStart - lane.longest);
    let pending = null; // {state, x, right}: spans merged while they share pixels
    const flush = () => {
      if (pending) this.#drawBar(context, colors, pending.state, pending.x, y, pending.right - pending.x);
    };
    for (; index < spans.length; index++) {
      const span = spans[index];
      if (span.start > viewEnd) break;
      if (span.end < viewStart) continue;
      const x = Math.max(toX(span.start), labelWidth);
      const right = Math.min(Math.max(toX(span.end), x + 1), width);
      // Spans narrower than a pixel that touch the pending rectangle join it whatever
      // their state: one pixel cannot show two, and 100,000 draw calls would be slow.
      const joins = pending && x - pending.right < 1 &&
        (pending.state === span.state || right - x <= 1);
      if (joins) {
        pending.right = Math.max(pending.right, right);
      } else {
        flush();
        pending = { state: span.state, x, right };
      }
    }
    flush();
    const selected = this.#selected;
    if (selected && this.#order[selected.laneIndex] === lane) {
      const span = spans[selected.index];
      const x = Math.max(toX(span.start), labelWidth);
      const right = Math.min(Math.max(toX(span.end), x + 1), width);
      context.strokeStyle = colors.text;
      context.lineWidth = 2;
      context.strokeRect(x - 2, y + 2, right - x + 4, LANE_HEIGHT - 4);
    }
  }

  /** The page's background behind labels when no --pg-timeline-bg is set. */
  #plate() {
    return getComputedStyle(document.body).backgroundColor || '#fff';
  }

  #fit(context, text, maxWidth) {
    if (context.measureText(text).width <= maxWidth) return text;
    let end = text.length;
    while (end > 1 && context.measureText(`${text.slice(0, end)}…`).width > maxWidth) end--;
    return `${text.slice(0, end)}…`;
  }

  #updateLabel() {
    const { start, end } = this.visibleRange;
    const summary = this.#all.length
      ? `Timeline: ${this.#order.length} lanes, ${this.#all.length} spans, ` +
        `${formatDuration(start)} to ${formatDuration(end)}`
      : 'Timeline: empty';
    if (this.canvas.getAttribute('aria-label') !== summary) this.canvas.setAttribute('aria-label', summary);
  }

  #renderLegend() {
    const colors = this.#readColors();
    this.legend.replaceChildren(...STATES.map((state) => {
      const swatch = document.createElement('canvas');
      const ratio = devicePixelRatio || 1;
      swatch.width = 28 * ratio;
      swatch.height = 12 * ratio;
      const context = swatch.getContext('2d');
      context.scale(ratio, ratio);
      this.#drawBar(context, colors, state, 0, -5, 28);
      const item = document.createElement('span');
      item.append(swatch, state);
      return item;
    }));
  }

  /** The span under a point of the canvas, or null. */
  #spanAt(offsetX, offsetY) {
    const { labelWidth, plotWidth } = this.#layout();
    if (offsetX < labelWidth || offsetY < AXIS_HEIGHT) return null;
    const laneIndex = Math.floor((offsetY - AXIS_HEIGHT + this.scroller.scrollTop) / LANE_HEIGHT);
    const lane = this.#order[laneIndex];
    if (!lane) return null;
    this.#sort(lane);
    const range = this.visibleRange;
    const msPerPx = (range.end - range.start) / plotWidth;
    const time = (this.origin ?? 0) + range.start + (offsetX - labelWidth) * msPerPx;
    const tolerance = HOVER_TOLERANCE_PX * msPerPx;
    let best = null;
    for (let index = firstStartingAt(lane.spans, time - lane.longest - tolerance);
      index < lane.spans.length; index++) {
      const span = lane.spans[index];
      if (span.start > time + tolerance) break;
      if (span.end + tolerance >= time) {
        const distance = time < span.start ? span.start - time : Math.max(0, time - span.end);
        if (!best || distance < best.distance) best = { laneIndex, index, distance };
      }
    }
    return best;
  }

  #onPointerMove(event) {
    if (this.#drag) {
      const { plotWidth } = this.#layout();
      const { start, end } = this.#drag.range;
      const shift = ((this.#drag.x - event.offsetX) / plotWidth) * (end - start);
      this.#view = { start: start + shift, end: end + shift };
      this.#schedule();
      return;
    }
    this.#hover(this.#spanAt(event.offsetX, event.offsetY), event.offsetX, event.offsetY);
  }

  #onPointerDown(event) {
    if (event.button !== 0) return;
    this.#drag = { x: event.offsetX, range: this.visibleRange };
    this.canvas.setPointerCapture(event.pointerId);
  }

  #onPointerUp(event) {
    this.#drag = null;
    if (this.canvas.hasPointerCapture(event.pointerId)) this.canvas.releasePointerCapture(event.pointerId);
  }

  #onWheel(event) {
    const scrolls = this.scroller.scrollHeight > this.scroller.clientHeight;
    if (event.shiftKey) {
      event.preventDefault();
      this.pan((event.deltaX || event.deltaY) / 500);
      return;
    }
    if (!event.ctrlKey && !event.metaKey && scrolls) return; // let the lanes scroll
    event.preventDefault();
    const { labelWidth, plotWidth } = this.#layout();
    const range = this.visibleRange;
    const at = range.start + ((event.offsetX - labelWidth) / plotWidth) * (range.end - range.start);
    this.zoom(Math.exp(-event.deltaY / 300), at);
  }

  #onKeyDown(event) {
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    if (event.key === '+' || event.key === '=') {
      handled();
      this.zoom(1.5, this.#selectedMiddle());
    } else if (event.key === '-' || event.key === '_') {
      handled();
      this.zoom(1 / 1.5, this.#selectedMiddle());
    } else if (event.key === '0' || event.key === 'Home') {
      handled();
      this.resetZoom();
    } else if (event.key === 'Escape' && this.#selected) {
      handled();
      this.#select(null);
    } else if (event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      handled();
      this.pan(event.key === 'ArrowLeft' ? -0.2 : 0.2);
    } else if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) {
      if (!this.#all.length) return;
      handled();
      this.#moveSelection(event.key);
    }
  }

  #selectedMiddle() {
    if (!this.#selected) return undefined;
    const span = this.#order[this.#selected.laneIndex].spans[this.#selected.index];
    return (span.start + span.end) / 2 - (this.origin ?? 0);
  }

  #moveSelection(key) {
    const current = this.#selected;
    if (!current) {
      const laneIndex = Math.max(0, this.#order.findIndex((lane) => lane.spans.length));
      this.#select({ laneIndex, index: 0 });
      return;
    }
    const lane = this.#order[current.laneIndex];
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const index = current.index + (key === 'ArrowRight' ? 1 : -1);
      if (index >= 0 && index < lane.spans.length) this.#select({ laneIndex: current.laneIndex, index });
      return;
    }
    const time = this.#selectedMiddle() + (this.origin ?? 0);
    for (let laneIndex = current.laneIndex + (key === 'ArrowDown' ? 1 : -1);
      laneIndex >= 0 && laneIndex < this.#order.length;
      laneIndex += key === 'ArrowDown' ? 1 : -1) {
      const spans = this.#order[laneIndex].spans;
      if (!spans.length) continue;
      this.#sort(this.#order[laneIndex]);
      const at = Math.min(firstStartingAt(spans, time), spans.length - 1);
      const before = Math.max(at - 1, 0);
      const nearer = Math.abs(spans[before].end - time) < Math.abs(spans[at].start - time) ? before : at;
      this.#select({ laneIndex, index: nearer });
      return;
    }
  }

  #select(selection) {
    this.#selected = selection;
    if (!selection) {
      this.#hover(null);
      this.#schedule();
      return;
    }
    // Keep the selected lane and span in view.
    const top = selection.laneIndex * LANE_HEIGHT;
    const visible = this.scroller.clientHeight - AXIS_HEIGHT;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + LANE_HEIGHT > this.scroller.scrollTop + visible) {
      this.scroller.scrollTop = top + LANE_HEIGHT - visible;
    }
    const span = this.#order[selection.laneIndex].spans[selection.index];
    const origin = this.origin ?? 0;
    const range = this.visibleRange;
    if (span.end - origin < range.start || span.start - origin > range.end) {
      const width = range.end - range.start;
      const middle = (span.start + span.end) / 2 - origin;
      this.#view = { start: middle - width / 2, end: middle + width / 2 };
    }
    this.#schedule();
    const { labelWidth, plotWidth } = this.#layout();
    const after = this.visibleRange;
    const x = labelWidth + ((span.start - origin - after.start) / (after.end - after.start)) * plotWidth;
    const y = AXIS_HEIGHT + (selection.laneIndex + 1) * LANE_HEIGHT - this.scroller.scrollTop;
    this.#showTooltip(span, Math.max(labelWidth, x), y);
    this.announcer.textContent = this.#describe(span);
    this.dispatchEvent(new CustomEvent('span-focus', { detail: span, bubbles: true, composed: true }));
  }

  #hover(hit, x = 0, y = 0) {
    const span = hit ? this.#order[hit.laneIndex].spans[hit.index] : null;
    if (span === this.#hovered) {
      if (span) this.#showTooltip(span, x + 12, y + 14);
      return;
    }
    this.#hovered = span;
    if (!span) {
      this.tooltip.hidden = true;
      return;
    }
    this.#showTooltip(span, x + 12, y + 14);
    this.dispatchEvent(new CustomEvent('span-focus', { detail: span, bubbles: true, composed: true }));
  }

  #describe(span) {
    const origin = this.origin ?? 0;
    return `${span.lane}: ${span.state}, ${span.label}, from ${formatDuration(span.start - origin)} ` +
      `to ${formatDuration(span.end - origin)} (${formatDuration(span.end - span.start)})`;
  }

  #showTooltip(span, x, y) {
    const origin = this.origin ?? 0;
    const lines = [
      [span.lane, true],
      [`${span.state} · ${span.label}`],
      [`${formatDuration(span.start - origin)} → ${formatDuration(span.end - origin)}`],
      [`duration ${formatDuration(span.end - span.start)}`],
    ];
    this.tooltip.replaceChildren(...lines.map(([text, strong]) => {
      const line = document.createElement(strong ? 'strong' : 'div');
      line.textContent = text;
      if (strong) line.style.display = 'block';
      return line;
    }));
    this.tooltip.hidden = false;
    const maxX = (this.clientWidth || 600) - this.tooltip.offsetWidth - 4;
    this.tooltip.style.left = `${Math.max(0, Math.min(x, maxX))}px`;
    this.tooltip.style.top = `${y + this.scroller.offsetTop}px`;
  }
}

if (!customElements.get('pg-timeline')) customElements.define('pg-timeline', PgTimeline);
