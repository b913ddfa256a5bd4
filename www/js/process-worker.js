// One "process" of example 1: a Worker with its own instance of the wasm module and its
// own memory. It runs process_main once, sends back what it printed, and is terminated.
// Protocol: the page posts {type: 'start', continent}; this worker answers {type: 'done',
// line, calls, receivedMs, readyMs, finishedMs} (when it received that, had its instance,
// and had run), or {type: 'downloadFailed', file} if a file of the module could not be
// downloaded, or {type: 'error', message}.

import { DownloadFailed, failureMessage, instantiateBuild } from './build.js';
import { epochNow } from './clock.js';

// The crate's panic hook reports here: a panic (or running out of memory) traps the
// instance, and the trap's own message ("unreachable") says nothing useful.
let lastPanic = null;
self.__playgroundPanic = (message) => { lastPanic = message; };

self.addEventListener('message', async ({ data }) => {
  if (data?.type !== 'start') return;
  const receivedMs = epochNow();
  let wasm;
  try {
    wasm = await instantiateBuild();
  } catch (error) {
    if (error instanceof DownloadFailed) self.postMessage({ type: 'downloadFailed', file: error.file });
    else self.postMessage({ type: 'error', message: failureMessage(error, lastPanic) });
    return;
  }
  try {
    const readyMs = epochNow();
    // `fail`, for the tests only: fail as a bug in the process would.
    if (data.fail) wasm.debugFail(data.fail, false);
    const { line, calls } = wasm.processMain(data.continent);
    self.postMessage({ type: 'done', line, calls, receivedMs, readyMs, finishedMs: epochNow() });
  } catch (error) {
    self.postMessage({ type: 'error', message: failureMessage(error, lastPanic) });
  }
});
