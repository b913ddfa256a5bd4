// The modules a page's entry imports statically, directly or not: what index.html lists as
// <link rel="modulepreload">, so that the browser fetches the whole graph at once instead
// of discovering it one level of imports at a time. tests/module-preload.test.mjs keeps
// the list in step with the code; `node tools/module-graph.mjs` prints the links to paste.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../www');

/** `import … from './x.js'`, `import './x.js'` and `export … from './x.js'`, at a line's
 * start: the static imports (a dynamic `import()` is fetched when it runs, not before). */
const STATIC_IMPORT = /^(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"](\.{1,2}\/[^'"]+)['"]/gm;

/** Every module `entry` (a path under www/) imports statically, as paths under www/,
 * sorted; the entry itself not included. */
export function staticImports(entry) {
  const seen = new Set();
  const visit = (file) => {
    const source = readFileSync(path.join(WWW, file), 'utf8');
    for (const [, specifier] of source.matchAll(STATIC_IMPORT)) {
      const imported = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      if (seen.has(imported)) continue;
      seen.add(imported);
      visit(imported);
    }
  };
  visit(entry);
  return [...seen].sort();
}

/** What index.html preloads: the modules `entry` imports statically, those of `first`
 * (index.html's early module, itself among them) at the head of the list, so that they
 * come in the first requests of the page's few connections. */
export function preloadOrder(entry, first) {
  const early = [...staticImports(first), first];
  return [...early, ...staticImports(entry).filter((file) => !early.includes(file))];
}

export const preloadLinks = (entry, first) =>
  preloadOrder(entry, first).map((file) => `<link rel="modulepreload" href="${file}">`);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(preloadLinks('js/app.js', 'js/warm-up.js').map((link) => `  ${link}`).join('\n'));
}
