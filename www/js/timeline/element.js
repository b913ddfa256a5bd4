// <pg-timeline>: a trace drawn as a timeline, one lane per task, coroutine, thread or
// worker, in the manner of DevTools' performance panel and Perfetto.
//
// Spans are {lane, state: 'running' | 'sleeping' | 'waiting', start, end, label}, times
// in epoch milliseconds. Everything is drawn on one canvas, so that 100,000 spans cost
// no DOM: the lane index (lanes.js) finds the spans in view by binary search, the painter
// (painter.js) merges those that share pixels and paints each state with a single path.
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
//
// This element keeps the state and answers the events; the folder's other modules do the
// rest: lanes.js (the spans, lane by lane), viewport.js (which times are in view),
// scale.js (times to pixels), layout.js (where the rows go, what is under the pointer),
// frame.js and painter.js (drawing the canvas), captions.js and tooltip.js (the words
// around it), colors.js, template.js (the shadow DOM), texts.js, format.js and fit.js.

import { Captions } from './captions.js';
import { ColorProbes } from './colors.js';
import { drawFrame, nameWidth } from './frame.js';
import { LaneIndex, toSpan } from './lanes.js';
import {
  AXIS_HEIGHT, LANE_HEIGHT, LaneRows, columns, hitTest, scrollTopShowing, spanBox,
} from './layout.js';
import { BarPainter } from './painter.js';
import { TimeScale } from './scale.js';
import { STYLE, TEMPLATE } from './template.js';
import { TIMELINE_TEXTS_EN } from './texts.js';
import { Tooltip, describeSpan, tooltipLines } from './tooltip.js';
import { Viewport } from './viewport.js';

const clamp = (value, low, high) => Math.min(Math.max(value, low), high);

export class PgTimeline extends HTMLElement {
  #index = new LaneIndex();
  #all = []; // every span, in the order added
  #flows = []; // every cause arrow, in the order added
  #viewport = new Viewport();
  #widestName = 0;
  #selected = null; // {lane, span}
  #pointer = null; // {id, x, view, dragging}
  #frame = 0;
  #geometry = null; // what the last frame drew: hit tests use it, so they match the screen
  #painter = new BarPainter();
  #resizeObserver = null;
  #listeners = null;
  #texts = TIMELINE_TEXTS_EN;
  // Shadow DOM parts, found once, and the helpers that look after some of them.
  #canvas;
  #scroller;
  #sizer;
  #frameElement;
  #tooltip;
  #colors;
  #captions;

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
    this.#tooltip = new Tooltip(root.querySelector('.tooltip'), this.#frameElement);
    this.#colors = new ColorProbes(root.querySelector('.probes'));
    this.#captions = new Captions(root, this.#painter, () => ({
      lanes: this.#index.lanes.length, spans: this.#all.length,
      end: this.#viewport.end, zoomed: this.#viewport.zoomed,
    }));
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
    on(canvas, 'blur', () => this.#tooltip.hide());
    on(this.#scroller, 'scroll', () => this.#schedule());
    on(matchMedia('(prefers-color-scheme: dark)'), 'change', () => this.#schedule());
    this.#resizeObserver = new ResizeObserver(() => this.#schedule());
    this.#resizeObserver.observe(this.#scroller);
    this.#schedule();
  }

  disconnectedCallback() {
    this.#listeners?.abort();
    this.#listeners = null;
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#captions.stop();
  }

  // --- Properties and methods ---------------------------------------------------------

  /** What the element says (see TIMELINE_TEXTS_EN); missing entries stay English. */
  set texts(value) {
    this.#texts = { ...TIMELINE_TEXTS_EN, ...value };
    this.#captions.texts = this.#texts;
    this.#schedule();
  }

  /** Time zero of the axis, in epoch ms; when null, the earliest span's start. */
  get origin() {
    return this.#viewport.origin;
  }

  set origin(value) {
    this.#viewport.origin = value;
    this.#schedule();
  }

  /** The live run's current time (epoch ms), drawn as a cursor; null hides it. */
  get now() {
    return this.#viewport.now;
  }

  set now(value) {
    this.#viewport.now = value;
    this.#schedule();
  }

  /** Colours that tell lanes apart, as {lane: any CSS colour, var() included}. Spans keep
   * the colours of their states; a lane's colour marks its name. */
  set laneColors(value) {
    this.#colors.lanes = value;
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

  /** A copy of every cause arrow, in the order added. */
  get flows() {
    return this.#flows.slice();
  }

  /** The selected span, or null. */
  get selectedSpan() {
    return this.#selected?.span ?? null;
  }

  /** The visible time range, in ms since origin. */
  get visibleRange() {
    return this.#viewport.range;
  }

  clear() {
    this.#index.clear();
    this.#all = [];
    this.#flows = [];
    this.#viewport.clear();
    this.#widestName = 0;
    this.#selected = null;
    this.#pointer = null;
    this.#tooltip.hide();
    this.#captions.announce('');
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

  /** Writes every span's label again, as `labelOf(span)` says (undefined: unchanged): the
   * page's language changed. */
  relabel(labelOf) {
    for (const span of this.#all) {
      const label = labelOf(span);
      if (label !== undefined) span.label = String(label);
    }
    if (this.#selected) this.#select(this.#selected, { scrollIntoView: false });
    this.#schedule();
  }

  /** A cause arrow, `{flow, fromLane, from, toLane, to}` (times in epoch ms), drawn
   * between its lanes once both have spans. */
  addFlow(flow) {
    this.#flows.push(flow);
    this.#schedule();
  }

  /** Zooms by `factor` (> 1 zooms in), keeping the time `atMs` (since origin) in place. */
  zoom(factor, atMs) {
    this.#viewport.zoom(factor, atMs);
    this.#schedule();
  }

  /** Pans by a fraction of the visible range; negative goes towards earlier times. */
  pan(fraction) {
    this.#viewport.pan(fraction);
    this.#schedule();
  }

  /** Back to the whole trace, following the "now" cursor while a run is live. */
  resetZoom() {
    this.#viewport.reset();
    this.#schedule();
  }

  /** Draws synchronously, for tests and benchmarks; otherwise drawing waits for a frame. */
  renderNow() {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#draw();
  }

  /** Draws again, e.g. after the page changed its colour scheme. */
  redraw() {
    this.#schedule();
  }

  /** The lanes in view as drawn, at the screen's resolution, as a PNG blob. */
  toPng() {
    return new Promise((resolve, reject) => this.#canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The timeline has nothing to draw.'))), 'image/png'));
  }

  #add(input) {
    const span = toSpan(input);
    if (!span) return;
    let lane = this.#index.get(span.lane);
    if (!lane) {
      lane = this.#index.add(span.lane);
      this.#widestName = Math.max(this.#widestName, nameWidth(span.lane));
    }
    lane.push(span);
    this.#all.push(span);
    this.#viewport.include(span);
  }

  // --- Drawing ------------------------------------------------------------------------

  #schedule() {
    if (this.#frame || !this.isConnected) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#draw();
    });
  }

  #draw() {
    const hasContent = this.#all.length > 0 || this.#viewport.now !== null;
    this.#captions.empty = !hasContent;
    this.#frameElement.hidden = !hasContent;
    const colors = this.#colors.read();
    this.#captions.legend(colors);
    if (!hasContent) {
      this.#geometry = null;
      this.#captions.summarize();
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
    const viewport = this.#viewport;
    const scale = new TimeScale(viewport.range, plotLeft, plotWidth, viewport.originOrZero);
    rows.scrollTo(this.#scroller.scrollTop);
    const geometry = { width, height, ratio, labelWidth, scale, rows };
    this.#geometry = geometry;
    drawFrame(canvas.getContext('2d'), geometry, {
      colors,
      lanes: this.#index.lanes,
      painter: this.#painter,
      selectionBox: this.#selected && this.#spanBox(this.#selected, geometry),
      laneColor: (name) => this.#colors.lane(name),
      now: viewport.now,
      flows: this.#flows,
      rowOf: (name) => this.#index.indexOfName(name),
    });
    this.#captions.lanesInView(rows, this.#index.lanes);
    if (this.#tooltip.reason === 'selection') this.#showSelectionTooltip();
    this.#captions.summarize();
  }

  // --- Hit testing --------------------------------------------------------------------

  /** Where `{lane, span}` was drawn in the last frame, in canvas CSS pixels. */
  #spanBox({ lane, span }, geometry = this.#geometry) {
    if (!geometry) return null;
    const index = this.#index.lanes.indexOf(lane);
    return index < 0 ? null : spanBox(geometry, index, span);
  }

  /** What is under the pointer, in the last frame drawn (see hitTest). */
  #hitTest(x, y) {
    return this.#geometry ? hitTest(this.#geometry, this.#index.lanes, x, y) : null;
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
      this.#tooltip.hide();
      // The view as the drag began, moved as far as the pointer has.
      const plotWidth = this.#geometry?.scale.width || 1;
      this.#viewport.show(new TimeScale(pointer.view, 0, plotWidth).panned(pointer.x - event.offsetX));
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
    else this.#tooltip.hide();
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
      if (this.#tooltip.reason === 'hover') this.#tooltip.hide();
      return;
    }
    const frameBox = this.#frameElement.getBoundingClientRect();
    this.#tooltip.show('hover', tooltipLines(this.#texts, hit, this.#viewport.originOrZero),
      event.clientX - frameBox.left + 14, event.clientY - frameBox.top + 16, event.clientY - frameBox.top - 8);
  }

  // --- Keyboard and selection ---------------------------------------------------------

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
    return span ? (span.start + span.end) / 2 - this.#viewport.originOrZero : undefined;
  }

  #moveSelection(key) {
    const current = this.#selected;
    if (!current) {
      const viewStart = this.#viewport.originOrZero + this.visibleRange.start;
      this.#select(this.#index.firstSpanFrom(this.#geometry ? this.#geometry.rows.firstLane : 0, viewStart));
      return;
    }
    const next = this.#index.neighbour(current.lane, current.span, key);
    if (next) {
      if (next.span) this.#select(next);
    } else if (key === 'ArrowLeft' || key === 'ArrowRight') {
      this.#captions.announce(this.#texts.edgeSpan({ last: key === 'ArrowRight', lane: current.lane.name }));
    } else {
      this.#captions.announce(this.#texts.edgeLane({ last: key === 'ArrowDown' }));
    }
  }

  #select(selection, { scrollIntoView = true } = {}) {
    this.#selected = selection;
    if (!selection) {
      if (this.#tooltip.reason === 'selection') this.#tooltip.hide();
      this.#schedule();
      return;
    }
    if (scrollIntoView) this.#bringIntoView(selection);
    this.#captions.announce(describeSpan(this.#texts, selection.span, this.#viewport.originOrZero, this.#flows));
    // Drawing now, so that the tooltip is placed against the frame the learner will see.
    this.renderNow();
    if (scrollIntoView) this.#showSelectionTooltip();
  }

  #bringIntoView({ lane, span }) {
    const lanes = this.#index.lanes;
    const index = lanes.indexOf(lane);
    // A pinned lane is always in view.
    if (index < lanes.length - this.#index.pinnedCount) {
      const visible = (this.#geometry?.rows.pinnedTop ?? this.#scroller.clientHeight) - AXIS_HEIGHT;
      const scrollTop = scrollTopShowing(index, this.#scroller.scrollTop, visible);
      if (scrollTop !== this.#scroller.scrollTop) this.#scroller.scrollTop = scrollTop;
    }
    this.#viewport.reveal(span);
  }

  #showSelectionTooltip() {
    const selection = this.#selected;
    const box = selection && this.#spanBox(selection);
    if (!box || !this.#geometry) return this.#tooltip.hide();
    const { scale } = this.#geometry;
    const x = clamp(box.left, scale.left, scale.right - 4);
    this.#tooltip.show('selection', tooltipLines(this.#texts, selection, this.#viewport.originOrZero),
      x, box.top + LANE_HEIGHT + 2, box.top - 2);
  }
}

if (!customElements.get('pg-timeline')) customElements.define('pg-timeline', PgTimeline);
