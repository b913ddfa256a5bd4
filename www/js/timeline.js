// <pg-timeline>: a trace drawn as a timeline, one lane per task, coroutine, thread or
// worker, in the manner of DevTools' performance panel and Perfetto.
//
// Spans are {lane, state: 'running' | 'sleeping' | 'waiting', start, end, label}, times
// in epoch milliseconds. Everything is drawn on one canvas, so that 100,000 spans cost
// no DOM: per lane the spans are kept sorted by start, with a running maximum of their
// ends, which lets a binary search find the first span that can reach into view; spans
// that share pixels are merged, and each state is painted with a single path.
//
// Mouse: hover for details, click selects, wheel zooms around the pointer (Ctrl+wheel
// always zooms; a plain wheel scrolls the lanes when there are more than fit), drag or
// Shift+wheel pans, double-click resets. Keyboard (the element is focusable): ←/→ the
// previous/next span of the lane, ↑/↓ the nearest span in the lane above/below, + / −
// zoom, Shift+←/→ pan, 0 or Home resets, Escape clears the selection.
//
// Themed through CSS custom properties: --pg-timeline-running, -sleeping, -waiting,
// -text, -grid, -bg, -now (and -tooltip-bg, -tooltip-text). There are no animations, so
// prefers-reduced-motion needs nothing further.

import { fitMiddle } from './timeline/fit.js';
import { formatLength, formatSummary, formatTick, formatTime } from './timeline/format.js';
import { LaneIndex, STATES, toSpan } from './timeline/lanes.js';
import { AXIS_HEIGHT, LANE_HEIGHT, LaneRows, columns, scrollTopShowing } from './timeline/layout.js';
import { BAR, BarPainter, SWATCH_WIDTH, addLaneBars, newBars } from './timeline/painter.js';
import { TimeScale } from './timeline/scale.js';
import { TIMELINE_TEXTS_EN } from './timeline/texts.js';

const HOVER_TOLERANCE_PX = 3;
const MIN_RANGE_MS = 1e-3; // 1 µs: closer than that, epoch doubles run out of precision
const LABEL_THROTTLE_MS = 500;
const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const AXIS_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

const STYLE = new CSSStyleSheet();
STYLE.replaceSync(`
  :host {
    display: block;
    position: relative;
    /* Light or dark as the page's color-scheme says. */
    --_running: var(--pg-timeline-running, light-dark(#2563eb, #5b9cff));
    --_sleeping: var(--pg-timeline-sleeping, light-dark(#6b9cf0, #7b9fd9));
    --_waiting: var(--pg-timeline-waiting, light-dark(#c2410c, #f0883e));
    --_text: var(--pg-timeline-text, light-dark(#1d2330, #e6e9ef));
    --_grid: var(--pg-timeline-grid, light-dark(rgba(90, 100, 120, 0.22), rgba(170, 180, 200, 0.2)));
    --_bg: var(--pg-timeline-bg, transparent);
    --_now: var(--pg-timeline-now, light-dark(#d1242f, #ff7b72));
    --_tooltip-bg: var(--pg-timeline-tooltip-bg, light-dark(#ffffff, #232a36));
    --_tooltip-text: var(--pg-timeline-tooltip-text, var(--_text));
    color: var(--_text);
    font: ${FONT};
  }
  :host([hidden]) { display: none; }
  .frame { position: relative; user-select: none; -webkit-user-select: none; }
  .frame[hidden], .empty[hidden], .tooltip[hidden] { display: none; }
  .scroller { position: relative; overflow-x: hidden; overflow-y: auto; border-radius: 2px; }
  .scroller:has(canvas:focus-visible) { outline: 3px solid var(--_running); outline-offset: 2px; }
  .plot { display: block; position: sticky; top: 0; width: 100%; outline: none; cursor: default;
    touch-action: pan-y; }
  .plot.dragging { cursor: grabbing; }
  .sizer { width: 1px; }
  .empty { margin: 0; padding: 0.75rem 0; opacity: 0.75; }
  .tooltip {
    position: absolute; z-index: 2; top: 0; left: 0; pointer-events: none;
    max-width: min(24rem, 90%); padding: 0.35rem 0.55rem; border-radius: 6px;
    border: 1px solid var(--_grid); background: var(--_tooltip-bg); color: var(--_tooltip-text);
    box-shadow: 0 2px 10px rgba(0, 0, 0, 0.2); font-size: 12px; line-height: 1.4;
    overflow-wrap: anywhere;
  }
  .tooltip .lane { font-weight: 600; }
  .tooltip .state { font-style: italic; }
  .more { margin: 0.3rem 0 0; font-size: 12px; opacity: 0.85; }
  .more[hidden] { display: none; }
  .legend { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem;
    margin-top: 0.4rem; font-size: 12px; }
  .legend span { display: inline-flex; align-items: center; gap: 0.35rem; }
  .legend canvas { width: ${SWATCH_WIDTH}px; height: ${BAR.running.height}px; }
  .probes { display: none; }
  .probes [data-color="running"] { color: var(--_running); }
  .probes [data-color="sleeping"] { color: var(--_sleeping); }
  .probes [data-color="waiting"] { color: var(--_waiting); }
  .probes [data-color="text"] { color: var(--_text); }
  .probes [data-color="grid"] { color: var(--_grid); }
  .probes [data-color="bg"] { color: var(--_bg); }
  .probes [data-color="now"] { color: var(--_now); }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
    overflow: hidden; clip-path: inset(50%); white-space: nowrap;
  }
`);

const TEMPLATE = document.createElement('template');
TEMPLATE.innerHTML = `
  <p class="empty"></p>
  <div class="frame" hidden>
    <div class="scroller">
      <canvas class="plot" tabindex="0" role="img" aria-label="Timeline: empty"
        aria-describedby="help"></canvas>
      <div class="sizer"></div>
    </div>
    <div class="tooltip" aria-hidden="true" hidden>
      <div class="lane"></div>
      <div><span class="state"></span> <span class="label"></span></div>
      <div class="times"></div>
      <div class="duration"></div>
    </div>
  </div>
  <p class="more" hidden></p>
  <div class="legend" aria-hidden="true"></div>
  <p class="visually-hidden" id="help"></p>
  <p class="visually-hidden" aria-live="polite" id="announce"></p>
  <div class="probes">
    <i data-color="running"></i><i data-color="sleeping"></i><i data-color="waiting"></i>
    <i data-color="text"></i><i data-color="grid"></i><i data-color="bg"></i>
    <i data-color="now"></i>
  </div>
`;

const clamp = (value, low, high) => Math.min(Math.max(value, low), high);

const toTimeOrNull = (value) =>
  (value === null || value === undefined || !Number.isFinite(Number(value)) ? null : Number(value));

// One canvas context for measuring lane names as they arrive, so that the label column
// can be as wide as the longest name without measuring every lane on every frame.
let measureContext = null;
function textWidth(text) {
  measureContext ??= new OffscreenCanvas(1, 1).getContext('2d');
  measureContext.font = FONT;
  return measureContext.measureText(text).width;
}

export class PgTimeline extends HTMLElement {
  #index = new LaneIndex();
  #all = []; // every span, in the order added
  #earliest = Infinity;
  #latest = -Infinity;
  #widestName = 0;
  #origin = null;
  #now = null;
  #view = null; // {start, end} in ms since origin once zoomed or panned; null follows the trace
  #selected = null; // {lane, span}
  #tooltipFor = null; // 'hover' | 'selection' | null
  #pointer = null; // {id, x, y, view, dragging}
  #frame = 0;
  #geometry = null; // what the last frame drew: hit tests use it, so they match the screen
  #painter = new BarPainter();
  #legendKey = '';
  #labelUpdatedAt = -Infinity;
  #labelTimer = 0;
  #resizeObserver = null;
  #listeners = null;
  // Shadow DOM parts, found once.
  #canvas;
  #scroller;
  #sizer;
  #frameElement;
  #empty;
  #help;
  #texts = TIMELINE_TEXTS_EN;
  #tooltip;
  #more;
  #legend;
  #announcer;
  #probes; // colour name → live computed style of an element painted with it
  #probeBox;
  #laneColors = new Map(); // lane name → live computed style of a probe in its colour

  constructor() {
    super();
    // delegatesFocus: focusing the host (or clicking it) focuses the canvas, which is
    // where the ARIA lives, since aria-describedby cannot point into a shadow root.
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    root.adoptedStyleSheets = [STYLE];
    root.append(TEMPLATE.content.cloneNode(true));
    this.#canvas = root.querySelector('.plot');
    this.#scroller = root.querySelector('.scroller');
    this.#sizer = root.querySelector('.sizer');
    this.#frameElement = root.querySelector('.frame');
    this.#empty = root.querySelector('.empty');
    this.#help = root.querySelector('#help');
    this.#showTexts();
    this.#tooltip = root.querySelector('.tooltip');
    this.#legend = root.querySelector('.legend');
    this.#more = root.querySelector('.more');
    this.#announcer = root.querySelector('#announce');
    this.#probeBox = root.querySelector('.probes');
    this.#probes = Object.fromEntries([...root.querySelectorAll('.probes [data-color]')]
      .map((probe) => [probe.dataset.color, getComputedStyle(probe)]));
  }

  connectedCallback() {
    this.#listeners = new AbortController();
    const on = (target, type, handler, options = {}) =>
      target.addEventListener(type, handler, { signal: this.#listeners.signal, ...options });
    const canvas = this.#canvas;
    on(canvas, 'pointermove', (event) => this.#onPointerMove(event));
    on(canvas, 'pointerleave', () => this.#onPointerLeave());
    on(canvas, 'pointerdown', (event) => this.#onPointerDown(event));
    on(canvas, 'pointerup', (event) => this.#onPointerUp(event));
    on(canvas, 'pointercancel', (event) => this.#onPointerUp(event, true));
    on(canvas, 'dblclick', () => this.resetZoom());
    on(canvas, 'wheel', (event) => this.#onWheel(event), { passive: false });
    on(canvas, 'keydown', (event) => this.#onKeyDown(event));
    on(canvas, 'focus', () => { if (this.#selected) this.#showSelectionTooltip(); });
    on(canvas, 'blur', () => this.#hideTooltip());
    on(this.#scroller, 'scroll', () => this.#schedule());
    on(matchMedia('(prefers-color-scheme: dark)'), 'change', () => this.#schedule());
    this.#resizeObserver = new ResizeObserver(() => this.#schedule());
    this.#resizeObserver.observe(this.#scroller);
    this.#schedule();
  }

  /** The lanes in view as drawn, at the screen's resolution, as a PNG blob. */
  toPng() {
    return new Promise((resolve, reject) => this.#canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The timeline has nothing to draw.'))), 'image/png'));
  }

  /** What the element says (see TIMELINE_TEXTS_EN); missing entries stay English. */
  set texts(value) {
    this.#texts = { ...TIMELINE_TEXTS_EN, ...value };
    this.#showTexts();
    this.#legendKey = null;
    this.#labelUpdatedAt = -Infinity;
    this.#schedule();
  }

  #showTexts() {
    this.#empty.textContent = this.#texts.empty;
    this.#help.textContent = this.#texts.help;
  }

  /** Draws again, e.g. after the page changed its colour scheme. */
  redraw() {
    this.#schedule();
  }

  disconnectedCallback() {
    this.#listeners?.abort();
    this.#listeners = null;
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    clearTimeout(this.#labelTimer);
    this.#labelTimer = 0;
  }

  /** Time zero of the axis, in epoch ms; when null, the earliest span's start. */
  get origin() {
    return this.#origin ?? (Number.isFinite(this.#earliest) ? this.#earliest : null);
  }

  set origin(value) {
    this.#origin = toTimeOrNull(value);
    this.#schedule();
  }

  /** The live run's current time (epoch ms), drawn as a cursor; null hides it. */
  get now() {
    return this.#now;
  }

  set now(value) {
    this.#now = toTimeOrNull(value);
    this.#schedule();
  }

  /** Colours that tell lanes apart, as {lane: any CSS colour, var() included}. Spans keep
   * the colours of their states; a lane's colour marks its name. */
  set laneColors(value) {
    this.#probeBox.querySelectorAll('[data-lane]').forEach((probe) => probe.remove());
    this.#laneColors = new Map(Object.entries(value ?? {}).map(([lane, color]) => {
      const probe = document.createElement('i');
      probe.dataset.lane = lane;
      probe.style.color = color;
      this.#probeBox.append(probe);
      return [lane, getComputedStyle(probe)];
    }));
    this.#schedule();
  }

  /** Lanes that stay in view, below the others, however many there are (the main thread,
   * the event loop): an array of names, in the order to show them. */
  set pinnedLanes(names) {
    this.#index.pinnedNames = names;
  }

  /** Lane names in display order. */
  get lanes() {
    return this.#index.lanes.map((lane) => lane.name);
  }

  /** A copy of every span, in the order added. */
  get spans() {
    return this.#all.slice();
  }

  /** The selected span, or null. */
  get selectedSpan() {
    return this.#selected?.span ?? null;
  }

  /** The visible time range, in ms since origin. */
  get visibleRange() {
    return this.#view ? { ...this.#view } : this.#autoRange();
  }

  clear() {
    this.#index.clear();
    this.#all = [];
    this.#earliest = Infinity;
    this.#latest = -Infinity;
    this.#widestName = 0;
    this.#origin = null;
    this.#view = null;
    this.#selected = null;
    this.#pointer = null;
    this.#hideTooltip();
    this.#announcer.textContent = '';
    this.#scroller.scrollTop = 0;
    this.#schedule();
  }

  addSpan(span) {
    this.#add(span);
    this.#schedule();
  }

  addSpans(spans) {
    for (const span of spans) this.#add(span);
    this.#schedule();
  }

  /** Zooms by `factor` (> 1 zooms in), keeping the time `atMs` (since origin) in place. */
  zoom(factor, atMs) {
    const { start, end } = this.visibleRange;
    const width = end - start;
    const at = atMs ?? (start + end) / 2;
    const auto = this.#autoRange();
    const newWidth = clamp(width / factor, MIN_RANGE_MS, Math.max(auto.end - auto.start, 1) * 20);
    const newStart = at - (at - start) * (newWidth / width);
    this.#view = { start: newStart, end: newStart + newWidth };
    this.#schedule();
  }

  /** Pans by a fraction of the visible range; negative goes towards earlier times. */
  pan(fraction) {
    const { start, end } = this.visibleRange;
    const shift = (end - start) * fraction;
    this.#view = { start: start + shift, end: end + shift };
    this.#schedule();
  }

  /** Back to the whole trace, following the "now" cursor while a run is live. */
  resetZoom() {
    this.#view = null;
    this.#schedule();
  }

  /** Draws synchronously, for tests and benchmarks; otherwise drawing waits for a frame. */
  renderNow() {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#draw();
  }

  // --- Data ---------------------------------------------------------------------------

  #add(input) {
    const span = toSpan(input);
    if (!span) return;
    let lane = this.#index.get(span.lane);
    if (!lane) {
      lane = this.#index.add(span.lane);
      this.#widestName = Math.max(this.#widestName, textWidth(span.lane));
    }
    lane.push(span);
    this.#all.push(span);
    this.#earliest = Math.min(this.#earliest, span.start);
    this.#latest = Math.max(this.#latest, span.end);
  }

  #originOrZero() {
    return this.origin ?? 0;
  }

  /** The whole trace (and the "now" cursor), in ms since origin, with a little margin. */
  #autoRange() {
    const origin = this.#originOrZero();
    let start = 0;
    let end = 0;
    if (this.#all.length) {
      start = Math.min(0, this.#earliest - origin);
      end = this.#latest - origin;
    }
    if (this.#now !== null) end = Math.max(end, this.#now - origin);
    const width = end - start;
    return width > 0 ? { start, end: end + width * 0.02 } : { start, end: start + 1 };
  }

  // --- Drawing ------------------------------------------------------------------------

  #schedule() {
    if (this.#frame || !this.isConnected) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#draw();
    });
  }

  /** Colours resolved by the style engine, so that any CSS colour syntax works. */
  #readColors() {
    const colors = {};
    for (const [name, style] of Object.entries(this.#probes)) colors[name] = style.color;
    // A transparent background means "the page's": nothing is painted behind the bars.
    colors.paintBg = !/^rgba\(.*,\s*0\)$|^transparent$/.test(colors.bg);
    return colors;
  }

  #draw() {
    const hasContent = this.#all.length > 0 || this.#now !== null;
    this.#empty.hidden = hasContent;
    this.#frameElement.hidden = !hasContent;
    const colors = this.#readColors();
    this.#renderLegend(colors);
    if (!hasContent) {
      this.#geometry = null;
      this.#updateLabel();
      return;
    }

    const rows = new LaneRows(this.#index.lanes.length, this.#index.pinnedCount);
    const { height } = rows;
    this.#scroller.style.maxHeight = `${height}px`;
    this.#sizer.style.height = `${rows.overflow}px`;
    const width = this.#scroller.clientWidth || 300;
    const ratio = window.devicePixelRatio || 1;
    const canvas = this.#canvas;
    const backingWidth = Math.round(width * ratio);
    const backingHeight = Math.round(height * ratio);
    if (canvas.width !== backingWidth || canvas.height !== backingHeight) {
      canvas.width = backingWidth;
      canvas.height = backingHeight;
      canvas.style.height = `${height}px`;
    }

    const { labelWidth, plotLeft, plotWidth } = columns(width, this.#widestName);
    const scale = new TimeScale(this.visibleRange, plotLeft, plotWidth, this.#originOrZero());
    rows.scrollTo(this.#scroller.scrollTop);
    const geometry = { width, height, ratio, labelWidth, scale, rows };
    this.#geometry = geometry;

    const context = canvas.getContext('2d');
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    if (colors.paintBg) {
      context.fillStyle = colors.bg;
      context.fillRect(0, 0, width, height);
    }
    const step = scale.tickStep();
    const ticks = scale.ticks(step);
    this.#drawGrid(context, colors, geometry, ticks);
    this.#drawLanes(context, colors, geometry);
    this.#drawAxis(context, colors, geometry, ticks, step);
    this.#drawNow(context, colors, geometry);
    this.#showMoreLanes(geometry);
    if (this.#tooltipFor === 'selection') this.#showSelectionTooltip();
    this.#updateLabel();
  }

  /** When some lanes are out of view, says which are in it, in words. */
  #showMoreLanes({ rows: { firstLane, lastLane, scrolledCount } }) {
    const hidden = scrolledCount - (lastLane - firstLane);
    this.#more.hidden = hidden <= 0;
    if (hidden <= 0) return;
    const pinned = this.#index.lanes.slice(scrolledCount).map((lane) => lane.name).join(', ');
    const text = this.#texts.moreLanes({
      from: formatCount(firstLane + 1), to: formatCount(lastLane), total: formatCount(scrolledCount), pinned,
    });
    if (this.#more.textContent !== text) this.#more.textContent = text;
  }

  #drawGrid(context, colors, { width, height, labelWidth }, ticks) {
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

  #drawAxis(context, colors, { width, scale }, ticks, step) {
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

  #drawLanes(context, colors, geometry) {
    for (const band of geometry.rows.bands()) this.#drawBand(context, colors, geometry, band);
  }

  /** Lanes `from`..`to` (exclusive), each clipped to the band between `top` and `bottom`. */
  #drawBand(context, colors, geometry, { from, to, top, bottom }) {
    const { width, ratio, scale, rows } = geometry;
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
      addLaneBars(bars, this.#index.lanes[index], scale, rows.top(index), ratio);
    }

    context.save();
    context.beginPath();
    context.rect(scale.left, top, scale.width + 1, bottom - top);
    context.clip();
    this.#painter.paint(context, colors, bars, ratio);
    this.#drawSelection(context, colors, geometry);
    context.restore();

    this.#drawLaneLabels(context, colors, geometry, from, to);
    context.restore();
  }

  #drawSelection(context, colors, geometry) {
    const box = this.#selected && this.#spanBox(this.#selected, geometry);
    if (!box) return;
    context.strokeStyle = colors.text;
    context.lineWidth = 2;
    context.strokeRect(box.left - 2, box.top + 1, box.right - box.left + 4, LANE_HEIGHT - 3);
  }

  #drawLaneLabels(context, colors, geometry, from, to) {
    const { labelWidth, rows } = geometry;
    context.font = FONT;
    context.textBaseline = 'middle';
    for (let index = from; index < to; index++) {
      const lane = this.#index.lanes[index];
      const y = rows.top(index);
      // A lane with a colour of its own gets a stripe of it and its name in it.
      const marked = this.#laneColors.get(lane.name)?.color;
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

  #drawNow(context, colors, { height, scale }) {
    if (this.#now === null) return;
    const x = Math.round(scale.x(this.#now - scale.origin));
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

  #renderLegend(colors) {
    const ratio = window.devicePixelRatio || 1;
    const key = `${colors.running}|${colors.sleeping}|${colors.waiting}|${ratio}`;
    if (key === this.#legendKey) return;
    this.#legendKey = key;
    this.#legend.replaceChildren(...STATES.map((state) => {
      const item = document.createElement('span');
      item.append(this.#painter.swatch(state, colors, ratio), this.#texts.states[state]);
      return item;
    }));
  }

  // Screen readers get a summary rather than a live count on every frame of a run.
  #updateLabel() {
    const wait = this.#labelUpdatedAt + LABEL_THROTTLE_MS - performance.now();
    if (wait > 0) {
      this.#labelTimer ||= setTimeout(() => {
        this.#labelTimer = 0;
        this.#updateLabel();
      }, wait);
      return;
    }
    this.#labelUpdatedAt = performance.now();
    const lanes = this.#index.lanes.length;
    const spans = this.#all.length;
    let summary = this.#texts.emptySummary;
    if (spans) {
      const end = Math.max(this.#latest, this.#now ?? -Infinity) - this.#originOrZero();
      summary = this.#texts.summary({ lanes, spans, length: formatSummary(end) });
      if (this.#view) {
        const { start, end: viewEnd } = this.#view;
        summary += this.#texts.showing({ from: formatSummary(start), to: formatSummary(viewEnd) });
      }
    }
    if (this.#canvas.getAttribute('aria-label') !== summary) {
      this.#canvas.setAttribute('aria-label', summary);
    }
  }

  // --- Hit testing --------------------------------------------------------------------

  /** Where `{lane, span}` was drawn in the last frame, in canvas CSS pixels. */
  #spanBox({ lane, span }, geometry = this.#geometry) {
    if (!geometry) return null;
    const index = this.#index.lanes.indexOf(lane);
    if (index < 0) return null;
    const { scale } = geometry;
    const left = scale.x(span.start - scale.origin);
    const right = Math.max(scale.x(span.end - scale.origin), left + 1);
    return { left, right, top: geometry.rows.top(index) };
  }

  /** The span nearest to a point of the canvas, within a few pixels, or null. */
  #hitTest(x, y) {
    const geometry = this.#geometry;
    if (!geometry) return null;
    const lane = this.#index.lanes[geometry.rows.at(y)];
    if (!lane) return null;
    const { scale } = geometry;
    if (x < scale.left) return { lane, span: null };
    const span = lane.spanNear(scale.epochAt(x), scale.msPerPx, HOVER_TOLERANCE_PX);
    return span ? { lane, span } : null;
  }

  // --- Pointer ------------------------------------------------------------------------

  #onPointerDown(event) {
    if (event.button !== 0) return;
    const { pointerId: id, offsetX: x } = event;
    this.#pointer = { id, x, view: this.visibleRange, dragging: false };
    this.#canvas.setPointerCapture(event.pointerId);
  }

  #onPointerMove(event) {
    const pointer = this.#pointer;
    if (pointer && pointer.id === event.pointerId) {
      if (!pointer.dragging && Math.abs(event.offsetX - pointer.x) < 4) return;
      pointer.dragging = true;
      this.#canvas.classList.add('dragging');
      this.#hideTooltip();
      // The view as the drag began, moved as far as the pointer has.
      const plotWidth = this.#geometry?.scale.width || 1;
      this.#view = new TimeScale(pointer.view, 0, plotWidth).panned(pointer.x - event.offsetX);
      this.#schedule();
      return;
    }
    this.#hover(this.#hitTest(event.offsetX, event.offsetY), event);
  }

  #onPointerUp(event, cancelled = false) {
    const pointer = this.#pointer;
    if (!pointer || pointer.id !== event.pointerId) return;
    this.#pointer = null;
    this.#canvas.classList.remove('dragging');
    if (this.#canvas.hasPointerCapture(event.pointerId)) {
      this.#canvas.releasePointerCapture(event.pointerId);
    }
    if (cancelled || pointer.dragging) return;
    const hit = this.#hitTest(event.offsetX, event.offsetY);
    if (hit?.span) {
      this.#select(hit, { scrollIntoView: false });
      this.#hover(hit, event);
    } else {
      this.#select(null);
    }
  }

  #onPointerLeave() {
    if (this.#pointer?.dragging) return;
    if (this.#selected && this.matches(':focus-within')) this.#showSelectionTooltip();
    else this.#hideTooltip();
  }

  #onWheel(event) {
    const geometry = this.#geometry;
    if (!geometry) return;
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? geometry.height : 1;
    const dx = event.deltaX * unit;
    const dy = event.deltaY * unit;
    const zooming = event.ctrlKey || event.metaKey;
    if (!zooming && (Math.abs(dx) > Math.abs(dy) || event.shiftKey)) {
      event.preventDefault();
      this.pan((Math.abs(dx) > Math.abs(dy) ? dx : dy) / geometry.scale.width);
      return;
    }
    const scrolls = this.#scroller.scrollHeight > this.#scroller.clientHeight + 1;
    if (!zooming && scrolls) return; // the wheel scrolls the lanes, as it would any list
    event.preventDefault();
    this.zoom(Math.exp(-clamp(dy, -300, 300) / 250), geometry.scale.timeWithin(event.offsetX));
  }

  #hover(hit, event) {
    if (!hit) {
      if (this.#tooltipFor === 'hover') this.#hideTooltip();
      return;
    }
    const frameBox = this.#frameElement.getBoundingClientRect();
    this.#fillTooltip(hit);
    this.#placeTooltip(event.clientX - frameBox.left + 14, event.clientY - frameBox.top + 16,
      event.clientY - frameBox.top - 8);
    this.#tooltipFor = 'hover';
  }

  // --- Keyboard -----------------------------------------------------------------------

  #onKeyDown(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const { key, shiftKey } = event;
    let handled = true;
    if (key === '+' || key === '=') this.zoom(1.5, this.#focusTime());
    else if (key === '-' || key === '_') this.zoom(1 / 1.5, this.#focusTime());
    else if (key === '0' || key === 'Home') this.resetZoom();
    else if (key === 'Escape' && this.#selected) this.#select(null);
    else if (shiftKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
      this.pan(key === 'ArrowLeft' ? -0.2 : 0.2);
    } else if (shiftKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
      this.#scroller.scrollTop += key === 'ArrowUp' ? -LANE_HEIGHT : LANE_HEIGHT;
    } else if (key.startsWith('Arrow') && this.#all.length) this.#moveSelection(key);
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  /** The time to zoom around: the selected span's middle, else the view's middle. */
  #focusTime() {
    const span = this.#selected?.span;
    return span ? (span.start + span.end) / 2 - this.#originOrZero() : undefined;
  }

  #moveSelection(key) {
    const current = this.#selected;
    if (!current) {
      this.#select(this.#firstVisibleSpan());
      return;
    }
    const { lane, span } = current;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const index = lane.indexOf(span) + (key === 'ArrowRight' ? 1 : -1);
      if (index >= 0 && index < lane.spans.length) this.#select({ lane, span: lane.spans[index] });
      else this.#announce(this.#texts.edgeSpan({ last: key === 'ArrowRight', lane: lane.name }));
      return;
    }
    const laneIndex = this.#index.lanes.indexOf(lane) + (key === 'ArrowDown' ? 1 : -1);
    const next = this.#index.lanes[laneIndex];
    if (!next) {
      this.#announce(this.#texts.edgeLane({ last: key === 'ArrowDown' }));
      return;
    }
    const nearest = next.nearestSpan((span.start + span.end) / 2);
    if (nearest) this.#select({ lane: next, span: nearest });
  }

  #firstVisibleSpan() {
    const geometry = this.#geometry;
    const viewStart = this.#originOrZero() + this.visibleRange.start;
    const lanes = this.#index.lanes;
    const first = geometry ? geometry.rows.firstLane : 0;
    for (let index = first; index < lanes.length; index++) {
      const lane = lanes[index];
      const i = lane.firstEndingAfter(viewStart);
      if (i < lane.spans.length) return { lane, span: lane.spans[i] };
    }
    const lane = lanes[0];
    return { lane, span: lane.spans[0] };
  }

  #select(selection, { scrollIntoView = true } = {}) {
    this.#selected = selection;
    if (!selection) {
      if (this.#tooltipFor === 'selection') this.#hideTooltip();
      this.#schedule();
      return;
    }
    if (scrollIntoView) this.#bringIntoView(selection);
    this.#announce(this.#describe(selection.span));
    // Drawing now, so that the tooltip is placed against the frame the learner will see.
    this.renderNow();
    if (scrollIntoView) this.#showSelectionTooltip();
  }

  #bringIntoView({ lane, span }) {
    const index = this.#index.lanes.indexOf(lane);
    // A pinned lane is always in view.
    if (index < this.#index.lanes.length - this.#index.pinnedCount) {
      const visible = (this.#geometry?.rows.pinnedTop ?? this.#scroller.clientHeight) - AXIS_HEIGHT;
      const scrollTop = scrollTopShowing(index, this.#scroller.scrollTop, visible);
      if (scrollTop !== this.#scroller.scrollTop) this.#scroller.scrollTop = scrollTop;
    }
    const origin = this.#originOrZero();
    const { start, end } = this.visibleRange;
    if (span.end - origin < start || span.start - origin > end) {
      const middle = (span.start + span.end) / 2 - origin;
      const width = end - start;
      this.#view = { start: middle - width / 2, end: middle + width / 2 };
    }
  }

  // --- Tooltip and announcements -----------------------------------------------------

  #describe(span) {
    const origin = this.#originOrZero();
    return this.#texts.describe({
      lane: span.lane, state: this.#texts.states[span.state], label: span.label,
      from: formatTime(span.start - origin), to: formatTime(span.end - origin), length: formatLength(span),
    });
  }

  #fillTooltip({ lane, span }) {
    const tooltip = this.#tooltip;
    tooltip.querySelector('.lane').textContent = lane.name;
    const rows = ['.state', '.label', '.times', '.duration'].map((s) => tooltip.querySelector(s));
    if (!span) {
      // Over the label column: the full name, which may have been cut short there.
      rows[0].textContent = '';
      rows[1].textContent = this.#texts.spanCount(lane.spans.length);
      rows[2].textContent = '';
      rows[3].textContent = '';
      return;
    }
    const origin = this.#originOrZero();
    rows[0].textContent = this.#texts.states[span.state];
    rows[1].textContent = span.label ? `· ${span.label}` : '';
    rows[2].textContent = `${formatTime(span.start - origin)} → ${formatTime(span.end - origin)}`;
    rows[3].textContent = this.#texts.duration(formatLength(span));
  }

  /** Puts the tooltip at (x, y) in the frame, or with its bottom at `above` if it overflows. */
  #placeTooltip(x, y, above) {
    const tooltip = this.#tooltip;
    tooltip.hidden = false;
    const frameWidth = this.#frameElement.clientWidth;
    const frameHeight = this.#frameElement.clientHeight;
    const { offsetWidth: width, offsetHeight: height } = tooltip;
    let left = x;
    if (left + width > frameWidth) left = Math.max(0, Math.min(x - width - 28, frameWidth - width));
    let top = y;
    if (top + height > frameHeight + 24 && above - height >= 0) top = above - height;
    tooltip.style.left = `${Math.round(left)}px`;
    tooltip.style.top = `${Math.round(top)}px`;
  }

  #showSelectionTooltip() {
    const selection = this.#selected;
    const box = selection && this.#spanBox(selection);
    if (!box || !this.#geometry) return this.#hideTooltip();
    const { scale } = this.#geometry;
    this.#fillTooltip(selection);
    const x = clamp(box.left, scale.left, scale.right - 4);
    this.#placeTooltip(x, box.top + LANE_HEIGHT + 2, box.top - 2);
    this.#tooltipFor = 'selection';
  }

  #hideTooltip() {
    this.#tooltip.hidden = true;
    this.#tooltipFor = null;
  }

  #announce(text) {
    this.#announcer.textContent = text;
  }
}

/** A count as the page's language writes it. */
const formatCount = (count) => count.toLocaleString(document.documentElement.lang || undefined);

if (!customElements.get('pg-timeline')) customElements.define('pg-timeline', PgTimeline);
