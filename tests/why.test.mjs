// End-to-end: why it ran when. After a run of an event-loop example the replay steps
// through the scheduler's own record: the loop's state in words, the cause arrows, and
// the lines of the code at the cursor, by keyboard, in English and Spanish.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { servedPlayground } from './support/harness.mjs';

const served = servedPlayground();

async function ranExample(hash, contextOptions) {
  const { page } = await served.open(hash, contextOptions);
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done', null, { timeout: 60_000 });
  return page;
}

/** The scheduler's view as {moment, running, ready, timers, suspended}, each list its items. */
const schedulerView = (page) => page.evaluate(() => {
  const lists = [...document.querySelectorAll('#scheduler-state dd')]
    .map((dd) => [...dd.querySelectorAll('li')].map((li) => li.textContent));
  const [running = [], ready = [], timers = [], suspended = []] = lists;
  return { moment: document.getElementById('scheduler-moment').textContent, running, ready, timers, suspended };
});

/** Steps the replay forward by `step` (a key, or a click of Next) until the scheduler's
 * view satisfies `reached`, at most 40 times; returns the view. */
async function stepUntil(page, reached, step = () => page.keyboard.press('.')) {
  let view = await schedulerView(page);
  for (let count = 0; count < 40 && !reached(view); count++) {
    await step();
    view = await schedulerView(page);
  }
  return view;
}

describe('the event loop at the replay cursor', () => {
  test('Count Async: the ready queue holds the three new tasks, then three timers are pending', async () => {
    const page = await ranExample('#count-async?speed=10');
    assert.equal(await page.isVisible('#scheduler'), true);
    // Step from the start, by keyboard, to just after main's first step.
    await page.focus('#replay');
    await page.keyboard.press('Home');
    assert.match((await schedulerView(page)).moment, /^Before the first event/);
    // As asyncio's create_task, gather queues each task while main still runs.
    let view = await stepUntil(page, ({ ready }) => ready.length === 3);
    assert.deepEqual(view.ready, ['count() #1: new, its first step', 'count() #2: new, its first step',
      'count() #3: new, its first step']);
    assert.match(view.running[0], /^main, since /);
    view = await stepUntil(page, ({ running }) => running.length === 0);
    assert.deepEqual(view.suspended, ['main: awaiting asyncio.gather()']);
    assert.equal(view.ready.length, 3);
    // Then each is stepped in turn, from the front of the queue, sets its timer and waits.
    view = await stepUntil(page, ({ suspended }) => suspended.length === 4, () => page.click('#replay-next'));
    assert.equal(view.timers.length, 3);
    assert.ok(view.timers.every((timer) => /^count\(\) #\d: due at 1\.\d\d\d s$/.test(timer)), view.timers.join());
    assert.deepEqual(view.ready, []);
    // The Rust and the Python line each sleeping count() waits at.
    const rust = await page.textContent('#rust-code-cursor');
    const python = await page.textContent('#python-code-cursor');
    assert.match(rust, /line \d+ holds 3 suspended/);
    assert.match(python, /line 8 holds 3 suspended/, 'await asyncio.sleep(1) in countasync.py');
    const marked = await page.$$eval('#python-code .line-mark', (marks) => marks.length);
    assert.ok(marked >= 1);
    // A timer that fires leaves the pending timers as its task joins the ready queue.
    const woken = await stepUntil(page, ({ ready }) => ready.length === 1);
    assert.match(woken.ready[0], /^count\(\) #1: its timer fired$/);
    assert.equal(woken.timers.length, 2);
    // "," steps back.
    const before = (await schedulerView(page)).moment;
    await page.keyboard.press(',');
    assert.notEqual((await schedulerView(page)).moment, before);
  });

  test('Chained: a chain awaits its part, which awaits its sleep, and the timeline draws the causes', async () => {
    const page = await ranExample('#chained?chains=1&speed=10');
    const flows = await page.$eval('#timeline', (timeline) => timeline.flows.map((flow) => flow.flow));
    assert.deepEqual(flows, ['spawn', 'call', 'timer', 'return', 'call', 'timer', 'return', 'return']);
    await page.focus('#replay');
    await page.keyboard.press('Home');
    const view = await stepUntil(page, ({ suspended }) => suspended.some((entry) => entry.startsWith('chain(1)')));
    assert.ok(view.suspended.some((entry) => /^chain\(1\): awaiting part1\(1\) › part1\(1\): sleep \d+ s$/.test(entry)),
      view.suspended.join(' | '));
    // The event loop's lane is the loop's own steps, named by their tasks.
    const loopLabels = await page.$eval('#timeline', (timeline) => timeline.spans
      .filter((span) => span.lane === 'event loop').map((span) => span.label));
    assert.ok(loopLabels.includes('a step of chain(1)'), loopLabels.join());
  });

  test('one after another: the Python pane turns to countsync.py, where main calls count()', async () => {
    const page = await ranExample('#count-async?mode=sequential&coroutines=2&speed=10');
    await page.focus('#replay');
    await page.keyboard.press('Home');
    await stepUntil(page, ({ suspended }) => suspended.length === 1);
    await page.waitForFunction(() => document.querySelector('#python-tabs [aria-selected="true"]')?.textContent === 'countsync.py');
    await page.waitForFunction(() => /line 13 holds 1 suspended/.test(document.getElementById('python-code-cursor').textContent));
  });

  test('a switch of language rewrites the loop\'s lane, the moment and the code captions', async () => {
    const page = await ranExample('#count-async?coroutines=2&speed=10');
    await page.focus('#replay');
    await page.keyboard.press('Home');
    await stepUntil(page, ({ suspended }) => suspended.length === 3);
    await page.selectOption('#language', 'es');
    const loopLabels = await page.$eval('#timeline', (timeline) => timeline.spans
      .filter((span) => span.lane === 'event loop').map((span) => span.label));
    assert.ok(loopLabels.includes('un paso de main'), loopLabels.join());
    assert.match((await schedulerView(page)).moment, /^A los /);
    assert.match(await page.textContent('#rust-code-cursor'), /^En el cursor de la repetición/);
  });

  test('a span selected by keyboard says the arrows that start or end on it', async () => {
    const page = await ranExample('#count-async?coroutines=2&speed=10');
    await page.focus('#timeline');
    await page.keyboard.press('ArrowRight');
    const selected = await page.$eval('#timeline', (timeline) => timeline.selectedSpan.lane);
    const said = await page.$eval('#timeline', (timeline) => timeline.shadowRoot.getElementById('announce').textContent);
    assert.match(said, new RegExp(`^${selected.replace(/[()]/g, '\\$&')}: .*; arrows: .*(started|called|timer|result)`), said);
  });

  test('plays to the end, and the same in Spanish', async () => {
    const page = await ranExample('#rand?speed=10', { locale: 'es-ES' });
    await page.focus('#replay');
    await page.keyboard.press('Home');
    await page.selectOption('#replay-speed', '10');
    await page.click('#replay-play');
    assert.equal(await page.textContent('#replay-play'), 'Pausa', 'the button says what it will do');
    assert.equal(await page.getAttribute('#scheduler-moment', 'aria-live'), 'off', 'not read out at every frame');
    await page.waitForFunction(() => document.getElementById('replay-play').dataset.playing === 'false',
      null, { timeout: 30_000 });
    assert.equal(await page.textContent('#replay-play'), 'Reproducir');
    assert.equal(await page.getAttribute('#scheduler-moment', 'aria-live'), 'polite');
    const view = await schedulerView(page);
    assert.match(view.moment, /^A los .*, evento (\d+) de \1: main retorna: ha terminado\.$/);
    assert.equal(await page.textContent('#replay-next'), 'Evento siguiente');
    assert.equal(await page.isDisabled('#replay-next'), true, 'nothing after the last event');
  });

  test('Coroutines: the generator waits at its yield for the next send', async () => {
    const page = await ranExample('#coroutines?speed=10');
    await page.focus('#replay');
    await page.keyboard.press('Home');
    const view = await stepUntil(page, ({ suspended }) => suspended.some((entry) => entry.startsWith('print_name')));
    assert.ok(view.suspended.includes("print_name('Dear'): at its yield, awaiting the next send()"), view.suspended.join(' | '));
    assert.match(await page.textContent('#python-code-cursor'), /line 8 holds/, 'name = (yield)');
  });

  test('worker examples step through their spans, without a scheduler', async () => {
    const page = await ranExample('#pool-map?rows=20000');
    assert.equal(await page.isHidden('#scheduler'), true);
    await page.focus('#replay');
    await page.keyboard.press('Home');
    const start = await page.textContent('#replay-time');
    await page.click('#replay-next');
    await page.click('#replay-next');
    assert.notEqual(await page.textContent('#replay-time'), start);
  });
});
