// Screenshots for a person to look at, saved in tests/artifacts/ (CI keeps them): a phone
// (360 px) and a wide screen (1280 px), light and dark, after a run, full page and embedded.
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

for (const width of [360, 1280]) {
  for (const scheme of ['light', 'dark']) {
    for (const embed of [false, true]) {
      const name = `${embed ? 'embed' : 'page'}-rand-${width}-${scheme}`;
      test(`${name}: fits the screen and looks ${scheme}`, async () => {
        const { page } = await served.open(`${embed ? '?embed' : ''}#rand?speed=10`, {
          viewport: { width, height: 800 }, colorScheme: scheme,
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
  }
}
