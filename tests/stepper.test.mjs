// End-to-end: "be the scheduler" on example 2 (www/js/thread-stepper/). The learner steps two
// threads by hand into a lost update, sees a Mutex make them wait and an atomic lose
// nothing, leads two locks into a deadlock and takes it back, by mouse, by keyboard alone,
// and in Spanish.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { servedPlayground } from './support/harness.mjs';

const served = servedPlayground();

async function openStepper(address = '#threading', contextOptions) {
  const { page } = await served.open(address, contextOptions);
  await page.waitForSelector('#thread-stepper:not([hidden])');
  return page;
}

/** What the stepper shows: the news line, the facts, the log, the shared values by name,
 * and each thread's button state, its reason, its locals and its marked line. */
const view = (page) => page.evaluate(() => {
  const text = (selector) => document.querySelector(selector).textContent;
  // By each <dt>'s text: a name, and for the shared ones what it names ("locked value",
  // "locked lock").
  const terms = (dl) => Object.fromEntries([...dl.querySelectorAll('dt')]
    .map((dt) => [dt.textContent, dt.nextElementSibling.textContent]));
  return {
    news: text('#thread-stepper-news'),
    facts: [...document.querySelectorAll('#thread-stepper-facts li:not(.empty)')].map((li) => li.textContent),
    log: [...document.querySelectorAll('#thread-stepper-log li:not(.empty)')].map((li) => li.textContent),
    shared: terms(document.querySelector('.stepper-shared')),
    threads: [1, 2].map((number) => {
      const box = document.getElementById(`thread-stepper-thread-${number}`).closest('section');
      return {
        blocked: document.getElementById(`thread-stepper-step-${number}`).getAttribute('aria-disabled') === 'true',
        reason: text(`#thread-stepper-reason-${number}`),
        locals: terms(box.querySelector('.stepper-locals')),
        marked: box.querySelector('.stepper-code li.next')?.textContent ?? null,
      };
    }),
  };
});

/** Clicks "Step thread N" for each N of `schedule` ("1122"). */
async function clickSteps(page, schedule) {
  for (const number of schedule) await page.click(`#thread-stepper-step-${number}`);
}

describe('be the scheduler: example 2’s threads, stepped by hand', () => {
  test('an interleaving of read, add and write loses an update, and the page says whose', async () => {
    const page = await openStepper();
    assert.equal(await page.isVisible('#thread-stepper'), true);
    await page.selectOption('#thread-stepper-increments', '1');
    await clickSteps(page, '12');
    let shown = await view(page);
    assert.equal(shown.news, 'Thread 2 reads counter: seen = 0. Threads 1 and 2 both read 0 and neither has ' +
      'written back: each will write 1, so one of these two increments will be lost.');
    assert.deepEqual(shown.threads.map((thread) => thread.locals), [{ seen: '0', mine: 'not set yet' },
      { seen: '0', mine: 'not set yet' }]);
    assert.match(shown.threads[0].marked, /^▶next step: {5}let mine = seen \+ 1;$/, 'the next line is marked in words too');
    await clickSteps(page, '11');
    shown = await view(page);
    assert.equal(shown.shared['counter value'].trim().split(' ')[0], '1');
    assert.deepEqual(shown.facts, ['Thread 2 read 0, but counter is 1 now: when it writes back 1, it will ' +
      'undo what was added since its read.']);
    await clickSteps(page, '22');
    shown = await view(page);
    assert.equal(shown.news, 'Thread 2 writes mine back: counter = 1. Lost update: thread 2 wrote 1 over ' +
      'thread 1’s 1 (it had read 0 before that write): one increment lost. Both threads finished: counter ' +
      'is 1, not 2: 1 of their increments lost.');
    assert.equal(shown.log.length, 6);
    assert.deepEqual(shown.threads.map((thread) => [thread.blocked, thread.reason]),
      [[true, 'Thread 1 has finished.'], [true, 'Thread 2 has finished.']]);
    // A finished thread's button says why when pressed, and nothing changes. (Playwright
    // takes aria-disabled for disabled; a person can still press it.)
    await page.click('#thread-stepper-step-1', { force: true });
    assert.equal((await view(page)).news, 'Thread 1 has finished.');
    assert.equal((await view(page)).log.length, 6);
  });

  test('a Mutex refuses that interleaving: thread 2 waits for the lock, and nothing is lost', async () => {
    const page = await openStepper();
    await page.check('#thread-stepper input[value="mutex"]');
    assert.match((await view(page)).news, /^Started over: both threads at their first step, locked = 0\.$/);
    await clickSteps(page, '11'); // thread 1 locks and reads
    await page.click('#thread-stepper-step-2', { force: true });
    let shown = await view(page);
    assert.equal(shown.news, 'Thread 2 waits for locked, held by thread 1.');
    assert.deepEqual(shown.threads[1], { ...shown.threads[1], blocked: true,
      reason: 'Thread 2 waits for locked, held by thread 1.' });
    assert.match(shown.threads[1].marked, /^‖waits here: {5}let mut count = locked\.lock\(\)\.unwrap\(\);$/);
    assert.equal(shown.shared['locked lock'], 'held by thread 1');
    assert.equal(shown.shared['locked value'].trim().split(' ')[0], '0');
    assert.equal(shown.log.length, 2, 'the refused step was not taken');
    // Thread 1 adds, writes and unlocks; thread 2 may then lock, and reads thread 1's 1.
    await clickSteps(page, '111');
    shown = await view(page);
    assert.equal(shown.news, 'Thread 1 releases locked.');
    assert.equal(shown.threads[1].blocked, false);
    await clickSteps(page, '22');
    assert.deepEqual((await view(page)).threads[1].locals, { seen: '1', mine: 'not set yet' });
    // The rest, alternating wherever the lock lets them: they end at the expected count.
    for (let turn = 0; turn < 30; turn++) {
      const { threads } = await view(page);
      const able = threads.findIndex((thread) => !thread.blocked);
      if (able < 0) break;
      await page.click(`#thread-stepper-step-${able + 1}`);
    }
    shown = await view(page);
    assert.equal(shown.facts.at(-1), 'Both threads finished: locked is 4, as expected: nothing lost.');
    assert.equal(shown.facts.length, 1, 'no lost update on the way');
  });

  test('an atomic fetch_add ends at the expected count, whatever the order', async () => {
    const page = await openStepper();
    await page.check('#thread-stepper input[value="atomic"]');
    await page.selectOption('#thread-stepper-increments', '3');
    await clickSteps(page, '121221');
    const shown = await view(page);
    assert.equal(shown.shared['atomic value'].trim().split(' ')[0], '6');
    assert.deepEqual(shown.facts, ['Both threads finished: atomic is 6, as expected: nothing lost.']);
    assert.equal(shown.log[0], 'Thread 1 adds one to atomic in one indivisible step: 0 → 1.');
  });

  test('two locks taken in opposite order deadlock; the page says who waits for which; undo takes it back', async () => {
    const page = await openStepper();
    await page.check('#thread-stepper input[value="deadlock"]');
    await clickSteps(page, '12');
    let shown = await view(page);
    const deadlock = 'Deadlock: thread 1 holds lock_a and waits for lock_b, held by thread 2; thread 2 holds ' +
      'lock_b and waits for lock_a, held by thread 1. Each waits for a lock the other holds, so neither can ' +
      'ever take another step. Undo, and let one thread take both locks first.';
    assert.equal(shown.news, `Thread 2 takes lock_b. ${deadlock}`);
    assert.deepEqual(shown.facts, [deadlock]);
    assert.deepEqual(shown.threads.map((thread) => [thread.blocked, thread.reason]), [
      [true, 'Thread 1 waits for lock_b, held by thread 2.'],
      [true, 'Thread 2 waits for lock_a, held by thread 1.'],
    ]);
    assert.deepEqual([shown.shared['lock_a lock'], shown.shared['lock_b lock']], ['held by thread 1', 'held by thread 2']);
    await page.click('#thread-stepper-undo');
    shown = await view(page);
    assert.equal(shown.news, 'Taken back: Thread 2 takes lock_b.');
    assert.deepEqual(shown.facts, []);
    assert.deepEqual(shown.threads.map((thread) => thread.blocked), [false, false]);
    assert.deepEqual([shown.shared['lock_a lock'], shown.shared['lock_b lock']], ['held by thread 1', 'free']);
    assert.equal(shown.log.length, 1);
    // Undo again takes the first step back, and then there is nothing left to take back.
    await page.click('#thread-stepper-undo');
    assert.equal(await page.getAttribute('#thread-stepper-undo', 'aria-disabled'), 'true');
    await page.click('#thread-stepper-undo', { force: true });
    assert.equal((await view(page)).news, 'Nothing to undo.');
    // Reset starts over from anywhere.
    await clickSteps(page, '21');
    await page.click('#thread-stepper-reset');
    shown = await view(page);
    assert.deepEqual([shown.shared['lock_a lock'], shown.shared['lock_b lock'], shown.log], ['free', 'free', []]);
    assert.equal(shown.news, 'Started over: both threads at their first step, count = 0.');
  });

  test('by keyboard alone: Tab and Enter, the shortcut keys inside the stepper, never in a field', async () => {
    const page = await openStepper();
    // Tab from the increments field reaches Step thread 1; Enter steps it.
    await page.focus('#thread-stepper-increments');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'thread-stepper-step-1');
    await page.keyboard.press('Enter');
    assert.equal((await view(page)).log.length, 1);
    // The shortcut keys: 2 and 1 step those threads, wherever the focus is inside.
    await page.keyboard.press('2');
    await page.keyboard.press('1');
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await page.keyboard.press('2');
    let shown = await view(page);
    assert.match(shown.news, /^Thread 2 writes mine back: counter = 1\. Lost update: thread 2 wrote 1 over thread 1’s 1/);
    // U and Backspace undo, one step each.
    await page.keyboard.press('u');
    await page.keyboard.press('Backspace');
    shown = await view(page);
    assert.equal(shown.log.length, 4);
    assert.equal(shown.news, 'Taken back: Thread 2 adds one: mine = 0 + 1 = 1.');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'thread-stepper-step-1', 'the focus stayed');
    // In a form field a key is the field's: "1" on a radio button steps nothing.
    await page.focus('#thread-stepper input[value="unsynchronised"]');
    await page.keyboard.press('1');
    assert.equal((await view(page)).log.length, 4);
    await page.keyboard.press('Backspace');
    assert.equal((await view(page)).log.length, 4);
    // Outside the stepper the keys are not its own either.
    await page.focus('#run');
    await page.keyboard.press('1');
    assert.equal((await view(page)).log.length, 4);
    // A button that cannot step keeps the focus, and says why.
    await page.focus('#thread-stepper-step-1');
    for (let press = 0; press < 8; press++) await page.keyboard.press('Enter');
    shown = await view(page);
    assert.equal(shown.threads[0].blocked, true);
    assert.equal(shown.news, 'Thread 1 has finished.');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'thread-stepper-step-1');
  });

  test('in Spanish, and switched to English without losing the steps taken', async () => {
    const page = await openStepper('/?lang=es#threading');
    assert.equal(await page.textContent('#thread-stepper-heading'), 'Haz de planificador');
    await page.check('#thread-stepper input[value="deadlock"]');
    await clickSteps(page, '12');
    const shown = await view(page);
    assert.match(shown.facts[0], /^Interbloqueo: el hilo 1 tiene lock_a y espera a lock_b, que tiene el hilo 2; el hilo 2 tiene lock_b y espera a lock_a, que tiene el hilo 1\./);
    assert.equal(shown.threads[0].reason, 'El hilo 1 espera a lock_b, que tiene el hilo 2.');
    assert.equal(await page.textContent('#thread-stepper-step-1'), 'Avanzar hilo 1');
    await page.selectOption('#language', 'en');
    const english = await view(page);
    assert.equal(await page.textContent('#thread-stepper-heading'), 'Be the scheduler');
    assert.match(english.news, /^Thread 2 takes lock_b\. Deadlock: thread 1 holds lock_a/);
    assert.deepEqual(english.log, ['Thread 1 takes lock_a.', 'Thread 2 takes lock_b.']);
    assert.equal(await page.isChecked('#thread-stepper input[value="deadlock"]'), true);
  });

  test('only example 2 shows it', async () => {
    const page = await openStepper();
    await page.evaluate(() => { location.hash = '#count-async'; });
    await page.waitForSelector('#thread-stepper', { state: 'hidden' });
    await page.evaluate(() => { location.hash = '#threading'; });
    await page.waitForSelector('#thread-stepper', { state: 'visible' });
  });
});
