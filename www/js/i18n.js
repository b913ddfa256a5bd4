// The interface in English or Spanish (the original tutorial is Spanish). English is
// written where it is used: the page's own text in index.html (elements marked data-i18n),
// the examples' texts in examples.js, and the messages the scripts compose below. Spanish
// is in locales/. The language follows the browser, can be switched, and is kept
// (preferences.js; ?lang=es sets it for one page, e.g. in an embed). What the programs
// print stays as printed; the crate's own sentences are written in crate/src/messages.rs
// with keys, and their Spanish is CRATE_ES.

import { preference, keepPreference } from './preferences.js';
import { CRATE_ES, HTML_ES, MESSAGES_ES, TIMELINE_ES } from './locales/es.js';
import { EXAMPLES_ES, GROUPS_ES } from './locales/es-examples.js';
import { THREAD_STEPPER_EN } from './thread-stepper/texts.js';
import { QUESTION_MESSAGES_EN } from './questions/messages.js';

export const LANGUAGES = ['en', 'es'];

/** Messages composed by the scripts; {name} is filled from `t`'s second argument. */
export const MESSAGES_EN = {
  notPortedBadge: 'not ported yet',
  notPorted: 'This example has not been ported to Rust yet.',
  howItWorks: 'How it works',
  kicker: 'Example {number} · {group}',
  pageTitle: '{number}. {title} · Async & Parallel Playground',
  embedTitle: '{title} — Async & Parallel Playground',
  couldNotStart: 'Could not start: {message}',
  couldNotDownload: 'Could not download {file}, a part of the playground. Check the ' +
    'connection, then press Run to try again.',
  poolDidNotStart: 'the thread pool did not start within {seconds} seconds',
  couldNotLoadCode: 'Could not load the code: {message}',
  couldNotExport: 'Could not export the image: {message}',
  couldNotExportTrace: 'Could not export the trace: {message}',
  couldNotLoadParts: 'Could not download the questions, the runs compared and the labs of this page: check the connection, then reload the page. The example itself still runs.',
  earlierLines: '… {count} earlier lines not shown',
  fixParams: 'Some parameters need fixing before the example can run.',
  fixLinkParams: 'Some parameters in the link need fixing before the example can run.',
  noSuchExample: 'There is no example called “{id}”; here is {title} instead.',
  badPageOption: 'The link’s option {name}={value} was ignored: it takes {allowed}.',
  unknownPageOption: 'The link’s option “{name}” was ignored: the page has no such option.',
  running: 'Running…',
  stopped: 'Stopped.',
  finished: 'Finished: {summary}',
  error: 'Error: {message}',
  enterValue: 'Enter a value.',
  enterNumber: 'Enter a number.',
  enterWholeNumber: 'Enter a whole number.',
  between: 'Between {min} and {max}.',
  oneOf: 'One of {values}.',
  notAChoice: '{value} (not a choice)',
  labCreated: 'print_name() created and started: it waits at its yield.',
  labSent: 'Sent “{name}”: the coroutine ran to its yield again.',
  labClosed: 'Closed.',
  labCreateFirst: 'Create the coroutine first.',
  byHandStarted: 'Running by hand: you are the event loop.',
  byHandChoose: 'At {at}, {count} tasks are ready. Which runs next? (asyncio would run the ' +
    'first in the queue, {first}; keys 1–9 pick by place.)',
  byHandChoseFirst: 'At {at} you ran {chosen}, the first in the queue, as asyncio would.',
  byHandChoseOther: 'At {at} you ran {chosen}; asyncio would have run {first}, the first in the queue.',
  byHandFinished: 'The program finished at {at}. Your choices: {choices}; of them, other than ' +
    'asyncio’s (the first in the queue): {differed}.',
  byHandDone: 'Finished by hand: the output and the timeline are your run.',
  ranWithoutThreads: 'It ran on 1 worker, not {workers}: this page has no threads.',
  copied: 'Copied.',
  copyByHand: 'Selected: press Ctrl+C (⌘C) to copy.',
  // Run summaries (examples.js).
  processesJoined: '{count} processes started, then joined',
  sharedCount: '{sharing} {counted} of {expected}',
  nothingLostOneThread: 'none lost: one thread alone has no one to race',
  nothingLostApart: 'none lost: the threads never counted at the same time; the nearest two ' +
    'were {gap} ms apart',
  nothingLostTookTurns: 'none lost: the threads counted during the same {overlap} ms but took ' +
    'turns: neither ever read a value the other had just written',
  nothingLostInterleaved: 'none lost: the threads’ steps interleaved {count} times, yet no ' +
    'write came between another thread’s read and its write',
  schedulerBeforeStart: 'Before the first event: nothing has run yet.',
  schedulerMoment: 'At {time}, event {index} of {total}: {event}.',
  schedulerRunning: 'Running now',
  schedulerRunningTask: '{task}, since {since}',
  schedulerIdle: 'nothing: the loop waits for a timer',
  schedulerReady: 'Ready queue, in order (asyncio’s loop._ready)',
  schedulerTimers: 'Pending timers, soonest first (asyncio’s loop._scheduled)',
  schedulerTimer: '{lane}: due at {time}',
  schedulerSuspended: 'Suspended, and what each awaits',
  schedulerNoTask: 'none',
  schedulerNoTimer: 'none',
  schedulerMore: '… and {count} more',
  causeStart: 'new, its first step',
  causeTimer: 'its timer fired',
  causeYield: 'it yielded (sleep 0) and queued again',
  causeChildrenDone: 'the tasks it gathered are done (the last: {task})',
  causeOther: 'woken',
  eventRoot: '{task} is created (asyncio.run)',
  eventSpawned: '{parent} creates the task {task}',
  eventWoken: '{task} joins the ready queue: {cause}',
  eventStep: 'the loop takes {task} from the queue and runs it',
  eventDone: '{task} returns: it is done',
  eventSuspended: '{task} suspends at an await: {awaits}',
  eventTimerSet: '{lane} sets a timer due at {time}',
  eventTimerFired: 'the timer of {lane} fires: it leaves the pending timers',
  eventTimerDropped: 'a pending timer is dropped with its stopped task',
  replayPrevious: 'Previous event',
  replayNext: 'Next event',
  replayPlay: 'Play',
  replayPause: 'Pause',
  codeAtCursor: 'At the replay cursor: {lines}.',
  codeRunningLine: 'line {line} runs',
  codeParkedLine: 'line {line} holds {count} suspended',
  schedulerGenerator: '{lane}: at its yield, awaiting the next send()',
  eventGeneratorParked: '{lane} stops at its yield, awaiting the next send()',
  eventGeneratorResumed: '{lane} goes on from its yield',
  loopIdle: 'idle: waiting for the next timer',
  loopBetween: 'the loop itself, between two steps',
  loopStep: 'a step of {task}',
  elapsedSpedUp: '{own} simulated, {real} real at {speed}×',
  countGathered: '{calls} gathered: {took}',
  countSequential: '{calls} one after another: {took}',
  countBoth: '{calls} gathered in {gathered}, one after another in {sequential} ({ratio}× as long); both together: {took}',
  poolSpeedup: 'speedup {speedup} on {workers}, {verdict} (pool.{method} {parallel} ms, loop {sequential} ms)',
  poolWon: 'the pool won',
  poolLost: 'the pool lost',
  poolTie: 'a tie within the noise',
  poolNoRows: 'no rows, nothing to compare (pool.{method} on {workers})',
  poolTooQuick: 'too quick for the clock to compare on {workers} (pool.{method} {parallel} ms, loop {sequential} ms)',
  oneWorker: '1 worker',
  workers: '{count} workers',
  originalScript: 'the original’s script',
  randGathered: 'three makerandom() gathered',
  chains: 'chains',
  ...THREAD_STEPPER_EN,
  ...QUESTION_MESSAGES_EN,
  // Runs compared and the sweep of rows (compare/).
  runsHeading: 'Runs of this visit ({count})',
  runsEmpty: 'Each run that finishes is kept here, so that runs can sit side by side: run an ' +
    'example, change a parameter, run it again.',
  runsHint: 'Newest first; the last {max} are kept while this tab is open. A bar compares a ' +
    'run with the other runs of its example.',
  runsClear: 'Clear',
  runsCleared: 'The runs were cleared.',
  runsCaption: 'Finished runs of this visit, newest first',
  runsColRun: 'Run',
  runsColExample: 'Example',
  runsColParams: 'Parameters that set it apart',
  runsColTime: 'Time',
  runsColSpeedup: 'Speedup (loop ÷ pool), median (range)',
  runsDefaults: 'the defaults',
  runsPoolTime: 'pool {pool} · loop {loop}',
  runsTooQuick: 'too quick to compare',
  ratioRange: '{median}× ({min}–{max}×)',
  sweepHeading: 'Sweep the rows: when does parallel pay off?',
  sweepHint: 'Runs pool.{method} at each size from {smallest} rows to the largest chosen here, ' +
    'on 1 worker and on all {workers}, alternately ({rounds} runs of each per size, on pools of ' +
    'its own, without drawing a timeline), with the other parameters of the form; then plots ' +
    'how many times as fast all the workers were as one.',
  sweepLargest: 'Largest rows',
  sweepStart: 'Sweep rows',
  sweepStop: 'Stop the sweep',
  sweepStarting: 'Starting two pools of its own, of 1 worker and of {workers}…',
  sweepProgress: 'Sweeping: {rows} rows on {workers}, run {done} of {total}…',
  sweepDone: 'Swept {count} sizes.',
  sweepStopped: 'Stopped after {count} of {total} sizes.',
  sweepStoppedElsewhere: 'Stopped when another example was shown, after {count} of {total} sizes.',
  sweepStoppedForRun: 'Stopped for the run that started, after {count} of {total} sizes.',
  sweepFailed: 'The sweep stopped: {message}',
  sweepNeedsThreads: 'A sweep compares 1 worker with several, and this page has no threads ' +
    '(see the notice above): there is nothing to compare.',
  sweepOneCore: 'This device reports a single core: there is nothing to compare 1 worker with.',
  sweepPageRunning: 'A run is in progress: sweep once it has ended.',
  sweepFixParams: 'Fix the parameters above first: the sweep runs with them.',
  sweepFewerRepeats: 'From {rows} rows on, each run times 1 repeat, as the crate allows no ' +
    'more: {reason}',
  sweepLeftOut: 'From {rows} rows on, left out, as the crate refuses them: {reason}',
  sweepChartTitle: 'Speedup of {workers} workers over 1 against rows, pool.{method}',
  sweepChartPartial: 'The sweep so far; the table below has its numbers.',
  sweepXAxis: 'Rows (log scale)',
  sweepYAxis: 'Times as fast as 1 worker',
  sweepIdeal: 'ideal: {workers}×',
  sweepCrossoverMark: 'crossover: {rows}',
  sweepCrossoverRow: '← crossover',
  sweepTableCaption: 'The same, as numbers: each time is the median over {rounds} runs of ' +
    'each run’s median pool call; the speedup is their ratio, in brackets its range over the runs.',
  sweepColRows: 'Rows',
  sweepColOne: '1 worker',
  sweepColAll: '{workers} workers',
  sweepColSpeedup: 'Speedup',
  sweepCrossover: 'On this device {workers} workers beat 1 from {rows} rows on. There 1 worker ' +
    'takes {work} ({perRow} ns a row); split {workers} ways that is {share} each, which saves ' +
    '{saved}, and {workers} workers took {all}: handing out the rows and waiting for their ' +
    'counts cost {handOff}, less than the split saves. At {beforeRows} rows the split could ' +
    'save only {beforeSaved}, and handing out cost {beforeHandOff}.',
  sweepFromTheStart: 'On this device {workers} workers beat 1 already at {rows} rows, the ' +
    'smallest size swept: 1 worker takes {work} ({perRow} ns a row); split {workers} ways that ' +
    'is {share} each, which saves {saved}, and handing out the rows and waiting for their ' +
    'counts cost {handOff} ({workers} workers took {all}).',
  sweepNever: 'Up to {rows} rows {workers} workers did not beat 1 on this device. At {rows} ' +
    'rows 1 worker takes {work} ({perRow} ns a row); split {workers} ways that is {share} ' +
    'each, which would save {saved}, but {workers} workers took {all}: handing out the rows ' +
    'and waiting for their counts cost {handOff}, about as much as the split saves, or more.',
  sweepFellBack: 'At {rows} rows the speedup fell to 1× or below again: one sweep measures ' +
    'one moment of a device that other programs share.',
};

const MESSAGES = { en: MESSAGES_EN, es: MESSAGES_ES };
let language = 'en';

export const currentLanguage = () => language;

/** The message `key` in the current language, with `vars` filled in. */
export function t(key, vars = {}) {
  const text = MESSAGES[language][key] ?? MESSAGES_EN[key];
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name]));
}

/** A number written as the current language writes it (1,887,914 and 11.05 in English;
 * 1.887.914 and 11,05 in Spanish); `format`: a number of decimals to fix, or
 * Intl.NumberFormat's options. */
export function formatNumber(number, format) {
  // A formatter per language and format, made once: making one costs as much as a
  // thousand uses, and a replay writes thousands of times.
  const key = `${language} ${JSON.stringify(format ?? null)}`;
  let formatter = numberFormats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(language,
      typeof format === 'number' ? { minimumFractionDigits: format, maximumFractionDigits: format } : format);
    numberFormats.set(key, formatter);
  }
  return formatter.format(number);
}
const numberFormats = new Map();

/** Milliseconds as seconds with `digits` decimals: "1.00 s", in Spanish "1,00 s". */
export const formatSeconds = (ms, digits = 2) => `${formatNumber(ms / 1000, digits)} s`;

/** Each kind of a crate sentence's values (crate/src/messages.rs, `Arg`), as written here. */
const ARG_WRITERS = {
  text: (value) => value,
  list: (items) => items.join(', '),
  count: (count) => formatNumber(count),
  number: (number) => formatNumber(number, { maximumFractionDigits: 3 }),
  ratio: ({ value, decimals }) => formatNumber(value, decimals),
  // Whole seconds as the examples' sleeps are written ("1 s"), others with two decimals.
  seconds: (ms) => (ms % 1000 === 0 ? `${formatNumber(ms / 1000)} s` : formatSeconds(ms)),
  milliseconds: (ms) => `${formatNumber(ms, 2)} ms`,
  microseconds: (us) => `${formatNumber(us, 2)} µs`,
  said: (sentence) => crateSentence(sentence),
};

// {name} or {name|one|other}: a value, or a count followed by the noun that agrees with it.
const PLACEHOLDER = /\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g;
const pluralRules = new Map(); // language → Intl.PluralRules

/** A sentence the crate writes ({key, english, args}, see crate/src/web/convert.rs), in the current language
 * with its numbers as that language writes them. */
export function crateSentence({ key, english, args }) {
  const template = (language === 'es' ? CRATE_ES[key] : null) ?? english;
  return template.replace(PLACEHOLDER, (_, name, one, other) => {
    const { kind, value } = args[name];
    const written = ARG_WRITERS[kind](value);
    if (one === undefined) return written;
    if (!pluralRules.has(language)) pluralRules.set(language, new Intl.PluralRules(language));
    return `${written} ${pluralRules.get(language).select(value) === 'one' ? one : other}`;
  });
}

/** An example's texts in the current language: {title, summary, explanation,
 * paramLabel(name), choiceLabel(name, value)}. */
export function exampleTexts(example) {
  const es = language === 'es' ? EXAMPLES_ES[example.id] : undefined;
  return {
    title: es?.title ?? example.title,
    summary: es?.summary ?? example.summary,
    explanation: es?.explanation ?? example.explanation,
    paramLabel: (name) => es?.params?.[name] ?? example.params.find((p) => p.name === name).label,
    choiceLabel: (name, value) => es?.choices?.[name]?.[value] ??
      example.params.find((p) => p.name === name).choices.find(([v]) => v === value)[1],
  };
}

/** The timeline's texts in the current language (its own English when empty). */
export const timelineTexts = () => (language === 'es' ? TIMELINE_ES : {});

export const groupTitle = (group) => (language === 'es' ? GROUPS_ES[group.id] : null) ?? group.title;

// The English of each marked element, read once from the page, to switch back to.
const english = new Map();

/** The language the messages are written in, without touching the page (for Node tests
 * too): one of LANGUAGES, English for anything else. */
export function useLanguage(chosen) {
  language = LANGUAGES.includes(chosen) ? chosen : 'en';
}

/** Sets the language, keeps it if `keep`, and translates the page's marked elements. */
export function setLanguage(chosen, { keep = false } = {}) {
  useLanguage(chosen);
  if (keep) keepPreference('lang', language);
  document.documentElement.lang = language;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    if (!english.has(node)) english.set(node, node.innerHTML);
    // The translations are this site's own constants, never input: markup is safe here.
    node.innerHTML = language === 'es' ? HTML_ES[node.dataset.i18n] ?? english.get(node) : english.get(node);
  }
  for (const node of document.querySelectorAll('[data-i18n-label]')) {
    if (!english.has(node)) english.set(node, node.getAttribute('aria-label'));
    const label = language === 'es' ? HTML_ES[node.dataset.i18nLabel] : null;
    node.setAttribute('aria-label', label ?? english.get(node));
  }
}

/** The language to start in: chosen before, given in the URL, or the browser's. */
export function initialLanguage() {
  const browser = navigator.languages?.find((tag) => LANGUAGES.includes(tag.slice(0, 2)));
  return preference('lang', LANGUAGES) ?? browser?.slice(0, 2) ?? 'en';
}
