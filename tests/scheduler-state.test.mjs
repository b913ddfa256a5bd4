// The scheduler's state at any moment, read from its record (www/js/scheduler-state.js):
// here the record Count Async leaves with two coroutines (crate/src/scheduler/tests.rs
// checks the crate writes exactly this).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SchedulerRecord } from '../www/js/scheduler-state.js';
import { countUpTo, momentsOf } from '../www/js/replay-moments.js';

const sleeping = (lane) => [{ lane, state: 'sleeping', label: 'sleep 1 s', site: { file: 'count_async.rs', line: 9 } }];
const EVENTS = [
  { type: 'spawned', task: 0, name: 'main', parent: null, at: 0 },
  { type: 'woken', task: 0, cause: 'start', by: null, at: 0 },
  { type: 'pollStarted', task: 0, at: 0 },
  { type: 'spawned', task: 1, name: 'count() #1', parent: 0, at: 0 },
  { type: 'spawned', task: 2, name: 'count() #2', parent: 0, at: 0 },
  { type: 'polled', task: 0, start: 0, end: 0.1, done: false, awaiting: [{ lane: 'main', state: 'waiting', label: 'awaiting asyncio.gather()' }] },
  { type: 'woken', task: 1, cause: 'start', by: null, at: 0.1 },
  { type: 'woken', task: 2, cause: 'start', by: null, at: 0.1 },
  { type: 'pollStarted', task: 1, at: 0.1 },
  { type: 'timerSet', timer: 0, task: 1, lane: 'count() #1', deadline: 1000.1, at: 0.1 },
  { type: 'polled', task: 1, start: 0.1, end: 0.2, done: false, awaiting: sleeping('count() #1') },
  { type: 'pollStarted', task: 2, at: 0.2 },
  { type: 'timerSet', timer: 1, task: 2, lane: 'count() #2', deadline: 1000.2, at: 0.2 },
  { type: 'polled', task: 2, start: 0.2, end: 0.3, done: false, awaiting: sleeping('count() #2') },
  { type: 'woken', task: 1, cause: 'timer', by: 0, at: 1001 },
  { type: 'woken', task: 2, cause: 'timer', by: 1, at: 1001 },
  { type: 'pollStarted', task: 1, at: 1001 },
  { type: 'timerEnded', timer: 0, fired: true, at: 1001 },
  { type: 'polled', task: 1, start: 1001, end: 1001.5, done: true, awaiting: [] },
  { type: 'pollStarted', task: 2, at: 1001.5 },
  { type: 'timerEnded', timer: 1, fired: true, at: 1001.5 },
  { type: 'polled', task: 2, start: 1001.5, end: 1002, done: true, awaiting: [] },
  { type: 'woken', task: 0, cause: 'childrenDone', by: 2, at: 1002 },
  { type: 'pollStarted', task: 0, at: 1002 },
  { type: 'polled', task: 0, start: 1002, end: 1002.2, done: true, awaiting: [] },
];

function record() {
  const kept = new SchedulerRecord();
  for (const event of EVENTS) kept.add({ kind: 'sched', ...event });
  return kept;
}

test('gather puts each task on the ready queue in order, and the loop takes them from its front', () => {
  const kept = record();
  const afterMainsStep = kept.stateAfter(8);
  assert.equal(afterMainsStep.running, null);
  assert.deepEqual(afterMainsStep.ready.map((entry) => [kept.nameOf(entry.task), entry.cause]),
    [['count() #1', 'start'], ['count() #2', 'start']]);
  assert.deepEqual(afterMainsStep.suspended.map((entry) => kept.nameOf(entry.task)), ['main']);
  const duringFirstStep = kept.stateAfter(10);
  assert.equal(kept.nameOf(duringFirstStep.running.task), 'count() #1');
  assert.deepEqual(duringFirstStep.ready.map((entry) => entry.task), [2]);
});

test('while they sleep, both timers are pending, soonest first, and nothing is ready', () => {
  const kept = record();
  const asleep = kept.stateAfter(countUpTo(momentsOf(kept, [], []), 500));
  assert.equal(asleep.running, null);
  assert.deepEqual(asleep.ready, []);
  assert.deepEqual(asleep.timers.map((timer) => [timer.lane, timer.deadline]), [['count() #1', 1000.1], ['count() #2', 1000.2]]);
  assert.deepEqual(asleep.suspended.map((entry) => entry.awaiting.at(-1).label),
    ['awaiting asyncio.gather()', 'sleep 1 s', 'sleep 1 s']);
});

test('a timer wakes its task, and the last child done wakes the gathering task', () => {
  const kept = record();
  const woken = kept.stateAfter(16);
  assert.deepEqual(woken.ready.map((entry) => [entry.task, entry.cause, entry.by]), [[1, 'timer', 0], [2, 'timer', 1]]);
  const end = kept.stateAfter(23);
  assert.deepEqual(end.ready.map((entry) => [kept.nameOf(entry.task), entry.cause, kept.nameOf(entry.by)]),
    [['main', 'childrenDone', 'count() #2']]);
  assert.equal(kept.stateAfter(kept.size).done, 3);
});

test('a moment counts every event up to it, a step at its end', () => {
  const kept = record();
  const moments = momentsOf(kept, [], []);
  assert.equal(countUpTo(moments, -1), 0);
  assert.equal(countUpTo(moments, 0), 5, 'main was spawned, woken and started at 0');
  assert.equal(countUpTo(moments, 0.1), 10);
  assert.equal(countUpTo(moments, 5000), kept.size);
});

test('a worker run steps through its spans\' edges and its lines, in order', () => {
  const spans = [{ start: 5, end: 9 }, { start: 1, end: 5 }];
  assert.deepEqual(momentsOf(new SchedulerRecord(), spans, [7, 1]), [1, 5, 7, 9]);
});

test('stepping back and forth gives the same state as reading from the start', () => {
  const kept = record();
  const fresh = () => {
    const again = new SchedulerRecord();
    for (const event of EVENTS) again.add({ kind: 'sched', ...event });
    return again;
  };
  for (const count of [20, 7, 8, 25, 3]) assert.deepEqual(kept.stateAfter(count), fresh().stateAfter(count), `${count}`);
});

test("the loop's lane is each step, named by its task, with the idle time and the loop's own between", () => {
  const spans = record().loopSpans('event loop');
  assert.deepEqual(spans.map((span) => span.task ?? 'idle'),
    ['main', 'count() #1', 'count() #2', 'idle', 'count() #1', 'count() #2', 'main']);
  const idle = spans.find((span) => span.idle);
  assert.deepEqual([idle.start, idle.end], [0.3, 1001]);
});

test('counters follow the ready queue and the pending timers', () => {
  const points = record().counters();
  assert.deepEqual(points.slice(0, 4).map(({ ready, timers }) => [ready, timers]), [[1, 0], [0, 0], [1, 0], [2, 0]]);
  assert.equal(Math.max(...points.map((point) => point.timers)), 2);
  assert.deepEqual(points.at(-1), { at: 1002, ready: 0, timers: 0 });
});

test('a generator at its yield is listed with where it waits, until it is resumed', () => {
  const kept = new SchedulerRecord();
  const site = { file: 'crate/src/demos/coroutines.rs', line: 140 };
  kept.add({ kind: 'sched', type: 'generatorParked', lane: "print_name('Dear')", parked: true, site, at: 500 });
  kept.add({ kind: 'sched', type: 'generatorParked', lane: "print_name('Dear')", parked: false, site, at: 1000 });
  assert.deepEqual(kept.stateAfter(1).generators, [{ lane: "print_name('Dear')", since: 500, site }]);
  assert.deepEqual(kept.stateAfter(2).generators, []);
  assert.equal(countUpTo(momentsOf(kept, [], []), 999), 1);
});

test("a gap between two steps while tasks wait in the queue is the loop's own work, not idleness", () => {
  const kept = new SchedulerRecord();
  for (const event of [
    { type: 'woken', task: 1, cause: 'start', at: 0 },
    { type: 'woken', task: 2, cause: 'start', at: 0 },
    { type: 'pollStarted', task: 1, at: 0 },
    { type: 'polled', task: 1, start: 0, end: 1, done: true, awaiting: [] },
    { type: 'pollStarted', task: 2, at: 1.5 },
    { type: 'polled', task: 2, start: 1.5, end: 2, done: true, awaiting: [] },
  ]) kept.add({ kind: 'sched', ...event });
  const between = kept.loopSpans('event loop').find((span) => span.start === 1);
  assert.deepEqual([between.state, between.between, between.end], ['running', true, 1.5]);
});
