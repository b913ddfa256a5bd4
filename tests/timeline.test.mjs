// End-to-end: the timeline as a learner uses it, by mouse and by keyboard, its PNG export,
// the theme picker, and a whole visit by keyboard alone. Every test fails on any page
// error or console error.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { servedPlayground } from './support/harness.mjs';

const served = servedPlayground();

async function open(hash, contextOptions) {
  return (await served.open(hash, contextOptions)).page;
}

/** Count Async at 10×: three lanes that sleep for most of the run, then the loop's lane. */
async function openAfterARun() {
  const page = await open('#count-async?speed=10');
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done');
  return page;
}

const range = (page) => page.$eval('#timeline', (t) => t.visibleRange);
const tooltip = (page) => page.$eval('#timeline', (t) => {
  const box = t.shadowRoot.querySelector('.tooltip');
  return box.hidden ? null : {
    lane: box.querySelector('.lane').textContent, state: box.querySelector('.state').textContent,
  };
});

describe('the timeline', () => {
  test('by mouse: hover shows a span, the wheel zooms, a drag pans, a double-click resets', async () => {
    const page = await openAfterARun();
    const plot = await page.$eval('#timeline', (t) => {
      t.scrollIntoView({ block: 'center' });
      const { x, y, width } = t.shadowRoot.querySelector('.plot').getBoundingClientRect();
      return { x, y, width };
    });
    // The first lane, below the axis, two thirds along: count() #1 is asleep there.
    const at = { x: plot.x + plot.width * 0.6, y: plot.y + 24 + 11 };
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction(() => !document.querySelector('#timeline').shadowRoot.querySelector('.tooltip').hidden);
    assert.deepEqual(await tooltip(page), { lane: 'count() #1', state: 'sleeping' });

    const whole = await range(page);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    const zoomed = await range(page);
    assert.ok(zoomed.end - zoomed.start < (whole.end - whole.start) / 2, 'zoomed in');
    assert.ok(zoomed.start > whole.start && zoomed.end < whole.end, 'around the pointer');

    await page.mouse.down();
    await page.mouse.move(at.x - 200, at.y, { steps: 5 });
    await page.mouse.up();
    const panned = await range(page);
    assert.ok(panned.start > zoomed.start, 'dragging left moves later in time');
    assert.ok(Math.abs((panned.end - panned.start) - (zoomed.end - zoomed.start)) < 1e-6, 'same zoom');

    await page.mouse.dblclick(at.x, at.y);
    assert.deepEqual(await range(page), whole);
  });

  test('10,000 lanes: it says which are in view, and main and the event loop stay there', async () => {
    const page = await open('#count-async?coroutines=10000&speed=10');
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done', null, { timeout: 60_000 });
    const lanes = await page.$eval('#timeline', (t) => t.lanes);
    assert.equal(lanes.length, 10_002);
    assert.deepEqual(lanes.slice(-2), ['main', 'event loop'], 'the pinned lanes, below the others');
    const more = () => page.$eval('#timeline', (t) => t.shadowRoot.querySelector('.more').textContent);
    assert.match(await more(), /^Lanes 1–\d\d of 10,000 in view: scroll the timeline, or press Shift\+↑\/↓ in it, for the others\. Always in view: main, event loop\.$/);
    // Scrolled to the end: the last coroutines come into view, and the loop is still there.
    const plot = await page.$eval('#timeline', (t) => {
      const scroller = t.shadowRoot.querySelector('.scroller');
      scroller.scrollTop = scroller.scrollHeight;
      // The page scrolled so that the plot's bottom rows are on the screen.
      t.shadowRoot.querySelector('.more').scrollIntoView({ block: 'end' });
      const { x, y, width, height } = t.shadowRoot.querySelector('.plot').getBoundingClientRect();
      return { x, y, width, height };
    });
    await page.waitForFunction(() => /of 10,000/.test(document.querySelector('#timeline').shadowRoot.querySelector('.more').textContent) &&
      /–10,000 of/.test(document.querySelector('#timeline').shadowRoot.querySelector('.more').textContent));
    // The bottom row is the event loop's, the one above it main's, wherever the lanes are scrolled.
    await page.mouse.move(plot.x + plot.width * 0.3, plot.y + plot.height - 11);
    await page.waitForFunction(() => !document.querySelector('#timeline').shadowRoot.querySelector('.tooltip').hidden);
    assert.equal((await tooltip(page)).lane, 'event loop');
  });

  test('by keyboard: arrows select spans, + and − zoom, 0 resets, Escape clears', async () => {
    const page = await openAfterARun();
    const whole = await range(page);
    await page.focus('#timeline');
    await page.keyboard.press('ArrowRight');
    const first = await page.$eval('#timeline', (t) => t.selectedSpan);
    assert.equal(first.lane, 'count() #1');
    assert.equal(first.state, 'running');
    assert.deepEqual(await tooltip(page), { lane: 'count() #1', state: 'running' });
    await page.keyboard.press('ArrowRight');
    assert.equal((await page.$eval('#timeline', (t) => t.selectedSpan)).state, 'sleeping');
    await page.keyboard.press('ArrowDown');
    assert.equal((await page.$eval('#timeline', (t) => t.selectedSpan)).lane, 'count() #2');

    await page.keyboard.press('+');
    await page.keyboard.press('+');
    const zoomed = await range(page);
    assert.ok(zoomed.end - zoomed.start < (whole.end - whole.start) / 2);
    await page.keyboard.press('Shift+ArrowRight');
    assert.ok((await range(page)).start > zoomed.start, 'Shift+→ pans later');
    await page.keyboard.press('-');
    assert.ok((await range(page)).end - (await range(page)).start > zoomed.end - zoomed.start);
    await page.keyboard.press('0');
    assert.deepEqual(await range(page), whole);
    await page.keyboard.press('Escape');
    assert.equal(await page.$eval('#timeline', (t) => t.selectedSpan), null);
    assert.equal(await tooltip(page), null);
  });

  test('exports as a PNG of what it shows', async () => {
    const page = await openAfterARun();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-image')]);
    assert.equal(download.suggestedFilename(), 'count-async-timeline.png');
    const png = await readFile(await download.path());
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    const canvas = await page.$eval('#timeline', (t) => {
      const plot = t.shadowRoot.querySelector('.plot');
      return { width: plot.width, height: plot.height };
    });
    assert.deepEqual({ width, height }, canvas);
  });
});

describe('the theme', () => {
  const background = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

  test('follows the system until the learner picks one, which is kept', async () => {
    let page = await open('#count-async', { colorScheme: 'light' });
    assert.equal(await background(page), 'rgb(251, 251, 253)');
    await page.selectOption('#theme', 'dark');
    assert.equal(await background(page), 'rgb(15, 18, 24)');
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    assert.equal(await page.inputValue('#theme'), 'dark');
    assert.equal(await background(page), 'rgb(15, 18, 24)');
    await page.selectOption('#theme', '');
    assert.equal(await background(page), 'rgb(251, 251, 253)');

    page = await open('?theme=light#count-async', { colorScheme: 'dark' });
    assert.equal(await background(page), 'rgb(251, 251, 253)', 'a URL parameter picks it for one page');
  });
});

describe('keyboard only', () => {
  /** Presses Tab until `selector` has the focus; fails after `limit` presses. */
  async function tabTo(page, selector, limit = 40) {
    for (let presses = 0; presses < limit; presses++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`Tab never reached ${selector}`);
  }

  test('choose an example, set a parameter, run it, read the timeline, share it', async () => {
    const page = await open('#multiprocessing');
    const focused = () => page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
    // The first Tab reaches the skip link, which leads past the header and the menu.
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'skip-link');
    assert.equal(await page.isVisible('#skip-link'), true, 'shown once focused');
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'example');
    await tabTo(page, 'nav a[href="#count-async"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('h1').textContent === 'Count Async');
    assert.equal(await focused(), 'example', 'the chosen example, where the next Tab goes on');
    await tabTo(page, '#param-coroutines');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await tabTo(page, '#param-speed');
    await page.keyboard.press('End'); // the fastest speed
    await tabTo(page, '#run');
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'stop', 'Run disables itself: Stop is the next step');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done');
    assert.equal(await focused(), 'run', 'and Run again once it has ended');
    assert.deepEqual(await page.$$eval('#output .line .text', (nodes) => nodes.slice(0, 4).map((n) => n.textContent)),
      ['One', 'One', 'Two', 'Two']);
    await tabTo(page, '#timeline');
    await page.keyboard.press('ArrowRight');
    assert.equal((await page.$eval('#timeline', (t) => t.selectedSpan)).lane, 'count() #1');
    await tabTo(page, '#share');
    await page.keyboard.press('Enter');
    assert.equal(await page.isVisible('#share-panel'), true);
    assert.match(await page.inputValue('#share-url'), /#count-async\?mode=gather&coroutines=2&speed=10$/);
  });
});
