// The event loop's own lane, drawn from the scheduler's record of its steps
// (scheduler-state.js): each step it ran, named by its task, and between steps the loop
// idle, waiting for the next timer.

import { t } from './i18n.js';

export const EVENT_LOOP_LANE = 'event loop';

/** The lane's spans for the steps in `record`, labelled in the page's language. */
export function eventLoopSpans(record) {
  return record.loopSpans(EVENT_LOOP_LANE).map((span) => ({
    ...span,
    label: span.idle ? t('loopIdle') : t('loopStep', { task: span.task }),
  }));
}
