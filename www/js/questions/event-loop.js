// The questions of the event-loop examples (3–6), each with what settles it in a run's
// trace. A question: {id, prompt, choices, settle}; `prompt` and each choice's `label` are
// {key, vars} for i18n's t(), or {code} shown as written; `settle(trace)` returns
// {answer: a choice's id, why: {key, vars}, at: the moment that shows it (epoch ms)}, or
// null when the trace cannot tell. Times in a trace are the program's own (a sped-up run's
// timeline is drawn in the program's seconds), so a speed changes no answer.

import { linesOnLanes, secondsIn } from './trace.js';
import { code, say, seconds } from './shape.js';

// Example 3: the prefix and the names are the original script's, printed by the run.
const SEARCHING = /^Searching prefix:(.*)$/;
const SENT_NAMES = ['James', 'Dear James'];

/** The call that ran the coroutine when it printed `line`: 'next()', "send('James')"… from
 * the span of its lane that holds the line; null if none. */
const callDuring = (spans, line) => {
  const span = spans.find((s) => s.lane === line.lane && s.state === 'running' &&
    s.start <= line.at && line.at <= s.end && s.labelMessage?.args?.call);
  return span ? span.labelMessage.args.call.value : null;
};

const coroutines = [
  {
    id: 'searching-when',
    prompt: () => say('qSearchingWhen'),
    choices: () => [
      { id: 'at-creation', label: say('qAtCreation') },
      { id: 'at-next', label: say('qAtNext') },
      { id: 'at-first-send', label: say('qAtFirstSend') },
    ],
    settle: ({ lines, spans }) => {
      const line = lines.find((l) => SEARCHING.test(l.text));
      if (!line) return null;
      const call = callDuring(spans, line);
      const answer = call === null ? 'at-creation' : call.startsWith('next') ? 'at-next' : 'at-first-send';
      const why = { 'at-creation': 'whySearchingCreation', 'at-next': 'whySearchingNext', 'at-first-send': 'whySearchingSend' };
      return { answer, why: say(why[answer], { call: call ?? '' }), at: line.at };
    },
  },
  {
    id: 'names-printed',
    prompt: () => say('qNamesPrinted'),
    choices: () => [
      { id: 'james', label: code('James') },
      { id: 'dear-james', label: code('Dear James') },
      { id: 'both', label: say('qBoth') },
      { id: 'neither', label: say('qNeither') },
    ],
    settle: ({ lines }) => {
      const searching = lines.find((l) => SEARCHING.test(l.text));
      if (!searching) return null;
      const printed = SENT_NAMES.filter((name) => lines.some((l) => l.lane === searching.lane && l.text === name));
      const answer = printed.length === 2 ? 'both' : printed.length === 0 ? 'neither'
        : printed[0] === 'James' ? 'james' : 'dear-james';
      const shown = lines.find((l) => l.lane === searching.lane && printed.includes(l.text)) ?? searching;
      return {
        answer,
        why: say('whyNamesPrinted', { prefix: SEARCHING.exec(searching.text)[1], count: printed.length }),
        at: shown.at,
      };
    },
  },
];

/** Example 4's counts: lines of the lanes "count() #n", or "… · count() #n" side by side. */
const COUNT_LANE = /count\(\) #\d+$/;
const EXECUTED = /executed in ([\d.]+) seconds\.$/;

/** The whole seconds a run of `n` count()s might take: one sleep, n, or twice n. */
const durationChoices = (n) => [...new Set([1, n, 2 * n])].sort((a, b) => a - b);

const countAsync = [
  {
    id: 'second-line',
    prompt: () => say('qSecondLine'),
    choices: () => [{ id: 'one', label: code('One') }, { id: 'two', label: code('Two') }],
    settle: ({ lines }, params) => {
      const counted = linesOnLanes(lines, COUNT_LANE).map(({ line }) => line);
      if (counted.length < 2) return null;
      const [first, second] = counted;
      const answer = second.text === 'One' ? 'one' : 'two';
      const why = answer === 'one' ? (params.mode === 'both' ? 'whySecondOneBoth' : 'whySecondOne')
        : params.mode === 'gather' ? 'whySecondTwoAlone' : 'whySecondTwo';
      return {
        answer,
        why: say(why,
          { seconds: seconds(second.at - first.at) }),
        at: second.at,
      };
    },
  },
  {
    id: 'duration',
    prompt: () => say('qDuration'),
    choices: (params) => durationChoices(params.coroutines)
      .map((s) => ({ id: `about-${s}`, label: say('qAboutSeconds', { seconds: s }) })),
    settle: ({ lines }, params) => {
      // As the program measured itself ("… executed in 1.00 seconds."); side by side, the
      // slower of its two halves.
      const measured = lines.filter((l) => EXECUTED.test(l.text));
      if (!measured.length) return null;
      const last = measured.reduce((slower, l) => (secondsIn(l.text, EXECUTED) > secondsIn(slower.text, EXECUTED) ? l : slower));
      const took = secondsIn(last.text, EXECUTED);
      const nearest = durationChoices(params.coroutines)
        .reduce((best, s) => (Math.abs(s - took) < Math.abs(best - took) ? s : best));
      const why = { gather: 'whyDurationGather', sequential: 'whyDurationSequential', both: 'whyDurationBoth' }[params.mode];
      return { answer: `about-${nearest}`, why: say(why, { seconds: took, count: params.coroutines }), at: last.at };
    },
  },
];

const FINISHED = /^---> Finished: makerandom\((\d+)\) == (\d+)/;
const RAND_CHOICES = [0, 1, 2].map((idx) => ({ id: `makerandom-${idx}`, label: code(`makerandom(${idx})`) }));

/** Example 5: the finishing line of the `pick`ed makerandom (first or last). */
const randFinish = (id, promptKey, whyKey, pick) => ({
  id,
  prompt: () => say(promptKey),
  choices: () => RAND_CHOICES,
  settle: ({ lines }) => {
    const finished = lines.filter((l) => FINISHED.test(l.text));
    if (finished.length < RAND_CHOICES.length) return null;
    const line = pick(finished);
    const [, idx, value] = FINISHED.exec(line.text);
    const draws = lines.filter((l) => l.lane === line.lane && l.text.startsWith(`makerandom(${idx}) ==`)).length + 1;
    return {
      answer: `makerandom-${idx}`,
      why: say(whyKey, { idx, value, draws, seconds: seconds(line.at - lines[0].at), sleep: Number(idx) + 1 }),
      at: line.at,
    };
  },
});

const rand = [
  randFinish('first-to-finish', 'qRandFirst', 'whyRandFirst', (finished) => finished[0]),
  randFinish('last-to-finish', 'qRandLast', 'whyRandLast', (finished) => finished.at(-1)),
];

/** Example 6's chains, as the parameter names them ("1 2 3"), each once. */
const chainsOf = (params) => [...new Set(String(params.chains).trim().split(/\s+/).filter(Boolean))];
const CHAINED = /^-->Chained .* \(took ([\d.]+) seconds\)\.$/;
const CHAIN_LANE = /^chain\((.+)\)$/;
const SLEEPING = /sleeping for (\d+) seconds\.$/;
const PROGRAM_FINISHED = /^Program finished in ([\d.]+) seconds\.$/;

/** Each chain's finishing line, in the order they came: [{n, line, took}]. */
const chainEnds = (lines) => linesOnLanes(lines, CHAIN_LANE)
  .filter(({ line }) => CHAINED.test(line.text))
  .map(({ line, match }) => ({ n: match[1], line, took: secondsIn(line.text, CHAINED) }));

const chained = [
  {
    id: 'first-chain',
    askedWhen: (params) => chainsOf(params).length >= 2,
    prompt: () => say('qFirstChain'),
    choices: (params) => chainsOf(params).map((n) => ({ id: `chain-${n}`, label: code(`chain(${n})`) })),
    settle: ({ lines }, params) => {
      const ends = chainEnds(lines);
      if (ends.length < chainsOf(params).length) return null;
      const [{ n, line, took }] = ends;
      // The sleeps its two parts drew, as they printed them.
      const slept = lines.filter((l) => (l.lane === `part1(${n})` || l.lane === `part2(${n})`) && SLEEPING.test(l.text))
        .reduce((sum, l) => sum + secondsIn(l.text, SLEEPING), 0);
      return { answer: `chain-${n}`, why: say('whyFirstChain', { n, took, slept }), at: line.at };
    },
  },
  {
    id: 'program-time',
    askedWhen: (params) => chainsOf(params).length >= 2,
    prompt: () => say('qProgramTime'),
    choices: () => [
      { id: 'longest', label: say('qLongestChain') },
      { id: 'sum', label: say('qSumOfChains') },
    ],
    settle: ({ lines }, params) => {
      const ends = chainEnds(lines);
      const finished = lines.find((l) => PROGRAM_FINISHED.test(l.text));
      if (!finished || ends.length < chainsOf(params).length) return null;
      const total = secondsIn(finished.text, PROGRAM_FINISHED);
      const longest = Math.max(...ends.map((end) => end.took));
      const sum = ends.reduce((all, end) => all + end.took, 0);
      const answer = Math.abs(total - longest) <= Math.abs(total - sum) ? 'longest' : 'sum';
      return {
        answer,
        why: say(answer === 'longest' ? 'whyProgramLongest' : 'whyProgramSum',
          { total, longest, sum: Math.round(sum * 100) / 100 }),
        at: finished.at,
      };
    },
  },
];

export const EVENT_LOOP_QUESTIONS = { coroutines, 'count-async': countAsync, rand, chained };
