// The moments a replay steps through, and where a time falls among them: pure, so that
// Node tests them (tests/scheduler-state.test.mjs).

/** The number of `times` (nondecreasing) at or before `at`. */
export function countUpTo(times, at) {
  let [low, high] = [0, times.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (times[middle] <= at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The moments a replay steps through: the scheduler's events when it has any (each one a
 * step, though several may share a microsecond), else every span's start and end and
 * every line's time, in order. */
export function momentsOf(record, spans, lineTimes) {
  if (record.size) return Array.from({ length: record.size }, (_, index) => record.timeOf(index));
  const times = [...spans.flatMap((span) => [span.start, span.end]), ...lineTimes];
  return [...new Set(times)].sort((a, b) => a - b);
}
