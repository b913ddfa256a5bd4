// The page's own options, in the URL's query (before the hash, which names the example and
// its parameters): mostly what a course sets for an embedded example. Each value is checked
// against the ones it may take before anything uses it; an option the page does not know,
// or a value it does not take, is named in the status line and otherwise ignored. Pure but
// for `applyPageOptions`, so that Node tests it (tests/page-logic.test.mjs).

import { LANGUAGES } from './i18n.js';
import { THEMES } from './preferences.js';

const ON_OFF = ['on', 'off'];

/** Each option and the values it takes ('' for a bare flag, `?embed`). */
export const PAGE_OPTIONS = {
  embed: [''], // the example alone, for a course page
  lang: LANGUAGES, // also kept as the learner's choice when set on the page (preferences.js)
  theme: THEMES,
  questions: ON_OFF, // the questions asked before a run
  code: ON_OFF, // the Rust and Python panes (shown on the full page, hidden in an embed)
  explain: ON_OFF, // the example's explanation
  run: ['load'], // run the example as soon as the page is ready
  debug: [''], // triggers for the tests (app.js)
};

/** Whether option `name` is one of the page's and takes `value`. */
const takes = (name, value) => Object.hasOwn(PAGE_OPTIONS, name) && PAGE_OPTIONS[name].includes(value);

/** The value of option `name` in `search`, or null when absent or not one it takes. */
export function pageOption(name, search = globalThis.location?.search ?? '') {
  const value = new URLSearchParams(search).get(name);
  return takes(name, value) ? value : null;
}

/** What is wrong with the options of `search`: [{name, value, allowed}], `allowed` null for
 * an option the page does not know. */
export function optionProblems(search) {
  return [...new URLSearchParams(search)].flatMap(([name, value]) => {
    if (!Object.hasOwn(PAGE_OPTIONS, name)) return [{ name, value, allowed: null }];
    return takes(name, value) ? [] : [{ name, value, allowed: PAGE_OPTIONS[name] }];
  });
}

/** The query that gives `chosen` ({name: value}, null for an option left out), in that
 * order; a value an option does not take is left out too. */
export function optionsQuery(chosen) {
  const parts = Object.entries(chosen)
    .filter(([name, value]) => takes(name, value))
    .map(([name, value]) => (value === '' ? name : `${name}=${encodeURIComponent(value)}`));
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Shows or hides what the options say on the page (its classes, see style.css). */
export function applyPageOptions() {
  const classes = document.documentElement.classList;
  classes.toggle('embed', pageOption('embed') === '');
  classes.toggle('show-code', pageOption('code') === 'on');
  classes.toggle('no-code', pageOption('code') === 'off');
  classes.toggle('no-explain', pageOption('explain') === 'off');
}
