// A run of an example, in the manner of a task handle: it owns its stop, its redraw tick
// (the timeline's "now" cursor and the progress bar) and its outcome. The page decides what
// to show before and after (app.js); the run draws into the output and the timeline only
// while the page is still its own.

import { $ } from './dom.js';
import { failureMessage, threadsAvailable } from './build.js';
import { crateSentence, formatNumber, t } from './i18n.js';
import { outputWriter } from './output.js';
import { loadWasm, takePanic, whenTrapped } from './wasm.js';
import { epochNow } from './clock.js';
import { SchedulerRecord } from './scheduler-state.js';

/** Progress shows only for runs longer than this: a bar that flashes is noise. */
const PROGRESS_DELAY_MS = 300;
/** While workers compute, the page redraws a few times a second only: with a core per
 * worker, a redraw every frame would take time from them and slow what it shows. */
const WORKER_RUN_REFRESH_MS = 250;

/** The crate's refusal of a parameter, in the page's language; null for other errors. */
export const refusalText = (error) => (error.sentence ? crateSentence(error.sentence) : null);

/** A span's label in the page's language, if it is a sentence of the crate's own or of the
 * page's; undefined for code, which stays as written. */
export const pageLabel = (span) => (span.labelMessage ? crateSentence(span.labelMessage)
  : span.labelText ? t(span.labelText.key, span.labelText.vars) : undefined);

/** A span as the timeline shows it: its label in the page's language. */
export const shownSpan = (span) => {
  const label = pageLabel(span);
  return label === undefined ? span : { ...span, label };
};

/** The outcome of a run that was stopped before it did anything the page shows. */
export const stoppedOutcome = (example) => ({
  example: example.id, status: 'stopped', message: t('stopped'), elapsedMs: 0, output: [], outputLines: 0,
});

/** The output and the timeline emptied for a run driven by hand (a lab), on a clock from
 * `origin`: its writer, and where its lines, spans and arrows go. */
export function labPage(origin, laneColors) {
  $('output').replaceChildren();
  $('timeline').clear();
  $('timeline').origin = origin;
  const output = outputWriter(origin, laneColors);
  const emit = (event) => {
    if (event.kind === 'line') output.write(event);
    else if (event.kind === 'span') $('timeline').addSpan(shownSpan(event));
    else if (event.kind === 'flow') $('timeline').addFlow(event);
  };
  return { output, emit };
}

export class Run {
  #pool;
  #isShown;
  #stopped = false;
  #requestStop;
  #stopSignal = new Promise((resolve) => { this.#requestStop = resolve; });
  /** The event loop's record of its tasks (event-loop examples only; see scheduler-state.js). */
  scheduler = new SchedulerRecord();
  /** Every line the run printed, in order, as the crate reported it: what its questions are
   * checked against (the output panel keeps only the most recent). */
  lines = [];

  /** `example` with its checked `params`, on `pool` for the worker examples; `isShown()`
   * tells whether the page still belongs to this run. */
  constructor(example, params, { pool, isShown }) {
    this.example = example;
    this.params = params;
    this.#pool = pool;
    this.#isShown = isShown;
  }

  /** Stops the run: an event-loop example stops at its next await and says how far it
   * got; a pool's worker is discarded, and its successor starts now, for the next run. */
  stop() {
    this.#stopped = true;
    this.#requestStop();
    if (this.example.usesPool) {
      this.#pool.stop();
      this.#pool.start().catch(() => {});
    }
  }

  /** Runs the example, drawing into the output and the timeline. Resolves, once it ends,
   * to `{outcome, origin}`: the outcome as the embedding page's API gives it (status
   * 'done', 'error' or 'stopped', the status line's text, the output, the elapsed
   * milliseconds; `errors` for a parameter the crate refused; `notes` for how the run
   * differed from what was asked), and the run's time zero. */
  async perform() {
    const { example, params } = this;
    const pool = this.#pool;
    const shown = this.#isShown;
    const timeline = $('timeline');
    const notReady = await this.#ready();
    const origin = epochNow();
    // Stopped while it waited, or replaced by another run: the page is no longer its own.
    if (this.#stopped || !shown()) {
      return { outcome: stoppedOutcome(example), origin };
    }
    timeline.origin = origin;
    const output = outputWriter(origin, example.laneColors, shown);
    const stopTick = this.#tick(origin);

    // Event-loop examples may run sped up: their clock runs `speed` times as fast from
    // `origin`, and so does the timeline's "now" cursor.
    const control = { speed: this.#speed, origin, stop: this.#stopSignal };
    // Lines, spans and arrows of a stopped pool run are dropped with its worker; an event-loop run
    // reports how far it got, then says it stopped. A run that another has replaced shows
    // nothing more: the page is the new run's.
    const emit = (event) => {
      if ((this.#stopped && example.usesPool) || !shown()) return;
      if (event.kind === 'line') {
        this.lines.push(event);
        output.write(event);
      }
      else if (event.kind === 'span') timeline.addSpan(shownSpan(event));
      else if (event.kind === 'flow') timeline.addFlow(event);
      else if (event.kind === 'sched') this.scheduler.add(event);
    };
    let status;
    let message;
    let errors = null;
    try {
      if (notReady) throw notReady;
      // An example on the page's instance may trap where no call can catch it: a trap of
      // the instance ends the run all the same.
      let summary = null;
      if (!this.#stopped) {
        const running = example.run(params, { emit, pool, control });
        summary = await (example.usesPool ? running : Promise.race([running, whenTrapped()]));
      }
      if (summary === null || this.#stopped) [status, message] = ['stopped', t('stopped')];
      else [status, message] = ['done', t('finished', { summary })];
    } catch (error) {
      const panic = takePanic(error);
      if (this.#stopped) [status, message] = ['stopped', t('stopped')];
      else [status, message] = ['error', t('error', { message: refusalText(error) ?? failureMessage(error, panic) })];
      // A parameter the crate refused (a rule across fields), by the field to change.
      if (!this.#stopped && error.field) errors = { [error.field]: refusalText(error) };
    }
    stopTick();
    // Asked for more workers than a page without threads has: the result says so, for the
    // learner and for a course that reads it.
    const notes = status === 'done' && example.usesPool && !threadsAvailable && params.workers > 1
      ? [t('ranWithoutThreads', { workers: formatNumber(params.workers) })] : [];
    if (notes.length) message = `${message} ${notes.join(' ')}`;
    if (shown()) output.flush();
    const { recent, total } = output.lines;
    const outcome = {
      example: example.id, status, message, elapsedMs: epochNow() - origin,
      output: recent.map(({ at, lane, text }) => ({ atMs: at - origin, lane, text })),
      outputLines: total,
      ...(errors && { errors }),
      ...(notes.length && { notes }),
    };
    return { outcome, origin };
  }

  get #speed() {
    return this.example.eventLoop ? Number(this.params.speed ?? 1) : 1;
  }

  /** Waits for what the run runs on: the wasm, or a pool of the size asked for. Its clock
   * starts after, as a download or a pool's start is not the example's time. Resolves to
   * the error if that failed, else null. */
  async #ready() {
    try {
      if (this.example.usesPool) {
        if (this.params.workers) this.#pool.setWorkers(this.params.workers);
        await this.#pool.start();
      } else {
        // A download cannot be called off, but a stop need not wait for it.
        await Promise.race([loadWasm(), this.#stopSignal]);
      }
      return null;
    } catch (error) {
      return error;
    }
  }

  /** Redraws the "now" cursor and the progress bar while the run lasts; returns the
   * function that ends it and hides the progress bar. */
  #tick(origin) {
    const { example, params } = this;
    const pool = this.#pool;
    const timeline = $('timeline');
    const progress = $('progress');
    const progressTotal = example.progressTotal?.(params) ?? 0;
    const speed = this.#speed;
    let frame = 0;
    const tick = () => {
      if (!this.#isShown()) return;
      timeline.now = origin + (epochNow() - origin) * speed;
      if (progressTotal > 0 && pool.showsProgress && epochNow() - origin > PROGRESS_DELAY_MS) {
        progress.hidden = false;
        progress.value = Math.min(1, pool.rowsDone() / progressTotal);
      }
      frame = example.usesPool ? setTimeout(tick, WORKER_RUN_REFRESH_MS) : requestAnimationFrame(tick);
    };
    tick();
    return () => {
      if (example.usesPool) clearTimeout(frame);
      else cancelAnimationFrame(frame);
      if (this.#isShown()) {
        progress.hidden = true;
        progress.value = 0;
      }
    };
  }
}
