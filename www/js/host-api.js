// The postMessage API of an embedded example, for the course page around it (a quiz, an
// autograder): run the example with given parameters and receive its outcome; the height
// of the page, so the host can size its iframe; and, once the course has said hello, what
// the learner does: each question answered, each run's result. README.md documents the
// messages.
//
// Only the window that embeds this page is listened to, and replies go to it alone, at
// the origin it wrote from. Anything that is not a well-formed request gets an error
// reply saying why; messages of other libraries (without the "playground:" prefix) are
// left alone.

import { onPage } from './page-events.js';

const PREFIX = 'playground:';
/** The API's version, raised whenever a message changes in a way an existing course would
 * notice; `playground:hello` replies with it. */
export const API_VERSION = 1;
/** What this version does, for a course to check before relying on it. */
export const CAPABILITIES = ['run', 'stop', 'result', 'answer', 'height'];
/** Requests are a few parameters: anything larger is a mistake, or an attack. */
export const MAX_REQUEST_CHARS = 4096;

/** Ids and parameter values are strings or numbers, nothing else. */
const isStringOrNumber = (value) => typeof value === 'string' || typeof value === 'number';

const isPlainObject = (value) =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Nesting deeper than this is no request of this API's, and recursion must end. */
const MAX_DEPTH = 8;

/**
 * The size of `value` in characters as JSON would write it (about), counted only until it
 * passes `budget`; null if it holds anything but JSON's data. JSON.stringify cannot tell:
 * a structured clone may carry a 1 GB ArrayBuffer or a Map that stringify writes as "{}",
 * or cycles on which it throws only after walking.
 */
export function plainDataSize(value, budget = MAX_REQUEST_CHARS, depth = 0) {
  if (value === null || typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : null;
  if (typeof value === 'string') return value.length + 2;
  if (depth >= MAX_DEPTH || (!Array.isArray(value) && !isPlainObject(value))) return null;
  let size = 2;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const itemSize = plainDataSize(item, budget - size, depth + 1);
    if (itemSize === null) return null;
    size += key.length + 4 + itemSize;
    if (size > budget) break;
  }
  return size;
}

/** The request's problem, or '' when it is well-formed. */
export function requestProblem(data) {
  const size = plainDataSize(data);
  if (size === null) return 'A request must be plain data (JSON): objects, arrays, strings, numbers, true, false and null.';
  if (size > MAX_REQUEST_CHARS) return `A request must stay under ${MAX_REQUEST_CHARS} characters.`;
  if (data.id !== undefined && !isStringOrNumber(data.id)) return '"id" must be a string or a number.';
  if (data.type === 'playground:run') {
    if (data.example !== undefined && typeof data.example !== 'string') return '"example" must be a string.';
    if (data.params !== undefined) {
      if (!isPlainObject(data.params)) return '"params" must be an object.';
      for (const [name, value] of Object.entries(data.params)) {
        if (!isStringOrNumber(value)) return `Parameter "${name}" must be a string or a number.`;
      }
    }
  } else if (data.type !== 'playground:stop' && data.type !== 'playground:hello') {
    return `Unknown request "${data.type}": this page answers playground:hello, playground:run and playground:stop.`;
  }
  return '';
}

/**
 * Answers the embedding page's requests: `run({example, params})` resolves to the run's
 * outcome (or throws an Error whose message is the reply), `stop()` stops the live run,
 * `current()` says the example shown and whether it has threads (`playground:ready` and
 * the hello's reply). Does nothing when the
 * page is not embedded.
 */
export function answerHost({ run, stop, current }) {
  if (window.parent === window) return;
  // The origin that said hello, and so is told what the learner does; null until then.
  let courseOrigin = null;
  const tellCourse = (message) => {
    if (courseOrigin !== null) window.parent.postMessage(message, courseOrigin);
  };
  onPage('answer', (answer) => tellCourse({ type: 'playground:answer', ...answer }));
  // A run the course asked for is told by the reply to that request, not as news.
  onPage('run-ended', ({ outcome, asked }) => {
    if (!asked) tellCourse({ type: 'playground:result', ...outcome });
  });
  addEventListener('message', async (event) => {
    if (event.source !== window.parent) return;
    const { data } = event;
    if (!isPlainObject(data) || typeof data.type !== 'string' || !data.type.startsWith(PREFIX)) return;
    // An opaque origin (a sandboxed frame) cannot be named as a target. An id that is not
    // a string or a number is not echoed: the reply says what is wrong with it.
    const id = isStringOrNumber(data.id) ? data.id : undefined;
    const reply = (message) => event.source.postMessage(
      { id, ...message }, event.origin === 'null' ? '*' : event.origin);
    const problem = requestProblem(data);
    if (problem) return reply({ type: 'playground:error', message: problem });
    if (data.type === 'playground:stop') {
      stop();
      return reply({ type: 'playground:stopped' });
    }
    if (data.type === 'playground:hello') {
      courseOrigin = event.origin === 'null' ? '*' : event.origin;
      return reply({ type: 'playground:hello', version: API_VERSION, capabilities: CAPABILITIES, ...current() });
    }
    try {
      reply({ type: 'playground:result', ...await run({ example: data.example, params: data.params ?? {} }) });
    } catch (error) {
      reply({ type: 'playground:error', message: error.message });
    }
  });
  tellHost({ type: 'playground:ready', ...current() });
  reportHeight();
}

/** What every page may know (no output, no parameters): sent to whichever page embeds. */
function tellHost(message) {
  window.parent.postMessage(message, '*');
}

/** The page's height whenever it changes, so that the host can fit its iframe to it. */
function reportHeight() {
  let reported = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    tellHost({ type: 'playground:height', height });
  };
  new ResizeObserver(report).observe(document.documentElement);
}
