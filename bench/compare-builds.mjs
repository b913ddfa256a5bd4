// Two builds of the site side by side in one browser, alternating round by round, so that
// both see this machine at the same pace: `make bench` measures one build against native
// code and its targets, this says whether a change made the page faster. Usage:
//
//   cp -r dist /tmp/before    # the build to compare with, kept aside
//   (change, then) make build
//   node bench/compare-builds.mjs /tmp/before dist
//
// Environment: ROUNDS (8), METHODS (map,starmap,apply; empty for none), ROWS (2,000,000;
// apply 10,000 calls), LOADS (0: fresh loads of #pool-map and #count-async per build and
// round).
// For each job: each build's median and fastest round, and the median of the rounds'
// ratios, second build over first. A round's order alternates, since the first page of a
// round has run slower than the second.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, openPage, ROOT, startServer } from '../tests/support/harness.mjs';
import { summary, untilRunnable } from './measure.mjs';

const [first, second] = process.argv.slice(2).map((dir) => path.resolve(dir));
if (!first || !second) {
  console.error('usage: node bench/compare-builds.mjs FIRST_DIST SECOND_DIST');
  process.exit(2);
}
const ROUNDS = Number(process.env.ROUNDS ?? 8);
const METHODS = (process.env.METHODS ?? 'map,starmap,apply').split(',').filter(Boolean);
const ROWS = Number(process.env.ROWS ?? 2_000_000);
// Apply's calls are one round trip each, and a run may make at most MAX_HAND_OFFS of them.
const APPLY_CALLS = 10_000;
const REPEATS = 9;
const LOADS = Number(process.env.LOADS ?? 0);

/** `serve` for `dist`, with the headers of serve.json. */
async function serverFor(dist, dir) {
  const config = JSON.parse(await readFile(path.join(ROOT, 'serve.json'), 'utf8'));
  const file = path.join(dir, `${path.basename(dist)}-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify({ ...config, public: dist }));
  return startServer({ config: file });
}

const ms = (value) => `${value.toFixed(2)} ms`;

const dir = await mkdtemp(path.join(os.tmpdir(), 'compare-builds-'));
const builds = [first, second];
const servers = await Promise.all(builds.map((dist) => serverFor(dist, dir)));
const browser = await launchBrowser();
try {
  const cores = os.cpus().length;
  const pages = [];
  for (const server of servers) {
    const { page } = await openPage(browser, `${server.url}#count-async`);
    await page.waitForSelector('html[data-ready="true"]');
    await page.evaluate(async (cores) => {
      const { PoolClient } = await import('./js/pool-client.js');
      window.compareClients = [new PoolClient({ workers: 1 }), new PoolClient({ workers: cores })];
      await Promise.all(window.compareClients.map((client) => client.start()));
    }, cores);
    pages.push(page);
  }
  const times = new Map(); // "job|build" → [ms per round]
  const record = (job, build, value) => {
    const key = `${job}|${build}`;
    times.set(key, [...(times.get(key) ?? []), value]);
  };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [1, 0] : [0, 1];
    for (const method of METHODS) {
      for (const build of order) {
        const runs = await pages[build].evaluate(async ({ method, rows, repeats }) => {
          const results = [];
          for (const client of window.compareClients) {
            const report = await client.run(method, { rows, repeats }, () => {});
            results.push({ workers: report.workers, ms: report.parallelMs });
          }
          return results;
        }, { method, rows: method === 'apply' ? APPLY_CALLS : ROWS, repeats: REPEATS });
        for (const run of runs) record(`pool.${method}, ${run.workers} worker(s)`, build, run.ms);
      }
    }
    for (let load = 0; load < LOADS; load++) {
      for (const hash of ['#pool-map', '#count-async']) {
        for (const build of order) {
          const { page, context } = await openPage(browser, null);
          await page.goto(`${servers[build].url}${hash}`);
          const runnableMs = await untilRunnable(page);
          record(`navigation to ${hash} runnable`, build, runnableMs);
          await context.close();
        }
      }
    }
  }
  console.log(`first: ${first}\nsecond: ${second}\n${ROUNDS} rounds; medians (fastest); ratio: second / first, median of the rounds'`);
  const jobs = [...new Set([...times.keys()].map((key) => key.split('|')[0]))];
  for (const job of jobs) {
    const [a, b] = [times.get(`${job}|0`), times.get(`${job}|1`)];
    const ratio = summary(b.map((value, i) => value / a[i])).median;
    const [sa, sb] = [summary(a), summary(b)];
    console.log(`${job}: ${ms(sa.median)} (${ms(sa.min)}) → ${ms(sb.median)} (${ms(sb.min)}), ratio ${ratio.toFixed(3)}`);
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
  await rm(dir, { recursive: true, force: true });
}
