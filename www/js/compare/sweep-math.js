// The numbers of a sweep of rows (sweep.js runs it): each size's times with 1 worker and
// with all, the speedup, where all workers start to beat one, and why. Pure: tests in
// tests/compare-sweep.test.mjs.

/** The sizes a sweep measures, a factor of about 3 apart: from a job far too small to
 * share (microseconds per worker) to the largest a run may have (MAX_ROWS in the crate). */
export const SWEEP_ROWS = [10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000];

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A speedup as the page writes it, to two decimals: what counts as a win is what reads as
 * one (the crate's verdict reads its ratios the same way). */
export const asWritten = (ratio) => Math.round(ratio * 100) / 100;

/**
 * One size of a sweep, from its rounds: `rounds` is [{oneMs: [...], allMs: [...]}], each
 * round's times of the pool call (every repeat of one run) with 1 worker and with all.
 * Each time shown is the median over the rounds of each round's median, and the speedup
 * their ratio; its range, that of the rounds' own ratios, which holds it: some round is at
 * or above both medians' sides, and some at or below.
 */
export function sweepPoint(rows, rounds) {
  const oneByRound = rounds.map((round) => median(round.oneMs));
  const allByRound = rounds.map((round) => median(round.allMs));
  const ratios = oneByRound.map((one, index) => one / allByRound[index]);
  const oneMs = median(oneByRound);
  const allMs = median(allByRound);
  return {
    rows, oneMs, allMs, speedup: oneMs / allMs,
    min: Math.min(...ratios), max: Math.max(...ratios), rounds: rounds.length,
  };
}

/** The index of the first point (by rows) where all workers beat one as written, or -1. */
export const crossoverIndex = (points) => points.findIndex((point) => asWritten(point.speedup) > 1);

/** What splitting `point`'s work over `workers` saves, and what it cost: 1 worker's time
 * shared evenly (`shareMs` each) saves `savedMs`; what all workers took beyond that share
 * is what handing out the rows and waiting for their counts cost (`handOffMs`). All workers beat
 * one exactly when the hand-off costs less than the split saves. */
export function splitOf(point, workers) {
  const shareMs = point.oneMs / workers;
  return {
    rows: point.rows, workMs: point.oneMs, allMs: point.allMs, shareMs,
    savedMs: point.oneMs - shareMs, handOffMs: point.allMs - shareMs,
    perRowNs: (1e6 * point.oneMs) / point.rows,
  };
}

/**
 * Why the crossover is where it is, from the points measured (by rows): `kind` 'crossover'
 * (`at` the first size where all workers beat one, `before` the size below it),
 * 'fromTheStart' (already at the smallest) or 'never' (`at` the largest measured); each a
 * splitOf. `fellBackAt`: a larger size where the speedup fell to 1 or below again, if any
 * (a sweep measures one moment of a machine others may share). null without points.
 */
export function crossoverReading(points, workers) {
  if (!points.length) return null;
  const index = crossoverIndex(points);
  const kind = index === -1 ? 'never' : index === 0 ? 'fromTheStart' : 'crossover';
  const fellBack = index === -1 ? undefined
    : points.slice(index + 1).find((point) => asWritten(point.speedup) <= 1);
  return {
    kind, workers,
    at: splitOf(index === -1 ? points.at(-1) : points[index], workers),
    before: index > 0 ? splitOf(points[index - 1], workers) : null,
    fellBackAt: fellBack?.rows ?? null,
  };
}
