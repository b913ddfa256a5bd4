// End-to-end: the playground where a course puts it. A teacher copies the iframe snippet
// from the page and pastes it into a plain page on another host, one that sends no
// isolation headers; the example must run there without threads and say so, and the
// course page can drive it through the postMessage API. A site without headers of its
// own gets isolation from the service worker instead.

import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { servedPlayground, startServer } from './support/harness.mjs';
import { RECORDER, ask, courseHelpers, received, startCourseHost } from './support/course.mjs';
import { howmanyWithinRange, matrixRows } from './support/pcg32.mjs';

const served = servedPlayground();

const { embedSnippet, openCoursePage } = courseHelpers(served);

describe('embedded in a course page on a host without isolation headers', () => {
  let host;
  let snippet;
  before(async () => {
    snippet = await embedSnippet('#count-async?coroutines=3&speed=10');
    const second = (await embedSnippet('#pool-starmap?rows=5000')).replace('class="playground"', 'class="second"');
    const course = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lesson 4</title><link rel="icon" href="data:,">
      ${RECORDER}</head><body><h1>Lesson 4: coroutines</h1>${snippet}
      <iframe class="sibling" srcdoc="<p>another widget</p>"></iframe></body></html>`;
    const twoExamples = course.replace('<iframe class="sibling"', `${second}<iframe class="sibling"`);
    const sandboxed = (allowed) => course.replace('<iframe class="playground" ', `<iframe class="playground" sandbox="${allowed}" `);
    host = await startCourseHost({
      '/lesson.html': course, '/two.html': twoExamples,
      '/sandboxed.html': sandboxed('allow-scripts'), '/no-scripts.html': sandboxed(''),
      '/malformed.html': course.replace('?embed#count-async', '?embed#count-async%'),
    });
  });
  after(() => host?.close());

  test('the pasted snippet runs the example there, without threads, and says so', async () => {
    const { page, frame } = await openCoursePage(`${host.url}lesson.html`);
    assert.equal(await frame.evaluate(() => crossOriginIsolated), false);
    assert.equal(await frame.isHidden('#isolation-notice'), true, 'coroutines need no threads');
    const full = new URL(await frame.getAttribute('#isolation-open-full', 'href'));
    assert.equal(full.search, '', 'the link leads out of embed mode');
    assert.equal(full.hash, '#count-async?mode=gather&coroutines=3&speed=10');
    assert.equal(await frame.isHidden('nav'), true);
    assert.equal(await frame.isHidden('#sandbox-notice'), true, 'not sandboxed');

    await frame.click('#run');
    await frame.waitForFunction(() => document.getElementById('status').dataset.kind === 'done');
    const lines = await frame.$$eval('#output .line .text', (nodes) => nodes.map((n) => n.textContent));
    assert.deepEqual(lines.slice(0, 6), ['One', 'One', 'One', 'Two', 'Two', 'Two']);
    const [ready] = await received(page, 'playground:ready');
    assert.deepEqual(ready.data, { type: 'playground:ready', example: 'count-async', threads: false });
    assert.equal(ready.from, 'playground');

    // An example that would use threads says it has none, and so does its result. Apply
    // first: its calls, the first use of the pool, run on the one thread there is.
    const apply = await ask(page, { type: 'playground:run', id: 2, example: 'pool-apply', params: { rows: 500 } });
    assert.equal(apply.status, 'done', apply.message);
    const map = await ask(page, { type: 'playground:run', id: 1, example: 'pool-map', params: { rows: 1000, workers: 2 } });
    assert.equal(await frame.isVisible('#isolation-notice'), true);
    assert.match(await frame.textContent('#isolation-notice'), /The page around this example is not cross-origin isolated/);
    assert.deepEqual(map.notes, ['It ran on 1 worker, not 2: this page has no threads.']);
    assert.match(map.message, /It ran on 1 worker, not 2/);
  });

  test('in a frame sandboxed with scripts only, every example runs and the page says what is missing', async () => {
    const { page, frame } = await openCoursePage(`${host.url}sandboxed.html`);
    assert.equal(await frame.evaluate(() => origin), 'null', 'an opaque origin');
    assert.match(await frame.textContent('#sandbox-notice'), /sandbox="allow-scripts allow-same-origin allow-popups"/);
    await frame.click('#run');
    await frame.waitForFunction(() => document.getElementById('status').dataset.kind === 'done');
    // Workers too, though such a frame may not start one from the site's URL.
    for (const example of ['pool-map', 'multiprocessing', 'threading']) {
      const reply = await ask(page, { type: 'playground:run', id: example, example, params: {} }, { sandboxed: true });
      assert.equal(reply.status, 'done', `${example}: ${reply.message}`);
    }
    // Without scripts, it says what the frame needs.
    const withoutScripts = await served.open(`${host.url}no-scripts.html`, {}, { ready: false });
    withoutScripts.expectedErrors = /Blocked script execution .* 'allow-scripts' permission is not set/;
    const bare = withoutScripts.page;
    const frameless = await (await bare.waitForSelector('iframe.playground')).contentFrame();
    const notice = await frameless.waitForSelector('noscript .notice');
    assert.match((await notice.innerText()).replace(/\s+/g, ' '), /that attribute must include allow-scripts\./);
  });

  test('a link it cannot read still gives the course page a playground that answers', async () => {
    const { page } = await openCoursePage(`${host.url}malformed.html`);
    const [ready] = await received(page, 'playground:ready');
    assert.equal(ready.data.example, 'multiprocessing');
    const reply = await ask(page, { type: 'playground:run', id: 1, example: 'count-async', params: { speed: 10 } });
    assert.equal(reply.status, 'done', reply.message);
  });

  test('the course page runs the example with its parameters and gets the outcome', async () => {
    const { page } = await openCoursePage(`${host.url}lesson.html`);
    const reply = await ask(page, { type: 'playground:run', id: 1, params: { coroutines: 2, speed: '10' } });
    assert.equal(reply.type, 'playground:result');
    assert.equal(reply.status, 'done', reply.message);
    assert.equal(reply.example, 'count-async');
    assert.deepEqual(reply.output.slice(0, 4).map((line) => line.text), ['One', 'One', 'Two', 'Two']);
    assert.match(reply.output[4].text, /^count_async\.rs executed in \d+\.\d\d seconds\.$/);
    assert.ok(reply.output[2].atMs >= reply.output[1].atMs, 'lines in the order printed');
    assert.equal(reply.outputLines, 5);
    assert.ok(reply.elapsedMs > 0);
  });

  test('pool and process examples run there on one worker, with the same results', async () => {
    const { page } = await openCoursePage(`${host.url}lesson.html`);
    const map = await ask(page, {
      type: 'playground:run', id: 'map', example: 'pool-map', params: { rows: 20000, seed: 7, workers: 2 },
    });
    assert.equal(map.status, 'done', map.message);
    assert.match(map.message, / on 1 worker, /);
    const head = matrixRows(7, 10, 5).map((row) => howmanyWithinRange(row, 4, 8));
    assert.equal(map.output[0].text, `[${head.join(', ')}]`);

    const processes = await ask(page, { type: 'playground:run', id: 'mp', example: 'multiprocessing' });
    assert.equal(processes.status, 'done', processes.message);
    assert.deepEqual(processes.output.slice(0, 4).map((line) => line.text).sort(), [
      'The name of continent is :  Africa', 'The name of continent is :  America',
      'The name of continent is :  Asia', 'The name of continent is :  Europe',
    ]);

    const threading = await ask(page, { type: 'playground:run', id: 'th', example: 'threading' });
    assert.equal(threading.status, 'done', threading.message);
    assert.deepEqual(threading.output.slice(0, 3).map((line) => line.text), ['Square: 100', 'Cube: 1000', 'Done!']);
  });

  test('bad requests get a reply saying why, and run nothing', async () => {
    const { page, frame } = await openCoursePage(`${host.url}lesson.html`);
    const cases = [
      [{ type: 'playground:fly', id: 1 }, /^Unknown request "playground:fly"/],
      [{ type: 'playground:run', id: 2, example: 'pool-maps' }, /no runnable example called "pool-maps"/],
      [{ type: 'playground:run', id: 3, params: { coroutine: 2 } }, /count-async has no parameter "coroutine"; it has mode, coroutines, speed\./],
      [{ type: 'playground:run', id: 4, params: { speed: { toString: 1 } } }, /Parameter "speed" must be a string or a number/],
      [{ type: 'playground:run', id: 5, params: { speed: 'x'.repeat(5000) } }, /under 4096 characters/],
    ];
    for (const [request, message] of cases) {
      const reply = await ask(page, request);
      assert.equal(reply.type, 'playground:error', JSON.stringify(request).slice(0, 80));
      assert.match(reply.message, message);
    }
    const badId = await ask(page, { type: 'playground:run', id: [6] }, { replyId: undefined });
    assert.match(badId.message, /"id" must be a string or a number/);
    const invalid = await ask(page, { type: 'playground:run', id: 7, params: { coroutines: 0, speed: 3 } });
    assert.equal(invalid.status, 'invalid');
    assert.deepEqual(Object.keys(invalid.errors).sort(), ['coroutines', 'speed']);
    // The course's mistake, told in the reply: the learner's form keeps its own values.
    assert.equal(await frame.$('#param-coroutines[aria-invalid]'), null);
    assert.equal(await frame.$eval('#param-coroutines', (input) => input.value), '3');
    assert.deepEqual(await frame.$$eval('#output .line', (nodes) => nodes.length), 0);
    // A rule the crate enforces names its field too.
    const refused = await ask(page, { type: 'playground:run', id: 8, example: 'chained', params: { chains: '1 two' } });
    assert.equal(refused.status, 'error');
    assert.deepEqual(refused.errors, { chains: 'Each chain must be a whole number from 1 to 1,000; got "two".' });
  });

  test('only the embedding page is listened to, and only it hears the outcome', async () => {
    const { page, frame } = await openCoursePage(`${host.url}lesson.html`);
    // Another frame of the course page asks first, listening for a reply; then the course
    // page itself, whose reply comes after the other request has been dealt with.
    await page.evaluate(() => {
      const sibling = document.querySelector('iframe.sibling').contentDocument;
      const script = sibling.createElement('script');
      script.textContent = `window.got = [];
        addEventListener('message', (event) => got.push(event.data));
        parent.frames[0].postMessage({ type: 'playground:run', id: 'sibling' }, '*');`;
      sibling.body.append(script);
    });
    const reply = await ask(page, { type: 'playground:fly', id: 'after' });
    assert.equal(reply.type, 'playground:error');
    assert.deepEqual(await page.evaluate(() => document.querySelector('iframe.sibling').contentWindow.got), []);
    assert.equal(await frame.getAttribute('#status', 'data-kind'), '', 'nothing ran');
  });

  test('two examples on one course page run at the same time, each on its own', async () => {
    const { page } = await openCoursePage(`${host.url}two.html`);
    const secondFrame = await (await page.waitForSelector('iframe.second')).contentFrame();
    await secondFrame.waitForSelector('html[data-ready="true"]');
    const [coroutines, starmap] = await Promise.all([
      ask(page, { type: 'playground:run', id: 'a', params: { coroutines: 3, speed: 10 } }),
      ask(page, { type: 'playground:run', id: 'b', params: { seed: 7 } }, { frame: 'iframe.second' }),
    ]);
    assert.equal(coroutines.status, 'done', coroutines.message);
    assert.deepEqual(coroutines.output.slice(0, 6).map((line) => line.text), ['One', 'One', 'One', 'Two', 'Two', 'Two']);
    assert.equal(starmap.status, 'done', starmap.message);
    assert.equal(starmap.example, 'pool-starmap');
    const head = matrixRows(7, 10, 5).map((row) => howmanyWithinRange(row, 4, 8));
    assert.equal(starmap.output[0].text, `[${head.join(', ')}]`);
  });

  test('reports its height, and again when it grows', async () => {
    const { page, frame } = await openCoursePage(`${host.url}lesson.html`);
    await page.waitForFunction(() => received.some((m) => m.data?.type === 'playground:height'));
    const first = (await received(page, 'playground:height')).at(-1).data.height;
    const documentHeight = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    assert.equal(first, documentHeight);
    await frame.click('#run');
    await frame.waitForFunction(() => document.getElementById('status').dataset.kind === 'done');
    await page.waitForFunction((first) => received.some((m) => m.data?.type === 'playground:height' && m.data.height > first), first);
    // The snippet's own script fits the frame to it: the course page shows no inner scrollbar.
    await page.waitForFunction(() => {
      const frame = document.querySelector('iframe.playground');
      const last = received.filter((m) => m.data?.type === 'playground:height').at(-1).data.height;
      return frame.getBoundingClientRect().height === last;
    });
    assert.equal(await frame.evaluate(() => document.scrollingElement.scrollHeight <= innerHeight), true);
  });
});

describe('a site that cannot send headers', () => {
  let bare;
  let elsewhere;
  before(async () => {
    bare = await startServer({ config: 'tests/support/serve-without-headers.json' });
    elsewhere = await startCourseHost({ '/data.html': '<p>data</p>' }, { cors: true });
  });
  after(async () => {
    await bare?.close();
    await elsewhere?.close();
  });

  test('gets isolation, and threads, from the service worker', async () => {
    const { page } = await served.open(`${bare.url}#pool-map?rows=20000&workers=2`, {}, { ready: false });
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && crossOriginIsolated,
      null, { timeout: 20_000 });
    assert.equal(await page.isHidden('#isolation-notice'), true);
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done');
    assert.match(await page.textContent('#status'), /on 2 workers/);

    // The service worker adds the headers to the site's own responses, and to no other's.
    const coep = (url) => page.evaluate(async (url) =>
      (await fetch(url)).headers.get('Cross-Origin-Embedder-Policy'), url);
    assert.equal(await coep(`${bare.url}favicon.svg`), 'require-corp');
    assert.equal(await coep(`${elsewhere.url}data.html`), null);
  });
});
