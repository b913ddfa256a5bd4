// The sweep's panel, for the pool examples: choose the largest rows, sweep, stop; then the
// chart, its numbers as a table, and what they say of where all workers start to beat one.
// The last sweep of each example stays until the next, and is re-written on a change of
// language from its numbers.

import { $, element } from '../dom.js';
import { threadsAvailable } from '../build.js';
import { crateSentence, formatNumber, t } from '../i18n.js';
import { readFields } from '../form.js';
import { MAX_WORKERS } from '../pool-client.js';
import { speedupChart } from './chart.js';
import { formatDuration, formatRatio, formatSpeedup } from './format.js';
import { poolMethodOf } from './summary.js';
import { Sweep, SWEEP_ROUNDS, planSweep } from './sweep.js';
import { SWEEP_ROWS, crossoverIndex, crossoverReading } from './sweep-math.js';

const rowsWritten = (rows) => formatNumber(rows);
const compactRows = (rows) => formatNumber(rows, { notation: 'compact' });
const workersWritten = (count) => (count === 1 ? t('oneWorker') : t('workers', { count: formatNumber(count) }));

/** The sentence that says why the crossover is where it is (sweep-math's reading). */
function explanation(reading) {
  if (!reading) return '';
  const written = (split) => ({
    rows: rowsWritten(split.rows), work: formatDuration(split.workMs), all: formatDuration(split.allMs),
    share: formatDuration(split.shareMs), saved: formatDuration(split.savedMs),
    handOff: formatDuration(split.handOffMs), perRow: formatNumber(split.perRowNs, { maximumSignificantDigits: 2 }),
  });
  const vars = { workers: formatNumber(reading.workers), ...written(reading.at) };
  const key = { crossover: 'sweepCrossover', fromTheStart: 'sweepFromTheStart', never: 'sweepNever' }[reading.kind];
  const before = reading.before && written(reading.before);
  let text = t(key, {
    ...vars, beforeRows: before?.rows, beforeSaved: before?.saved, beforeHandOff: before?.handOff,
  });
  if (reading.fellBackAt !== null) text += ` ${t('sweepFellBack', { rows: rowsWritten(reading.fellBackAt) })}`;
  return text;
}

export function setUpSweep(panel, { pageRunning }) {
  const results = new Map(); // example id → its last sweep
  let shown = null; // the example on screen
  let active = null; // {exampleId, sweep} while a sweep runs

  const heading = element('h2', { id: 'sweep-heading' });
  const hint = element('p', { className: 'hint' });
  const largestLabel = element('label', { htmlFor: 'sweep-largest' });
  const largest = element('select', { id: 'sweep-largest' },
    SWEEP_ROWS.slice(1).map((rows) => element('option', { value: String(rows) })));
  largest.value = String(SWEEP_ROWS.at(-1));
  const start = element('button', { type: 'button', id: 'sweep-start', className: 'primary' });
  const stop = element('button', { type: 'button', id: 'sweep-stop', disabled: true });
  const progress = element('progress', { id: 'sweep-progress', max: 1, value: 0, hidden: true });
  const status = element('p', { id: 'sweep-status', className: 'sweep-status', role: 'status' });
  const notes = element('div', { className: 'sweep-notes' });
  const figure = element('div', { className: 'sweep-result' });
  panel.replaceChildren(
    element('summary', {}, [heading]), hint,
    element('div', { className: 'sweep-controls' }, [
      element('span', { className: 'sweep-field' }, [largestLabel, largest]), start, stop,
    ]),
    element('div', { className: 'sweep-progress-row' }, [status, progress]), notes, figure,
  );
  panel.open = true;

  const busy = (running) => {
    start.disabled = running;
    stop.disabled = !running;
    largest.disabled = running;
    // A sweep and a run of the page would take the same cores from each other.
    if (!pageRunning()) $('run').disabled = running;
    if (running) stop.focus();
    else if (document.activeElement === stop || document.activeElement === document.body) start.focus();
  };

  function statusText(result) {
    const { outcome } = result;
    if (outcome.kind === 'starting') return t('sweepStarting', { workers: formatNumber(result.workers) });
    if (outcome.kind === 'running') {
      return t('sweepProgress', {
        rows: rowsWritten(outcome.rows), workers: workersWritten(outcome.workers),
        done: formatNumber(outcome.done + 1), total: formatNumber(outcome.total),
      });
    }
    if (outcome.kind === 'done') return t('sweepDone', { count: formatNumber(result.points.length) });
    if (outcome.kind === 'stopped') {
      return t(outcome.why ?? 'sweepStopped', { count: formatNumber(result.points.length), total: formatNumber(result.plan.length) });
    }
    return t('sweepFailed', { message: outcome.sentence ? crateSentence(outcome.sentence) : outcome.message });
  }

  function renderResult(result) {
    const method = poolMethodOf(result.exampleId);
    status.dataset.kind = result.outcome.kind;
    status.textContent = statusText(result);
    const running = ['starting', 'running'].includes(result.outcome.kind);
    progress.hidden = !running;
    if (running && result.outcome.total) progress.value = result.outcome.done / result.outcome.total;
    notes.replaceChildren(...[
      result.fewerRepeats && t('sweepFewerRepeats', {
        rows: rowsWritten(result.fewerRepeats.rows), reason: crateSentence(result.fewerRepeats.sentence),
      }),
      result.leftOut && t('sweepLeftOut', {
        rows: rowsWritten(result.leftOut.rows), reason: crateSentence(result.leftOut.sentence),
      }),
    ].filter(Boolean).map((text) => element('p', { className: 'hint', textContent: text })));
    const { points, workers } = result;
    if (!points.length) {
      figure.replaceChildren();
      return;
    }
    const crossover = crossoverIndex(points);
    const reading = crossoverReading(points, workers);
    const sizes = result.plan.map(({ rows }) => rows);
    const words = explanation(running ? null : reading);
    const chart = speedupChart({
      points, sizes, workers, crossover, id: 'sweep-chart',
      width: Math.max(280, Math.floor(panel.clientWidth - 32)),
      texts: {
        title: t('sweepChartTitle', { workers: formatNumber(workers), method }),
        description: words || t('sweepChartPartial'),
        xAxis: t('sweepXAxis'), yAxis: t('sweepYAxis'),
        ideal: t('sweepIdeal', { workers: formatNumber(workers) }),
        crossover: crossover >= 0 ? t('sweepCrossoverMark', { rows: compactRows(points[crossover].rows) }) : '',
        rows: compactRows, ratio: (ratio) => formatRatio(ratio).replace(/[.,]00×$/, '×'),
      },
    });
    const headings = [t('sweepColRows'), t('sweepColOne'), t('sweepColAll', { workers: formatNumber(workers) }),
      t('sweepColSpeedup')].map((text) => element('th', { scope: 'col', textContent: text }));
    const rows = points.map((point, index) => element('tr', { className: index === crossover ? 'at-crossover' : '' }, [
      element('th', { scope: 'row', textContent: rowsWritten(point.rows) }),
      element('td', { textContent: formatDuration(point.oneMs) }),
      element('td', { textContent: formatDuration(point.allMs) }),
      element('td', {}, [
        element('span', { textContent: formatSpeedup({ median: point.speedup, min: point.min, max: point.max }) }),
        ...(index === crossover ? [element('strong', { className: 'crossover-note', textContent: ` ${t('sweepCrossoverRow')}` })] : []),
      ]),
    ]));
    figure.replaceChildren(
      chart,
      ...(words ? [element('p', { className: 'sweep-explanation', textContent: words })] : []),
      element('div', { className: 'table-scroll' }, [element('table', { className: 'sweep-table' }, [
        element('caption', { textContent: t('sweepTableCaption', { rounds: formatNumber(SWEEP_ROUNDS) }) }),
        element('thead', {}, [element('tr', {}, headings)]),
        element('tbody', {}, rows),
      ])]),
    );
  }

  function render() {
    if (!shown) return;
    const method = poolMethodOf(shown.id);
    heading.textContent = t('sweepHeading');
    hint.textContent = t('sweepHint', {
      method, smallest: rowsWritten(SWEEP_ROWS[0]), workers: formatNumber(MAX_WORKERS), rounds: formatNumber(SWEEP_ROUNDS),
    });
    largestLabel.textContent = t('sweepLargest');
    for (const option of largest.options) option.textContent = rowsWritten(Number(option.value));
    start.textContent = t('sweepStart');
    stop.textContent = t('sweepStop');
    const result = results.get(shown.id);
    if (result) {
      renderResult(result);
    } else {
      status.dataset.kind = '';
      status.textContent = !threadsAvailable ? t('sweepNeedsThreads') : MAX_WORKERS < 2 ? t('sweepOneCore') : '';
      progress.hidden = true;
      notes.replaceChildren();
      figure.replaceChildren();
    }
    start.disabled = Boolean(active) || !threadsAvailable || MAX_WORKERS < 2;
  }

  /** Refuses with a reason next to the button, or sweeps the example shown. */
  async function sweep() {
    if (active || !shown) return;
    const example = shown;
    const refuse = (key) => {
      status.dataset.kind = 'error';
      status.textContent = t(key);
    };
    if (pageRunning()) return refuse('sweepPageRunning');
    const params = readFields(example);
    if (!params) return refuse('sweepFixParams');
    const method = poolMethodOf(example.id);
    const workers = MAX_WORKERS;
    const sizes = SWEEP_ROWS.filter((rows) => rows <= Number(largest.value));
    const sweep = new Sweep({ method, params, workers });
    active = { exampleId: example.id, sweep };
    const result = { exampleId: example.id, workers, plan: [], points: [], outcome: { kind: 'starting' } };
    results.set(example.id, result);
    const update = () => {
      if (shown?.id === result.exampleId) renderResult(result);
    };
    busy(true);
    update();
    try {
      const { plan, fewerRepeats, leftOut } = await planSweep(method, params, sizes, workers);
      Object.assign(result, {
        plan,
        fewerRepeats: fewerRepeats && { rows: fewerRepeats.rows, sentence: fewerRepeats.error.sentence },
        leftOut: leftOut && { rows: leftOut.rows, sentence: leftOut.error.sentence },
      });
      if (!plan.length) throw leftOut.error;
      await sweep.run(plan, {
        onProgress: (progressed) => {
          result.outcome = progressed.rows === null && progressed.done === 0
            ? { kind: 'starting' } : { kind: 'running', ...progressed };
          update();
        },
        onPoint: (points) => {
          result.points = [...points];
          update();
        },
      });
      result.outcome = sweep.stopped ? { kind: 'stopped', why: active.why } : { kind: 'done' };
    } catch (error) {
      result.points = error.points ?? result.points;
      result.outcome = { kind: 'error', message: error.message, sentence: error.sentence };
    } finally {
      active = null;
      busy(false);
      update();
    }
  }

  /** Stops the sweep, if any; `why` a message key for the status line. */
  function stopSweep(why) {
    if (!active) return;
    active.why = why;
    active.sweep.stop();
  }

  start.addEventListener('click', sweep);
  stop.addEventListener('click', () => stopSweep());
  // The chart is drawn at the width it has: drawn again when that changes.
  let width = 0;
  new ResizeObserver(() => {
    if (panel.clientWidth === width || !shown) return;
    width = panel.clientWidth;
    const result = results.get(shown.id);
    if (result?.points.length) renderResult(result);
  }).observe(panel);

  return {
    /** Another example on screen: the panel is for the pool examples only, and a sweep
     * does not outlive its example. */
    show(example) {
      if (active && active.exampleId !== example.id) stopSweep('sweepStoppedElsewhere');
      shown = poolMethodOf(example.id) ? example : null;
      panel.hidden = !shown;
      render();
    },
    /** A run of the page started (by its page, or by the page embedding it): it goes
     * first. */
    pageRunStarted: () => stopSweep('sweepStoppedForRun'),
    render,
  };
}
