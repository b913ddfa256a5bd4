// "Be the scheduler" on example 2's page: the learner steps two threads by hand (model.js)
// and the page says, in words, each step, each lost update, each wait and a deadlock.

import { $, element } from '../dom.js';
import { t } from '../i18n.js';
import { onPage } from '../page-events.js';
import { INCREMENTS, Stepper, THREADS, VARIANTS, canStep, facts, nextStep, programLines } from './model.js';

const VARIANT_TEXTS = {
  unsynchronised: ['stepperVariantUnsynchronised', 'stepperAboutUnsynchronised'],
  mutex: ['stepperVariantMutex', 'stepperAboutMutex'],
  atomic: ['stepperVariantAtomic', 'stepperAboutAtomic'],
  deadlock: ['stepperVariantDeadlock', 'stepperAboutDeadlock'],
};

const STEP_KEYS = { read: 'stepperRead', add: 'stepperAdd', write: 'stepperWrite', fetchAdd: 'stepperFetchAdd',
  increment: 'stepperIncrement', lock: 'stepperLock', unlock: 'stepperUnlock' };

// Keys that work while the focus is inside the stepper, but not in a form field, where
// they belong to the field (a digit, Backspace).
const SHORTCUTS = { 1: { thread: 0 }, 2: { thread: 1 }, u: { undo: true }, U: { undo: true }, Backspace: { undo: true } };
const UNDO_KEYS = 'u Backspace';

const threadNumber = (index) => index + 1;

/** A step in words. */
export function stepSentence(event, state) {
  const { thread, value, seen, before, lock } = event;
  return t(STEP_KEYS[event.op], {
    number: threadNumber(thread), counter: VARIANTS[state.variant].counter, value, seen, before, lock,
  });
}

/** Everything `state` means, each a sentence: the lost updates so far, threads about to lose
 * one, who waits for which lock (or the deadlock), and the end. */
export function factSentences(state) {
  const { waiting, deadlock, racing, stale, lostWrites, done, expected, lost } = facts(state);
  const counter = VARIANTS[state.variant].counter;
  const sentences = lostWrites.map(({ thread, value, lost: { over, overValue, count } }) =>
    t(count === 1 ? 'stepperLostOne' : 'stepperLostMany', {
      number: threadNumber(thread), value, over: threadNumber(over), overValue, seen: value - 1, count,
    }));
  if (racing.length) {
    const seen = state.threads[racing[0]].seen;
    sentences.push(t('stepperRacing', {
      first: threadNumber(racing[0]), second: threadNumber(racing[1]), seen, mine: seen + 1,
    }));
  }
  for (const index of stale) {
    const { seen } = state.threads[index];
    sentences.push(t('stepperStale', {
      number: threadNumber(index), seen, counter, value: state.counter, mine: seen + 1,
    }));
  }
  if (deadlock) {
    const held = (index) => Object.keys(state.locks).filter((lock) => state.locks[lock] === index).join(', ');
    const cycle = deadlock.map(({ thread, lock, holder }) => t('stepperHoldsAndWaits', {
      number: threadNumber(thread), held: held(thread), lock, holder: threadNumber(holder),
    })).join('; ');
    sentences.push(t('stepperDeadlock', { cycle }));
  } else {
    for (const { thread, lock, holder } of waiting) sentences.push(waitingSentence(thread, lock, holder));
  }
  if (done) {
    sentences.push(lost > 0
      ? t('stepperDoneLost', { counter, value: state.counter, expected, lost })
      : t('stepperDoneAll', { counter, value: state.counter }));
  }
  return sentences;
}

const waitingSentence = (thread, lock, holder) =>
  t('stepperWaiting', { number: threadNumber(thread), lock, holder: threadNumber(holder) });

/** Why thread `index` cannot step, in words, or null when it can. */
function refusal(state, index) {
  const able = canStep(state, index);
  if (able.can) return null;
  return able.reason === 'finished'
    ? t('stepperCannotFinished', { number: threadNumber(index) })
    : waitingSentence(index, able.lock, able.holder);
}

/** Sets the stepper up in `#thread-stepper`, shown with the examples that ask for it
 * (`threadStepper` in examples.js). */
export function setUpThreadStepper() {
  const section = $('thread-stepper');
  const session = new Stepper('unsynchronised', INCREMENTS.default);
  let parts = null;
  // What just happened, as a function that says it in the current language (it is said
  // again after a switch of language).
  let news = () => [];

  const act = (sentences) => {
    news = sentences;
    update();
  };
  const stepThread = (index) => {
    const state = session.state;
    if (!canStep(state, index).can) return act(() => [refusal(state, index)]);
    const event = session.step(index);
    const after = session.state;
    // The step, and what it changed: a fact the state before did not have.
    act(() => {
      const before = factSentences(state);
      return [stepSentence(event, after), ...factSentences(after).filter((sentence) => !before.includes(sentence))];
    });
  };
  const undo = () => {
    const state = session.state;
    const undone = session.undo();
    act(() => [undone ? t('stepperUndone', { step: stepSentence(undone, state) }) : t('stepperNothingToUndo')]);
  };
  const startOver = (variant, increments) => {
    session.reset(variant, increments);
    const { counter } = VARIANTS[session.state.variant];
    act(() => [t('stepperStartedOver', { counter })]);
  };

  const build = () => {
    parts = buildParts({ stepThread, undo, startOver, state: session.state });
    section.replaceChildren(...parts.nodes);
    update();
  };
  const update = () => render(parts, session, news);

  section.addEventListener('keydown', (event) => {
    const shortcut = SHORTCUTS[event.key];
    if (!shortcut || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest('input, select, textarea, [contenteditable]')) return;
    event.preventDefault();
    if (shortcut.undo) undo();
    else stepThread(shortcut.thread);
  });
  onPage('example-shown', ({ example }) => {
    section.hidden = !example.threadStepper;
  });
  onPage('language-changed', build);
  build();
}

/** The stepper's elements, made once per language: the controls keep their focus while the
 * state they show changes (`render`). */
function buildParts({ stepThread, undo, startOver, state }) {
  const variants = element('fieldset', { className: 'stepper-variants' }, [
    element('legend', { textContent: t('stepperVariant') }),
    ...Object.keys(VARIANTS).map((variant) => element('label', {}, [
      element('input', {
        type: 'radio', name: 'thread-stepper-variant', value: variant, checked: variant === state.variant,
        onchange: () => startOver(variant),
      }),
      ` ${t(VARIANT_TEXTS[variant][0])}`,
    ])),
  ]);
  const increments = element('select', {
    id: 'thread-stepper-increments',
    onchange: () => startOver(undefined, Number(increments.value)),
  }, INCREMENTS.choices.map((count) => element('option', { value: count, textContent: count })));
  increments.value = state.increments;
  const threads = Array.from({ length: THREADS }, (_, index) => {
    const number = threadNumber(index);
    const reason = element('p', { className: 'stepper-reason', id: `thread-stepper-reason-${number}` });
    const button = element('button', {
      type: 'button', className: 'primary', id: `thread-stepper-step-${number}`,
      textContent: t('stepperStep', { number }), onclick: () => stepThread(index),
    });
    button.setAttribute('aria-keyshortcuts', String(number));
    button.setAttribute('aria-describedby', reason.id);
    const heading = element('h3', { id: `thread-stepper-thread-${number}`, textContent: t('stepperThread', { number }) });
    const parts = {
      code: element('ol', { className: 'stepper-code' }),
      where: element('p', { className: 'stepper-where' }),
      locals: element('dl', { className: 'stepper-locals' }),
      button,
      reason,
    };
    const box = element('section', { className: 'stepper-thread' }, [
      heading, parts.code, parts.where, reason,
      element('p', { className: 'stepper-label', textContent: t('stepperLocals') }), parts.locals,
    ]);
    box.setAttribute('aria-labelledby', heading.id);
    return { ...parts, box };
  });
  const undoButton = element('button', { type: 'button', id: 'thread-stepper-undo', textContent: t('stepperUndo'), onclick: undo });
  undoButton.setAttribute('aria-keyshortcuts', UNDO_KEYS);
  const shared = element('dl', { className: 'stepper-shared' });
  const newsLine = element('p', { className: 'stepper-news', id: 'thread-stepper-news', role: 'status' });
  newsLine.setAttribute('aria-atomic', 'true');
  const about = element('p', { className: 'hint stepper-about' });
  const factsList = element('ul', { className: 'stepper-facts', id: 'thread-stepper-facts' });
  const log = element('ol', { className: 'stepper-log', id: 'thread-stepper-log', tabIndex: 0 });
  log.setAttribute('aria-label', t('stepperLogHeading'));
  return {
    variants, increments, threads, undoButton, shared, newsLine, about, factsList, log,
    nodes: [
      element('h2', { id: 'thread-stepper-heading', textContent: t('stepperHeading') }),
      element('p', { className: 'hint', textContent: t('stepperIntro') }),
      element('div', { className: 'stepper-choices' }, [
        variants,
        element('p', { className: 'stepper-increments' }, [
          element('label', { htmlFor: increments.id, textContent: t('stepperIncrements') }), ' ', increments,
        ]),
      ]),
      about,
      // The scheduler's controls stay in view while the threads are (on a phone they are one
      // above the other, and stepping them in turn must not mean scrolling between them).
      element('div', { className: 'stepper-stage' }, [
        element('div', { className: 'stepper-board' }, [
          element('section', { className: 'stepper-shared-box', ariaLabel: t('stepperShared') }, [
            element('p', { className: 'stepper-label', textContent: t('stepperShared') }), shared,
          ]),
          ...threads.map(({ box }) => box),
        ]),
        newsLine,
        element('div', { className: 'stepper-controls' }, [
          ...threads.map(({ button }) => button),
          undoButton,
          element('button', { type: 'button', id: 'thread-stepper-reset', textContent: t('stepperReset'), onclick: () => startOver() }),
        ]),
      ]),
      element('p', { className: 'hint', textContent: t('stepperKeys') }),
      element('h3', { textContent: t('stepperFactsHeading') }), factsList,
      element('h3', { textContent: t('stepperLogHeading') }), log,
    ],
  };
}

/** Shows `session`'s state in `parts`, and `news`, what just happened. */
function render(parts, session, news) {
  const { state } = session;
  const variant = VARIANTS[state.variant];
  for (const radio of parts.variants.querySelectorAll('input')) radio.checked = radio.value === state.variant;
  parts.increments.value = state.increments;
  parts.about.textContent = t(VARIANT_TEXTS[state.variant][1]);
  parts.threads.forEach((view, index) => renderThread(view, state, index));
  parts.shared.replaceChildren(
    termGroup(variant.counter, t('stepperValue'), [String(state.counter), element('span', {
      className: 'stepper-expected', textContent: ` (${t('stepperExpected', { expected: facts(state).expected })})`,
    })]),
    // The Mutex's value and its lock share a name: each says which it is.
    ...Object.entries(state.locks).map(([lock, holder]) => termGroup(lock, t('stepperLockCaption'), [
      holder === null ? t('stepperLockFree') : t('stepperLockHeld', { number: threadNumber(holder) }),
    ])),
  );
  parts.undoButton.setAttribute('aria-disabled', String(!session.canUndo));
  parts.newsLine.textContent = news().join(' ');
  const sentences = factSentences(state);
  parts.factsList.replaceChildren(...(sentences.length
    ? sentences.map((sentence) => element('li', { textContent: sentence }))
    : [element('li', { className: 'empty', textContent: t('stepperNoFacts') })]));
  // Each step said as it was taken, with the state it was taken in (for the counter's name).
  parts.log.replaceChildren(...(state.events.length
    ? state.events.map((event) => element('li', { textContent: stepSentence(event, state) }))
    : [element('li', { className: 'empty', textContent: t('stepperLogEmpty') })]));
  parts.log.scrollTop = parts.log.scrollHeight;
}

/** A <dt> with a name in code (and a `caption` after it, if any), and its <dd>. */
const term = (name, value, caption) => [
  element('dt', {}, [element('code', { textContent: name }),
    ...(caption ? [' ', element('span', { className: 'stepper-caption', textContent: caption })] : [])]),
  element('dd', {}, value),
];

/** One group of a <dl> (a <div>) with its caption, for a row of them. */
const termGroup = (name, caption, value) => element('div', {}, term(name, value, caption));

function renderThread({ code, where, locals, button, reason }, state, index) {
  const thread = state.threads[index];
  const next = nextStep(state, index);
  const able = canStep(state, index);
  const lines = programLines(state.variant, state.increments, index);
  // The line of its next step (none once finished): marked by a sign and in words, as well
  // as by its colour.
  const marked = next ? lines.findIndex((line) => line.step === thread.step) : -1;
  code.replaceChildren(...lines.map((line, number) => {
    if (number !== marked) return element('li', {}, [element('code', { textContent: line.code })]);
    return element('li', { className: able.can ? 'next' : 'next waiting' }, [
      element('span', { className: 'stepper-marker', ariaHidden: 'true', textContent: able.can ? '▶' : '‖' }),
      element('span', { className: 'visually-hidden', textContent: `${t(able.can ? 'stepperNextMark' : 'stepperWaitMark')} ` }),
      element('code', { textContent: line.code }),
    ]);
  }));
  where.textContent = next
    ? t('stepperAt', { line: marked + 1, round: thread.round + 1, increments: state.increments })
    : t('stepperFinished');
  const hasLocals = VARIANTS[state.variant].bodies[0].some(({ op }) => op === 'read');
  locals.replaceChildren(...(hasLocals
    ? ['seen', 'mine'].flatMap((name) => term(name, [thread[name] === null ? t('stepperUnset') : String(thread[name])]))
    : [element('dd', { className: 'empty', textContent: t('stepperNoLocals') })]));
  // Like Undo, still focusable when it cannot act, so that the keyboard stays where it was
  // and a screen reader hears why.
  button.setAttribute('aria-disabled', String(!able.can));
  reason.textContent = refusal(state, index) ?? '';
}
