// The shadow DOM of <pg-timeline>: its style sheet, shared by every instance, and its
// markup. The hidden "probes" are painted in the theme's colours, so that the canvas can
// read them as the style engine resolves them (colors.js).

import { FONT } from './frame.js';
import { BAR, SWATCH_WIDTH } from './painter.js';

export const STYLE = new CSSStyleSheet();
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

export const TEMPLATE = document.createElement('template');
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
