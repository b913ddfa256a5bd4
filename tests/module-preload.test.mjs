// Unit test, in Node: index.html preloads exactly the modules app.js imports statically
// (tools/module-graph.mjs), so that a new module is never left to be discovered late, and a
// removed one is never fetched for nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './support/harness.mjs';
import { preloadOrder, staticImports } from '../tools/module-graph.mjs';

test('index.html preloads every module app.js imports, and nothing else', async () => {
  const html = await readFile(path.join(ROOT, 'www/index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(([, href]) => href);
  assert.deepEqual(preloaded, preloadOrder('js/app.js', 'js/warm-up.js'),
    'run `node tools/module-graph.mjs` and put its lines in www/index.html');
  assert.deepEqual([...preloaded].sort(), staticImports('js/app.js'));
  // The early module is a module script of its own, so that it runs before app.js's graph
  // has arrived; app.js imports it too, and gets the same instance.
  const scripts = [...html.matchAll(/<script type="module"( async)? src="([^"]+)">/g)].map(([, async, src]) => `${src}${async ?? ''}`);
  assert.deepEqual(scripts, ['js/warm-up.js async', 'js/app.js']);
  assert.ok(preloaded.includes('js/timeline/element.js'), 'imports for their effect count too');
});
