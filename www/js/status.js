// The status line under the form: what is happening, or what went wrong.

import { $ } from './dom.js';

/** Counts the status line's changes, for statusIfUnchanged. */
let statusChanges = 0;

/** `kind`: '' (nothing to say), 'running', 'done', 'stopped' or 'error'. */
export function setStatus(text, kind = '') {
  statusChanges++;
  $('status').textContent = text;
  $('status').dataset.kind = kind;
}

/** A setStatus for a verdict that arrives later (a warm-up or a link's check, both waiting
 * for downloads): it shows only if the status line has not changed since, so that it never
 * overwrites what happened meanwhile, such as a run the learner started. */
export function statusIfUnchanged() {
  const changes = statusChanges;
  return (text, kind) => {
    if (statusChanges === changes) setStatus(text, kind);
  };
}
