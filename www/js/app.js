// The playground page: the list of examples, one example at a time with its explanation,
// parameters, output, timeline and code. The URL's hash names the example and may carry
// its parameters (#pool-map?rows=2000000&seed=7), so a prepared run can be shared.

import { EXAMPLES, GROUPS, exampleById } from './examples.js';
import { PoolClient } from './pool-client.js';
import { processHost } from './processes.js';
import { loadWasm, takePanic } from './wasm.js';
import { failureMessage, threadsAvailable } from './build.js';
import { answerHost } from './host-api.js';
import { highlighted, languageOf } from './highlight.js';
import { becomeIsolated } from './isolation.js';
import { THEMES, applyTheme, keepPreference, preference } from './preferences.js';
import {
  currentLanguage, exampleTexts, formatNumber, formatSeconds, groupTitle, initialLanguage,
  crateSentence, setLanguage, t, timelineTexts,
} from './i18n.js';
import { downloadImage, downloadTrace } from './trace-export.js';
import { EVENT_LOOP_LANE, eventLoopSpans } from './event-loop-lane.js';
import './timeline/element.js';

const $ = (id) => document.getElementById(id);
const epochNow = () => performance.timeOrigin + performance.now();

const pool = new PoolClient();
let current = null; // the example on screen
let activeRun = null; // {stop(), example} while a run is live

function element(tag, { dataset = {}, ...props } = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset);
  node.append(...children);
  return node;
}

/** The example and parameters a link names. A malformed escape (`#%E0%A4%A`) is kept as
 * written: no such example, which the page then says, rather than an exception. */
function parseHash() {
  const [id, query = ''] = location.hash.slice(1).split('?');
  let decoded = id;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    // URIError: left as written.
  }
  return { id: decoded, query: new URLSearchParams(query) };
}

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

/** The example's fields, with the values in `query` or their defaults; their labels are
 * renderExampleTexts's, in the current language. */
function renderParams(example, query) {
  const fields = (example.params ?? []).map((param) => {
    const id = `param-${param.name}`;
    const given = query.get(param.name);
    const value = given ?? String(param.default);
    let control;
    if (param.type === 'choice') {
      control = element('select', { id, name: param.name },
        param.choices.map(([v]) => element('option', { value: v })));
    } else if (param.type === 'text') {
      control = element('input', { id, name: param.name, type: 'text', required: true });
    } else {
      control = element('input', {
        id, name: param.name, type: 'number', inputMode: 'numeric', required: true,
        min: String(param.min), max: String(param.max), step: '1',
      });
    }
    setFieldValue(control, param, value);
    const error = element('span', { id: `${id}-error`, className: 'field-error' });
    control.setAttribute('aria-describedby', error.id);
    return element('div', { className: 'field' }, [
      element('label', { htmlFor: id }), control, error,
    ]);
  });
  $('param-fields').replaceChildren(...fields);
}

/** Sets a field to `value`, whatever a link or a host page gave. A choice that is not one
 * stays visible as an option of its own, so that it is refused like any other bad value,
 * rather than silently replaced. */
function setFieldValue(control, param, value) {
  if (param.type === 'choice') {
    control.querySelector('option.not-a-choice')?.remove();
    if (!param.choices.some(([v]) => v === value)) {
      control.append(element('option', { value, className: 'not-a-choice' }));
    }
  }
  control.value = value;
}

/** `text` cut to at most `length` characters, for echoing what a link said. */
const clipped = (text, length) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** How a value that is not a choice is shown in its menu. */
const notAChoiceLabel = (value) => t('notAChoice', { value: clipped(value, 25) });

/** The form's values, or null after marking each invalid field with its message. */
function readParams(example) {
  const values = {};
  let valid = true;
  for (const param of example.params ?? []) {
    const control = $(`param-${param.name}`);
    let message = '';
    if (param.type === 'choice') {
      values[param.name] = control.value;
      if (!param.choices.some(([value]) => value === control.value)) {
        message = t('oneOf', { values: param.choices.map(([value]) => value).join(', ') });
      }
    } else if (param.type === 'text') {
      // Checked by the crate, whose message shows if it refuses the text.
      values[param.name] = control.value;
      if (!control.value.trim()) message = t('enterValue');
    } else {
      const text = control.value.trim();
      const number = Number(text);
      if (text === '' || !Number.isFinite(number)) message = t('enterNumber');
      else if (!Number.isInteger(number)) message = t('enterWholeNumber');
      else if (number < param.min || number > param.max) {
        message = t('between', { min: formatNumber(param.min), max: formatNumber(param.max) });
      }
      values[param.name] = number;
    }
    showFieldError(param.name, message);
    if (message) valid = false;
  }
  return valid ? values : null;
}

const sourceTexts = new Map(); // url → Promise<string>, fetched once per page

function fetchSource(url) {
  if (!sourceTexts.has(url)) {
    sourceTexts.set(url, fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.text();
    }));
  }
  return sourceTexts.get(url);
}

/** A pane of source files with a tab per file (WAI-ARIA tabs: arrow keys move between them). */
async function renderSourcePane(example, tabsId, codeId, files) {
  const tablist = $(tabsId);
  const code = $(codeId).querySelector('code');
  const tabs = files.map((file, index) => {
    const tab = element('button', {
      type: 'button', className: 'tab', textContent: file.name, id: `${tabsId}-${index}`,
    });
    tab.setAttribute('role', 'tab');
    tab.addEventListener('click', () => select(index));
    return tab;
  });
  tablist.replaceChildren(...tabs);
  tablist.onkeydown = (event) => {
    const index = tabs.indexOf(document.activeElement);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (index >= 0 && step) select((index + step + tabs.length) % tabs.length, true);
  };
  async function select(index, focus = false) {
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    if (focus) tabs[index].focus();
    $(codeId).setAttribute('aria-labelledby', tabs[index].id);
    const text = await fetchSource(files[index].url);
    if (current === example) code.replaceChildren(highlighted(text, languageOf(files[index].name)));
  }
  code.textContent = '';
  $(codeId).closest('section').hidden = files.length === 0;
  if (files.length) await select(0);
}

function renderCode(example) {
  const rust = example.rust ? [{ name: example.rust, url: `generated/rust/${example.rust}` }] : [];
  const python = (example.python ?? []).map((name) => ({ name, url: `python/${name}` }));
  return Promise.all([
    renderSourcePane(example, 'rust-tabs', 'rust-code', rust),
    renderSourcePane(example, 'python-tabs', 'python-code', python),
  ]);
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
  activeRun.stop();
  activeRun = null;
  showRunning(false);
  $('progress').hidden = true;
  $('timeline').now = null;
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
  // On a change of language the fields keep their values: only their labels change.
  for (const param of example.params ?? []) {
    document.querySelector(`label[for="param-${param.name}"]`).textContent = texts.paramLabel(param.name);
    for (const option of $(`param-${param.name}`).options ?? []) {
      option.textContent = option.classList.contains('not-a-choice')
        ? notAChoiceLabel(option.value) : texts.choiceLabel(param.name, option.value);
    }
  }
}

/** Shows `example` with the values of `query` in its form; resolves to whether they are
 * all good, after marking each bad one next to its field, as checked by the page and then
 * by the crate's own rules. Nothing a link says is used before that. */
function showExample(example, query) {
  abandonActiveRun();
  current = example;
  renderNav(example.id);
  renderParams(example, query);
  renderExampleTexts(example);
  setStatus('');
  const params = example.run ? readParams(example) : {};
  // Warm up what the example needs while the learner reads, so that Run starts at once;
  // a pool of the size the link asks for only once that size has been checked.
  if (example.run) {
    if (example.usesPool) pool.setWorkers(params?.workers ?? defaultOf(example, 'workers'));
    const warmUp = example.usesPool ? pool.start() : loadWasm();
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
  hideReplay();
  updateShare();
  renderCode(example).catch((error) => setStatus(t('couldNotLoadCode', { message: error.message }), 'error'));
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
    if (error.field && $(`param-${error.field}`)) return { field: error.field, message: refusalText(error) };
    // Not a refusal (the module did not load): the run itself will say what is wrong.
    return null;
  }
}

/** Counts the status line's changes, for statusIfUnchanged. */
let statusChanges = 0;

function setStatus(text, kind = '') {
  statusChanges++;
  $('status').textContent = text;
  $('status').dataset.kind = kind;
}

/** A setStatus for a verdict that arrives later (a warm-up or a link's check, both waiting
 * for downloads): it shows only if the status line has not changed since, so that it never
 * overwrites what happened meanwhile, such as a run the learner started. */
function statusIfUnchanged() {
  const changes = statusChanges;
  return (text, kind) => {
    if (statusChanges === changes) setStatus(text, kind);
  };
}

const PROGRESS_DELAY_MS = 300;
/** While workers compute, the page redraws a few times a second only: with a core per
 * worker, a redraw every frame would take time from them and slow what it shows. */
const WORKER_RUN_REFRESH_MS = 250;

/** The DOM keeps the most recent lines only: examples share the page's event loop with the
 * output, and laying out 20,000 lines would delay their timers, distorting what they show. */
const MAX_LINES_SHOWN = 1000;
/** Ten updates a second read as live, and leave the event loop to the example. */
const FLUSH_INTERVAL_MS = 100;

/** Collects output lines and writes them in batches; `laneColors` colours their text. Once
 * `shown()` is false, the page belongs to another run and nothing more is written. */
function outputWriter(origin, laneColors = {}, shown = () => true) {
  const output = $('output');
  const pending = [];
  const recent = []; // the lines shown, as data, for the embedding page's API
  let written = 0;
  let scheduled = false;
  const textOf = (line) => {
    const text = element('span', { className: 'text', textContent: line.text });
    if (laneColors[line.lane]) text.style.color = laneColors[line.lane];
    return text;
  };
  const flush = () => {
    scheduled = false;
    if (!pending.length || !shown()) return;
    const atBottom = output.scrollTop + output.clientHeight >= output.scrollHeight - 4;
    const fragment = document.createDocumentFragment();
    for (const line of pending.splice(0).slice(-MAX_LINES_SHOWN)) {
      fragment.append(element('div', { className: 'line', dataset: { at: line.at, lane: line.lane } }, [
        element('span', { className: 'at', textContent: formatSeconds(line.at - origin, 3) }),
        element('span', { className: 'lane', textContent: line.lane }),
        textOf(line),
      ]));
    }
    output.append(fragment);
    const lines = output.querySelectorAll(':scope > .line');
    for (let i = 0; i < lines.length - MAX_LINES_SHOWN; i++) lines[i].remove();
    let elided = output.querySelector(':scope > .elided');
    const hidden = written - Math.min(written, MAX_LINES_SHOWN);
    if (hidden > 0) {
      elided ??= output.insertBefore(element('p', { className: 'elided' }), output.firstChild);
      elided.textContent = t('earlierLines', { count: formatNumber(hidden) });
    }
    if (atBottom) output.scrollTop = output.scrollHeight;
  };
  return {
    /** `line` as the crate reports it; a sentence of the crate's own is written in the
     * page's language, what a program prints as printed. */
    write(reported) {
      const line = reported.message ? { ...reported, text: crateSentence(reported.message) } : reported;
      pending.push(line);
      recent.push(line);
      if (recent.length > MAX_LINES_SHOWN) recent.shift();
      written++;
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, FLUSH_INTERVAL_MS);
      }
    },
    flush,
    /** The last lines written (at most MAX_LINES_SHOWN), and how many there were in all. */
    get lines() {
      return { recent: [...recent], total: written };
    },
  };
}

/** Runs `example` with the form's parameters. Resolves, once it ends, to its outcome: the
 * status ('done', 'error', 'stopped' or 'invalid'), the status line's text, the output and
 * the elapsed milliseconds. */
async function run(example) {
  const params = readParams(example);
  if (!params) {
    const message = t('fixParams');
    setStatus(message, 'error');
    return { example: example.id, status: 'invalid', message, errors: fieldErrors(example) };
  }
  activeRun?.stop();
  let requestStop;
  const stopSignal = new Promise((resolve) => { requestStop = resolve; });
  let stopped = false;
  const thisRun = {
    example,
    stop() {
      stopped = true;
      requestStop();
      if (example.usesPool) {
        // The stopped worker is gone; its successor starts now, ready for the next run.
        pool.stop();
        pool.start().catch(() => {});
      }
    },
  };
  activeRun = thisRun;
  const shown = () => activeRun === thisRun;
  const timeline = $('timeline');
  timeline.clear();
  $('output').replaceChildren();
  hideReplay();
  showRunning(true);
  setStatus(t('running'), 'running');

  // The run's clock starts once what it runs on is ready: downloading the wasm, or starting
  // a pool of the size asked for, is not the example's time.
  let notReady = null;
  try {
    if (example.usesPool) {
      if (params.workers) pool.setWorkers(params.workers);
      await pool.start();
    } else {
      await loadWasm();
    }
  } catch (error) {
    notReady = error;
  }
  const origin = epochNow();
  timeline.origin = origin;
  const output = outputWriter(origin, example.laneColors, shown);

  // Event-loop examples may run sped up: their clock runs `speed` times as fast from
  // `origin`, and so does the timeline's "now" cursor.
  const speed = example.eventLoop ? Number(params.speed ?? 1) : 1;
  const control = { speed, origin, stop: stopSignal };
  let frame = 0;
  // Progress shows only for runs longer than a moment: a bar that flashes is noise.
  const progress = $('progress');
  const progressTotal = example.progressTotal?.(params) ?? 0;
  const tick = () => {
    if (!shown()) return;
    timeline.now = origin + (epochNow() - origin) * speed;
    if (progressTotal > 0 && pool.showsProgress && epochNow() - origin > PROGRESS_DELAY_MS) {
      progress.hidden = false;
      progress.value = Math.min(1, pool.rowsDone() / progressTotal);
    }
    frame = example.usesPool ? setTimeout(tick, WORKER_RUN_REFRESH_MS) : requestAnimationFrame(tick);
  };
  tick();

  // Lines and spans of a stopped pool run are dropped with its worker; an event-loop run
  // reports how far it got, then says it stopped. A run that another has replaced shows
  // nothing more: the page is the new run's.
  const emit = (event) => {
    if ((stopped && example.usesPool) || !shown()) return;
    if (event.kind === 'line') output.write(event);
    else if (event.kind === 'span') timeline.addSpan(shownSpan(event));
  };
  let status;
  let message;
  let refusedField = null;
  try {
    if (notReady) throw notReady;
    const summary = stopped ? null : await example.run(params, { emit, pool, control });
    if (summary === null || stopped) [status, message] = ['stopped', t('stopped')];
    else [status, message] = ['done', t('finished', { summary })];
  } catch (error) {
    const panic = takePanic(error);
    if (stopped) [status, message] = ['stopped', t('stopped')];
    else [status, message] = ['error', t('error', { message: refusalText(error) ?? failureMessage(error, panic) })];
    // A parameter the crate refused (a rule across fields): marked where it is set.
    if (!stopped && error.field) {
      refusedField = { [error.field]: refusalText(error) };
      if (shown() && $(`param-${error.field}`)) showFieldError(error.field, refusalText(error));
    }
  }
  // Asked for more workers than a page without threads has: the result says so, for the
  // learner and for a course that reads it.
  const notes = status === 'done' && example.usesPool && !threadsAvailable && params.workers > 1
    ? [t('ranWithoutThreads', { workers: formatNumber(params.workers) })] : [];
  if (notes.length) message = `${message} ${notes.join(' ')}`;
  const { recent, total } = output.lines;
  const outcome = {
    example: example.id, status, message, elapsedMs: epochNow() - origin,
    output: recent.map(({ at, lane, text }) => ({ atMs: at - origin, lane, text })),
    outputLines: total,
    ...(refusedField && { errors: refusedField }),
    ...(notes.length && { notes }),
  };
  if (example.usesPool) clearTimeout(frame);
  else cancelAnimationFrame(frame);
  if (shown()) {
    output.flush();
    setStatus(message, status);
    if (status === 'done') {
      if (example.eventLoop) timeline.addSpans(eventLoopSpans(timeline.spans));
      enableReplay(origin);
    }
    progress.hidden = true;
    progress.value = 0;
    timeline.now = null;
    activeRun = null;
    showRunning(false);
  }
  return outcome;
}

/** The crate's refusal of a parameter, in the page's language; null for other errors. */
const refusalText = (error) => (error.sentence ? crateSentence(error.sentence) : null);

/** A span as the timeline shows it: a label that is a sentence of the crate's own in the
 * page's language. */
const shownSpan = (span) => (span.labelMessage ? { ...span, label: crateSentence(span.labelMessage) } : span);

/** Shows `message` under the field `name` and marks it invalid; '' clears both. */
function showFieldError(name, message) {
  $(`param-${name}-error`).textContent = message;
  $(`param-${name}`).toggleAttribute('aria-invalid', message !== '');
}

/** Each invalid field's message, by parameter name. */
function fieldErrors(example) {
  return Object.fromEntries((example.params ?? [])
    .map((param) => [param.name, $(`param-${param.name}-error`).textContent])
    .filter(([, message]) => message));
}

/** After a run, a slider moves a cursor along the timeline and shows the output as it was
 * at that moment: what had not been printed yet is greyed out. */
function enableReplay(origin) {
  const timeline = $('timeline');
  const spans = timeline.spans;
  const lines = [...$('output').querySelectorAll('.line')];
  const end = Math.max(origin, ...spans.map((s) => s.end), ...lines.map((l) => Number(l.dataset.at)));
  const slider = $('replay');
  slider.value = slider.max;
  const show = () => {
    const at = origin + (Number(slider.value) / Number(slider.max)) * (end - origin);
    const atEnd = slider.value === slider.max;
    timeline.now = atEnd ? null : at;
    $('replay-time').textContent = formatSeconds(at - origin, 3);
    for (const line of lines) line.classList.toggle('future', Number(line.dataset.at) > at);
  };
  slider.oninput = show;
  show();
  $('export-trace').onclick = () => downloadTrace(spans, origin, `${current.id}-trace.json`);
  $('export-image').onclick = () => downloadImage(timeline, `${current.id}-timeline.png`)
    .catch((error) => setStatus(t('couldNotExport', { message: error.message }), 'error'));
  $('replay-controls').hidden = false;
}

function hideReplay() {
  $('replay-controls').hidden = true;
}

/** The page's URL for `example` with the form's current values, as a deep link. */
function exampleUrl(example, { embed = false } = {}) {
  const values = {};
  for (const param of example.params ?? []) values[param.name] = $(`param-${param.name}`).value;
  const query = new URLSearchParams(values).toString();
  const url = new URL(location.href);
  // An embed in Spanish stays Spanish for every learner; in English it follows the browser.
  url.search = !embed ? '' : currentLanguage() === 'es' ? '?embed&lang=es' : '?embed';
  url.hash = query ? `${example.id}?${query}` : example.id;
  return url.href;
}

/** An iframe that fits its height to the example's (the `playground:height` messages),
 * so that the course page never shows a frame scrolling inside the page; the height
 * given is the first one only, and the one kept where scripts are stripped. */
function embedSnippet(id, url, title) {
  const frameId = `playground-${id}`;
  return `<iframe id="${frameId}" src="${url}" title="${title}" width="100%" height="900" ` +
    'style="border: 0" loading="lazy" allow="cross-origin-isolated"></iframe>\n' +
    '<!-- In a sandboxed frame: sandbox="allow-scripts allow-same-origin allow-popups" ' +
    '(allow-scripts at the least) -->\n' +
    '<script>addEventListener("message", (event) => {\n' +
    `  const frame = document.getElementById("${frameId}");\n` +
    '  if (event.source === frame?.contentWindow && event.data?.type === "playground:height") ' +
    'frame.style.height = event.data.height + "px";\n' +
    '});</script>';
}

/** Copies a share field's text; where the clipboard is refused (a sandboxed frame, an
 * insecure page) the text is selected, for Ctrl+C. */
async function copyField(field) {
  try {
    await navigator.clipboard.writeText(field.value);
    $('copied').textContent = t('copied');
  } catch {
    field.focus();
    field.select();
    $('copied').textContent = t('copyByHand');
  }
}

function updateShare() {
  if (!current) return;
  const embedUrl = exampleUrl(current, { embed: true });
  const url = exampleUrl(current);
  $('share-url').value = url;
  const title = t('embedTitle', { title: exampleTexts(current).title }).replaceAll('"', '&quot;');
  $('share-embed').value = embedSnippet(current.id, embedUrl, title);
  $('open-full').href = url;
  $('isolation-open-full').href = url;
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
  if (example !== current) {
    history.replaceState(null, '', `#${example.id}`);
    showExample(example, new URLSearchParams());
  }
  for (const [name, value] of Object.entries(params)) {
    setFieldValue($(`param-${name}`), example.params.find((param) => param.name === name), String(value));
  }
  updateShare();
  return run(example);
}

/** Example 3 by hand: the learner creates the coroutine, sends it names and closes it;
 * each call runs it to its next yield, and the output and timeline follow. */
function setUpCoroutineLab() {
  let coroutine = null;
  let output = null;
  const emit = (event) => {
    if (event.kind === 'line') output.write(event);
    else if (event.kind === 'span') $('timeline').addSpan(shownSpan(event));
  };
  const call = (what, action) => {
    try {
      action();
      setStatus(what, 'done');
    } catch (error) {
      setStatus(t('error', { message: error.message }), 'error');
    }
    output?.flush();
  };
  $('lab-start').addEventListener('click', async () => {
    const wasm = await loadWasm();
    abandonActiveRun();
    hideReplay();
    coroutine?.free();
    const origin = epochNow();
    $('output').replaceChildren();
    $('timeline').clear();
    $('timeline').origin = origin;
    output = outputWriter(origin);
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

async function route() {
  const { id, query } = parseHash();
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
  };
  show(initialLanguage());
  $('language').value = currentLanguage();
  $('language').addEventListener('change', () => {
    show($('language').value, { keep: true });
    renderNav(current.id);
    renderExampleTexts(current);
    updateShare();
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
  // Embedded in a course page: the chosen example only, without the site around it.
  if (new URLSearchParams(location.search).has('embed')) document.documentElement.classList.add('embed');
  $('share').addEventListener('click', () => {
    const panel = $('share-panel');
    panel.hidden = !panel.hidden;
    $('share').setAttribute('aria-expanded', String(!panel.hidden));
    updateShare();
    if (!panel.hidden) $('share-url').select();
  });
  $('params').addEventListener('input', updateShare);
  $('copy-url').addEventListener('click', () => copyField($('share-url')));
  $('copy-embed').addEventListener('click', () => copyField($('share-embed')));
  $('skip-link').addEventListener('click', (event) => {
    // Its href names the target for no-script readers; a hash would name an example here.
    event.preventDefault();
    $('example').focus();
  });
  // However many lanes a run has, the threads that start and join the others, and the event
  // loop that runs them, stay in view (the crate's "main" and "runner" lanes).
  $('timeline').pinnedLanes = ['main', EVENT_LOOP_LANE, 'runner'];
  setUpCoroutineLab();
  // A new example: the keyboard goes on from its start, not from the top of the page.
  addEventListener('hashchange', () => {
    route();
    $('example').focus();
  });
  route();
  // ?debug exposes triggers that the tests use to provoke failures on purpose.
  if (new URLSearchParams(location.search).has('debug')) {
    globalThis.playgroundDebug = {
      // For the soak test: the page's and the pool's wasm memories, in bytes.
      memoryBytes: async () => ({
        page: (await (await loadWasm()).default()).memory.buffer.byteLength,
        pool: pool.memoryBytes(),
      }),
      // Fail as a bug would (`how`: 'panic' or 'outOfMemory'), through the page's own run:
      // where an event-loop example runs ('page'), in the pool's worker ('poolWorker') or on
      // one of its threads ('poolThread'), or in a process of example 1 ('process').
      fail: (how, where) => run({
        ...current,
        params: [],
        run: {
          page: async () => (await loadWasm()).debugFail(how, false),
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
    ready: { example: current.id, threads: threadsAvailable },
  });
  document.documentElement.dataset.ready = 'true';
}

main();
