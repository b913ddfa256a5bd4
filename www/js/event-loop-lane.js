// The event loop's own lane, drawn from the scheduler's record of its steps
// (scheduler-state.js): each step it ran, named by its task, and between steps the loop
// idle, waiting for the next timer.

import { t } from './i18n.js';

export const EVENT_LOOP_LANE = 'event loop';

/** The lane's spans for the steps in `record`, labelled in the page's language; each
 * keeps its text's key, to be written again in another (see `pageLabel`). */
export function eventLoopSpans(record) {
  return record.loopSpans(EVENT_LOOP_LANE).map((span) => {
    const labelText = span.idle ? { key: 'loopIdle', vars: {} }
      : span.between ? { key: 'loopBetween', vars: {} } : { key: 'loopStep', vars: { task: span.task } };
    return { ...span, labelText, label: t(labelText.key, labelText.vars) };
  });
}
