// The event loop's state at any moment of a run, read from the scheduler's own record
// (crate/src/scheduler): the task running, the ready queue in order, the pending timers,
// and what each suspended task awaits. Pure, so that Node tests it
// (tests/scheduler-state.test.mjs); scheduler-view.js shows it.

/** The sched events of one run, in the order the loop took them (their times never go
 * back: each is stamped as it happens). */
export class SchedulerRecord {
  #events = [];
  #names = new Map();
  #timerLanes = new Map();
  /** The state after the first `count` events, kept so that stepping on from it, as the
   * replay mostly does, reads only the events in between. */
  #cursor = null;

  /** Keeps one `{kind: 'sched', type, ...}` event. */
  add(event) {
    this.#events.push(event);
    if (event.type === 'spawned') this.#names.set(event.task, event.name);
    else if (event.type === 'timerSet') this.#timerLanes.set(event.timer, event.lane);
  }

  get size() {
    return this.#events.length;
  }

  get events() {
    return this.#events;
  }

  nameOf(task) {
    return this.#names.get(task) ?? `task ${task}`;
  }

  /** The lane whose sleep set `timer`. */
  laneOfTimer(timer) {
    return this.#timerLanes.get(timer) ?? '';
  }

  /** When event `index` happened: a step at its end. */
  timeOf(index) {
    const event = this.#events[index];
    return event.type === 'polled' ? event.end : event.at;
  }

  /** The loop's state once the first `count` events had happened: `{running, ready,
   * timers, suspended, generators, done}`. `running` is `{task, since, site}` or null,
   * `site` the await it resumes from (null for its first step); `ready` the queue, front
   * first, each `{task, cause, by, since, awaiting}`; `timers` the pending ones, soonest first, each
   * `{timer, task, lane, deadline, since}`; `suspended` each task parked at an await,
   * `{task, awaiting, since, site}`; `generators` each generator at its yield, waiting for
   * the next send, `{lane, since, site}`; `done` how many tasks finished. */
  stateAfter(count) {
    if (!this.#cursor || this.#cursor.count > count) this.#cursor = emptyCursor();
    const cursor = this.#cursor;
    for (; cursor.count < Math.min(count, this.#events.length); cursor.count++) {
      advance(cursor, this.#events[cursor.count]);
    }
    const timers = [...cursor.timers.values()].sort((a, b) => a.deadline - b.deadline || a.timer - b.timer);
    return {
      running: cursor.running,
      ready: cursor.ready.slice(cursor.readyFront),
      timers,
      suspended: [...cursor.suspended.values()],
      generators: [...cursor.generators.values()],
      done: cursor.done,
    };
  }

  /** The event loop's own lane: each step it ran, named by its task; between steps with
   * no task ready, the loop idle until a timer is due; and between steps while tasks wait
   * in the queue, the loop's own work (collecting wakes, the browser's glue), not idleness. */
  loopSpans(lane) {
    const spans = [];
    let previousEnd = null;
    let ready = 0;
    let idleFromPreviousEnd = false; // whether the queue was empty as the last step ended
    for (const event of this.#events) {
      if (event.type === 'woken') ready += 1;
      else if (event.type === 'pollStarted') {
        if (previousEnd !== null && event.at > previousEnd) {
          spans.push(idleFromPreviousEnd
            ? { lane, state: 'waiting', start: previousEnd, end: event.at, idle: true }
            : { lane, state: 'running', start: previousEnd, end: event.at, between: true });
        }
        ready = Math.max(0, ready - 1);
      } else if (event.type === 'polled') {
        spans.push({ lane, state: 'running', start: event.start, end: event.end, task: this.nameOf(event.task) });
        previousEnd = event.end;
        idleFromPreviousEnd = ready === 0;
      }
    }
    return spans;
  }

  /** The ready queue's length and the pending timers' count after each change, as
   * `{at, ready, timers}`: counter tracks of a Perfetto export. */
  counters() {
    const points = [];
    let [ready, timers] = [0, 0];
    for (const event of this.#events) {
      const before = [ready, timers];
      if (event.type === 'woken') ready += 1;
      else if (event.type === 'pollStarted') ready = Math.max(0, ready - 1);
      else if (event.type === 'timerSet') timers += 1;
      else if (event.type === 'timerEnded') timers = Math.max(0, timers - 1);
      if (ready !== before[0] || timers !== before[1]) points.push({ at: event.at, ready, timers });
    }
    return points;
  }
}

function emptyCursor() {
  return {
    count: 0,
    running: null,
    // The queue, and the index of its front: taking the front is then no copy.
    ready: [],
    readyFront: 0,
    timers: new Map(),
    suspended: new Map(),
    generators: new Map(),
    parkedAt: new Map(), // task → the site of the await it last stopped at
    done: 0,
  };
}

/** The state `cursor` after `event`. */
function advance(cursor, event) {
  switch (event.type) {
    case 'woken': {
      // Queued, it still stands at the await it stopped at, until the loop steps it.
      const awaiting = cursor.suspended.get(event.task)?.awaiting ?? [];
      cursor.suspended.delete(event.task);
      cursor.ready.push({ task: event.task, cause: event.cause, by: event.by, since: event.at, awaiting });
      break;
    }
    case 'pollStarted': {
      // The loop steps the task at the front of the queue.
      if (cursor.ready[cursor.readyFront]?.task === event.task) cursor.readyFront += 1;
      else {
        const queued = cursor.ready.findIndex((entry, index) => index >= cursor.readyFront && entry.task === event.task);
        if (queued >= 0) cursor.ready.splice(queued, 1);
      }
      cursor.running = { task: event.task, since: event.at, site: cursor.parkedAt.get(event.task) ?? null };
      break;
    }
    case 'polled':
      cursor.running = null;
      if (event.done) cursor.done += 1;
      else {
        const site = event.awaiting.at(-1)?.site ?? null;
        cursor.parkedAt.set(event.task, site);
        cursor.suspended.set(event.task, { task: event.task, awaiting: event.awaiting, since: event.end, site });
      }
      break;
    case 'timerSet':
      cursor.timers.set(event.timer, {
        timer: event.timer, task: event.task, lane: event.lane, deadline: event.deadline, since: event.at,
      });
      break;
    case 'timerEnded':
      cursor.timers.delete(event.timer);
      break;
    case 'generatorParked':
      if (event.parked) cursor.generators.set(event.lane, { lane: event.lane, since: event.at, site: event.site });
      else cursor.generators.delete(event.lane);
      break;
    default:
      break;
  }
}
