// Two changes to the worker helper that wasm-bindgen-rayon (1.3.0, the latest) puts into
// the generated package, made after each `wasm-bindgen` run (see the Makefile):
// - it starts each pool thread with init's deprecated two-argument form, and every thread
//   logs a warning: upstream fixed its bundler helper only (RReverser/wasm-bindgen-rayon#13);
// - a thread that traps without a panic ends in a rejected promise that nobody sees, and
//   the pool waits forever: its message goes where the page looks for a pool's panics
//   (reportPoolThreadTrap, crate/src/web/failure.rs), and the page ends the run with it.
// A helper that no longer reads as expected fails the build: look at the new version.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// [what is there, what it becomes].
const CHANGES = [
  [/await pkg\.default\(data\.module, data\.memory\);/,
    'await pkg.default({ module_or_path: data.module, memory: data.memory });'],
  [/pkg\.wbg_rayon_start_worker\(data\.receiver\);/,
    'try { pkg.wbg_rayon_start_worker(data.receiver); } ' +
    'catch (error) { pkg.reportPoolThreadTrap?.(String(error?.message ?? error)); }'],
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
