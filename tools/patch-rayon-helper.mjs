// A change to the helper that wasm-bindgen-rayon (1.3.0, the latest) puts into the
// generated package, made after each `wasm-bindgen` run (see the Makefile): its
// startWorkers, which the pool's worker calls through initThreadPool, takes each of the
// pool's threads from that worker (`__playgroundPoolThread` in pool-worker.js: a thread
// that the page started with it, pool-thread.js says why, and which the page keeps), rather
// than start a new worker from a copy of this file. The helper's worker half is then never
// a worker's script (its listener for an init, which runs wherever the glue is imported,
// never hears one: pool-thread.js gets its init wrapped), and pool-thread.js, which is,
// also
// - instantiates with init's one-object form, where the helper's deprecated two-argument
//   form makes every thread log a warning (fixed upstream in its bundler helper only,
//   RReverser/wasm-bindgen-rayon#13);
// - reports a thread that traps without a panic where the page looks for a pool's panics,
//   where the helper's rejected promise would reach no one and the pool wait forever.
// A helper that no longer reads as expected fails the build: look at the new version.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// [what is there, what it becomes].
const CHANGES = [
  [/\/\/ Self-spawn into a new Worker\.[^]*?\}\);(\s*worker\.postMessage\(workerInit\);\s*await waitForMsgType\(worker, 'wasm_bindgen_worker_ready'\);)\s*URL\.revokeObjectURL\(url\);/,
    '// A thread the page started (tools/patch-rayon-helper.mjs).\n' +
    '      const worker = self.__playgroundPoolThread();$1'],
];

const pkg = process.argv[2];
const snippets = path.join(pkg, 'snippets');
const helpers = readdirSync(snippets)
  .filter((dir) => dir.startsWith('wasm-bindgen-rayon-'))
  .map((dir) => path.join(snippets, dir, 'src/workerHelpers.no-bundler.js'));
if (helpers.length !== 1) throw new Error(`expected one wasm-bindgen-rayon helper in ${snippets}, found ${helpers.length}`);
const [helper] = helpers;
let text = readFileSync(helper, 'utf8');
for (const [before, after] of CHANGES) {
  if (!before.test(text)) throw new Error(`${helper} has changed: ${before} is not there`);
  text = text.replace(before, after);
}
writeFileSync(helper, text);
