// What bench.mjs and compare-builds.mjs both measure and summarise.

/** The median, fastest and slowest of `values`, and how many there were. */
export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), runs: values.length };
}

/** `page` (a playwright page navigating to the playground): milliseconds from navigation to
 * the moment it could first run its example (the mark app.js sets). */
export const untilRunnable = (page) => page.evaluate(() => new Promise((resolve) => {
  const find = () => performance.getEntriesByName('playground:runnable')[0];
  const poll = () => (find() ? resolve(find().startTime) : setTimeout(poll, 5));
  poll();
}));
