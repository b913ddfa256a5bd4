// The output panel: lines written in batches as a run prints them, each with its time and
// lane, and after a run greyed out past the replay cursor.

import { $, element } from './dom.js';
import { crateSentence, formatNumber, formatSeconds, t } from './i18n.js';

/** The DOM keeps the most recent lines only: examples share the page's event loop with the
 * output, and laying out 20,000 lines would delay their timers, distorting what they show. */
const MAX_LINES_SHOWN = 1000;
/** Ten updates a second read as live, and leave the event loop to the example. */
const FLUSH_INTERVAL_MS = 100;

/** Collects output lines and writes them in batches; `laneColors` colours their text. Once
 * `shown()` is false, the page belongs to another run and nothing more is written. */
export function outputWriter(origin, laneColors = {}, shown = () => true) {
  const output = $('output');
  const pending = [];
  const recent = []; // the lines shown, as data, for the embedding page's API
  let written = 0;
  let scheduled = false;
  const textOf = (line) => {
    const text = element('span', { className: 'text', textContent: line.text });
    if (laneColors[line.lane]) text.style.color = laneColors[line.lane];
    return text;
  };
  const flush = () => {
    scheduled = false;
    if (!pending.length || !shown()) return;
    const atBottom = output.scrollTop + output.clientHeight >= output.scrollHeight - 4;
    const fragment = document.createDocumentFragment();
    for (const line of pending.splice(0).slice(-MAX_LINES_SHOWN)) {
      fragment.append(element('div', { className: 'line', dataset: { at: line.at, lane: line.lane } }, [
        element('span', { className: 'at', textContent: formatSeconds(line.at - origin, 3) }),
        element('span', { className: 'lane', textContent: line.lane }),
        textOf(line),
      ]));
    }
    output.append(fragment);
    const lines = output.querySelectorAll(':scope > .line');
    for (let i = 0; i < lines.length - MAX_LINES_SHOWN; i++) lines[i].remove();
    let elided = output.querySelector(':scope > .elided');
    const hidden = written - Math.min(written, MAX_LINES_SHOWN);
    if (hidden > 0) {
      elided ??= output.insertBefore(element('p', { className: 'elided' }), output.firstChild);
      elided.textContent = t('earlierLines', { count: formatNumber(hidden) });
    }
    if (atBottom) output.scrollTop = output.scrollHeight;
  };
  return {
    /** `line` as the crate reports it; a sentence of the crate's own is written in the
     * page's language, what a program prints as printed. */
    write(reported) {
      const line = reported.message ? { ...reported, text: crateSentence(reported.message) } : reported;
      pending.push(line);
      recent.push(line);
      if (recent.length > MAX_LINES_SHOWN) recent.shift();
      written++;
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, FLUSH_INTERVAL_MS);
      }
    },
    flush,
    /** The last lines written (at most MAX_LINES_SHOWN), and how many there were in all. */
    get lines() {
      return { recent: [...recent], total: written };
    },
  };
}

/** The output as it was at `at` (epoch ms) of the run shown: what had not been printed yet
 * is greyed out. Returns the time of the last line shown, for the replay's end. */
export function replayOutput() {
  const lines = [...$('output').querySelectorAll('.line')];
  return {
    lastAt: Math.max(-Infinity, ...lines.map((line) => Number(line.dataset.at))),
    showAt(at) {
      let lastShown = null;
      for (const line of lines) {
        const future = Number(line.dataset.at) > at;
        line.classList.toggle('future', future);
        if (!future) lastShown = line;
      }
      // The box follows the cursor: its last line printed by then stays in view.
      const box = $('output');
      const target = lastShown ?? lines[0];
      if (target && (target.offsetTop < box.scrollTop || target.offsetTop + target.offsetHeight > box.scrollTop + box.clientHeight)) {
        box.scrollTop = Math.max(0, target.offsetTop - box.clientHeight / 2);
      }
    },
  };
}
