// Cross-origin isolation on hosts that cannot send its headers: registers isolation-sw.js,
// which adds them, and reloads once so that the page comes back through it. An embedded
// page is left as it is: it cannot be isolated unless the page around it is.

const RELOADED = 'playground:isolation-reload';

/** Whether becomeIsolated() will try, and so may reload the page. */
export function mayReloadToIsolate() {
  if (globalThis.crossOriginIsolated || window.parent !== window) return false;
  if (!('serviceWorker' in navigator) || !isSecureContext) return false;
  // One try per tab: if the reloaded page is still not isolated, the browser will not do
  // it, and the page runs without threads rather than reloading forever.
  return !sessionStorage.getItem(RELOADED);
}

/** Resolves to true when the page is about to reload to become isolated. */
export async function becomeIsolated() {
  if (!mayReloadToIsolate()) return false;
  try {
    await navigator.serviceWorker.register(new URL('../isolation-sw.js', import.meta.url));
    await navigator.serviceWorker.ready;
  } catch {
    return false;
  }
  sessionStorage.setItem(RELOADED, 'yes');
  location.reload();
  return true;
}
