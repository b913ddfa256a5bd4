// The moments a replay steps through, and where a time falls among them: pure, so that
// Node tests them (tests/scheduler-state.test.mjs).

import { upperBound } from './bounds.js';

/** The number of `times` (nondecreasing) at or before `at`. */
export const countUpTo = (times, at) => upperBound(times.length, (index) => times[index], at);

/** The moments a replay steps through: the scheduler's events when it has any (each one a
 * step, though several may share a microsecond), else every span's start and end and
 * every line's time, in order. */
export function momentsOf(record, spans, lineTimes) {
  if (record.size) return Array.from({ length: record.size }, (_, index) => record.timeOf(index));
  const times = [...spans.flatMap((span) => [span.start, span.end]), ...lineTimes];
  return [...new Set(times)].sort((a, b) => a - b);
}
