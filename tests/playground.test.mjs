// End-to-end: the served page in headless Chromium, driven as a learner would drive it.
// Every test fails on any page error or console error (see afterEach).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, servedPlayground } from './support/harness.mjs';
import { howmanyWithinRange, matrixRows } from './support/pcg32.mjs';
import { withoutTests } from '../tools/bundle.mjs';

const served = servedPlayground();
let opened; // the page the test opened last

async function open(hash = '', options = {}) {
  opened = await served.open(hash, {}, options);
  return opened.page;
}

/** Presses Run and waits for the run to end; returns the status text. */
async function runExample(page, { timeout = 60_000 } = {}) {
  await page.click('#run');
  await page.waitForFunction(
    () => ['done', 'error', 'stopped'].includes(document.getElementById('status').dataset.kind),
    null, { timeout });
  return page.textContent('#status');
}

const outputTexts = (page) => page.$$eval('#output .line .text', (nodes) => nodes.map((n) => n.textContent));
const timelineLanes = (page) => page.$eval('#timeline', (timeline) => timeline.lanes);

describe('the page', () => {
  test('is cross-origin isolated and lists the nine examples in the tutorial’s menu order', async () => {
    const page = await open();
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    assert.equal(await page.isHidden('#isolation-notice'), true);
    const groups = await page.$$eval('nav section', (sections) => sections.map((s) => ({
      title: s.querySelector('h2').textContent,
      numbers: [...s.querySelectorAll('.number')].map((n) => Number(n.textContent)),
    })));
    assert.deepEqual(groups, [
      { title: 'Asynchronous programming', numbers: [1, 2, 3, 4, 5, 6] },
      { title: 'Parallelism', numbers: [7, 8, 9] },
    ]);
  });

  test('each example has its own URL', async () => {
    const page = await open('#pool-map');
    assert.equal(await page.textContent('h1'), 'pool.map');
    await page.click('nav a[href="#count-async"]');
    await page.waitForFunction(() => document.querySelector('h1').textContent === 'Count Async');
    assert.equal(new URL(page.url()).hash, '#count-async');
  });

  test('says so when a link names no example or carries bad parameters', async () => {
    let page = await open('#no-such-example');
    assert.match(await page.textContent('#status'), /There is no example called “no-such-example”/);
    assert.equal(await page.textContent('h1'), 'Multiprocessing', 'the first example of the menu');
    await opened.context.close();
    page = await open('#pool-map?rows=-5&seed=abc');
    assert.match(await page.textContent('#param-rows-error'), /Between 0 and 10,000,000/);
    assert.match(await page.textContent('#param-seed-error'), /Enter a number/);
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'error');
  });

  test('a link cannot start more workers than the field allows', async () => {
    for (const [hash, field] of [['#pool-map?workers=1000', 'workers'], ['#threading?workers=48', 'workers'],
      ['#pool-map?workers=-3', 'workers']]) {
      const page = await open(hash);
      assert.match(await page.textContent(`#param-${field}-error`), /Between 1 and 2/, hash);
      assert.equal(await page.getAttribute('#status', 'data-kind'), 'error', hash);
      // The pool that warms up has the default size: the pool worker and one per core.
      await page.waitForFunction(() => performance.getEntriesByName('playground:runnable').length);
      assert.ok(page.workers().length <= 3, `${hash}: ${page.workers().length} workers`);
      await page.click('#run');
      assert.match(await page.textContent('#status'), /need fixing/, hash);
      await opened.context.close();
    }
  });

  test('every bad value of a link is reported when it loads, choices and texts too', async () => {
    let page = await open('#count-async?mode=bogus&speed=7&coroutines=2');
    assert.match(await page.textContent('#param-mode-error'), /One of gather, sequential, both/);
    assert.match(await page.textContent('#param-speed-error'), /One of 1, 2, 4, 10/);
    assert.equal(await page.$eval('#param-mode', (select) => select.selectedOptions[0].textContent),
      'bogus (not a choice)');
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'error');
    await page.selectOption('#param-mode', 'gather');
    await page.selectOption('#param-speed', '10');
    assert.match(await runExample(page), /^Finished/);
    await opened.context.close();

    // A text is checked by the crate's own rules as soon as the link loads, and a huge one
    // is neither echoed nor allowed to widen the page.
    page = await open(`#chained?chains=${'1'.repeat(100_000)}`);
    await page.waitForFunction(() => document.getElementById('param-chains-error').textContent);
    assert.match(await page.textContent('#param-chains-error'), /at most 100 characters; got 100,000\./);
    assert.ok((await page.textContent('#param-chains-error')).length < 200);
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'error');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no overflow');
    await opened.context.close();

    page = await open('#chained?chains=1%20two');
    await page.waitForFunction(() => document.getElementById('param-chains-error').textContent);
    assert.equal(await page.textContent('#param-chains-error'),
      'Each chain must be a whole number from 1 to 1,000; got "two".');
  });

  test('a link it cannot read still opens the page, and says so', async () => {
    for (const address of ['#%', '#%E0%A4%A', '?embed#count-async%', `#${'x'.repeat(5000)}`]) {
      const page = await open(address);
      assert.match(await page.textContent('#status'),
        /^There is no example called “[^”]{1,40}”; here is Multiprocessing instead\.$/, address);
      assert.equal(await page.textContent('#example-title'), 'Multiprocessing');
      assert.match(await runExample(page), /^Finished/);
      await opened.context.close();
    }
  });

  test('a run longer than anyone waits is refused before it starts, naming what to change', async () => {
    const page = await open('#count-async?mode=both&coroutines=10000&speed=10');
    await page.waitForFunction(() => document.getElementById('param-coroutines-error').textContent);
    assert.match(await page.textContent('#param-coroutines-error'),
      /10,000 coroutines take 10,000 s, 17 minutes at 10×: at this speed at most 3,000 finish within 5 minutes/);
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'error');
    assert.deepEqual(await outputTexts(page), [], 'nothing ran');
    await page.fill('#param-coroutines', '3000');
    await page.selectOption('#param-mode', 'gather');
    assert.match(await runExample(page), /^Finished/);
  });

  test('a rule across fields is the crate’s: minimum above maximum runs nothing', async () => {
    const page = await open('#pool-map?rows=1000&minimum=8&maximum=4');
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'error');
    assert.equal(await page.textContent('#status'), 'Error: Minimum must not be above maximum; got 8 and 4.');
    assert.deepEqual(await outputTexts(page), []);
    // Next to the field to change, too, where a learner looks.
    assert.equal(await page.textContent('#param-minimum-error'), 'Minimum must not be above maximum; got 8 and 4.');
    assert.equal(await page.getAttribute('#param-minimum', 'aria-invalid'), '');
    await page.fill('#param-minimum', '4');
    assert.match(await runExample(page), /^Finished/);
    assert.equal(await page.textContent('#param-minimum-error'), '');
    assert.equal(await page.getAttribute('#param-minimum', 'aria-invalid'), null);
  });

  test('share gives a link with the parameters and an iframe snippet for embedding', async () => {
    const page = await open('#pool-map');
    await page.fill('#param-rows', '1234');
    await page.click('#share');
    const link = new URL(await page.inputValue('#share-url'));
    assert.equal(link.hash, '#pool-map?rows=1234&columns=5&minimum=4&maximum=8&seed=100&chunkRows=0&repeats=3&workers=2');
    const snippet = await page.inputValue('#share-embed');
    assert.match(snippet, /^<iframe id="playground-pool-map" src="http:\/\/127\.0\.0\.1:\d+\/\?embed#pool-map\?rows=1234&/);
    // Copy puts the snippet on the clipboard, and says so.
    await opened.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('#copy-embed');
    await page.waitForFunction(() => document.getElementById('copied').textContent === 'Copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
  });

  test('embedded, it shows the example alone with a link to the full playground', async () => {
    const page = await open('?embed#count-async?coroutines=2');
    assert.equal(await page.isHidden('header.site'), true);
    assert.equal(await page.isHidden('nav'), true);
    assert.equal(await page.isVisible('#open-full'), true);
    assert.equal(new URL(await page.getAttribute('#open-full', 'href')).search, '');
    await runExample(page);
    assert.deepEqual((await outputTexts(page)).slice(0, 4), ['One', 'One', 'Two', 'Two']);
  });

  test('shows the Rust that runs beside the Python original', async () => {
    const page = await open('#count-async');
    const paneText = async (pane) => {
      await page.waitForFunction((id) => document.querySelector(`#${id} code`).textContent, pane);
      return page.textContent(`#${pane} code`);
    };
    // The very source compiled, up to the tests that end it (not in the wasm).
    const compiled = await readFile(path.join(ROOT, 'crate/src/demos/count_async.rs'), 'utf8');
    assert.equal(await paneText('rust-code'), withoutTests(compiled));
    assert.ok(compiled.startsWith(await paneText('rust-code')));
    assert.ok(!(await paneText('rust-code')).includes('#[cfg(test)]'));
    assert.match(await paneText('python-code'), /asyncio\.gather\(count\(\), count\(\), count\(\)\)/);
    await page.click('#python-tabs .tab:has-text("countsync.py")');
    await page.waitForFunction(() => document.querySelector('#python-code code').textContent.includes('time.sleep(1)'));
    // Highlighted, without changing a character (checked above).
    const keywords = new Set(await page.$$eval('#rust-code .tok-keyword', (nodes) => nodes.map((n) => n.textContent)));
    for (const keyword of ['fn', 'async', 'await', 'use']) assert.ok(keywords.has(keyword), keyword);
    assert.match(await page.textContent('#rust-code .tok-comment'), /^\/\/!/);
    assert.ok(await page.$('#python-code .tok-keyword:text-is("def")'));
  });

  test('shows the code of the example on screen, not of one left as it started', async () => {
    // Code panes wait for their example to be able to run (app.js): pool.map's, for its
    // pool, by which time the learner has moved on.
    const page = await open('#pool-map', { ready: false });
    await page.evaluate(() => { location.hash = '#count-async'; });
    await page.waitForSelector('html[data-ready="true"]');
    // Longer than any example's code waits (REST_WAITS_MS), so that pool.map's has come.
    await page.waitForTimeout(2_500);
    const compiled = await readFile(path.join(ROOT, 'crate/src/demos/count_async.rs'), 'utf8');
    assert.equal(await page.textContent('#rust-code code'), withoutTests(compiled));
    const tabs = await page.$$eval('#rust-tabs .tab', (nodes) => nodes.map((n) => n.textContent));
    assert.ok(!tabs.includes('pool/mod.rs'), tabs.join(', '));
  });

  test('shows an example’s own files as tabs, not its tests', async () => {
    const page = await open('#pool-map');
    const tabs = await page.$$eval('#rust-tabs .tab', (nodes) => nodes.map((n) => n.textContent));
    assert.deepEqual(tabs, ['pool/mod.rs', 'pool/runner.rs', 'pool/hand_out.rs', 'pool/team.rs',
      'pool/round_trip.rs', 'pool/wait.rs', 'pool/timeline.rs', 'pool/kernel.rs', 'pool/report.rs',
      'pool/params.rs', 'pool/matrix.rs']);
    await page.click('#rust-tabs .tab:has-text("pool/kernel.rs")');
    const kernel = await readFile(path.join(ROOT, 'crate/src/demos/pool/kernel.rs'), 'utf8');
    await page.waitForFunction((text) => document.querySelector('#rust-code code').textContent === text, kernel);
    // Every file the page offers is one the crate compiles; none holds tests.
    for (const tab of tabs) {
      const source = await readFile(path.join(ROOT, 'crate/src/demos', tab), 'utf8');
      assert.doesNotMatch(source, /#\[test\]/, tab);
    }
  });
});

describe('Count Async', () => {
  test('gathers three count() coroutines: One ×3, Two ×3, in about a second', async () => {
    const page = await open('#count-async');
    const status = await runExample(page);
    assert.match(status, /^Finished/);
    const lines = await outputTexts(page);
    assert.deepEqual(lines.slice(0, 6), ['One', 'One', 'One', 'Two', 'Two', 'Two']);
    const [, seconds] = lines[6].match(/^count_async\.rs executed in (\d+\.\d\d) seconds\.$/);
    // Generous bounds: gathered sleeps overlap (~1 s), they do not add up (3 s).
    assert.ok(Number(seconds) >= 0.99 && Number(seconds) < 2.5, `elapsed ${seconds} s`);
    assert.equal(lines.length, 7);
    assert.deepEqual(await timelineLanes(page), ['count() #1', 'count() #2', 'count() #3', 'main', 'event loop']);
    const loop = await page.$eval('#timeline', (t) => t.spans.filter((s) => s.lane === 'event loop'));
    assert.equal(loop[0].state, 'running');
    assert.equal(loop.at(-1).state, 'running');
    assert.ok(loop.some((s) => s.state === 'waiting' && s.end - s.start > 900),
      'the loop is idle for most of the second the coroutines sleep');
    const states = await page.$eval('#timeline', (t) => t.spans.filter((s) => s.lane === 'count() #2').map((s) => s.state));
    assert.deepEqual(states, ['running', 'sleeping', 'running']);
  });

  test('after a run, replay shows the output as it was at a chosen moment', async () => {
    const page = await open('#count-async');
    await runExample(page);
    assert.equal(await page.isVisible('#replay'), true);
    // Half-way through the second: every One printed, no Two yet.
    await page.$eval('#replay', (slider) => {
      slider.value = String(Number(slider.max) / 2);
      slider.dispatchEvent(new Event('input'));
    });
    const faded = await page.$$eval('#output .line', (lines) =>
      lines.map((l) => [l.querySelector('.text').textContent, l.classList.contains('future')]));
    assert.deepEqual(faded.slice(0, 6), [
      ['One', false], ['One', false], ['One', false], ['Two', true], ['Two', true], ['Two', true],
    ]);
    assert.notEqual(await page.$eval('#timeline', (t) => t.now), null, 'the timeline shows the moment');
    await page.focus('#replay');
    await page.keyboard.press('End');
    assert.equal(await page.$$eval('#output .line.future', (lines) => lines.length), 0);
  });

  test('the trace exports as Trace Event Format JSON', async () => {
    const page = await open('#count-async');
    await runExample(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-trace')]);
    assert.equal(download.suggestedFilename(), 'count-async-trace.json');
    const trace = JSON.parse(await readFile(await download.path(), 'utf8'));
    const threads = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === 1);
    assert.deepEqual(threads.map((e) => e.args.name), ['main', 'count() #1', 'count() #2', 'count() #3', 'event loop']);
    // The scheduler: a track per task, each count() stepped twice; gather's arrows as flows.
    const steps = trace.traceEvents.filter((e) => e.ph === 'X' && e.cat === 'poll');
    assert.equal(steps.length, 2 + 3 * 2, 'main and each count() stepped twice');
    const flows = trace.traceEvents.filter((e) => e.ph === 's').map((e) => e.name);
    assert.deepEqual(flows.filter((name) => name === 'spawn').length, 3);
    assert.deepEqual(flows.filter((name) => name === 'return').length, 3);
    assert.ok(trace.traceEvents.some((e) => e.ph === 'C' && e.name === 'ready queue' && e.args.tasks === 3),
      'the ready queue held the three new tasks at once');
    // Perfetto binds each end of an arrow to the slice around it on its thread.
    const slices = trace.traceEvents.filter((e) => e.ph === 'X' && e.pid === 1);
    for (const end of trace.traceEvents.filter((e) => e.ph === 's' || e.ph === 'f')) {
      assert.ok(slices.some((x) => x.tid === end.tid && x.ts <= end.ts && end.ts < x.ts + x.dur),
        `${end.ph} ${end.name} at ${end.ts} µs on thread ${end.tid} lies within a slice`);
    }
    const sleeps = trace.traceEvents.filter((e) => e.ph === 'X' && e.cat === 'sleeping');
    assert.equal(sleeps.length, 3);
    for (const sleep of sleeps) {
      assert.ok(Number.isInteger(sleep.ts) && sleep.ts >= 0);
      // Timers never fire early: the only bound that cannot flake.
      assert.ok(sleep.dur >= 990_000, `a one-second sleep lasted ${sleep.dur} µs`);
    }
  });

  test('its sequential twin prints One, Two in turn and takes about three seconds', async () => {
    const page = await open('#count-async');
    await page.selectOption('#param-mode', 'sequential');
    await runExample(page);
    const lines = await outputTexts(page);
    assert.deepEqual(lines.slice(0, 6), ['One', 'Two', 'One', 'Two', 'One', 'Two']);
    const [, seconds] = lines[6].match(/^count_sync\.rs executed in (\d+\.\d\d) seconds\.$/);
    assert.ok(Number(seconds) >= 2.99, `elapsed ${seconds} s`);
  });

  test('side by side, both run at once on one loop and each reports its own time', async () => {
    const page = await open('#count-async?mode=both&speed=4');
    const status = await runExample(page);
    const [, gathered, sequential] =
      status.match(/gathered in (\d+\.\d\d) s, one after another in (\d+\.\d\d) s/);
    assert.ok(Number(gathered) >= 0.99 && Number(gathered) < 2.5, `gathered ${gathered} s`);
    assert.ok(Number(sequential) >= 2.99, `one after another ${sequential} s`);
    const lines = await outputTexts(page);
    assert.equal(lines.filter((l) => l === 'One').length, 6);
    assert.ok(lines.indexOf(lines.find((l) => l.startsWith('count_async.rs'))) <
      lines.indexOf(lines.find((l) => l.startsWith('count_sync.rs'))), 'the gathered run ends first');
    const lanes = await timelineLanes(page);
    assert.ok(lanes.includes('gathered · count() #3') && lanes.includes('one after another · count() #3'),
      lanes.join(', '));
  });

  test('runs sped up: the program reports its own second, the status the real time too', async () => {
    const page = await open('#count-async?speed=4');
    const status = await runExample(page);
    assert.match(status, /gathered: \d\.\d\d s simulated, \d\.\d\d s real at 4×$/);
    const lines = await outputTexts(page);
    assert.match(lines.at(-1), /^count_async\.rs executed in 1\.\d\d seconds\.$/);
  });

  test('a run can be stopped half-way, says so, and the next run succeeds', async () => {
    const page = await open('#count-async');
    await page.click('#run');
    await page.waitForFunction(() => document.querySelectorAll('#output .line').length >= 3);
    await page.click('#stop');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'stopped');
    const lines = await outputTexts(page);
    assert.deepEqual(lines.slice(0, 3), ['One', 'One', 'One']);
    assert.match(lines.at(-1), /^Stopped after \d+(\.\d\d)? s\.$/);
    assert.ok(!lines.includes('Two'));
    const sleeping = await page.$eval('#timeline', (t) => t.spans.filter((s) => s.state === 'sleeping'));
    assert.equal(sleeping.length, 3, 'each coroutine’s sleep ends where the run stopped');
    assert.match(await runExample(page), /^Finished/);
  });

  test('rejects a coroutine count out of range without running', async () => {
    const page = await open('#count-async');
    await page.fill('#param-coroutines', '0');
    await page.click('#run');
    assert.match(await page.textContent('#param-coroutines-error'), /Between 1 and 10,000/);
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'error');
    assert.deepEqual(await outputTexts(page), []);
  });
});

describe('Coroutines', () => {
  test('prints the original’s three lines, suspended at its yield between calls', async () => {
    const page = await open('#coroutines?speed=10');
    await runExample(page);
    assert.deepEqual(await outputTexts(page), ['Searching prefix:Dear', 'Dear James', 'Closing coroutine!!']);
    const coroutine = await page.$eval('#timeline', (t) =>
      t.spans.filter((s) => s.lane === "print_name('Dear')").map((s) => `${s.state}: ${s.label}`));
    assert.deepEqual(coroutine, [
      'running: started by next()', 'waiting: suspended at yield',
      "running: resumed by send('James')", 'waiting: suspended at yield',
      "running: resumed by send('Dear James')", 'waiting: suspended at yield',
      'running: resumed by close()',
    ]);
  });
});

describe('Coroutines by hand', () => {
  test('the learner creates the coroutine, sends names and closes it', async () => {
    const page = await open('#coroutines');
    await page.click('#lab-start');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done');
    for (const name of ['Dear Ada', 'Bob']) {
      await page.fill('#lab-name', name);
      await page.click('#lab-send');
    }
    await page.click('#lab-close');
    await page.waitForFunction(() => document.querySelectorAll('#output .line').length === 3);
    assert.deepEqual(await outputTexts(page), ['Searching prefix:Dear', 'Dear Ada', 'Closing coroutine!!']);
    await page.click('#lab-send');
    assert.match(await page.textContent('#status'), /^Error: StopIteration/);
    const states = await page.$eval('#timeline', (t) => t.spans.map((s) => s.state));
    assert.equal(states.filter((s) => s === 'waiting').length, 3, 'suspended between each call');
  });
});

describe('Rand', () => {
  test('seed 444 replays the original: finish order 1, 2, 0 and r1: 10, r2: 10, r3: 9', async () => {
    const page = await open('#rand?speed=10');
    assert.match(await runExample(page), /^Finished: three makerandom\(\) gathered: /);
    const lines = await outputTexts(page);
    assert.equal(lines[0], 'Initiated makerandom(0).');
    assert.deepEqual(lines.filter((l) => l.startsWith('---> Finished')), [
      '---> Finished: makerandom(1) == 10', '---> Finished: makerandom(2) == 9',
      '---> Finished: makerandom(0) == 10',
    ]);
    assert.deepEqual(lines.slice(-2), ['', 'r1: 10, r2: 10, r3: 9']);
    assert.deepEqual(await timelineLanes(page), ['makerandom(0)', 'makerandom(1)', 'makerandom(2)', 'main', 'event loop']);
  });

  test('each coroutine keeps its colour, cyan, red, magenta, in the output and the timeline', async () => {
    const page = await open('#rand?speed=10');
    await runExample(page);
    const expected = ['rgb(14, 124, 134)', 'rgb(197, 34, 31)', 'rgb(162, 24, 158)'];
    for (const [idx, colour] of expected.entries()) {
      const shown = await page.$$eval(`#output .line[data-lane="makerandom(${idx})"] .text`,
        (texts) => [...new Set(texts.map((t) => getComputedStyle(t).color))]);
      assert.deepEqual(shown, [colour], `makerandom(${idx})'s lines`);
    }
    // The stripe before each lane's name, read back from the canvas.
    const stripes = await page.$eval('#timeline', (t) => {
      const canvas = t.shadowRoot.querySelector('canvas.plot');
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      // One read of the column of stripes: several would make the canvas warn.
      const column = canvas.getContext('2d').getImageData(Math.round(2 * ratio), 0, 1, canvas.height).data;
      return [0, 1, 2, 3].map((lane) => {
        const y = Math.round((24 + lane * 22 + 11) * ratio);
        const [r, g, b] = column.slice(4 * y, 4 * y + 3);
        return `rgb(${r}, ${g}, ${b})`;
      });
    });
    assert.deepEqual(stripes.slice(0, 3), expected);
    assert.ok(!expected.includes(stripes[3]), 'main has no colour of its own');
  });

  test('the same seed twice gives the same run', async () => {
    const page = await open('#rand?seed=7&speed=10');
    await runExample(page);
    const first = await outputTexts(page);
    await runExample(page);
    assert.deepEqual(await outputTexts(page), first);
  });
});

describe('Chained', () => {
  test('runs the chains the learner names, and refuses what the original would not take', async () => {
    const page = await open('#chained?speed=10&chains=7%205');
    await runExample(page);
    const lines = await outputTexts(page);
    assert.equal(lines.length, 2 * 5 + 1);
    assert.ok(lines.some((l) => l.startsWith('-->Chained result7 => result7-2 derived from result7-1')));
    assert.ok(lines.some((l) => l.startsWith('-->Chained result5 => ')));
    await page.fill('#param-chains', '1 two');
    assert.match(await runExample(page), /^Error: Each chain must be a whole number from 1 to 1,000; got "two"\.$/);
    assert.equal(await page.textContent('#param-chains-error'), 'Each chain must be a whole number from 1 to 1,000; got "two".');
  });

  test('three chains of part1 then part2, as the original prints them', async () => {
    const page = await open('#chained?speed=10');
    await runExample(page);
    const lines = await outputTexts(page);
    assert.equal(lines.length, 16);
    assert.deepEqual(lines.slice(0, 5), [
      'part1(1) sleeping for 4 seconds.', 'part1(2) sleeping for 4 seconds.',
      'part1(3) sleeping for 0 seconds.', 'Returning part1(3) == result3-1.',
      "part2(3, 'result3-1') sleeping for 4 seconds.",
    ]);
    // Real time, sped up tenfold: generous bounds around the ideal 4 s and 11 s.
    const [, took] = lines[10].match(/^-->Chained result3 => result3-2 derived from result3-1 \(took (\d+\.\d\d) seconds\)\.$/);
    assert.ok(Number(took) > 3.5 && Number(took) < 6, `chain 3 took ${took} s`);
    const [, total] = lines[15].match(/^Program finished in (\d+\.\d\d) seconds\.$/);
    assert.ok(Number(total) > 10.5 && Number(total) < 15, `the program took ${total} s`);
    const waits = await page.$eval('#timeline', (t) =>
      t.spans.filter((s) => s.lane === 'chain(1)' && s.state === 'waiting').map((s) => s.label));
    assert.deepEqual(waits, ['awaiting part1(1)', "awaiting part2(1, 'result1-1')"]);
  });
});

const expectedHead = (seed) => matrixRows(seed, 10, 5).map((row) => howmanyWithinRange(row, 4, 8));

describe('Multiprocessing', () => {
  test('four processes print their continent, in any order, and share nothing', async () => {
    const page = await open('#multiprocessing');
    assert.match(await runExample(page), /^Finished: 4 processes started, then joined$/);
    const lines = await outputTexts(page);
    assert.deepEqual(lines.slice(0, 4).sort(), [
      'The name of continent is :  Africa', 'The name of continent is :  America',
      'The name of continent is :  Asia', 'The name of continent is :  Europe',
    ]);
    assert.match(lines[4], /^Started in the order Asia, America, Europe, Africa; finished in the order (\w+, ){3}\w+\.$/);
    assert.match(lines[5], /^Calls counted by each process's global: 1, 1, 1, 1; by the page's own: 0\./);
    // Main, which joins them, and a lane per process.
    assert.deepEqual([...await timelineLanes(page)].sort(), [
      'main', 'process 1 (Asia)', 'process 2 (America)', 'process 3 (Europe)', 'process 4 (Africa)',
    ]);
  });

  test('the number of processes can be raised', async () => {
    const page = await open('#multiprocessing?processes=9');
    await runExample(page);
    const lines = await outputTexts(page);
    assert.equal(lines.filter((l) => l.startsWith('The name of continent is :  ')).length, 9);
    assert.ok(lines.includes('The name of continent is :  Asia 2'));
  });
});

describe('stopping and running again', () => {
  test('Run and Stop in quick succession leave one pool, and the next run succeeds', async () => {
    // Long enough runs (about a second) that every Stop lands while its run is going.
    const page = await open('#pool-map?rows=10000000&repeats=25&workers=2');
    for (let i = 0; i < 5; i++) {
      await page.click('#run');
      assert.ok(await page.isEnabled('#stop'), `run ${i} already ended: ${await page.textContent('#status')}`);
      await page.click('#stop');
    }
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'stopped');
    assert.match(await runExample(page), /^Finished: speedup /);
    await workersSettleAt(page, 1 + 2);
  });

  test('a stopped Multiprocessing run leaves no process behind, and the next run succeeds', async () => {
    // A run of 16 processes can end before a click on Stop lands (it did, once in about
    // fifteen runs on a busy machine): all but the first four are held at their script's
    // download until the Stop has landed, and then let through.
    const STARTED = 4;
    const held = [];
    const page = await open('#multiprocessing?processes=16', {
      prepare: (context) => context.route('**/js/process-worker.js', (route) => {
        if (held.push(route) <= STARTED) route.continue();
      }),
    });
    let workersStarted = 0;
    page.on('worker', () => workersStarted++);
    await page.click('#run');
    await page.waitForFunction((count) => document.querySelectorAll('#output .line').length === count, STARTED);
    await page.click('#stop');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'stopped');
    await page.context().unrouteAll();
    const startedBeforeStop = workersStarted;
    // A process terminated before its script arrived has no request left to answer.
    await Promise.all(held.slice(STARTED).map((route) => route.continue().catch(() => {})));
    await page.waitForTimeout(500);
    assert.equal(workersStarted, startedBeforeStop, 'a stopped process started once its script arrived');
    await workersSettleAt(page, 0);
    assert.equal((await outputTexts(page)).length, STARTED, 'nothing runs on after a stop');
    assert.match(await runExample(page), /^Finished: 16 processes started, then joined$/);
    await workersSettleAt(page, 0);
  });
});

describe('two tabs at once', () => {
  test('each has its own pool: stopping one leaves the other to finish', async () => {
    const [first, second] = await Promise.all([
      open('#pool-map?rows=10000000&repeats=25&workers=2'),
      open('#pool-map?rows=300000&seed=7&workers=2'),
    ]);
    await first.click('#run');
    await second.click('#run');
    await first.click('#stop');
    await second.waitForFunction(() => document.getElementById('status').dataset.kind === 'done');
    assert.equal(await first.getAttribute('#status', 'data-kind'), 'stopped');
    assert.equal((await outputTexts(second))[0], `[${expectedHead(7).join(', ')}]`);
    await first.fill('#param-rows', '100000');
    await first.fill('#param-repeats', '1');
    assert.match(await runExample(first), /^Finished: speedup \S+ on 2 workers/);
  });
});

describe('Threading', () => {
  const outputLines = (page) => page.$$eval('#output .line', (nodes) => nodes.map((n) => ({
    lane: n.querySelector('.lane').textContent, text: n.querySelector('.text').textContent,
  })));

  /** The original's lines: each print on a pool thread of its own, then main's Done!. */
  function assertTwoThreadsThenDone(lines) {
    const lane = (text) => lines.find((line) => line.text === text)?.lane;
    assert.deepEqual(lines.slice(0, 2).map((line) => line.text).sort(), ['Cube: 1000', 'Square: 100']);
    assert.match(lane('Square: 100'), /^thread \d+$/);
    assert.match(lane('Cube: 1000'), /^thread \d+$/);
    assert.notEqual(lane('Square: 100'), lane('Cube: 1000'), 'the prints on two threads');
    assert.deepEqual(lines[2], { lane: 'main', text: 'Done!' });
  }

  /** Main waits in t1.join(), then t2.join(), then prints Done!; each join ends once its
   * thread has printed. */
  async function assertJoinsShown(page) {
    const spans = await page.$eval('#timeline', (timeline) => timeline.spans);
    const span = (label) => spans.find((s) => s.label === label);
    const [t1, t2] = [span('t1.join()'), span('t2.join()')];
    for (const join of [t1, t2]) assert.deepEqual([join.lane, join.state], ['main', 'waiting']);
    const [square, cube] = [span('print_square(10)'), span('print_cube(10)')];
    const at = (s) => JSON.stringify([s.lane, s.start, s.end]);
    assert.ok(t1.end >= square.end && t2.start >= t1.end, `${at(t1)} ${at(square)} ${at(t2)}`);
    assert.ok(t2.end >= cube.end, `${at(t2)} ${at(cube)}`);
    const done = await page.$eval('#output .line:nth-child(3)', (line) => Number(line.dataset.at));
    assert.ok(done >= t2.end, 'Done! after the joins');
  }

  test('prints the square and the cube from two threads, then Done!', async () => {
    const page = await open('#threading?iterations=200000&workers=2');
    await runExample(page);
    const lines = await outputLines(page);
    assertTwoThreadsThenDone(lines);
    await assertJoinsShown(page);
    const texts = lines.map((line) => line.text);
    assert.match(texts[3], /^2 threads × 200,000 increments, unsynchronised: [\d,]+ of 400,000 /);
    assert.match(texts[4], /^2 threads × 200,000 increments, Mutex: 400,000 of 400,000 \(none lost\)/);
    assert.match(texts[5], /^2 threads × 200,000 increments, atomic: 400,000 of 400,000 \(none lost\)/);
  });

  test('every run with the defaults shows the lesson: two threads, and a lost update or why not', async () => {
    const page = await open('#threading');
    for (let run = 1; run <= 6; run++) {
      const status = await runExample(page);
      const lines = await outputLines(page);
      assertTwoThreadsThenDone(lines);
      await assertJoinsShown(page);
      const [, counted] = lines[3].text.match(/^2 threads × 1,000,000 increments, unsynchronised: ([\d,]+) of 2,000,000 /);
      if (Number(counted.replaceAll(',', '')) < 2_000_000) {
        assert.match(status, /^Finished: unsynchronised [\d,]+ of 2,000,000 · Mutex/, `run ${run}`);
      } else {
        // Nothing lost: the status says why, from this run's own measurements.
        assert.match(status, /^Finished: unsynchronised 2,000,000 of 2,000,000 \(none lost: the threads( never counted| counted during|’ steps interleaved)/, `run ${run}`);
      }
    }
  });

  test('with one thread the prints run one after the other on it, and nothing is lost', async () => {
    const page = await open('#threading?iterations=10000&workers=1');
    const status = await runExample(page);
    const lines = await outputLines(page);
    assert.deepEqual(lines.slice(0, 3), [
      { lane: 'thread 0', text: 'Square: 100' },
      { lane: 'thread 0', text: 'Cube: 1000' },
      { lane: 'main', text: 'Done!' },
    ]);
    await assertJoinsShown(page);
    assert.match(status, /^Finished: unsynchronised 10,000 of 10,000 \(none lost: one thread alone has no one to race\) · /);
  });
});

describe('pool.apply and pool.starmap', () => {
  test('pool.apply makes one call per row and gives the same counts', async () => {
    const page = await open('#pool-apply?rows=2000&repeats=1&workers=2');
    await runExample(page);
    const lines = await outputTexts(page);
    assert.equal(lines[0], `[${expectedHead(100).join(', ')}]`);
    assert.match(lines[1], /^pool\.apply: 2,000 rows on 2 workers in [\d,]+\.\d\d ms \(2,000 calls, median of 1\)$/);
    // The calls, one at a time, in stretches of the worker's work within the wait.
    const spans = await page.$eval('#timeline', (timeline) => timeline.spans);
    const stretches = spans.filter((span) => span.label.startsWith('rows '));
    assert.ok(stretches.length >= 1 && stretches.length <= 2000, `${stretches.length} stretches`);
    const wait = spans.find((span) => span.label === 'waiting for pool.apply');
    const busy = stretches.reduce((sum, span) => sum + span.end - span.start, 0);
    assert.ok(busy <= wait.end - wait.start, `${busy} ms busy in a ${wait.end - wait.start} ms call`);
  });

  test('pool.starmap unpacks tuples and gives the same counts', async () => {
    const page = await open('#pool-starmap?seed=42&rows=5000&workers=2');
    await runExample(page);
    const lines = await outputTexts(page);
    assert.equal(lines[0], `[${expectedHead(42).join(', ')}]`);
    assert.match(lines[1], /^pool\.starmap: 5,000 rows on 2 workers in /);
  });

  test('a long pool.apply run shows its progress', async () => {
    // Long enough in rows, not calls: a call costs about half a microsecond.
    const page = await open('#pool-apply?rows=5000000&columns=20&chunkRows=2000&repeats=25');
    await page.click('#run');
    await page.waitForFunction(() => {
      const progress = document.getElementById('progress');
      return !progress.hidden && progress.value > 0.05;
    }, null, { timeout: 30_000 });
    await page.click('#stop');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'stopped');
    assert.equal(await page.isHidden('#progress'), true);
  });

  // Columns and bounds from a link, as the page shows the counts. The values are 0 to 9; a
  // maximum of 255 reaches the top of the bytes. (Every width: the test after these.)
  for (const [example, columns, minimum, maximum] of [
    ['pool-starmap', 7, 2, 3], ['pool-starmap', 37, 6, 255], ['pool-apply', 37, 0, 4]]) {
    test(`columns and bounds are parameters too: ${example}, ${columns} columns, [${minimum}, ${maximum}]`, async () => {
      const page = await open(`#${example}?rows=1000&columns=${columns}&minimum=${minimum}&maximum=${maximum}&seed=5&repeats=1`);
      await runExample(page);
      const lines = await outputTexts(page);
      const count = (row) => howmanyWithinRange(row, minimum, maximum);
      assert.equal(lines[0], `[${matrixRows(5, 10, columns).map(count).join(', ')}]`);
      const total = matrixRows(5, 1000, columns).reduce((sum, row) => sum + count(row), 0);
      assert.equal(lines[3], `total: ${total.toLocaleString('en')} values within [${minimum}, ${maximum}] in 1,000 rows, the same from both`);
    });
  }

  // In wasm, howmany_within_range reads a row of 4 to 15 values as one vector of two
  // overlapping halves, and a longer one sixteen values at a time, its last vector
  // overlapping the one before (crate/src/demos/pool/kernel.rs): every width from 1 to 40
  // and the widest, by both ways of calling it once per row, with four placements of the
  // bounds taken in turn (lanes outside the row are zeros, which a minimum of 0 would
  // count).
  test('every row width counts as the definition does, by starmap and by apply', async () => {
    const page = await open('#pool-starmap');
    const widths = [...Array(40).keys()].map((i) => i + 1).concat(100);
    const bounds = [[0, 4], [2, 3], [6, 255], [5, 5]];
    const seed = 11;
    const runs = await page.evaluate(async ({ widths, bounds, seed }) => {
      const { PoolClient } = await import('./js/pool-client.js');
      const client = new PoolClient({ workers: 2 });
      const results = [];
      for (const method of ['starmap', 'apply']) {
        for (const [i, columns] of widths.entries()) {
          const [minimum, maximum] = bounds[i % bounds.length];
          const params = { rows: 100, columns, minimum, maximum, seed, repeats: 1 };
          const { countsHead, total } = await client.run(method, params, () => {});
          results.push({ method, columns, minimum, maximum, countsHead, total });
        }
      }
      client.stop();
      return results;
    }, { widths, bounds, seed });
    for (const { method, columns, minimum, maximum, countsHead, total } of runs) {
      const counts = matrixRows(seed, 100, columns).map((row) => howmanyWithinRange(row, minimum, maximum));
      const what = `${method}, ${columns} columns, [${minimum}, ${maximum}]`;
      assert.deepEqual(countsHead, counts.slice(0, countsHead.length), what);
      assert.equal(total, counts.reduce((sum, count) => sum + count, 0), what);
    }
  });

  test('one worker gives the same counts as two', async () => {
    const page = await open('#pool-map?workers=1&rows=3000&seed=9');
    assert.match(await runExample(page), / on 1 worker, /);
    assert.equal((await outputTexts(page))[0], `[${expectedHead(9).join(', ')}]`);
  });
});

/** Waits until the page has `count` workers (terminated ones leave the list; a pool's
 * rayon threads are workers of its worker, and count too). */
async function workersSettleAt(page, count) {
  for (let tries = 0; page.workers().length !== count; tries++) {
    assert.ok(tries < 100, `${page.workers().length} workers, expected ${count}`);
    await page.waitForTimeout(50);
  }
}

describe('failures', () => {
  // Where an example can fail, the example that runs there, and how many workers the page
  // has once a fresh pool is up again (the pool's worker and its threads).
  const PLACES = {
    page: { example: 'count-async', finished: /^Finished: 3 × count\(\) gathered/ },
    pageAfterAwait: { example: 'count-async', finished: /^Finished: 3 × count\(\) gathered/ },
    poolWorker: { example: 'pool-map?rows=1000&workers=2', finished: /^Finished/, workers: 1 + 2 },
    poolThread: { example: 'pool-map?rows=1000&workers=2', finished: /^Finished/, workers: 1 + 2 },
    process: { example: 'multiprocessing', finished: /^Finished: 4 processes/ },
  };
  const MESSAGES = {
    panic: /^Error: panic: panicked at .*debug panic requested/s,
    outOfMemory: /^Error: out of memory: an allocation of 2147483647 bytes failed$/,
    trap: /^Error: trap( on a pool thread)?: unreachable$/,
  };
  for (const [where, { example, finished, workers }] of Object.entries(PLACES)) {
    for (const [how, message] of Object.entries(MESSAGES)) {
      // A pool thread that traps leaves its caller waiting forever: without the page's
      // watchdog the run would never end, and the timeout makes that a failure.
      test(`${how} in the ${where}: the run ends with its message, and the next run works`, { timeout: 60_000 }, async () => {
        const page = await open(`?debug#${example}`);
        // The failure is logged on purpose; any other error still fails the test.
        opened.expectedErrors = /debug panic requested|unreachable|allocation of 2147483647 bytes/;
        await page.evaluate(([h, w]) => globalThis.playgroundDebug.fail(h, w), [how, where]);
        assert.match(await page.textContent('#status'), message);
        assert.equal(await page.isEnabled('#run'), true);
        assert.match(await runExample(page), finished);
        if (workers) await workersSettleAt(page, workers);
      });
    }
  }
});

describe('a run’s clock', () => {
  // A download held back 3 s while the learner presses Run: the output's times start when
  // the example does, its first line well within the first second (a few milliseconds in).
  const HELD_MS = 3000;
  for (const [example, file] of [['count-async?speed=10', 'pkg/playground_bg.wasm'], ['pool-map?rows=1000&repeats=1', 'js/pool-worker.js']]) {
    test(`${example.split('?')[0]}: starts when what it runs on is ready, not during a download`, async () => {
      const page = await open(`#${example}`, {
        prepare: (context) => context.route(`**/${file}*`, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, HELD_MS));
          await route.continue();
        }),
      });
      assert.match(await runExample(page), /^Finished/);
      const first = await page.$eval('#output .line', (line) => line.querySelector('.at').textContent);
      assert.ok(Number.parseFloat(first) < 1, `the first line at ${first}`);
    });
  }
});

describe('downloads', () => {
  test('the wasm is downloaded once: the pool’s worker starts from the module the page compiled', async () => {
    const wasmRequests = [];
    const page = await open('#pool-map?rows=1000&repeats=1', {
      prepare: (context) => context.on('request', (request) => {
        if (request.url().endsWith('/playground_bg.wasm')) wasmRequests.push(request.url());
      }),
    });
    assert.match(await runExample(page), /^Finished/);
    assert.equal(wasmRequests.length, 1, wasmRequests.join('\n'));
  });
});

describe('downloads that fail', () => {
  // Each file the examples download, blocked for the examples that need it: the run says
  // so within moments, Run comes back, and the next run downloads again.
  const BLOCKED = [
    ['count-async', 'pkg/playground_bg.wasm'],
    ['count-async', 'pkg/playground.js'],
    ['pool-map?rows=1000', 'pkg/playground_bg.wasm'],
    ['pool-map?rows=1000', 'pkg/playground.js'],
    ['pool-map?rows=1000', 'js/pool-worker.js'],
    ['pool-map?rows=1000', 'js/pool-thread.js'],
    ['multiprocessing', 'js/process-worker.js'],
  ];
  for (const [example, file] of BLOCKED) {
    test(`${example} without ${file}: a clear message, and Run tries again`, async () => {
      let blocked = true;
      const page = await open(`#${example}`, {
        prepare: (context) => context.route(`**/${file}*`, (route) => (blocked ? route.abort() : route.continue())),
      });
      opened.expectedErrors = /Failed to load resource|ERR_FAILED|Failed to fetch|dynamically imported module/;
      const status = await runExample(page, { timeout: 10_000 });
      assert.equal(status, `Error: Could not download ${file}, a part of the playground. Check the connection, then press Run to try again.`);
      assert.equal(await page.isEnabled('#run'), true);
      blocked = false;
      assert.match(await runExample(page), /^Finished/);
    });
  }

  // The glue, as the pool's worker alone or its threads alone get it: no instance can be
  // made there.
  for (const [who, script] of [['worker', 'pool-worker.js'], ['threads', 'pool-thread.js']]) {
    test(`a pool whose ${who} cannot start for another reason says why at once, and Run tries again`, async () => {
      let broken = true;
      const page = await open('#pool-map?rows=1000', {
        prepare: (context) => context.route('**/pkg/playground.js', async (route) => {
          const referer = route.request().headers().referer ?? '';
          if (broken && referer.endsWith(`/js/${script}`)) {
            await route.fulfill({
              contentType: 'text/javascript',
              body: 'export default async () => { throw new RangeError("no instance today"); };',
            });
          } else {
            await route.continue();
          }
        }),
      });
      // Not the start's timeout: "the thread pool did not start within 20 seconds".
      assert.equal(await runExample(page, { timeout: 30_000 }), 'Error: no instance today');
      broken = false;
      assert.match(await runExample(page), /^Finished/);
    });
  }

  // The parts loaded once the example is on screen (features.js): without them the page
  // says what is missing, and the example still shows and runs.
  test('without features.js: a clear message, and the example still runs', async () => {
    const page = await open('#count-async?speed=10', {
      prepare: (context) => context.route('**/js/features.js', (route) => route.abort()),
    });
    opened.expectedErrors = /Failed to load resource|ERR_FAILED/;
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'error');
    assert.equal(await page.textContent('#status'), 'Could not download the questions, the runs compared and ' +
      'the labs of this page: check the connection, then reload the page. The example itself still runs.');
    assert.equal(await page.textContent('#example-title'), 'Count Async');
    assert.match(await runExample(page), /^Finished/);
  });
});

describe('pool.map', () => {
  test('prints the first ten counts of the seeded matrix, computed on the thread pool', async () => {
    const page = await open('#pool-map?workers=2');
    const status = await runExample(page);
    const lines = await outputTexts(page);
    assert.equal(lines[0], `[${expectedHead(100).join(', ')}]`);
    assert.match(lines[1], /^pool\.map: 2,000,000 rows on 2 workers in [\d,]+\.\d\d ms \(chunks of 250,000 rows, median of 3\)$/);
    // The median speedup of the repeats, then their range; the status writes it the same.
    const [, speedup] = lines[2].match(/^sequential loop: \d+\.\d\d ms; speedup (\d+\.\d+× \(\d+\.\d+–\d+\.\d+×\))$/);
    // In words, as the status line says it too.
    const [, verdict] = lines[4].match(/^(The pool won|The pool lost|A tie within the noise): .* handing out the 8 chunks cost /);
    const inStatus = verdict[0].toLowerCase() + verdict.slice(1);
    assert.ok(status.startsWith(`Finished: speedup ${speedup} on 2 workers, ${inStatus} (pool.map `), status);
    // The runner and both workers: on a job this short one worker may take all eight
    // chunks before the other wakes, and the other's lane then shows it idle throughout.
    const lanes = await timelineLanes(page);
    assert.equal(lanes.at(-1), 'runner');
    assert.deepEqual(lanes.slice(0, -1).sort(), ['worker 0', 'worker 1']);
  });

  test('another seed and size give the counts recomputed here', async () => {
    const page = await open('#pool-map?rows=1000&seed=7&repeats=1');
    assert.equal(await page.inputValue('#param-rows'), '1000');
    await runExample(page);
    const [head] = await outputTexts(page);
    assert.equal(head, `[${expectedHead(7).join(', ')}]`);
  });

  test('a run too large for the memory is refused at once next to its field, with no trap', async () => {
    // Ten million chunks of one row: ten million spans, which filled the wasm memory.
    const page = await open('?debug#pool-map?rows=10000000&columns=10&repeats=1&chunkRows=1&workers=2');
    const message = 'pool.map would hand out 10,000,000 chunks, more than the 100,000 a run may: ' +
      'make it at least 100 rows per call.';
    // Said as soon as the link loads, before any Run.
    await page.waitForFunction(() => document.getElementById('param-chunkRows-error').textContent);
    assert.equal(await page.textContent('#param-chunkRows-error'), message);
    assert.match(await page.textContent('#status'), /in the link need fixing/);
    const status = await runExample(page);
    assert.equal(status, `Error: ${message}`);
    assert.equal(await page.textContent('#param-chunkRows-error'), message);
    assert.equal(await page.getAttribute('#param-chunkRows', 'aria-invalid'), '');
    assert.deepEqual(await outputTexts(page), []);
    // Refused before anything was allocated: its 100 MB matrix never grew the memory.
    const { pool } = await page.evaluate(() => globalThis.playgroundDebug.memoryBytes());
    assert.ok(pool < 64 * 2 ** 20, `the pool's memory grew to ${pool} bytes`);
    await page.fill('#param-chunkRows', '100');
    await page.fill('#param-rows', '100000');
    assert.match(await runExample(page), /^Finished: speedup /);
    assert.equal(await page.textContent('#param-chunkRows-error'), '');
  });

  test('a matrix too large for the memory is refused at the rows, with the most that fit', async () => {
    const page = await open('#pool-starmap?rows=10000000&columns=100&workers=2');
    const status = await runExample(page);
    const [, most] = status.match(/^Error: pool\.starmap on 10,000,000 rows × 100 columns needs [\d,]+ MiB, more than the 512 MiB a run may use: at most ([\d,]+) rows fit\.$/);
    assert.equal(await page.textContent('#param-rows-error'), status.replace(/^Error: /, ''));
    await page.fill('#param-rows', most.replaceAll(',', ''));
    await page.fill('#param-repeats', '1');
    assert.match(await runExample(page, { timeout: 120_000 }), /^Finished: speedup /);
  });

  test('a link’s verdict that arrives after Run never overwrites the run’s', async () => {
    // The page's own module, which checks the link, arrives late; the pool's worker, which
    // runs the example, loads its own.
    let release;
    const late = new Promise((resolve) => { release = resolve; });
    const page = await open('#pool-starmap?rows=10000000&columns=100&workers=2', {
      prepare: (context) => context.route('**/pkg/playground.js', async (route) => {
        // The page's import comes from one of its chunks; the pool's worker's and threads'
        // from their own files.
        const referer = route.request().headers().referer;
        if (!/\/js\/pool-(worker|thread)\.js$/.test(new URL(referer ?? 'about:blank').pathname)) await late;
        await route.continue();
      }),
    });
    const status = await runExample(page);
    assert.match(status, /^Error: pool\.starmap on 10,000,000 rows × 100 columns needs/);
    release();
    await page.evaluate(async () => {
      await (await import('./js/wasm.js')).loadWasm();
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    assert.equal(await page.textContent('#status'), status);
  });

  test('zero rows count nothing and say there is nothing to compare', async () => {
    const page = await open('#pool-map?rows=0&workers=2');
    assert.equal(await runExample(page), 'Finished: no rows, nothing to compare (pool.map on 2 workers)');
    const lines = await outputTexts(page);
    assert.equal(lines[0], '[]');
    assert.match(lines[2], /^sequential loop: \d+\.\d\d ms; no rows, so nothing to compare$/);
    assert.equal(lines[3], 'total: 0 values within [4, 8] in 0 rows, the same from both');
    assert.equal(lines.length, 4);
    assert.ok(!lines.join(' ').includes('NaN'), lines.join(' | '));
  });

  test('a long run can be stopped, and the next run succeeds', async () => {
    const page = await open('#pool-map?rows=10000000&repeats=25');
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'running');
    await page.click('#stop');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'stopped');
    await page.fill('#param-rows', '500');
    await page.fill('#param-repeats', '1');
    assert.match(await runExample(page), /^Finished/);
  });
});
