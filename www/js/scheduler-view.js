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
      return event.fired ? t('eventTimerFired', { lane: record.laneOfTimer(event.timer) }) : t('eventTimerDropped');
    case 'generatorParked':
      return t(event.parked ? 'eventGeneratorParked' : 'eventGeneratorResumed', { lane: event.lane });
    default:
      return '';
  }
}

/** Shows, in `#scheduler`, `state`, the loop's state after the first `count` events of
 * `record`. */
export function showScheduler(record, count, origin, state) {
  const at = (time) => formatSeconds(time - origin, 3);
  const moment = count === 0 ? t('schedulerBeforeStart')
    : t('schedulerMoment', {
      time: at(record.timeOf(count - 1)), index: count, total: record.size,
      event: describeEvent(record, count - 1, origin),
    });
  $('scheduler-moment').textContent = moment;
  const running = state.running ? [state.running] : [];
  const suspended = [...state.suspended, ...state.generators];
  $('scheduler-state').replaceChildren(
    ...group('schedulerRunning', running, 'schedulerIdle', 'ul',
      (entry) => t('schedulerRunningTask', { task: record.nameOf(entry.task), since: at(entry.since) })),
    ...group('schedulerReady', state.ready, 'schedulerNoTask', 'ol',
      (entry) => `${record.nameOf(entry.task)}: ${causeText(record, entry)}`),
    ...group('schedulerTimers', state.timers, 'schedulerNoTimer', 'ol',
      (timer) => t('schedulerTimer', { lane: timer.lane, time: at(timer.deadline) })),
    ...group('schedulerSuspended', suspended, 'schedulerNoTask', 'ul',
      (entry) => (entry.awaiting ? awaitChain(entry.awaiting) || record.nameOf(entry.task)
        : t('schedulerGenerator', { lane: entry.lane }))),
  );
  $('scheduler').hidden = false;
}

/** A term and its list (`tag`: ordered or not) of `entries`, each written by `write`, the
 * first few only; or the word for an empty one. */
function group(termKey, entries, emptyKey, tag, write) {
  const term = element('dt', { textContent: t(termKey) });
  if (!entries.length) return [term, element('dd', { className: 'empty', textContent: t(emptyKey) })];
  const shown = entries.slice(0, MOST_LISTED).map((entry) => element('li', { textContent: write(entry) }));
  if (entries.length > MOST_LISTED) {
    shown.push(element('li', { className: 'more', textContent: t('schedulerMore', { count: entries.length - MOST_LISTED }) }));
  }
  return [term, element('dd', {}, [element(tag, {}, shown)])];
}

/** While the replay plays, the moment is not read out at every frame. */
export function announceMoments(announce) {
  $('scheduler-moment').setAttribute('aria-live', announce ? 'polite' : 'off');
}

export function hideScheduler() {
  $('scheduler').hidden = true;
}
