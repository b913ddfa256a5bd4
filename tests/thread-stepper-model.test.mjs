// The "be the scheduler" model of example 2 (www/js/thread-stepper/model.js), driven as the
// page drives it: schedules of thread steps, and what each leads to.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  INCREMENTS, Stepper, VARIANTS, canStep, facts, initialState, programLines, step,
} from '../www/js/thread-stepper/model.js';

/** The state after `schedule`, a string of thread numbers ("1122" steps thread 1 twice,
 * then thread 2 twice). */
function run(variant, schedule, increments = 2) {
  return [...schedule].reduce((state, thread) => step(state, Number(thread) - 1), initialState(variant, increments));
}

/** Steps threads in turn (1, 2, 1, 2, …), skipping one that cannot step, until neither can. */
function alternate(variant, increments = 2) {
  let state = initialState(variant, increments);
  for (let turn = 0; turn < 100; turn++) {
    const able = [turn % 2, (turn + 1) % 2].find((index) => canStep(state, index).can);
    if (able === undefined) break;
    state = step(state, able);
  }
  return state;
}

describe('unsynchronised: read, add, write back', () => {
  test('both read 0, both write 1: thread 2 overwrites thread 1’s increment', () => {
    const state = run('unsynchronised', '112' + '1' + '22', 1);
    const { lostWrites, done, expected, lost } = facts(state);
    assert.equal(state.counter, 1);
    assert.equal(done, true);
    assert.equal(expected, 2);
    assert.equal(lost, 1);
    assert.equal(lostWrites.length, 1);
    assert.deepEqual(lostWrites[0], {
      thread: 1, op: 'write', round: 0, before: 1, value: 1, lost: { over: 0, overValue: 1, count: 1 },
    });
  });

  test('while both hold a value read and not yet written, they race', () => {
    const state = run('unsynchronised', '12', 1);
    assert.deepEqual(facts(state).racing, [0, 1]);
    assert.deepEqual(facts(run('unsynchronised', '1112', 1)).racing, [], 'thread 1 wrote before thread 2 read');
    // Once one writes, the other's value is stale: its write will lose that increment.
    const stale = run('unsynchronised', '12' + '11', 1);
    assert.deepEqual([facts(stale).racing, facts(stale).stale], [[], [1]]);
  });

  test('a write that overwrites several increments says how many', () => {
    // Thread 1 reads 0 and stalls; thread 2 counts to 2; thread 1 writes 1 over it.
    const state = run('unsynchronised', '1' + '222222' + '11' + '111', 2);
    const [write] = facts(state).lostWrites;
    assert.deepEqual(write.lost, { over: 1, overValue: 2, count: 2 });
    assert.equal(state.counter, 2);
    assert.equal(facts(state).lost, 2);
  });

  test('a write over a value it read itself loses nothing, even after a lost update', () => {
    // Both read 0; thread 2 writes 1 and reads 1; thread 1 writes 1 over it (one lost);
    // thread 2 then writes 2 over the 1 it had read: nothing more lost.
    const state = run('unsynchronised', '12' + '222' + '11' + '22', 2);
    assert.deepEqual(facts(state).lostWrites.map((write) => [write.thread, write.lost.count]), [[0, 1]]);
    assert.equal(state.counter, 2);
    const midway = run('unsynchronised', '12222', 2);
    assert.deepEqual([midway.threads[0].seen, midway.threads[1].seen], [0, 1]);
    assert.deepEqual(facts(midway).racing, [], 'both between a read and a write, but of different values');
  });

  test('a fully sequential schedule loses nothing', () => {
    for (const increments of INCREMENTS.choices) {
      const steps = VARIANTS.unsynchronised.bodies[0].length * increments;
      const state = run('unsynchronised', '1'.repeat(steps) + '2'.repeat(steps), increments);
      assert.equal(state.counter, 2 * increments);
      assert.deepEqual(facts(state), { ...facts(state), done: true, lost: 0, lostWrites: [] });
    }
  });
});

describe('Mutex: lock, read, add, write, unlock', () => {
  test('the interleaving that lost an update is impossible: thread 2 waits for the lock', () => {
    const state = run('mutex', '11'); // thread 1 locked and read
    assert.deepEqual(canStep(state, 1), { can: false, reason: 'waiting', lock: 'locked', holder: 0 });
    assert.deepEqual(facts(state).waiting, [{ thread: 1, lock: 'locked', holder: 0 }]);
    assert.equal(facts(state).deadlock, null);
    assert.throws(() => step(state, 1), /thread 2 cannot step: waiting/);
    // Once thread 1 unlocks, thread 2 takes the lock and reads thread 1's write.
    const after = run('mutex', '11111' + '22');
    assert.equal(after.locks.locked, 1);
    assert.equal(after.threads[1].seen, 1);
  });

  test('any schedule ends at the expected count', () => {
    const state = alternate('mutex', 3);
    assert.equal(state.counter, 6);
    assert.deepEqual([facts(state).done, facts(state).lost, facts(state).lostWrites], [true, 0, []]);
  });
});

describe('atomic: one fetch_add', () => {
  test('never loses an increment, whatever the order', () => {
    for (const schedule of ['1122', '1212', '2121', '2211']) {
      const state = run('atomic', schedule);
      assert.equal(state.counter, 4, schedule);
      assert.equal(facts(state).lost, 0);
    }
    assert.deepEqual(run('atomic', '2', 1).events, [{ thread: 1, op: 'fetchAdd', round: 0, before: 0, value: 1 }]);
  });
});

describe('two locks taken in opposite order', () => {
  test('each taking its first lock deadlocks them, and says who waits for which lock', () => {
    const state = run('deadlock', '12');
    assert.deepEqual(state.locks, { lock_a: 0, lock_b: 1 });
    assert.deepEqual(facts(state).deadlock, [
      { thread: 0, lock: 'lock_b', holder: 1 },
      { thread: 1, lock: 'lock_a', holder: 0 },
    ]);
    assert.equal(facts(state).done, false);
    assert.equal(canStep(state, 0).can || canStep(state, 1).can, false);
  });

  test('one waiting for the other is not a deadlock; one thread through first is none at all', () => {
    const waiting = run('deadlock', '11'); // thread 1 holds both
    assert.deepEqual(facts(waiting).waiting, [{ thread: 1, lock: 'lock_b', holder: 0 }]);
    assert.equal(facts(waiting).deadlock, null);
    const state = run('deadlock', '11111' + '22222', 1);
    assert.equal(state.counter, 2);
    assert.equal(facts(state).done, true);
    assert.equal(facts(state).deadlock, null);
  });

  test('each thread’s code takes the locks in its own order', () => {
    const locks = (index) => programLines('deadlock', 1, index).filter((line) => /lock\(\)/.test(line.code))
      .map((line) => line.code.trim().slice(8, 14));
    assert.deepEqual(locks(0), ['lock_a', 'lock_b']);
    assert.deepEqual(locks(1), ['lock_b', 'lock_a']);
  });
});

describe('a session', () => {
  test('undo restores exactly the previous state, step after step', () => {
    const session = new Stepper('unsynchronised', 2);
    const states = [session.state];
    for (const thread of [0, 1, 0, 1, 1, 0]) {
      session.step(thread);
      states.push(structuredClone(session.state));
    }
    while (session.canUndo) {
      states.pop();
      const undone = session.undo();
      assert.ok(undone);
      assert.deepEqual(session.state, states.at(-1));
    }
    assert.equal(session.undo(), null, 'nothing left to undo');
    assert.deepEqual(session.state, initialState('unsynchronised', 2));
  });

  test('undo takes a deadlock back; reset starts over, with another variant if asked', () => {
    const session = new Stepper('deadlock', 1);
    session.step(0);
    session.step(1);
    assert.ok(facts(session.state).deadlock);
    session.undo();
    assert.equal(facts(session.state).deadlock, null);
    assert.equal(canStep(session.state, 1).can, true);
    session.reset('atomic', 3);
    assert.deepEqual(session.state, initialState('atomic', 3));
    assert.equal(session.canUndo, false);
  });

  test('an unknown variant or count is refused', () => {
    assert.throws(() => initialState('spinlock'), RangeError);
    assert.throws(() => initialState('mutex', 9), RangeError);
  });
});
