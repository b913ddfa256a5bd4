// Starts the same static server as `make serve` and Debian's Chromium, and opens pages
// whose every page error and console error is recorded, so that each test can fail on them.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The site is served from dist/, which `make build` makes from www/: a test of an older
 * bundle than the sources would pass or fail for nothing. */
function assertBundleCurrent() {
  const built = path.join(ROOT, 'dist/index.html');
  if (!existsSync(built)) throw new Error('dist/ is missing: run `make build` first');
  const builtMs = statSync(built).mtimeMs;
  const newer = readdirSync(path.join(ROOT, 'www'), { recursive: true })
    .find((file) => statSync(path.join(ROOT, 'www', file)).mtimeMs > builtMs);
  if (newer) throw new Error(`www/${newer} is newer than dist/: run \`make build\` first`);
}

/** `serve` with the project's serve.json, on a free loopback port. */
export async function startServer({ config = 'serve.json' } = {}) {
  assertBundleCurrent();
  const port = await freePort();
  const child = spawn(path.join(ROOT, 'node_modules/.bin/serve'), [
    '--config', config, '--no-clipboard', '--no-request-logging', '--no-port-switching',
    '--listen', `tcp://127.0.0.1:${port}`,
  ], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  // A test run that dies must not leave its server behind.
  const killServer = () => child.kill();
  process.once('exit', killServer);
  let log = '';
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      log += chunk;
      if (log.includes('Accepting connections')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${log}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => {
      process.off('exit', killServer);
      child.once('exit', resolve);
      child.kill();
    }),
  };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * For a test file: the playground served and a browser launched before its tests, both
 * closed after them. `served.open(address, contextOptions, options)` opens a page in a
 * fresh context (`address`: a path of the playground such as '#pool-map', or a full URL)
 * and waits until it is ready (`options.ready`, true by default); `options.prepare(context)`
 * runs before the page is loaded, e.g. to route its requests. Each test's pages are closed
 * after it, and the test fails on
 * any page error, console error or console warning they reported, except those matching a page's
 * `expectedErrors`.
 */
export function servedPlayground() {
  const served = {};
  const pages = [];
  before(async () => {
    served.server = await startServer();
    served.browser = await launchBrowser();
  });
  after(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  afterEach(async () => {
    const closing = pages.splice(0);
    const errors = closing.flatMap((opened) => opened.errors.filter((e) => !opened.expectedErrors?.test(e)));
    await Promise.all(closing.map((opened) => opened.context.close()));
    assert.deepEqual(errors, [], 'the page reported errors');
  });
  served.open = async (address, contextOptions = {}, { ready = true, prepare } = {}) => {
    const opened = await openPage(served.browser, null, contextOptions);
    pages.push(opened);
    await prepare?.(opened.context);
    await opened.page.goto(new URL(address, served.server.url).href);
    if (ready) await opened.page.waitForSelector('html[data-ready="true"]');
    return opened;
  };
  return served;
}

/** Console messages that fail a test: errors, and warnings (a deprecated call, say). */
const FAILING_CONSOLE_TYPES = ['error', 'warning'];

/** A fresh page; `errors` collects every page error and console error or warning, workers'
 * (the pool's threads among them) included. */
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (FAILING_CONSOLE_TYPES.includes(message.type())) errors.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('worker', (worker) => {
    worker.on('console', (message) => {
      if (FAILING_CONSOLE_TYPES.includes(message.type())) errors.push(`worker console ${message.type()}: ${message.text()}`);
    });
  });
  if (url) await page.goto(url);
  return { page, context, errors };
}
