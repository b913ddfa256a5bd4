// The runs of this visit, side by side: one row per finished run, newest first, with what
// set it apart, its time and, for a pool example, its speedup, each with a bar beside the
// number. Kept in sessionStorage: a reload of the tab (the learner's, or the one that
// makes the page cross-origin isolated on a first visit) keeps the comparison going, and
// closing the tab ends it, as a visit ends.

import { element } from '../dom.js';
import { describeElapsed, exampleById, EXAMPLES } from '../examples.js';
import { crateSentence, exampleTexts, formatNumber, t } from '../i18n.js';
import { MAX_WORKERS } from '../pool-client.js';
import { distinguishingParams, isRow, summarizeRun } from './summary.js';
import { formatDuration } from './format.js';

/** The most runs kept: enough for a few comparisons of each example, few enough for a
 * table one can read. The oldest go first. */
export const MAX_KEPT_RUNS = 20;
const STORAGE_KEY = 'playground:runs';

function load() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    const ids = EXAMPLES.map((example) => example.id);
    const rows = Array.isArray(stored?.rows) ? stored.rows.filter((row) => isRow(row, ids)) : [];
    const next = Number.isInteger(stored?.next) ? stored.next : 1;
    return { rows: rows.slice(-MAX_KEPT_RUNS), next: Math.max(next, ...rows.map((row) => row.sequence + 1)) };
  } catch {
    // Storage refused (a sandboxed frame) or unreadable: this page's runs only.
    return { rows: [], next: 1 };
  }
}

function save(state) {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // As in load: the runs last as long as the page.
  }
}

/** "Label: value" for each parameter that sets the run apart, in the page's language. */
function paramsText(example, row, rows) {
  const others = rows.filter((other) => other !== row && other.exampleId === row.exampleId)
    .map((other) => other.params);
  const texts = exampleTexts(example);
  const shown = distinguishingParams(example, row.params, others).map(({ name, value }) => {
    const param = example.params.find((p) => p.name === name);
    const written = param.type === 'choice' ? texts.choiceLabel(name, String(value))
      : param.type === 'number' ? formatNumber(value) : String(value);
    return `${texts.paramLabel(name)}: ${written}`;
  });
  return shown.length ? shown.join(' · ') : t('runsDefaults');
}

/** The time a row is measured by, in ms: the program's own (event loop), the pool call's
 * median (pools), or the run's. */
const timeOf = (row) => row.programMs ?? row.pool?.poolMs ?? row.realMs;

function timeText(row) {
  if (row.pool) return t('runsPoolTime', { pool: formatDuration(row.pool.poolMs), loop: formatDuration(row.pool.loopMs) });
  if (row.programMs === null) return formatDuration(row.realMs);
  return describeElapsed(row.programMs, row.realMs, row.speed);
}

/** A bar as wide as `fraction` of its cell; `range` [from, to] a whisker; `mark` a tick. */
function bar(fraction, { range, mark } = {}) {
  const fill = element('span', { className: 'fill' });
  fill.style.setProperty('--value', String(Math.min(1, fraction)));
  const parts = [fill];
  if (range) {
    const whisker = element('span', { className: 'range' });
    whisker.style.setProperty('--from', String(Math.min(1, range[0])));
    whisker.style.setProperty('--to', String(Math.min(1, range[1])));
    parts.push(whisker);
  }
  if (mark !== undefined) {
    const tick = element('span', { className: 'mark' });
    tick.style.setProperty('--value', String(Math.min(1, mark)));
    parts.push(tick);
  }
  // A picture of the number beside it, which is the text.
  return element('span', { className: 'bar', ariaHidden: 'true' }, parts);
}

function rowElement(row, rows, scales) {
  const example = exampleById(row.exampleId);
  const cells = [
    element('td', { textContent: `#${row.sequence}` }),
    element('td', { textContent: `${example.number}. ${exampleTexts(example).title}` }),
    element('td', { className: 'params-cell', textContent: paramsText(example, row, rows) }),
    element('td', {}, [
      element('span', { className: 'number', textContent: timeText(row) }),
      bar(timeOf(row) / scales.time.get(row.exampleId)),
    ]),
  ];
  if (!scales.speedup) return element('tr', { dataset: { example: row.exampleId } }, cells);
  const { speedup } = row.pool ?? {};
  cells.push(element('td', {}, speedup ? [
    element('span', { className: 'number', textContent: crateSentence(speedup.sentence) }),
    bar(speedup.median / scales.speedup, {
      range: [speedup.min / scales.speedup, speedup.max / scales.speedup], mark: 1 / scales.speedup,
    }),
  ] : [element('span', { className: 'none', textContent: row.pool ? t('runsTooQuick') : '—' })]));
  return element('tr', { dataset: { example: row.exampleId } }, cells);
}

export function setUpRuns(panel) {
  let state = load();
  const summary = element('summary', {}, [element('h2', { id: 'runs-heading' })]);
  const hint = element('p', { className: 'hint' });
  const clear = element('button', { type: 'button', id: 'runs-clear' });
  const announce = element('p', { className: 'visually-hidden', role: 'status' });
  const body = element('div', { className: 'runs-body' });
  panel.replaceChildren(summary, element('div', { className: 'runs-bar' }, [hint, clear]), announce, body);
  panel.open = true;

  clear.addEventListener('click', () => {
    state = { rows: [], next: state.next };
    save(state);
    render();
    announce.textContent = t('runsCleared');
    // Clear disables itself, which would drop the keyboard's place to the page's start.
    summary.focus();
  });

  function render() {
    const { rows } = state;
    summary.firstChild.textContent = t('runsHeading', { count: formatNumber(rows.length) });
    hint.textContent = rows.length ? t('runsHint', { max: formatNumber(MAX_KEPT_RUNS) }) : t('runsEmpty');
    clear.textContent = t('runsClear');
    clear.disabled = rows.length === 0;
    if (!rows.length) {
      body.replaceChildren();
      return;
    }
    // Bars compare a run with the other runs of its example, each a scale of its own: a
    // 3-second count and a 7-millisecond pool.map share nothing to compare.
    const time = new Map();
    for (const row of rows) time.set(row.exampleId, Math.max(time.get(row.exampleId) ?? 0, timeOf(row)));
    const speedups = rows.flatMap((row) => (row.pool?.speedup ? [row.pool.speedup.max] : []));
    // A column of speedups only beside a pool run.
    const anyPool = rows.some((row) => row.pool);
    const scales = { time, speedup: anyPool && Math.max(MAX_WORKERS, ...speedups) };
    const labels = ['runsColRun', 'runsColExample', 'runsColParams', 'runsColTime',
      ...(anyPool ? ['runsColSpeedup'] : [])].map((key) => t(key));
    const headings = labels.map((label) => element('th', { scope: 'col', textContent: label }));
    body.replaceChildren(element('div', { className: 'table-scroll' }, [element('table', { className: 'runs-table' }, [
      element('caption', { className: 'visually-hidden', textContent: t('runsCaption') }),
      element('thead', {}, [element('tr', {}, headings)]),
      element('tbody', {}, [...rows].reverse().map((row) => rowElement(row, rows, scales))),
    ])]));
    // On a narrow screen each row stands as a card, each cell named by its column.
    for (const tr of body.querySelectorAll('tbody tr')) {
      [...tr.cells].forEach((cell, index) => { cell.dataset.label = labels[index]; });
    }
  }

  /** Keeps a finished run (a 'run-ended' event whose status is done). */
  function add(ended) {
    const row = summarizeRun(ended, state.next);
    state = { rows: [...state.rows, row].slice(-MAX_KEPT_RUNS), next: state.next + 1 };
    save(state);
    render();
  }

  render();
  return { add, render };
}
