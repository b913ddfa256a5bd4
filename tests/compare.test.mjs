// End-to-end: this visit's runs side by side, and the pool examples' sweep of rows, driven
// as a learner would drive them, by mouse and by keyboard, in English and in Spanish. No
// test asserts a speed: the sweep's numbers are checked for what the page says of them
// (one point per size, speedups the ratio of the times shown, the crossover where the first
// speedup shown is above 1).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { servedPlayground } from './support/harness.mjs';

const served = servedPlayground();

async function open(address) {
  return (await served.open(address)).page;
}

/** Presses Run, waits for the run to end and for its row; returns the status text. */
async function runExample(page) {
  const rowsBefore = await page.$$eval('.runs-table tbody tr', (rows) => rows.length);
  await page.click('#run');
  await page.waitForFunction(
    () => ['done', 'error', 'stopped'].includes(document.getElementById('status').dataset.kind),
    null, { timeout: 60_000 });
  const status = await page.textContent('#status');
  assert.match(status, /^(Finished|Terminado)/, status);
  await page.waitForFunction((before) => document.querySelectorAll('.runs-table tbody tr').length > before, rowsBefore);
  return status;
}

/** The runs table as text: one object per row, newest first. */
const runRows = (page) => page.$$eval('.runs-table tbody tr', (rows) => rows.map((row) => {
  const cells = [...row.cells].map((cell) => cell.querySelector('.number, .none')?.textContent ?? cell.textContent);
  const bars = [...row.querySelectorAll('.bar .fill')].map((fill) => Number(fill.style.getPropertyValue('--value')));
  return { run: cells[0], example: cells[1], params: cells[2], time: cells[3], speedup: cells[4], bars };
}));

/** A number as the page writes it in English ("1,234.5"). */
const numberIn = (text) => Number(text.replaceAll(',', ''));

describe('the runs of this visit', () => {
  test('Count Async gathered and one after another, side by side with their own times', async () => {
    const page = await open('#count-async?speed=10');
    assert.equal((await page.textContent('#runs-heading')).trim(), 'Runs of this visit (0)');
    await runExample(page);
    await page.selectOption('#param-mode', 'sequential');
    await runExample(page);
    const [sequential, gathered] = await runRows(page);
    assert.deepEqual([sequential.run, gathered.run], ['#2', '#1'], 'newest first');
    assert.equal(sequential.example, '4. Count Async');
    assert.match(sequential.params, /Run the coroutines: one after another/);
    assert.match(gathered.params, /Run the coroutines: gathered/);
    // The program's own seconds: never less than its sleeps (three in a row, or at once).
    const own = (row) => Number(row.time.match(/^(\d+\.\d\d) s simulated, \d+\.\d\d s real at 10×$/)[1]);
    assert.ok(own(sequential) >= 3 && own(gathered) >= 1, `${sequential.time} / ${gathered.time}`);
    // And what the timeline shows of the last run: from its first step to its last.
    const extent = await page.$eval('#timeline', (timeline) =>
      Math.max(...timeline.spans.map((s) => s.end)) - Math.min(...timeline.spans.map((s) => s.start)));
    assert.equal(own(sequential), Number((extent / 1000).toFixed(2)));
    // The longer run's bar is full; the other is to scale.
    assert.equal(sequential.bars[0], 1);
    assert.ok(Math.abs(gathered.bars[0] - own(gathered) / own(sequential)) < 0.01, JSON.stringify(gathered.bars));
    assert.equal(await page.$$eval('.runs-table thead th', (cells) => cells.length), 4, 'no speedup column without a pool run');
  });

  test('pool.map on 1 and on 2 workers: each speedup as its run reported it; kept on reload; Clear empties', async () => {
    const page = await open('#pool-map?rows=200000&repeats=3&workers=1');
    const statuses = [await runExample(page)];
    await page.fill('#param-workers', '2');
    statuses.push(await runExample(page));
    const [two, one] = await runRows(page);
    assert.match(one.params, /Workers: 1/);
    assert.match(two.params, /Workers: 2/);
    for (const [row, status] of [[one, statuses[0]], [two, statuses[1]]]) {
      // The speedup, median (range), is the one the run's own report gave.
      // (Two decimals, or as many as a tiny ratio needs, as the crate writes it.)
      assert.match(row.speedup, /^\d+\.\d{2,}× \(\d+\.\d{2,}–\d+\.\d{2,}×\)$/);
      assert.ok(status.includes(`speedup ${row.speedup} on`), `${status} / ${row.speedup}`);
      // Its times are the run's medians, to three significant digits where the status
      // line writes two decimals.
      const shownTimes = row.time.match(/^pool ([\d.]+) ms · loop ([\d.]+) ms$/).slice(1).map(Number);
      const reported = status.match(/\(pool\.map ([\d.]+) ms, loop ([\d.]+) ms\)/).slice(1).map(Number);
      shownTimes.forEach((shown, i) => assert.ok(Math.abs(shown - reported[i]) <= 0.006 + 0.005 * shown, `${row.time} / ${status}`));
      assert.equal(row.bars.length, 2, 'a bar for the time and one for the speedup');
    }
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    assert.equal((await runRows(page)).length, 2, 'a reload of the tab keeps the visit’s runs');
    // By keyboard: the summary, then Clear.
    await page.focus('#runs-panel > summary');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'runs-clear');
    await page.keyboard.press('Enter');
    assert.equal((await runRows(page)).length, 0);
    assert.equal(await page.evaluate(() => document.activeElement.matches('#runs-panel > summary')), true,
      'the keyboard stays in the panel');
    assert.equal((await page.textContent('#runs-heading')).trim(), 'Runs of this visit (0)');
    assert.match(await page.textContent('#runs-panel [role="status"]'), /cleared/);
    assert.equal(await page.isDisabled('#runs-clear'), true);
  });

  test('in Spanish, and re-written when the language switches', async () => {
    const page = await open('?lang=es#count-async?speed=10&coroutines=2');
    await runExample(page);
    let [row] = await runRows(page);
    assert.equal((await page.textContent('#runs-heading')).trim(), 'Ejecuciones de esta visita (1)');
    assert.match(row.time, /^\d+,\d\d s simulados, \d+,\d\d s reales a 10×$/);
    assert.match(row.params, /Corrutinas: 2/);
    await page.selectOption('#language', 'en');
    [row] = await runRows(page);
    assert.equal((await page.textContent('#runs-heading')).trim(), 'Runs of this visit (1)');
    assert.match(row.time, /^\d+\.\d\d s simulated/);
    assert.match(row.params, /Coroutines: 2/);
  });

  test('fit a phone, in either language: nothing wider than the screen, no table to scroll sideways', async () => {
    for (const lang of ['en', 'es']) {
      const { page } = await served.open(`?lang=${lang}#pool-map?rows=100000&workers=1`, { viewport: { width: 360, height: 800 } });
      await runExample(page);
      await page.fill('#param-workers', '2');
      await runExample(page);
      await page.selectOption('#sweep-largest', '30000');
      await page.click('#sweep-start');
      await page.waitForFunction(() => document.querySelectorAll('.sweep-table tbody tr').length === 2
        && !document.getElementById('sweep-start').disabled, null, { timeout: 60_000 });
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        tables: [...document.querySelectorAll('.table-scroll')].map((box) => box.scrollWidth - box.clientWidth),
        chart: document.querySelector('.sweep-chart').getBoundingClientRect().right,
      }));
      assert.ok(widths.page <= 360, `${lang}: the page is ${widths.page} px wide`);
      assert.deepEqual(widths.tables, [0, 0], lang);
      assert.ok(widths.chart <= 360, `${lang}: the chart ends at ${widths.chart} px`);
    }
  });

  test('hidden in an embed', async () => {
    const page = await open('?embed#pool-map');
    assert.equal(await page.isHidden('#runs-panel'), true);
    assert.equal(await page.isHidden('#sweep-panel'), true);
  });
});

/** The sweep's table and chart, as the page shows them. */
const sweepShown = (page) => page.evaluate(() => ({
  rows: [...document.querySelectorAll('.sweep-table tbody tr')].map((row) => ({
    cells: [...row.cells].map((cell) => cell.textContent),
    crossover: row.classList.contains('at-crossover'),
  })),
  points: document.querySelectorAll('.sweep-chart .point').length,
  markedPoints: document.querySelectorAll('.sweep-chart .point.at-crossover').length,
  crossoverLine: document.querySelectorAll('.sweep-chart line.crossover').length,
  explanation: document.querySelector('.sweep-explanation')?.textContent ?? '',
  status: document.getElementById('sweep-status').textContent,
}));

describe('the sweep of rows', () => {
  test('one point per size, speedups the ratio of the times shown, the crossover where the first exceeds 1', async () => {
    const page = await open('#pool-map');
    assert.equal(await page.isVisible('#sweep-panel'), true);
    await page.selectOption('#sweep-largest', '300000');
    await page.click('#sweep-start');
    // While it sweeps, the page runs nothing else.
    await page.waitForFunction(() => document.getElementById('sweep-status').textContent.startsWith('Sweeping'));
    assert.equal(await page.isDisabled('#run'), true);
    await page.waitForFunction(() => document.getElementById('sweep-status').textContent.startsWith('Swept'),
      null, { timeout: 120_000 });
    assert.equal(await page.isDisabled('#run'), false);
    const shown = await sweepShown(page);
    assert.deepEqual(shown.rows.map((row) => numberIn(row.cells[0])), [10_000, 30_000, 100_000, 300_000]);
    assert.equal(shown.points, 4);
    const speedups = shown.rows.map(({ cells: [, one, all, speedup] }) => {
      const [oneMs, allMs] = [one, all].map((text) => numberIn(text.replace(' ms', '')));
      const [median, low, high] = speedup.match(/^([\d.]+)× \(([\d.]+)–([\d.]+)×\)/).slice(1).map(Number);
      // Times are shown to three significant digits: their ratio, to within that rounding.
      assert.ok(Math.abs(median - oneMs / allMs) <= 0.01 + 0.01 * median, `${speedup} vs ${one} / ${all}`);
      assert.ok(low <= median && median <= high, speedup);
      return median;
    });
    const first = speedups.findIndex((speedup) => speedup > 1);
    assert.deepEqual(shown.rows.map((row) => row.crossover), speedups.map((_, i) => i === first));
    assert.equal(shown.markedPoints, first === -1 ? 0 : 1);
    assert.equal(shown.crossoverLine, first === -1 ? 0 : 1);
    if (first === -1) assert.match(shown.explanation, /^Up to 300,000 rows 2 workers did not beat 1/);
    else if (first === 0) assert.match(shown.explanation, /beat 1 already at 10,000 rows/);
    else assert.match(shown.explanation, new RegExp(`beat 1 from ${shown.rows[first].cells[0]} rows on`));
    // The chart says what it shows, and its numbers are the table beside it.
    assert.match(await page.$eval('.sweep-chart', (chart) => chart.querySelector('title').textContent),
      /Speedup of 2 workers over 1 against rows, pool\.map/);
  });

  test('stops on request, by keyboard, keeping what it measured; pool.apply sweeps only what the crate accepts', async () => {
    const page = await open('#pool-apply');
    await page.selectOption('#sweep-largest', '300000');
    await page.focus('#sweep-largest');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'sweep-start');
    await page.keyboard.press('Enter');
    // pool.apply makes a call per row, and a run makes at most as many as the crate allows:
    // 100,000 rows with one repeat, 300,000 not at all; the crate's own words say so.
    await page.waitForFunction(() => document.querySelectorAll('.sweep-notes p').length === 2);
    const notes = await page.$$eval('.sweep-notes p', (nodes) => nodes.map((node) => node.textContent));
    assert.match(notes[0], /^From 100,000 rows on, each run times 1 repeat.*100,000/);
    assert.match(notes[1], /^From 300,000 rows on, left out.*100,000/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'sweep-stop', 'the keyboard goes on to Stop');
    await page.waitForFunction(() => /run [2-9] of 18/.test(document.getElementById('sweep-status').textContent),
      null, { timeout: 60_000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('sweep-status').textContent.startsWith('Stopped'));
    assert.match(await page.textContent('#sweep-status'), /^Stopped after [0-2] of 3 sizes\.$/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'sweep-start');
    assert.equal(await page.isDisabled('#run'), false);
    const shown = await sweepShown(page);
    assert.equal(shown.points, shown.rows.length);
  });

  test('refuses what it cannot do, with a reason beside its button', async () => {
    const page = await open('#pool-map?rows=-1');
    await page.click('#sweep-start');
    assert.match(await page.textContent('#sweep-status'), /^Fix the parameters above first/);
    assert.match(await page.textContent('#param-rows-error'), /Between 0 and 10,000,000/);
    await page.goto(new URL('#count-async', page.url()).href);
    await page.waitForFunction(() => document.querySelector('h1').textContent === 'Count Async');
    assert.equal(await page.isHidden('#sweep-panel'), true, 'a sweep is for the pool examples');
  });

  test('never runs beside a run of the page', async () => {
    // The longest run a link may ask for (about a second here): every step after Run must
    // land before it ends, and on a busy machine one click has taken most of a second.
    const page = await open('#pool-map?rows=10000000&repeats=25');
    await page.click('#run');
    await page.click('#sweep-start');
    assert.equal(await page.textContent('#sweep-status'), 'A run is in progress: sweep once it has ended.');
    assert.equal(await page.isEnabled('#sweep-start'), true);
    await page.click('#stop');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'stopped');
  });

  test('survives a pool that does not start, with a message, and sweeps once it can', async () => {
    let blocked = false;
    const opened = await served.open('#pool-map', {}, {
      prepare: (context) => context.route('**/js/pool-worker.js*', (route) => (blocked ? route.abort() : route.continue())),
    });
    const { page } = opened;
    // The page's own pool is up before the sweep asks for pools of its own.
    await page.waitForFunction(() => performance.getEntriesByName('playground:runnable').length > 0);
    blocked = true;
    opened.expectedErrors = /Failed to load resource|ERR_FAILED|Failed to fetch|dynamically imported module/;
    await page.selectOption('#sweep-largest', '30000');
    await page.click('#sweep-start');
    await page.waitForFunction(() => document.getElementById('sweep-status').dataset.kind === 'error');
    assert.equal(await page.textContent('#sweep-status'),
      'The sweep stopped: Could not download js/pool-worker.js, a part of the playground. Check the connection, then press Run to try again.');
    assert.equal(await page.isEnabled('#sweep-start'), true);
    assert.equal(await page.isEnabled('#run'), true);
    blocked = false;
    await page.click('#sweep-start');
    await page.waitForFunction(() => document.getElementById('sweep-status').textContent.startsWith('Swept'),
      null, { timeout: 60_000 });
  });

  test('in Spanish', async () => {
    const page = await open('?lang=es#pool-starmap');
    assert.equal(await page.textContent('#sweep-heading'), 'Barrido de filas: ¿cuándo compensa el paralelismo?');
    await page.selectOption('#sweep-largest', '30000');
    await page.click('#sweep-start');
    await page.waitForFunction(() => document.getElementById('sweep-status').textContent.startsWith('Barridos'),
      null, { timeout: 60_000 });
    const shown = await sweepShown(page);
    assert.deepEqual(shown.rows.map((row) => row.cells[0]), ['10.000', '30.000']);
    assert.match(shown.rows[0].cells[3], /^\d+,\d\d× \(\d+,\d\d–\d+,\d\d×\)/);
    assert.match(shown.explanation, /workers (ganan|no ganaron) a 1/);
  });
});
