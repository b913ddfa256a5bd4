// "Be the scheduler" for example 2: two threads, each a small program of micro-steps on a
// shared counter, stepped by the learner one at a time. Pure data, no page and no language
// (the view writes every fact in words): the Node tests drive it as the page does.
//
// The programs mirror crate/src/demos/threading/counter.rs: the unsynchronised update is
// add_unsynchronised's load, add and store; the Mutex one is `*locked.lock().unwrap() += 1`
// written out step by step; the atomic one is its fetch_add. The deadlock variant is not in
// the crate (a real run would hang): two locks taken in opposite order.

export const THREADS = 2;
export const INCREMENTS = { choices: [1, 2, 3], default: 2 };

/** Each variant: the shared counter's name in the code, its locks, and each thread's body
 * (one increment), a line of code per step. A step's `op` is what it does:
 * read / add / write (the unsynchronised update, and the Mutex's under its lock),
 * lock / unlock (`lock` names which), fetchAdd (the atomic's one step), increment (one
 * step under both locks). */
export const VARIANTS = {
  unsynchronised: {
    counter: 'counter',
    locks: [],
    bodies: [[
      { op: 'read', code: 'let seen = counter.load(Relaxed);' },
      { op: 'add', code: 'let mine = seen + 1;' },
      { op: 'write', code: 'counter.store(mine, Relaxed);' },
    ]],
  },
  mutex: {
    counter: 'locked',
    locks: ['locked'],
    bodies: [[
      { op: 'lock', lock: 'locked', code: 'let mut count = locked.lock().unwrap();' },
      { op: 'read', code: 'let seen = *count;' },
      { op: 'add', code: 'let mine = seen + 1;' },
      { op: 'write', code: '*count = mine;' },
      { op: 'unlock', lock: 'locked', code: 'drop(count);' },
    ]],
  },
  atomic: {
    counter: 'atomic',
    locks: [],
    bodies: [[
      { op: 'fetchAdd', code: 'atomic.fetch_add(1, Relaxed);' },
    ]],
  },
  deadlock: {
    counter: 'count',
    locks: ['lock_a', 'lock_b'],
    // Thread 1 takes lock_a then lock_b; thread 2 the other way round.
    bodies: [[
      { op: 'lock', lock: 'lock_a', code: 'let a = lock_a.lock().unwrap();' },
      { op: 'lock', lock: 'lock_b', code: 'let b = lock_b.lock().unwrap();' },
      { op: 'increment', code: 'count += 1;' },
      { op: 'unlock', lock: 'lock_b', code: 'drop(b);' },
      { op: 'unlock', lock: 'lock_a', code: 'drop(a);' },
    ], [
      { op: 'lock', lock: 'lock_b', code: 'let b = lock_b.lock().unwrap();' },
      { op: 'lock', lock: 'lock_a', code: 'let a = lock_a.lock().unwrap();' },
      { op: 'increment', code: 'count += 1;' },
      { op: 'unlock', lock: 'lock_a', code: 'drop(a);' },
      { op: 'unlock', lock: 'lock_b', code: 'drop(b);' },
    ]],
  },
};

/** Thread `index`'s code as lines, the loop around its body: [{code, step}], where `step`
 * is the body's step index on that line (none on the loop's own lines). */
export function programLines(variant, increments, index) {
  const body = bodyOf(variant, index);
  return [
    { code: `for _ in 0..${increments} {` },
    ...body.map(({ code }, step) => ({ code: `    ${code}`, step })),
    { code: '}' },
  ];
}

const bodyOf = (variant, index) => {
  const { bodies } = VARIANTS[variant];
  return bodies[index % bodies.length];
};

/** The state before any step. States are never changed: a step makes a new one. */
export function initialState(variant = 'unsynchronised', increments = INCREMENTS.default) {
  if (!VARIANTS[variant]) throw new RangeError(`no variant “${variant}”`);
  if (!INCREMENTS.choices.includes(increments)) throw new RangeError(`increments: ${increments}`);
  return {
    variant,
    increments,
    counter: 0,
    // Each thread's position: which increment (round) and which step of its body; and its
    // locals, null until set.
    threads: Array.from({ length: THREADS }, () => ({ round: 0, step: 0, seen: null, mine: null })),
    locks: Object.fromEntries(VARIANTS[variant].locks.map((lock) => [lock, null])),
    // Every write to the counter so far: {thread, value}.
    writes: [],
    // Every step taken, oldest first (see `step` for what each holds).
    events: [],
  };
}

/** The step thread `index` would take next, or null once it is finished. */
export function nextStep(state, index) {
  const thread = state.threads[index];
  if (thread.round >= state.increments) return null;
  return bodyOf(state.variant, index)[thread.step];
}

/** Whether thread `index` can step now: {can: true}, or {can: false, reason: 'finished'},
 * or {can: false, reason: 'waiting', lock, holder} when its next step takes a lock another
 * thread holds. */
export function canStep(state, index) {
  const next = nextStep(state, index);
  if (!next) return { can: false, reason: 'finished' };
  if (next.op === 'lock') {
    const holder = state.locks[next.lock];
    if (holder !== null && holder !== index) return { can: false, reason: 'waiting', lock: next.lock, holder };
  }
  return { can: true };
}

/** The state after thread `index` takes its next step; its event is the new state's last.
 * Throws when it cannot step (see `canStep`). Events: {thread, op, round, ...}, with
 * read {value}, add {seen, value}, write {value, before, lost: {over, count} | null},
 * fetchAdd and increment {before, value}, lock and unlock {lock}. */
export function step(state, index) {
  const able = canStep(state, index);
  if (!able.can) throw new Error(`thread ${index + 1} cannot step: ${able.reason}`);
  const { op, lock } = nextStep(state, index);
  const thread = { ...state.threads[index] };
  const locks = { ...state.locks };
  let { counter, writes } = state;
  const event = { thread: index, op, round: thread.round };
  switch (op) {
    case 'read':
      thread.seen = counter;
      event.value = counter;
      break;
    case 'add':
      thread.mine = thread.seen + 1;
      Object.assign(event, { seen: thread.seen, value: thread.mine });
      break;
    case 'write': {
      event.before = counter;
      event.value = thread.mine;
      event.lost = overwritten(state, index);
      counter = thread.mine;
      writes = [...writes, { thread: index, value: counter }];
      break;
    }
    case 'fetchAdd':
    case 'increment':
      event.before = counter;
      counter += 1;
      event.value = counter;
      writes = [...writes, { thread: index, value: counter }];
      break;
    case 'lock':
      locks[lock] = index;
      event.lock = lock;
      break;
    case 'unlock':
      locks[lock] = null;
      event.lock = lock;
      break;
    default:
      throw new Error(`unknown step ${op}`);
  }
  thread.step += 1;
  if (thread.step === bodyOf(state.variant, index).length) {
    thread.step = 0;
    thread.round += 1;
  }
  const threads = state.threads.map((old, i) => (i === index ? thread : old));
  return { ...state, counter, threads, locks, writes, events: [...state.events, event] };
}

/** What thread `index`'s write is about to overwrite: {over, overValue, count}, the
 * increments other threads wrote since it read (lost when it writes) and the last of their
 * writes — or null when it loses none. (A write can also put back increments an earlier
 * stale write had lost: the count that matters in the end is the counter's.) */
function overwritten(state, index) {
  const { seen } = state.threads[index];
  const count = state.counter - seen;
  if (count <= 0) return null;
  // The counter moved since this thread read it, so another thread wrote since.
  const last = state.writes.at(-1);
  return { over: last.thread, overValue: last.value, count };
}

/** The facts a learner should be told about `state`:
 * - `waiting`: [{thread, lock, holder}], each thread that waits for a lock another holds;
 * - `deadlock`: that list again when every unfinished thread waits on another's lock (no
 *   step is possible, yet not all finished), else null;
 * - `racing`: [thread, …] when two or more threads have read the same value and not yet
 *   written back: they will all write the same value, and all their increments but one
 *   will be lost;
 * - `stale`: [thread, …] that read the counter before another thread's write and have not
 *   written back yet: their write will lose the increments made since;
 * - `lostWrites`: the write events that overwrote increments;
 * - `done`: every thread finished; `expected`: the count every increment would reach;
 *   `lost`: expected minus the counter once done (0 before). */
export function facts(state) {
  const waiting = [];
  const unfinished = [];
  state.threads.forEach((_, index) => {
    const able = canStep(state, index);
    if (able.reason !== 'finished') unfinished.push(index);
    if (able.reason === 'waiting') waiting.push({ thread: index, lock: able.lock, holder: able.holder });
  });
  const deadlock = unfinished.length > 0 && waiting.length === unfinished.length ? waiting : null;
  // Between a read and its write (the next step adds or writes back), having read the same
  // value: both will write the same, one increment for two. (A Mutex never lets two threads
  // be there at once; that is the point of it.)
  const between = unfinished.filter((index) => ['add', 'write'].includes(nextStep(state, index).op));
  const racing = between.filter((index) => state.threads[index].seen === state.threads[between[0]].seen);
  const stale = between.filter((index) => state.threads[index].seen < state.counter);
  const expected = state.increments * THREADS;
  const done = unfinished.length === 0;
  return {
    waiting,
    deadlock,
    racing: racing.length > 1 ? racing : [],
    stale,
    lostWrites: state.events.filter((event) => event.lost),
    done,
    expected,
    lost: done ? expected - state.counter : 0,
  };
}

/** A learner's session: the states so far, so that Undo steps back exactly. */
export class Stepper {
  constructor(variant, increments) {
    this.reset(variant, increments);
  }

  get state() {
    return this.history.at(-1);
  }

  get canUndo() {
    return this.history.length > 1;
  }

  /** Starts over, with another variant or increment count if given. */
  reset(variant = this.state?.variant, increments = this.state?.increments) {
    this.history = [initialState(variant, increments)];
  }

  /** Thread `index`'s next step; returns its event. */
  step(index) {
    this.history.push(step(this.state, index));
    return this.state.events.at(-1);
  }

  /** Takes back the last step; returns its event, or null when there was none. */
  undo() {
    if (!this.canUndo) return null;
    const undone = this.state.events.at(-1);
    this.history.pop();
    return undone;
  }
}
