// Unit tests of the postMessage API's request checks (www/js/host-api.js), in Node: what a
// structured clone can carry that JSON.stringify would hide or choke on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_REQUEST_CHARS, plainDataSize, requestProblem } from '../www/js/host-api.js';

const run = (extra) => ({ type: 'playground:run', id: 1, ...extra });

test('a well-formed request has no problem', () => {
  assert.equal(requestProblem(run({ example: 'rand', params: { seed: 7, speed: '4' } })), '');
  assert.equal(requestProblem({ type: 'playground:stop', id: 'x' }), '');
});

test('binary data, maps and other objects are refused whatever JSON would make of them', () => {
  const big = new ArrayBuffer(64 * 1024 * 1024);
  assert.equal(JSON.stringify(run({ data: big })).length < 100, true, 'JSON hides it');
  for (const hidden of [big, new Uint8Array(big), new Map([[1, 'x'.repeat(1e6)]]), new Set([1]),
    new Date(0), /x/]) {
    assert.match(requestProblem(run({ params: { seed: 1 }, hidden })), /must be plain data/);
  }
});

test('size is counted over everything a request carries, and counting stops early', () => {
  assert.match(requestProblem(run({ note: 'x'.repeat(MAX_REQUEST_CHARS) })), /under 4096 characters/);
  const many = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
  assert.match(requestProblem(run({ many })), /under 4096 characters/);
  assert.ok(plainDataSize(many) < MAX_REQUEST_CHARS + 100, 'stops once over the budget');
});

test('cycles and deep nesting end with a refusal, not a hang or a stack overflow', () => {
  const cyclic = { type: 'playground:run' };
  cyclic.self = cyclic;
  assert.match(requestProblem(cyclic), /must be plain data/);
  let deep = {};
  for (let i = 0; i < 10_000; i++) deep = { deep };
  assert.match(requestProblem(run({ deep })), /must be plain data/);
  assert.match(requestProblem(run({ n: NaN })), /must be plain data/);
});
