// The playground page: the list of examples, one example at a time with its explanation,
// parameters, output, timeline and code. The URL's hash names the example and may carry
// its parameters (#pool-map?rows=2000000&seed=7), so a prepared run can be shared.
//
// The parts: form.js (the parameters), run.js (a run), output.js (its lines), the
// <pg-timeline> element, code-panes.js, share.js, host-api.js (the page around an embed),
// and those loaded once the example is on screen (features.js, trace-export.js); this file
// routes links to examples and wires the page together.

import { EXAMPLES, GROUPS, exampleById } from './examples.js';
import { LANES } from '../generated/crate.js';
import { PoolClient } from './pool-client.js';
import { processHost } from './processes.js';
import { loadWasm } from './wasm.js';
import { threadsAvailable } from './build.js';
import { answerHost } from './host-api.js';
import { becomeIsolated } from './isolation.js';
import { THEMES, applyTheme, keepPreference, preference } from './preferences.js';
import {
  currentLanguage, exampleTexts, groupTitle, initialLanguage, setLanguage, t,
  timelineTexts,
} from './i18n.js';
import { EVENT_LOOP_LANE, eventLoopSpans } from './event-loop-lane.js';
import { $, element } from './dom.js';
import {
  fieldErrors, fieldTexts, hasField, labelFields, notANumber, readFields, renderFields, setField,
  showFieldError,
} from './form.js';
import { clipped, parseLink } from './link.js';
import { markCode, renderCode } from './code-panes.js';
import { Run, pageLabel, refusalText, stoppedOutcome } from './run.js';
import { enableReplay, hideReplay, refreshReplay, setUpReplayKeys } from './replay.js';
import { announceMoments, hideScheduler, showScheduler } from './scheduler-view.js';
import { setUpShare, updateShare } from './share.js';
import { setStatus, statusIfUnchanged } from './status.js';
import { joinLate, publish } from './page-events.js';
import { applyPageOptions, optionProblems, pageOption } from './page-options.js';
import './timeline/element.js';

const pool = new PoolClient();
let current = null; // the example on screen
let activeRun = null; // the Run on screen while it lasts
// Settles once features.js is set up, or could not be: a run waits for it, so that the
// parts that follow runs see it start.
let featuresReady = null;
// Settles once the example shown can run, could not start, or REST_WAITS_MS have passed
// (showExample): what the page shows below the example waits for it. On two cores, setting
// that up while the wasm compiles and the pool starts made those later: with the parts of
// features.js waiting, a ready pool came in 0.92-0.96x the time and Count Async runnable in
// 0.93-0.95x, and with the code panes too, in 0.91-0.95x and 0.88-0.91x of that
// (bench/compare-builds.mjs, 16 and 24 alternated loads each).
let restMayStart = Promise.resolve();
/** How long the rest of the page waits: a slow download must not hold it back. */
const REST_WAITS_MS = 2_000;

function renderNav(activeId) {
  const nav = $('nav');
  nav.replaceChildren(...GROUPS.map((group) => {
    const items = EXAMPLES.filter((e) => e.group === group.id)
      .sort((a, b) => a.number - b.number)
      .map((example) => {
        const link = element('a', { href: `#${example.id}` }, [
          element('span', { className: 'number', textContent: `${example.number}` }),
          element('span', { className: 'name', textContent: exampleTexts(example).title }),
        ]);
        if (!example.run) {
          link.append(element('span', { className: 'badge', textContent: t('notPortedBadge') }));
        }
        if (example.id === activeId) link.setAttribute('aria-current', 'page');
        return element('li', {}, [link]);
      });
    return element('section', {}, [
      element('h2', { textContent: groupTitle(group) }),
      element('ul', {}, items),
    ]);
  }));
}


/** Run and Stop for a run that starts (`running`) or ends. The button pressed disables
 * itself, and a disabled button drops the focus to the page's start: the focus moves to
 * the other one, the keyboard user's next step. */
function showRunning(running) {
  const [from, to] = running ? [$('run'), $('stop')] : [$('stop'), $('run')];
  const focusHere = document.activeElement === from || document.activeElement === document.body;
  to.disabled = false;
  from.disabled = true;
  if (focusHere && !$('params').hidden) to.focus();
}

/** Stops the live run, if any, and gives the page to what comes next: the stopped run
 * shows nothing more. */
function abandonActiveRun() {
  if (!activeRun) return;
  const { example, params } = activeRun;
  activeRun.stop();
  activeRun = null;
  showRunning(false);
  $('progress').hidden = true;
  $('timeline').now = null;
  // Its followers (the questions frozen by it, the comparison waiting for it) hear it end:
  // the run itself, no longer the page's, says nothing more.
  const trace = { lines: [], spans: [], flows: [], record: null };
  publish('run-ended', { example, params, outcome: stoppedOutcome(example), origin: 0, trace, asked: false });
}

/** The example's texts, in the current language: title, explanation, parameter labels. */
function renderExampleTexts(example) {
  const texts = exampleTexts(example);
  const group = GROUPS.find((g) => g.id === example.group);
  document.title = t('pageTitle', { number: example.number, title: texts.title });
  $('example-kicker').textContent = t('kicker', { number: example.number, group: groupTitle(group) });
  $('example-title').textContent = texts.title;
  // The first paragraph says what the example does; the rest, how and why, on request,
  // so that output and timeline stay in view.
  const [lead, ...more] = texts.explanation ?? [texts.summary];
  $('example-explanation').replaceChildren(element('p', { textContent: lead }));
  if (more.length) {
    $('example-explanation').append(element('details', {}, [
      element('summary', { textContent: t('howItWorks') }),
      ...more.map((text) => element('p', { textContent: text })),
    ]));
  }
  if (!example.run) {
    $('example-explanation').append(element('p', { className: 'notice', textContent: t('notPorted') }));
  }
  labelFields(example, texts);
}

/** Shows `example` with the values of `query` in its form; resolves to whether they are
 * all good, after marking each bad one next to its field, as checked by the page and then
 * by the crate's own rules. Nothing a link says is used before that. */
function showExample(example, query) {
  abandonActiveRun();
  current = example;
  renderNav(example.id);
  renderFields(example, query);
  renderExampleTexts(example);
  setStatus('');
  const params = example.run ? readFields(example) : {};
  // Warm up what the example needs while the learner reads, so that Run starts at once;
  // a pool of the size the link asks for only once that size has been checked.
  if (example.run) {
    if (example.usesPool) pool.setWorkers(params?.workers ?? defaultOf(example, 'workers'));
    const warmUp = example.usesPool ? pool.start() : loadWasm();
    restMayStart = Promise.race([warmUp.then(() => {}, () => {}), new Promise((resolve) => {
      setTimeout(resolve, REST_WAITS_MS);
    })]);
    // The moment the page could run its first example, for `make bench` (bench/bench.mjs).
    warmUp.then(() => {
      if (!performance.getEntriesByName('playground:runnable').length) {
        performance.mark('playground:runnable');
      }
    }, () => {});
    const failedToStart = statusIfUnchanged();
    warmUp.catch((error) => {
      if (error.name !== 'AbortError') failedToStart(t('couldNotStart', { message: error.message }), 'error');
    });
  }
  // Only where it matters: the examples that would use threads.
  $('isolation-notice').hidden = threadsAvailable || !example.usesPool;
  // A frame sandboxed without allow-same-origin has an opaque origin ('null').
  $('sandbox-notice').hidden = globalThis.origin !== 'null';
  $('params').hidden = !example.run;
  $('coroutine-lab').hidden = !example.lab;
  $('output').replaceChildren();
  $('timeline').clear();
  $('timeline').laneColors = example.laneColors;
  clearReplay();
  updateShare(example);
  const shown = () => current === example;
  restMayStart.then(() => shown() && renderCode(example, shown))
    .catch((error) => setStatus(t('couldNotLoadCode', { message: error.message }), 'error'));
  publish('example-shown', { example, params });
  if (!params) return Promise.resolve(false);
  return refusedByCrate(example, params).then((refusal) => {
    if (refusal && current === example) showFieldError(refusal.field, refusal.message);
    return !refusal;
  });
}

const defaultOf = (example, name) => example.params.find((param) => param.name === name).default;

/** The crate's refusal of `params` ({field, message}) before any run, or null: its rules
 * across fields and its parsing of texts, the very checks the run makes. */
async function refusedByCrate(example, params) {
  if (!example.run) return null;
  try {
    (await loadWasm()).checkParams(example.id, params, { speed: Number(params.speed ?? 1) });
    return null;
  } catch (error) {
    if (error.field && hasField(error.field)) return { field: error.field, message: refusalText(error) };
    // Not a refusal (the module did not load): the run itself will say what is wrong.
    return null;
  }
}

/** Runs `example` with the form's parameters. Resolves, once it ends, to its outcome (see
 * Run.perform), or to status 'invalid' with each refused field's message. `asked`: the
 * page around an embed asked for it (its outcome is the reply, not news). */
async function run(example, { asked = false } = {}) {
  await featuresReady;
  const params = readFields(example);
  if (!params) {
    const message = t('fixParams');
    setStatus(message, 'error');
    return { example: example.id, status: 'invalid', message, errors: fieldErrors(example) };
  }
  activeRun?.stop();
  const thisRun = new Run(example, params, { pool, isShown: () => activeRun === thisRun });
  activeRun = thisRun;
  const timeline = $('timeline');
  timeline.clear();
  $('output').replaceChildren();
  clearReplay();
  showRunning(true);
  setStatus(t('running'), 'running');
  publish('run-started', { example, params });
  const { outcome, origin } = await thisRun.perform();
  if (activeRun === thisRun) {
    // A parameter the crate refused (a rule across fields): marked where it is set.
    for (const [field, message] of Object.entries(outcome.errors ?? {})) {
      if (hasField(field)) showFieldError(field, message);
    }
    setStatus(outcome.message, outcome.status);
    if (outcome.status === 'done') {
      if (example.eventLoop) timeline.addSpans(eventLoopSpans(thisRun.scheduler));
      showReplay(origin, thisRun.scheduler);
    }
    timeline.now = null;
    activeRun = null;
    showRunning(false);
    const trace = { lines: thisRun.lines, spans: timeline.spans, flows: timeline.flows, record: thisRun.scheduler };
    publish('run-ended', { example, params, outcome, origin, trace, asked });
  }
  return outcome;
}

/** After a run, the replay: a cursor along the timeline, with the output as it was at that
 * moment (what had not been printed yet greyed out), and for an event-loop example the
 * loop's state and the code's lines at the cursor. */
function showReplay(origin, record) {
  const timeline = $('timeline');
  enableReplay({
    origin,
    record,
    onPlaying: (playing) => announceMoments(!playing),
    onMoment: ({ count, atEnd }) => {
      if (!record.size) return;
      const state = record.stateAfter(count);
      showScheduler(record, count, origin, state);
      markCode(atEnd ? [] : [
        ...(state.running ? [{ site: state.running.site, kind: 'running' }] : []),
        // Each coroutine of a suspended (or queued) task's await chain waits at a line of
        // its own.
        ...[...state.suspended, ...state.ready]
          .flatMap(({ awaiting }) => awaiting.map(({ site }) => ({ site, kind: 'parked' }))),
        ...state.generators.map(({ site }) => ({ site, kind: 'parked' })),
      ]);
    },
  });
  // trace-export.js is loaded on the first click: most visits export nothing.
  const exporting = (failed, exportWith) => () => import('./trace-export.js').then(exportWith)
    .catch((error) => setStatus(t(failed, { message: error.message }), 'error'));
  $('export-trace').onclick = exporting('couldNotExportTrace', ({ downloadTrace }) => downloadTrace(
    { spans: timeline.spans, flows: timeline.flows, record }, origin, `${current.id}-trace.json`));
  $('export-image').onclick = exporting('couldNotExport',
    ({ downloadImage }) => downloadImage(timeline, `${current.id}-timeline.png`));
}

/** No replay, scheduler state or marked code: a run starts, or another example shows. */
function clearReplay() {
  hideReplay();
  hideScheduler();
  markCode([]);
}

/** A run asked for by the page that embeds this one (host-api.js): the example, if another
 * one, comes on screen; the parameters given fill its form, the others keep their values. */
async function runForHost({ example: id, params }) {
  const example = id === undefined ? current : exampleById(id);
  if (!example?.run) throw new Error(`There is no runnable example called "${id}".`);
  const names = (example.params ?? []).map((param) => param.name);
  const unknown = Object.keys(params).filter((name) => !names.includes(name));
  if (unknown.length) {
    throw new Error(`${example.id} has no parameter ${unknown.map((n) => `"${n}"`).join(', ')}; ` +
      `it has ${names.join(', ')}.`);
  }
  // A number field cannot even hold what is not a number: refused before the form is touched.
  const notNumbers = Object.entries(params).filter(([name, value]) =>
    example.params.find((param) => param.name === name).type === 'number' && notANumber(String(value)));
  if (notNumbers.length) {
    const errors = Object.fromEntries(notNumbers.map(([name]) => [name, t('enterNumber')]));
    return { example: example.id, status: 'invalid', message: t('fixParams'), errors };
  }
  if (example !== current) {
    history.replaceState(null, '', `#${example.id}`);
    showExample(example, new URLSearchParams());
  }
  const learners = fieldTexts(example);
  for (const [name, value] of Object.entries(params)) setField(example, name, String(value));
  updateShare(example);
  const outcome = await run(example, { asked: true });
  // Values the course sent that were refused are the course's mistake, told in the reply:
  // the learner's form gets its own values back.
  if (outcome.status === 'invalid' && current === example) {
    for (const [name, value] of Object.entries(learners)) setField(example, name, value);
    readFields(example);
    updateShare(example);
    setStatus('');
  }
  return outcome;
}

async function route() {
  const { id, query } = parseLink(location.hash);
  const example = exampleById(id) ?? EXAMPLES[0];
  const valid = showExample(example, query);
  const linkVerdict = statusIfUnchanged();
  // A shared link may carry anything: say what is wrong with it at once, not on Run.
  if (id && !exampleById(id)) {
    setStatus(t('noSuchExample', { id: clipped(id, 40), title: exampleTexts(example).title }), 'error');
  } else if ([...query.keys()].length && !(await valid)) {
    linkVerdict(t('fixLinkParams'), 'error');
  }
}

/** The theme picker: the choice applies at once and is kept for the next visit. */
function setUpTheme() {
  const theme = preference('theme', THEMES);
  applyTheme(theme);
  $('theme').value = theme ?? '';
  $('theme').addEventListener('change', () => {
    const chosen = $('theme').value || null;
    applyTheme(chosen);
    keepPreference('theme', chosen);
    $('timeline').redraw();
  });
}

/** The language picker: the page's texts change at once, a run goes on, and the choice is
 * kept for the next visit. */
function setUpLanguage() {
  const show = (language, options) => {
    setLanguage(language, options);
    $('timeline').texts = timelineTexts();
    $('timeline').relabel(pageLabel);
  };
  show(initialLanguage());
  $('language').value = currentLanguage();
  $('language').addEventListener('change', () => {
    show($('language').value, { keep: true });
    renderNav(current.id);
    renderExampleTexts(current);
    updateShare(current);
    refreshReplay();
    publish('language-changed', { language: currentLanguage() });
  });
}

async function main() {
  setUpTheme();
  setUpLanguage();
  if (await becomeIsolated()) return;
  // A frame sandboxed without allow-forms submits no form, and tells no script either: Run,
  // and Enter in a field, start a run themselves.
  const runCurrent = () => {
    if (current?.run && !$('run').disabled) run(current);
  };
  $('run').addEventListener('click', runCurrent);
  $('params').addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    runCurrent();
  });
  $('params').addEventListener('submit', (event) => event.preventDefault());
  $('stop').addEventListener('click', () => activeRun?.stop());
  // Embedded in a course page: the chosen example only, without the site around it, and
  // without its code or explanation if the course says so.
  applyPageOptions();
  setUpShare(() => current);
  setUpReplayKeys();
  $('skip-link').addEventListener('click', (event) => {
    // Its href names the target for no-script readers; a hash would name an example here.
    event.preventDefault();
    $('example').focus();
  });
  // However many lanes a run has, the threads that start and join the others, and the event
  // loop that runs them, stay in view.
  $('timeline').pinnedLanes = [LANES.main, EVENT_LOOP_LANE, LANES.runner];
  const clearPage = () => {
    abandonActiveRun();
    clearReplay();
  };
  // A new example: the keyboard goes on from its start, not from the top of the page.
  addEventListener('hashchange', () => {
    route();
    $('example').focus();
  });
  const routed = route();
  // The rest once the example is on screen and can run (restMayStart); each part starts
  // from it (joinLate). They are set up before the page says it is ready, and before the
  // page around an embed follows its runs, as when they were loaded with the page. Without
  // them the example still runs.
  const partsFailed = statusIfUnchanged();
  featuresReady = restMayStart.then(() => import('./features.js')).then(
    ({ setUpFeatures }) => joinLate(() => setUpFeatures({ clearPage }), 'example-shown'),
    () => partsFailed(t('couldNotLoadParts'), 'error'));
  await featuresReady;
  // ?debug exposes triggers that the tests use to provoke failures on purpose.
  if (pageOption('debug') === '') {
    globalThis.playgroundDebug = {
      // For the soak test: the page's and the pool's wasm memories, in bytes.
      memoryBytes: async () => ({
        page: (await (await loadWasm()).default()).memory.buffer.byteLength,
        pool: pool.memoryBytes(),
      }),
      // Fail as a bug would (`how`: 'panic', 'outOfMemory' or 'trap'), through the page's
      // own run: where an event-loop example runs ('page', or 'pageAfterAwait' inside an
      // async one), in the pool's worker ('poolWorker') or on one of its threads
      // ('poolThread'), or in a process of example 1 ('process').
      fail: (how, where) => run({
        ...current,
        params: [],
        run: {
          page: async () => (await loadWasm()).debugFail(how, false),
          pageAfterAwait: async () => (await loadWasm()).debugFailAfterAwait(how),
          poolWorker: () => pool.run('fail', { how, onPoolThread: false }, () => {}),
          poolThread: () => pool.run('fail', { how, onPoolThread: true }, () => {}),
          process: () => processHost().start('', { fail: how }),
        }[where],
      }),
    };
  }
  answerHost({
    run: runForHost,
    stop: () => activeRun?.stop(),
    current: () => ({ example: current.id, threads: threadsAvailable }),
  });
  document.documentElement.dataset.ready = 'true';
  await routed;
  const problems = optionProblems(location.search);
  // A bad ?questions= is said next to the questions' own toggle (questions/view.js).
  const said = problems.filter(({ name }) => name !== 'questions').map((problem) => (problem.allowed
    ? t('badPageOption', { name: problem.name, value: clipped(problem.value, 40), allowed: problem.allowed.join(', ') })
    : t('unknownPageOption', { name: clipped(problem.name, 40) })));
  // The link's own verdict comes first: an option is the lesser mistake.
  if (said.length && !$('status').textContent) setStatus(said.join(' '), 'error');
  // A course may ask for the example to run as soon as it shows: only from a link whose
  // every option is good, and not over a run the course has asked for meanwhile.
  if (pageOption('run') === 'load' && !problems.length && !activeRun) runCurrent();
}

main();
