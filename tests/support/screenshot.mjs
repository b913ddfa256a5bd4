// Takes a screenshot of the served page after running one example, for the README and
// for a person to look at: node tests/support/screenshot.mjs OUT.png '#pool-map' [width]
// [light|dark] [height]. With a height, only the top of the page that size is taken.

import { launchBrowser, openPage, startServer } from './harness.mjs';

const [out, hash = '#pool-map', width = '1280', scheme = 'light', height] = process.argv.slice(2);
const server = await startServer();
const browser = await launchBrowser();
try {
  const { page, errors } = await openPage(browser, null, {
    viewport: { width: Number(width), height: Number(height ?? 900) }, colorScheme: scheme,
  });
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector('html[data-ready="true"]');
  // RUNS=2 shows a second run: the first after a page load also measures the browser
  // optimising the freshly loaded wasm.
  for (let run = 0; run < Number(process.env.RUNS ?? 1); run++) {
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind !== 'running',
      null, { timeout: 60_000 });
  }
  await page.waitForTimeout(300); // the last batch of output and the timeline's last frame
  await page.screenshot({ path: out, fullPage: !height });
  if (errors.length) throw new Error(errors.join('\n'));
} finally {
  await browser.close();
  await server.close();
}
