// Runs compared: the table of this visit's runs (runs-view.js) and, for the pool examples,
// the sweep of rows (sweep-view.js), following the page through page-events.js.

import { $ } from '../dom.js';
import { onPage } from '../page-events.js';
import { setUpRuns } from './runs-view.js';
import { setUpSweep } from './sweep-view.js';

export function setUpCompare() {
  let pageRunning = false;
  const runs = setUpRuns($('runs-panel'));
  const sweep = setUpSweep($('sweep-panel'), { pageRunning: () => pageRunning });
  onPage('example-shown', ({ example }) => {
    // Showing an example abandons the run on screen, which then ends unannounced.
    pageRunning = false;
    sweep.show(example);
  });
  onPage('run-started', () => {
    pageRunning = true;
    sweep.pageRunStarted();
  });
  onPage('run-ended', (ended) => {
    pageRunning = false;
    if (ended.outcome.status === 'done') runs.add(ended);
  });
  onPage('language-changed', () => {
    runs.render();
    sweep.render();
  });
}
