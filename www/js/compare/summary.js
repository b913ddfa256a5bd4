// What the table of runs keeps of a finished run, read from the run's own record (the
// 'run-ended' event of page-events.js): plain values, written in the page's language only
// when shown, so that a switch of language re-renders them and a reload can keep them.
// Pure: tests/compare-summary.test.mjs runs it in Node.

/** pool.apply, pool.map, pool.starmap: the crate names each example after its method
 * (check_params in crate/src/web/params.rs does the same). */
export const poolMethodOf = (exampleId) =>
  (/^pool-(apply|map|starmap)$/.exec(exampleId)?.[1] ?? null);

/** The value of argument `name` of a crate sentence ({key, args}), or undefined. */
const argOf = (message, name) => message?.args?.[name]?.value;

/** A ratio argument ({value, decimals}) as a number. */
const ratioOf = (message, name) => argOf(message, name)?.value;

/**
 * A pool run's figures, from the report its runner printed (crate/src/demos/pool/report.rs,
 * `sentences`): the pool call's and the loop's median times and the speedup's median and
 * range over the repeats, each repeat's loop time over its pool time. Read from those lines
 * rather than from the runner's spans: its span "waiting for pool.map" also holds its hop
 * into the pool, which the crate's own timing (on a pool thread) leaves out, so ratios of
 * spans would disagree with the speedup the output shows. null if the run printed no report.
 */
export function poolFiguresOf(lines) {
  const said = (keys) => lines.find((line) => keys.includes(line.message?.key))?.message;
  const timing = said(['poolTimingCalls', 'poolTimingChunks']);
  const comparison = said(['loopSpeedup', 'loopNoRows', 'loopTooQuick']);
  if (!timing || !comparison) return null;
  const speedup = comparison.key === 'loopSpeedup' ? argOf(comparison, 'speedup') : null;
  return {
    rows: argOf(timing, 'rows'),
    workers: argOf(timing, 'workers'),
    repeats: argOf(timing, 'repeats'),
    poolMs: argOf(timing, 'time'),
    loopMs: argOf(comparison, 'time'),
    // One repeat measured: a median alone, which is its own range. `sentence`: the
    // crate's, written as the output writes it (a tiny ratio with the digits it needs).
    speedup: speedup && {
      median: ratioOf(speedup, 'median'),
      min: ratioOf(speedup, 'min') ?? ratioOf(speedup, 'median'),
      max: ratioOf(speedup, 'max') ?? ratioOf(speedup, 'median'),
      sentence: speedup,
    },
  };
}

/** An event-loop program's own time: from its first step to its last, on its own clock
 * (a sped-up run's spans are on it), as its timeline shows it. */
export function programMsOf(spans) {
  if (!spans.length) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const span of spans) {
    first = Math.min(first, span.start);
    last = Math.max(last, span.end);
  }
  return last - first;
}

/** The row of a finished run: its example, parameters and times (see runs-view.js). */
export function summarizeRun({ example, params, outcome, trace }, sequence) {
  const speed = example.eventLoop ? Number(params.speed ?? 1) : 1;
  return {
    sequence,
    exampleId: example.id,
    params: { ...params },
    realMs: outcome.elapsedMs,
    programMs: example.eventLoop ? programMsOf(trace.spans) : null,
    speed,
    pool: poolMethodOf(example.id) ? poolFiguresOf(trace.lines) : null,
  };
}

/**
 * What sets a run apart, in short: each parameter whose value is not its default, or
 * differs between the runs of the same example in `others` (so that two runs side by side
 * show what tells them apart, defaults included). [{name, value}] in the form's order.
 */
export function distinguishingParams(example, params, others) {
  const differs = (name, value) => others.some((other) => String(other[name]) !== String(value));
  return (example.params ?? [])
    .filter(({ name, default: fallback }) => name in params &&
      (String(params[name]) !== String(fallback) || differs(name, params[name])))
    .map(({ name }) => ({ name, value: params[name] }));
}

const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);
const isNumberOrNull = (value) => value === null || isNumber(value);

/** A speedup as the crate says it ('speedup' or 'speedupRange', of ratios only): what the
 * page's writer of crate sentences can write. */
function isSpeedupSentence(sentence) {
  if (typeof sentence !== 'object' || sentence === null) return false;
  const { key, english, args } = sentence;
  const names = { speedup: ['median'], speedupRange: ['median', 'min', 'max'] }[key];
  return Boolean(names) && typeof english === 'string' && typeof args === 'object' && args !== null &&
    names.every((name) => args[name]?.kind === 'ratio' && isNumber(args[name].value?.value) &&
      Number.isInteger(args[name].value.decimals) && args[name].value.decimals >= 0 &&
      args[name].value.decimals <= 20);
}

/** Whether `row`, read back from storage, is a row as summarizeRun makes them, for an
 * example of `exampleIds`: storage is input like any other, and a row that is not is
 * dropped rather than shown. */
export function isRow(row, exampleIds) {
  if (typeof row !== 'object' || row === null) return false;
  const { sequence, exampleId, params, realMs, programMs, speed, pool } = row;
  const plainParams = typeof params === 'object' && params !== null &&
    Object.values(params).every((value) => isNumber(value) || typeof value === 'string');
  const poolOk = pool === null || (typeof pool === 'object' &&
    ['rows', 'workers', 'repeats', 'poolMs', 'loopMs'].every((name) => isNumber(pool[name])) &&
    (pool.speedup === null || (typeof pool.speedup === 'object' &&
      ['median', 'min', 'max'].every((name) => isNumber(pool.speedup?.[name])) &&
      isSpeedupSentence(pool.speedup.sentence))));
  return Number.isInteger(sequence) && exampleIds.includes(exampleId) && plainParams &&
    isNumber(realMs) && isNumberOrNull(programMs) && isNumber(speed) && poolOk;
}
