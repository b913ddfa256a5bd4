// Unit test, in Node, of the site as built (tools/bundle.mjs, run by `make build`): the page
// preloads exactly the chunks its two module scripts import before they run, so that none
// is discovered late and none fetched for nothing; and the bundler's bookkeeping.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, staticChunks, withPreloads, withoutTests } from '../tools/bundle.mjs';

/** `from"./x.js"` and `import"./x.js"` in minified output: a module's static imports. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g;

function importedBefore(entry) {
  const seen = new Set();
  const visit = (file) => {
    for (const [, imported] of readFileSync(path.join(DIST, 'js', file), 'utf8').matchAll(STATIC_IMPORT)) {
      if (seen.has(imported)) continue;
      seen.add(imported);
      visit(imported);
    }
  };
  visit(entry);
  return seen;
}

test('dist/index.html preloads every chunk app.js imports, and nothing else', () => {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="js\/([^"]+)">/g)].map(([, href]) => href);
  const needed = importedBefore('app.js');
  // warm-up.js is one file, a script of its own, which the page imports by its URL.
  assert.deepEqual([...importedBefore('warm-up.js')], []);
  assert.ok(needed.has('warm-up.js'));
  needed.delete('warm-up.js');
  assert.deepEqual([...preloaded].sort(), [...needed].sort());
  assert.ok(preloaded.length > 0, 'the entries share chunks');
  for (const chunk of preloaded) assert.ok(existsSync(path.join(DIST, 'js', chunk)), chunk);
  // The early module is a module script of its own, so that it runs before app.js's graph
  // has arrived; app.js imports it too, and gets the same instance.
  const scripts = [...html.matchAll(/<script type="module"( async)? src="([^"]+)">/g)].map(([, async, src]) => `${src}${async ?? ''}`);
  assert.deepEqual(scripts, ['js/warm-up.js async', 'js/app.js']);
});

test('every module a page or worker loads by its URL is built under its own name', () => {
  for (const file of ['js/app.js', 'js/warm-up.js', 'js/features.js', 'js/pool-worker.js', 'js/pool-thread.js', 'js/process-worker.js',
    'style.css', 'compare.css', 'isolation-sw.js', 'pkg/playground.js', 'pkg-single/playground.js']) {
    assert.ok(existsSync(path.join(DIST, file)), file);
  }
});

test('the chunks an entry imports are followed through chunks, dynamic imports left out', () => {
  const metafile = { outputs: {
    'dist/js/app.js': { entryPoint: 'www/js/app.js', imports: [
      { path: 'dist/js/chunk-A.js', kind: 'import-statement' },
      { path: 'dist/js/features.js', kind: 'dynamic-import' },
      { path: './warm-up.js', kind: 'import-statement', external: true },
    ] },
    'dist/js/chunk-A.js': { imports: [{ path: 'dist/js/chunk-B.js', kind: 'import-statement' }] },
    'dist/js/chunk-B.js': { imports: [{ path: 'dist/js/chunk-A.js', kind: 'import-statement' }] },
    'dist/js/features.js': { entryPoint: 'www/js/features.js', imports: [{ path: 'dist/js/chunk-C.js', kind: 'import-statement' }] },
  } };
  assert.deepEqual(staticChunks(metafile, ['app.js']), ['js/chunk-A.js', 'js/chunk-B.js']);
  assert.equal(withPreloads('<head>\n  <!-- modulepreload -->\n</head>', ['js/a.js', 'js/b.js']),
    '<head>\n  <link rel="modulepreload" href="js/a.js">\n  <link rel="modulepreload" href="js/b.js">\n</head>');
  assert.throws(() => withPreloads('<head></head>', []), /no <!-- modulepreload --> line/);
});

test('the code view’s sources end before the tests that end them, and keep their line numbers', () => {
  const code = 'fn main() {\n    run();\n}\n';
  const tests = '#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn runs() {}\n}\n';
  assert.equal(withoutTests(`${code}\n${tests}`), code);
  // Not a block that ends the file, or no block at all: left as it is.
  const after = `${code}\n${tests}\nfn more() {}\n`;
  assert.equal(withoutTests(after), after);
  const declared = `#[cfg(test)]\nmod tests;\n${code}`;
  assert.equal(withoutTests(declared), declared);
  assert.equal(withoutTests(code), code);
  for (const file of ['count_async.rs', 'rand.rs']) {
    const shown = readFileSync(path.join(DIST, 'generated/rust', file), 'utf8');
    assert.ok(!shown.includes('#[cfg(test)]'), file);
    assert.ok(shown.includes('// py: '), file);
  }
});
