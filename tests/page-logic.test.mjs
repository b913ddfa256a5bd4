// Unit tests, in Node without a browser, of the page's pure parts: reading a link, the
// embed snippet, the event loop's own lane, the Perfetto export, the crate's sentences in
// either language, and what a failure is called.

import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.navigator ??= { hardwareConcurrency: 2 };
const { clipped, parseLink } = await import('../www/js/link.js');
const { embedSnippet } = await import('../www/js/share.js');
const { EVENT_LOOP_LANE, eventLoopSpans } = await import('../www/js/event-loop-lane.js');
const { toTraceEvents } = await import('../www/js/trace-export.js');
const { SchedulerRecord } = await import('../www/js/scheduler-state.js');
const { pythonTwin } = await import('../www/js/code-panes.js');
const { crateSentence, useLanguage } = await import('../www/js/i18n.js');
const { failureMessage } = await import('../www/js/build.js');

test('a link names an example and its parameters, and a malformed one does not throw', () => {
  const { id, query } = parseLink('#pool-map?rows=2000000&seed=7');
  assert.equal(id, 'pool-map');
  assert.deepEqual(Object.fromEntries(query), { rows: '2000000', seed: '7' });
  assert.equal(parseLink('#count%2Dasync').id, 'count-async');
  for (const hash of ['#%', '#%E0%A4%A', '#count-async%']) assert.equal(parseLink(hash).id, hash.slice(1));
  assert.equal(parseLink('').id, '');
  assert.equal(clipped('x'.repeat(5000), 40), `${'x'.repeat(39)}…`);
  assert.equal(clipped('short', 40), 'short');
});

test('the embed snippet fits its frame to the heights its own frame reports', () => {
  const snippet = embedSnippet('rand', 'https://p.example/?embed#rand', 'Rand — Async &amp; Parallel Playground');
  assert.match(snippet, /^<iframe id="playground-rand" src="https:\/\/p\.example\/\?embed#rand" title="Rand — Async &amp; Parallel Playground"/);
  assert.match(snippet, /allow-scripts allow-same-origin allow-popups/);
  assert.match(snippet, /event\.source === frame\?\.contentWindow && event\.data\?\.type === "playground:height"/);
  assert.equal(snippet.match(/playground-rand/g).length, 2, 'the script finds the frame by its id');
});

/** A scheduler's record of one task stepped twice, a second apart, by its timer. */
function oneTaskRecord() {
  const record = new SchedulerRecord();
  for (const event of [
    { type: 'spawned', task: 0, name: 'main', parent: null, at: 1000 },
    { type: 'woken', task: 0, cause: 'start', by: null, at: 1000 },
    { type: 'pollStarted', task: 0, at: 1000 },
    { type: 'timerSet', timer: 0, task: 0, lane: 'main', deadline: 2000, at: 1000 },
    { type: 'polled', task: 0, start: 1000, end: 1001, done: false, awaiting: [{ lane: 'main', label: 'sleep 1 s' }] },
    { type: 'woken', task: 0, cause: 'timer', by: 0, at: 2000 },
    { type: 'pollStarted', task: 0, at: 2000 },
    { type: 'timerEnded', timer: 0, fired: true, at: 2000 },
    { type: 'polled', task: 0, start: 2000, end: 2002, done: true, awaiting: [] },
  ]) record.add({ kind: 'sched', ...event });
  return record;
}

test("the event loop's lane is its steps, each named by its task, in the page's language", () => {
  useLanguage('en');
  const spans = eventLoopSpans(oneTaskRecord());
  assert.deepEqual(spans.map(({ lane, state, start, end, label }) => [lane, state, start, end, label]), [
    [EVENT_LOOP_LANE, 'running', 1000, 1001, 'a step of main'],
    [EVENT_LOOP_LANE, 'waiting', 1001, 2000, 'idle: waiting for the next timer'],
    [EVENT_LOOP_LANE, 'running', 2000, 2002, 'a step of main'],
  ]);
  useLanguage('es');
  assert.equal(eventLoopSpans(oneTaskRecord())[0].label, 'un paso de main');
  useLanguage('en');
  assert.deepEqual(eventLoopSpans(new SchedulerRecord()), []);
});

test('the trace export has a named thread per lane and a complete event per span, in µs', () => {
  const trace = toTraceEvents({
    spans: [
      { lane: 'worker 0', state: 'running', start: 1000.5, end: 1002, label: 'rows 0–9' },
      { lane: 'runner', state: 'waiting', start: 1000, end: 1003, label: '' },
    ],
  }, 1000);
  const threads = trace.traceEvents.filter((e) => e.name === 'thread_name').map((e) => [e.tid, e.args.name]);
  assert.deepEqual(threads, [[1, 'worker 0'], [2, 'runner']]);
  const events = trace.traceEvents.filter((e) => e.ph === 'X');
  assert.deepEqual(events.map(({ name, tid, ts, dur }) => [name, tid, ts, dur]), [
    ['rows 0–9', 1, 500, 1500],
    ['waiting', 2, 0, 3000], // no label: named by its state
  ]);
});

test('the trace export holds the arrows as flows, and the scheduler as steps, wakes and counters', () => {
  const trace = toTraceEvents({
    spans: [{ lane: 'main', state: 'sleeping', start: 1001, end: 2000, label: 'sleep 1 s' }],
    flows: [
      { flow: 'timer', fromLane: 'main', from: 1001, toLane: 'main', to: 2000 },
      { flow: 'call', fromLane: 'main', from: 1001, toLane: 'a lane without spans', to: 1500 },
    ],
    record: oneTaskRecord(),
  }, 1000);
  const of = (ph) => trace.traceEvents.filter((e) => e.ph === ph);
  assert.deepEqual(of('s').map(({ id, name, ts }) => [id, name, ts]), [[1, 'timer', 1000]]);
  // Its end falls on the sleep's end: moved a microsecond in, for Perfetto to bind it there.
  assert.deepEqual(of('f').map(({ id, bp, ts }) => [id, bp, ts]), [[1, 'e', 999_999]]);
  // And so when an instant follows there (a last step too short to last a microsecond).
  const instant = { lane: 'main', state: 'running', start: 2000, end: 2000, label: 'print' };
  const again = toTraceEvents({
    spans: [{ lane: 'main', state: 'sleeping', start: 1001, end: 2000, label: 'sleep 1 s' }, instant],
    flows: [{ flow: 'timer', fromLane: 'main', from: 1001, toLane: 'main', to: 2000 }],
  }, 1000);
  assert.equal(again.traceEvents.find((e) => e.ph === 'f').ts, 999_999);
  const steps = of('X').filter((e) => e.cat === 'poll');
  assert.deepEqual(steps.map(({ pid, ts, dur, args }) => [pid, ts, dur, args.outcome]),
    [[2, 0, 1000, 'pending'], [2, 1_000_000, 2000, 'done']]);
  assert.deepEqual(of('i').map((e) => e.name), ['woken: start', 'woken: timer']);
  const timers = of('C').filter((e) => e.name === 'pending timers').map((e) => e.args.timers);
  assert.deepEqual(timers, [0, 0, 1, 1, 1, 0]);
  const names = trace.traceEvents.filter((e) => e.name === 'process_name').map((e) => e.args.name);
  assert.deepEqual(names, ['Async & Parallel Playground', 'event loop: scheduler']);
});

test('the crate’s sentences in either language: plurals, numbers, sentences within sentences', () => {
  const said = (key, english, args) => ({ key, english, args });
  const rows = (count) => said('poolTimingChunks',
    '{method}: {rows} rows on {workers|worker|workers} in {time} (chunks of {chunkRows|row|rows}, median of {repeats})', {
      method: { kind: 'text', value: 'pool.map' }, rows: { kind: 'count', value: 200000 },
      workers: { kind: 'count', value: count }, time: { kind: 'milliseconds', value: 3.5 },
      chunkRows: { kind: 'count', value: 1 }, repeats: { kind: 'count', value: 3 },
    });
  useLanguage('en');
  assert.equal(crateSentence(rows(1)), 'pool.map: 200,000 rows on 1 worker in 3.50 ms (chunks of 1 row, median of 3)');
  useLanguage('es');
  assert.equal(crateSentence(rows(2)), 'pool.map: 200.000 filas en 2 workers en 3,50 ms (bloques de 1 fila, mediana de 3)');
  const loop = said('loopSpeedup', 'sequential loop: {time}; speedup {speedup}', {
    time: { kind: 'milliseconds', value: 1 },
    speedup: { kind: 'said', value: said('speedup', '{median}×', { median: { kind: 'ratio', value: { value: 0.000056, decimals: 6 } } }) },
  });
  assert.equal(crateSentence(loop), 'bucle secuencial: 1,00 ms; aceleración 0,000056×');
  useLanguage('en');
  assert.equal(crateSentence(loop), 'sequential loop: 1.00 ms; speedup 0.000056×');
});

test('a failure says what it was: the crate’s report, a trap, or the error’s own message', () => {
  assert.equal(failureMessage(new Error('x'), 'panic: panicked at a.rs'), 'panic: panicked at a.rs');
  assert.equal(failureMessage(new WebAssembly.RuntimeError('unreachable')), 'trap: unreachable');
  assert.equal(failureMessage(new TypeError('Failed to fetch')), 'Failed to fetch');
});

test('a Rust line names its Python twin by line, and by file where the example has two', () => {
  assert.deepEqual(pythonTwin('    task.sleep(ms).await; // py: 19 await asyncio.sleep(i)'), { file: null, line: 19 });
  assert.deepEqual(pythonTwin('        main.enter(w, awaiting("count()")); // py: countsync.py:13 count()'),
    { file: 'countsync.py', line: 13 });
  assert.equal(pythonTwin('    let x = 1; // a comment'), null);
});

const { optionProblems, optionsQuery, pageOption } = await import('../www/js/page-options.js');

test('a link’s page options: each checked against the values it takes', () => {
  assert.equal(pageOption('embed', '?embed&lang=es'), '');
  assert.equal(pageOption('lang', '?embed&lang=es'), 'es');
  assert.equal(pageOption('lang', '?lang=fr'), null, 'not a language of the page');
  assert.equal(pageOption('code', '?code=on'), 'on');
  assert.equal(pageOption('run', '?run=now'), null);
  assert.equal(pageOption('toString', '?toString=x'), null, 'no option inherited from Object');
  assert.deepEqual(optionProblems('?embed&code=maybe&zoom=2&lang=es'), [
    { name: 'code', value: 'maybe', allowed: ['on', 'off'] },
    { name: 'zoom', value: '2', allowed: null },
  ]);
  assert.deepEqual(optionProblems('?embed&questions=off&explain=off&run=load'), []);
});

test('the share panel’s options make a query that reads back the same', () => {
  const chosen = { embed: '', lang: 'es', questions: 'off', explain: null, code: 'on', run: 'load' };
  const query = optionsQuery(chosen);
  assert.equal(query, '?embed&lang=es&questions=off&code=on&run=load');
  for (const [name, value] of Object.entries(chosen)) assert.equal(pageOption(name, query), value);
  assert.equal(optionsQuery({ explain: null }), '');
});
