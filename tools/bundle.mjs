// `make build`'s last step: the site as it is served, in dist/, from www/ (the sources, ES
// modules as written) and the build's output in it (pkg/, pkg-single/, generated/).
//
// Why bundle: a browser opens six connections to a site over HTTP/1.1, and the page's ~70
// modules queued on them for hundreds of milliseconds before the first example could run
// (bench/report.md, "Load"); minified, they are also half the bytes. esbuild bundles the
// page's entries with the modules they share split into chunks, and its warm-up and each
// worker's script into one file, all in dist/js/, so that every module's
// `import.meta.url` still finds ../pkg/ and its neighbours where www/ has them. The
// wasm-bindgen glue (pkg/) is not bundled: the page picks one of the two builds at run time,
// and the pool's threads import it by its own URL.

import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');
export const DIST = path.join(ROOT, 'dist');

/** Modules loaded by their own URL, each built under its name: the page's script tags,
 * features.js, which it imports once the example is on screen, and the modules the tests
 * and `make bench` drive the page through, sharing chunks (so that importing one gives the
 * page's own instance); and the workers, each one file (a worker starts on one request,
 * and its imports are told from the page's). */
const PAGE_ENTRIES = ['app.js', 'features.js', 'page-events.js', 'wasm.js', 'pool-client.js'];
/** Each one file, imported by its URL. warm-up.js, the page's first script, starts the
 * wasm's download at once rather than after the chunks it would share with the page; the
 * page imports it by its URL (keepWarmUpApart), which gives the same instance. */
const SINGLE_ENTRIES = ['warm-up.js', 'pool-worker.js', 'pool-thread.js', 'process-worker.js'];

const keepWarmUpApart = {
  name: 'keep warm-up.js apart',
  setup(build) {
    // Every module lands in dist/js/, next to warm-up.js, whatever folder it came from.
    build.onResolve({ filter: /(^|\/)warm-up\.js$/ }, () => ({ path: './warm-up.js', external: true }));
  },
};
const STYLES = ['style.css', 'compare.css'];
/** Bundled into the modules, or bookkeeping of the build. */
const LEFT_OUT = ['generated/crate.js', 'generated/.stamp'].map((file) => path.join(...file.split('/')));
const PRELOADS_MARK = '<!-- modulepreload -->';

export async function bundle() {
  await rm(DIST, { recursive: true, force: true });
  // Everything but the modules and styles, as it is.
  await cp(WWW, DIST, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(WWW, source);
      return relative !== 'js' && !relative.startsWith(`js${path.sep}`) && !STYLES.includes(relative)
        && !LEFT_OUT.includes(relative) && !relative.endsWith('.d.ts');
    },
  });
  const modules = {
    outdir: path.join(DIST, 'js'),
    bundle: true,
    format: 'esm',
    minify: true,
    // Every browser with module workers and wasm threads reads this.
    target: 'es2022',
    sourcemap: 'linked',
    logLevel: 'warning',
  };
  const { metafile } = await build({
    ...modules,
    entryPoints: PAGE_ENTRIES.map((entry) => path.join(WWW, 'js', entry)),
    splitting: true,
    chunkNames: '[name]-[hash]',
    plugins: [keepWarmUpApart],
    metafile: true,
  });
  await build({ ...modules, entryPoints: SINGLE_ENTRIES.map((entry) => path.join(WWW, 'js', entry)) });
  await build({
    entryPoints: STYLES.map((style) => path.join(WWW, style)),
    outdir: DIST,
    minify: true,
    logLevel: 'warning',
  });
  // The glue, minified where it is: each file is loaded by its own URL. Not the snippets
  // of wasm-bindgen-rayon, which carry their licence's notice (and are small).
  const glue = (await readdir(DIST, { recursive: true }))
    .filter((file) => /^pkg(-single)?[\\/][^\\/]*\.js$/.test(file));
  await build({
    ...modules,
    entryPoints: glue.map((file) => path.join(DIST, file)),
    bundle: false,
    sourcemap: false,
    outdir: DIST,
    outbase: DIST,
    allowOverwrite: true,
  });
  for (const file of (await readdir(path.join(DIST, 'generated'), { recursive: true })).filter((f) => f.endsWith('.rs'))) {
    const source = path.join(DIST, 'generated', file);
    await writeFile(source, withoutTests(await readFile(source, 'utf8')));
  }
  await writeFile(path.join(DIST, 'index.html'), withPreloads(
    await readFile(path.join(WWW, 'index.html'), 'utf8'), staticChunks(metafile, ['app.js'])));
}

/** The chunks `entries` import before they run, in the order first needed, as paths from
 * dist/ ("js/chunk-AB12.js"): what index.html preloads, all at once, rather than one level
 * of imports at a time. */
export function staticChunks(metafile, entries) {
  const chunks = new Set();
  const visit = (output) => {
    for (const { path: imported, kind, external } of metafile.outputs[output].imports) {
      // An external module (warm-up.js) is a script tag of its own.
      if (kind !== 'import-statement' || external || chunks.has(imported)) continue;
      chunks.add(imported);
      visit(imported);
    }
  };
  const outputOf = (entry) => Object.keys(metafile.outputs)
    .find((output) => metafile.outputs[output].entryPoint?.endsWith(`www/js/${entry}`));
  for (const entry of entries) visit(outputOf(entry));
  return [...chunks].map((output) => path.relative(DIST, path.join(ROOT, output)));
}

/** index.html with a modulepreload link for each of `chunks` where it marks them. */
export function withPreloads(html, chunks) {
  if (!html.includes(PRELOADS_MARK)) throw new Error(`www/index.html has no ${PRELOADS_MARK} line`);
  const links = chunks.map((chunk) => `<link rel="modulepreload" href="${chunk}">`).join('\n  ');
  return html.replace(PRELOADS_MARK, links);
}

/** A source as the code view shows it: without the module of tests that ends it, which the
 * wasm does not contain (half of some files). The lines before keep their numbers, which
 * the replay and the questions point at. */
export function withoutTests(source) {
  const lines = source.trimEnd().split('\n');
  const start = lines.findIndex((line, i) => line === '#[cfg(test)]' && lines[i + 1] === 'mod tests {');
  // Only a block that runs to the end: every line in it indented (as rustfmt leaves it),
  // and the last its closing brace.
  const block = lines.slice(start + 2, -1);
  if (start < 0 || lines.at(-1) !== '}' || !block.every((line) => line === '' || /^\s/.test(line))) return source;
  return `${lines.slice(0, start).join('\n').trimEnd()}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle();
