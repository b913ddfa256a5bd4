// End-to-end: "Be the event loop" (www/js/loop-by-hand.js): the learner picks which ready
// task runs next, and the output follows their order. Fails on any page error.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { servedPlayground } from './support/harness.mjs';

const served = servedPlayground();

async function open(hash, contextOptions = {}) {
  return (await served.open(hash, contextOptions)).page;
}

const readyNames = (page) => page.$$eval('#by-hand-ready .by-hand-task', (buttons) => buttons.map((b) => b.textContent));
const outputLines = (page) => page.$$eval('#output .line', (lines) => lines.map((line) => ({
  lane: line.querySelector('.lane').textContent, text: line.querySelector('.text').textContent,
})));

/** Waits until the page has taken the `count`th choice (each is logged). */
async function choicesLogged(page, count) {
  await page.waitForFunction((count) => document.querySelectorAll('#by-hand-choices li').length === count, count);
}

/** Picks by key (1 = first in the queue) until the program finishes; `place(count)` says
 * which place to pick when `count` tasks are ready. Returns the names picked. */
async function pickUntilFinished(page, place) {
  const picked = [];
  for (let ready = await readyNames(page); ready.length; ready = await readyNames(page)) {
    const index = place(ready.length);
    picked.push(ready[index]);
    await page.keyboard.press(String(index + 1));
    await choicesLogged(page, picked.length);
  }
  await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done');
  return picked;
}

describe('be the event loop', () => {
  test('Count Async: the tasks print in the order picked, and the program still takes one second', async () => {
    const page = await open('#count-async?coroutines=3');
    assert.equal(await page.isVisible('#loop-by-hand'), true);
    await page.click('#by-hand-start');
    await page.waitForSelector('.by-hand-task');
    // main ran alone; its gather made three tasks, queued in the order created.
    const queued = await readyNames(page);
    assert.equal(queued.length, 3);
    assert.match(await page.textContent('#by-hand-state'), new RegExp(`asyncio would run the first in the queue, ${queued[0].replace(/[()]/g, '\\$&')}`));
    // The focus is on the queue's first task: keys pick by place.
    assert.equal(await page.evaluate(() => document.activeElement.className), 'by-hand-task');
    const picked = await pickUntilFinished(page, (count) => count - 1);
    const lines = await outputLines(page);
    const lanesPrinting = (text) => lines.filter((line) => line.text === text).map((line) => line.lane);
    // At the start the last of three, then the last of two, then the lone one ran by itself.
    assert.deepEqual(lanesPrinting('One'), [queued[2], queued[1], queued[0]]);
    assert.deepEqual(picked.slice(0, 2), [queued[2], queued[1]]);
    // After the second, the three timers fired together, in the order they were set.
    assert.deepEqual(picked.slice(2), [queued[0], queued[1]]);
    assert.deepEqual(lanesPrinting('Two'), [queued[0], queued[1], queued[2]]);
    assert.match(lines.at(-1).text, /executed in 1\.00 seconds\.$/);
    assert.match(await page.textContent('#by-hand-state'), /finished at 1\.000 s\. Your choices: 4; of them, other than asyncio’s \(the first in the queue\): 4\./);
    assert.equal(await page.$$eval('#by-hand-choices li', (items) => items.length), 4);
  });

  test('Rand: the queue’s own order gives the program’s run; another order other draws', async () => {
    const page = await open('#rand?seed=444&speed=10');
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done', null, { timeout: 60_000 });
    const texts = async () => (await outputLines(page)).map((line) => line.text);
    const asRun = await texts();
    await page.click('#by-hand-start');
    await page.waitForSelector('.by-hand-task');
    await pickUntilFinished(page, () => 0);
    assert.deepEqual(await texts(), asRun, 'first in, first out is asyncio’s order');
    assert.match(await page.textContent('#by-hand-state'), /Your choices: \d+; of them, other than asyncio’s \(the first in the queue\): 0\./);
    await page.click('#by-hand-start');
    await page.waitForSelector('.by-hand-task');
    await pickUntilFinished(page, (count) => count - 1);
    const reordered = await texts();
    assert.notDeepEqual(reordered, asRun);
    assert.match(reordered.at(-1), /^r1: \d+, r2: \d+, r3: \d+$/);
  });

  test('refuses more coroutines than choices make sense for, next to the field', async () => {
    const page = await open('#count-async?coroutines=50');
    await page.click('#by-hand-start');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'error');
    assert.match(await page.textContent('#param-coroutines-error'), /By hand, at most 10 coroutines/);
    assert.equal(await page.$$eval('.by-hand-task', (buttons) => buttons.length), 0);
  });

  test('refuses one after another next to its field: there would be nothing to choose', async () => {
    const page = await open('#count-async?mode=sequential');
    await page.click('#by-hand-start');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'error');
    assert.match(await page.textContent('#param-mode-error'), /By hand, the coroutines run gathered/);
  });

  test('started during a run, it ends that run for everything that follows runs', async () => {
    const page = await open('#count-async?coroutines=2');
    await page.click('#run');
    await page.waitForFunction(() => document.querySelector('#questions-body fieldset:disabled'));
    await page.click('#by-hand-start');
    await page.waitForSelector('.by-hand-task');
    // The questions frozen by the run are answerable again; Run is back.
    assert.equal(await page.$$eval('#questions-body fieldset:disabled', (sets) => sets.length), 0);
    assert.equal(await page.isEnabled('#run'), true);
  });

  test('only where a ready queue has choices, and in Spanish', async () => {
    const page = await open('?lang=es#chained?chains=1%202');
    await page.click('#by-hand-start');
    await page.waitForSelector('.by-hand-task');
    assert.match(await page.textContent('#by-hand-state'), /hay 2 tareas listas/);
    await page.click('nav a[href="#pool-map"]');
    await page.waitForFunction(() => document.querySelector('h1').textContent === 'pool.map');
    assert.equal(await page.isHidden('#loop-by-hand'), true);
  });
});
