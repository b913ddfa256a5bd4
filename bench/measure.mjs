// What bench.mjs and compare-builds.mjs both measure and summarise.

/** The median, fastest and slowest of `values`, and how many there were. */
export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), runs: values.length };
}

/** Where the median of the population that `values` were drawn from lies, with at least
 * 95 % confidence, whatever the values' distribution: the k-th smallest and the k-th
 * largest value, for the largest k such that fewer than k of n values fall below the
 * median (or above it) with a chance of 2.5 % at most (the binomial's exact tail). Null
 * for fewer than 6 values, too few for any k. */
export function medianInterval(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  // P(exactly j of n below the median) = C(n, j) / 2^n, kept as a logarithm: 2^-n
  // underflows past n = 1,074.
  let logTerm = n * Math.log(0.5);
  let tail = 0; // P(fewer than k below)
  let k = 0;
  while (k < n / 2 && tail + Math.exp(logTerm) <= 0.025) {
    tail += Math.exp(logTerm);
    logTerm += Math.log((n - k) / (k + 1));
    k++;
  }
  return k === 0 ? null : { low: sorted[k - 1], high: sorted[n - k] };
}

/** How long a load may take before the benchmark stops and says so: a page that never
 * becomes runnable (a failed download, a broken start) must not hang it. */
const RUNNABLE_TIMEOUT_MS = 30_000;

/** `page` (a playwright page navigating to the playground): milliseconds from navigation to
 * the moment it could first run its example (the mark app.js sets). */
export const untilRunnable = (page) => page.evaluate((timeoutMs) => new Promise((resolve, reject) => {
  const find = () => performance.getEntriesByName('playground:runnable')[0];
  const poll = () => {
    if (find()) resolve(find().startTime);
    else if (performance.now() > timeoutMs) reject(new Error(`${location.href} was not runnable in ${timeoutMs} ms`));
    else setTimeout(poll, 5);
  };
  poll();
}), RUNNABLE_TIMEOUT_MS);

/** From the timeline of a run of `method` on `workers` threads (its spans, the page's or the
 * native run's), for each repeat of the parallel call: how long it took, how late its last
 * worker started, and how long its chunks took in all. */
export function callsOf(spans, method, workers) {
  return spans.filter((span) => span.label === `waiting for ${method}`).map((wait) => {
    const firstStarts = new Map();
    let busyMs = 0;
    for (const span of spans) {
      // A worker's chunks only: its idle stretches fill the rest of the wait.
      if (!span.lane.startsWith('worker') || span.state !== 'running') continue;
      if (span.start < wait.start || span.end > wait.end) continue;
      firstStarts.set(span.lane, Math.min(span.start, firstStarts.get(span.lane) ?? Infinity));
      busyMs += span.end - span.start;
    }
    // A worker that took no chunk at all started too late to matter: as late as the call.
    const starts = [...firstStarts.values()];
    const lastStart = !starts.length || starts.length < workers ? wait.end : Math.max(...starts);
    return { ms: wait.end - wait.start, lastStartMs: lastStart - wait.start, busyMs };
  });
}
