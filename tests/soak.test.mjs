// Soak: many consecutive runs of every example in one page must leave the number of live
// workers, the JS heap and the wasm memories flat. `make test` does a few runs of each;
// `make soak` does 100 (SOAK_RUNS) and reports the figures.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, servedPlayground } from './support/harness.mjs';

const RUNS = Number(process.env.SOAK_RUNS ?? 3);

/** Every example with parameters that keep a run short. */
const EXAMPLES = [
  'multiprocessing?processes=2',
  'threading?iterations=1000&workers=2',
  'coroutines?pauseMs=100&speed=10',
  'count-async?coroutines=3&speed=10',
  'rand?speed=10',
  'chained?chains=1&speed=10',
  'pool-apply?rows=200&workers=2',
  'pool-map?rows=10000&repeats=1&workers=2',
  'pool-starmap?rows=10000&repeats=1&workers=2',
];

const served = servedPlayground();

/** Workers, JS heap after a full collection, and the wasm memories. */
async function measure(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const memory = await page.evaluate(() => globalThis.playgroundDebug.memoryBytes());
  return { workers: page.workers().length, heapBytes: usedSize, ...memory };
}

test(`${RUNS} runs of every example leave workers and memory flat`, { timeout: 60_000 + RUNS * 60_000 }, async (t) => {
  const { page, errors, context } = await openPage(served.browser, `${served.server.url}?debug#pool-map`);
  await page.waitForSelector('html[data-ready="true"]');
  const cdp = await context.newCDPSession(page);
  const runAll = async () => {
    for (const example of EXAMPLES) {
      await page.evaluate((hash) => { location.hash = hash; }, example);
      await page.waitForFunction((id) => location.hash.startsWith(`#${id}`), example.split('?')[0]);
      await page.click('#run');
      await page.waitForFunction(
        () => ['done', 'error', 'stopped'].includes(document.getElementById('status').dataset.kind),
        null, { timeout: 60_000 });
      const status = await page.textContent('#status');
      assert.match(status, /^Finished/, `${example}: ${status}`);
    }
  };
  // The first round starts the pool and loads what each example needs: the baseline.
  await runAll();
  const first = await measure(page, cdp);
  t.diagnostic(`after 1 round: ${JSON.stringify(first)}`);
  // The heap along the way, a tenth of the runs apart: growth that levels off is the engine
  // warming up (compiled code, feedback); growth that goes on is a leak.
  const every = Math.max(1, Math.round(RUNS / 10));
  let last = first;
  for (let run = 2; run <= RUNS; run++) {
    await runAll();
    if (run % every === 0 || run === RUNS) {
      last = await measure(page, cdp);
      t.diagnostic(`after ${run} rounds: heap ${(last.heapBytes / 2 ** 20).toFixed(2)} MB, ${last.workers} workers, pool ${last.pool}`);
    }
  }
  t.diagnostic(`after ${RUNS} rounds: ${JSON.stringify(last)}`);
  assert.deepEqual(errors, []);
  assert.equal(last.workers, first.workers, 'live workers');
  // A wasm memory only grows. The allocator's high-water mark may rise by a page once, as
  // runs of different sizes interleave in the first rounds (seen once in 30 rounds, then
  // flat); a leak would add a page after page, as a run allocates far more than one.
  const WASM_PAGE_BYTES = 64 * 1024;
  assert.ok(last.pool <= first.pool + WASM_PAGE_BYTES, `the pool’s wasm memory: ${first.pool} → ${last.pool}`);
  assert.ok(last.page <= first.page + WASM_PAGE_BYTES, `the page’s wasm memory: ${first.page} → ${last.page}`);
  // The heap holds the last run's output and timeline; leaking runs would add up.
  const MB = 2 ** 20;
  assert.ok(last.heapBytes <= first.heapBytes + 4 * MB,
    `JS heap grew from ${(first.heapBytes / MB).toFixed(1)} to ${(last.heapBytes / MB).toFixed(1)} MB`);
  await context.close();
});
