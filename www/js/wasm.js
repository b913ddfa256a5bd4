// The playground's wasm module on the page's main thread, loaded once on first use.
// Event-loop examples run here: their futures are driven by this page's own event loop.

let loading = null;

export function loadWasm() {
  loading ??= import('../pkg/playground.js').then(async (module) => {
    await module.default();
    return module;
  });
  return loading;
}
