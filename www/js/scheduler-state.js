// The event loop's state at any moment of a run, read from the scheduler's own record
// (crate/src/scheduler): the task running, the ready queue in order, the pending timers,
// and what each suspended task awaits. Pure, so that Node tests it
// (tests/scheduler-state.test.mjs); scheduler-view.js shows it.

/** The sched events of one run, in the order the loop took them (their times never go
 * back: each is stamped as it happens). */
export class SchedulerRecord {
  #events = [];
  #names = new Map();

  /** Keeps one `{kind: 'sched', type, ...}` event. */
  add(event) {
    this.#events.push(event);
    if (event.type === 'spawned') this.#names.set(event.task, event.name);
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

  /** When event `index` happened: a step at its end. */
  timeOf(index) {
    const event = this.#events[index];
    return event.type === 'polled' ? event.end : event.at;
  }

  /** How many events had happened by `time`: the state at `time` is `stateAfter` that. */
  countAt(time) {
    let [low, high] = [0, this.#events.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.timeOf(middle) <= time) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The loop's state once the first `count` events had happened: `{running, ready,
   * timers, suspended, done}`. `running` is `{task, since, site}` or null, `site` the
   * await it resumes from (null for its first step); `ready` the queue, front first, each
   * `{task, cause, by, since}`; `timers` the pending ones, soonest first, each `{timer,
   * task, lane, deadline, since}`; `suspended` each task parked at an await, `{task,
   * awaiting, since, site}`; `generators` each generator at its yield, waiting for the
   * next send, `{lane, since, site}`; `done` the tasks that finished. */
  stateAfter(count) {
    let running = null;
    const ready = [];
    const timers = new Map();
    const suspended = new Map();
    const done = [];
    const parkedAt = new Map(); // task → the site of the await it last stopped at
    const generators = new Map(); // lane → a generator at its yield, {lane, since, site}
    for (const event of this.#events.slice(0, count)) {
      switch (event.type) {
        case 'woken':
          suspended.delete(event.task);
          ready.push({ task: event.task, cause: event.cause, by: event.by, since: event.at });
          break;
        case 'pollStarted': {
          const queued = ready.findIndex((entry) => entry.task === event.task);
          if (queued >= 0) ready.splice(queued, 1);
          running = { task: event.task, since: event.at, site: parkedAt.get(event.task) ?? null };
          break;
        }
        case 'polled':
          running = null;
          if (event.done) done.push(event.task);
          else {
            const site = event.awaiting.at(-1)?.site ?? null;
            parkedAt.set(event.task, site);
            suspended.set(event.task, { task: event.task, awaiting: event.awaiting, since: event.end, site });
          }
          break;
        case 'timerSet':
          timers.set(event.timer, {
            timer: event.timer, task: event.task, lane: event.lane, deadline: event.deadline, since: event.at,
          });
          break;
        case 'timerEnded':
          timers.delete(event.timer);
          break;
        case 'generatorParked':
          if (event.parked) generators.set(event.lane, { lane: event.lane, since: event.at, site: event.site });
          else generators.delete(event.lane);
          break;
        default:
          break;
      }
    }
    const pending = [...timers.values()].sort((a, b) => a.deadline - b.deadline || a.timer - b.timer);
    return {
      running, ready, timers: pending, suspended: [...suspended.values()], generators: [...generators.values()], done,
    };
  }

  /** The event loop's own lane: each step it ran, named by its task, and between steps,
   * idle until a timer is due (or, with no timer pending, the run's end). */
  loopSpans(lane) {
    const spans = [];
    let previousEnd = null;
    for (const event of this.#events) {
      if (event.type !== 'polled') continue;
      if (previousEnd !== null && event.start > previousEnd) {
        spans.push({ lane, state: 'waiting', start: previousEnd, end: event.start, idle: true });
      }
      spans.push({ lane, state: 'running', start: event.start, end: event.end, task: this.nameOf(event.task) });
      previousEnd = event.end;
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
