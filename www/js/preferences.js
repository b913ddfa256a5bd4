// The learner's choices that outlive the page: theme and language. Each is kept in
// localStorage, and a URL parameter (?theme=dark, ?lang=es) overrides it for one page, so
// that a course can embed an example in its own language and colours.

const STORAGE_PREFIX = 'playground:';

/** The URL-given or else the stored value of `name`, if it is one of `allowed`; else null.
 * A URL value that is not allowed is ignored, as if absent. */
export function preference(name, allowed) {
  const given = new URLSearchParams(location.search).get(name);
  if (allowed.includes(given)) return given;
  const stored = readStored(name);
  return allowed.includes(stored) ? stored : null;
}

export function keepPreference(name, value) {
  try {
    if (value === null) localStorage.removeItem(STORAGE_PREFIX + name);
    else localStorage.setItem(STORAGE_PREFIX + name, value);
  } catch {
    // Storage may be refused (a sandboxed or third-party frame): the choice lasts this page.
  }
}

function readStored(name) {
  try {
    return localStorage.getItem(STORAGE_PREFIX + name);
  } catch {
    return null;
  }
}

export const THEMES = ['light', 'dark'];

/** 'light' or 'dark' forces the scheme; null follows the system (style.css). */
export function applyTheme(theme) {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}
