// End-to-end: what the worker examples (1, 2, 7–9) show of why each thing ran when — the
// spans of their timelines, and the arrows the timeline draws.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { servedPlayground } from './support/harness.mjs';

const served = servedPlayground();

async function open(hash) {
  return (await served.open(hash)).page;
}

async function run(page) {
  await page.click('#run');
  await page.waitForFunction(
    () => ['done', 'error', 'stopped'].includes(document.getElementById('status').dataset.kind),
    null, { timeout: 60_000 });
  assert.match(await page.textContent('#status'), /^Finished/);
  return page.$eval('#timeline', (timeline) => ({ spans: timeline.spans, flows: timeline.flows }));
}

const IDLE = 'idle: asleep, or looking for work';

describe('the pool’s timeline', () => {
  test('each worker is busy with its chunks or idle for the whole call; arrows wake it and release the runner', async () => {
    const page = await open('#pool-map?rows=400000&repeats=1&workers=2');
    const { spans, flows } = await run(page);
    const wait = spans.find((span) => span.label === 'waiting for pool.map');
    for (const lane of ['worker 0', 'worker 1']) {
      const inCall = spans.filter((span) => span.lane === lane && span.label !== 'sequential loop')
        .sort((a, b) => a.start - b.start);
      assert.ok(inCall.length > 0, lane);
      for (const span of inCall) {
        assert.ok(span.label === IDLE ? span.state === 'waiting' : /^rows \d/.test(span.label), span.label);
      }
      // Idle fills what the chunks leave of the wait (a worker's clock may be a little off
      // the runner's: chunks may start before the wait, as measured).
      const busy = inCall.filter((span) => span.label !== IDLE);
      for (const [before, after] of inCall.slice(1).map((span, i) => [inCall[i], span])) {
        assert.ok(after.start >= before.end - 1e-9, `${lane}: ${before.label} then ${after.label}`);
        if (after.label === IDLE || before.label === IDLE) assert.equal(after.start, before.end);
      }
      if (busy.length === 0) assert.deepEqual([inCall[0].start, inCall[0].end], [wait.start, wait.end]);
    }
    const sent = flows.filter((flow) => flow.flow === 'send');
    assert.ok(sent.length >= 1 && sent.length <= 2, JSON.stringify(sent));
    for (const flow of sent) {
      assert.deepEqual([flow.fromLane, flow.from], ['runner', wait.start]);
      assert.ok(spans.some((span) => span.lane === flow.toLane && span.start === flow.to && span.label.startsWith('rows ')));
    }
    const back = flows.filter((flow) => flow.flow === 'return');
    assert.equal(back.length, 1);
    assert.deepEqual([back[0].toLane, back[0].to], ['runner', wait.end]);
  });

  test('pool.apply: its calls in stretches one after another, an arrow handing each to the worker that ran it', async () => {
    const page = await open('#pool-apply?rows=500&repeats=1&workers=2');
    const { spans, flows } = await run(page);
    const stretches = spans.filter((span) => span.label.startsWith('rows ')).sort((a, b) => a.start - b.start);
    const sent = flows.filter((flow) => flow.flow === 'send');
    assert.equal(sent.length, stretches.length);
    for (const flow of sent) {
      assert.equal(flow.fromLane, 'runner');
      assert.ok(stretches.some((span) => span.lane === flow.toLane && span.start === flow.to));
    }
    // Every row once, in order, each stretch ending before the next begins; the first call
    // alone.
    assert.equal(stretches[0].label, 'rows 0–0');
    let next = 0;
    for (const [index, span] of stretches.entries()) {
      const [, first, last] = span.label.match(/^rows (\d+)–(\d+)/);
      assert.equal(Number(first), next, span.label);
      next = Number(last) + 1;
      if (index > 0) assert.ok(span.start >= stretches[index - 1].end, span.label);
    }
    assert.equal(next, 500);
  });
});

describe('the threads’ timeline', () => {
  const count = (label) => Number(label.match(/ ([\d,]+) times?/)[1].replaceAll(',', ''));

  test('main starts and joins each thread; the counts show each thread’s rounds and its turns at the lock', async () => {
    const page = await open('#threading?iterations=100000&workers=2');
    const { spans, flows } = await run(page);
    const find = (label) => spans.find((span) => span.label === label);
    for (const [target, join] of [['print_square(10)', 't1.join()'], ['print_cube(10)', 't2.join()']]) {
      const [printed, joined] = [find(target), find(join)];
      const spawn = flows.find((flow) => flow.flow === 'spawn' && flow.toLane === printed.lane && flow.to === printed.start);
      assert.equal(spawn?.fromLane, 'main', target);
      // Both joins may end at one instant (both threads done before main joins): the arrow
      // into this join's end from its own thread.
      const back = flows.find((flow) => flow.flow === 'return' && flow.to === joined.end && flow.fromLane === printed.lane);
      assert.deepEqual([back?.fromLane, back?.from, back?.toLane], [printed.lane, printed.end, 'main'], join);
    }
    for (const lane of ['thread 0', 'thread 1']) {
      const on = (prefix) => spans.filter((span) => span.lane === lane && span.label.startsWith(prefix));
      for (const prefix of ['read, add, write ', 'held the lock ', 'fetch_add ']) {
        const increments = on(prefix).reduce((sum, span) => sum + count(span.label), 0);
        assert.equal(increments, 100_000, `${lane}: ${prefix}`);
      }
      for (const wait of on('waiting for the lock')) assert.equal(wait.state, 'waiting');
    }
  });
});

describe('the processes’ timeline', () => {
  test('main starts each process, sends it its argument, gets its answer and joins it; its start split into what it costs', async () => {
    const page = await open('#multiprocessing?processes=4');
    const { spans, flows } = await run(page);
    const lanes = [...new Set(spans.map((span) => span.lane))].filter((lane) => lane.startsWith('process '));
    assert.equal(lanes.length, 4);
    for (const lane of lanes) {
      const [worker, instance, work] = spans.filter((span) => span.lane === lane).sort((a, b) => a.start - b.start);
      assert.deepEqual([worker.label, instance.label, work.label],
        ['starting: a new worker', 'a wasm instance of its own', 'print_func']);
      assert.ok(worker.end === instance.start && instance.end === work.start);
      const of = (kind) => flows.filter((flow) => flow.flow === kind && (flow.toLane === lane || flow.fromLane === lane));
      const [spawn] = of('spawn');
      assert.deepEqual([spawn.fromLane, spawn.to], ['main', worker.start]);
      const [sent, answered] = of('send').sort((a, b) => a.from - b.from);
      assert.deepEqual([sent.fromLane, sent.to], ['main', instance.start]);
      assert.deepEqual([answered.from, answered.toLane], [work.end, 'main']);
      const [joined] = of('return');
      assert.deepEqual([joined.from, joined.toLane], [work.end, 'main']);
      assert.ok(joined.to >= answered.to);
    }
    const joins = spans.filter((span) => span.lane === 'main' && /^procs\[\d\]\.join\(\)$/.test(span.label));
    assert.ok(joins.length >= 1 && joins.every((span) => span.state === 'waiting'));
  });
});
