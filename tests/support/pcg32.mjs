// PCG32 (XSH RR 64/32) written from its published definition, independent of the crate,
// so that the tests can recompute the pool examples' data from a seed.

const MASK = (1n << 64n) - 1n;
const MULTIPLIER = 6364136223846793005n;
export const PCG_STREAM = 0x0a02bdbf7bb3c0a7n;

export function* pcg32(seed, stream = PCG_STREAM) {
  const increment = ((stream << 1n) | 1n) & MASK;
  let state = (BigInt(seed) + increment) & MASK;
  state = (state * MULTIPLIER + increment) & MASK;
  for (;;) {
    const old = state;
    state = (state * MULTIPLIER + increment) & MASK;
    const xorshifted = Number((((old >> 18n) ^ old) >> 27n) & 0xffffffffn);
    const rotation = Number(old >> 59n);
    yield ((xorshifted >>> rotation) | (xorshifted << ((32 - rotation) & 31))) >>> 0;
  }
}

/** The first `rows` rows of the examples' matrix: cell = floor(u32 × 10 / 2^32). */
export function matrixRows(seed, rows, columns) {
  const random = pcg32(seed);
  return Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => Math.floor((random.next().value * 10) / 2 ** 32)));
}

export const howmanyWithinRange = (row, minimum, maximum) =>
  row.filter((n) => minimum <= n && n <= maximum).length;
