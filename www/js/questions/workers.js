// The questions of the examples on workers: processes (1), threads (2) and the pool (7–9).
// The same shape as event-loop.js's: {id, askedWhen?, prompt, choices, settle}. What a run
// measured is read from the crate's own sentences in its lines and spans (trace.js).

import { argOf, linesOnLanes, linesSaying, sentenceIn, spansLabelled } from './trace.js';
import { YES_NO, say } from './shape.js';

const PROCESS_LANE = /^process (\d+)\b/;

/** The process lines, in the order they came: [{n, line}]. */
const processLines = (lines) => linesOnLanes(lines, PROCESS_LANE)
  .map(({ line, match }) => ({ n: Number(match[1]), line }));

/** Example 1 asks who prints first only among a few processes: more would be a lottery. */
const MAX_PROCESSES_TO_NAME = 6;

/** What the page's own counter might read once `processes` processes each added 1 to
 * theirs: none of it, one, or all of it. */
const counterChoices = (processes) => [...new Set([0, 1, processes])];

const multiprocessing = [
  {
    id: 'page-counter',
    prompt: (params) => say('qPageCounter', { count: params.processes }),
    choices: (params) => counterChoices(params.processes)
      .map((value) => ({ id: `count-${value}`, label: say('qNumber', { value }) })),
    settle: ({ lines }) => {
      const [line] = linesSaying(lines, 'processCalls');
      const own = argOf(line?.message, 'own');
      if (own === undefined) return null;
      return { answer: `count-${own}`, why: say('whyPageCounter', { own, calls: argOf(line.message, 'calls').join(', ') }), at: line.at };
    },
  },
  {
    id: 'start-order',
    askedWhen: (params) => params.processes >= 2,
    prompt: (params) => say('qStartOrder', { count: params.processes }),
    choices: () => YES_NO,
    settle: ({ lines }, params) => {
      const printed = processLines(lines);
      if (printed.length < params.processes) return null;
      const order = printed.map(({ n }) => n);
      const outOfPlace = printed.find(({ n }, index) => n !== index + 1);
      return {
        answer: outOfPlace ? 'no' : 'yes',
        why: say(outOfPlace ? 'whyStartOrderNo' : 'whyStartOrderYes', { order: order.join(', ') }),
        at: (outOfPlace ?? printed.at(-1)).line.at,
      };
    },
  },
  {
    id: 'first-to-print',
    askedWhen: (params) => params.processes >= 2 && params.processes <= MAX_PROCESSES_TO_NAME,
    prompt: () => say('qFirstToPrint'),
    choices: (params) => Array.from({ length: params.processes },
      (_, index) => ({ id: `process-${index + 1}`, label: say('qProcess', { n: index + 1 }) })),
    settle: ({ lines, spans }, params) => {
      const printed = processLines(lines);
      if (printed.length < params.processes) return null;
      const [{ n, line }] = printed;
      const started = Math.min(...spans.filter((s) => s.lane === line.lane).map((s) => s.start));
      return {
        answer: `process-${n}`,
        why: say('whyFirstToPrint', { n, ms: Math.round(line.at - started) }),
        at: line.at,
      };
    },
  },
];

/** The threading example's count with `sharing` ('unsynchronised', 'mutex', 'atomic'):
 * {counted, expected, line}, or null. */
function sharedCount(lines, sharing) {
  const line = linesSaying(lines, 'sharedCountLine')
    .find((l) => argOf(l.message, 'sharing')?.key === sharing);
  return line ? { counted: argOf(line.message, 'counted'), expected: argOf(line.message, 'expected'), line } : null;
}

const LOST_CHOICES = [
  { id: 'none', label: say('qLostNone') },
  { id: 'under-half', label: say('qLostUnderHalf') },
  { id: 'half-or-more', label: say('qLostHalfOrMore') },
];
const lostChoice = (lost, expected) => (lost <= 0 ? 'none' : lost < expected / 2 ? 'under-half' : 'half-or-more');

/** A question on how many updates the counter shared by `sharing` loses; the moment: its
 * first span (`spanKeys`: the labels the crate gives its spans). */
const lostQuestion = (id, sharing, promptKey, whyKeys, spanKeys) => ({
  id,
  prompt: (params) => say(promptKey, { expected: params.iterations * params.workers }),
  choices: () => LOST_CHOICES,
  settle: ({ lines, spans }) => {
    const count = sharedCount(lines, sharing);
    if (!count) return null;
    const lost = count.expected - count.counted;
    const [span] = spanKeys.flatMap((key) => spansLabelled(spans, key)).sort((a, b) => a.start - b.start);
    return {
      answer: lostChoice(lost, count.expected),
      why: say(lost > 0 ? whyKeys.lost : whyKeys.none, {
        counted: count.counted, expected: count.expected, lost,
        percent: Math.round((1000 * lost) / count.expected) / 10,
      }),
      at: span?.start ?? count.line.at,
    };
  },
});

const threading = [
  lostQuestion('unsynchronised-lost', 'unsynchronised', 'qUnsynchronisedLost',
    { lost: 'whyUnsynchronisedLost', none: 'whyUnsynchronisedNone' }, ['spanReadAddWrite']),
  lostQuestion('mutex-lost', 'mutex', 'qMutexLost',
    { lost: 'whyMutexLost', none: 'whyMutexNone' }, ['spanLockHeld', 'spanLockHeldBriefWaits']),
];

/** The crate's verdict on a pool run (PoolReport::verdict): the choice it settles. */
const VERDICT_CHOICES = {
  poolWon: 'yes', poolWonOnce: 'yes', poolLost: 'no', poolLostOnce: 'no', poolTie: 'tie',
};

/** What a pool run printed of itself: its times, speedups and hand-outs; null if it could
 * not compare (no rows, or too quick for the clock). */
function poolReport(lines) {
  const timing = lines.find((l) => ['poolTimingCalls', 'poolTimingChunks'].includes(l.message?.key));
  const [loop] = linesSaying(lines, 'loopSpeedup');
  const [verdict] = linesSaying(lines, 'poolVerdict');
  if (!timing || !loop || !verdict) return null;
  const range = sentenceIn(loop.message, 'speedupRange') ?? sentenceIn(loop.message, 'speedup');
  const cost = sentenceIn(verdict.message, 'handOffCost') ?? sentenceIn(verdict.message, 'handOffFree');
  const ratio = (name) => argOf(range, name)?.value ?? argOf(range, 'median')?.value;
  return {
    verdict: argOf(verdict.message, 'verdict')?.key,
    poolMs: argOf(timing.message, 'time'),
    loopMs: argOf(loop.message, 'time'),
    repeats: argOf(timing.message, 'repeats'),
    median: ratio('median'), min: ratio('min'), max: ratio('max'),
    handOffs: argOf(argOf(cost, 'handOffs'), 'count'),
    costMs: argOf(cost, 'cost') ?? 0,
  };
}

const round2 = (value) => Math.round(value * 100) / 100;

/** The moment the first piece of work was handed out: a worker's first span of rows. */
const firstHandOut = (spans) => spansLabelled(spans, 'spanRows')[0]?.start;

/** The moment a repeat of the pool starts: the first span "waiting for pool.…". */
const firstPoolWait = (spans) => spansLabelled(spans, 'spanWaitingFor')[0]?.start;

/** Where a count of hand-outs falls, for `rows` rows on `workers` workers. */
const handOutChoice = (count, { rows, workers }) =>
  (count >= rows ? 'one-per-row' : count <= workers ? 'one-per-worker' : 'a-few-per-worker');

const poolQuestions = (method) => [
  {
    id: 'beats-loop',
    prompt: (params) => say('qBeatsLoop', { method, rows: params.rows, workers: params.workers }),
    choices: (params) => [
      { id: 'yes', label: say('qPoolFaster') },
      { id: 'no', label: say('qPoolSlower') },
      ...(params.repeats > 1 ? [{ id: 'tie', label: say('qPoolTie') }] : []),
    ],
    settle: ({ lines, spans }) => {
      const report = poolReport(lines);
      const answer = VERDICT_CHOICES[report?.verdict];
      if (!answer) return null;
      return {
        answer,
        why: say('whyBeatsLoop', {
          method, pool: round2(report.poolMs), loop: round2(report.loopMs), repeats: report.repeats,
          min: report.min, max: report.max,
        }),
        at: firstPoolWait(spans) ?? lines[0].at,
      };
    },
  },
  {
    id: 'hand-outs',
    // Only where the three choices are three different numbers.
    askedWhen: (params) => params.rows > 2 * params.workers && params.workers >= 1,
    prompt: () => say('qHandOuts', { method }),
    choices: (params) => [
      { id: 'one-per-worker', label: say('qOnePerWorker', { workers: params.workers }) },
      { id: 'a-few-per-worker', label: say('qFewPerWorker') },
      { id: 'one-per-row', label: say('qOnePerRow', { rows: params.rows }) },
    ],
    settle: ({ lines, spans }, params) => {
      const report = poolReport(lines);
      if (!report?.handOffs) return null;
      return {
        answer: handOutChoice(report.handOffs, params),
        why: say(method === 'pool.apply' ? 'whyHandOutsApply' : 'whyHandOutsChunks', {
          method, count: report.handOffs, rows: round2(params.rows / report.handOffs), cost: round2(report.costMs),
        }),
        at: firstHandOut(spans) ?? firstPoolWait(spans) ?? lines[0].at,
      };
    },
  },
];

export const WORKER_QUESTIONS = {
  multiprocessing,
  threading,
  'pool-apply': poolQuestions('pool.apply'),
  'pool-map': poolQuestions('pool.map'),
  'pool-starmap': poolQuestions('pool.starmap'),
};
