// End-to-end: "Predict, then run". Questions answered before a run, right and wrong, are
// checked against that very run: every right answer below is worked out from what the run
// printed or drew (its output and its timeline), never written in the test.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { servedPlayground } from './support/harness.mjs';

const served = servedPlayground();

/** Opens `address` and records every 'answer' the page publishes in `window.answers`. */
async function open(address, contextOptions) {
  const opened = await served.open(address, contextOptions);
  await opened.page.evaluate(async () => {
    const { onPage } = await import('/js/page-events.js');
    globalThis.answers = [];
    onPage('answer', (answer) => globalThis.answers.push(answer));
  });
  return opened;
}

/** Presses Run; waits for the run to end and its questions, if shown, to be checked. */
async function run(page) {
  await page.click('#run');
  await page.waitForFunction(() => ['done', 'error', 'stopped'].includes(document.getElementById('status').dataset.kind)
    && !document.querySelector('#questions-body fieldset:disabled'), null, { timeout: 90_000 });
}

const choose = (page, question, choice) => page.check(`#question-${question}-${choice}`);

/** A question's verdict as shown: {kind, mark, answer, why}; null if none. */
const verdictOf = (page, question) => page.evaluate((id) => {
  const verdict = document.querySelector(`[data-question="${id}"] .verdict`);
  return verdict && {
    kind: verdict.dataset.verdict,
    mark: verdict.querySelector('.verdict-mark').textContent,
    answer: verdict.querySelector('.right-answer')?.textContent,
    why: verdict.querySelector('.why')?.textContent,
  };
}, question);

/** The run's printed lines: [{at, lane, text}]. */
const outputLines = (page) => page.$$eval('#output .line', (lines) => lines.map((line) => ({
  at: Number(line.dataset.at), lane: line.dataset.lane, text: line.querySelector('.text').textContent,
})));

/** The replay's cursor: the timeline's "now" (null at the end). */
const cursor = (page) => page.$eval('#timeline', (timeline) => timeline.now);

/** Presses the question's "See it on the timeline"; returns the cursor it put. */
async function seeMoment(page, question) {
  await page.click(`[data-question="${question}"] .see-moment`);
  return cursor(page);
}

/** The start of the first timeline span whose label begins with `prefix`. */
const firstSpanStart = (page, prefix) => page.$eval('#timeline', (timeline, text) =>
  Math.min(...timeline.spans.filter((span) => span.label.startsWith(text)).map((span) => span.start)), prefix);

/** A number as the English page writes it ("1,437,325"). */
const number = (text) => Number(text.replaceAll(',', ''));

/** The choice that whole seconds `took` is nearest to, among `candidates`. */
const nearest = (took, candidates) =>
  candidates.reduce((best, s) => (Math.abs(s - took) < Math.abs(best - took) ? s : best));

/** Asserts the verdict is `right` or `wrong` as `given` is `expected` or not, in words and symbol. */
function assertVerdict(verdict, given, expected) {
  const right = given === expected;
  assert.equal(verdict.kind, right ? 'right' : 'wrong');
  assert.equal(verdict.mark, right ? '✓ Right.' : '✗ Not this time.');
}

describe('Count Async', () => {
  test('gathered: “One” comes next and the run takes about one second, from this run’s output', async () => {
    const { page } = await open('#count-async?speed=10&mode=gather&coroutines=3');
    assert.equal(await page.isVisible('[data-question="second-line"] legend'), true);
    await choose(page, 'second-line', 'one');
    await choose(page, 'duration', 'about-3');
    await run(page);
    const lines = await outputLines(page);
    const counts = lines.filter((line) => /count\(\) #\d$/.test(line.lane));
    const next = counts[1].text.toLowerCase();
    const took = Number(/executed in ([\d.]+) seconds/.exec(lines.at(-1).text)[1]);
    const duration = `about-${nearest(took, [1, 3, 6])}`;

    const second = await verdictOf(page, 'second-line');
    assertVerdict(second, 'one', next);
    assert.equal(second.answer, `The answer: ${counts[1].text}.`);
    assert.match(second.why, /event loop/);
    assertVerdict(await verdictOf(page, 'duration'), 'about-3', duration);
    assert.ok((await verdictOf(page, 'duration')).why.startsWith(`It took ${took} s: the 3 one-second sleeps`));
    // The moment: the second count's line, and the keyboard is on the replay's slider.
    assert.equal(await seeMoment(page, 'second-line'), counts[1].at);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'replay');
    const shownLines = await page.$$eval('#output .line:not(.future)', (nodes) => nodes.length);
    assert.ok(shownLines >= 2 && shownLines < lines.length, 'the output as it was at that moment');
    assert.deepEqual(await page.evaluate(() => globalThis.answers), [
      { example: 'count-async', question: 'second-line', answer: 'one', correct: next === 'one' },
      { example: 'count-async', question: 'duration', answer: 'about-3', correct: duration === 'about-3' },
    ]);
  });

  test('one after another: the same answers now get another verdict; new parameters ask again', async () => {
    const { page } = await open('#count-async?speed=10&mode=sequential&coroutines=3');
    await choose(page, 'second-line', 'one');
    await run(page);
    const lines = await outputLines(page);
    const counts = lines.filter((line) => /count\(\) #\d$/.test(line.lane));
    const took = Number(/executed in ([\d.]+) seconds/.exec(lines.at(-1).text)[1]);
    const second = await verdictOf(page, 'second-line');
    assertVerdict(second, 'one', counts[1].text.toLowerCase());
    assert.equal(second.answer, `The answer: ${counts[1].text}.`);
    // Unanswered, it still gets its answer, from the run.
    const duration = await verdictOf(page, 'duration');
    assert.equal(duration.kind, 'unanswered');
    assert.equal(duration.mark, '– Not answered.');
    assert.equal(duration.answer, `The answer: about ${nearest(took, [1, 3, 6])} s.`);
    assert.deepEqual(await page.evaluate(() => globalThis.answers.map((a) => a.question)), ['second-line']);
    assert.equal(await page.textContent('#questions-score'), `${second.kind === 'right' ? 1 : 0} of 1 answered right.`);
    // Other parameters: the questions are asked again, with choices for them.
    await page.fill('#param-coroutines', '4');
    await page.press('#param-coroutines', 'Tab');
    await page.waitForFunction(() => !document.querySelector('.verdict'));
    assert.equal(await page.isChecked('#question-second-line-one'), false);
    assert.deepEqual(await page.$$eval('[data-question="duration"] input', (inputs) => inputs.map((i) => i.value)),
      ['about-1', 'about-4', 'about-8']);
    assert.equal(await page.textContent('#questions-score'), '');
  });
});

describe('Threading', () => {
  test('the unsynchronised counter’s losses and the Mutex’s, from the counts printed', async () => {
    const { page } = await open('#threading');
    await choose(page, 'unsynchronised-lost', 'none');
    await choose(page, 'mutex-lost', 'half-or-more');
    await run(page);
    const lines = await outputLines(page);
    const countOf = (sharing) => {
      const printed = lines.find((line) => line.text.includes(`${sharing}:`)).text;
      // The output writes the crate's numbers as the page's language does: 1,437,325.
      const match = /: ([\d,]+) of ([\d,]+)/.exec(printed.slice(printed.indexOf(`${sharing}:`) - 2));
      return { counted: number(match[1]), expected: number(match[2]) };
    };
    const lostChoice = ({ counted, expected }) =>
      (counted === expected ? 'none' : expected - counted < expected / 2 ? 'under-half' : 'half-or-more');
    const unsynchronised = countOf('unsynchronised');
    const verdict = await verdictOf(page, 'unsynchronised-lost');
    assertVerdict(verdict, 'none', lostChoice(unsynchronised));
    assert.ok(verdict.why.startsWith(`It counted ${unsynchronised.counted.toLocaleString('en')} of ` +
      `${unsynchronised.expected.toLocaleString('en')}`), verdict.why);
    const mutex = await verdictOf(page, 'mutex-lost');
    assertVerdict(mutex, 'half-or-more', lostChoice(countOf('Mutex')));
    assert.match(mutex.why, /holds the lock/);
    // The moment: the unsynchronised race on the timeline.
    assert.equal(await seeMoment(page, 'unsynchronised-lost'), await firstSpanStart(page, 'read, add, write'));
    assert.equal(await seeMoment(page, 'mutex-lost'), await firstSpanStart(page, 'held the lock'));
  });
});

describe('pool.map', () => {
  test('whether the pool beat the loop, and how many hand-outs, from the run’s own report', async () => {
    const { page } = await open('#pool-map?rows=100000&workers=2');
    await choose(page, 'beats-loop', 'yes');
    await choose(page, 'hand-outs', 'one-per-row');
    await run(page);
    const lines = await outputLines(page);
    const report = lines.find((line) => /^(The pool won|The pool lost|A tie)/.test(line.text)).text;
    const beats = report.startsWith('The pool won') ? 'yes' : report.startsWith('The pool lost') ? 'no' : 'tie';
    const handOuts = number(/handing out the ([\d,]+) chunks?/.exec(report)?.[1] ?? '');
    assert.ok(handOuts > 0, report);
    const verdict = await verdictOf(page, 'beats-loop');
    assertVerdict(verdict, 'yes', beats);
    const [, poolMs] = /pool\.map: [\d,]+ rows on 2 workers in ([\d.]+) ms/.exec(lines.find((l) => l.text.startsWith('pool.map:')).text);
    assert.ok(verdict.why.includes(`pool.map ${Number(poolMs)} ms`), verdict.why);
    const handOutsVerdict = await verdictOf(page, 'hand-outs');
    assertVerdict(handOutsVerdict, 'one-per-row',
      handOuts >= 100_000 ? 'one-per-row' : handOuts <= 2 ? 'one-per-worker' : 'a-few-per-worker');
    assert.ok(handOutsVerdict.why.startsWith(`${handOuts} chunks`), handOutsVerdict.why);
    assert.equal(await seeMoment(page, 'beats-loop'), await firstSpanStart(page, 'waiting for pool.map'));
    assert.equal(await seeMoment(page, 'hand-outs'), await firstSpanStart(page, 'rows '));
  });
});

describe('Multiprocessing', () => {
  test('the order the processes printed in, as this run printed it', async () => {
    const { page } = await open('#multiprocessing?processes=4');
    await choose(page, 'start-order', 'yes');
    await choose(page, 'first-to-print', 'process-1');
    await choose(page, 'page-counter', 'count-4');
    await run(page);
    const [, own] = /by the page's own: (\d+)/.exec((await outputLines(page)).find((l) => l.text.includes('page\'s own')).text);
    const counter = await verdictOf(page, 'page-counter');
    assertVerdict(counter, 'count-4', `count-${own}`);
    assert.equal(counter.answer, `The answer: ${own}.`);
    const printed = (await outputLines(page)).filter((line) => /^process \d/.test(line.lane));
    const order = printed.map((line) => Number(/^process (\d+)/.exec(line.lane)[1]));
    const inOrder = order.every((n, index) => n === index + 1);
    const startOrder = await verdictOf(page, 'start-order');
    assertVerdict(startOrder, 'yes', inOrder ? 'yes' : 'no');
    assert.ok(startOrder.why.includes(order.join(', ')), startOrder.why);
    assertVerdict(await verdictOf(page, 'first-to-print'), 'process-1', `process-${order[0]}`);
    assert.equal((await verdictOf(page, 'first-to-print')).answer, `The answer: process ${order[0]}.`);
    const outOfPlace = printed.find((line, index) => order[index] !== index + 1) ?? printed.at(-1);
    assert.equal(await seeMoment(page, 'start-order'), outOfPlace.at);
  });
});

describe('a run that cannot settle them', () => {
  test('stopped before the end: each question says so, and no answer is published', async () => {
    const { page } = await open('#rand?speed=1');
    await choose(page, 'first-to-finish', 'makerandom-0');
    await page.click('#run');
    await page.waitForSelector('#output .line');
    await page.click('#stop');
    await page.waitForSelector('[data-question="first-to-finish"] .verdict');
    assert.equal(await page.textContent('#status'), 'Stopped.');
    for (const question of ['first-to-finish', 'last-to-finish']) {
      const verdict = await verdictOf(page, question);
      assert.equal(verdict.kind, 'unsettled');
      assert.match(verdict.mark, /^\? This run cannot settle it/);
      assert.equal(verdict.answer, undefined, 'no answer it could not know');
    }
    assert.equal(await page.locator('.see-moment').count(), 0);
    assert.equal(await page.textContent('#questions-score'), '', 'no score of answers it could not check');
    assert.deepEqual(await page.evaluate(() => globalThis.answers), []);
    assert.equal(await page.isChecked('#question-first-to-finish-makerandom-0'), true, 'the answer stays for the next run');
  });
});

describe('the questions, by keyboard, switched off and in Spanish', () => {
  test('answered, run and followed to the timeline by keyboard alone', async () => {
    const { page } = await open('#count-async?speed=10&mode=sequential');
    await page.focus('#questions-on');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'question-second-line-one');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.isChecked('#question-second-line-two'), true);
    // Back to Run (Stop is disabled, so Share, then Run) and press it.
    await page.focus('#questions-on');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'run');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.see-moment', { timeout: 60_000 });
    const next = (await outputLines(page)).filter((line) => /count\(\) #\d$/.test(line.lane))[1];
    assertVerdict(await verdictOf(page, 'second-line'), 'two', next.text.toLowerCase());
    for (let presses = 0; presses < 30; presses++) {
      if (await page.evaluate(() => document.activeElement.classList.contains('see-moment'))) break;
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement.closest('[data-question]')?.dataset.question), 'second-line');
    await page.keyboard.press('Enter');
    assert.equal(await cursor(page), next.at);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'replay');
    // Another answer for the next run: that run's verdict goes, the keyboard stays put.
    await page.focus('#question-second-line-two');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.isChecked('#question-second-line-one'), true);
    assert.equal(await verdictOf(page, 'second-line'), null);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'question-second-line-one');
    assert.notEqual(await verdictOf(page, 'duration'), null, 'the other question keeps its verdict');
  });

  test('?questions=off hides them and checks nothing; the toggle brings them back and is kept', async () => {
    const { page } = await open('/?questions=off#count-async?speed=10');
    assert.equal(await page.isChecked('#questions-on'), false);
    assert.equal(await page.isHidden('#questions-body'), true);
    await run(page);
    assert.deepEqual(await page.evaluate(() => globalThis.answers), []);
    await page.click('#questions-on');
    assert.equal(await page.isVisible('[data-question="second-line"]'), true);
    assert.equal(await page.locator('.verdict').count(), 0, 'turned on after the run: asked afresh');
    // Kept: turned off by the toggle, still off on the next visit.
    await page.click('#questions-on');
    await page.goto(page.url().replace('?questions=off', ''));
    await page.waitForSelector('html[data-ready="true"]');
    assert.equal(await page.isChecked('#questions-on'), false);
    assert.equal(await page.isHidden('#questions-body'), true);
  });

  test('a value of ?questions= that is not one is said, and ignored', async () => {
    const { page } = await open('/?questions=maybe#rand?speed=10');
    assert.equal(await page.textContent('#questions-option-error'),
      '“maybe” is not a value of ?questions= (on or off): ignored.');
    assert.equal(await page.isVisible('[data-question="first-to-finish"]'), true);
  });

  test('in Spanish, and a switch of language says the verdicts again in English', async () => {
    const { page } = await open('/?lang=es#count-async?speed=10&mode=gather');
    assert.equal(await page.textContent('[data-question="second-line"] legend'),
      '1. Tras el primer «One», ¿qué dice la línea siguiente?');
    await choose(page, 'second-line', 'two');
    await run(page);
    const next = (await outputLines(page)).filter((line) => /count\(\) #\d$/.test(line.lane))[1].text;
    const verdict = await verdictOf(page, 'second-line');
    assert.equal(verdict.mark, next === 'Two' ? '✓ Correcto.' : '✗ Esta vez no.');
    assert.equal(verdict.answer, `La respuesta: ${next}.`);
    assert.match((await verdictOf(page, 'duration')).why, /^Duró \d+(,\d+)? s/);
    await page.selectOption('#language', 'en');
    const english = await verdictOf(page, 'second-line');
    assert.equal(english.mark, next === 'Two' ? '✓ Right.' : '✗ Not this time.');
    assert.equal(await page.textContent('#questions-heading'), 'Predict, then run');
    assert.equal(await page.isChecked('#question-second-line-two'), true, 'the answer stays');
  });
});
