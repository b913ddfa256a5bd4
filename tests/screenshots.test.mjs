// Screenshots for a person to look at, saved in tests/artifacts/ (CI keeps them): a phone
// (360 px) and a wide screen (1280 px), light and dark, English and Spanish, after a run,
// full page and embedded.
// What a machine can check is checked: nothing is wider than the screen, and each theme
// paints its own background.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, servedPlayground } from './support/harness.mjs';

const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
const BACKGROUNDS = { light: 'rgb(251, 251, 253)', dark: 'rgb(15, 18, 24)' };

const served = servedPlayground();

const CASES = [360, 1280].flatMap((width) => ['light', 'dark'].flatMap((scheme) =>
  [false, true].flatMap((embed) => ['en-US', 'es-ES'].map((locale) => ({ width, scheme, embed, locale })))));

for (const { width, scheme, embed, locale } of CASES) {
  const name = `${embed ? 'embed' : 'page'}-rand-${width}-${scheme}-${locale.slice(0, 2)}`;
  test(`${name}: fits the screen and looks ${scheme}`, async () => {
    const { page } = await served.open(`${embed ? '?embed' : ''}#rand?speed=10`, {
      viewport: { width, height: 800 }, colorScheme: scheme, locale,
    });
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'done',
      null, { timeout: 30_000 });
    const { scrollWidth, background } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      background: getComputedStyle(document.documentElement).backgroundColor,
    }));
    assert.ok(scrollWidth <= width, `the page is ${scrollWidth} px wide on a ${width} px screen`);
    assert.equal(background, BACKGROUNDS[scheme]);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  });
}
