// Be the event loop (examples 4–6): the program runs with the learner as asyncio's loop.
// Whenever more than one task is ready, the learner picks the one that runs next; the
// crate runs it (crate/src/scheduler/by_hand.rs) to its next await, and the output and the
// timeline follow. Time is virtual: it waits while the learner thinks, and jumps to the
// next timers when no task is ready, so the program's seconds stay the program's.

import { BY_HAND } from '../generated/crate.js';
import { $, element } from './dom.js';
import { readFields, showFieldError } from './form.js';
import { formatSeconds, t } from './i18n.js';
import { onPage } from './page-events.js';
import { labPage, refusalText } from './run.js';
import { setStatus } from './status.js';
import { loadWasm } from './wasm.js';

/** Keys 1–9 pick the ready queue's first to ninth task while the section has the focus. */
const PICK_KEYS = '123456789';

/** The section's buttons and what it says; `clearPage()` ends whatever the page showed. */
export function setUpLoopByHand({ clearPage }) {
  let example = null;
  let run = null; // {loop, output, turn, choices: [{atMs, chosen, first}]}
  const section = $('loop-by-hand');

  const render = () => {
    if (!run) {
      $('by-hand-ready').replaceChildren();
      $('by-hand-choices').replaceChildren();
      $('by-hand-state').textContent = '';
      return;
    }
    const { turn, choices } = run;
    const at = formatSeconds(turn.nowMs, 3);
    if (turn.finished) {
      const differed = choices.filter(({ chosen, first }) => chosen !== first).length;
      $('by-hand-state').textContent = t('byHandFinished', { at, choices: choices.length, differed });
      $('by-hand-ready').replaceChildren();
    } else {
      $('by-hand-state').textContent = t('byHandChoose', {
        at, count: turn.ready.length, first: turn.ready[0].name,
      });
      $('by-hand-ready').replaceChildren(...turn.ready.map(({ task, name }, index) => element('li', {}, [
        element('button', {
          type: 'button', className: 'by-hand-task', textContent: name,
          ariaKeyShortcuts: index < PICK_KEYS.length ? PICK_KEYS[index] : null,
          onclick: () => pick(task),
        }),
      ])));
    }
    $('by-hand-choices').replaceChildren(...choices.map(({ atMs, chosen, first }) => element('li', {
      textContent: chosen === first
        ? t('byHandChoseFirst', { at: formatSeconds(atMs, 3), chosen })
        : t('byHandChoseOther', { at: formatSeconds(atMs, 3), chosen, first }),
    })));
  };

  const show = (turn) => {
    run.turn = turn;
    run.output.flush();
    $('timeline').now = turn.finished ? null : turn.nowMs;
    render();
    if (turn.finished) setStatus(t('byHandDone'), 'done');
  };

  const pick = (task) => {
    const { turn } = run;
    const chosen = turn.ready.find((ready) => ready.task === task);
    try {
      const next = run.loop.pick(task);
      run.choices.push({ atMs: turn.nowMs, chosen: chosen.name, first: turn.ready[0].name });
      show(next);
    } catch (error) {
      setStatus(t('error', { message: error.message }), 'error');
    }
    // The focus stays in the queue, on the button now first, for the next choice; once the
    // program has finished, on Start, for another go.
    (section.querySelector('.by-hand-task') ?? $('by-hand-start')).focus();
  };

  /** Ends the run by hand on screen, if any, and frees its wasm object. */
  const end = () => {
    run?.loop?.free();
    run = null;
  };

  let starts = 0;
  const start = async () => {
    const asked = example;
    const params = readFields(asked);
    if (!params) return setStatus(t('fixParams'), 'error');
    const thisStart = ++starts;
    const wasm = await loadWasm();
    // While the module loaded, the learner may have moved on: another example, another
    // Start, or a run of their own, which this Start must not stop.
    if (example !== asked || thisStart !== starts) return;
    clearPage();
    end();
    // Virtual time: the program's clock starts at 0.
    const { output, emit } = labPage(0, example.laneColors);
    try {
      run = { loop: null, output, turn: null, choices: [] };
      run.loop = new wasm.EventLoopByHand(example.id, params, emit);
      setStatus(t('byHandStarted'), 'running');
      show(run.loop.advance());
      (section.querySelector('.by-hand-task') ?? $('by-hand-start')).focus();
    } catch (error) {
      end();
      const refusal = refusalText(error);
      if (refusal && error.field) showFieldError(error.field, refusal);
      setStatus(t('error', { message: refusal ?? error.message }), 'error');
      render();
    }
  };

  $('by-hand-start').addEventListener('click', start);
  section.addEventListener('keydown', (event) => {
    const index = PICK_KEYS.indexOf(event.key);
    if (index < 0 || !run?.turn || run.turn.finished || event.target instanceof HTMLInputElement) return;
    // A chord is the browser's or a screen reader's; a held key, not a choice.
    if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
    const ready = run.turn.ready[index];
    if (!ready) return;
    event.preventDefault();
    pick(ready.task);
  });
  onPage('example-shown', ({ example: shown }) => {
    end();
    starts++;
    example = shown;
    section.hidden = !BY_HAND.includes(shown.id);
    render();
  });
  // A real run takes the output and the timeline back, and a Start still loading yields.
  onPage('run-started', () => {
    end();
    starts++;
    render();
  });
  onPage('language-changed', render);
}
