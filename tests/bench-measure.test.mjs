// The benchmark's statistics (bench/measure.mjs): pure, so tested here.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { medianInterval, summary } from '../bench/measure.mjs';

test('the median’s interval: seven places either side of the middle of 24 values, in any order', () => {
  const values = Array.from({ length: 24 }, (_, i) => 24 - i);
  // n = 24: (24 − 1.96 × √24) / 2 = 7.2, so the 8th value from either end.
  assert.deepEqual(medianInterval(values), { low: 8, high: 17 });
  assert.equal(summary(values).median, 12.5);
});

test('the median’s interval narrows as the sample grows, and needs six values at least', () => {
  const width = (n) => {
    const { low, high } = medianInterval(Array.from({ length: n }, (_, i) => i));
    return (high - low) / n;
  };
  assert.ok(width(96) < width(24), `${width(96)} vs ${width(24)}`);
  assert.equal(medianInterval([3, 1, 2, 5, 4]), null);
  assert.deepEqual(medianInterval([6, 1, 2, 3, 4, 5]), { low: 1, high: 6 });
});
