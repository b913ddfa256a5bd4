// What bench.mjs and compare-builds.mjs both measure and summarise.

/** The median, fastest and slowest of `values`, and how many there were. */
export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), runs: values.length };
}

/** Where the median of the population that `values` were drawn from lies, with 95 %
 * confidence: two of the values, as many places either side of the sample's middle as
 * chance alone would move it (the binomial's normal approximation; no assumption about
 * the values' distribution). Null for fewer than 6 values, too few to say. */
export function medianInterval(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const below = Math.floor((n - 1.96 * Math.sqrt(n)) / 2);
  return below < 0 || n < 6 ? null : { low: sorted[below], high: sorted[n - 1 - below] };
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
