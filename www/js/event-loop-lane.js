// The event loop's own lane, derived from its tasks' spans: the loop is busy while any of
// them runs, and otherwise idle, waiting for the next timer. One thread runs them all, so
// the busy stretches of different tasks never overlap.

export const EVENT_LOOP_LANE = 'event loop';
/** Gaps shorter than this are the loop itself at work between two tasks, not idleness. */
const IDLE_FROM_MS = 1;

export function eventLoopSpans(spans) {
  const running = spans
    .filter((span) => span.state === 'running' && span.lane !== EVENT_LOOP_LANE)
    .sort((a, b) => a.start - b.start);
  const busy = [];
  for (const span of running) {
    const last = busy.at(-1);
    if (last && span.start - last.end < IDLE_FROM_MS) last.end = Math.max(last.end, span.end);
    else busy.push({ start: span.start, end: span.end });
  }
  const lane = [];
  busy.forEach((stretch, index) => {
    const previous = busy[index - 1];
    if (previous && stretch.start > previous.end) {
      lane.push({ lane: EVENT_LOOP_LANE, state: 'waiting', start: previous.end, end: stretch.start,
        label: 'idle: waiting for the next timer' });
    }
    lane.push({ lane: EVENT_LOOP_LANE, state: 'running', start: stretch.start, end: stretch.end,
      label: 'running a task' });
  });
  return lane;
}
