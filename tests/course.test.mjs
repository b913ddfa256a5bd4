// End-to-end: a course that embeds one example: the options its snippet carries (chosen,
// and previewed, in the share panel), and the course told what the learner does once it
// has said hello, on a host without isolation headers. Fails on any page error.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, servedPlayground } from './support/harness.mjs';
import { RECORDER, ask, courseHelpers, received, startCourseHost } from './support/course.mjs';

const served = servedPlayground();
const { openCoursePage } = courseHelpers(served);

/** The snippet the share panel gives for `hash` once `choose(page)` has set its options. */
async function snippetWith(hash, choose) {
  const { page, context } = await served.open(hash);
  await page.click('#share');
  await choose(page);
  const snippet = await page.inputValue('#share-embed');
  await context.close();
  return snippet.replace('<iframe ', '<iframe class="playground" ');
}

const chooseForCourse = async (page) => {
  await page.uncheck('#course-explain');
  await page.check('#course-code');
  await page.check('#course-run');
  await page.selectOption('#course-lang', 'es');
};

const statusIs = (frame, kind) => frame.waitForFunction(
  (kind) => document.getElementById('status').dataset.kind === kind, kind, { timeout: 60_000 });

describe('the share panel’s course options', () => {
  test('go into the snippet, and the preview shows what the learner will see', async () => {
    const { page } = await served.open('#count-async?coroutines=2&speed=10');
    await page.click('#share');
    const plain = await page.inputValue('#share-embed');
    assert.match(plain, /src="[^"]*\/\?embed#count-async\?mode=gather&amp;coroutines=2&amp;speed=10"|src="[^"]*\/\?embed#count-async\?mode=gather&coroutines=2&speed=10"/);
    await chooseForCourse(page);
    await page.uncheck('#course-questions');
    const snippet = await page.inputValue('#share-embed');
    const src = new URL(snippet.match(/src="([^"]+)"/)[1]);
    assert.equal(src.search, '?embed&lang=es&questions=off&explain=off&code=on&run=load');
    // Keyboard: the preview opens from its button, and shows that very URL.
    await page.focus('#share-preview-toggle');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('#share-preview-toggle', 'aria-expanded'), 'true');
    assert.equal(await page.getAttribute('#share-preview', 'src'), src.href);
    const preview = await (await page.$('#share-preview')).contentFrame();
    await preview.waitForSelector('html[data-ready="true"]');
    await statusIs(preview, 'done');
    const shown = await preview.evaluate(() => ({
      lang: document.documentElement.lang,
      explanation: getComputedStyle(document.getElementById('example-explanation')).display,
      code: getComputedStyle(document.querySelector('.code-panels')).display,
      nav: getComputedStyle(document.querySelector('nav')).display,
    }));
    assert.deepEqual(shown, { lang: 'es', explanation: 'none', code: 'grid', nav: 'none' });
    // Changed while open, the preview follows; closed, it is unloaded.
    await page.check('#course-explain');
    await page.waitForFunction(() => !document.getElementById('share-preview').src.includes('explain=off'));
    await page.click('#share-preview-toggle');
    assert.equal(await page.isHidden('#share-preview'), true);
    assert.equal(await page.getAttribute('#share-preview', 'src'), null);
  });

  test('a link’s options it does not take are named, and the page works on', async () => {
    const { page } = await served.open('?embed&code=maybe#count-async?coroutines=2&speed=10');
    // Said once the link's own parameters have been checked (they come first).
    const said = (page) => page.waitForFunction(() => document.getElementById('status').textContent).then(() => page.textContent('#status'));
    assert.match(await said(page), /The link’s option code=maybe was ignored: it takes on, off\./);
    assert.equal(await page.isHidden('.code-panels'), true, 'an embed’s default');
    await page.click('#run');
    await statusIs(page, 'done');
    const other = (await served.open('?zoom=2&theme=pink#rand')).page;
    assert.match(await said(other), /The link’s option “zoom” was ignored: the page has no such option\. The link’s option theme=pink was ignored: it takes light, dark\./);
  });
});

describe('a course page around the example', () => {
  let host;
  before(async () => {
    const snippet = await snippetWith('#count-async?coroutines=2&speed=10', chooseForCourse);
    const plain = await snippetWith('#count-async?coroutines=2&speed=10', async () => {});
    const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lesson</title>
      <link rel="icon" href="data:,">${RECORDER}</head><body><h1>Lesson</h1>${body}</body></html>`;
    // The README's example host page, as written, but for the playground's address.
    const example = (await readFile(path.join(ROOT, 'docs/course-example.html'), 'utf8'))
      .replaceAll('https://playground.example/', served.server.url);
    host = await startCourseHost({
      '/options.html': page(snippet), '/plain.html': page(plain), '/example.html': example,
    });
  });
  after(() => host?.close());

  test('shows what the options say, without isolation, and runs on load', async () => {
    const { frame } = await openCoursePage(`${host.url}options.html`);
    assert.equal(await frame.evaluate(() => crossOriginIsolated), false);
    await statusIs(frame, 'done');
    assert.match(await frame.textContent('#status'), /^Terminado/);
    assert.equal(await frame.isHidden('#example-explanation'), true);
    assert.equal(await frame.isVisible('#rust-code'), true);
  });

  test('hello gives the version and what it does; then each run the learner makes is told', async () => {
    const { page, frame } = await openCoursePage(`${host.url}plain.html`);
    // Before hello the course is told nothing of what the learner does.
    await frame.click('#run');
    await statusIs(frame, 'done');
    const hello = await ask(page, { type: 'playground:hello', id: 'h' }, {});
    assert.equal(hello.version, 1);
    assert.deepEqual(hello.capabilities, ['run', 'stop', 'result', 'answer', 'height']);
    assert.equal(hello.example, 'count-async');
    assert.equal(hello.threads, false);
    assert.deepEqual(await received(page, 'playground:result'), []);
    await frame.click('#run');
    await statusIs(frame, 'done');
    await page.waitForFunction(() => received.some((m) => m.data?.type === 'playground:result'));
    const [told] = await received(page, 'playground:result');
    assert.equal(told.from, 'playground');
    assert.equal(told.data.id, undefined, 'news, not a reply');
    assert.equal(told.data.status, 'done');
    assert.deepEqual(told.data.output.slice(0, 4).map((line) => line.text), ['One', 'One', 'Two', 'Two']);
    // A run the course asks for is answered once, by its reply.
    const reply = await ask(page, { type: 'playground:run', id: 7, params: { coroutines: 1 } });
    assert.equal(reply.status, 'done');
    assert.equal((await received(page, 'playground:result')).length, 2, 'the earlier news and this reply');
  });

  test('values the course sends that are refused leave the learner’s form as it was', async () => {
    const { page, frame } = await openCoursePage(`${host.url}plain.html`);
    const form = () => frame.$eval('#param-coroutines', (input) => input.value);
    const before = await form();
    const notANumber = await ask(page, { type: 'playground:run', id: 1, params: { coroutines: 'abc' } });
    assert.equal(notANumber.status, 'invalid');
    assert.deepEqual(notANumber.errors, { coroutines: 'Enter a number.' });
    const tooMany = await ask(page, { type: 'playground:run', id: 2, params: { coroutines: 1e9 } });
    assert.deepEqual(tooMany.errors, { coroutines: 'Between 1 and 10,000.' });
    assert.equal(await form(), before);
    assert.equal(await frame.textContent('#param-coroutines-error'), '');
    const good = await ask(page, { type: 'playground:run', id: 3, params: {} });
    assert.equal(good.status, 'done', good.message);
  });

  test('the README’s example course page keeps a gradebook of the learner’s answers and runs', async () => {
    const { page: course } = await served.open(`${host.url}example.html`, {}, { ready: false });
    const frame = await (await course.waitForSelector('#lesson')).contentFrame();
    await frame.waitForSelector('html[data-ready="true"]');
    assert.equal(await frame.isHidden('#example-explanation'), true, 'explain=off');
    // The course says hello on ready; a run made after that lands in the gradebook.
    await course.waitForFunction(() => document.getElementById('lesson').dataset.hello === '1');
    await frame.selectOption('#param-speed', '10');
    await frame.check('#question-duration-about-3');
    await frame.click('#run');
    await statusIs(frame, 'done');
    await course.waitForFunction(() => document.querySelectorAll('#gradebook tr').length >= 2);
    // Messages from the frame arrive in order: once a reply sent after them is in, so is
    // anything the run made the frame send (a duplicate would show).
    await ask(course, { type: 'playground:hello', id: 'sync' }, { frame: '#lesson' });
    const rows = await course.$$eval('#gradebook tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
    // The course hears the verdict the learner sees.
    const verdict = await frame.$eval('[data-question="duration"] .verdict', (node) => node.dataset.verdict);
    assert.deepEqual(rows.find((row) => row[0] === 'count-async: duration'),
      ['count-async: duration', 'answered about-3', verdict === 'right' ? 'yes' : 'no']);
    assert.match(rows.find((row) => row[0] === 'count-async: a run')[1], /^done in \d+ ms$/);
    assert.equal(rows.length, 2, 'one answer, one run: unanswered questions are not graded');
  });
});
