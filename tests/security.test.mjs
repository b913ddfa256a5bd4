// End-to-end: the page under its Content-Security-Policy, and input from URLs and from the
// embedding page never becoming markup. Every test fails on any page or console error
// (a CSP violation is reported as one).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, servedPlayground } from './support/harness.mjs';

const served = servedPlayground();
const CONFIG = JSON.parse(await readFile(path.join(ROOT, 'serve.json'), 'utf8'));
const CSP = CONFIG.headers[0].headers.find((h) => h.key === 'Content-Security-Policy').value;
// Markup that would show itself if it were ever parsed as HTML.
const PAYLOAD = '<img src=x onerror="window.injected=1"><b id=injected>bold</b>';

/** Counts the page's CSP violations from the start, in every frame of the page. */
const COUNT_VIOLATIONS = () => {
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
};

describe('Content-Security-Policy', () => {
  test('is strict, the same in the dev server and the deploy headers, and nothing breaks it', async () => {
    assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(CSP, /'unsafe-inline'|'unsafe-eval'/);
    assert.match(CSP, /style-src 'self';/);
    const deployed = await readFile(path.join(ROOT, 'www/_headers'), 'utf8');
    assert.ok(deployed.includes(`Content-Security-Policy: ${CSP}`));

    const { page, context } = await served.open('about:blank', {}, { ready: false });
    await context.addInitScript(COUNT_VIOLATIONS);
    const response = await page.goto(`${served.server.url}#pool-map?rows=20000`);
    assert.equal(response.headers()['content-security-policy'], CSP);
    await page.waitForSelector('html[data-ready="true"]');
    // One example of each kind: the pool's workers, processes, the event loop.
    for (const hash of ['pool-map?rows=20000', 'multiprocessing', 'rand?speed=10']) {
      await page.evaluate((hash) => { location.hash = hash; }, hash);
      await page.waitForFunction((id) => location.hash.startsWith(`#${id}`), hash.split('?')[0]);
      await page.click('#run');
      await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done',
        null, { timeout: 30_000 });
    }
    await page.click('#export-image');
    assert.deepEqual(await page.evaluate(() => window.violations), []);
  });
});

describe('input never becomes markup', () => {
  const injected = (page) => page.evaluate(() => ({
    flag: window.injected ?? null,
    elements: document.querySelectorAll('#injected, main img').length,
  }));

  test('an example id or parameters in the URL', async () => {
    const { page } = await served.open(`#${encodeURIComponent(PAYLOAD)}`);
    assert.match(await page.textContent('#status'), /There is no example called “<img src=x onerror=/);
    await page.evaluate((text) => { location.hash = `chained?chains=${encodeURIComponent(text)}`; }, PAYLOAD);
    await page.waitForFunction(() => document.querySelector('h1').textContent === 'Chained');
    assert.equal(await page.inputValue('#param-chains'), PAYLOAD);
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'error');
    await page.click('#share');
    assert.ok((await page.inputValue('#share-embed')).includes(encodeURIComponent('<img')), 'escaped in the snippet');
    assert.deepEqual(await injected(page), { flag: null, elements: 0 });
  });

  test('parameters posted by the embedding page', async () => {
    const { page } = await served.open('?embed#chained');
    // The test drives the embed API as its parent would: through a frame of its own.
    await page.setContent(`<iframe class="playground" src="${served.server.url}?embed#chained"></iframe>`);
    const frame = await (await page.waitForSelector('iframe.playground')).contentFrame();
    await frame.waitForSelector('html[data-ready="true"]');
    const reply = await page.evaluate((chains) => new Promise((resolve) => {
      const iframe = document.querySelector('iframe');
      addEventListener('message', (event) => {
        if (event.data?.id === 'x') resolve(event.data);
      });
      iframe.contentWindow.postMessage({ type: 'playground:run', id: 'x', params: { chains } }, '*');
    }), PAYLOAD);
    assert.equal(reply.status, 'error');
    assert.ok(reply.message.includes('<img'), 'the crate quotes the text it refused, as text');
    assert.deepEqual(await injected(frame), { flag: null, elements: 0 });
  });
});
