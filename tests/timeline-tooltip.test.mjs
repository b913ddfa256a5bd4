// What the timeline says of a span (www/js/timeline/tooltip.js), in Node: the tooltip's
// lines and the sentence a screen reader hears, in English and in Spanish.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TIMELINE_ES } from '../www/js/locales/es.js';
import { TIMELINE_TEXTS_EN } from '../www/js/timeline/texts.js';
import { describeSpan, tooltipLines } from '../www/js/timeline/tooltip.js';

const ORIGIN = 1_700_000_000_000;
const span = {
  lane: 'count() #1', state: 'sleeping', start: ORIGIN + 1000.25, end: ORIGIN + 2000.25, label: 'sleep 1 s',
};
const lane = { name: 'count() #1', spans: [span, span, span] };

test('a span\'s tooltip: its lane, state, label, times since the origin and duration', () => {
  assert.deepEqual(tooltipLines(TIMELINE_TEXTS_EN, { lane, span }, ORIGIN), {
    lane: 'count() #1',
    state: 'sleeping',
    label: '· sleep 1 s',
    times: '1.00025 s → 2.00025 s',
    duration: 'duration 1 s',
  });
  const unlabelled = { ...span, label: '' };
  assert.equal(tooltipLines(TIMELINE_TEXTS_EN, { lane, span: unlabelled }, ORIGIN).label, '', 'no label, no dot');
  assert.deepEqual(tooltipLines(TIMELINE_ES, { lane, span }, ORIGIN).state, 'durmiendo');
});

test('over the label column: the lane\'s whole name and how many spans it has', () => {
  assert.deepEqual(tooltipLines(TIMELINE_TEXTS_EN, { lane, span: null }, ORIGIN), {
    lane: 'count() #1', state: '', label: '3 spans', times: '', duration: '',
  });
  assert.equal(tooltipLines(TIMELINE_ES, { lane, span: null }, ORIGIN).label, '3 tramos');
});

test('a selected span in one sentence', () => {
  assert.equal(describeSpan(TIMELINE_TEXTS_EN, span, ORIGIN),
    'count() #1: sleeping, sleep 1 s, from 1.00025 s to 2.00025 s, lasting 1 s');
  assert.equal(describeSpan(TIMELINE_TEXTS_EN, { ...span, state: 'running', label: '', end: span.start }, ORIGIN),
    'count() #1: running, from 1.00025 s to 1.00025 s, lasting 0');
  assert.equal(describeSpan(TIMELINE_ES, span, ORIGIN),
    'count() #1: durmiendo, sleep 1 s, de 1.00025 s a 2.00025 s, dura 1 s');
});

test('a selected span says the arrows that start or end on it', () => {
  const flows = [
    { flow: 'spawn', fromLane: 'main', from: ORIGIN + 1000, toLane: 'count() #1', to: ORIGIN + 1000.25 },
    { flow: 'timer', fromLane: 'count() #1', from: ORIGIN + 1000.25, toLane: 'count() #1', to: ORIGIN + 2000.25 },
    { flow: 'return', fromLane: 'count() #1', from: ORIGIN + 2000.25, toLane: 'main', to: ORIGIN + 2001 },
    { flow: 'spawn', fromLane: 'main', from: ORIGIN + 1000, toLane: 'count() #2', to: ORIGIN + 1000.5 },
  ];
  assert.equal(describeSpan(TIMELINE_TEXTS_EN, span, ORIGIN, flows),
    'count() #1: sleeping, sleep 1 s, from 1.00025 s to 2.00025 s, lasting 1 s; arrows: ' +
    'started from main at 1 s, result to main at 2.001 s');
  // The span that an arrow's end starts says it; the one before, sharing that edge, not.
  const resumed = { ...span, state: 'running', label: '', start: span.end, end: span.end + 1 };
  assert.equal(describeSpan(TIMELINE_TEXTS_EN, resumed, ORIGIN, flows),
    'count() #1: running, from 2.00025 s to 2.00125 s, lasting 1 ms; arrows: timer from count() #1 at 1.00025 s');
  assert.match(describeSpan(TIMELINE_ES, span, ORIGIN, flows), /; flechas: iniciada desde main a los 1 s, /);
});
