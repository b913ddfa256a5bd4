// Exports of a run's timeline: as Trace Event Format JSON, which Perfetto
// (ui.perfetto.dev) and chrome://tracing open, and as a PNG, for slides and notes.
//
// The JSON holds what the page draws, from the same events: one thread per lane with a
// complete event ("X") per span, each cause arrow as a flow ("s" → "f"); and for the
// event-loop examples a second process, the scheduler, with a thread per task whose
// steps are slices and whose wakes are instant events ("i"), and counter tracks ("C") of
// the ready queue's length and the pending timers.

import { upperBound } from './bounds.js';

const PLAYGROUND_PID = 1;
const SCHEDULER_PID = 2;

/** `spans` and `flows` in epoch ms, `record` a SchedulerRecord (or null); times in the
 * file are µs since `origin`. */
export function toTraceEvents({ spans, flows = [], record = null }, origin, processName = 'Async & Parallel Playground') {
  const us = (ms) => Math.round((ms - origin) * 1000);
  const lanes = [...new Set(spans.map((span) => span.lane))];
  const tid = new Map(lanes.map((lane, index) => [lane, index + 1]));
  const events = [
    ...threadsOf(PLAYGROUND_PID, processName, lanes),
    ...spans.map((span) => ({
      ph: 'X',
      name: span.label || span.state,
      cat: span.state,
      pid: PLAYGROUND_PID,
      tid: tid.get(span.lane),
      ts: us(span.start),
      dur: Math.max(0, us(span.end) - us(span.start)),
      args: { state: span.state },
    })),
    ...flowEvents(flows, spans, tid, us),
    ...(record?.size ? schedulerEvents(record, us) : []),
  ];
  return { displayTimeUnit: 'ms', traceEvents: events };
}

/** Each arrow as a flow: "s" on its cause's lane, "f" on its effect's. Perfetto binds
 * each to the slice enclosing it, a slice ending where it starts: an end that falls on a
 * span's end (a result handed back as its coroutine returns), with no longer slice
 * starting there, is moved a microsecond in. */
function flowEvents(flows, spans, tid, us) {
  const slices = new Map(); // lane → [[start, end] in µs], by start
  for (const span of spans) {
    if (!slices.has(span.lane)) slices.set(span.lane, []);
    slices.get(span.lane).push([us(span.start), us(span.end)]);
  }
  for (const list of slices.values()) list.sort((a, b) => a[0] - b[0]);
  const within = (lane, ts) => {
    const list = slices.get(lane);
    const low = upperBound(list.length, (index) => list[index][0], ts);
    // The slices starting at or before `ts`, latest first: one around it, else one that
    // ends there (an instant, a zero-length slice, encloses nothing).
    for (let index = low - 1; index >= 0 && index >= low - 3; index--) {
      const [start, end] = list[index];
      if (ts < end) return ts;
      if (end === ts && end > start) return ts - 1;
    }
    return ts;
  };
  return flows.filter((flow) => tid.has(flow.fromLane) && tid.has(flow.toLane)).flatMap((flow, index) => {
    const common = { id: index + 1, name: flow.flow, cat: 'cause', pid: PLAYGROUND_PID };
    return [
      { ph: 's', ...common, tid: tid.get(flow.fromLane), ts: within(flow.fromLane, us(flow.from)) },
      { ph: 'f', bp: 'e', ...common, tid: tid.get(flow.toLane), ts: within(flow.toLane, us(flow.to)) },
    ];
  });
}

/** Metadata naming process `pid` and its threads, `names[i]` being thread i + 1. */
function threadsOf(pid, processName, names) {
  return [
    { ph: 'M', name: 'process_name', pid, tid: 0, args: { name: processName } },
    { ph: 'M', name: 'process_sort_index', pid, tid: 0, args: { sort_index: pid } },
    ...names.flatMap((name, index) => [
      { ph: 'M', name: 'thread_name', pid, tid: index + 1, args: { name } },
      { ph: 'M', name: 'thread_sort_index', pid, tid: index + 1, args: { sort_index: index + 1 } },
    ]),
  ];
}

/** The scheduler's record: a thread per task, its steps and wakes; the queue's counters. */
function schedulerEvents(record, us) {
  const tasks = record.events.filter((event) => event.type === 'spawned').map((event) => event.task);
  const tid = new Map(tasks.map((task, index) => [task, index + 1]));
  const events = threadsOf(SCHEDULER_PID, 'event loop: scheduler', tasks.map((task) => `task ${record.nameOf(task)}`));
  for (const event of record.events) {
    const thread = { pid: SCHEDULER_PID, tid: tid.get(event.task) };
    if (event.type === 'polled') {
      events.push({
        ph: 'X', name: 'step', cat: 'poll', ...thread, ts: us(event.start), dur: Math.max(0, us(event.end) - us(event.start)),
        args: {
          outcome: event.done ? 'done' : 'pending',
          awaiting: event.awaiting.map((frame) => `${frame.lane}: ${frame.label}`).join(' > '),
        },
      });
    } else if (event.type === 'woken') {
      const by = event.cause === 'childrenDone' ? ` (last: ${record.nameOf(event.by)})` : '';
      events.push({ ph: 'i', s: 't', name: `woken: ${event.cause}${by}`, cat: 'wake', ...thread, ts: us(event.at) });
    }
  }
  for (const { at, ready, timers } of record.counters()) {
    const counter = { ph: 'C', pid: SCHEDULER_PID, tid: 0, ts: us(at) };
    events.push({ ...counter, name: 'ready queue', args: { tasks: ready } });
    events.push({ ...counter, name: 'pending timers', args: { timers } });
  }
  return events;
}

/** Offers the trace of `run` ({spans, flows, record}) as a file download. */
export function downloadTrace(run, origin, fileName) {
  const json = JSON.stringify(toTraceEvents(run, origin));
  download(new Blob([json], { type: 'application/json' }), fileName);
}

/** Offers the timeline `<pg-timeline>` as drawn, as a PNG download. */
export async function downloadImage(timeline, fileName) {
  download(await timeline.toPng(), fileName);
}

function download(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
