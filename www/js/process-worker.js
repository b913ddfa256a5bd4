// One "process" of example 1: a Worker with its own instance of the wasm module and its
// own memory. It runs process_main once, sends back what it printed, and is terminated.

import { buildUrl } from './build.js';

const epochNow = () => performance.timeOrigin + performance.now();

self.addEventListener('message', async ({ data }) => {
  if (data?.type !== 'start') return;
  try {
    const wasm = await import(buildUrl.href);
    await wasm.default();
    const readyMs = epochNow();
    const { line, calls } = wasm.processMain(data.continent);
    self.postMessage({ type: 'done', line, calls, readyMs, finishedMs: epochNow() });
  } catch (error) {
    self.postMessage({ type: 'error', message: error?.message ?? String(error) });
  }
});
