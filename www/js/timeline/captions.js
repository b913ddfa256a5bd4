// The words around the timeline's canvas: the empty state and the keyboard help, the
// legend, the line that says which lanes are in view, the canvas's summary for screen
// readers, and what is announced when the keyboard moves the selection.

import { formatSummary } from './format.js';
import { STATES } from './lanes.js';
import { TIMELINE_TEXTS_EN } from './texts.js';

const LABEL_THROTTLE_MS = 500;

/** A count as the page's language writes it. */
const formatCount = (count) => count.toLocaleString(document.documentElement.lang || undefined);

export class Captions {
  #texts = TIMELINE_TEXTS_EN;
  #painter;
  #facts;
  #legendKey = '';
  #labelUpdatedAt = -Infinity;
  #labelTimer = 0;
  #canvas;
  #empty;
  #help;
  #more;
  #legend;
  #announcer;

  /** `root`: the element's shadow root; `painter`: the BarPainter, for the legend's
   * swatches; `facts()`: {lanes, spans, end, zoomed} as the summary should tell them, read
   * when it is written, which may be a little later. */
  constructor(root, painter, facts) {
    this.#painter = painter;
    this.#facts = facts;
    this.#canvas = root.querySelector('.plot');
    this.#empty = root.querySelector('.empty');
    this.#help = root.querySelector('#help');
    this.#more = root.querySelector('.more');
    this.#legend = root.querySelector('.legend');
    this.#announcer = root.querySelector('#announce');
    this.#showTexts();
  }

  /** The texts to say things with, all of TIMELINE_TEXTS_EN's entries given. */
  set texts(texts) {
    this.#texts = texts;
    this.#showTexts();
    this.#legendKey = null;
    this.#labelUpdatedAt = -Infinity;
  }

  #showTexts() {
    this.#empty.textContent = this.#texts.empty;
    this.#help.textContent = this.#texts.help;
  }

  /** Shows the empty state's sentence, or hides it. */
  set empty(empty) {
    this.#empty.hidden = !empty;
  }

  /** Redraws the legend's swatches when the colours or the pixel ratio have changed. */
  legend(colors) {
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

  /** When some lanes are out of view in `rows` (LaneRows), says which are in it, and which
   * of `lanes` (in display order) are pinned. */
  lanesInView({ firstLane, lastLane, scrolledCount }, lanes) {
    const hidden = scrolledCount - (lastLane - firstLane);
    this.#more.hidden = hidden <= 0;
    if (hidden <= 0) return;
    const pinned = lanes.slice(scrolledCount).map((lane) => lane.name).join(', ');
    const text = this.#texts.moreLanes({
      from: formatCount(firstLane + 1), to: formatCount(lastLane), total: formatCount(scrolledCount), pinned,
    });
    if (this.#more.textContent !== text) this.#more.textContent = text;
  }

  // Screen readers get a summary rather than a live count on every frame of a run.
  summarize() {
    const wait = this.#labelUpdatedAt + LABEL_THROTTLE_MS - performance.now();
    if (wait > 0) {
      this.#labelTimer ||= setTimeout(() => {
        this.#labelTimer = 0;
        this.summarize();
      }, wait);
      return;
    }
    this.#labelUpdatedAt = performance.now();
    const { lanes, spans, end, zoomed } = this.#facts();
    let summary = this.#texts.emptySummary;
    if (spans) {
      summary = this.#texts.summary({ lanes, spans, length: formatSummary(end) });
      if (zoomed) {
        summary += this.#texts.showing({ from: formatSummary(zoomed.start), to: formatSummary(zoomed.end) });
      }
    }
    if (this.#canvas.getAttribute('aria-label') !== summary) {
      this.#canvas.setAttribute('aria-label', summary);
    }
  }

  announce(text) {
    this.#announcer.textContent = text;
  }

  /** Drops a summary waiting to be written, as the element leaves the page. */
  stop() {
    clearTimeout(this.#labelTimer);
    this.#labelTimer = 0;
  }
}
