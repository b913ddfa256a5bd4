// What a link says, read without trusting it: pure, so that Node tests it
// (tests/page-logic.test.mjs).

/** The example and parameters of a URL's hash (`#pool-map?rows=2000000&seed=7`). A
 * malformed escape (`#%E0%A4%A`) is kept as written: no such example, which the page then
 * says, rather than an exception. */
export function parseLink(hash) {
  const [id, query = ''] = hash.replace(/^#/, '').split('?');
  let decoded = id;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    // URIError: left as written.
  }
  return { id: decoded, query: new URLSearchParams(query) };
}

/** `text` cut to at most `length` characters, for echoing what a link said. */
export const clipped = (text, length) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
