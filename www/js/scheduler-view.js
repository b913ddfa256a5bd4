// The event loop at the replay cursor, as text: the task running, the ready queue in
// order, the pending timers, what each suspended task awaits, and the event just taken,
// in the page's language and in asyncio's words (loop._ready, loop._scheduled), so that
// a Python learner recognises them. A screen reader reads the same as the eye.

import { $, element } from './dom.js';
import { crateSentence, formatSeconds, t } from './i18n.js';

/** Lists longer than this (10,000 coroutines) show their first entries and a count. */
const MOST_LISTED = 8;

/** A frame's or span's label in the page's language. */
const labelOf = (frame) => (frame.labelMessage ? crateSentence(frame.labelMessage) : frame.label);

/** "chain(1): awaiting part1(1) › part1(1): sleep 4 s". */
export const awaitChain = (frames) => frames.map((frame) => `${frame.lane}: ${labelOf(frame)}`).join(' › ');

/** Why a task is on the ready queue. */
function causeText(record, { cause, by }) {
  if (cause === 'childrenDone') return t('causeChildrenDone', { task: record.nameOf(by) });
  return t({ start: 'causeStart', timer: 'causeTimer', yield: 'causeYield' }[cause] ?? 'causeOther');
}

/** What event `index` of `record` was, in a sentence. */
export function describeEvent(record, index, origin) {
  const event = record.events[index];
  const name = record.nameOf(event.task);
  const at = (time) => formatSeconds(time - origin, 3);
  switch (event.type) {
    case 'spawned':
      return event.parent === null ? t('eventRoot', { task: name })
        : t('eventSpawned', { task: name, parent: record.nameOf(event.parent) });
    case 'woken':
      return t('eventWoken', { task: name, cause: causeText(record, event) });
    case 'pollStarted':
      return t('eventStep', { task: name });
    case 'polled':
      return event.done ? t('eventDone', { task: name })
        : t('eventSuspended', { task: name, awaits: awaitChain(event.awaiting) });
    case 'timerSet':
      return t('eventTimerSet', { lane: event.lane, time: at(event.deadline) });
    case 'timerEnded':
      return t(event.fired ? 'eventTimerFired' : 'eventTimerDropped');
    case 'generatorParked':
      return t(event.parked ? 'eventGeneratorParked' : 'eventGeneratorResumed', { lane: event.lane });
    default:
      return '';
  }
}

/** Shows, in `#scheduler`, the loop's state after the first `count` events of `record`. */
export function showScheduler(record, count, origin) {
  const state = record.stateAfter(count);
  const at = (time) => formatSeconds(time - origin, 3);
  const moment = count === 0 ? t('schedulerBeforeStart')
    : t('schedulerMoment', {
      time: at(record.timeOf(count - 1)), index: count, total: record.size,
      event: describeEvent(record, count - 1, origin),
    });
  $('scheduler-moment').textContent = moment;
  const running = state.running
    ? [t('schedulerRunningTask', { task: record.nameOf(state.running.task), since: at(state.running.since) })]
    : [];
  const ready = state.ready.map((entry) => `${record.nameOf(entry.task)}: ${causeText(record, entry)}`);
  const timers = state.timers.map((timer) => t('schedulerTimer', { lane: timer.lane, time: at(timer.deadline) }));
  const suspended = [
    ...state.suspended.map((entry) => awaitChain(entry.awaiting) || record.nameOf(entry.task)),
    ...state.generators.map(({ lane }) => t('schedulerGenerator', { lane })),
  ];
  $('scheduler-state').replaceChildren(
    ...group('schedulerRunning', running, 'schedulerIdle', 'ul'),
    ...group('schedulerReady', ready, 'schedulerEmpty', 'ol'),
    ...group('schedulerTimers', timers, 'schedulerEmpty', 'ol'),
    ...group('schedulerSuspended', suspended, 'schedulerEmpty', 'ul'),
  );
  $('scheduler').hidden = false;
}

/** A term and its list (`tag`: ordered or not), or the word for an empty one. */
function group(termKey, items, emptyKey, tag) {
  const term = element('dt', { textContent: t(termKey) });
  if (!items.length) return [term, element('dd', { className: 'empty', textContent: t(emptyKey) })];
  const shown = items.slice(0, MOST_LISTED).map((text) => element('li', { textContent: text }));
  if (items.length > MOST_LISTED) {
    shown.push(element('li', { className: 'more', textContent: t('schedulerMore', { count: items.length - MOST_LISTED }) }));
  }
  return [term, element('dd', {}, [element(tag, {}, shown)])];
}

export function hideScheduler() {
  $('scheduler').hidden = true;
}
