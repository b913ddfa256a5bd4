// What bench.mjs and compare-builds.mjs both measure and summarise.

/** The median, fastest and slowest of `values`, and how many there were. */
export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), runs: values.length };
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
