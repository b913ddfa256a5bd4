// The parts of the page that follow the example on screen and its runs: the questions, the
// runs compared and the sweep, the two labs and the thread stepper. app.js loads them once
// the example is on screen, so that the modules it needs to show and run the example
// arrive first, over the browser's few connections to the site, and sets them up then.

import { setUpQuestions } from './questions/view.js';
import { setUpCompare } from './compare/index.js';
import { setUpCoroutineLab } from './coroutine-lab.js';
import { setUpLoopByHand } from './loop-by-hand.js';
import { setUpThreadStepper } from './thread-stepper/view.js';

/** Sets every part up; `clearPage` gives the page to a lab that starts. */
export function setUpFeatures({ clearPage }) {
  setUpQuestions();
  setUpCompare();
  setUpCoroutineLab({ clearPage });
  setUpLoopByHand({ clearPage });
  setUpThreadStepper();
}
