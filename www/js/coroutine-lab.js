// Example 3 by hand: the coroutine print_name, created, sent names and closed by the
// learner, one call at a time.

import { $ } from './dom.js';
import { t } from './i18n.js';
import { labPage, refusalText } from './run.js';
import { setStatus } from './status.js';
import { loadWasm } from './wasm.js';
import { epochNow } from './clock.js';

/** Example 3 by hand: the learner creates the coroutine, sends it names and closes it;
 * each call runs it to its next yield, and the output and timeline follow. `clearPage()`
 * ends whatever the page showed before. */
export function setUpCoroutineLab({ clearPage }) {
  let coroutine = null;
  let output = null;
  const call = (what, action) => {
    try {
      action();
      setStatus(what, 'done');
    } catch (error) {
      setStatus(t('error', { message: refusalText(error) ?? error.message }), 'error');
    }
    output?.flush();
  };
  $('lab-start').addEventListener('click', async () => {
    const wasm = await loadWasm();
    clearPage();
    coroutine?.free();
    const page = labPage(epochNow());
    output = page.output;
    const { emit } = page;
    call(t('labCreated'), () => {
      coroutine = new wasm.PrintNameCoroutine($('lab-prefix').value, emit);
      coroutine.next();
    });
  });
  $('lab-send').addEventListener('click', () => {
    if (!coroutine) return setStatus(t('labCreateFirst'), 'error');
    const name = $('lab-name').value;
    call(t('labSent', { name }), () => coroutine.send(name));
  });
  $('lab-close').addEventListener('click', () => {
    if (!coroutine) return setStatus(t('labCreateFirst'), 'error');
    call(t('labClosed'), () => coroutine.close());
  });
}

