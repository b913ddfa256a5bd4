// For static hosts that cannot send headers (GitHub Pages, a course platform's file area):
// a service worker that adds the two headers of cross-origin isolation to this site's own
// responses, so that the playground gets shared memory and real threads there too. It is
// registered only by a page that is not isolated and not embedded (js/isolation.js); hosts
// that send the headers themselves (serve.json, www/_headers) never need it. It must sit at
// the site's root, as its scope is its own folder.

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // Chromium rejects such requests when a service worker handles them.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  if (new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request).then((response) => {
    // An opaque response cannot be read, nor given headers.
    if (response.status === 0) return response;
    const headers = new Headers(response.headers);
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
    return new Response(response.body, {
      status: response.status, statusText: response.statusText, headers,
    });
  }));
});
