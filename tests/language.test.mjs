// English and Spanish: every text of the page has its Spanish (checked in Node against the
// catalogs), and in Chromium the page follows the browser's language, switches at once,
// keeps the choice, and takes ?lang= in an embed.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, servedPlayground } from './support/harness.mjs';

// examples.js reads the core count at load, as the page does (Node 20 has no navigator).
globalThis.navigator ??= { hardwareConcurrency: 2 };
const { EXAMPLES, GROUPS } = await import('../www/js/examples.js');
const { MESSAGES_EN } = await import('../www/js/i18n.js');
const { CRATE_ES, HTML_ES, MESSAGES_ES, TIMELINE_ES } = await import('../www/js/locales/es.js');
const { EXAMPLES_ES, GROUPS_ES } = await import('../www/js/locales/es-examples.js');
const { TIMELINE_TEXTS_EN } = await import('../www/js/timeline/texts.js');

describe('the Spanish catalogs', () => {
  test('cover every marked element of the page and every message', async () => {
    const html = await readFile(path.join(ROOT, 'www/index.html'), 'utf8');
    const keys = [...html.matchAll(/data-i18n(?:-label)?="([^"]+)"/g)].map((match) => match[1]);
    assert.ok(keys.length > 20);
    assert.deepEqual(keys.filter((key) => !HTML_ES[key]), []);
    assert.deepEqual(Object.keys(HTML_ES).filter((key) => !keys.includes(key)), [], 'no stale keys');
    assert.deepEqual(Object.keys(MESSAGES_EN).filter((key) => !MESSAGES_ES[key]), []);
    assert.deepEqual(Object.keys(MESSAGES_ES).filter((key) => !MESSAGES_EN[key]), [], 'no stale keys');
    for (const [key, english] of Object.entries(MESSAGES_EN)) {
      const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(placeholders(MESSAGES_ES[key]), placeholders(english), key);
    }
  });

  test('cover every sentence the crate writes, with the same placeholders', async () => {
    // The crate's catalog is Rust: read its keys and English from the source.
    const source = await readFile(path.join(ROOT, 'crate/src/messages.rs'), 'utf8');
    const sentences = [...source.matchAll(/^\s+[A-Z_]+ = "(\w+)": "(.*)";$/gm)];
    assert.ok(sentences.length >= 3, 'the catalog is read');
    // {name}, or {name|one|other}: a count and its nouns, which each language gives.
    const placeholders = (text) => [...text.matchAll(/\{(\w+)(\|[^}]*)?\}/g)]
      .map(([, name, nouns]) => `${name}${nouns ? '|…' : ''}`).sort();
    for (const [, key, english] of sentences) {
      assert.ok(CRATE_ES[key], `${key} has its Spanish`);
      assert.deepEqual(placeholders(CRATE_ES[key]), placeholders(english), key);
    }
    const keys = sentences.map(([, key]) => key);
    assert.deepEqual(Object.keys(CRATE_ES).filter((key) => !keys.includes(key)), [], 'no stale keys');
  });

  test('cover everything the timeline says', () => {
    const keys = Object.keys(TIMELINE_TEXTS_EN);
    assert.ok(keys.length >= 10, keys.join());
    assert.deepEqual(keys.filter((key) => !(key in TIMELINE_ES)), []);
    assert.deepEqual(Object.keys(TIMELINE_ES).filter((key) => !keys.includes(key)), [], 'no stale keys');
    assert.deepEqual(Object.keys(TIMELINE_ES.states), Object.keys(TIMELINE_TEXTS_EN.states), 'every state');
  });

  test('cover every example: title, summary, each paragraph, each parameter and choice', () => {
    for (const group of GROUPS) assert.ok(GROUPS_ES[group.id], group.id);
    for (const example of EXAMPLES) {
      const es = EXAMPLES_ES[example.id];
      assert.ok(es, example.id);
      assert.ok(es.title && es.summary, example.id);
      assert.equal(es.explanation.length, example.explanation.length, `${example.id}: paragraphs`);
      for (const param of example.params ?? []) {
        // Every parameter the crate declares has its label in English (not its bare name)
        // and in Spanish, and so has every choice.
        assert.notEqual(param.label, param.name, `${example.id}: ${param.name} has no English label`);
        assert.ok(es.params[param.name], `${example.id}: ${param.name}`);
        for (const [value, label] of param.choices ?? []) {
          assert.notEqual(label, value, `${example.id}: ${param.name} = ${value} has no English label`);
          assert.ok(es.choices[param.name]?.[value], `${example.id}: ${param.name} = ${value}`);
        }
      }
    }
  });
});

describe('the page in Spanish', () => {
  const served = servedPlayground();
  const open = async (hash, contextOptions) => (await served.open(hash, contextOptions)).page;

  test('follows a Spanish browser, runs and reports in Spanish', async () => {
    const page = await open('#count-async?speed=10', { locale: 'es-ES' });
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.equal(await page.textContent('#run'), 'Ejecutar');
    assert.equal(await page.textContent('#output-heading'), 'Salida');
    assert.equal(await page.textContent('label[for="param-coroutines"]'), EXAMPLES_ES['count-async'].params.coroutines);
    assert.equal(await page.textContent('nav section h2'), GROUPS_ES.async);
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done');
    // Numbers as Spanish writes them: a decimal comma.
    assert.match(await page.textContent('#status'), /^Terminado: 3 × count\(\) reunidas \(gather\): \d+,\d\d s simulados, \d+,\d\d s reales a 10×$/);
    assert.match(await page.textContent('#output .line .at'), /^0,\d{3} s$/);
    // What the program prints is the program's.
    assert.equal(await page.textContent('#output .line .text'), 'One');
    const legend = await page.$eval('#timeline', (t) => t.shadowRoot.querySelector('.legend').textContent);
    assert.equal(legend, 'ejecutandodurmiendoesperando');
    await page.focus('#timeline');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.$eval('#timeline', (t) => t.shadowRoot.querySelector('.tooltip .state').textContent), 'ejecutando');
  });

  test('the crate’s own sentences in Spanish, what the program prints as printed', async () => {
    const page = await open('#multiprocessing', { locale: 'es-ES' });
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done');
    const lines = await page.$$eval('#output .line .text', (nodes) => nodes.map((n) => n.textContent));
    assert.ok(lines.includes('The name of continent is :  Asia'), lines.join('\n'));
    assert.match(lines.at(-2), /^Iniciados en el orden Asia, America, Europe, Africa; terminados en el orden /);
    assert.match(lines.at(-1), /^Llamadas contadas por la global de cada proceso: 1, 1, 1, 1; por la de la página: 0\./);
  });

  test('the pool’s and the threads’ sentences, numbers, span labels and refusals in Spanish', async () => {
    const page = await open('#pool-map?rows=20000&workers=2', { locale: 'es-ES' });
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done');
    let lines = await page.$$eval('#output .line .text', (nodes) => nodes.map((n) => n.textContent));
    assert.match(lines[1], /^pool\.map: 20\.000 filas en 2 workers en \d+,\d\d ms \(bloques de 2500 filas, mediana de 3\)$/);
    assert.match(lines[2], /^bucle secuencial: \d+,\d\d ms; aceleración \d+,\d+× \(\d+,\d+–\d+,\d+×\)$/);
    assert.match(lines[3], /^total: [\d.]+ valores dentro de \[4, 8\] en 20\.000 filas, los mismos con ambos$/);
    assert.match(lines[4], /repartir 8 bloques (costó \d+,\d\d ms \(\d+,\d\d µs por reparto\)|no costó un tiempo medible)\.$/);
    assert.match(await page.textContent('#status'), /^Terminado: aceleración \d+,\d+× \(/);
    let labels = await page.$eval('#timeline', (t) => [...new Set(t.spans.map((s) => s.label))]);
    assert.ok(labels.includes('generar la matriz') && labels.includes('esperando a pool.map'), labels.join());
    assert.ok(labels.includes('filas 0–2499'), labels.join());
    assert.ok(labels.includes('inactivo: dormido, o buscando trabajo'), labels.join());

    // A rule of the crate's, refused next to its field in Spanish. (Spanish groups
    // thousands from five digits on: 2500, 20.000.)
    await page.fill('#param-rows', '10000000');
    await page.fill('#param-chunkRows', '1');
    await page.fill('#param-repeats', '1');
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'error');
    assert.equal(await page.textContent('#param-chunkRows-error'), 'pool.map repartiría 10.000.000 ' +
      'bloques, más que el máximo de 100.000 repartos de una ejecución: pon al menos 100 filas por llamada.');

    await page.goto(new URL('#threading?iterations=1000&workers=1', page.url()).href);
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done');
    lines = await page.$$eval('#output .line .text', (nodes) => nodes.map((n) => n.textContent));
    assert.match(lines[3], /^1 hilo × 1000 incrementos, sin sincronizar: 1000 de 1000 \(no se perdió ninguno\) en \d+,\d\d ms$/);
    assert.match(await page.textContent('#status'), /^Terminado: sin sincronizar 1000 de 1000 \(no se perdió ninguno: un hilo solo/);
    labels = await page.$eval('#timeline', (t) => t.spans.map((s) => s.label));
    for (const label of ['leer, sumar, escribir 50 veces (0 tras una escritura de otro hilo)',
      'tuvo el cerrojo 50 veces', 'fetch_add 50 veces']) assert.ok(labels.includes(label), labels.join());
  });

  test('switches at once, keeps the form’s values, and keeps the choice', async () => {
    const page = await open('#pool-map?rows=1234', { locale: 'en-US' });
    assert.equal(await page.textContent('#run'), 'Run');
    await page.selectOption('#language', 'es');
    assert.equal(await page.textContent('#run'), 'Ejecutar');
    assert.equal(await page.textContent('h1'), EXAMPLES_ES['pool-map'].title);
    assert.equal(await page.textContent('#example-explanation p'), EXAMPLES_ES['pool-map'].explanation[0]);
    assert.equal(await page.inputValue('#param-rows'), '1234');
    await page.click('#share');
    assert.match(await page.inputValue('#share-embed'), /\?embed&lang=es#pool-map\?rows=1234&/);
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    assert.equal(await page.inputValue('#language'), 'es');
    assert.equal(await page.textContent('#run'), 'Ejecutar');
    await page.selectOption('#language', 'en');
    assert.equal(await page.textContent('h1'), 'pool.map');
    assert.match(await page.textContent('#isolation-notice'), /Threads are not available here/);
  });

  test('an embed takes ?lang=es, its notice included', async () => {
    const page = await open('?embed&lang=es#count-async', { locale: 'en-US' });
    assert.equal(await page.textContent('#run'), 'Ejecutar');
    assert.equal(await page.textContent('#open-full'), 'Abrir en el playground completo ↗');
  });
});
